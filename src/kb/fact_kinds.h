// The vocabulary of "kind" filters over a pair's facts and occurrences, shared by
// `dyad facts --kind K` and `GET /api/pairs/{a}/{b}/facts?kind=K` so both accept the same words:
//   (empty)      everything
//   facts        facts only;  occurrences | events: occurrences only
//   a family     relations, missions, envoys, offices, memberships, agreements, installations,
//                assistance, polls, trade, other (each a set of relations, see RelationFamily)
//   a relation   its name, e.g. chief_of_mission
//   otherwise    an occurrence kind (visit, protest, ...) or CAMEO code ("042")
// A kind is known when it is one of the fixed words above or the kind or CAMEO code of some
// occurrence in the knowledge base; callers reject unknown kinds.
#pragma once

#include <string_view>
#include <vector>

#include "kb/model.h"

namespace dyad::kb {

class KnowledgeBase;

// The family a relation belongs to ("relations", "envoys", ..., "other").
std::string_view RelationFamily(Relation r);

// Every family name, in the order the help text lists them.
const std::vector<std::string_view>& RelationFamilies();

bool KindWantsFacts(std::string_view kind);
bool KindWantsOccurrences(std::string_view kind);
bool FactMatchesKind(std::string_view kind, const Fact& f);
bool OccurrenceMatchesKind(std::string_view kind, const Occurrence& o);

// True for the fixed vocabulary and for any occurrence kind or CAMEO code in `kb`.
bool KindIsKnown(const KnowledgeBase& kb, std::string_view kind);

// One sentence naming the accepted vocabulary, for error messages.
std::string_view KindVocabulary();

}  // namespace dyad::kb
