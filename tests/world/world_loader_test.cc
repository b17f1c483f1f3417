// World::LoadDefault over the installed data and the project's tables in data/world/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "world/world.h"
#include "base/tsv_table.h"
#include "world/world_loader_internal.h"

namespace dyad::world {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class WorldLoaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    Result<std::shared_ptr<const World>> w = World::LoadDefault();
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0);
    if (!w.ok()) {
      load_error_ = new std::string(w.status().ToString());
      return;
    }
    world_ = new std::shared_ptr<const World>(*w);
    double cpu_ms = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    std::printf("World::LoadDefault: %zu states in %.1f ms wall, %.1f ms CPU\n",
                (*w)->states().size(), ms.count(), cpu_ms);
  }
  void SetUp() override {
    if (load_error_ != nullptr) FAIL() << *load_error_;
  }
  static const World& W() { return **world_; }
  static const State& Get(std::string_view key) {
    const State* s = W().Find(key);
    EXPECT_NE(s, nullptr) << key;
    static const State kEmpty;
    return s ? *s : kEmpty;
  }
  static Date D(std::string_view text) { return Date::Parse(text).value(); }
  static std::string Conv(std::string_view code, Scheme from, Scheme to, std::string_view on) {
    Result<std::string> r = W().Convert(code, from, to, on.empty() ? std::nullopt : std::optional(D(on)));
    return r.ok() ? *r : "error: " + r.status().message();
  }
  static bool HasName(const State& s, std::string_view text, std::string_view lang = "") {
    return std::any_of(s.names.begin(), s.names.end(), [&](const Name& n) {
      return n.text == text && (lang.empty() || n.lang == lang);
    });
  }

  static inline std::shared_ptr<const World>* world_ = nullptr;
  static inline std::string* load_error_ = nullptr;
};

TEST_F(WorldLoaderTest, EveryCurrentStateAndTheSpecialCasesArePresent) {
  size_t current = 0, sovereign = 0;
  for (const State& s : W().states()) {
    current += s.current();
    sovereign += s.kind == StateKind::kSovereign;
  }
  std::printf("states: %zu total, %zu current, %zu sovereign\n", W().states().size(), current,
              sovereign);
  EXPECT_GE(current, 250u);
  EXPECT_GE(sovereign, 197u);
  for (std::string_view key : {"XKX", "PSE", "TWN", "VAT"})
    EXPECT_EQ(Get(key).kind, StateKind::kSovereign) << key;
  EXPECT_EQ(Get("PRI").kind, StateKind::kTerritory);
  EXPECT_EQ(Get("GRL").kind, StateKind::kTerritory);
  EXPECT_EQ(Get("SUHH").kind, StateKind::kFormer);
}

TEST_F(WorldLoaderTest, KyrgyzstanHasCodesInEveryScheme) {
  const State& kgz = Get("KGZ");
  EXPECT_EQ(kgz.name, "Kyrgyzstan");
  EXPECT_EQ(kgz.official_name, "Kyrgyz Republic");
  EXPECT_EQ(kgz.Code(Scheme::kIso2), "KG");
  EXPECT_EQ(kgz.Code(Scheme::kIsoNumeric), "417");
  EXPECT_EQ(kgz.Code(Scheme::kCowNumeric), "703");
  EXPECT_EQ(kgz.Code(Scheme::kCowAlpha), "KYR");
  EXPECT_EQ(kgz.Code(Scheme::kGwNumeric), "703");
  EXPECT_EQ(kgz.Code(Scheme::kCameo), "KGZ");
  EXPECT_EQ(kgz.Code(Scheme::kFips), "KG");
  EXPECT_EQ(kgz.capital, "Bishkek");
  EXPECT_THAT(kgz.borders, Contains("CHN"));
  EXPECT_TRUE(HasName(kgz, "Киргизия", "ru"));
  EXPECT_TRUE(HasName(kgz, "Kirghizia"));
}

TEST_F(WorldLoaderTest, KyrgyzstanEntersTheSystemOnDifferentDatesInCowAndGw) {
  // G-W counts Kyrgyzstan from the declaration of independence, COW from the USSR's end.
  EXPECT_EQ(Conv("703", Scheme::kGwNumeric, Scheme::kIso3, "1991-09-15"), "KGZ");
  EXPECT_THAT(Conv("703", Scheme::kCowNumeric, Scheme::kIso3, "1991-09-15"),
              HasSubstr("not valid on 1991-09-15"));
  EXPECT_EQ(Conv("703", Scheme::kCowNumeric, Scheme::kIso3, "1991-12-26"), "KGZ");
}

