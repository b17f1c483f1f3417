// JSON rendering of the dossier model: the documented product (docs/formats/dossier.md,
// schema "dyad.dossier/1"). A pure function of the model: it builds a JSON value from the
// structs (nlohmann's ordered_json, so keys keep the documented order) and serializes it.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/dossier.h"

namespace dyad::report {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }
Json OrNull(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(); }
Json OrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(); }

Json CiteJson(const Cites& cite) {
  Json out = Json::array();
  for (int n : cite) out.push_back(n);
  return out;
}

Json QualifiersJson(const std::vector<Qualifier>& qualifiers) {
  Json q = Json::object();
  for (const Qualifier& x : qualifiers) q[x.key] = x.value;
  return q;
}

void AddTerm(const TermDetail& t, Json& j) {
  j["person"] = t.person;
  j["mission"] = t.mission;
  j["role"] = t.role;
  j["role_title"] = t.role_title;
  j["charge"] = t.charge;
  if (t.end_implicit) j["end_implicit"] = true;
  for (const Qualifier& q : t.dates) j[q.key] = q.value;
}

void AddDetails(const FactStatement& f, Json& j) {
  if (f.term) AddTerm(*f.term, j);
  if (f.membership) {
    j["organization"] = f.membership->organization;
    j["organization_name"] = f.membership->organization_name;
    j["observer"] = f.membership->observer;
  }
  if (f.holder) {
    j["person"] = f.holder->person;
    j["acting"] = f.holder->acting;
  }
  if (f.vacant) j["vacant"] = true;
}

Json FactJson(const FactStatement& f) {
  Json j;
  j["relation"] = std::string(kb::RelationName(f.relation));
  j["text"] = f.text;
  j["subject"] = f.subject;
  j["subject_name"] = f.subject_name;
  j["object"] = OrNull(f.object);
  j["object_name"] = f.object.empty() ? Json() : Json(f.object_name);
  j["value"] = OrNull(f.value);
  j["start"] = OrNull(f.start);
  j["end"] = OrNull(f.end);
  j["undated"] = f.undated;
  j["ongoing"] = f.ongoing;
  j["when"] = f.when;
  if (!f.qualifiers.empty()) j["qualifiers"] = QualifiersJson(f.qualifiers);
  if (!f.note.empty()) j["note"] = f.note;
  j["cite"] = CiteJson(f.cite);
  AddDetails(f, j);
  return j;
}

Json FactsJson(const std::vector<FactStatement>& facts) {
  Json out = Json::array();
  for (const FactStatement& f : facts) out.push_back(FactJson(f));
  return out;
}

Json FactOrNull(const std::optional<FactStatement>& f) { return f ? FactJson(*f) : Json(); }

Json OccurrenceJson(const OccurrenceStatement& o) {
  Json j;
  j["id"] = o.id;
  j["kind"] = o.kind;
  j["start"] = OrNull(o.start);
  j["end"] = OrNull(o.end);
  j["when"] = o.when;
  j["text"] = o.text;
  j["cameo"] = OrNull(o.cameo);
  j["place"] = OrNull(o.place);
  Json parts = Json::array();
  for (const OccurrenceParticipant& p : o.participants)
    parts.push_back({{"entity", p.entity}, {"name", p.name}, {"role", p.role}});
  j["participants"] = std::move(parts);
  j["cite"] = CiteJson(o.cite);
  return j;
}

Json StateJson(const StateProfile& s) {
  Json j;
  j["key"] = s.key;
  j["name"] = s.name;
  j["official_name"] = s.official_name;
  j["capital"] = OrNull(s.capital);
  j["capital_lat"] = OrNull(s.capital_lat);
  j["capital_lon"] = OrNull(s.capital_lon);
  j["region"] = OrNull(s.region);
  j["subregion"] = OrNull(s.subregion);
  Json codes = Json::object();
  for (const StateCode& c : s.codes) codes[c.scheme] = c.code;
  j["codes"] = std::move(codes);
  Json links = Json::array();
  for (const StateLink& l : s.links)
    links.push_back({{"kind", l.predecessor ? "predecessor" : "successor"}, {"state", l.state},
                     {"date", OrNull(l.date)}, {"note", l.note}});
  j["links"] = std::move(links);
  j["registry_sources"] = s.registry_sources;
  return j;
}

