// The API on the bundled data, through the real server on loopback: each route's answer,
// formats, query echo and currency, caching (ETag, 304), errors and traversal attempts;
// and web/openapi.json against the routes that exist.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "base/paths.h"
#include "kb/fact_kinds.h"
#include "kb/knowledge_base.h"
#include "server/api.h"
#include "raw_client.h"

namespace dyad::server {
namespace {

using nlohmann::json;
using testing::BodyOf;
using testing::RawClient;
using testing::StatusOf;

struct Loaded {
  std::unique_ptr<world::Resolver> resolver;
  std::unique_ptr<kb::KnowledgeBase> kb;
  AppData app;
  std::unique_ptr<HttpServer> server;
};

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto* l = new Loaded();
    auto world = world::World::LoadDefault();
    ASSERT_TRUE(world.ok()) << world.status().ToString();
    auto resolver = world::Resolver::LoadDefault(*world);
    ASSERT_TRUE(resolver.ok());
    l->resolver = std::move(resolver).value();
    kb::LoadReport report;
    auto kb = kb::KnowledgeBase::Load(**world, kb::KnowledgeBase::DefaultPackDirs(), &report);
    ASSERT_TRUE(kb.ok());
    l->kb = std::move(kb).value();
    l->app.world = *world;
    l->app.resolver = l->resolver.get();
    l->app.kb = l->kb.get();
    l->app.snapshot = "0123456789abcdef";
    l->app.loaded_at = "2026-01-01T00:00:00Z";
    l->app.completion = std::make_unique<Completion>(**world);
    auto inputs = LoadDossierInputs(nullptr);
    ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
    l->app.dossier_inputs = *inputs;
    IndexAppData(&l->app);
    ASSERT_TRUE(l->app.assets.LoadDirectory(DyadHome() + "/web").ok());
    Limits limits;
    limits.worker_threads = 2;
    l->server = std::make_unique<HttpServer>(limits);
    InstallRoutes(*l->server, l->app);
    ASSERT_TRUE(l->server->Start("127.0.0.1", 0).ok());
    loaded_ = l;
  }
  static void TearDownTestSuite() {
    if (loaded_) loaded_->server->Stop();
  }

  static std::string Raw(const std::string& target, const std::string& headers = "") {
    RawClient c(loaded_->server->port());
    c.Send("GET " + target + " HTTP/1.1\r\nHost: t\r\n" + headers + "Connection: close\r\n\r\n");
    return c.ReadAll();
  }
  static json Get(const std::string& target, int want = 200) {
    std::string r = Raw(target);
    EXPECT_EQ(StatusOf(r), want) << target << "\n" << r.substr(0, 2000);
    return json::parse(BodyOf(r), nullptr, false);
  }
  static std::string Header(const std::string& response, const std::string& name) {
    size_t p = response.find("\r\n" + name + ": ");
    if (p == std::string::npos) return "";
    p += name.size() + 4;
    return response.substr(p, response.find("\r\n", p) - p);
  }
  static inline Loaded* loaded_ = nullptr;
};

TEST_F(ApiTest, ResolveCompletesAPartialNameForAutocomplete) {
  json j = Get("/api/resolve?q=Kyrgyz%20Rep");
  ASSERT_FALSE(j["options"].empty()) << j.dump();
  EXPECT_EQ(j["options"][0]["key"], "KGZ");
  EXPECT_EQ(j["query"]["q"], "Kyrgyz Rep");
  EXPECT_TRUE(j.contains("currency"));
  EXPECT_EQ(j["currency"]["snapshot"], "0123456789abcdef");
}

TEST_F(ApiTest, ResolveShowsBothCongosAsAmbiguous) {
  json j = Get("/api/resolve?q=Congo");
  EXPECT_EQ(j["outcome"], "ambiguous");
  std::set<std::string> keys;
  for (const json& c : j["candidates"]) keys.insert(c["key"]);
  EXPECT_TRUE(keys.count("COG") && keys.count("COD")) << j.dump();
}

