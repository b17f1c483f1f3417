// The knowledge base of a command about particular states: by default what the compiled
// snapshot of every bundled pack (the curated packs of data/packs and the dataset packs of
// data/kb-packs: embassies, leaders, factbook, treaties; kb/snapshot.h) holds about those
// states; with --packs, exactly the text packs given. The snapshot is rebuilt when missing
// or stale (a pack file changed).
#ifndef DYAD_CLI_PAIR_KB_H_
#define DYAD_CLI_PAIR_KB_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/session.h"

namespace dyad::cli {

// Loads s->kb from the text packs `packs` or, when `packs` is empty, from the snapshot's
// chunks of `states`. False after printing on failure. A snapshot that cannot be compiled
// or read is a warning: the curated text packs of data/packs are read instead (the
// dataset sections then say they are not loaded).
bool LoadKnowledgeFor(std::string_view command, Session* s, std::vector<std::string> packs,
                      const std::vector<std::string>& states);

}  // namespace dyad::cli

#endif  // DYAD_CLI_PAIR_KB_H_