TEST_F(WorldLoaderTest, KirghizSsrPrecedesKyrgyzstan) {
  const State& ssr = Get("SU-KG");
  EXPECT_EQ(ssr.kind, StateKind::kFormer);
  auto succ = std::find_if(ssr.links.begin(), ssr.links.end(), [](const Link& l) {
    return l.kind == LinkKind::kSuccessor && l.other == "KGZ";
  });
  ASSERT_NE(succ, ssr.links.end());
  EXPECT_EQ(succ->date->ToString(), "1991-08-31");
  const State& kgz = Get("KGZ");
  EXPECT_TRUE(std::any_of(kgz.links.begin(), kgz.links.end(), [](const Link& l) {
    return l.kind == LinkKind::kPredecessor && l.other == "SUHH" && l.date->ToString() == "1991-12-26";
  }));
}

TEST_F(WorldLoaderTest, GermanyIsCow255Then260Then255) {
  EXPECT_EQ(Conv("255", Scheme::kCowNumeric, Scheme::kIso3, "1930"), "DEU");
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "260", D("1970"))[0]->key, "H-GFR");
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "265", D("1970"))[0]->key, "DDDE");
  EXPECT_EQ(Conv("255", Scheme::kCowNumeric, Scheme::kIso3, "1995"), "DEU");
  EXPECT_EQ(Conv("DEU", Scheme::kIso3, Scheme::kCowNumeric, "1970"), "error: Germany (DEU) has no cow code on 1970");
  // G-W keeps 260 for unified Germany.
  EXPECT_EQ(Conv("260", Scheme::kGwNumeric, Scheme::kIso3, "2000"), "DEU");
}

TEST_F(WorldLoaderTest, YemenVietnamAndYugoslaviaFollowTheirSuccessions) {
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "678", D("1980"))[0]->key, "H-YAR");
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "680", D("1980"))[0]->key, "YDYE");
  EXPECT_EQ(Conv("679", Scheme::kCowNumeric, Scheme::kIso3, "2000"), "YEM");
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "816", D("1970"))[0]->key, "VDVN");
  EXPECT_EQ(Conv("816", Scheme::kCowNumeric, Scheme::kIso3, "2000"), "VNM");
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "817", D("1970"))[0]->key, "H-RVN");
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "345", D("1980"))[0]->key, "YUCS");
  EXPECT_EQ(W().ByCode(Scheme::kCowNumeric, "345", D("2000"))[0]->key, "CSXX");
  EXPECT_EQ(Conv("345", Scheme::kCowNumeric, Scheme::kIso3, "2010"), "SRB");
}

TEST_F(WorldLoaderTest, FipsCodesAreNotIsoCodes) {
  EXPECT_EQ(Conv("GM", Scheme::kFips, Scheme::kIso3, ""), "DEU");
  EXPECT_EQ(Conv("GA", Scheme::kFips, Scheme::kIso3, ""), "GMB");
  EXPECT_EQ(Conv("CE", Scheme::kFips, Scheme::kIso3, ""), "LKA");
  EXPECT_EQ(Conv("CB", Scheme::kFips, Scheme::kIso3, ""), "KHM");
  EXPECT_EQ(Conv("UK", Scheme::kFips, Scheme::kIso3, ""), "GBR");
  EXPECT_EQ(Conv("RS", Scheme::kFips, Scheme::kIso3, ""), "RUS");
  EXPECT_EQ(Conv("CH", Scheme::kFips, Scheme::kIso3, ""), "CHN");
}

TEST_F(WorldLoaderTest, CameoHasItsOwnHistoricalCodes) {
  EXPECT_EQ(Conv("KSV", Scheme::kCameo, Scheme::kIso3, "2010"), "XKX");
  EXPECT_EQ(Conv("ROM", Scheme::kCameo, Scheme::kIso3, ""), "ROU");
  EXPECT_EQ(W().ByCode(Scheme::kCameo, "SUN", D("1980"))[0]->key, "SUHH");
  EXPECT_EQ(W().ByCode(Scheme::kCameo, "DDR", D("1980"))[0]->key, "DDDE");
}

TEST_F(WorldLoaderTest, FormerIsoCodesPointToTheRenamedState) {
  EXPECT_EQ(Conv("BUR", Scheme::kIso3, Scheme::kIso3, "1980"), "MMR");
  EXPECT_EQ(Conv("ZAR", Scheme::kIso3, Scheme::kIso3, "1990"), "COD");
  EXPECT_EQ(Conv("SUHH", Scheme::kIso4, Scheme::kIso3, ""), "SUN");
}

