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
  std::string where = m.city.empty() ? m.seat_name : m.city;
  if (m.resident) return fmt::format("a{} {} in {}", Kind(m.kind).find_first_of("aeiou") == 0 ? "n" : "", Kind(m.kind), where);
  return fmt::format("its {} in {} ({})", Kind(m.kind), where, StateInText(m.seat_name));
}

void MissionClause(const PairMissionSide& side, const std::string& a, const std::string& b, std::vector<Clause>* out) {
  if (side.missions.empty()) {
    out->push_back({{fmt::format("No mission of {} in or accredited to {} is recorded", a, b), {}}});
    return;
  }
  const PairMission& m = side.missions.front();
  std::string more = side.missions.size() > 1 ? fmt::format(" and {} more", side.missions.size() - 1) : "";
  std::string text = m.resident ? fmt::format("{} has {}{}", a, MissionPhrase(m), more)
                                : fmt::format("{} covers {} from {}{}", a, b, MissionPhrase(m), more);
  out->push_back({{text, m.cite}});
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

void LeaderClause(const PairLeaderSide& side, const Date& on, std::vector<Clause>* out) {
  const std::string who = StateInText(side.state_name);
  if (side.leaders.empty()) {
    out->push_back({{fmt::format("No leader of {} on {} is recorded", who, on.ToString()), {}}});
    return;
  }
  const PairLeader& first = side.leaders.front();
  std::string text = fmt::format("{} leaders on {}: {}", Possessive(who), on.ToString(), LeaderList(side));
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
    MissionClause(p.missions.sides[0], a, b, out);
    MissionClause(p.missions.sides[1], b, a, out);
  }
  if (p.leaders.available)
    for (const PairLeaderSide& side : p.leaders.sides) LeaderClause(side, d.as_of, out);
  AllianceClause(p.alliances, out);
  TreatyClause(p.treaties, out);
  IgoClause(p.igos, out);
  ConflictClause(p.conflicts, out);
  GeographyClause(p.geography, out);
  for (size_t i = first; i < out->size(); ++i) Capitalize(&(*out)[i]);
}

}  // namespace dyad::report
