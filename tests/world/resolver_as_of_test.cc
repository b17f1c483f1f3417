// Names and codes resolved as of a date (issue 9, "Resolver as of a date"), on the real
// World and alias table: a name answers with the state that held its place that day.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "world/resolver.h"
#include "world/world.h"

namespace dyad::world {
namespace {

class ResolverAsOf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = World::LoadDefault();
    if (!world.ok()) return;
    auto resolver = Resolver::LoadDefault(*world);
    if (resolver.ok()) resolver_ = std::move(resolver).value().release();
  }
  void SetUp() override {
    if (resolver_ == nullptr) GTEST_SKIP() << "World or resolver aliases unavailable";
  }
  // The key `text` resolves to on `on`; "?K1,K2" for an ambiguity, "" for no match.
  static std::string On(std::string_view text, std::string_view on,
                        std::optional<Scheme> scheme = std::nullopt) {
    ResolveOptions o;
    o.on = Date::Parse(on).value();
    o.scheme = scheme;
    Resolution r = resolver_->Resolve(text, o);
    if (r.outcome == Resolution::Outcome::kNoMatch) return "";
    if (r.outcome == Resolution::Outcome::kMatch) return r.best()->state->key;
    std::string out = "?";
    for (const Match& m : r.candidates) out += (out.size() > 1 ? "," : "") + m.state->key;
    return out;
  }
  static inline Resolver* resolver_ = nullptr;
};

TEST_F(ResolverAsOf, GermanyIn1980IsWestGermanyNotTodaysGermany) {
  EXPECT_EQ(On("Germany", "1980"), "H-GFR");
  EXPECT_EQ(On("Germany", "2000"), "DEU");
  EXPECT_EQ(On("Germany", "1900"), "DEU");  // COW 255, the German Empire
  EXPECT_EQ(On("West Germany", "1980"), "H-GFR");
  EXPECT_EQ(On("East Germany", "1980"), "DDDE");
}

TEST_F(ResolverAsOf, RussiaIn1980IsTheSovietUnion) {
  EXPECT_EQ(On("Russia", "1980"), "SUHH");
  EXPECT_EQ(On("Russia", "1995"), "RUS");
  EXPECT_EQ(On("Soviet Union", "1980"), "SUHH");
}

TEST_F(ResolverAsOf, Iso2RuBeforeDecember1991IsNotRussia) {
  EXPECT_EQ(On("RU", "1985"), "SUHH");
  EXPECT_EQ(On("RU", "1985", Scheme::kIso2), "SUHH");
  EXPECT_EQ(On("RU", "1991-06-01", Scheme::kIso2), "SUHH");
  EXPECT_EQ(On("RU", "1992-06-01", Scheme::kIso2), "RUS");
  EXPECT_EQ(On("DE", "1980", Scheme::kIso2), "H-GFR");
}

TEST_F(ResolverAsOf, YemenIn1980IsNorthOrSouthYemen) {
  EXPECT_EQ(On("Yemen", "1980"), "?H-YAR,YDYE");
  EXPECT_EQ(On("Yemen", "2000"), "YEM");
  EXPECT_EQ(On("North Yemen", "1980"), "H-YAR");
}

TEST_F(ResolverAsOf, KoreaBefore1910IsTheKoreanEmpireAndAmbiguousSince1948) {
  EXPECT_EQ(On("Korea", "1900"), "H-KOR");
  EXPECT_EQ(On("Korea", "1980"), "?KOR,PRK");
  EXPECT_EQ(On("South Korea", "1980"), "KOR");
}

TEST_F(ResolverAsOf, CongoIsAmbiguousAndZaireIsTheDrCongo) {
  EXPECT_EQ(On("Congo", "1980"), "?COD,COG");
  EXPECT_EQ(On("Zaire", "1980"), "COD");
}

TEST_F(ResolverAsOf, ChinaIn1960IsThePrcAndTheRepublicOfChinaIsTaiwan) {
  EXPECT_EQ(On("China", "1960"), "CHN");  // COW 710; the ROC on Taiwan is COW 713
  EXPECT_EQ(On("Republic of China", "1960"), "TWN");
  EXPECT_EQ(On("Taiwan", "1960"), "TWN");
}

TEST_F(ResolverAsOf, RepublicOfChinaBefore1949IsTheMainlandNotTaiwan) {
  EXPECT_EQ(On("Republic of China", "1930"), "CHN");  // COW 710; Taiwan (713) from 1949-12-08
  EXPECT_EQ(On("Republic of China", "1949-12-01"), "CHN");
  EXPECT_EQ(On("Republic of China", "1960"), "TWN");
}

TEST_F(ResolverAsOf, EveryCodeSchemeIsReadAsOfTheDate) {
  EXPECT_EQ(On("RUS", "1985", Scheme::kIso3), "SUHH");
  EXPECT_EQ(On("643", "1985", Scheme::kIsoNumeric), "SUHH");
  EXPECT_EQ(On("365", "1985", Scheme::kCowNumeric), "SUHH");
  EXPECT_EQ(On("RUS", "1985"), "SUHH");  // auto-detected alpha-3
  EXPECT_EQ(On("RU", "1991-06-01"), "SUHH");
  EXPECT_EQ(On("RU", "1992-06-01"), "RUS");
  EXPECT_EQ(On("DEU", "1980", Scheme::kIso3), "H-GFR");
}

TEST_F(ResolverAsOf, MentionsInProseAreReadAsOfTheDate) {
  ResolveOptions o;
  o.on = Date::Parse("1980").value();
  std::vector<Mention> ms = resolver_->FindMentions("Talks between Germany and Russia began.", o);
  ASSERT_EQ(ms.size(), 2u);
  ASSERT_NE(ms[0].best(), nullptr);
  EXPECT_EQ(ms[0].best()->state->key, "H-GFR");
  ASSERT_NE(ms[1].best(), nullptr);
  EXPECT_EQ(ms[1].best()->state->key, "SUHH");
}

// Gaza and the West Bank are the territory of one state (ISO 3166-1 PS, UN GA resolution
// 67/19), not regions spanning states: they resolve to Palestine; Gaza City, a city, not.
TEST_F(ResolverAsOf, GazaAndTheWestBankArePalestineButGazaCityIsNoState) {
  EXPECT_EQ(On("Gaza", "2020"), "PSE");
  EXPECT_EQ(On("Gaza Strip", "2020"), "PSE");
  EXPECT_EQ(On("West Bank", "2020"), "PSE");
  EXPECT_EQ(On("Gaza City", "2020"), "");
}

}  // namespace
}  // namespace dyad::world
