// The frame around every API handler: parameters, query echo, currency, caching, formats,
// errors and the per-request limits (see api.h).
#include "server/api.h"
#include "server/answer_cache.h"
#include "server/guards.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace dyad::server {
namespace {

// The app: its own files only; the dossier is framed from the same origin.
constexpr const char* kAppCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
// The dossier page: inline CSS and SVG, nothing else (as report/html_page.h writes it).
constexpr const char* kDossierCsp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void SendStatusError(httplib::Response& res, const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument: return SendError(res, 400, "bad_parameter", st.message());
    case StatusCode::kNotFound: return SendError(res, 404, "not_found", st.message());
    case StatusCode::kResourceExhausted: return SendError(res, 503, "limit", st.message());
    default: return SendError(res, 500, "internal", st.message());
  }
}

// If-None-Match holds `etag` (or "*"), as a list of tags, weak or strong.
bool Matches(const std::string& header, const std::string& etag) {
  if (header.empty()) return false;
  if (header == "*") return true;
  size_t pos = 0;
  while (pos < header.size()) {
    size_t comma = header.find(',', pos);
    std::string tag = header.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.erase(0, 1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.pop_back();
    if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
    if (tag == etag) return true;
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return false;
}

constexpr const char* kApiCacheControl = "public, max-age=60";

// The request target, normalised: the decoded path, then the parameters in sorted order
// (cpp-httplib keeps them in a sorted multimap).
std::string Target(const httplib::Request& req) {
  std::string target = req.path;
  for (const auto& [k, v] : req.params) target += "&" + k + "=" + v;
  return target;
}

// Answers for one state of the data: the snapshot, the day (answers default to today)
// and the request target.
std::string ApiEtag(const AppData& app, const httplib::Request& req) {
  return fmt::format("\"{}-{}-{}\"", app.snapshot, TodayUtc().ToString(), EtagOf(Target(req)).substr(1, 8));
}

// The answer cache's key: the day and the normalised target (the snapshot is fixed).
std::string CacheKey(const httplib::Request& req) { return TodayUtc().ToString() + " " + Target(req); }

// Sets 304 when the client already has this answer.
bool NotModified(const httplib::Request& req, httplib::Response& res, const std::string& etag,
                 const char* cache) {
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", cache);
  if (!Matches(req.get_header_value("If-None-Match"), etag)) return false;
  res.status = 304;
  return true;
}

Status CheckParams(const Route& route, const httplib::Request& req) {
  std::set<std::string> seen;
  for (const auto& [k, v] : req.params) {
    if (std::find(route.params.begin(), route.params.end(), k) == route.params.end()) {
      std::string list;
      for (const std::string& p : route.params) list += (list.empty() ? "" : ", ") + p;
      return Status::InvalidArgument(fmt::format("unknown parameter '{}' (this path takes: {})", k,
                                                 list.empty() ? "none" : list));
    }
    if (!seen.insert(k).second) return Status::InvalidArgument(fmt::format("parameter '{}' given twice", k));
  }
  return Status::OK();
}

Json BuildCurrency(const AppData& app) {
  Json c = {{"snapshot", app.snapshot}, {"loaded_at", app.loaded_at}};
  std::optional<Date> latest_retrieved, latest_published;
  for (const auto& [id, s] : app.kb->sources()) {
    if (s.retrieved && (!latest_retrieved || s.retrieved->last_day() > latest_retrieved->last_day()))
      latest_retrieved = s.retrieved;
    if (s.date && (!latest_published || s.date->last_day() > latest_published->last_day()))
      latest_published = s.date;
  }
  c["knowledge_base"] = {{"sources", app.kb->sources().size()},
                         {"facts", app.kb->facts().size()},
                         {"latest_source_retrieved", latest_retrieved ? Json(latest_retrieved->ToString()) : Json()},
                         {"latest_source_published", latest_published ? Json(latest_published->ToString()) : Json()}};
  Json ev = {{"store", app.store_label.empty() ? Json() : Json(app.store_label)}};
  if (app.store != nullptr && app.store->rows() > 0) {
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (const events::SegmentInfo& s : app.store->infos()) {
      lo = std::min(lo, s.min_day);
      hi = std::max(hi, s.max_day);
    }
    ev["rows"] = app.store->rows();
    ev["first_day"] = Date::FromDays(lo).ToString();
    ev["last_day"] = Date::FromDays(hi).ToString();
  } else {
    ev["rows"] = 0;
    ev["note"] = app.store == nullptr ? "no event store loaded (dyad serve --store DIR)" : "the event store is empty";
  }
  c["events"] = std::move(ev);
  return c;
}

Json TableJson(const Table& t) {
  Json list = Json::array();
  for (const std::vector<Json>& row : t.rows) {
    Json o = Json::object();
    for (size_t i = 0; i < t.columns.size() && i < row.size(); ++i) o[t.columns[i]] = row[i];
    list.push_back(std::move(o));
  }
  return list;
}

std::string CsvCell(const Json& v) {
  std::string s;
  if (v.is_null()) s = "";
  else if (v.is_string()) s = v.get<std::string>();
  else if (v.is_array()) {
    for (const Json& x : v) s += (s.empty() ? "" : "; ") + (x.is_string() ? x.get<std::string>() : Dump(x));
  } else {
    s = Dump(v);
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

void SendAnswer(const AppData& app, const Query& q, Answer& a, const std::string& format,
                httplib::Response& res) {
  if (!a.document.empty()) {
    SecurityHeaders(res, a.content_type.rfind("text/html", 0) == 0 ? kDossierCsp : kApiCsp);
    res.set_content(std::move(a.document), a.content_type.c_str());
    return;
  }
  SecurityHeaders(res, kApiCsp);
  if (format == "csv") {
    res.set_content(CsvOf(*a.table), "text/csv; charset=utf-8");
    res.set_header("Content-Disposition", fmt::format("inline; filename=\"{}.csv\"", a.table->name));
    return;
  }
  Json out = Json::object();
  out["query"] = q.applied();
  for (auto& [k, v] : a.fields.items()) out[k] = std::move(v);
  if (a.table) out[a.table->name] = TableJson(*a.table);
  out["currency"] = app.currency;
  std::string text = Dump(out);
  for (const auto& [name, raw] : a.raw_fields) {
    text.pop_back();  // the closing brace; `out` is never empty (it has query and currency)
    text += "," + Dump(Json(name)) + ":" + raw + "}";
  }
  res.set_content(std::move(text) + "\n", "application/json");
}

void ServeApi(const AppData& app, const Route& route,
              const httplib::Request& req, httplib::Response& res) {
  if (Status st = CheckParams(route, req); !st.ok()) return SendStatusError(res, st);
  const std::string etag = ApiEtag(app, req);
  if (NotModified(req, res, etag, kApiCacheControl)) return;
  std::map<std::string, std::string> params(req.params.begin(), req.params.end());
  std::vector<std::string> path;
  for (size_t i = 1; i < req.matches.size(); ++i) path.push_back(req.matches[i].str());
  Query q(std::move(params), std::move(path));
  const std::string format = q.Text("format").empty() ? "json" : q.Text("format");
  if (format != "json" && format != "csv") {
    return SendError(res, 400, "bad_parameter", fmt::format("format must be json or csv, not '{}'", format));
  }
  if (format != "json") q.applied()["format"] = format;
  Result<Answer> a = route.handler(app, q);
  if (!a.ok()) return SendStatusError(res, a.status());
  if (format == "csv" && !a->table) {
    return SendError(res, 400, "bad_parameter", "this answer is not a table; format=csv is not offered");
  }
  SendAnswer(app, q, *a, format, res);
}

// Keeps a served 200 answer, with the headers it went out with (ETag and Cache-Control are
// set again by NotModified when it is served from the cache).
void Remember(AnswerCache& cache, const httplib::Request& req, const httplib::Response& res) {
  if ((res.status != -1 && res.status != 200) || !res.has_header("ETag")) return;
  auto answer = std::make_shared<CachedAnswer>();
  answer->body = res.body;
  answer->content_type = res.get_header_value("Content-Type");
  answer->etag = res.get_header_value("ETag");
  for (const auto& [k, v] : res.headers)
    if (k != "ETag" && k != "Cache-Control" && k != "Content-Type") answer->headers.emplace_back(k, v);
  cache.Put(CacheKey(req), std::move(answer));
}

// A repeated API request, answered from the cache: 304 when the client has it, else the
// stored answer. False when the cache does not hold it.
bool ServeCached(AnswerCache& cache, const httplib::Request& req, httplib::Response& res) {
  if (req.path.rfind("/api/", 0) != 0) return false;
  std::shared_ptr<const CachedAnswer> hit = cache.Find(CacheKey(req));
  if (hit == nullptr) return false;
  if (NotModified(req, res, hit->etag, kApiCacheControl)) return true;
  for (const auto& [k, v] : hit->headers) res.set_header(k, v);
  res.set_content(hit->body, hit->content_type.c_str());
  return true;
}

bool IsAppPath(const std::string& path) {
  return path == "/" || path.rfind("/pair/", 0) == 0 || path.rfind("/state/", 0) == 0;
}

void ServeAsset(const AppData& app, const httplib::Request& req, httplib::Response& res) {
  const Asset* asset = app.assets.Find(IsAppPath(req.path) ? "/index.html" : req.path);
  if (asset == nullptr) {
    return SendError(res, 404, "not_found", fmt::format("no such path: {}", req.path));
  }
  SecurityHeaders(res, kAppCsp);
  if (NotModified(req, res, asset->etag, "public, max-age=300")) return;
  res.set_content(asset->bytes, asset->content_type.c_str());
}

}  // namespace

void IndexAppData(AppData* app) {
  app->currency = BuildCurrency(*app);
  for (const auto& [id, e] : app->kb->entities()) {
    if (e.kind != kb::EntityKind::kMission) continue;
    if (!e.owner.empty()) app->missions_of[e.owner].push_back(&e);
    if (!e.host.empty() && e.host != e.owner) app->missions_of[e.host].push_back(&e);
  }
  for (auto& [state, list] : app->missions_of) {
    std::sort(list.begin(), list.end(), [](const kb::Entity* x, const kb::Entity* y) { return x->id < y->id; });
  }
}

std::string Query::Text(const std::string& name) const {
  auto it = params_.find(name);
  return it == params_.end() ? std::string() : it->second;
}

Result<std::optional<Date>> Query::DateParam(const std::string& name) const {
  std::string text = Text(name);
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(fmt::format("parameter {}: {}", name, d.status().message()));
  return std::optional<Date>(*d);
}

std::string CsvOf(const Table& t) {
  std::string out;
  for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + CsvCell(t.columns[i]);
  out += "\r\n";
  for (const std::vector<Json>& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvCell(row[i]);
    out += "\r\n";
  }
  return out;
}

void InstallRoutes(HttpServer& server, const AppData& app) {
  Router& r = server.router();
  auto cache = std::make_shared<AnswerCache>(server.limits().answer_cache_bytes);
  InstallGuards(server, [cache](const httplib::Request& req, httplib::Response& res) {
    return ServeCached(*cache, req, res);
  });
  for (const Route& route : ApiRoutes()) {
    r.Get(route.pattern, [&app, &route, cache](const httplib::Request& req, httplib::Response& res) {
      ServeApi(app, route, req, res);
      Remember(*cache, req, res);
    });
  }
  r.Get(R"(/api(/.*)?)", [](const httplib::Request& req, httplib::Response& res) {
    SendError(res, 404, "not_found", "no such API path: " + req.path + " (see /api/openapi.json)");
  });
  r.Get(R"(/.*)", [&app](const httplib::Request& req, httplib::Response& res) { ServeAsset(app, req, res); });
}

}  // namespace dyad::server
