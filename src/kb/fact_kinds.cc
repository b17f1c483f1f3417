#include "kb/fact_kinds.h"

#include <algorithm>
#include <climits>
#include <map>

#include "kb/knowledge_base.h"

namespace dyad::kb {

std::string_view RelationFamily(Relation r) {
  using R = Relation;
  switch (r) {
    case R::kRecognized: case R::kRelationsEstablished: case R::kRelationsSuspended:
    case R::kRelationsSevered: case R::kRelationsResumed: case R::kNoRelations:
    case R::kRelationsStatement: return "relations";
    case R::kMissionOpened: case R::kMissionClosed: case R::kMissionLocatedAt:
    case R::kMissionBuilding: return "missions";
    case R::kChiefOfMission: case R::kPostVacant: return "envoys";
    case R::kPartOf: case R::kHeadedBy: case R::kReportsTo: case R::kHoldsOffice:
    case R::kResponsibleFor: return "offices";
    case R::kMemberOf: case R::kObserverOf: return "memberships";
    case R::kPartyTo: case R::kAgreementSigned: case R::kAgreementInForce:
    case R::kAgreementTerminated: return "agreements";
    case R::kInstallationHostedBy: case R::kInstallationOperatedBy:
    case R::kInstallationOpened: case R::kInstallationClosed: return "installations";
    case R::kAssistance: return "assistance";
    case R::kPollResult: return "polls";
    case R::kCurrency: case R::kInCurrencyZone: case R::kTradeSuspended:
    case R::kTradeRestrictions: case R::kTradeTrend: return "trade";
    default: return "other";
  }
}

const std::vector<std::string_view>& RelationFamilies() {
  static const std::vector<std::string_view> kFamilies = {
      "relations", "missions", "envoys", "offices", "memberships", "agreements",
      "installations", "assistance", "polls", "trade", "other"};
  return kFamilies;
}

namespace {
bool OnlyOccurrences(std::string_view kind) { return kind == "occurrences" || kind == "events"; }
bool IsFamily(std::string_view kind) {
  const auto& f = RelationFamilies();
  return std::find(f.begin(), f.end(), kind) != f.end();
}
}  // namespace

bool KindWantsFacts(std::string_view kind) { return !OnlyOccurrences(kind); }

bool KindWantsOccurrences(std::string_view kind) { return kind != "facts"; }

bool FactMatchesKind(std::string_view kind, const Fact& f) {
  return kind.empty() || kind == "facts" || kind == RelationName(f.relation) ||
         kind == RelationFamily(f.relation);
}

bool OccurrenceMatchesKind(std::string_view kind, const Occurrence& o) {
  return kind.empty() || OnlyOccurrences(kind) || kind == o.kind || kind == o.cameo;
}

bool KindIsKnown(const KnowledgeBase& kb, std::string_view kind) {
  if (kind.empty() || kind == "facts" || OnlyOccurrences(kind) || IsFamily(kind)) return true;
  if (ParseRelation(kind)) return true;
  const auto& occ = kb.occurrences();
  return std::any_of(occ.begin(), occ.end(),
                     [&](const Occurrence& o) { return o.kind == kind || o.cameo == kind; });
}

std::string_view KindVocabulary() {
  return "facts, occurrences (or events), a family (relations, missions, envoys, offices, "
         "memberships, agreements, installations, assistance, polls, trade, other), a relation "
         "name, or an occurrence kind or CAMEO code present in the knowledge base";
}

namespace {

bool TakesMemberships(std::string_view kind) {
  return kind.empty() || kind == "memberships" || kind == "member_of" || kind == "facts";
}

// The member_of facts of `state` within `period`, by organization.
std::map<std::string, std::vector<const Fact*>> MembershipsByOrg(const KnowledgeBase& kb, const std::string& state,
                                                                  const Interval& period) {
  std::map<std::string, std::vector<const Fact*>> by_org;
  for (const Fact* f : kb.FactsOf(state, Relation::kMemberOf))
    if (f->undated || f->valid.Overlaps(period)) by_org[f->object].push_back(f);
  return by_org;
}

// Both states' member_of facts in every organization both belonged to during `period`.
void AddSharedMemberships(const KnowledgeBase& kb, const std::string& a, const std::string& b,
                          const Interval& period, std::vector<const Fact*>* facts) {
  const auto by_org_a = MembershipsByOrg(kb, a, period), by_org_b = MembershipsByOrg(kb, b, period);
  for (const auto& [org, fa] : by_org_a) {
    auto it = by_org_b.find(org);
    if (it == by_org_b.end()) continue;
    facts->insert(facts->end(), fa.begin(), fa.end());
    facts->insert(facts->end(), it->second.begin(), it->second.end());
  }
}

// Dated before undated, then by the first day of the start.
bool StartsBefore(const Fact* x, const Fact* y) {
  if (x->undated != y->undated) return !x->undated;
  auto lo = [](const Fact* f) { return f->valid.start() ? f->valid.start()->first_day() : INT32_MIN; };
  return lo(x) < lo(y);
}

}  // namespace

PairFactsSelection PairFacts(const KnowledgeBase& kb, const std::string& a, const std::string& b,
                             const Interval& period, std::string_view kind) {
  const DyadView view = kb.Dyad(a, b, period);
  PairFactsSelection out;
  for (const Fact* f : view.facts)
    if (KindWantsFacts(kind) && FactMatchesKind(kind, *f)) out.facts.push_back(f);
  for (const Occurrence* o : view.occurrences)
    if (KindWantsOccurrences(kind) && OccurrenceMatchesKind(kind, *o)) out.occurrences.push_back(o);
  if (!KindWantsFacts(kind) || !TakesMemberships(kind)) return out;
  AddSharedMemberships(kb, a, b, period, &out.facts);
  std::stable_sort(out.facts.begin(), out.facts.end(), StartsBefore);
  return out;
}

}  // namespace dyad::kb
