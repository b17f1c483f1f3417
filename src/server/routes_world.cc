// /api/resolve, /api/states, /api/states/{key}, /api/relations/{a}, and the route table.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/unicode.h"
#include "server/api.h"
#include "world/kind_names.h"
#include "world/suggest.h"

namespace dyad::server {
namespace {

using world::Resolution;

Json Opt(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(); }

Json IntervalJson(const Interval& i) { return {{"start", Opt(i.start())}, {"end", Opt(i.end())}}; }

Json CandidateJson(const world::Match& m) {
  Json j = StateSummary(*m.state);
  j["alias"] = std::string(m.alias);
  j["match"] = std::string(world::MatchKindName(m.kind));
  j["how"] = std::string(m.how);
  return j;
}

Result<size_t> LimitParam(const Query& q, size_t fallback, size_t max) {
  std::string text = q.Text("limit");
  if (text.empty()) return fallback;
  size_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || n > max) return Status::InvalidArgument(fmt::format("limit must be 1 to {}", max));
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (n == 0 || n > max) return Status::InvalidArgument(fmt::format("limit must be 1 to {}", max));
  return n;
}

std::vector<Json> OptionRow(const world::State& s, std::string_view label, std::string_view how) {
  return {s.key, s.name, std::string(world::StateKindName(s.kind)), std::string(label), std::string(how),
          Opt(s.existence.start()), Opt(s.existence.end())};
}

// When `state` did not exist on `on` but a predecessor did, that predecessor (the
// registry's links): "Kirghizia" on 1990 names Kyrgyzstan, and on that date the Kirghiz SSR
// stood there. nullptr otherwise.
const world::State* StandingOn(const world::World& world, const world::State& state,
                               const std::optional<Date>& on) {
  if (!on || state.ExistsOn(*on)) return nullptr;
  for (const world::Link& l : state.links) {
    if (l.kind != world::LinkKind::kPredecessor) continue;
    const world::State* p = world.Find(l.other);
    if (p != nullptr && p->ExistsOn(*on)) return p;
  }
  return nullptr;
}

}  // namespace

Json StateSummary(const world::State& s) {
  return {{"key", s.key}, {"name", s.name}, {"kind", world::StateKindName(s.kind)},
          {"existence", IntervalJson(s.existence)}};
}

Json SourcesJson(const kb::KnowledgeBase& kb, const std::vector<std::string>& ids) {
  Json out = Json::object();
  for (const std::string& id : ids) {
    const kb::Source* s = kb.FindSource(id);
    if (s == nullptr) continue;
    out[id] = {{"title", s->title}, {"publisher", s->publisher}, {"url", s->url},
               {"published", Opt(s->date)}, {"retrieved", Opt(s->retrieved)}, {"licence", s->licence}};
  }
  return out;
}

Result<const world::State*> ResolveState(const AppData& app, const std::string& text,
                                         const std::optional<Date>& on) {
  if (const world::State* s = app.world->Find(text)) return s;
  world::ResolveOptions opts;
  opts.on = on;
  Resolution r = app.resolver->Resolve(text, opts);
  if (r.outcome == Resolution::Outcome::kMatch) return r.best()->state;
  if (r.outcome == Resolution::Outcome::kAmbiguous) {
    std::string names;
    for (const world::Match& m : r.candidates) names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", m.state->name, m.state->key);
    return Status::InvalidArgument(fmt::format("'{}' is ambiguous: it could be {}", text, names));
  }
  std::string hint;
  for (const world::State* s : world::SuggestStates(*app.world, text, 3)) hint += fmt::format("{}{} ({})", hint.empty() ? "; did you mean " : ", ", s->name, s->key);
  return Status::NotFound(fmt::format("'{}' is not a state dyad knows{}", text, hint));
}