// The resolver reads "Kirghizia" as a former name of Kyrgyzstan; on 1990 Kyrgyzstan did not
// exist yet, so the first option is the state that did: its predecessor, the Kirghiz SSR.
TEST_F(ApiTest, ResolveKirghiziaIn1990OffersTheKirghizSsrFirst) {
  json j = Get("/api/resolve?q=Kirghizia&on=1990");
  EXPECT_EQ(j["outcome"], "match") << j.dump();
  ASSERT_GE(j["options"].size(), 2u) << j.dump();
  EXPECT_EQ(j["options"][0]["key"], "SU-KG") << j.dump();
  EXPECT_EQ(j["options"][1]["key"], "KGZ");
  EXPECT_EQ(j["query"]["on"], "1990");
  EXPECT_EQ(Get("/api/resolve?q=Kirghizia&on=2000")["options"][0]["key"], "KGZ");
}

TEST_F(ApiTest, ResolveNoMatchGivesSuggestions) {
  json j = Get("/api/resolve?q=Kyrgyzstn");
  EXPECT_EQ(j["outcome"], "none");
  ASSERT_FALSE(j["suggestions"].empty());
  EXPECT_EQ(j["suggestions"][0]["key"], "KGZ");
}

TEST_F(ApiTest, ResolveNeedsQAndValidDates) {
  EXPECT_EQ(Get("/api/resolve", 400)["error"]["code"], "bad_parameter");
  EXPECT_EQ(Get("/api/resolve?q=x&on=1990-13-45", 400)["error"]["code"], "bad_parameter");
  EXPECT_EQ(Get("/api/resolve?q=%FF%FE", 400)["error"]["code"], "bad_parameter");
  json j = Get("/api/resolve?q=x&bogus=1", 400);
  EXPECT_NE(j["error"]["message"].get<std::string>().find("unknown parameter 'bogus'"), std::string::npos);
}

