// JSON rendering of the dossier model: the documented product (docs/formats/dossier.md,
// schema "dyad.dossier/1"). A pure function of the model: it builds a JSON value from the
// structs (nlohmann's ordered_json, so keys keep the documented order) and serializes it.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/dossier.h"
#include "report/pair_sections.h"

namespace dyad::report {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }
Json OrNull(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(); }
Json OrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(); }
template <typename T>
Json OrNull(const std::optional<T>& v) { return v ? Json(*v) : Json(); }

// The JSON array of to_json(x) for every x of `items`.
template <typename T, typename F>
Json ArrayOf(const std::vector<T>& items, F to_json) {
  Json out = Json::array();
  for (const T& x : items) out.push_back(to_json(x));
  return out;
}

Json CiteJson(const Cites& cite) { return Json(cite); }

Json QualifiersJson(const std::vector<Qualifier>& qualifiers) {
  Json q = Json::object();
  for (const Qualifier& x : qualifiers) q[x.key] = x.value;
  return q;
}

void AddTerm(const TermDetail& t, Json& j) {
  j.update({{"person", t.person}, {"mission", t.mission}, {"role", t.role}, {"role_title", t.role_title},
            {"charge", t.charge}});
  if (t.end_implicit) j["end_implicit"] = true;
  for (const Qualifier& q : t.dates) j[q.key] = q.value;
}

void AddMembership(const MembershipDetail& m, Json& j) {
  j.update({{"organization", m.organization}, {"organization_name", m.organization_name}, {"observer", m.observer},
            {"participation", m.participation.empty() ? Json() : Json(m.participation)}});
}

void AddDetails(const FactStatement& f, Json& j) {
  if (f.term) AddTerm(*f.term, j);
  if (f.membership) AddMembership(*f.membership, j);
  if (f.holder) j.update({{"person", f.holder->person}, {"acting", f.holder->acting}});
  if (f.vacant) j["vacant"] = true;
}

// relation, text, subject and object (with names) and value.
Json FactCore(const FactStatement& f) {
  return {{"relation", std::string(kb::RelationName(f.relation))}, {"text", f.text}, {"subject", f.subject},
          {"subject_name", f.subject_name}, {"object", OrNull(f.object)},
          {"object_name", f.object.empty() ? Json() : Json(f.object_name)}, {"value", OrNull(f.value)}};
}

void AddWhen(const FactStatement& f, Json& j) {
  j.update({{"start", OrNull(f.start)}, {"end", OrNull(f.end)}, {"undated", f.undated}, {"ongoing", f.ongoing},
            {"when", f.when}, {"current_to", OrNull(f.current_to)}, {"beyond_currency", f.beyond_currency}});
}

Json OtherDateJson(const OtherDate& o) { return {{"when", o.when}, {"cite", CiteJson(o.cite)}}; }

Json CurrencyJson(const SectionCurrency& s) {
  return {{"section", s.section}, {"title", s.title}, {"current_to", OrNull(s.current_to)}};
}

Json FactJson(const FactStatement& f) {
  Json j = FactCore(f);
  AddWhen(f, j);
  if (!f.qualifiers.empty()) j["qualifiers"] = QualifiersJson(f.qualifiers);
  if (!f.note.empty()) j["note"] = f.note;
  j["cite"] = CiteJson(f.cite);
  if (!f.also.empty()) j["other_dates"] = ArrayOf(f.also, OtherDateJson);
  AddDetails(f, j);
  return j;
}

Json FactsJson(const std::vector<FactStatement>& facts) { return ArrayOf(facts, FactJson); }

Json FactOrNull(const std::optional<FactStatement>& f) { return f ? FactJson(*f) : Json(); }

Json ParticipantJson(const OccurrenceParticipant& p) { return {{"entity", p.entity}, {"name", p.name}, {"role", p.role}}; }

Json OccurrenceJson(const OccurrenceStatement& o) {
  Json j = {{"id", o.id}, {"kind", o.kind}, {"start", OrNull(o.start)}, {"end", OrNull(o.end)}, {"when", o.when},
            {"current_to", OrNull(o.current_to)}, {"text", o.text}, {"cameo", OrNull(o.cameo)}, {"place", OrNull(o.place)},
            {"participants", ArrayOf(o.participants, ParticipantJson)}, {"cite", CiteJson(o.cite)}};
  if (!o.also.empty()) j["other_dates"] = ArrayOf(o.also, OtherDateJson);
  if (!o.same_as.empty()) j["same_as"] = o.same_as;
  return j;
}

