// The dossier model on the bundled data, and its renderings.
//
// Golden files: tests/report/golden/*.json and *.md hold the expected JSON and Markdown
// renderings for fixed dates, compared byte for byte (a failure prints the differing
// lines). After a deliberate change to the data or the model, regenerate them with
//   DYAD_UPDATE_GOLDEN=1 build/tests/report/report_test --gtest_filter='*Golden*'
// and review the diff like any other change.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <functional>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/paths.h"
#include "kb/knowledge_base.h"
#include "report/dossier.h"
#include "world/world.h"

#include "golden_diff.h"

namespace dyad::report {
namespace {

using Json = nlohmann::ordered_json;

class DossierTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto w = world::World::LoadDefault();
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    world_ = new std::shared_ptr<const world::World>(*w);
    kb::LoadReport report;
    auto k = kb::KnowledgeBase::Load(**world_, kb::KnowledgeBase::DefaultPackDirs(), &report);
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    kb_ = k->release();
  }
  static void TearDownTestSuite() {
    delete kb_;
    delete world_;
  }

  static DossierRequest Request(const std::string& a, const std::string& b, std::optional<std::string> as_of) {
    DossierRequest req;
    req.a = (*world_)->Find(a);
    req.b = (*world_)->Find(b);
    if (as_of) req.as_of = *Date::Parse(*as_of);
    return req;
  }
  static Dossier Model(const std::string& a, const std::string& b, std::optional<std::string> as_of) {
    Result<Dossier> d = BuildDossier(**world_, *kb_, Request(a, b, as_of));
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : Dossier();
  }
  // The JSON rendering, read back for inspection.
  static Json Build(const std::string& a, const std::string& b, std::optional<std::string> as_of) {
    return Json::parse(RenderJson(Model(a, b, as_of)));
  }

  // Every object that states something (has "text") cites at least one source, and every
  // cited number is a source of the document.
  static void ExpectEveryStatementCited(const Json& d) {
    const size_t n = d["sources"].size();
    std::function<void(const Json&, const std::string&)> walk = [&](const Json& j, const std::string& path) {
      if (j.is_object()) {
        if (j.contains("text") && j["text"].is_string() && j.contains("relation")) {
          ASSERT_TRUE(j.contains("cite")) << path;
          EXPECT_FALSE(j["cite"].empty()) << path << ": " << j["text"];
          for (const Json& c : j["cite"]) EXPECT_TRUE(c.get<size_t>() >= 1 && c.get<size_t>() <= n) << path;
        }
        for (const auto& [k, v] : j.items()) walk(v, path + "." + k);
      } else if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i) walk(j[i], path + "[" + std::to_string(i) + "]");
      }
    };
    walk(d, "");
  }

  static std::shared_ptr<const world::World>* world_;
  static kb::KnowledgeBase* kb_;
};

std::shared_ptr<const world::World>* DossierTest::world_ = nullptr;
kb::KnowledgeBase* DossierTest::kb_ = nullptr;

TEST_F(DossierTest, NamesThePairAndTheDate) {
  Json d = Build("KGZ", "USA", "2020-06-01");
  EXPECT_EQ(d["schema"], "dyad.dossier/1");
  EXPECT_EQ(d["title"], "Kyrgyzstan–United States relations");
  EXPECT_EQ(d["as_of"], "2020-06-01");
  EXPECT_EQ(d["states"][0]["codes"]["iso3"], "KGZ");
  EXPECT_EQ(d["states"][1]["codes"]["cow"], "2");
}

TEST_F(DossierTest, EveryStatementCitesANumberedSource) {
  for (const char* as_of : {"2010-01-01", "2026-01-01"}) ExpectEveryStatementCited(Build("KGZ", "USA", as_of));
  ExpectEveryStatementCited(Build("KGZ", "KAZ", "2026-01-01"));
  Json d = Build("KGZ", "USA", "2026-01-01");
  for (size_t i = 0; i < d["sources"].size(); ++i) EXPECT_EQ(d["sources"][i]["n"], i + 1);
}

