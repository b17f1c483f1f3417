#include "report/dossier.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>

#include "events/query.h"
#include "events/taxonomy.h"
#include "report/dossier_text.h"

namespace dyad::report {
namespace {

using kb::Fact;
using kb::Relation;

// Numbers sources in order of first citation.
class Citations {
 public:
  explicit Citations(const kb::KnowledgeBase& kb) : kb_(kb) {}
  Json Cite(const std::vector<std::string>& ids) {
    Json out = Json::array();
    for (const std::string& id : ids) out.push_back(Number(id));
    return out;
  }
  int Number(const std::string& id) {
    auto [it, added] = numbers_.emplace(id, static_cast<int>(order_.size()) + 1);
    if (added) order_.push_back(id);
    return it->second;
  }
  Json List() const {
    Json out = Json::array();
    for (size_t i = 0; i < order_.size(); ++i) {
      const kb::Source* s = kb_.FindSource(order_[i]);
      Json j = {{"n", i + 1}, {"id", order_[i]}};
      j["title"] = s ? s->title : order_[i];
      j["author"] = s && !s->author.empty() ? Json(s->author) : Json();
      j["publisher"] = s && !s->publisher.empty() ? Json(s->publisher) : Json();
      j["date"] = s && s->date ? Json(s->date->ToString()) : Json();
      j["url"] = s && !s->url.empty() ? Json(s->url) : Json();
      j["licence"] = s && !s->licence.empty() ? Json(s->licence) : Json();
      j["retrieved"] = s && s->retrieved ? Json(s->retrieved->ToString()) : Json();
      out.push_back(std::move(j));
    }
    return out;
  }