Json CodesJson(const std::vector<StateCode>& codes) {
  Json j = Json::object();
  for (const StateCode& c : codes) j[c.scheme] = c.code;
  return j;
}

Json LinkJson(const StateLink& l) {
  return {{"kind", l.predecessor ? "predecessor" : "successor"}, {"state", l.state}, {"date", OrNull(l.date)},
          {"note", l.note}};
}

Json StateJson(const StateProfile& s) {
  return {{"key", s.key}, {"name", s.name}, {"official_name", s.official_name}, {"capital", OrNull(s.capital)},
          {"capital_lat", OrNull(s.capital_lat)}, {"capital_lon", OrNull(s.capital_lon)},
          {"region", OrNull(s.region)}, {"subregion", OrNull(s.subregion)}, {"codes", CodesJson(s.codes)},
          {"links", ArrayOf(s.links, LinkJson)}, {"registry_sources", s.registry_sources}};
}

Json RelationsJson(const RelationsOverview& r) {
  return {{"state", r.state}, {"since", FactsJson(r.since)}, {"sources_disagree", r.sources_disagree},
          {"recognition", FactsJson(r.recognition)}, {"recognition_disagrees", r.recognition_disagrees},
          {"last_break", FactOrNull(r.last_break)}, {"later_claims", FactsJson(r.later_claims)},
          {"no_relations", FactsJson(r.no_relations)}, {"inferred", r.inferred}, {"evidence", FactsJson(r.evidence)},
          {"current_to", OrNull(r.current_to)},
          {"beyond_currency", r.beyond_currency}};
}

void AddMissionFacts(const Mission& m, Json& j) {
  if (m.opened_recorded) j.update({{"opened", OrNull(m.opened)}, {"opened_cite", CiteJson(m.opened_cite)}});
  if (m.address)
    j.update({{"address", *m.address}, {"city", OrNull(m.city)}, {"address_cite", CiteJson(m.address_cite)}});
  if (m.closed_recorded) j["closed"] = OrNull(m.closed);
}

Json MissionJson(const Mission& m) {
  Json j = {{"id", m.id}, {"name", m.name}, {"kind", m.kind}, {"sending_state", m.sending_state},
            {"receiving_state", m.receiving_state}};
  AddMissionFacts(m, j);
  j.update({{"facts", FactsJson(m.facts)}, {"cite", CiteJson(m.cite)}});
  return j;
}

Json MissionsJson(const Directions<std::vector<Mission>>& missions) {
  return {{"a_in_b", ArrayOf(missions.a_in_b, MissionJson)}, {"b_in_a", ArrayOf(missions.b_in_a, MissionJson)}};
}

Json EnvoysJson(const Envoys& e) {
  return {{"sending_state", e.sending_state}, {"receiving_state", e.receiving_state}, {"heads", FactsJson(e.heads)},
          {"vacant", FactsJson(e.vacant)}, {"previous", FactOrNull(e.previous)}, {"undated", FactsJson(e.undated)},
          {"last_recorded", FactsJson(e.last_recorded)}, {"current_to", OrNull(e.current_to)},
          {"beyond_currency", e.beyond_currency}};
}

Json InfoboxJson(const Dossier& d) {
  const FactStatement* since = d.RelationsSince();
  return {{"missions", MissionsJson(d.representation.missions)},
          {"envoys", {{"a_in_b", EnvoysJson(d.envoys.a_in_b)}, {"b_in_a", EnvoysJson(d.envoys.b_in_a)}}},
          {"relations_since", since ? FactJson(*since) : Json()}};
}

Json StepJson(const ChainStep& step) {
  return {{"entity", step.entity}, {"name", step.name}, {"link", FactOrNull(step.link)},
          {"holders", FactsJson(step.holders)}};
}

Json OfficeJson(const Office& o) {
  return {{"agency", o.agency}, {"name", o.name}, {"responsible_for", FactJson(o.responsible_for)},
          {"chain", ArrayOf(o.chain, StepJson)}};
}

Json RepresentationJson(const Representation& r) {
  return {{"missions", MissionsJson(r.missions)},
          {"chiefs", {{"a_in_b", FactsJson(r.chiefs.a_in_b)}, {"b_in_a", FactsJson(r.chiefs.b_in_a)}}},
          {"offices", {{"a", ArrayOf(r.offices_a, OfficeJson)}, {"b", ArrayOf(r.offices_b, OfficeJson)}}}};
}