TEST_F(DossierTest, ShowsDisagreeingRecognitionDatesSideBySide) {
  Json rel = Build("KGZ", "USA", "2026-01-01")["overview"]["relations"];
  EXPECT_EQ(rel["state"], "in relations");
  std::set<std::string> dates;
  for (const Json& r : rel["recognition"]) dates.insert(r["start"].get<std::string>());
  EXPECT_TRUE(dates.count("1991-12-25")) << rel.dump(1);
  EXPECT_TRUE(dates.count("1991-12-26")) << rel.dump(1);
  EXPECT_TRUE(rel["recognition_disagrees"].get<bool>());
}

TEST_F(DossierTest, AsOfADateShowsTheAgreementStillInForce) {
  auto status_of_1993_agreement = [](const Json& d) {
    for (const Json& a : d["agreements"])
      if (a["name"].get<std::string>().find("1993") != std::string::npos) return a["status"].get<std::string>();
    return std::string("absent");
  };
  EXPECT_EQ(status_of_1993_agreement(Build("KGZ", "USA", "2010-01-01")), "in force");
  EXPECT_EQ(status_of_1993_agreement(Build("KGZ", "USA", "2026-01-01")), "terminated");
  EXPECT_EQ(status_of_1993_agreement(Build("KGZ", "USA", "1992-06-01")), "absent");
}

TEST_F(DossierTest, AsOfLeavesOutLaterHappenings) {
  Json d = Build("KGZ", "USA", "2010-01-01");
  for (const Json& y : d["timeline"]) {
    if (y["year"].is_null()) continue;
    EXPECT_LE(y["year"].get<int>(), 2010);
  }
  EXPECT_TRUE(d["as_of_given"].get<bool>());
}

TEST_F(DossierTest, WithoutADateDescribesToday) {
  Json d = Build("KGZ", "USA", std::nullopt);
  EXPECT_EQ(d["as_of"], TodayUtc().ToString());
  EXPECT_FALSE(d["as_of_given"].get<bool>());
}

TEST_F(DossierTest, APairWithLittleDataGetsAShortHonestDossier) {
  Json d = Build("KGZ", "KAZ", "2026-01-01");
  EXPECT_EQ(d["title"], "Kyrgyzstan–Kazakhstan relations");
  EXPECT_FALSE(d["events"]["available"].get<bool>());
  EXPECT_FALSE(d["events"]["note"].get<std::string>().empty());
  EXPECT_FALSE(d["overview"]["summary"].get<std::string>().empty());
}

TEST_F(DossierTest, RefusesMissingOrRepeatedStates) {
  Result<Dossier> missing = BuildDossier(**world_, *kb_, Request("KGZ", "XYZ", std::nullopt));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  Result<Dossier> twice = BuildDossier(**world_, *kb_, Request("KGZ", "KGZ", std::nullopt));
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("KGZ twice"), std::string::npos);
}

TEST_F(DossierTest, TheModelCarriesCitationsAsNumbersNotMarksInProse) {
  Dossier d = Model("KGZ", "USA", "2026-01-01");
  ASSERT_FALSE(d.overview.summary.empty());
  bool cited = false;
  for (const Clause& clause : d.overview.summary)
    for (const Segment& s : clause) {
      EXPECT_EQ(s.text.find("[1]"), std::string::npos) << s.text;
      cited = cited || !s.cite.empty();
    }
  EXPECT_TRUE(cited);
  // Participants are the states themselves, resolved once.
  ASSERT_FALSE(d.overview.relations.recognition.empty());
  const FactStatement& rec = d.overview.relations.recognition.front();
  ASSERT_EQ(rec.participants.size(), 2u);
  EXPECT_TRUE(rec.participants[0] == d.states[0].state || rec.participants[0] == d.states[1].state);
  EXPECT_EQ(d.states[0].state, (*world_)->Find("KGZ"));
}

