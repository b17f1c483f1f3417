// JSON rendering of the pair sections (docs/formats/dossier.md, "pairs"): a pure function
// of the model.
#include "report/pair_sections.h"

namespace dyad::report {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }
Json OrNull(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(); }
Json Ints(const std::vector<int>& v) { return Json(v); }
Json OtherStarts(const std::vector<PairLeader::OtherStart>& v) {
  Json out = Json::array();
  for (const PairLeader::OtherStart& o : v) out.push_back({{"start", o.start.ToString()}, {"cite", Ints(o.cite)}});
  return out;
}

Json SourceJson(const PairSource& s) {
  if (s.cite == 0) return nullptr;
  return {{"cite", s.cite}, {"current_to", OrNull(s.current_to)}};
}

// The datasets an empty section or side rests on (docs/formats/dossier.md, "asked").
Json AskedJson(const PairAsked& a) { return {{"cite", Ints(a.cite)}, {"current_to", OrNull(a.current_to)}}; }

Json MissionJson(const PairMission& m) {
  return {{"id", m.id}, {"name", m.name}, {"kind", m.kind}, {"city", OrNull(m.city)},
          {"address", m.address ? Json(*m.address) : Json()}, {"resident", m.resident}, {"seat", m.seat},
          {"also_accredited", m.also_accredited}, {"recorded", OrNull(m.recorded)}, {"cite", Ints(m.cite)}};
}

Json MissionSideJson(const PairMissionSide& s) {
  Json list = Json::array();
  for (const PairMission& m : s.missions) list.push_back(MissionJson(m));
  return {{"sending_state", s.sender}, {"receiving_state", s.receiver}, {"missions", list}};
}

Json MissionsJson(const PairMissions& m) {
  return {{"available", m.available}, {"current_to", OrNull(m.current_to)},
          {"a_in_b", MissionSideJson(m.sides[0])}, {"b_in_a", MissionSideJson(m.sides[1])}, {"asked", AskedJson(m.asked)}};
}

Json LeaderJson(const PairLeader& l) {
  return {{"person", l.person}, {"title", OrNull(l.title)}, {"roles", l.roles}, {"start", OrNull(l.start)},
          {"other_starts", OtherStarts(l.other_starts)}, {"listed", OrNull(l.listed)},
          {"end", OrNull(l.end)}, {"current_to", OrNull(l.current_to)}, {"beyond_currency", l.beyond_currency},
          {"cite", Ints(l.cite)}};
}

Json LeaderSideJson(const PairLeaderSide& s) {
  Json list = Json::array();
  for (const PairLeader& l : s.leaders) list.push_back(LeaderJson(l));
  return {{"state", s.state}, {"leaders", list}};
}

Json ObligationsJson(const std::array<bool, 5>& o) {
  Json list = Json::array();
  for (int k = 0; k < 5; ++k)
    if (o[k]) list.push_back(ObligationName(k));
  return list;
}

Json AlliancesJson(const PairAlliances& a) {
  Json history = Json::array();
  for (const AllianceSpell& s : a.history)
    history.push_back({{"direction", s.direction == 0 ? "a_to_b" : "b_to_a"}, {"obligation", ObligationName(s.obligation)},
                       {"from", s.from}, {"to", s.to}});
  return {{"available", a.available}, {"source", SourceJson(a.source)}, {"year", a.year ? Json(*a.year) : Json()},
          {"beyond_currency", a.beyond_currency},
          {"on_date", {{"a_to_b", ObligationsJson(a.on_date[0])}, {"b_to_a", ObligationsJson(a.on_date[1])}}},
          {"history", history}};
}

Json TreatiesJson(const Dossier& d) {
  const PairTreaties& t = d.pairs.treaties;
  Json list = Json::array();
  for (const PairTreaty& x : t.bilateral)
    list.push_back({{"id", x.id}, {"name", x.name}, {"signed", OrNull(x.signed_on)}, {"in_force", OrNull(x.in_force)},
                    {"ended", OrNull(x.ended)}, {"in_agreements", InAgreements(d, x)}, {"cite", Ints(x.cite)}});
  return {{"available", t.available}, {"current_to", OrNull(t.current_to)}, {"bilateral", list},
          {"multilateral_both", t.multilateral_both}, {"multilateral_cite", Ints(t.multilateral_cite)}, {"asked", AskedJson(t.asked)}};
}

Json IgosJson(const PairIgos& g) {
  Json years = Json::array(), parts = Json::array();
  for (const PairIgoYear& y : g.cow_series) years.push_back({{"year", y.year}, {"shared", y.shared}});
  for (const PairIgoPart& p : g.other_parts) parts.push_back({{"organisation", p.organisation}, {"a", p.parts[0]}, {"b", p.parts[1]}});
  return {{"available", g.available},
          {"factbook", {{"shared", g.shared}, {"other_parts", parts}, {"operations", g.operations},
                        {"recorded", OrNull(g.factbook_recorded)}, {"cite", Ints(g.factbook_cite)}}},
          {"cow", {{"source", SourceJson(g.cow)}, {"years", years}}}, {"asked", AskedJson(g.asked)}};
}

Json ConflictsJson(const PairConflicts& k) {
  Json disputes = Json::array(), conflicts = Json::array();
  for (const PairDispute& d : k.disputes)
    disputes.push_back({{"dispnum", d.dispnum}, {"first_year", d.first_year}, {"last_year", d.last_year},
                        {"hostility", d.hostility}, {"hostility_name", HostilityName(d.hostility)},
                        {"a_initiated", d.a_initiated}});
  for (const PairConflict& c : k.conflicts)
    conflicts.push_back({{"conflict_id", c.conflict_id}, {"first_year", c.first_year}, {"last_year", c.last_year},
                         {"intensity", c.intensity}});
  return {{"available", k.available}, {"mid", {{"source", SourceJson(k.mid)}, {"disputes", disputes}}},
          {"ucdp", {{"source", SourceJson(k.ucdp)}, {"conflicts", conflicts}}}};
}

Json GeographyJson(const PairGeography& g) {
  return {{"available", g.available},
          {"contiguity", {{"source", SourceJson(g.contiguity)}, {"type", g.contiguity_type},
                          {"text", ContiguityText(g.contiguity_type)}, {"on", OrNull(g.contiguity_on)},
                          {"beyond_currency", g.contiguity_beyond}}},
          {"capital_distance", {{"source", SourceJson(g.capitals)}, {"km", g.distance_km ? Json(*g.distance_km) : Json()},
                                {"on", OrNull(g.distance_on)}, {"beyond_currency", g.distance_beyond}}}};
}

}  // namespace

nlohmann::ordered_json RenderPairSectionsJson(const Dossier& d) {
  const PairSections& p = d.pairs;
  return {{"note", OrNull(p.note)},
          {"missions", MissionsJson(p.missions)},
          {"leaders", {{"available", p.leaders.available}, {"a", LeaderSideJson(p.leaders.sides[0])},
                       {"b", LeaderSideJson(p.leaders.sides[1])}, {"asked", AskedJson(p.leaders.asked)}}},
          {"alliances", AlliancesJson(p.alliances)},
          {"treaties", TreatiesJson(d)},
          {"igos", IgosJson(p.igos)},
          {"conflicts", ConflictsJson(p.conflicts)},
          {"geography", GeographyJson(p.geography)}};
}

}  // namespace dyad::report
