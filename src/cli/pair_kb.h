// The knowledge base of a command about particular states: the text packs (data/packs, or
// the --packs given) plus, by default, what the compiled snapshot of the dataset packs
// (data/kb-packs: embassies, leaders, factbook, treaties; kb/snapshot.h) holds about those
// states. The snapshot is rebuilt when missing or stale (a pack file changed).
#ifndef DYAD_CLI_PAIR_KB_H_
#define DYAD_CLI_PAIR_KB_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/session.h"

namespace dyad::cli {

// Loads s->kb from `packs` (empty: every pack under data/packs) and, when `packs` is empty,
// the snapshot's chunks of `states`. False after printing on failure; a missing or broken
// snapshot is a warning (the dataset sections then say they are not loaded).
bool LoadKnowledgeFor(std::string_view command, Session* s, std::vector<std::string> packs,
                      const std::vector<std::string>& states);

}  // namespace dyad::cli

#endif  // DYAD_CLI_PAIR_KB_H_