Result<Answer> HandleResolve(const AppData& app, Query& q) {
  const std::string text = q.Text("q");
  if (text.empty()) return Status::InvalidArgument("parameter q (the text to resolve) is required");
  if (text.size() > 1000) return Status::InvalidArgument("parameter q is longer than 1000 bytes");
  if (!ValidateUtf8(text).ok()) return Status::InvalidArgument("parameter q is not valid UTF-8");
  auto on = q.DateParam("on");
  if (!on.ok()) return on.status();
  auto limit = LimitParam(q, 8, 50);
  if (!limit.ok()) return limit.status();
  q.applied() = {{"q", text}, {"on", Opt(*on)}, {"limit", *limit}};
  world::ResolveOptions opts;
  opts.on = *on;
  Resolution r = app.resolver->Resolve(text, opts);
  Answer a;
  a.fields["outcome"] = std::string(world::OutcomeName(r.outcome));
  Json candidates = Json::array();
  std::set<const world::State*> listed;
  Table t{"options", {"key", "name", "kind", "label", "how", "exists_from", "exists_to"}, {}};
  for (const world::Match& m : r.candidates) {
    candidates.push_back(CandidateJson(m));
    if (const world::State* then = StandingOn(*app.world, *m.state, *on); then && listed.insert(then).second) {
      t.rows.push_back(OptionRow(*then, m.alias, fmt::format("{} did not exist on {}; its predecessor {} did",
                                                             m.state->name, (*on)->ToString(), then->name)));
    }
    if (listed.insert(m.state).second) t.rows.push_back(OptionRow(*m.state, m.alias, m.how));
  }
  a.fields["candidates"] = std::move(candidates);
  Json suggestions = Json::array();
  if (r.outcome == Resolution::Outcome::kNoMatch) {
    for (const world::State* s : world::SuggestStates(*app.world, text, 3)) suggestions.push_back(StateSummary(*s));
  }
  a.fields["suggestions"] = std::move(suggestions);
  for (const Completed& c : app.completion->Complete(text, *on, *limit)) {
    if (t.rows.size() >= *limit) break;
    if (listed.insert(c.state).second) t.rows.push_back(OptionRow(*c.state, c.name, "name begins with the text"));
  }
  a.table = std::move(t);
  return a;
}

Result<Answer> HandleStates(const AppData& app, Query& q) {
  auto on = q.DateParam("on");
  if (!on.ok()) return on.status();
  q.applied() = {{"on", Opt(*on)}};
  Table t{"states", {"key", "name", "kind", "exists_from", "exists_to", "iso2", "iso3", "isonum", "iso4",
                     "cow", "cowc", "gw", "gwc", "cameo", "fips", "wikidata"}, {}};
  for (const world::State& s : app.world->states()) {
    if (*on && !s.ExistsOn(**on)) continue;
    std::vector<Json> row = {s.key, s.name, std::string(world::StateKindName(s.kind)), Opt(s.existence.start()), Opt(s.existence.end())};
    for (int i = 0; i < world::kSchemeCount; ++i) {
      std::optional<std::string> code = s.Code(static_cast<world::Scheme>(i), *on);
      row.push_back(code ? Json(*code) : Json());
    }
    t.rows.push_back(std::move(row));
  }
  Answer a;
  a.fields["count"] = t.rows.size();
  if (t.rows.empty()) a.fields["coverage"] = "no state of the registry exists on that date";
  a.table = std::move(t);
  return a;
}

Result<Answer> HandleState(const AppData& app, Query& q) {
  auto on = q.DateParam("on");
  if (!on.ok()) return on.status();
  Result<const world::State*> found = ResolveState(app, q.path(0), *on);
  if (!found.ok()) return found.status();
  const world::State& s = **found;
  q.applied() = {{"key", q.path(0)}, {"on", Opt(*on)}};
  Answer a;
  a.fields["state"] = StateSummary(s);
  a.fields["state"]["official_name"] = s.official_name;
  a.fields["state"]["capital"] = s.capital;
  a.fields["state"]["region"] = s.region;
  a.fields["state"]["un_member"] = s.un_member;
  Json codes = Json::array();
  for (const world::CodeSpell& c : s.codes) {
    if (*on && !c.valid.ContainsDate(**on)) continue;
    codes.push_back({{"scheme", world::SchemeName(c.scheme)}, {"code", c.code}, {"valid", IntervalJson(c.valid)}, {"source", c.source}});
  }
  a.fields["codes"] = std::move(codes);
  Json names = Json::array();
  for (const world::Name& n : s.names) {
    if (n.lang != "en" && !n.lang.empty()) continue;
    names.push_back({{"text", n.text}, {"kind", world::NameKindName(n.kind)}, {"valid", IntervalJson(n.valid)}, {"source", n.source}});
  }
  a.fields["names_en"] = std::move(names);
  Json links = Json::array();
  for (const world::Link& l : s.links) {
    links.push_back({{"kind", l.kind == world::LinkKind::kPredecessor ? "predecessor" : "successor"},
                     {"state", l.other}, {"date", Opt(l.date)}, {"note", l.note}, {"source", l.source}});
  }
  a.fields["links"] = std::move(links);
  Json missions = Json::array();
  if (auto it = app.missions_of.find(s.key); it != app.missions_of.end()) {
    for (const kb::Entity* e : it->second) {
      missions.push_back({{"id", e->id}, {"name", e->name}, {"subkind", e->subkind}, {"sending", e->owner},
                          {"receiving", e->host}, {"role", e->owner == s.key ? "sent" : "received"}});
    }
  }
  a.fields["missions"] = std::move(missions);
  return a;
}

