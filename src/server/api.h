// The HTTP API of `dyad serve` (docs/SERVER.md; OpenAPI description web/openapi.json).
//
// Handlers return an Answer: a typed Table for table-shaped answers (rendered as a JSON
// list or, with ?format=csv, as CSV with a header row) plus the answer's other fields, or
// a document (the dossier's Markdown or HTML). The frame (api.cc) validates parameters
// (unknown ones are 400), adds "query" (the parameters as applied, defaults included) and
// "currency" (what the data is current to), sets ETag and Cache-Control, answers
// If-None-Match with 304 and turns a failed Status into the JSON error with its status.
#ifndef DYAD_SERVER_API_H_
#define DYAD_SERVER_API_H_

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "events/store.h"
#include "kb/knowledge_base.h"
#include "server/assets.h"
#include "server/completion.h"
#include "server/http_server.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::server {

using Json = nlohmann::ordered_json;

// What the dossier builder needs besides world and kb (taxonomy, map atlases), loaded once;
// defined in dossier_adapter.cc, the one file that includes src/report.
struct DossierInputs;
Result<std::shared_ptr<const DossierInputs>> LoadDossierInputs(const events::Store* store);

// What the server answers from, loaded once by `dyad serve` and immutable afterwards.
struct AppData {
  std::shared_ptr<const world::World> world;
  const world::Resolver* resolver = nullptr;
  const kb::KnowledgeBase* kb = nullptr;
  const events::Store* store = nullptr;  // may be null: event answers are then empty
  std::string store_label;               // the store's directory, or ""
  std::string snapshot;                  // checksum of the binary and data (snapshot.h)
  std::string loaded_at;                 // UTC time of loading, ISO 8601
  Assets assets;                         // web/ (the app), by URL path
  std::unique_ptr<Completion> completion;
  std::shared_ptr<const DossierInputs> dossier_inputs;
  // Built by IndexAppData from the above: missions by sending and receiving state, and the
  // answers' "currency" (both constant while the server runs).
  std::unordered_map<std::string, std::vector<const kb::Entity*>> missions_of;
  Json currency;
};

// Fills the derived fields of `app` once world, kb and store are set.
void IndexAppData(AppData* app);

// A table-shaped answer: `name` is its key in the JSON answer; cells are JSON scalars or
// arrays (CSV joins arrays with "; ").
struct Table {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Json>> rows;
};

struct Answer {
  Json fields = Json::object();  // the answer's own fields (besides query and currency)
  // Fields already serialized as JSON (the dossier document), appended after `fields`.
  std::vector<std::pair<std::string, std::string>> raw_fields;
  std::optional<Table> table;
  // A document instead of JSON (dossier.md / dossier.html): bytes and content type.
  std::string document, content_type;
};

// The applied query of one request: path parameters and query parameters.
class Query {
 public:
  Query(std::map<std::string, std::string> params, std::vector<std::string> path)
      : params_(std::move(params)), path_(std::move(path)) {}
  const std::string& path(size_t i) const { return path_.at(i); }
  // The parameter's text, or "" when absent.
  std::string Text(const std::string& name) const;
  // A date parameter; nullopt when absent; InvalidArgument naming the parameter when bad.
  Result<std::optional<Date>> DateParam(const std::string& name) const;
  // What the answer echoes as "query": every parameter as applied.
  Json& applied() { return applied_; }
  const Json& applied() const { return applied_; }

 private:
  std::map<std::string, std::string> params_;
  std::vector<std::string> path_;
  Json applied_ = Json::object();
};

using Handler = Result<Answer> (*)(const AppData& app, Query& query);

struct Route {
  std::string method;        // "GET"
  std::string pattern;       // cpp-httplib regex, e.g. R"(/api/states/([^/]+))"
  std::string openapi_path;  // "/api/states/{key}"
  std::vector<std::string> params;  // accepted query parameters ("format" included when CSV)
  Handler handler;
};

// Every API route, in the order they are matched.
const std::vector<Route>& ApiRoutes();

// Registers the API, the app's assets and the error handler on `server`.
void InstallRoutes(HttpServer& server, const AppData& app);

// A state argument (key, code or name) to a state, as the resolver reads it on `on`.
// NotFound (with suggestions) or InvalidArgument (ambiguous, with candidates).
Result<const world::State*> ResolveState(const AppData& app, const std::string& text,
                                         const std::optional<Date>& on);

// Handlers (routes_*.cc).
Result<Answer> HandleResolve(const AppData& app, Query& q);
Result<Answer> HandleStates(const AppData& app, Query& q);
Result<Answer> HandleState(const AppData& app, Query& q);
Result<Answer> HandleRelations(const AppData& app, Query& q);
Result<Answer> HandleFacts(const AppData& app, Query& q);
Result<Answer> HandleEnvoys(const AppData& app, Query& q);
Result<Answer> HandleSeries(const AppData& app, Query& q);
Result<Answer> HandleTop(const AppData& app, Query& q);
Result<Answer> HandleDossier(const AppData& app, Query& q);

// Shared pieces of answers.
Json StateSummary(const world::State& s);
Json SourcesJson(const kb::KnowledgeBase& kb, const std::vector<std::string>& ids);
std::string CsvOf(const Table& t);

}  // namespace dyad::server

#endif  // DYAD_SERVER_API_H_