 private:
  const kb::KnowledgeBase& kb_;
  std::unordered_map<std::string, int> numbers_;
  std::vector<std::string> order_;
};

struct Ctx {
  const world::World& world;
  const kb::KnowledgeBase& kb;
  std::string a, b;
  Date as_of;
  Citations cites;
};

Json DateOrNull(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(); }

// A fact counts as of D when it had begun by D (undated facts always count).
bool Began(const Fact& f, const Ctx& c) {
  return f.undated || !f.valid.start() || f.valid.start()->first_day() <= c.as_of.last_day();
}
// Still holding on D: a span whose end is open or not before D.
bool Ongoing(const Fact& f, const Ctx& c) {
  if (kb::Info(f.relation).shape == kb::Shape::kPoint) return false;
  return !f.valid.end() || f.valid.end()->last_day() >= c.as_of.first_day();
}

Json FactJson(const Fact& f, Ctx& c) {
  const bool ongoing = Ongoing(f, c);
  Json j;
  j["relation"] = std::string(kb::RelationName(f.relation));
  j["text"] = DescribeFact(f, c.kb, ongoing);
  j["subject"] = f.subject;
  j["subject_name"] = c.kb.NameOf(f.subject);
  j["object"] = f.object.empty() ? Json() : Json(f.object);
  j["object_name"] = f.object.empty() ? Json() : Json(c.kb.NameOf(f.object));
  j["value"] = f.value.empty() ? Json() : Json(f.value);
  j["start"] = f.undated ? Json() : DateOrNull(f.valid.start());
  // As of D, a span that ends after D is reported as still open.
  const bool end_after = f.valid.end() && f.valid.end()->first_day() > c.as_of.last_day();
  j["end"] = f.undated || end_after ? Json() : DateOrNull(f.valid.end());
  j["undated"] = f.undated;
  j["ongoing"] = ongoing;
  j["when"] = DescribeInterval(end_after ? Interval::Since(*f.valid.start()) : f.valid, f.undated);
  if (!f.qualifiers.empty()) {
    Json q = Json::object();
    for (const kb::Qualifier& qual : f.qualifiers) q[qual.key] = qual.value;
    j["qualifiers"] = std::move(q);
  }
  if (!f.note.empty()) j["note"] = f.note;
  j["cite"] = c.cites.Cite(f.sources);
  return j;
}

bool SortKeyLess(const Fact* x, const Fact* y) {
  if (x->undated != y->undated) return !x->undated;
  const auto& a = x->valid.start();
  const auto& b = y->valid.start();
  if (a.has_value() != b.has_value()) return !a.has_value();
  if (a && b && *a != *b) return *a < *b;
  return x->origin.line < y->origin.line;
}

std::vector<const Fact*> SortedBegun(std::vector<const Fact*> facts, const Ctx& c) {
  std::erase_if(facts, [&](const Fact* f) { return !Began(*f, c); });
  std::stable_sort(facts.begin(), facts.end(), SortKeyLess);
  return facts;
}

Json StateJson(const world::State& s, const Date& on) {
  Json j;
  j["key"] = s.key;
  j["name"] = s.name;
  j["official_name"] = s.official_name;
  j["capital"] = s.capital.empty() ? Json() : Json(s.capital);
  j["capital_lat"] = s.capital_lat ? Json(*s.capital_lat) : Json();
  j["capital_lon"] = s.capital_lon ? Json(*s.capital_lon) : Json();
  j["region"] = s.region.empty() ? Json() : Json(s.region);
  j["subregion"] = s.subregion.empty() ? Json() : Json(s.subregion);
  Json codes = Json::object();
  for (int i = 0; i < world::kSchemeCount; ++i) {
    auto scheme = static_cast<world::Scheme>(i);
    if (auto code = s.Code(scheme, on)) codes[std::string(world::SchemeName(scheme))] = *code;
  }
  j["codes"] = std::move(codes);
  Json links = Json::array();
  for (const world::Link& l : s.links) {
    links.push_back({{"kind", l.kind == world::LinkKind::kPredecessor ? "predecessor" : "successor"},
                     {"state", l.other},
                     {"date", DateOrNull(l.date)},
                     {"note", l.note}});
  }
  j["links"] = std::move(links);
  j["registry_sources"] = s.sources;
  return j;
}

// ---- representation ---------------------------------------------------------------------

Json MissionJson(const kb::MissionInfo& m, Ctx& c) {
  Json j;
  j["id"] = m.mission->id;
  j["name"] = m.mission->name;
  j["kind"] = m.mission->subkind;
  j["sending_state"] = m.mission->owner;
  j["receiving_state"] = m.mission->host;
  Json facts = Json::array();
  for (const Fact* f : SortedBegun(m.facts, c)) {
    if (f->relation == Relation::kChiefOfMission || f->relation == Relation::kPostVacant) continue;
    Json fj = FactJson(*f, c);
    if (f->relation == Relation::kMissionLocatedAt && fj["ongoing"].get<bool>()) {
      j["address"] = f->value;
      j["city"] = f->object.empty() ? Json() : Json(c.kb.NameOf(f->object));
      j["address_cite"] = fj["cite"];
    }
    if (f->relation == Relation::kMissionOpened) {
      j["opened"] = fj["start"];
      j["opened_cite"] = fj["cite"];
    }
    if (f->relation == Relation::kMissionClosed) j["closed"] = fj["start"];
    facts.push_back(std::move(fj));
  }
  j["facts"] = std::move(facts);
  j["cite"] = c.cites.Cite(m.mission->sources);
  return j;
}

Json TermJson(const kb::Term& t, Ctx& c) {
  Json j = FactJson(*t.fact, c);
  const std::string_view role = t.fact->QualifierValue("role");
  j["person"] = c.kb.NameOf(t.fact->subject);
  j["mission"] = c.kb.NameOf(t.fact->object);
  j["role"] = std::string(role);
  j["role_title"] = std::string(kb::RoleTitle(role));
  j["charge"] = kb::IsChargeRole(role);
  if (t.implicit_end && t.end && t.end->first_day() <= c.as_of.last_day()) {
    j["end"] = t.end->ToString();
    j["end_implicit"] = true;
  }
  for (const char* key : {"appointed", "credentials", "arrived"}) {
    std::string_view v = t.fact->QualifierValue(key);
    if (!v.empty()) j[key] = std::string(v);
  }
  return j;
}

Json ChiefsJson(const std::string& sender, const std::string& receiver, Ctx& c) {
  Json out = Json::array();
  std::vector<const Fact*> terms;
  for (const kb::MissionInfo& m : c.kb.Missions(sender, receiver)) {
    for (const Fact* f : m.facts)
      if (f->relation == Relation::kChiefOfMission || f->relation == Relation::kPostVacant)
        terms.push_back(f);
  }
  for (const Fact* f : SortedBegun(terms, c)) {
    if (f->relation == Relation::kPostVacant) {
      Json j = FactJson(*f, c);
      j["vacant"] = true;
      out.push_back(std::move(j));
    } else {
      out.push_back(TermJson(kb::Term{f, f->valid.end(), false}, c));
    }
  }
  return out;
}

Json EnvoyJson(const std::string& sender, const std::string& receiver, Ctx& c) {
  kb::EnvoyAnswer ans = c.kb.Envoy(sender, receiver, c.as_of);
  Json j;
  j["sending_state"] = sender;
  j["receiving_state"] = receiver;
  Json heads = Json::array();
  for (const kb::Term& t : ans.heads) heads.push_back(TermJson(t, c));
  j["heads"] = std::move(heads);
  Json vacant = Json::array();
  for (const Fact* f : ans.vacant) vacant.push_back(FactJson(*f, c));
  j["vacant"] = std::move(vacant);
  j["previous"] = ans.previous ? TermJson(*ans.previous, c) : Json();
  Json undated = Json::array();
  for (const kb::Term& t : ans.undated) undated.push_back(TermJson(t, c));
  j["undated"] = std::move(undated);
  return j;
}

Json OfficesJson(const std::string& side, const std::string& other, Ctx& c) {
  Json out = Json::array();
  for (const Fact* f : SortedBegun(c.kb.FactsAbout(other, Relation::kResponsibleFor), c)) {
    if (!Ongoing(*f, c)) continue;
    std::vector<std::string> owners = c.kb.StatesOf(f->subject);
    if (std::find(owners.begin(), owners.end(), side) == owners.end()) continue;
    Json j;
    j["agency"] = f->subject;
    j["name"] = c.kb.NameOf(f->subject);
    j["responsible_for"] = FactJson(*f, c);
    Json chain = Json::array();
    for (const kb::ChainStep& step : c.kb.ReportingChain(f->subject, c.as_of)) {
      Json s;
      s["entity"] = step.entity;
      s["name"] = c.kb.NameOf(step.entity);
      s["link"] = step.link ? FactJson(*step.link, c) : Json();
      Json holders = Json::array();
      for (const Fact* h : step.holders) {
        Json hj = FactJson(*h, c);
        hj["person"] = c.kb.NameOf(h->subject);
        hj["acting"] = h->QualifierValue("acting") == "yes";
        holders.push_back(std::move(hj));
      }
      s["holders"] = std::move(holders);
      chain.push_back(std::move(s));
    }
    j["chain"] = std::move(chain);
    out.push_back(std::move(j));
  }
  return out;
}

// ---- grouped sections ---------------------------------------------------------------------

bool In(Relation r, std::initializer_list<Relation> set) {
  return std::find(set.begin(), set.end(), r) != set.end();
}

// Groups the dyad's facts whose relation is in `set` by their subject entity.
Json GroupBySubject(const std::vector<const Fact*>& facts, std::initializer_list<Relation> set,
                    Ctx& c) {
  std::map<std::string, std::vector<const Fact*>> groups;
  std::vector<std::string> order;
  for (const Fact* f : facts) {
    if (!In(f->relation, set)) continue;
    if (!groups.count(f->subject)) order.push_back(f->subject);
    groups[f->subject].push_back(f);
  }
  Json out = Json::array();
  for (const std::string& id : order) {
    Json g;
    g["id"] = id;
    g["name"] = c.kb.NameOf(id);
    const kb::Entity* e = c.kb.FindEntity(id);
    g["kind"] = e ? Json(e->subkind) : Json();
    Json items = Json::array();
    for (const Fact* f : groups[id]) items.push_back(FactJson(*f, c));
    g["facts"] = std::move(items);
    g["cite"] = e ? c.cites.Cite(e->sources) : Json::array();
    out.push_back(std::move(g));
  }
  return out;
}

Json AgreementsJson(const std::vector<const Fact*>& dyad, Ctx& c) {
  std::vector<const Fact*> facts;
  std::set<std::string> seen;
  for (const Fact* f : dyad) {
    std::string id = f->relation == Relation::kPartyTo ? f->object : f->subject;
    const kb::Entity* e = c.kb.FindEntity(id);
    if (e == nullptr || e->kind != kb::EntityKind::kAgreement || !seen.insert(id).second) continue;
    // An agreement signed after the dossier's date does not exist yet, whatever an
    // open-started in_force span says.
    std::vector<const Fact*> signed_facts = c.kb.FactsOf(id, Relation::kAgreementSigned);
    if (!signed_facts.empty() &&
        std::none_of(signed_facts.begin(), signed_facts.end(), [&](const Fact* s) { return Began(*s, c); }))
      continue;
    for (Relation r : {Relation::kAgreementSigned, Relation::kAgreementInForce,
                       Relation::kAgreementTerminated})
      for (const Fact* x : c.kb.FactsOf(id, r)) facts.push_back(x);
  }
  Json groups = GroupBySubject(SortedBegun(facts, c),
                               {Relation::kAgreementSigned, Relation::kAgreementInForce,
                                Relation::kAgreementTerminated},
                               c);
  for (Json& g : groups) {
    std::string status = "recorded";
    for (const Json& f : g["facts"]) {
      const std::string rel = f["relation"];
      if (rel == "agreement_signed" && status == "recorded") status = "signed";
      if (rel == "agreement_in_force") status = f["ongoing"].get<bool>() ? "in force" : "expired";
      if (rel == "agreement_terminated") status = "terminated";
    }
    g["status"] = status;
    Json parties = Json::array();
    for (const Fact* p : c.kb.FactsAbout(g["id"].get<std::string>(), Relation::kPartyTo))
      parties.push_back(p->subject);
    g["parties"] = std::move(parties);
  }
  return groups;
}

Json MembershipsJson(Ctx& c) {
  auto orgs_of = [&](const std::string& s) {
    std::map<std::string, const Fact*> m;
    for (const Fact* f : c.kb.Memberships(s, c.as_of))
      if (Began(*f, c) && !m.count(f->object)) m[f->object] = f;
    return m;
  };
  auto ma = orgs_of(c.a), mb = orgs_of(c.b);
  Json shared = Json::array(), only_a = Json::array(), only_b = Json::array();
  auto entry = [&](const Fact* f) {
    Json j = FactJson(*f, c);
    j["organization"] = f->object;
    j["organization_name"] = c.kb.NameOf(f->object);
    j["observer"] = f->relation == Relation::kObserverOf;
    return j;
  };
  for (const auto& [org, f] : ma) {
    auto it = mb.find(org);
    if (it == mb.end()) {
      only_a.push_back(entry(f));
      continue;
    }
    shared.push_back({{"organization", org}, {"organization_name", c.kb.NameOf(org)},
                      {"a", entry(f)}, {"b", entry(it->second)}});
  }
  for (const auto& [org, f] : mb)
    if (!ma.count(org)) only_b.push_back(entry(f));
  return {{"shared", shared}, {"only_a", only_a}, {"only_b", only_b}};
}

Json PollsJson(const std::vector<const Fact*>& dyad, Ctx& c) {
  Json groups = GroupBySubject(dyad, {Relation::kPollResult}, c);
  for (Json& g : groups) {
    Json results = Json::object();
    std::string year;
    for (const Json& f : g["facts"]) {
      if (f.contains("qualifiers") && f["qualifiers"].contains("answer"))
        results[f["qualifiers"]["answer"].get<std::string>()] = std::stod(f["value"].get<std::string>());
      if (year.empty() && f["start"].is_string()) year = f["start"].get<std::string>().substr(0, 4);
    }
    g["results"] = std::move(results);
    g["year"] = year;
    const kb::Entity* e = c.kb.FindEntity(g["id"].get<std::string>());
    g["pollster"] = e && !e->owner.empty() ? Json(c.kb.NameOf(e->owner)) : Json();
    g["population"] = e && !e->host.empty() ? Json(c.kb.NameOf(e->host)) : Json();
  }
  return groups;
}

Json FactList(const std::vector<const Fact*>& facts, std::initializer_list<Relation> set, Ctx& c) {
  Json out = Json::array();
  for (const Fact* f : facts)
    if (In(f->relation, set)) out.push_back(FactJson(*f, c));
  return out;
}

// Facts of either state alone (currency, trade with third states, peacekeeping ...).
std::vector<const Fact*> SideFacts(const std::string& s, std::initializer_list<Relation> set,
                                   const Ctx& c) {
  std::vector<const Fact*> out;
  for (Relation r : set) {
    for (const Fact* f : c.kb.FactsOf(s, r)) out.push_back(f);
    for (const Fact* f : c.kb.FactsAbout(s, r)) out.push_back(f);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return SortedBegun(out, c);
}

// ---- timeline -----------------------------------------------------------------------------

Json OccurrenceJson(const kb::Occurrence& o, Ctx& c) {
  Json j;
  j["id"] = o.id;
  j["kind"] = o.kind;
  j["start"] = DateOrNull(o.when.start());
  j["end"] = DateOrNull(o.when.end());
  j["when"] = DescribeInterval(o.when, false);
  j["text"] = o.summary;
  j["cameo"] = o.cameo.empty() ? Json() : Json(o.cameo);
  j["place"] = o.place.empty() ? Json() : Json(c.kb.NameOf(o.place));
  Json parts = Json::array();
  for (const kb::Participant& p : o.participants)
    parts.push_back({{"entity", p.entity}, {"name", c.kb.NameOf(p.entity)}, {"role", p.role}});
  j["participants"] = std::move(parts);
  j["cite"] = c.cites.Cite(o.sources);
  return j;
}

Json TimelineJson(const kb::DyadView& view, Ctx& c) {
  std::map<int, Json> years;
  Json undated = Json::array();
  for (const Fact* f : view.facts) {
    if (!Began(*f, c)) continue;
    Json j = FactJson(*f, c);
    j["type"] = "fact";
    if (f->undated || !f->valid.start()) {
      undated.push_back(std::move(j));
      continue;
    }
    years[f->valid.start()->year()].push_back(std::move(j));
  }
  for (const kb::Occurrence* o : view.occurrences) {
    if (!o->when.start() || o->when.start()->first_day() > c.as_of.last_day()) continue;
    Json j = OccurrenceJson(*o, c);
    j["type"] = "occurrence";
    years[o->when.start()->year()].push_back(std::move(j));
  }
  Json out = Json::array();
  for (auto& [year, items] : years) {
    std::stable_sort(items.begin(), items.end(), [](const Json& x, const Json& y) {
      return x["start"].get<std::string>() < y["start"].get<std::string>();
    });
    out.push_back({{"year", year}, {"items", std::move(items)}});
  }
  if (!undated.empty()) out.push_back({{"year", nullptr}, {"items", std::move(undated)}});
  return out;
}

// ---- overview -----------------------------------------------------------------------------

Json RelationsJson(Ctx& c) {
  kb::RelationsAnswer r = c.kb.Relations(c.a, c.b, c.as_of);
  Json j;
  j["state"] = std::string(kb::RelationsStateName(r.state));
  Json since = Json::array();
  for (const Fact* f : r.since) since.push_back(FactJson(*f, c));
  j["since"] = std::move(since);
  std::set<std::string> dates;
  for (const Fact* f : r.since) dates.insert(f->valid.start() ? f->valid.start()->ToString() : "");
  j["sources_disagree"] = dates.size() > 1;
  Json recognition = Json::array();
  std::map<std::string, std::set<std::string>> rec_dates;
  for (const Fact* f : r.recognition) {
    recognition.push_back(FactJson(*f, c));
    rec_dates[f->subject + ">" + f->object].insert(f->valid.start() ? f->valid.start()->ToString() : "");
  }
  j["recognition"] = std::move(recognition);
  j["recognition_disagrees"] =
      std::any_of(rec_dates.begin(), rec_dates.end(), [](const auto& kv) { return kv.second.size() > 1; });
  j["last_break"] = r.last_break ? FactJson(*r.last_break, c) : Json();
  Json later = Json::array();
  for (const Fact* f : r.later_claims) later.push_back(FactJson(*f, c));
  j["later_claims"] = std::move(later);
  Json none = Json::array();
  for (const Fact* f : r.no_relations) none.push_back(FactJson(*f, c));
  j["no_relations"] = std::move(none);
  j["inferred"] = r.inferred;
  Json evidence = Json::array();
  for (const Fact* f : r.evidence) evidence.push_back(FactJson(*f, c));
  j["evidence"] = std::move(evidence);
  return j;
}

std::string CiteMark(const Json& cite) {
  std::string s;
  for (const Json& n : cite) s += fmt::format("[{}]", n.get<int>());
  return s;
}

std::string JoinNames(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  if (names.size() == 1) return names[0];
  std::string out;
  for (size_t i = 0; i + 1 < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + " and " + names.back();
}

// A paragraph generated from the document; every clause cites its sources.
std::string Summary(const Json& d) {
  const std::string a = StateInText(d["states"][0]["name"]);
  const std::string b = StateInText(d["states"][1]["name"]);
  std::vector<std::string> parts;
  const Json& rel = d["overview"]["relations"];
  if (!rel["since"].empty()) {
    std::string s = fmt::format("{} and {} have been in diplomatic relations since {} {}", a, b,
                                rel["since"][0]["when"].get<std::string>(), CiteMark(rel["since"][0]["cite"]));
    for (size_t i = 1; i < rel["since"].size(); ++i)
      s += fmt::format(" (another source gives {} {})", rel["since"][i]["when"].get<std::string>(),
                       CiteMark(rel["since"][i]["cite"]));
    parts.push_back(s);
  } else if (rel["inferred"].get<bool>()) {
    const Json& brk = rel["last_break"];
    const Json& ev = rel["evidence"][0];
    parts.push_back(fmt::format("{} and {} are in diplomatic relations: no resumption is recorded after the "
                                "break of {} {}, but {} ({}) {}",
                                a, b, brk["when"].get<std::string>(), CiteMark(brk["cite"]),
                                ev["text"].get<std::string>(), ev["when"].get<std::string>(),
                                CiteMark(ev["cite"])));
  } else {
    parts.push_back(fmt::format("The data records no establishment of diplomatic relations between {} and {} ({})",
                                a, b, rel["state"].get<std::string>()));
  }
  // Recognition, one clause per direction; other sources' dates in parentheses.
  std::map<std::string, std::vector<const Json*>> by_direction;
  for (const Json& r : rel["recognition"])
    by_direction[r["subject"].get<std::string>() + ">" + r["object"].get<std::string>()].push_back(&r);
  for (const auto& [dir, facts] : by_direction) {
    const Json& first = *facts.front();
    std::string s = fmt::format("{} on {} {}", first["text"].get<std::string>(),
                                first["when"].get<std::string>(), CiteMark(first["cite"]));
    for (size_t i = 1; i < facts.size(); ++i)
      s += fmt::format(" (another source gives {} {})", (*facts[i])["when"].get<std::string>(),
                       CiteMark((*facts[i])["cite"]));
    parts.push_back(s);
  }
  for (const char* side : {"a_in_b", "b_in_a"}) {
    const Json& env = d["infobox"]["envoys"][side];
    if (!env["heads"].empty()) {
      const Json& h = env["heads"][0];
      parts.push_back(fmt::format("{} heads {} as {} {}", h["person"].get<std::string>(),
                                  h["mission"].get<std::string>(), h["role_title"].get<std::string>(),
                                  CiteMark(h["cite"])));
    }
  }
  std::vector<std::string> shared;
  for (const Json& m : d["memberships"]["shared"]) shared.push_back(m["organization_name"]);
  if (!shared.empty())
    parts.push_back(fmt::format("Both are members of {}", JoinNames(shared)));
  const size_t agreements = d["agreements"].size();
  size_t events = 0;
  for (const Json& y : d["timeline"]) events += y["items"].size();
  parts.push_back(fmt::format("The data holds {} dated or undated statements about the pair, {} "
                              "agreement{} and {} source{}",
                              events, agreements, agreements == 1 ? "" : "s",
                              d["sources"].size(), d["sources"].size() == 1 ? "" : "s"));
  std::string out;
  for (const std::string& p : parts) out += p + ". ";
  if (!out.empty()) out.pop_back();
  return out;
}

// ---- events -------------------------------------------------------------------------------

Json EventsJson(const events::Store* store, const std::string& label, Ctx& c) {
  Json j;
  j["available"] = false;
  j["store"] = label.empty() ? Json() : Json(label);
  if (store == nullptr) {
    j["note"] = "No event store was given, so there is no event-based index for this pair.";
    return j;
  }
  const world::State* sa = c.world.Find(c.a);
  const world::State* sb = c.world.Find(c.b);
  const std::string ca = sa->Code(world::Scheme::kCameo, c.as_of).value_or(c.a);
  const std::string cb = sb->Code(world::Scheme::kCameo, c.as_of).value_or(c.b);
  events::DayRange range;
  range.to = c.as_of.last_day();
  Json dirs = Json::object();
  uint64_t total = 0;
  for (int dir = 0; dir < 2; ++dir) {
    events::SeriesQuery q;
    q.a = dir == 0 ? ca : cb;
    q.b = dir == 0 ? cb : ca;
    q.by = events::Period::kMonth;
    q.range = range;
    Result<std::vector<events::SeriesPoint>> series = events::Series(*store, q);
    Json points = Json::array();
    std::array<uint64_t, 4> quad{};
    if (series.ok()) {
      for (const events::SeriesPoint& p : *series) {
        double mean = p.goldstein_mean();
        points.push_back({{"period", p.label}, {"count", p.count},
                          {"goldstein_mean", std::isnan(mean) ? Json() : Json(mean)},
                          {"quad", p.quad}});
        for (int k = 0; k < 4; ++k) quad[k] += p.quad[k];
        total += p.count;
      }
    }
    dirs[dir == 0 ? "a_to_b" : "b_to_a"] = {{"source", q.a}, {"target", q.b}, {"monthly", points},
                                             {"quad_totals", quad}};
  }
  j["directions"] = std::move(dirs);
  j["total"] = total;
  if (total == 0) {
    j["note"] = fmt::format("The event store holds no events between {} and {}.", ca, cb);
    return j;
  }
  j["available"] = true;
  // Most cooperative and most hostile months, both directions together, at least 3 events.
  events::SeriesQuery both;
  both.a = ca;
  both.b = cb;
  both.both = true;
  both.by = events::Period::kMonth;
  both.range = range;
  Result<std::vector<events::SeriesPoint>> s = events::Series(*store, both);
  if (s.ok()) {
    const events::SeriesPoint* best = nullptr;
    const events::SeriesPoint* worst = nullptr;
    for (const events::SeriesPoint& p : *s) {
      if (p.count < 3) continue;
      if (!best || p.goldstein_mean() > best->goldstein_mean()) best = &p;
      if (!worst || p.goldstein_mean() < worst->goldstein_mean()) worst = &p;
    }
    auto month = [](const events::SeriesPoint* p) {
      return p ? Json{{"period", p->label}, {"count", p->count}, {"goldstein_mean", p->goldstein_mean()}} : Json();
    };
    j["most_cooperative_month"] = month(best);
    j["most_hostile_month"] = month(worst);
  }
  Json top = Json::array();
  auto taxonomy = events::Taxonomy::LoadDefault();
  for (const events::CodeCount& cc : events::TopCodes(*store, ca, cb, true, range, 10)) {
    const events::CameoCode* code = taxonomy.ok() ? (*taxonomy)->Find(cc.code) : nullptr;
    top.push_back({{"code", cc.code}, {"label", code ? Json(code->label) : Json()}, {"count", cc.count}});
  }
  j["top_codes"] = std::move(top);
  return j;
}

Json SeeAlso(const Json& d) {
  Json out = Json::array();
  const std::string a = d["states"][0]["key"], b = d["states"][1]["key"];
  out.push_back({{"label", "Chiefs of mission, both ways"}, {"anchor", "representation"},
                 {"command", fmt::format("dyad facts {} {} --kind chief_of_mission", a, b)}});
  for (const char* side : {"a_in_b", "b_in_a"})
    for (const Json& m : d["representation"]["missions"][side])
      out.push_back({{"label", m["name"]}, {"anchor", "representation"},
                     {"command", fmt::format("dyad facts {} {}", a, b)}});
  for (const char* side : {"a", "b"})
    for (const Json& o : d["representation"]["offices"][side])
      out.push_back({{"label", o["name"]}, {"anchor", "representation"}, {"command", nullptr}});
  for (const Json& s : d["states"])
    out.push_back({{"label", fmt::format("Foreign relations of {}", s["name"].get<std::string>())},
                   {"anchor", nullptr},
                   {"command", fmt::format("dyad relations {}", s["key"].get<std::string>())}});
  out.push_back({{"label", "Facts of the pair as CSV"}, {"anchor", "timeline"},
                 {"command", fmt::format("dyad facts {} {} --format csv", a, b)}});
  return out;
}

}  // namespace

Result<Json> BuildDossier(const world::World& world, const kb::KnowledgeBase& kb,
                          const DossierRequest& req) {
  const world::State* sa = world.Find(req.a);
  const world::State* sb = world.Find(req.b);
  if (sa == nullptr) return Status::InvalidArgument(fmt::format("unknown state key '{}'", req.a));
  if (sb == nullptr) return Status::InvalidArgument(fmt::format("unknown state key '{}'", req.b));
  if (sa == sb) return Status::InvalidArgument(fmt::format("a dossier needs two different states, got {} twice", sa->key));
  Ctx c{world, kb, sa->key, sb->key, req.as_of.value_or(TodayUtc()), Citations(kb)};

  Json d;
  d["schema"] = "dyad.dossier/1";
  d["title"] = fmt::format("{}–{} relations", sa->name, sb->name);
  d["as_of"] = c.as_of.ToString();
  d["as_of_given"] = req.as_of.has_value();
  d["states"] = Json::array({StateJson(*sa, c.as_of), StateJson(*sb, c.as_of)});

  Interval until = Interval::Make(std::nullopt, c.as_of).value();
  kb::DyadView view = kb.Dyad(c.a, c.b, Interval::Always());
  std::vector<const Fact*> dyad = SortedBegun(view.facts, c);

  Json missions = {{"a_in_b", Json::array()}, {"b_in_a", Json::array()}};
  for (const kb::MissionInfo& m : kb.Missions(c.a, c.b)) missions["a_in_b"].push_back(MissionJson(m, c));
  for (const kb::MissionInfo& m : kb.Missions(c.b, c.a)) missions["b_in_a"].push_back(MissionJson(m, c));
  // Missions that had not opened by the date are left out.
  for (auto& [side, list] : missions.items()) {
    Json kept = Json::array();
    for (Json& m : list)
      if (!m.contains("opened") || m["opened"].is_null() ||
          Date::Parse(m["opened"].get<std::string>())->first_day() <= c.as_of.last_day())
        kept.push_back(std::move(m));
    list = std::move(kept);
  }

  d["overview"]["relations"] = RelationsJson(c);
  d["infobox"]["missions"] = missions;
  d["infobox"]["envoys"] = {{"a_in_b", EnvoyJson(c.a, c.b, c)}, {"b_in_a", EnvoyJson(c.b, c.a, c)}};
  d["infobox"]["relations_since"] =
      d["overview"]["relations"]["since"].empty() ? Json() : d["overview"]["relations"]["since"][0];

  d["representation"]["missions"] = missions;
  d["representation"]["chiefs"] = {{"a_in_b", ChiefsJson(c.a, c.b, c)}, {"b_in_a", ChiefsJson(c.b, c.a, c)}};
  d["representation"]["offices"] = {{"a", OfficesJson(c.a, c.b, c)}, {"b", OfficesJson(c.b, c.a, c)}};

  d["agreements"] = AgreementsJson(dyad, c);
  d["memberships"] = MembershipsJson(c);
  d["security"]["installations"] =
      GroupBySubject(dyad, {Relation::kInstallationHostedBy, Relation::kInstallationOperatedBy,
                            Relation::kInstallationOpened, Relation::kInstallationClosed}, c);
  Json incidents = Json::array();
  for (const kb::Occurrence* o : view.occurrences)
    if (o->kind == "incident" && o->when.start() && o->when.start()->first_day() <= c.as_of.last_day())
      incidents.push_back(OccurrenceJson(*o, c));
  d["security"]["incidents"] = std::move(incidents);
  d["assistance"] = FactList(dyad, {Relation::kAssistance}, c);
  d["public_opinion"] = PollsJson(dyad, c);
  std::initializer_list<Relation> trade = {Relation::kCurrency, Relation::kInCurrencyZone,
                                           Relation::kTradeSuspended, Relation::kTradeRestrictions,
                                           Relation::kTradeTrend};
  d["trade_currency"] = {{"pair", FactList(dyad, trade, c)},
                         {"a", FactList(SideFacts(c.a, trade, c), trade, c)},
                         {"b", FactList(SideFacts(c.b, trade, c), trade, c)}};
  std::initializer_list<Relation> context = {Relation::kIndependenceDeclared, Relation::kContributesTo,
                                             Relation::kPolicyStance, Relation::kCooperation};
  d["context"] = {{"pair", FactList(dyad, context, c)},
                  {"a", FactList(SideFacts(c.a, context, c), context, c)},
                  {"b", FactList(SideFacts(c.b, context, c), context, c)}};
  kb::DyadView until_view = kb.Dyad(c.a, c.b, until);
  d["timeline"] = TimelineJson(until_view, c);
  d["events"] = EventsJson(req.store, req.store_label, c);
  d["sources"] = c.cites.List();
  d["overview"]["summary"] = Summary(d);
  d["see_also"] = SeeAlso(d);
  return d;
}

}  // namespace dyad::report