TEST_F(WorldLoaderTest, HistoricalNamesCarryTheirValidity) {
  const State& mmr = Get("MMR");
  auto burma = std::find_if(mmr.names.begin(), mmr.names.end(),
                            [](const Name& n) {
                              return n.text == "Burma" && n.kind == NameKind::kHistorical;
                            });
  ASSERT_NE(burma, mmr.names.end());
  EXPECT_TRUE(burma->valid.ContainsDate(D("1980")));
  EXPECT_FALSE(burma->valid.ContainsDate(D("2000")));
  EXPECT_TRUE(HasName(Get("SWZ"), "Swaziland"));
  EXPECT_TRUE(HasName(Get("LKA"), "Ceylon"));
}

TEST_F(WorldLoaderTest, CapitalsHaveCoordinates) {
  size_t with = 0, sovereign = 0;
  for (const State& s : W().states()) {
    if (s.kind != StateKind::kSovereign) continue;
    ++sovereign;
    with += s.capital_lat.has_value();
    if (!s.capital_lat) std::printf("no capital coordinates: %s\n", s.key.c_str());
  }
  EXPECT_GE(with, sovereign - 5) << with << " of " << sovereign;
}

TEST_F(WorldLoaderTest, EveryFormerStateHasASuccessor) {
  for (const State& s : W().states()) {
    if (s.kind != StateKind::kFormer) continue;
    EXPECT_TRUE(std::any_of(s.links.begin(), s.links.end(),
                            [](const Link& l) { return l.kind == LinkKind::kSuccessor; }))
        << s.key << " " << s.name;
  }
}

TEST_F(WorldLoaderTest, EverySovereignStateIsInCowOrGwExceptPalestineAndTheHolySee) {
  // Neither list includes Palestine or the Vatican (the Papal States, 327, ended in 1870).
  std::vector<std::string> missing;
  for (const State& s : W().states()) {
    if (s.kind == StateKind::kSovereign && !s.Code(Scheme::kCowNumeric) &&
        !s.Code(Scheme::kGwNumeric))
      missing.push_back(s.key);
  }
  EXPECT_THAT(missing, ::testing::UnorderedElementsAre("PSE", "VAT"));
}

// Abkhazia and South Ossetia (GE-AB, GE-SO) are the current states with no ISO code.
TEST_F(WorldLoaderTest, EveryStateHasANameAndEveryCurrentOneAnIsoCode) {
  for (const State& s : W().states()) {
    EXPECT_FALSE(s.name.empty()) << s.key;
    if (s.current() && s.key.find('-') == std::string::npos) {  // not GE-AB, GE-SO
      EXPECT_TRUE(s.Code(Scheme::kIso3).has_value()) << s.key;
    }
  }
}

TEST(WorldTables, BadDateNamesFileLineAndColumn) {
  const std::string dir = ::testing::TempDir() + "/world_tables_bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/links.tsv") << "from\tto\tdate\tnote\tsource\n"
                                    << "A\tB\t2024-02-30\tx\ty\n";
  Result<TsvTable> t =
      TsvTable::Read(dir + "/links.tsv", {"from", "to", "date", "note", "source"});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  Result<std::optional<Date>> d = t->DateCell(0, "date");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("links.tsv:2: column date"));
  EXPECT_THAT(d.status().message(), HasSubstr("2024-02-30"));
}

TEST(WorldTables, RowWithMissingSourceIsRejected) {
  const std::string dir = ::testing::TempDir() + "/world_tables_nosource";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/fips.tsv") << "key\tcode\tstart\tend\tsource\n"
                                   << "KGZ\tKG\t\t\t\n";
  Result<TsvTable> t = TsvTable::Read(dir + "/fips.tsv", {"key"});
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.status().message(), HasSubstr("fips.tsv:2: empty source"));
}

TEST(WorldTables, MissingDataDirectoryIsAnErrorNotACrash) {
  WorldSources s{"/nonexistent/iso", "/nonexistent/node", "/nonexistent/tables"};
  Result<std::shared_ptr<const World>> w = World::Load(s);
  ASSERT_FALSE(w.ok());
  EXPECT_THAT(w.status().message(), HasSubstr("/nonexistent/iso"));
}

}  // namespace
}  // namespace dyad::world
