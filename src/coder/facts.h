// Candidate facts: coded events that establish knowledge, as a pack for review.
//
// A completed event whose pattern names a fact (data/coder/verbs.tsv, column `fact`)
// becomes pack rows (docs/formats/packs.md), each citing one source row per sentence
// (title = the sentence, note = where it was read and the pattern that fired):
//   recognized, relations_established/_severed/_suspended/_resumed  -> a fact A-B
//   agreement_signed / agreement_terminated  -> an agreement entity, party_to both
//   mission_opened / mission_closed          -> a mission entity of A in B
//   installation_opened / installation_closed -> an installation of A hosted by B
//   expulsion                                -> an occurrence with actor and target
// Events without a date give no row (counted). The pack is written by kb::WritePack and
// passes `dyad check`; the rows are candidates, for a person to confirm or discard.
#ifndef DYAD_CODER_FACTS_H_
#define DYAD_CODER_FACTS_H_

#include <string>
#include <vector>

#include "coder/coder.h"
#include "kb/model.h"
#include "world/world.h"

namespace dyad::coder {

struct LocatedEvent {
  CodedEvent event;
  std::string where;                  // "news.txt:12"
  std::optional<Date> document_date;  // the source's publication date, when known
};

struct CandidateCounts {
  uint64_t rows = 0;       // facts, entities and occurrences written
  uint64_t undated = 0;    // knowledge-establishing events left out for want of a date
};

// `pack` names the pack (source ids are "<pack>:s1", ...).
kb::PackData CandidateFacts(const std::vector<LocatedEvent>& events, const std::string& pack,
                            const world::World& world, CandidateCounts* counts);

}  // namespace dyad::coder

#endif  // DYAD_CODER_FACTS_H_