Json RelationsJson(const RelationsOverview& r) {
  Json j;
  j["state"] = r.state;
  j["since"] = FactsJson(r.since);
  j["sources_disagree"] = r.sources_disagree;
  j["recognition"] = FactsJson(r.recognition);
  j["recognition_disagrees"] = r.recognition_disagrees;
  j["last_break"] = FactOrNull(r.last_break);
  j["later_claims"] = FactsJson(r.later_claims);
  j["no_relations"] = FactsJson(r.no_relations);
  j["inferred"] = r.inferred;
  j["evidence"] = FactsJson(r.evidence);
  return j;
}

void AddMissionFacts(const Mission& m, Json& j) {
  if (m.opened_recorded) {
    j["opened"] = OrNull(m.opened);
    j["opened_cite"] = CiteJson(m.opened_cite);
  }
  if (m.address) {
    j["address"] = *m.address;
    j["city"] = OrNull(m.city);
    j["address_cite"] = CiteJson(m.address_cite);
  }
  if (m.closed_recorded) j["closed"] = OrNull(m.closed);
}

Json MissionJson(const Mission& m) {
  Json j;
  j["id"] = m.id;
  j["name"] = m.name;
  j["kind"] = m.kind;
  j["sending_state"] = m.sending_state;
  j["receiving_state"] = m.receiving_state;
  AddMissionFacts(m, j);
  j["facts"] = FactsJson(m.facts);
  j["cite"] = CiteJson(m.cite);
  return j;
}

Json MissionsJson(const Directions<std::vector<Mission>>& missions) {
  Json out = {{"a_in_b", Json::array()}, {"b_in_a", Json::array()}};
  for (const Mission& m : missions.a_in_b) out["a_in_b"].push_back(MissionJson(m));
  for (const Mission& m : missions.b_in_a) out["b_in_a"].push_back(MissionJson(m));
  return out;
}

Json EnvoysJson(const Envoys& e) {
  Json j;
  j["sending_state"] = e.sending_state;
  j["receiving_state"] = e.receiving_state;
  j["heads"] = FactsJson(e.heads);
  j["vacant"] = FactsJson(e.vacant);
  j["previous"] = FactOrNull(e.previous);
  j["undated"] = FactsJson(e.undated);
  return j;
}

Json InfoboxJson(const Dossier& d) {
  Json j;
  j["missions"] = MissionsJson(d.representation.missions);
  j["envoys"] = {{"a_in_b", EnvoysJson(d.envoys.a_in_b)}, {"b_in_a", EnvoysJson(d.envoys.b_in_a)}};
  const FactStatement* since = d.RelationsSince();
  j["relations_since"] = since ? FactJson(*since) : Json();
  return j;
}

Json StepJson(const ChainStep& step) {
  Json s;
  s["entity"] = step.entity;
  s["name"] = step.name;
  s["link"] = FactOrNull(step.link);
  s["holders"] = FactsJson(step.holders);
  return s;
}

Json OfficesJson(const std::vector<Office>& offices) {
  Json out = Json::array();
  for (const Office& o : offices) {
    Json j;
    j["agency"] = o.agency;
    j["name"] = o.name;
    j["responsible_for"] = FactJson(o.responsible_for);
    j["chain"] = Json::array();
    for (const ChainStep& step : o.chain) j["chain"].push_back(StepJson(step));
    out.push_back(std::move(j));
  }
  return out;
}

Json RepresentationJson(const Representation& r) {
  Json j;
  j["missions"] = MissionsJson(r.missions);
  j["chiefs"] = {{"a_in_b", FactsJson(r.chiefs.a_in_b)}, {"b_in_a", FactsJson(r.chiefs.b_in_a)}};
  j["offices"] = {{"a", OfficesJson(r.offices_a)}, {"b", OfficesJson(r.offices_b)}};
  return j;
}