void AddPoll(const PollDetail& p, Json& g) {
  Json results = Json::object();
  for (const PollAnswer& a : p.results) results[a.answer] = a.percent;
  g.update({{"results", std::move(results)}, {"year", p.year}, {"pollster", OrNull(p.pollster)},
            {"population", OrNull(p.population)}});
}

Json GroupJson(const Group& g) {
  Json j = {{"id", g.id}, {"name", g.name}, {"kind", OrNull(g.kind)}, {"facts", FactsJson(g.facts)},
            {"cite", CiteJson(g.cite)}};
  if (g.status)
    j.update({{"status", *g.status}, {"status_text", g.status_text}, {"parties", g.parties},
              {"multilateral", g.multilateral}});
  if (g.poll) AddPoll(*g.poll, j);
  return j;
}

Json GroupsJson(const std::vector<Group>& groups) { return ArrayOf(groups, GroupJson); }

Json SharedJson(const SharedMembership& s) {
  return {{"organization", s.organization}, {"organization_name", s.organization_name}, {"a", FactJson(s.a)},
          {"b", FactJson(s.b)}};
}

Json MembershipsJson(const Memberships& m) {
  return {{"shared", ArrayOf(m.shared, SharedJson)}, {"only_a", FactsJson(m.only_a)}, {"only_b", FactsJson(m.only_b)}};
}

Json SecurityJson(const Security& s) {
  return {{"installations", GroupsJson(s.installations)}, {"incidents", ArrayOf(s.incidents, OccurrenceJson)}};
}

Json SidedJson(const SidedFacts& s) {
  return {{"pair", FactsJson(s.pair)}, {"a", FactsJson(s.a)}, {"b", FactsJson(s.b)}};
}

Json TimelineItemJson(const TimelineItem& item) {
  Json j = item.fact ? FactJson(*item.fact) : OccurrenceJson(*item.occurrence);
  j["type"] = item.fact ? "fact" : "occurrence";
  return j;
}

Json TimelineYearJson(const TimelineYear& y) {
  return {{"year", OrNull(y.year)}, {"items", ArrayOf(y.items, TimelineItemJson)}};
}

Json MonthJson(const MonthPoint& p) {
  return {{"period", p.period}, {"count", p.count}, {"goldstein_mean", OrNull(p.goldstein_mean)}, {"quad", p.quad}};
}

Json DirectionJson(const EventDirection& dir) {
  return {{"source", dir.source}, {"target", dir.target}, {"monthly", ArrayOf(dir.monthly, MonthJson)},
          {"quad_totals", dir.quad_totals}, {"year_precision", dir.year_precision}};
}

Json NotableJson(const std::optional<NotableMonth>& m) {
  if (!m) return Json();
  return {{"period", m->period}, {"count", m->count}, {"goldstein_mean", m->goldstein_mean}};
}

Json CodeCountJson(const CodeCount& c) { return {{"code", c.code}, {"label", OrNull(c.label)}, {"count", c.count}}; }

Json DirectionsJson(const EventsSection& e) {
  return {{"a_to_b", DirectionJson(e.directions[0])}, {"b_to_a", DirectionJson(e.directions[1])}};
}

// An event store with no events between the pair has a note instead of the index.
void AddEventIndex(const EventsSection& e, Json& j) {
  j.update({{"most_cooperative_month", NotableJson(e.most_cooperative)},
            {"most_hostile_month", NotableJson(e.most_hostile)}, {"top_codes", ArrayOf(e.top_codes, CodeCountJson)}});
}

Json EventsJson(const EventsSection& e) {
  Json j = {{"available", e.available()}, {"store", OrNull(e.store)}};
  if (e.queried) j.update({{"directions", DirectionsJson(e)}, {"total", e.total}, {"year_precision", e.year_precision}});
  if (e.available()) AddEventIndex(e, j);
  else j["note"] = e.note;
  return j;
}