TEST_F(ApiTest, StatesListsCodesInEverySchemeAsJsonAndCsv) {
  json j = Get("/api/states?on=2000-01-01");
  ASSERT_GT(j["states"].size(), 150u);
  bool found = false;
  for (const json& s : j["states"]) {
    if (s["key"] != "KGZ") continue;
    found = true;
    EXPECT_EQ(s["iso2"], "KG");
    EXPECT_EQ(s["cow"], "703");
  }
  EXPECT_TRUE(found);
  std::string csv = Raw("/api/states?format=csv");
  EXPECT_EQ(StatusOf(csv), 200);
  EXPECT_NE(Header(csv, "Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(BodyOf(csv).rfind("key,name,kind,exists_from,exists_to,iso2,iso3", 0), 0u) << BodyOf(csv).substr(0, 200);
}

TEST_F(ApiTest, StatesOnADateAreThoseThatExistedThen) {
  std::set<std::string> keys;
  const json j = Get("/api/states?on=1980");
  for (const json& s : j["states"]) keys.insert(s["key"]);
  EXPECT_TRUE(keys.count("SUHH"));
  EXPECT_FALSE(keys.count("KGZ"));
}

TEST_F(ApiTest, AnEmptyAnswerIs200WithAnEmptyListAndItsCoverage) {
  json j = Get("/api/pairs/TUV/NRU/facts?kind=chief_of_mission");
  EXPECT_TRUE(j["facts"].is_array());
  EXPECT_TRUE(j["facts"].empty());
  EXPECT_NE(j["coverage"].get<std::string>().find("none about Tuvalu and Nauru"), std::string::npos) << j.dump();
}

TEST_F(ApiTest, OneStateByKeyCodeOrName) {
  json j = Get("/api/states/KGZ");
  EXPECT_EQ(j["state"]["key"], "KGZ");
  EXPECT_FALSE(j["codes"].empty());
  bool bishkek = false;
  for (const json& m : j["missions"]) bishkek |= m["id"] == "mission:usa-embassy-bishkek" && m["role"] == "received";
  EXPECT_TRUE(bishkek) << j["missions"].dump();
  EXPECT_EQ(Get("/api/states/Kyrgyzstan")["state"]["key"], "KGZ");
  EXPECT_EQ(Get("/api/states/Narnia", 404)["error"]["code"], "not_found");
  EXPECT_EQ(Get("/api/states/Congo", 400)["error"]["code"], "bad_parameter");
}

TEST_F(ApiTest, EnvoysAsOfADate) {
  json j = Get("/api/pairs/KGZ/USA/envoys?on=2010-01-01");
  bool gfoeller = false;
  for (const json& e : j["envoys"]) {
    if (e["standing"] == "in office" && e["envoy_name"].get<std::string>().find("Gfoeller") != std::string::npos) gfoeller = true;
  }
  EXPECT_TRUE(gfoeller) << j.dump(1);
  EXPECT_EQ(j["query"]["on"], "2010-01-01");
  EXPECT_FALSE(j["sources"].empty());
  std::string csv = Raw("/api/pairs/KGZ/USA/envoys?on=2012-03-01&format=csv");
  EXPECT_NE(BodyOf(csv).find("Spratlen"), std::string::npos);
}

TEST_F(ApiTest, FactsOfAPairAsOfADate) {
  json j = Get("/api/pairs/Kyrgyzstan/United%20States/facts?as_of=2012-03-01");
  EXPECT_EQ(j["query"]["a"], "KGZ");
  EXPECT_EQ(j["query"]["b"], "USA");
  EXPECT_EQ(j["relations"], "in relations");
  EXPECT_FALSE(j["facts"].empty());
  EXPECT_EQ(Get("/api/pairs/KGZ/USA/facts?as_of=2012&from=2010", 400)["error"]["code"], "bad_parameter");
  EXPECT_EQ(Get("/api/pairs/KGZ/KGZ/facts", 400)["error"]["code"], "bad_parameter");
}

// The same vocabulary as `dyad facts --kind` (kb/fact_kinds.h, one function for both).
TEST_F(ApiTest, FactsKindAcceptsTheCliFamilyNames) {
  for (const char* family : {"envoys", "relations", "missions"}) {
    json j = Get(std::string("/api/pairs/KGZ/USA/facts?kind=") + family);
    ASSERT_FALSE(j["facts"].empty()) << family;
    EXPECT_EQ(j["query"]["kind"], family);
    for (const json& row : j["facts"]) {
      EXPECT_EQ(row["type"], "fact") << family;
      auto r = kb::ParseRelation(row["relation"].get<std::string>());
      ASSERT_TRUE(r.has_value()) << row.dump();
      EXPECT_EQ(kb::RelationFamily(*r), family) << row.dump();
    }
  }
  json envoys = Get("/api/pairs/KGZ/USA/facts?kind=envoys");
  json chiefs = Get("/api/pairs/KGZ/USA/facts?kind=chief_of_mission");
  EXPECT_GE(envoys["facts"].size(), chiefs["facts"].size());
  EXPECT_FALSE(chiefs["facts"].empty());
  // Each answer is held in a local: a range-for over a member of a temporary reads freed
  // memory (ASan: heap-use-after-free here).
  const json events = Get("/api/pairs/KGZ/USA/facts?kind=events");
  for (const json& row : events.at("facts")) {
    EXPECT_EQ(row["type"], "occurrence") << row.dump();
  }
  const json facts = Get("/api/pairs/KGZ/USA/facts?kind=facts");
  for (const json& row : facts.at("facts")) {
    EXPECT_EQ(row["type"], "fact") << row.dump();
  }
}

// kind=memberships lists what `dyad facts A B --kind memberships` lists (kb::PairFacts
// for both): the member_of facts of both states in the organizations they share.
TEST_F(ApiTest, FactsOfKindMembershipsAreTheSharedMembershipsTheCliShows) {
  const kb::PairFactsSelection cli =
      kb::PairFacts(*loaded_->kb, "KGZ", "KAZ", Interval::Always(), "memberships");
  ASSERT_FALSE(cli.facts.empty());
  json j = Get("/api/pairs/KGZ/KAZ/facts?kind=memberships");
  ASSERT_EQ(j["facts"].size(), cli.facts.size());
  std::set<std::string> subjects;
  for (size_t i = 0; i < cli.facts.size(); ++i) {
    EXPECT_EQ(j["facts"][i]["relation"], "member_of");
    EXPECT_EQ(j["facts"][i]["subject"], cli.facts[i]->subject);
    EXPECT_EQ(j["facts"][i]["object"], cli.facts[i]->object);
    subjects.insert(cli.facts[i]->subject);
  }
  EXPECT_EQ(subjects, (std::set<std::string>{"KGZ", "KAZ"}));  // both sides of each organization
}

TEST_F(ApiTest, FactsRejectsAnUnknownKindWith400NamingTheParameter) {
  for (const char* kind : {"envoy", "no_such_kind", "Relations", "%2E%2E%2Fx"}) {
    json j = Get(std::string("/api/pairs/KGZ/USA/facts?kind=") + kind, 400);
    EXPECT_EQ(j["error"]["code"], "bad_parameter") << kind;
    std::string message = j["error"]["message"].get<std::string>();
    EXPECT_EQ(message.rfind("parameter kind:", 0), 0u) << message;
    EXPECT_NE(message.find("envoys"), std::string::npos) << message;
  }
}

TEST_F(ApiTest, EventsWithoutAStoreAreEmptyWithTheReason) {
  json j = Get("/api/pairs/KGZ/USA/events/series?by=year&both=true");
  EXPECT_TRUE(j["series"].empty());
  EXPECT_NE(j["coverage"].get<std::string>().find("no event store"), std::string::npos);
  json t = Get("/api/pairs/KGZ/USA/events/top?limit=5");
  EXPECT_TRUE(t["top"].empty());
  EXPECT_EQ(Get("/api/pairs/KGZ/USA/events/series?by=decade", 400)["error"]["code"], "bad_parameter");
}

TEST_F(ApiTest, RelationsOfAStateWithTheirBasis) {
  json j = Get("/api/relations/KGZ?on=2012-03-01");
  bool usa = false;
  for (const json& r : j["relations"]) {
    if (r["state"] != "USA") continue;
    usa = true;
    EXPECT_EQ(r["status"], "in relations");
    EXPECT_FALSE(r["sources"].empty());
  }
  EXPECT_TRUE(usa);
  EXPECT_EQ(j["query"]["on"], "2012-03-01");
}

TEST_F(ApiTest, DossierInEachRendering) {
  json j = Get("/api/pairs/KGZ/USA/dossier.json?as_of=2010-01-01");
  EXPECT_EQ(j["dossier"]["schema"], "dyad.dossier/1");
  EXPECT_EQ(j["query"]["as_of"], "2010-01-01");
  EXPECT_EQ(Get("/api/pairs/KGZ/USA/dossier?as_of=2010-01-01")["dossier"]["schema"], "dyad.dossier/1");
  std::string md = Raw("/api/pairs/KGZ/USA/dossier.md?as_of=2010-01-01");
  EXPECT_EQ(StatusOf(md), 200);
  EXPECT_NE(Header(md, "Content-Type").find("text/markdown"), std::string::npos);
  std::string html = Raw("/api/pairs/KGZ/USA/dossier.html");
  EXPECT_EQ(StatusOf(html), 200);
  EXPECT_EQ(BodyOf(html).rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(Header(html, "Content-Security-Policy").find("style-src 'unsafe-inline'"), std::string::npos);
  EXPECT_EQ(Get("/api/pairs/KGZ/USA/dossier.json?format=csv", 400)["error"]["code"], "bad_parameter");
}

// Regression: the server's dossiers lacked the "Relations data" section (UN votes, trade,
// ATOP) that `dyad report` shows, because dyad serve never opened the dyad-year tables.
TEST_F(ApiTest, DossierCarriesTheRelationsDataAsDyadReportDoes) {
  json d = Get("/api/pairs/KGZ/USA/dossier.json?as_of=2010-01-01")["dossier"];
  ASSERT_TRUE(d.contains("relations_data")) << "no relations_data section";
  EXPECT_EQ(d["relations_data"]["available"], true) << d["relations_data"].dump().substr(0, 300);
  EXPECT_FALSE(d["relations_data"]["un_votes"]["years"].empty());
  std::string md = BodyOf(Raw("/api/pairs/KGZ/USA/dossier.md?as_of=2010-01-01"));
  EXPECT_EQ(md.find("No relations pack was loaded"), std::string::npos);
}

TEST_F(ApiTest, AnswersCarryAnEtagAndAConditionalRequestGets304) {
  std::string first = Raw("/api/states/KGZ");
  std::string etag = Header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_NE(etag.find("0123456789abcdef"), std::string::npos);
  EXPECT_NE(Header(first, "Cache-Control").find("max-age"), std::string::npos);
  std::string again = Raw("/api/states/KGZ", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(StatusOf(again), 304) << again;
  EXPECT_EQ(BodyOf(again), "");
  EXPECT_EQ(StatusOf(Raw("/api/states/KGZ", "If-None-Match: \"other\"\r\n")), 200);
  EXPECT_NE(Header(Raw("/api/states/USA"), "ETag"), etag);
  std::string app = Raw("/");
  std::string app_etag = Header(app, "ETag");
  EXPECT_EQ(StatusOf(Raw("/", "If-None-Match: " + app_etag + "\r\n")), 304);
}

// A repeated request is answered from the answer cache: the same bytes, the same headers,
// and a conditional request still gets 304. Parameter order does not matter.
TEST_F(ApiTest, ARepeatedRequestGetsTheSameAnswerFromTheCache) {
  std::string first = Raw("/api/resolve?q=Kyrgyzstan&limit=3");
  std::string second = Raw("/api/resolve?q=Kyrgyzstan&limit=3");
  std::string swapped = Raw("/api/resolve?limit=3&q=Kyrgyzstan");
  EXPECT_EQ(StatusOf(first), 200) << first;
  EXPECT_EQ(second, first);
  EXPECT_EQ(BodyOf(swapped), BodyOf(first));
  EXPECT_EQ(Header(swapped, "ETag"), Header(first, "ETag"));
  EXPECT_EQ(Header(second, "Content-Security-Policy"), Header(first, "Content-Security-Policy"));
  std::string again = Raw("/api/resolve?q=Kyrgyzstan&limit=3", "If-None-Match: " + Header(first, "ETag") + "\r\n");
  EXPECT_EQ(StatusOf(again), 304) << again;
  std::string csv = Raw("/api/states?format=csv");
  EXPECT_EQ(Raw("/api/states?format=csv"), csv);
  EXPECT_NE(Header(csv, "Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(StatusOf(Raw("/api/states/NOPE")), 404);  // errors are not kept: still 404
  EXPECT_EQ(StatusOf(Raw("/api/states/NOPE")), 404);
}

TEST_F(ApiTest, UnknownPathsAreJson404AndTraversalFindsNothing) {
  EXPECT_EQ(Get("/api/nothing", 404)["error"]["code"], "not_found");
  for (const char* t : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                        "/app.js/../../../etc/passwd", "/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd", "/web/app.js",
                        "//etc/passwd", "/.%2e/CMakeLists.txt", "/%00", "/index.html%00.js"}) {
    std::string r = Raw(t);
    const int status = StatusOf(r);
    EXPECT_TRUE(status == 404 || status == 400) << t << " -> " << r.substr(0, 300);
    EXPECT_EQ(BodyOf(r).find("root:"), std::string::npos) << t;
    EXPECT_NE(BodyOf(r).find("\"error\""), std::string::npos) << t;
  }
}

TEST_F(ApiTest, TheAppIsServedForItsUrlsWithACsp) {
  for (const char* path : {"/", "/pair/KGZ/USA?as_of=2010-01-01", "/state/KGZ"}) {
    std::string r = Raw(path);
    EXPECT_EQ(StatusOf(r), 200) << path;
    EXPECT_NE(BodyOf(r).find("<script src=\"/app.js\""), std::string::npos);
    EXPECT_NE(Header(r, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  }
  EXPECT_NE(Header(Raw("/app.js"), "Content-Type").find("javascript"), std::string::npos);
}

// Every route of the server has a path in web/openapi.json and every path there is a
// route, and the server answers each documented path (not 404) for KGZ and USA.
TEST_F(ApiTest, OpenApiDescribesExactlyTheRoutesThatExist) {
  json spec = Get("/api/openapi.json");
  EXPECT_EQ(spec["openapi"], "3.1.0");
  std::set<std::string> documented, routed;
  for (const auto& [path, item] : spec["paths"].items()) documented.insert(path);
  for (const Route& r : ApiRoutes()) routed.insert(r.openapi_path);
  EXPECT_EQ(documented, routed);
  for (const Route& r : ApiRoutes()) {
    std::set<std::string> params;
    for (const json& p : spec["paths"][r.openapi_path]["get"]["parameters"]) {
      if (p["in"] == "query") params.insert(p["name"]);
    }
    EXPECT_EQ(params, std::set<std::string>(r.params.begin(), r.params.end())) << r.openapi_path;
    std::string path = r.openapi_path;
    for (auto [from, to] : {std::pair{"{a}", "KGZ"}, {"{b}", "USA"}, {"{key}", "KGZ"}}) {
      if (size_t p = path.find(from); p != std::string::npos) path.replace(p, std::string(from).size(), to);
    }
    if (path == "/api/resolve") path += "?q=KGZ";
    EXPECT_EQ(StatusOf(Raw(path)), 200) << path;
  }
}

}  // namespace
}  // namespace dyad::server
