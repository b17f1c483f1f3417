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
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/file.h"
#include "base/paths.h"
#include "kb/knowledge_base.h"
#include "report/dossier.h"
#include "report/dossier_text.h"
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
  // One statement (one fact from two sources), the other source's date beside it.
  ASSERT_EQ(rel["recognition"].size(), 1u) << rel.dump(1);
  EXPECT_EQ(rel["recognition"][0]["start"], "1991-12-25");
  ASSERT_TRUE(rel["recognition"][0].contains("other_dates")) << rel.dump(1);
  EXPECT_EQ(rel["recognition"][0]["other_dates"][0]["when"], "26 December 1991");
  EXPECT_TRUE(rel["recognition_disagrees"].get<bool>());
}

// The pack dates the 1993 agreement's signature and its end (July 2015), not its entry into
// force: as of 2010 it is signed (and the two parties to it), not said to be in force.
TEST_F(DossierTest, AsOfADateShowsTheAgreementSignedWhileItsEntryIntoForceIsUndated) {
  auto status_of_1993_agreement = [](const Json& d) {
    for (const Json& a : d["agreements"])
      if (a["name"].get<std::string>().find("1993") != std::string::npos) return a["status"].get<std::string>();
    return std::string("absent");
  };
  EXPECT_EQ(status_of_1993_agreement(Build("KGZ", "USA", "2010-01-01")), "signed");
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

// ---- truth as of the date (issue 9) ------------------------------------------------------

// Every fact statement of the model outside the timeline and the overview.
std::vector<const FactStatement*> SectionFacts(const Dossier& d) {
  std::vector<const FactStatement*> out;
  for (const auto* list : {&d.assistance, &d.trade_currency.pair, &d.trade_currency.a, &d.trade_currency.b,
                           &d.context.pair, &d.context.a, &d.context.b, &d.representation.chiefs.a_in_b,
                           &d.representation.chiefs.b_in_a, &d.envoys.a_in_b.heads, &d.envoys.b_in_a.heads,
                           &d.envoys.a_in_b.undated, &d.envoys.b_in_a.undated})
    for (const FactStatement& f : *list) out.push_back(&f);
  for (const Group& g : d.agreements)
    for (const FactStatement& f : g.facts) out.push_back(&f);
  return out;
}

// No undated fact, no span stated as holding, no mission open, no pair sections.
void ExpectNoCurrentTense(const Dossier& d) {
  for (const FactStatement* f : SectionFacts(d)) {
    EXPECT_FALSE(f->undated) << f->text;
    EXPECT_FALSE(f->ongoing) << f->text;
  }
  for (const TimelineYear& y : d.timeline)
    for (const TimelineItem& i : y.items)
      if (i.fact) {
        EXPECT_FALSE(i.fact->ongoing || i.fact->undated) << i.fact->text;
      }
  EXPECT_TRUE(d.representation.missions.a_in_b.empty());
  EXPECT_TRUE(d.representation.missions.b_in_a.empty());
  EXPECT_FALSE(d.pairs.built);
  const std::string md = RenderMarkdown(d);
  for (const char* said : {"– present", "to present", "Otunbaev", "Ruble zone", "2360 Massachusetts"})
    EXPECT_EQ(md.find(said), std::string::npos) << said;
  EXPECT_NE(md.find("| Mission in the other | — | — |"), std::string::npos);
}

TEST_F(DossierTest, AsOf1700NeitherStateExistedAndNothingIsSaidInThePresentTense) {
  const Dossier d = Model("KGZ", "USA", "1700");
  EXPECT_EQ(d.standing.not_existing, (std::vector<std::string>{"Kyrgyzstan", "United States"}));
  EXPECT_EQ(PlainText(d.overview.summary).rfind("Neither Kyrgyzstan nor the United States existed as a state in 1700", 0), 0u)
      << PlainText(d.overview.summary);
  EXPECT_TRUE(d.states[0].capital.empty());
  ExpectNoCurrentTense(d);
}

TEST_F(DossierTest, AsOf1985KyrgyzstanDidNotExistAsAState) {
  const Dossier d = Model("KGZ", "USA", "1985-06-01");
  EXPECT_EQ(d.standing.not_existing, std::vector<std::string>{"Kyrgyzstan"});
  EXPECT_NE(PlainText(d.overview.summary).find("Kyrgyzstan did not exist as a state on 1 June 1985"), std::string::npos);
  EXPECT_EQ(d.states[1].capital, "Washington D.C.");
  ExpectNoCurrentTense(d);
}

TEST_F(DossierTest, AsOf2100NothingIsKnownForThatDate) {
  const Dossier d = Model("KGZ", "USA", "2100");
  EXPECT_TRUE(d.standing.future);
  EXPECT_TRUE(d.standing.not_existing.empty());
  const std::string summary = PlainText(d.overview.summary);
  EXPECT_NE(summary.find("nothing is known for that date"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("have been in diplomatic relations"), std::string::npos) << summary;
  ExpectNoCurrentTense(d);
  EXPECT_FALSE(d.timeline.empty());  // the record up to the sources' end is still shown
}

TEST_F(DossierTest, AnOpenTermPastItsSourcesCurrencyIsLastRecordedNotPresent) {
  const Dossier d = Model("KGZ", "USA", "2026-11-28");
  int marked = 0;
  for (const TimelineYear& y : d.timeline)
    for (const TimelineItem& i : y.items) {
      if (!i.fact || !i.fact->beyond_currency) continue;
      ++marked;
      ASSERT_TRUE(i.fact->current_to.has_value());
      EXPECT_LT(i.fact->current_to->last_day(), d.as_of.first_day());
      EXPECT_FALSE(i.fact->ongoing) << i.fact->text;
      const std::string mark = i.fact->undated || !i.fact->start ? "; source current to " : " (last recorded ";
      EXPECT_NE(i.fact->when.find(mark + i.fact->current_to->ToString()), std::string::npos) << i.fact->when;
    }
  EXPECT_GT(marked, 0);
  const std::string md = RenderMarkdown(d);
  EXPECT_NE(md.find("since 12 October 2018 (last recorded 2021-01-20)"), std::string::npos);  // Donald Lu
  EXPECT_EQ(md.find("– present"), std::string::npos);
}

TEST_F(DossierTest, JsonGivesEachStatementAndSourceItsCurrency) {
  const Json j = Build("KGZ", "USA", "2026-11-28");
  bool source_with_currency = false;
  for (const Json& s : j["sources"]) {
    ASSERT_TRUE(s.contains("current_to"));
    source_with_currency |= !s["current_to"].is_null();
  }
  EXPECT_TRUE(source_with_currency);
  for (const Json& f : j["assistance"]) {
    if (!f["undated"]) continue;
    EXPECT_EQ(f["current_to"], "2017-06-26");
    EXPECT_EQ(f["beyond_currency"], true);
  }
}

TEST_F(DossierTest, CountsRead1StatementNotDatedOrUndatedStatements) {
  const std::string summary = PlainText(Model("KGZ", "USA", "1700").overview.summary);
  EXPECT_NE(summary.find("The data holds 0 statements about the pair, 0 agreements and"), std::string::npos) << summary;
  EXPECT_NE(PlainText(Model("KGZ", "USA", "2026-11-28").overview.summary).find(" 1 agreement and "), std::string::npos);
  EXPECT_EQ(summary.find("dated or undated"), std::string::npos);
}

TEST(DossierTextTest, ThePossessiveOfTheUnitedStatesIsTheUnitedStatesApostrophe) {
  EXPECT_EQ(Possessive("the United States"), "the United States'");
  EXPECT_EQ(Possessive("Kyrgyzstan"), "Kyrgyzstan's");
}

TEST_F(DossierTest, TheMissionHeaderHasNoEmptyAddressAndOnlyOpenPosts) {
  const Dossier d = Model("KGZ", "USA", "2026-11-28");
  for (const auto* side : {&d.representation.missions.a_in_b, &d.representation.missions.b_in_a})
    for (const Mission& m : *side) {
      if (m.address) {
        EXPECT_FALSE(m.address->empty()) << m.name;
      }
      EXPECT_FALSE(m.closed_recorded && (!m.closed || m.closed->first_day() <= d.as_of.last_day())) << m.name;
    }
  const std::string md = RenderMarkdown(d);
  EXPECT_EQ(md.find("States's"), std::string::npos);
  EXPECT_EQ(md.find(", ;"), std::string::npos);
  EXPECT_EQ(md.find(",  |"), std::string::npos);
}

// ---- one line per occurrence (docs/formats/dossier.md) ------------------------------------

std::vector<const TimelineItem*> ItemsOn(const Dossier& d, const std::string& start) {
  std::vector<const TimelineItem*> out;
  for (const TimelineYear& y : d.timeline)
    for (const TimelineItem& i : y.items) {
      const std::optional<Date>& s = i.fact ? i.fact->start : i.occurrence->start;
      if (s && s->ToString() == start) out.push_back(&i);
    }
  return out;
}

TEST_F(DossierTest, KerrysVisitOf2015FromTheHistorianAndThePackIsOneLineWithBothCitations) {
  const Dossier d = Model("KGZ", "USA", "2026-11-28");
  std::vector<const TimelineItem*> visits;
  for (const TimelineItem* i : ItemsOn(d, "2015-10-31"))
    if (i->occurrence && i->occurrence->kind == "visit") visits.push_back(i);
  ASSERT_EQ(visits.size(), 1u);
  const OccurrenceStatement& o = *visits[0]->occurrence;
  EXPECT_EQ(o.id, "occ:kerry-visit-2015");
  EXPECT_EQ(o.same_as, std::vector<std::string>{"occ:historian-trip-3592"});
  ASSERT_EQ(o.also.size(), 1u);
  EXPECT_EQ(o.also[0].when, "31 October 2015 – 1 November 2015");
  const std::string md = RenderMarkdown(d);
  EXPECT_EQ(md.find("John Forbes Kerry visits Bishkek"), std::string::npos);
  const size_t line = md.find("to mend relations \\[");
  ASSERT_NE(line, std::string::npos);
  EXPECT_NE(md.substr(line, md.find('\n', line) - line).find("(another source gives 31 October 2015 – 1 November 2015 \\["),
            std::string::npos);
}

TEST_F(DossierTest, TheEndOfThe1993AgreementInJuly2015IsOneLineNotAFactAndAnOccurrence) {
  const Dossier d = Model("KGZ", "USA", "2026-11-28");
  const std::vector<const TimelineItem*> july = ItemsOn(d, "2015-07");
  const auto ends = std::count_if(july.begin(), july.end(), [](const TimelineItem* i) {
    return (i->fact && i->fact->relation == kb::Relation::kAgreementTerminated) ||
           (i->occurrence && i->occurrence->kind == "termination");
  });
  EXPECT_EQ(ends, 1);
  EXPECT_EQ(RenderMarkdown(d).find("Kyrgyzstan ended the 1993 cooperation agreement"), std::string::npos);
}

// Over several pairs: no visit is told twice (same day, same visitor) in one timeline.
TEST_F(DossierTest, NoPairsTimelineTellsOneVisitTwice) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"KGZ", "USA"}, {"KAZ", "USA"}, {"CHN", "USA"}, {"ISR", "USA"}, {"FRA", "USA"}}) {
    std::set<std::string> seen;
    for (const TimelineYear& y : Model(a, b, "2026-11-28").timeline)
      for (const TimelineItem& i : y.items) {
        if (!i.occurrence || i.occurrence->kind != "visit" || i.occurrence->people.empty()) continue;
        const std::vector<std::string> words = [&] {
          std::vector<std::string> w;
          std::istringstream in(i.occurrence->people[0].name);
          for (std::string s; in >> s;) w.push_back(s);
          return w;
        }();
        const std::string key = i.occurrence->start->ToString() + " " + words.back();  // surname
        EXPECT_TRUE(seen.insert(key).second) << a << "-" << b << ": " << key << ": " << i.occurrence->text;
      }
  }
}

TEST(GoldenDiffTest, ShowsOnlyTheDifferingLinesWithContext) {
  const std::string diff = LineDiff("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n", "a\nb\nc\nd\ne\nF\ng\nh\ni\nj\n");
  EXPECT_EQ(diff, "@@ line 6 (golden 10 lines, now 10) @@\n c\n d\n e\n-f\n+F\n g\n h\n i\n");
  EXPECT_TRUE(LineDiff("same\n", "same\n").empty());
}

}  // namespace
}  // namespace dyad::report
