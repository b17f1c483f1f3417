// /api/pairs/{a}/{b}/facts, /envoys, /events/series, /events/top.
#include <fmt/format.h>

#include <cmath>

#include "events/query.h"
#include "events/records.h"
#include "kb/fact_kinds.h"
#include "kb/pack.h"
#include "server/api.h"

namespace dyad::server {
namespace {

struct Pair {
  const world::State* a = nullptr;
  const world::State* b = nullptr;
};

Json Opt(const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(); }

Result<Pair> PairOf(const AppData& app, const Query& q, const std::optional<Date>& on) {
  Result<const world::State*> a = ResolveState(app, q.path(0), on);
  if (!a.ok()) return a.status();
  Result<const world::State*> b = ResolveState(app, q.path(1), on);
  if (!b.ok()) return b.status();
  if (*a == *b) return Status::InvalidArgument(fmt::format("a pair needs two different states, not {} twice", (*a)->key));
  return Pair{*a, *b};
}

std::vector<Json> FactRow(const kb::KnowledgeBase& kb, const kb::Fact& f) {
  return {"fact", kb::FormatInterval(f.valid, f.undated), f.subject, kb.NameOf(f.subject),
          std::string(kb::RelationName(f.relation)), f.object, f.object.empty() ? "" : kb.NameOf(f.object),
          f.value, kb::FormatQualifiers(f.qualifiers), f.sources};
}

std::vector<Json> OccurrenceRow(const kb::KnowledgeBase& kb, const kb::Occurrence& o) {
  std::vector<std::string> who;
  for (const kb::Participant& p : o.participants) who.push_back(fmt::format("{} ({})", kb.NameOf(p.entity), p.role));
  std::string parts;
  for (const std::string& w : who) parts += (parts.empty() ? "" : "; ") + w;
  return {"occurrence", kb::FormatInterval(o.when, false), o.id, "", o.kind, o.cameo, parts, o.summary,
          kb::FormatQualifiers(o.qualifiers), o.sources};
}

Result<Interval> PeriodOf(const Query& q, std::optional<Date>* as_of) {
  auto a = q.DateParam("as_of"), from = q.DateParam("from"), to = q.DateParam("to");
  for (const auto* r : {&a, &from, &to}) {
    if (!r->ok()) return r->status();
  }
  *as_of = *a;
  if (*a && (*from || *to)) return Status::InvalidArgument("as_of cannot be combined with from/to");
  if (*a) return Interval::Point(**a);
  Result<Interval> i = Interval::Make(*from, *to);
  if (!i.ok()) return Status::InvalidArgument(i.status().message());
  return *i;
}

std::vector<Json> TermRow(const kb::KnowledgeBase& kb, const kb::Term& t, std::string_view standing) {
  const kb::Fact& f = *t.fact;
  return {std::string(standing), f.subject, kb.NameOf(f.subject), std::string(kb::RoleTitle(f.QualifierValue("role"))),
          kb::IsChargeRole(f.QualifierValue("role")), f.object, kb.NameOf(f.object), Opt(t.start),
          Opt(t.end), t.implicit_end, f.sources};
}

std::string CameoOf(const world::State& s, const std::optional<Date>& on) {
  return s.Code(world::Scheme::kCameo, on).value_or(s.key);
}

Result<events::DayRange> RangeOf(const Query& q) {
  Result<events::DayRange> r = events::ParseDayRange(q.Text("from"), q.Text("to"));
  if (!r.ok()) return Status::InvalidArgument(r.status().message());
  return r;
}

Result<bool> BoolParam(const Query& q, const std::string& name) {
  std::string v = q.Text(name);
  if (v.empty() || v == "false" || v == "0" || v == "no") return false;
  if (v == "true" || v == "1" || v == "yes") return true;
  return Status::InvalidArgument(fmt::format("parameter {} must be true or false, not '{}'", name, v));
}

Json EventsCoverage(const AppData& app, const std::string& ca, const std::string& cb) {
  if (app.store == nullptr) return "no event store is loaded (start dyad serve with --store DIR)";
  if (app.store->rows() == 0) return "the event store is empty";
  return fmt::format("events stored between {} and {} (CAMEO codes) in {}", ca, cb, events::StoreLabel(app.store_label));
}

}  // namespace

Result<Answer> HandleFacts(const AppData& app, Query& q) {
  std::optional<Date> as_of;
  Result<Interval> period = PeriodOf(q, &as_of);
  if (!period.ok()) return period.status();
  Result<Pair> p = PairOf(app, q, as_of);
  if (!p.ok()) return p.status();
  const std::string kind = q.Text("kind");
  if (!kb::KindIsKnown(*app.kb, kind)) {
    return Status::InvalidArgument(fmt::format("parameter kind: unknown kind '{}'; expected {}", kind, kb::KindVocabulary()));
  }
  q.applied() = {{"a", p->a->key}, {"b", p->b->key}, {"as_of", Opt(as_of)}, {"from", Opt(period->start())},
                 {"to", Opt(period->end())}, {"kind", kind.empty() ? Json() : Json(kind)}};
  // The same selection as `dyad facts A B --kind K`, shared memberships included.
  const kb::PairFactsSelection selection = kb::PairFacts(*app.kb, p->a->key, p->b->key, *period, kind);
  Table t{"facts", {"type", "valid", "subject", "subject_name", "relation", "object", "object_name",
                    "value", "qualifiers", "sources"}, {}};
  std::vector<std::string> cited;
  for (const kb::Fact* f : selection.facts) {
    t.rows.push_back(FactRow(*app.kb, *f));
    cited.insert(cited.end(), f->sources.begin(), f->sources.end());
  }
  for (const kb::Occurrence* o : selection.occurrences) {
    t.rows.push_back(OccurrenceRow(*app.kb, *o));
    cited.insert(cited.end(), o->sources.begin(), o->sources.end());
  }
  Answer a;
  a.fields["relations"] = nullptr;
  if (as_of) {
    kb::RelationsAnswer r = app.kb->Relations(p->a->key, p->b->key, *as_of);
    a.fields["relations"] = std::string(kb::RelationsStateName(r.state));
  }
  a.fields["sources"] = SourcesJson(*app.kb, cited);
  if (t.rows.empty()) {
    a.fields["coverage"] = fmt::format("the knowledge base holds {} facts in all; none about {} and {} match this query",
                                       app.kb->facts().size(), p->a->name, p->b->name);
  }
  a.table = std::move(t);
  return a;
}

Result<Answer> HandleEnvoys(const AppData& app, Query& q) {
  auto on = q.DateParam("on");
  if (!on.ok()) return on.status();
  const Date when = on->value_or(TodayUtc());
  Result<Pair> p = PairOf(app, q, when);
  if (!p.ok()) return p.status();
  q.applied() = {{"a", p->a->key}, {"b", p->b->key}, {"on", when.ToString()}};
  Table t{"envoys", {"standing", "envoy", "envoy_name", "title", "charge", "mission", "mission_name", "start",
                     "end", "end_inferred", "sources"}, {}};
  Json directions = Json::array();
  std::vector<std::string> cited;
  for (const auto& [from, to] : {std::pair{p->a, p->b}, std::pair{p->b, p->a}}) {
    kb::EnvoyAnswer e = app.kb->Envoy(from->key, to->key, when);
    for (const kb::Term& term : e.heads) t.rows.push_back(TermRow(*app.kb, term, "in office"));
    if (e.heads.empty() && e.previous) t.rows.push_back(TermRow(*app.kb, *e.previous, "previous"));
    if (e.heads.empty() && e.next) t.rows.push_back(TermRow(*app.kb, *e.next, "next"));
    for (const kb::Term& term : e.undated) t.rows.push_back(TermRow(*app.kb, term, "undated"));
    for (const auto& row : t.rows) {
      for (const Json& s : row.back()) cited.push_back(s.get<std::string>());
    }
    Json missions = Json::array();
    for (const kb::Entity* m : e.missions) missions.push_back({{"id", m->id}, {"name", m->name}});
    directions.push_back({{"from", from->key}, {"to", to->key}, {"missions", missions},
                          {"heads", e.heads.size()},
                          {"vacant", !e.vacant.empty() || (e.heads.empty() && !e.missions.empty())}});
  }
  Answer a;
  a.fields["directions"] = std::move(directions);
  a.fields["sources"] = SourcesJson(*app.kb, cited);
  if (t.rows.empty()) a.fields["coverage"] = "the knowledge base records no chief of mission either way";
  a.table = std::move(t);
  return a;
}

Result<Answer> HandleSeries(const AppData& app, Query& q) {
  Result<events::DayRange> range = RangeOf(q);
  if (!range.ok()) return range.status();
  Result<bool> both = BoolParam(q, "both");
  if (!both.ok()) return both.status();
  const std::string by = q.Text("by").empty() ? "month" : q.Text("by");
  Result<events::Period> period = events::ParsePeriod(by);
  if (!period.ok()) return Status::InvalidArgument("parameter by: " + period.status().message());
  Result<Pair> p = PairOf(app, q, std::nullopt);
  if (!p.ok()) return p.status();
  const std::string ca = CameoOf(*p->a, std::nullopt), cb = CameoOf(*p->b, std::nullopt);
  q.applied() = {{"a", p->a->key}, {"b", p->b->key}, {"by", by}, {"from", q.Text("from").empty() ? Json() : Json(q.Text("from"))},
                 {"to", q.Text("to").empty() ? Json() : Json(q.Text("to"))}, {"both", *both}};
  Table t{"series", {"period", "count", "goldstein_mean", "verbal_cooperation", "material_cooperation",
                     "verbal_conflict", "material_conflict"}, {}};
  events::SeriesLeftOut left_out;
  if (app.store != nullptr) {
    events::SeriesQuery sq{ca, cb, *both, *period, *range, false};
    Result<std::vector<events::SeriesPoint>> pts = events::Series(*app.store, sq, &left_out);
    if (!pts.ok()) return Status::InvalidArgument(pts.status().message());
    for (const events::SeriesPoint& pt : *pts) {
      double m = pt.goldstein_mean();
      t.rows.push_back({pt.label, pt.count, std::isnan(m) ? Json() : Json(m), pt.quad[0], pt.quad[1], pt.quad[2], pt.quad[3]});
    }
  }
  Answer a;
  a.fields["codes"] = {{"source", ca}, {"target", cb}};
  a.fields["coverage"] = EventsCoverage(app, ca, cb);
  // Coded records dated more coarsely than the period: not in any point (events/query.h).
  a.fields["left_out"] = {{"year_precision", left_out.year_precision}, {"month_precision", left_out.month_precision}};
  a.table = std::move(t);
  return a;
}

Result<Answer> HandleTop(const AppData& app, Query& q) {
  Result<events::DayRange> range = RangeOf(q);
  if (!range.ok()) return range.status();
  Result<bool> both = BoolParam(q, "both");
  if (!both.ok()) return both.status();
  std::string lim = q.Text("limit");
  size_t limit = 10;
  if (!lim.empty()) {
    if (lim.size() > 3 || lim.find_first_not_of("0123456789") != std::string::npos || std::stoul(lim) == 0 || std::stoul(lim) > 100)
      return Status::InvalidArgument("limit must be 1 to 100");
    limit = std::stoul(lim);
  }
  Result<Pair> p = PairOf(app, q, std::nullopt);
  if (!p.ok()) return p.status();
  const std::string ca = CameoOf(*p->a, std::nullopt), cb = CameoOf(*p->b, std::nullopt);
  q.applied() = {{"a", p->a->key}, {"b", p->b->key}, {"from", q.Text("from").empty() ? Json() : Json(q.Text("from"))},
                 {"to", q.Text("to").empty() ? Json() : Json(q.Text("to"))}, {"both", *both}, {"limit", limit}};
  Table t{"top", {"code", "count"}, {}};
  if (app.store != nullptr) {
    for (const events::CodeCount& c : events::TopCodes(*app.store, ca, cb, *both, *range, limit)) t.rows.push_back({c.code, c.count});
  }
  Answer a;
  a.fields["codes"] = {{"source", ca}, {"target", cb}};
  a.fields["coverage"] = EventsCoverage(app, ca, cb);
  a.table = std::move(t);
  return a;
}

}  // namespace dyad::server