Result<Answer> HandleRelations(const AppData& app, Query& q) {
  auto on = q.DateParam("on");
  if (!on.ok()) return on.status();
  const Date when = on->value_or(TodayUtc());
  Result<const world::State*> found = ResolveState(app, q.path(0), when);
  if (!found.ok()) return found.status();
  const world::State& s = **found;
  q.applied() = {{"a", s.key}, {"on", when.ToString()}};
  using S = kb::RelationsAnswer::State;
  Table t{"relations", {"state", "name", "status", "since", "basis", "sources"}, {}};
  std::map<std::string, size_t> counts;
  std::vector<std::string> cited;
  for (const world::State& other : app.world->states()) {
    if (other.key == s.key || other.kind == world::StateKind::kTerritory) continue;
    kb::RelationsAnswer r = app.kb->Relations(s.key, other.key, when);
    if (r.state == S::kUnknown && r.no_relations.empty() && !other.ExistsOn(when)) continue;
    std::vector<const kb::Fact*> basis = r.since;
    if (r.last_break != nullptr && r.state != S::kInRelations) basis.push_back(r.last_break);
    basis.insert(basis.end(), r.no_relations.begin(), r.no_relations.end());
    if (r.inferred) basis.insert(basis.end(), r.evidence.begin(), r.evidence.end());
    Json since = r.since.empty() || !r.since.front()->valid.start() ? Json() : Json(r.since.front()->valid.start()->ToString());
    Json facts = Json::array(), sources = Json::array();
    for (const kb::Fact* f : basis) {
      facts.push_back(fmt::format("{} {}{}", kb::RelationName(f->relation),
                                  f->valid.start() ? f->valid.start()->ToString() : "undated",
                                  r.inferred && f != r.last_break ? " (inferred)" : ""));
      for (const std::string& id : f->sources) {
        sources.push_back(id);
        cited.push_back(id);
      }
    }
    const std::string status(kb::RelationsStateName(r.state));
    counts[status]++;
    t.rows.push_back({other.key, other.name, status, since, facts, sources});
  }
  Answer a;
  a.fields["state"] = StateSummary(s);
  a.fields["counts"] = counts;
  a.fields["sources"] = SourcesJson(*app.kb, cited);
  a.fields["coverage"] = "states the registry holds on that date (territories left out); 'unknown' "
                         "means the knowledge base records nothing either way";
  a.table = std::move(t);
  return a;
}

Result<Answer> HandleOpenapi(const AppData& app, Query& q) {
  const Asset* spec = app.assets.Find("/openapi.json");
  if (spec == nullptr) return Status::NotFound("the OpenAPI description is not among the app's files");
  (void)q;
  Answer a;
  a.document = spec->bytes;
  a.content_type = "application/json";
  return a;
}

const std::vector<Route>& ApiRoutes() {
  static const std::vector<Route> kRoutes = {
      {"GET", R"(/api/resolve)", "/api/resolve", {"q", "on", "limit", "format"}, HandleResolve},
      {"GET", R"(/api/states)", "/api/states", {"on", "format"}, HandleStates},
      {"GET", R"(/api/states/([^/]+))", "/api/states/{key}", {"on"}, HandleState},
      {"GET", R"(/api/relations/([^/]+))", "/api/relations/{a}", {"on", "format"}, HandleRelations},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/dossier())", "/api/pairs/{a}/{b}/dossier", {"as_of"}, HandleDossier},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/dossier(\.json))", "/api/pairs/{a}/{b}/dossier.json", {"as_of"}, HandleDossier},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/dossier(\.md))", "/api/pairs/{a}/{b}/dossier.md", {"as_of"}, HandleDossier},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/dossier(\.html))", "/api/pairs/{a}/{b}/dossier.html", {"as_of"}, HandleDossier},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/facts)", "/api/pairs/{a}/{b}/facts",
       {"as_of", "from", "to", "kind", "format"}, HandleFacts},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/envoys)", "/api/pairs/{a}/{b}/envoys", {"on", "format"}, HandleEnvoys},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/events/series)", "/api/pairs/{a}/{b}/events/series",
       {"by", "from", "to", "both", "format"}, HandleSeries},
      {"GET", R"(/api/pairs/([^/]+)/([^/]+)/events/top)", "/api/pairs/{a}/{b}/events/top",
       {"from", "to", "both", "limit", "format"}, HandleTop},
      {"GET", R"(/api/openapi\.json)", "/api/openapi.json", {}, HandleOpenapi},
  };
  return kRoutes;
}

}  // namespace dyad::server