void AddPoll(const PollDetail& p, Json& g) {
  Json results = Json::object();
  for (const PollAnswer& a : p.results) results[a.answer] = a.percent;
  g["results"] = std::move(results);
  g["year"] = p.year;
  g["pollster"] = OrNull(p.pollster);
  g["population"] = OrNull(p.population);
}

Json GroupsJson(const std::vector<Group>& groups) {
  Json out = Json::array();
  for (const Group& g : groups) {
    Json j;
    j["id"] = g.id;
    j["name"] = g.name;
    j["kind"] = g.kind ? Json(*g.kind) : Json();
    j["facts"] = FactsJson(g.facts);
    j["cite"] = CiteJson(g.cite);
    if (g.status) {
      j["status"] = *g.status;
      j["parties"] = g.parties;
    }
    if (g.poll) AddPoll(*g.poll, j);
    out.push_back(std::move(j));
  }
  return out;
}

Json MembershipsJson(const Memberships& m) {
  Json shared = Json::array();
  for (const SharedMembership& s : m.shared)
    shared.push_back({{"organization", s.organization}, {"organization_name", s.organization_name},
                      {"a", FactJson(s.a)}, {"b", FactJson(s.b)}});
  return {{"shared", shared}, {"only_a", FactsJson(m.only_a)}, {"only_b", FactsJson(m.only_b)}};
}

Json SecurityJson(const Security& s) {
  Json incidents = Json::array();
  for (const OccurrenceStatement& o : s.incidents) incidents.push_back(OccurrenceJson(o));
  Json j;
  j["installations"] = GroupsJson(s.installations);
  j["incidents"] = std::move(incidents);
  return j;
}

Json SidedJson(const SidedFacts& s) {
  return {{"pair", FactsJson(s.pair)}, {"a", FactsJson(s.a)}, {"b", FactsJson(s.b)}};
}

Json TimelineItemJson(const TimelineItem& item) {
  Json j = item.fact ? FactJson(*item.fact) : OccurrenceJson(*item.occurrence);
  j["type"] = item.fact ? "fact" : "occurrence";
  return j;
}

Json TimelineJson(const std::vector<TimelineYear>& timeline) {
  Json out = Json::array();
  for (const TimelineYear& y : timeline) {
    Json items = Json::array();
    for (const TimelineItem& item : y.items) items.push_back(TimelineItemJson(item));
    out.push_back({{"year", y.year ? Json(*y.year) : Json()}, {"items", std::move(items)}});
  }
  return out;
}

Json DirectionJson(const EventDirection& dir) {
  Json points = Json::array();
  for (const MonthPoint& p : dir.monthly)
    points.push_back({{"period", p.period}, {"count", p.count}, {"goldstein_mean", OrNull(p.goldstein_mean)},
                      {"quad", p.quad}});
  return {{"source", dir.source}, {"target", dir.target}, {"monthly", points}, {"quad_totals", dir.quad_totals}};
}

Json NotableJson(const std::optional<NotableMonth>& m) {
  if (!m) return Json();
  return {{"period", m->period}, {"count", m->count}, {"goldstein_mean", m->goldstein_mean}};
}

void AddEventIndex(const EventsSection& e, Json& j) {
  j["most_cooperative_month"] = NotableJson(e.most_cooperative);
  j["most_hostile_month"] = NotableJson(e.most_hostile);
  Json top = Json::array();
  for (const CodeCount& c : e.top_codes)
    top.push_back({{"code", c.code}, {"label", OrNull(c.label)}, {"count", c.count}});
  j["top_codes"] = std::move(top);
}

Json EventsJson(const EventsSection& e) {
  Json j;
  j["available"] = e.available();
  j["store"] = OrNull(e.store);
  if (!e.queried) {
    j["note"] = e.note;
    return j;
  }
  j["directions"] = {{"a_to_b", DirectionJson(e.directions[0])}, {"b_to_a", DirectionJson(e.directions[1])}};
  j["total"] = e.total;
  if (e.available()) AddEventIndex(e, j);
  else j["note"] = e.note;
  return j;
}