TEST_F(DossierTest, MarkdownHasEverySection) {
  std::string md = RenderMarkdown(Model("KGZ", "USA", "2026-01-01"));
  for (const char* heading : {"# Kyrgyzstan–United States relations", "## Overview", "## Timeline",
                              "## Diplomatic representation", "## Agreements", "## Memberships",
                              "## Security", "## Assistance", "## Public opinion", "## Trade and currency",
                              "## Event-based relations index", "## Sources", "## See also"})
    EXPECT_NE(md.find(heading), std::string::npos) << heading;
}

TEST_F(DossierTest, HtmlIsOneWellFormedPageWithoutScriptsOrRemoteResources) {
  Result<graphics::MapData> atlas = graphics::LoadDefaultMapData();
  ASSERT_TRUE(atlas.ok()) << atlas.status().ToString();
  DossierRequest req = Request("KGZ", "USA", "2026-01-01");
  req.atlas = &*atlas;
  const std::string html = RenderHtml(BuildDossier(**world_, *kb_, req).value());
  std::string body = html.substr(html.find("<html"));
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(body.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  EXPECT_TRUE(doc.select_nodes("//script").empty());
  // The only <link> allowed is the empty data: favicon that stops a favicon request.
  for (pugi::xpath_node n : doc.select_nodes("//link"))
    EXPECT_EQ(std::string(n.node().attribute("href").value()).rfind("data:", 0), 0u);
  EXPECT_TRUE(doc.select_nodes("//img").empty());
  EXPECT_FALSE(doc.select_nodes("//svg").empty());
  EXPECT_FALSE(doc.select_nodes("//section[@id='sources']//li").empty());
  for (pugi::xpath_node n : doc.select_nodes("//*[@src]")) ADD_FAILURE() << "element loads " << n.node().attribute("src").value();
  // Every citation link points at a source on the page.
  for (pugi::xpath_node a : doc.select_nodes("//sup[@class='cite']/a")) {
    std::string id = std::string(a.node().attribute("href").value()).substr(1);
    EXPECT_TRUE(doc.select_node(("//*[@id='" + id + "']").c_str())) << id;
  }
}

// Golden renderings for fixed dates: any change to the data or the model shows up as a diff.
void ExpectGolden(const std::string& text, const std::string& name) {
  const std::string path = DyadHome() + "/tests/report/golden/" + name;
  if (std::getenv("DYAD_UPDATE_GOLDEN")) {
    ASSERT_TRUE(WriteFileAtomic(path, text).ok());
    return;
  }
  Result<std::string> want = ReadFile(path);
  ASSERT_TRUE(want.ok()) << want.status().ToString() << " (DYAD_UPDATE_GOLDEN=1 writes it)";
  EXPECT_TRUE(*want == text) << name << " differs (- golden, + now); if intended, regenerate with DYAD_UPDATE_GOLDEN=1\n"
                             << LineDiff(*want, text);
}

void ExpectGoldens(const Dossier& d, const std::string& stem) {
  ExpectGolden(RenderJson(d, 1) + "\n", stem + ".json");
  ExpectGolden(RenderMarkdown(d), stem + ".md");
}

TEST_F(DossierTest, DossierGoldenKgzUsa2010) { ExpectGoldens(Model("KGZ", "USA", "2010-01-01"), "KGZ-USA.2010-01-01"); }
TEST_F(DossierTest, DossierGoldenKgzUsa2026) { ExpectGoldens(Model("KGZ", "USA", "2026-11-28"), "KGZ-USA.2026-11-28"); }
TEST_F(DossierTest, DossierGoldenKgzKaz2026) { ExpectGoldens(Model("KGZ", "KAZ", "2026-11-28"), "KGZ-KAZ.2026-11-28"); }

TEST(GoldenDiffTest, ShowsOnlyTheDifferingLinesWithContext) {
  const std::string diff = LineDiff("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "a\nb\nc\nd\ne\nF\ng\nh\ni\nj\n");
  EXPECT_EQ(diff, "@@ line 6 (golden 10 lines, now 10) @@\n c\n d\n e\n-f\n+F\n g\n h\n i\n");
  EXPECT_TRUE(LineDiff("same\n", "same\n").empty());
}

}  // namespace
}  // namespace dyad::report