Json OptNum(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json DatasetJson(const DatasetRef& r) {
  if (r.cite == 0) return nullptr;
  return {{"cite", r.cite}, {"currency", r.currency}};
}

Json UnVoteJson(const UnVotePoint& v) {
  return {{"year", v.year}, {"votes_both", v.votes_both}, {"agree", v.agree},
          {"agreement", v.votes_both > 0 ? Json(static_cast<double>(v.agree) / v.votes_both) : Json(nullptr)},
          {"ideal_point_distance", OptNum(v.ideal_distance)}};
}

Json TradeJson(const TradePoint& t) {
  return {{"year", t.year}, {"a_from_b", OptNum(t.a_from_b)}, {"b_from_a", OptNum(t.b_from_a)}};
}

// The names of the obligations that hold: ["defense", "consultation"].
Json ObligationsJson(const std::array<bool, 5>& o) {
  static const char* kNames[] = {"defense", "offense", "neutrality", "non_aggression", "consultation"};
  Json names = Json::array();
  for (int k = 0; k < 5; ++k)
    if (o[k]) names.push_back(kNames[k]);
  return names;
}

Json AllianceJson(const AlliancePoint& p) {
  return {{"year", p.year},
          {"obligations", {{"a_to_b", ObligationsJson(p.obligations[0])}, {"b_to_a", ObligationsJson(p.obligations[1])}}}};
}

Json RelationsDataJson(const RelationsData& r) {
  if (!r.queried) return {{"available", false}, {"note", r.note}};
  return {{"available", true},
          {"un_votes", {{"source", DatasetJson(r.un)}, {"years", ArrayOf(r.un_votes, UnVoteJson)}}},
          {"trade", {{"source", DatasetJson(r.trade)}, {"unit", "million current USD"},
                     {"years", ArrayOf(r.trade_series, TradeJson)}}},
          {"alliances", {{"source", DatasetJson(r.alliances)}, {"years", ArrayOf(r.alliance_series, AllianceJson)}}}};
}

Json SourceJson(const CitedSource& s) {
  return {{"n", s.n}, {"id", s.id}, {"title", s.title}, {"author", OrNull(s.author)},
          {"publisher", OrNull(s.publisher)}, {"date", OrNull(s.date)}, {"url", OrNull(s.url)},
          {"licence", OrNull(s.licence)}, {"retrieved", OrNull(s.retrieved)},
          {"current_to", OrNull(s.current_to)}};
}

Json SeeAlsoJson(const SeeAlsoEntry& s) {
  return {{"label", s.label}, {"anchor", OrNull(s.anchor)}, {"command", OrNull(s.command)}};
}

Json StandingJson(const DateStanding& s) {
  return {{"not_existing", s.not_existing}, {"future", s.future}, {"known_until", OrNull(s.known_until)}};
}

// The head of the document: schema, title, date, what the sources can say for it, the states.
Json HeadJson(const Dossier& d) {
  return {{"schema", "dyad.dossier/1"}, {"title", d.title}, {"as_of", d.as_of.ToString()},
          {"as_of_given", d.as_of_given}, {"standing", StandingJson(d.standing)}, {"states", Json::array({StateJson(d.states[0]), StateJson(d.states[1])})}};
}

// The empty sections: what was looked for, in which sources, as one sentence each.
Json NotRecordedJson(const Dossier& d) {
  Json out = Json::array();
  for (const NotRecorded& n : d.not_recorded)
    out.push_back({{"sections", n.sections}, {"topics", n.topics}, {"text", NotRecordedText(d, n)},
                   {"cite", CiteJson(n.cite)}});
  return out;
}

// The sections of the knowledge base, in the documented order.
void AddSections(const Dossier& d, Json& j) {
  j.update({{"overview", {{"relations", RelationsJson(d.overview.relations)},
                          {"summary", PlainText(d.overview.summary)}}},
            {"infobox", InfoboxJson(d)}, {"representation", RepresentationJson(d.representation)},
            {"agreements", GroupsJson(d.agreements)}, {"memberships", MembershipsJson(d.memberships)},
            {"security", SecurityJson(d.security)}, {"assistance", FactsJson(d.assistance)},
            {"public_opinion", GroupsJson(d.public_opinion)}, {"trade_currency", SidedJson(d.trade_currency)},
            {"context", SidedJson(d.context)}, {"not_recorded", NotRecordedJson(d)},
            {"timeline", ArrayOf(d.timeline, TimelineYearJson)}});
}

Json DossierJson(const Dossier& d) {
  Json j = HeadJson(d);
  AddSections(d, j);
  j["events"] = EventsJson(d.events);
  if (d.relations_data.queried) j["relations_data"] = RelationsDataJson(d.relations_data);
  if (d.pairs.built) j["pairs"] = RenderPairSectionsJson(d);
  j.update({{"sources", ArrayOf(d.sources, SourceJson)}, {"currency", ArrayOf(d.currency, CurrencyJson)},
            {"see_also", ArrayOf(d.see_also, SeeAlsoJson)}});
  return j;
}

}  // namespace

// Invalid UTF-8 (which the loaders reject) would be replaced by U+FFFD rather than throw.
std::string RenderJson(const Dossier& dossier, int indent) {
  return DossierJson(dossier).dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dyad::report
