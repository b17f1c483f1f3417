// The overview's clauses generated from the pair sections: one per section that holds
// something, each cited. No prose is written per pair.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "report/dossier_text.h"
#include "report/pair_sections.h"

namespace dyad::report {
namespace {

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string Kind(const std::string& kind) {
  std::string s = kind.empty() ? "mission" : kind;
  for (char& ch : s)
    if (ch == '-') ch = ' ';
  return s;
}

// "an embassy in Bishkek", or "its embassy in Moscow, accredited from Russia".
std::string MissionPhrase(const PairMission& m) {
  std::string where = m.city.empty() ? StateInText(m.seat_name) : m.city;
  if (m.resident) return fmt::format("a{} {} in {}", Kind(m.kind).find_first_of("aeiou") == 0 ? "n" : "", Kind(m.kind), where);
  return fmt::format("its {} in {} ({})", Kind(m.kind), where, StateInText(m.seat_name));
}

// "embassies", "consulates general", "honorary consulates".
std::string KindPlural(const std::string& kind) {
  if (size_t sp = kind.find(' '); sp != std::string::npos && kind.compare(sp + 1, std::string::npos, "general") == 0)
    return kind.substr(0, sp) + "s general";
  if (!kind.empty() && kind.back() == 'y') return kind.substr(0, kind.size() - 1) + "ies";
  return kind + "s";
}

// Embassies and high commissions first, then other bilateral missions, then consular posts.
int KindRank(const std::string& kind) {
  static const char* kOrder[] = {"embassy", "high-commission", "bilateral-mission", "legation", "consulate-general", "consulate"};
  for (int i = 0; i < 6; ++i)
    if (kind == kOrder[i]) return i;
  return 6;
}

// The missions in overview order, one per phrase: two datasets' records of one post ("an
// embassy in Ottawa" from the Historian and from the Database of Embassies) read once.
std::vector<PairMission> ByRank(std::vector<PairMission> ms) {
  std::stable_sort(ms.begin(), ms.end(), [](const PairMission& x, const PairMission& y) {
    if (x.resident != y.resident) return x.resident;
    return KindRank(x.kind) < KindRank(y.kind);
  });
  std::vector<PairMission> out;
  for (PairMission& m : ms) {
    auto same = [&](const PairMission& x) { return MissionPhrase(x) == MissionPhrase(m); };
    if (auto it = std::find_if(out.begin(), out.end(), same); it != out.end()) {
      for (int n : m.cite)
        if (std::find(it->cite.begin(), it->cite.end(), n) == it->cite.end()) it->cite.push_back(n);
      continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

// The overview names up to this many missions of one side; more are counted by kind.
constexpr size_t kNamedMissions = 3;

// "an embassy in Ottawa and 2 more: consulates general", each kind counted ("1 consulate
// general, 4 honorary consulates"), never a bare "and 1 more".
std::string MoreMissions(const std::vector<PairMission>& ms) {
  std::vector<std::pair<std::string, size_t>> kinds;
  for (size_t i = kNamedMissions; i < ms.size(); ++i) {
    const std::string k = Kind(ms[i].kind);
    auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& x) { return x.first == k; });
    if (it == kinds.end()) kinds.emplace_back(k, 1);
    else ++it->second;
  }
  std::vector<std::string> parts;
  for (const auto& [k, n] : kinds) parts.push_back(Plural(n, k, KindPlural(k)));
  return fmt::format(" and {} more ({})", ms.size() - kNamedMissions, fmt::join(parts, ", "));
}

// The missions one side holds, in words: "an embassy in Bishkek", "an embassy in Ottawa
// and a consulate general in Toronto", up to kNamedMissions named.
std::string MissionList(const std::vector<PairMission>& ms) {
  std::vector<std::string> named;
  for (size_t i = 0; i < ms.size() && i < kNamedMissions; ++i) named.push_back(MissionPhrase(ms[i]));
  std::string text = named.back();
  if (named.size() > 1) {
    named.pop_back();
    text = fmt::format("{}{} and {}", fmt::join(named, ", "), named.size() > 1 ? "," : "", text);
  }
  return ms.size() > kNamedMissions ? text + MoreMissions(ms) : text;
}

void MissionClause(const PairMissionSide& side, const PairAsked& asked, const std::string& a, const std::string& b,
                   std::vector<Clause>* out) {
  if (side.missions.empty()) {
    out->push_back({{fmt::format("No mission of {} in or accredited to {} is recorded", a, b), asked.cite}});
    return;
  }
  const std::vector<PairMission> ms = ByRank(side.missions);
  std::vector<int> cite;
  for (const PairMission& m : ms)
    for (int n : m.cite)
      if (std::find(cite.begin(), cite.end(), n) == cite.end()) cite.push_back(n);
  std::string text = ms.front().resident ? fmt::format("{} has {}", a, MissionList(ms))
                                         : fmt::format("{} covers {} from {}", a, b, MissionList(ms));
  out->push_back({{text, cite}});
}

// "Sadyr JAPAROV (President), Adylbek KASYMALIYEV (Chairman …)": each person and title once,
// however many roles or datasets list them.
std::string LeaderList(const PairLeaderSide& side) {
  std::vector<std::string> names;
  for (const PairLeader& l : side.leaders) {
    std::string name = l.person + (l.title.empty() ? "" : " (" + l.title + ")");
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

void LeaderClause(const PairLeaderSide& side, const PairAsked& asked, const Date& on, std::vector<Clause>* out) {
  const std::string who = StateInText(side.state_name);
  if (side.leaders.empty()) {
    out->push_back({{fmt::format("No leader of {} {} is recorded", who, OnDateText(on)), asked.cite}});
    return;
  }
  const PairLeader& first = side.leaders.front();
  std::string text = fmt::format("{} leaders {}: {}", Possessive(who), OnDateText(on), LeaderList(side));
  if (first.beyond_currency && first.current_to) text += fmt::format(" (last recorded {}, not known after)", first.current_to->ToString());
  std::vector<int> cite;
  for (const PairLeader& l : side.leaders)
    for (int n : l.cite)
      if (std::find(cite.begin(), cite.end(), n) == cite.end()) cite.push_back(n);
  out->push_back({{text, cite}});
}

std::string ObligationsText(const std::array<bool, 5>& o) {
  std::string s;
  for (int k = 0; k < 5; ++k)
    if (o[k]) s += (s.empty() ? "" : ", ") + std::string(ObligationName(k));
  return s;
}

void AllianceClause(const PairAlliances& al, std::vector<Clause>* out) {
  if (!al.available || al.history.empty() || !al.year) return;
  std::string now = ObligationsText(al.on_date[0]), back = ObligationsText(al.on_date[1]);
  std::string both = now.empty() ? back : now;
  if (!both.empty()) {
    out->push_back({{fmt::format("ATOP records alliance obligations between them in {} ({})", *al.year, both), {al.source.cite}}});
    return;
  }
  int first = al.history.front().from, last = 0;
  for (const AllianceSpell& s : al.history) last = std::max(last, s.to);
  out->push_back({{fmt::format("ATOP records alliance obligations between them in {}–{}, none in {}", first, last, *al.year),
                   {al.source.cite}}});
}

void TreatyClause(const PairTreaties& t, std::vector<Clause>* out) {
  if (!t.available || (t.bilateral.empty() && t.multilateral_both == 0)) return;
  std::vector<int> cite = t.multilateral_cite;
  for (const PairTreaty& x : t.bilateral)
    for (int n : x.cite)
      if (std::find(cite.begin(), cite.end(), n) == cite.end()) cite.push_back(n);
  out->push_back({{fmt::format("The treaty data list {} between them and {} both joined",
                               t.bilateral.empty() ? std::string("no bilateral treaty")
                                                   : Plural(t.bilateral.size(), "bilateral treaty", "bilateral treaties"),
                               Plural(static_cast<size_t>(t.multilateral_both), "multilateral treaty", "multilateral treaties")),
                   cite}});
}

void IgoClause(const PairIgos& g, std::vector<Clause>* out) {
  Clause clause;
  if (!g.shared.empty())
    clause.push_back({fmt::format("Both belong to {} in the knowledge base",
                                  Plural(g.shared.size(), "organisation", "organisations")), g.factbook_cite});
  if (!g.cow_series.empty()) {
    const PairIgoYear& y = g.cow_series.back();
    clause.push_back({fmt::format("{}they shared {} in {} (COW)", clause.empty() ? "" : "; ",
                                  Plural(static_cast<size_t>(y.shared), "IGO membership", "IGO memberships"), y.year),
                      {g.cow.cite}});
  }
  if (!clause.empty()) out->push_back(std::move(clause));
}

void ConflictClause(const PairConflicts& k, std::vector<Clause>* out) {
  if (!k.available) return;
  if (!k.disputes.empty())
    out->push_back({{fmt::format("COW MID records {} between them, the last beginning in {}",
                                 Plural(k.disputes.size(), "militarized dispute", "militarized disputes"),
                                 k.disputes.back().first_year), {k.mid.cite}}});
  if (!k.conflicts.empty())
    out->push_back({{fmt::format("UCDP records {} with them on opposite sides, the last active in {}",
                                 Plural(k.conflicts.size(), "armed conflict", "armed conflicts"),
                                 k.conflicts.back().last_year), {k.ucdp.cite}}});
}

void GeographyClause(const PairGeography& g, std::vector<Clause>* out) {
  if (!g.available) return;
  Clause clause;
  if (g.contiguity_type > 0) clause.push_back({"They have " + ContiguityText(g.contiguity_type), {g.contiguity.cite}});
  if (g.distance_km)
    clause.push_back({fmt::format("{}their capitals are {:.0f} km apart", clause.empty() ? "" : "; ", *g.distance_km),
                      {g.capitals.cite}});
  if (!clause.empty()) out->push_back(std::move(clause));
}

// A clause starts a sentence: "the Gambia has ..." -> "The Gambia has ...".
void Capitalize(Clause* clause) {
  if (clause->empty() || clause->front().text.empty()) return;
  char& ch = clause->front().text[0];
  if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
}

}  // namespace

void AppendPairClauses(const Dossier& d, std::vector<Clause>* out) {
  const PairSections& p = d.pairs;
  if (!p.built) return;
  const size_t first = out->size();
  const std::string a = StateInText(d.states[0].name), b = StateInText(d.states[1].name);
  if (p.missions.available) {
    MissionClause(p.missions.sides[0], p.missions.asked, a, b, out);
    MissionClause(p.missions.sides[1], p.missions.asked, b, a, out);
  }
  if (p.leaders.available)
    for (const PairLeaderSide& side : p.leaders.sides) LeaderClause(side, p.leaders.asked, d.as_of, out);
  AllianceClause(p.alliances, out);
  TreatyClause(p.treaties, out);
  IgoClause(p.igos, out);
  ConflictClause(p.conflicts, out);
  GeographyClause(p.geography, out);
  for (size_t i = first; i < out->size(); ++i) Capitalize(&(*out)[i]);
}

}  // namespace dyad::report