Json OptNum(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json DatasetJson(const DatasetRef& r) {
  if (r.cite == 0) return nullptr;
  return {{"cite", r.cite}, {"currency", r.currency}};
}

Json RelationsDataJson(const RelationsData& r) {
  Json j;
  j["available"] = r.queried;
  if (!r.queried) {
    j["note"] = r.note;
    return j;
  }
  Json un = Json::array(), trade = Json::array(), al = Json::array();
  for (const UnVotePoint& v : r.un_votes)
    un.push_back({{"year", v.year}, {"votes_both", v.votes_both}, {"agree", v.agree},
                  {"agreement", v.votes_both > 0 ? Json(static_cast<double>(v.agree) / v.votes_both) : Json(nullptr)},
                  {"ideal_point_distance", OptNum(v.ideal_distance)}});
  for (const TradePoint& t : r.trade_series)
    trade.push_back({{"year", t.year}, {"a_from_b", OptNum(t.a_from_b)}, {"b_from_a", OptNum(t.b_from_a)}});
  static const char* kNames[] = {"defense", "offense", "neutrality", "non_aggression", "consultation"};
  for (const AlliancePoint& p : r.alliance_series) {
    Json dirs;
    for (int d = 0; d < 2; ++d) {
      Json o = Json::array();
      for (int k = 0; k < 5; ++k)
        if (p.obligations[d][k]) o.push_back(kNames[k]);
      dirs[d == 0 ? "a_to_b" : "b_to_a"] = o;
    }
    al.push_back({{"year", p.year}, {"obligations", dirs}});
  }
  j["un_votes"] = {{"source", DatasetJson(r.un)}, {"years", un}};
  j["trade"] = {{"source", DatasetJson(r.trade)}, {"unit", "million current USD"}, {"years", trade}};
  j["alliances"] = {{"source", DatasetJson(r.alliances)}, {"years", al}};
  return j;
}

Json SourcesJson(const std::vector<CitedSource>& sources) {
  Json out = Json::array();
  for (const CitedSource& s : sources)
    out.push_back({{"n", s.n}, {"id", s.id}, {"title", s.title}, {"author", OrNull(s.author)},
                   {"publisher", OrNull(s.publisher)}, {"date", OrNull(s.date)}, {"url", OrNull(s.url)},
                   {"licence", OrNull(s.licence)}, {"retrieved", OrNull(s.retrieved)}});
  return out;
}

Json SeeAlsoJson(const std::vector<SeeAlsoEntry>& entries) {
  Json out = Json::array();
  for (const SeeAlsoEntry& s : entries)
    out.push_back({{"label", s.label}, {"anchor", OrNull(s.anchor)}, {"command", OrNull(s.command)}});
  return out;
}

Json DossierJson(const Dossier& d) {
  Json j;
  j["schema"] = "dyad.dossier/1";
  j["title"] = d.title;
  j["as_of"] = d.as_of.ToString();
  j["as_of_given"] = d.as_of_given;
  j["states"] = Json::array({StateJson(d.states[0]), StateJson(d.states[1])});
  j["overview"]["relations"] = RelationsJson(d.overview.relations);
  j["overview"]["summary"] = PlainText(d.overview.summary);
  j["infobox"] = InfoboxJson(d);
  j["representation"] = RepresentationJson(d.representation);
  j["agreements"] = GroupsJson(d.agreements);
  j["memberships"] = MembershipsJson(d.memberships);
  j["security"] = SecurityJson(d.security);
  j["assistance"] = FactsJson(d.assistance);
  j["public_opinion"] = GroupsJson(d.public_opinion);
  j["trade_currency"] = SidedJson(d.trade_currency);
  j["context"] = SidedJson(d.context);
  j["timeline"] = TimelineJson(d.timeline);
  j["events"] = EventsJson(d.events);
  if (d.relations_data.queried) j["relations_data"] = RelationsDataJson(d.relations_data);
  j["sources"] = SourcesJson(d.sources);
  j["see_also"] = SeeAlsoJson(d.see_also);
  return j;
}

}  // namespace

// Invalid UTF-8 (which the loaders reject) would be replaced by U+FFFD rather than throw.
std::string RenderJson(const Dossier& dossier, int indent) {
  return DossierJson(dossier).dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dyad::report
