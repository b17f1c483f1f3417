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

#include <string>
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

// What a pair's facts listing shows: `dyad facts A B` and GET /api/pairs/{a}/{b}/facts
// both answer from PairFacts, so they list the same rows.
struct PairFactsSelection {
  std::vector<const Fact*> facts;              // in the dyad view's order, then by start
  std::vector<const Occurrence*> occurrences;  // in the dyad view's order
};

// The facts and occurrences of the pair a–b within `period` that match `kind` (an
// unchecked kind matches nothing special; check KindIsKnown first). Memberships are facts
// about one state, so for kinds that take memberships (all facts, "memberships",
// "member_of") the member_of facts of both states in every organization both belonged to
// during the period are added: the pair's shared memberships. Facts are then ordered
// dated before undated, by start.
PairFactsSelection PairFacts(const KnowledgeBase& kb, const std::string& a, const std::string& b,
                             const Interval& period, std::string_view kind);

}  // namespace dyad::kb
