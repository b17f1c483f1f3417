#include "report/dossier_text.h"

#include <fmt/format.h>

#include <string_view>

namespace dyad::report {
namespace {

using kb::Relation;

// Templates: {s} subject, {o} object, {v} value, {was}/{is} tense, {has} perfect.
// Each relation has one template; the renderer fills the tense.
std::string_view Template(Relation r) {
  switch (r) {
    case Relation::kRecognized: return "{s} recognized {o}";
    case Relation::kRelationsEstablished: return "{s} and {o} established diplomatic relations";
    case Relation::kRelationsSuspended: return "{s} and {o} suspended diplomatic relations";
    case Relation::kRelationsSevered: return "{s} and {o} severed diplomatic relations";
    case Relation::kRelationsResumed: return "{s} and {o} resumed diplomatic relations";
    case Relation::kNoRelations: return "{s} and {o} {had} no diplomatic relations";
    case Relation::kRelationsStatement: return "{s} {states} that it has diplomatic relations with the members of {o}{except}";
    case Relation::kMissionOpened: return "{s} opened{in_o}";
    case Relation::kMissionClosed: return "{s} closed";
    case Relation::kMissionLocatedAt: return "{s} {is} located{at_v}{in_o}";
    case Relation::kMissionBuilding: return "{s}: {v}";
    case Relation::kChiefOfMission: return "{s} {serves} as {role} at {o}";
    case Relation::kPostVacant: return "The post of chief of {s} {is} vacant";
    case Relation::kPartOf: return "{s} {is} part of {o}";
    case Relation::kHeadedBy: return "{s} {is} headed by the {o}";
    case Relation::kReportsTo: return "The {s} {reports} to the {o}";
    case Relation::kHoldsOffice: return "{s} {holds} the office of {o}{acting}";
    case Relation::kResponsibleFor: return "{s} {is} responsible for relations with {o}";
    case Relation::kMemberOf: return "{s} {is} a member of {o}";
    case Relation::kObserverOf: return "{s} {is} an observer at {o}";
    case Relation::kPartyTo: return "{s} {is} a party to {o}";
    case Relation::kAgreementSigned: return "{s} was signed{at_o}";
    case Relation::kAgreementInForce: return "{s} {is} in force";
    case Relation::kAgreementTerminated: return "{s} was terminated{by_o}";
    case Relation::kInstallationHostedBy: return "{s} {is} hosted by {o}";
    case Relation::kInstallationOperatedBy: return "{s} {is} operated by {o}";
    case Relation::kInstallationOpened: return "{s} opened";
    case Relation::kInstallationClosed: return "{s} closed";
    case Relation::kAssistance: return "{s} {provides} {v} assistance to {o}";
    case Relation::kPollResult: return "{s}: {answer} {v}{unit} (about {o})";
    case Relation::kCurrency: return "{s} {uses} the {v} as its currency";
    case Relation::kInCurrencyZone: return "{s} {is} in the {o}";
    case Relation::kTradeSuspended: return "{s} suspended trade with {o}";
    case Relation::kTradeRestrictions: return "{s} {restricts} trade with {o}: {v}";
    case Relation::kTradeTrend: return "Trade between {s} and {o}: {v}";
    case Relation::kContributesTo: return "{s} {contributes} to {o}";
    case Relation::kCooperation: return "{s} and {o} {cooperate} on {v}";
    case Relation::kPolicyStance: return "{s} toward {o}: {v}";
    case Relation::kIndependenceDeclared: return "{s} declared independence{from_o}";
    case Relation::kNamed: return "{s} {is} named {v}";
    case Relation::kLocatedIn: return "{s} {is} located in {o}";
    case Relation::kAccreditedTo: return "{s} {is} also accredited to {o}";
    case Relation::kLeaderOf: return "{s} {leads} {o}";
    case Relation::kParticipatesIn: return "{s} {takes} part in {o}{as_v}";
  }
  return "{s} {o} {v}";
}

std::string Verb(std::string_view token, bool ongoing) {
  struct Form { std::string_view token, present, past; };
  static constexpr Form kForms[] = {
      {"is", "is", "was"},          {"had", "have", "had"},
      {"states", "states", "stated"}, {"serves", "serves", "served"},
      {"reports", "reports", "reported"}, {"holds", "holds", "held"},
      {"provides", "provides", "provided"}, {"uses", "uses", "used"},
      {"restricts", "restricts", "restricted"}, {"contributes", "contributes", "contributed"},
      {"cooperate", "cooperate", "cooperated"}, {"leads", "leads", "led"},
      {"takes", "takes", "took"},
  };
  for (const Form& f : kForms)
    if (f.token == token) return std::string(ongoing ? f.present : f.past);
  return {};
}

std::string NameFor(const std::string& id, const kb::KnowledgeBase& kb) {
  if (id.empty()) return {};
  if (kb.world().Find(id) != nullptr) return StateInText(kb.NameOf(id));
  return kb.NameOf(id);
}

std::string Capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::string Possessive(const std::string& name) {
  return name + (!name.empty() && name.back() == 's' ? "'" : "'s");
}

std::string DescribeFact(const kb::Fact& f, const kb::KnowledgeBase& kb, bool ongoing) {
  std::string_view tpl = Template(f.relation);
  const std::string s = NameFor(f.subject, kb);
  const std::string o = NameFor(f.object, kb);
  std::string out;
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] != '{') {
      out += tpl[i];
      continue;
    }
    size_t close = tpl.find('}', i);
    std::string_view token = tpl.substr(i + 1, close - i - 1);
    i = close;
    if (token == "s") out += s;
    else if (token == "o") out += o;
    else if (token == "v") out += f.value;
    else if (token == "at_v") { if (!f.value.empty()) out += " at " + f.value; }
    else if (token == "as_v") { if (!f.value.empty()) out += " (" + f.value + ")"; }
    else if (token == "in_o") { if (!o.empty()) out += " in " + o; }
    else if (token == "at_o") { if (!o.empty()) out += " at " + o; }
    else if (token == "by_o") { if (!o.empty()) out += " by " + o; }
    else if (token == "from_o") { if (!o.empty()) out += " from " + o; }
    else if (token == "role") out += std::string(kb::RoleTitle(f.QualifierValue("role")));
    else if (token == "acting") { if (f.QualifierValue("acting") == "yes") out += " (acting)"; }
    else if (token == "answer") out += std::string(f.QualifierValue("answer"));
    else if (token == "unit") { if (f.QualifierValue("unit") == "percent") out += "%"; }
    else if (token == "except") {
      std::string_view ex = f.QualifierValue("except");
      if (!ex.empty()) {
        std::string names;
        size_t start = 0;
        while (start <= ex.size()) {
          size_t comma = ex.find(',', start);
          if (comma == std::string_view::npos) comma = ex.size();
          std::string id(ex.substr(start, comma - start));
          if (!id.empty()) names += (names.empty() ? "" : ", ") + NameFor(id, kb);
          start = comma + 1;
        }
        out += " except " + names;
      }
    } else out += Verb(token, ongoing);
  }
  return Capitalize(out);
}

std::string OnDate(const Date& d) {
  return (d.precision() == DatePrecision::kDay ? "on " : "in ") + d.ToEnglish();
}

std::string DescribeInterval(const Interval& interval, bool undated) {
  if (undated) return "undated";
  const auto& a = interval.start();
  const auto& b = interval.end();
  if (a && b && *a == *b) return a->ToEnglish();
  if (a && b) return fmt::format("{} – {}", a->ToEnglish(), b->ToEnglish());
  if (a) return fmt::format("since {}", a->ToEnglish());
  if (b) return fmt::format("until {}", b->ToEnglish());
  return "at all times recorded";
}

}  // namespace dyad::report
