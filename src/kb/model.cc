#include "kb/model.h"

#include <array>
#include <mutex>
#include <set>

namespace dyad::kb {
namespace {

constexpr std::array<std::string_view, kEntityKindCount> kKindNames = {
    "state",  "organization", "agency",    "office", "mission",  "person",
    "place",  "installation", "agreement", "poll",   "operation"};

constexpr uint32_t B(EntityKind k) { return KindBit(k); }
constexpr uint32_t kState = B(EntityKind::kState);
constexpr uint32_t kOrg = B(EntityKind::kOrganization);
constexpr uint32_t kAgency = B(EntityKind::kAgency);
constexpr uint32_t kOffice = B(EntityKind::kOffice);
constexpr uint32_t kMission = B(EntityKind::kMission);
constexpr uint32_t kPerson = B(EntityKind::kPerson);
constexpr uint32_t kPlace = B(EntityKind::kPlace);
constexpr uint32_t kInst = B(EntityKind::kInstallation);
constexpr uint32_t kAgr = B(EntityKind::kAgreement);
constexpr uint32_t kPoll = B(EntityKind::kPoll);
constexpr uint32_t kOp = B(EntityKind::kOperation);
constexpr uint32_t kAny = (1u << kEntityKindCount) - 1;

using R = Relation;
using S = Shape;
using O = ObjectRule;
using V = ValueRule;

std::vector<RelationInfo> MakeTable() {
  return {
      {R::kRecognized, "recognized", S::kPoint, false, kState, O::kRequired, kState, V::kNone,
       "the subject state recognized the object state"},
      {R::kRelationsEstablished, "relations_established", S::kPoint, true, kState, O::kRequired,
       kState, V::kNone, "diplomatic relations were established"},
      {R::kRelationsSuspended, "relations_suspended", S::kPoint, true, kState, O::kRequired,
       kState, V::kNone, "diplomatic relations were suspended"},
      {R::kRelationsSevered, "relations_severed", S::kPoint, true, kState, O::kRequired, kState,
       V::kNone, "diplomatic relations were severed"},
      {R::kRelationsResumed, "relations_resumed", S::kPoint, true, kState, O::kRequired, kState,
       V::kNone, "diplomatic relations were resumed"},
      {R::kNoRelations, "no_relations", S::kSpan, true, kState, O::kRequired, kState, V::kNone,
       "a source states the two had no diplomatic relations"},
      {R::kRelationsStatement, "relations_statement", S::kSpan, false, kState, O::kOptional,
       kOrg, V::kOptional,
       "the subject states it has relations with every member of the object, except= ..."},
      {R::kMissionOpened, "mission_opened", S::kPoint, false, kMission, O::kOptional, kState,
       V::kNone, "the mission was opened (established)"},
      {R::kMissionClosed, "mission_closed", S::kPoint, false, kMission, O::kNone, 0, V::kNone,
       "the mission was closed"},
      {R::kMissionLocatedAt, "mission_located_at", S::kSpan, false, kMission, O::kOptional,
       kPlace | kState, V::kOptional, "the mission was at the place; value the street address"},
      {R::kMissionBuilding, "mission_building", S::kSpan, false, kMission, O::kNone, 0,
       V::kRequired, "the mission occupied the building described"},
      {R::kChiefOfMission, "chief_of_mission", S::kSpan, false, kPerson, O::kRequired, kMission,
       V::kNone, "the person headed the mission (qualifier role=)"},
      {R::kPostVacant, "post_vacant", S::kSpan, false, kMission, O::kNone, 0, V::kNone,
       "the mission had no chief of mission"},
      {R::kPartOf, "part_of", S::kSpan, false, kAgency | kOffice | kMission, O::kRequired,
       kAgency | kState | kOrg, V::kNone, "the subject was part of the object"},
      {R::kHeadedBy, "headed_by", S::kSpan, false, kAgency | kOrg, O::kRequired, kOffice,
       V::kNone, "the agency was headed by the holder of the office"},
      {R::kReportsTo, "reports_to", S::kSpan, false, kOffice | kAgency, O::kRequired,
       kOffice | kAgency, V::kNone, "the office reported to the object office"},
      {R::kHoldsOffice, "holds_office", S::kSpan, false, kPerson, O::kRequired, kOffice,
       V::kNone, "the person held the office (qualifier acting=yes|no)"},
      {R::kResponsibleFor, "responsible_for", S::kSpan, false, kAgency | kOffice, O::kRequired,
       kState | kPlace, V::kNone, "the agency was responsible for relations with the state"},
      {R::kMemberOf, "member_of", S::kSpan, false, kState, O::kRequired, kOrg, V::kNone,
       "the state was a member of the organization [joined, left]"},
      {R::kObserverOf, "observer_of", S::kSpan, false, kState, O::kRequired, kOrg, V::kNone,
       "the state was an observer of the organization"},
      {R::kPartyTo, "party_to", S::kSpan, false, kState | kOrg, O::kRequired, kAgr, V::kNone,
       "the state was a party to the agreement"},
      {R::kAgreementSigned, "agreement_signed", S::kPoint, false, kAgr, O::kOptional,
       kPlace | kState, V::kNone, "the agreement was signed (object the place)"},
      {R::kAgreementInForce, "agreement_in_force", S::kSpan, false, kAgr, O::kNone, 0, V::kNone,
       "the agreement was in force"},
      {R::kAgreementTerminated, "agreement_terminated", S::kPoint, false, kAgr, O::kOptional,
       kState, V::kNone, "the agreement was terminated (object the state that ended it)"},
      {R::kInstallationHostedBy, "installation_hosted_by", S::kSpan, false, kInst, O::kRequired,
       kState, V::kNone, "the installation was on the object state's territory"},
      {R::kInstallationOperatedBy, "installation_operated_by", S::kSpan, false, kInst,
       O::kRequired, kState | kOrg, V::kNone, "the installation was operated by the object"},
      {R::kInstallationOpened, "installation_opened", S::kPoint, false, kInst, O::kNone, 0,
       V::kNone, "the installation was opened"},
      {R::kInstallationClosed, "installation_closed", S::kPoint, false, kInst, O::kNone, 0,
       V::kNone, "the installation was closed"},
      {R::kAssistance, "assistance", S::kSpan, false, kState | kOrg, O::kRequired, kState,
       V::kRequired, "the subject gave the object assistance; value the sector"},
      {R::kPollResult, "poll_result", S::kSpan, false, kPoll, O::kRequired, kState, V::kNumber,
       "share answering answer= about the object state's leadership"},
      {R::kCurrency, "currency", S::kSpan, false, kState, O::kNone, 0, V::kRequired,
       "the state's currency"},
      {R::kInCurrencyZone, "in_currency_zone", S::kSpan, false, kState, O::kRequired, kOrg,
       V::kNone, "the state used the currency of the zone"},
      {R::kTradeSuspended, "trade_suspended", S::kSpan, false, kState, O::kRequired, kState,
       V::kNone, "the subject suspended trade with the object"},
      {R::kTradeRestrictions, "trade_restrictions", S::kSpan, false, kState, O::kRequired,
       kState, V::kRequired, "the subject restricted trade with the object; value the measure"},
      {R::kTradeTrend, "trade_trend", S::kSpan, true, kState, O::kRequired, kState,
       V::kRequired, "trade between the two changed as the value says"},
      {R::kContributesTo, "contributes_to", S::kSpan, false, kState, O::kRequired, kOp | kOrg,
       V::kOptional, "the state contributed to the operation"},
      {R::kCooperation, "cooperation", S::kSpan, false, kState, O::kRequired, kState | kOrg,
       V::kRequired, "the subject cooperated with the object; value the field"},
      {R::kPolicyStance, "policy_stance", S::kSpan, false, kState, O::kRequired,
       kState | kOrg, V::kRequired, "the subject's stated policy towards the object"},
      {R::kIndependenceDeclared, "independence_declared", S::kPoint, false, kState,
       O::kOptional, kState, V::kNone, "the state declared independence (from the object)"},
      {R::kNamed, "named", S::kSpan, false, kAny, O::kNone, 0, V::kRequired,
       "the subject bore the name in value"},
      {R::kLocatedIn, "located_in", S::kSpan, false, kAny & ~kState, O::kRequired,
       kPlace | kState, V::kNone, "the subject was in the place or state"},
      {R::kAccreditedTo, "accredited_to", S::kSpan, false, kMission, O::kRequired, kState,
       V::kNone, "the mission was also accredited to the object state (concurrent accreditation)"},
      {R::kLeaderOf, "leader_of", S::kSpan, false, kPerson, O::kRequired, kState, V::kOptional,
       "the person led the object state; value the title, qualifier role="},
      {R::kParticipatesIn, "participates_in", S::kSpan, false, kState, O::kRequired, kOrg, V::kOptional,
       "the state took part in the organization, not as a member or observer (qualifier role=)"},
  };
}

struct RoleEntry {
  std::string_view id, title;
};
constexpr RoleEntry kRoles[] = {
    {"ambassador-e-p", "Ambassador Extraordinary and Plenipotentiary"},
    {"ambassador", "Ambassador"},
    {"envoy-e-mp", "Envoy Extraordinary and Minister Plenipotentiary"},
    {"minister-resident", "Minister Resident"},
    {"charge-daffaires", "Chargé d'Affaires"},
    {"charge-daffaires-ad-interim", "Chargé d'Affaires ad interim"},
    {"charge-daffaires-en-pied", "Chargé d'Affaires en pied"},
    {"consul-general", "Consul General"},
    {"consul", "Consul"},
    {"principal-officer", "Principal Officer"},
    {"head-of-mission", "Head of Mission"},
    {"representative", "Representative"},
};

}  // namespace

std::string_view InternFileName(std::string_view path) {
  static std::mutex mu;
  static auto* names = new std::set<std::string, std::less<>>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = names->find(path);
  if (it == names->end()) it = names->emplace(path).first;
  return *it;
}

std::string_view EntityKindName(EntityKind kind) {
  return kKindNames[static_cast<int>(kind)];
}

std::optional<EntityKind> ParseEntityKind(std::string_view name) {
  for (int i = 0; i < kEntityKindCount; ++i) {
    if (kKindNames[i] == name) return static_cast<EntityKind>(i);
  }
  return std::nullopt;
}

const std::vector<RelationInfo>& AllRelations() {
  static const auto* table = new std::vector<RelationInfo>(MakeTable());
  return *table;
}

const RelationInfo& Info(Relation relation) {
  return AllRelations()[static_cast<int>(relation)];
}

std::string_view RelationName(Relation relation) { return Info(relation).name; }

std::optional<Relation> ParseRelation(std::string_view name) {
  for (const RelationInfo& info : AllRelations()) {
    if (info.name == name) return info.relation;
  }
  return std::nullopt;
}

std::string_view RoleTitle(std::string_view role) {
  for (const RoleEntry& e : kRoles) {
    if (e.id == role) return e.title;
  }
  return role;
}

bool IsChargeRole(std::string_view role) { return role.starts_with("charge"); }

bool IsDateQualifier(std::string_view key) {
  return key == "appointed" || key == "credentials" || key == "arrived" ||
         key == "announced" || key == "confirmed" || key == "departed" || key == "stated" ||
         key == "retrieved";
}

namespace {
std::string_view FindQualifier(const std::vector<Qualifier>& qs, std::string_view key) {
  for (const Qualifier& q : qs) {
    if (q.key == key) return q.value;
  }
  return {};
}
}  // namespace

std::string_view Fact::QualifierValue(std::string_view key) const {
  return FindQualifier(qualifiers, key);
}

std::string_view Occurrence::QualifierValue(std::string_view key) const {
  return FindQualifier(qualifiers, key);
}

}  // namespace dyad::kb
