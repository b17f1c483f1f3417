// The office-holder cache (coder/office_holders.h, docs/formats/coder-office-holders.md):
// what the coder keeps of the knowledge base, read back unchanged, recompiled when a pack
// changes, and never trusted when damaged.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "coder/office_holders.h"
#include "fixture.h"

namespace dyad::coder {
namespace {

namespace fs = std::filesystem;

constexpr char kSources[] = "id\ttitle\nt:src\tTest source\n";
constexpr char kEntities[] =
    "id\tkind\tname\towner\thost\tsources\n"
    "mission:usa-to-kgz\tmission\tUS embassy in Bishkek\tUSA\tKGZ\tt:src\n"
    "office:kgz-president\toffice\tPresident of Kyrgyzstan\tKGZ\t\tt:src\n"
    "person:envoy\tperson\tPamela Spratlen\tUSA\t\tt:src\n"
    "person:leader\tperson\tAlmazbek Atambayev\tKGZ\t\tt:src\n"
    "person:nobody\tperson\tJohn Doe\tUSA\t\tt:src\n";
constexpr char kFacts[] =
    "subject\trelation\tobject\tvalue\tvalid\tqualifiers\tsources\n"
    "person:envoy\tchief_of_mission\tmission:usa-to-kgz\t\t2011-08-01/2014-10-01\trole=ambassador\tt:src\n"
    "person:leader\tholds_office\toffice:kgz-president\t\t2011-12-01/2017-11-24\t\tt:src\n";

class OfficeHoldersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / "office-holders-pack";
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("sources.tsv", kSources);
    Write("entities.tsv", kEntities);
    Write("facts.tsv", kFacts);
    cache_ = (fs::path(::testing::TempDir()) / "office-holders-cache" / "holders.tsv").string();
    fs::remove_all(fs::path(cache_).parent_path());
  }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

  Result<OfficeHolders> Open(bool* compiled) {
    kb::LoadReport report;
    bool written = false;
    auto h = OfficeHolders::OpenOrCompile(*testing::Shared().world, {dir_.string()}, cache_, &report,
                                          compiled, &written);
    EXPECT_TRUE(!*compiled || written);
    EXPECT_TRUE(report.clean()) << report.Summary();
    return h;
  }

  fs::path dir_;
  std::string cache_;
};

TEST_F(OfficeHoldersTest, KeepsEveryDatedTermWithTheStateItServes) {
  bool compiled = false;
  auto h = Open(&compiled);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_TRUE(compiled);
  ASSERT_EQ(h->holders().size(), 2u);  // John Doe holds nothing
  const OfficeHolder* envoy = h->Find("person:envoy");
  ASSERT_NE(envoy, nullptr);
  EXPECT_EQ(envoy->name, "Pamela Spratlen");
  ASSERT_NE(envoy->TermOn(*Date::ParseIso("2012-05-01")), nullptr);
  EXPECT_EQ(envoy->TermOn(*Date::ParseIso("2012-05-01"))->state, "USA");  // the mission's owner
  EXPECT_EQ(envoy->TermOn(*Date::ParseIso("2015-05-01")), nullptr);
  EXPECT_EQ(h->Find("person:leader")->TermOn(*Date::ParseIso("2015-10-31"))->state, "KGZ");
}

TEST_F(OfficeHoldersTest, AFreshCacheIsReadBackUnchangedWithoutLoadingThePacks) {
  bool compiled = false;
  auto first = Open(&compiled);
  ASSERT_TRUE(first.ok());
  auto second = Open(&compiled);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE(compiled);
  ASSERT_EQ(second->holders().size(), first->holders().size());
  for (size_t i = 0; i < first->holders().size(); ++i) {
    EXPECT_EQ(second->holders()[i].id, first->holders()[i].id);
    EXPECT_EQ(second->holders()[i].name, first->holders()[i].name);
    ASSERT_EQ(second->holders()[i].terms.size(), first->holders()[i].terms.size());
    EXPECT_EQ(second->holders()[i].terms[0].valid, first->holders()[i].terms[0].valid);
  }
}

TEST_F(OfficeHoldersTest, AChangedPackMakesTheCacheStale) {
  bool compiled = false;
  ASSERT_TRUE(Open(&compiled).ok());
  Write("facts.tsv", std::string(kFacts) +
                         "person:nobody\tchief_of_mission\tmission:usa-to-kgz\t\t2014-10-02/..\trole=ambassador\tt:src\n");
  auto h = Open(&compiled);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(compiled);
  EXPECT_NE(h->Find("person:nobody"), nullptr);
}

TEST_F(OfficeHoldersTest, ADamagedCacheIsAnErrorNamingTheLineAndIsRecompiled) {
  bool compiled = false;
  ASSERT_TRUE(Open(&compiled).ok());
  std::ofstream(cache_, std::ios::app) << "term\tperson:x\tX\tUSA\tnot-an-interval\n";
  auto bad = OfficeHolders::Read(cache_);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(cache_ + ":"), std::string::npos) << bad.status().message();
  auto h = Open(&compiled);
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(compiled);
  EXPECT_EQ(h->holders().size(), 2u);
}

TEST(OfficeHolders, TheBundledPacksNameJohnKerryAsUsaGovIn2015) {
  OfficeHolders h = OfficeHolders::FromKnowledgeBase(*testing::Shared().kb);
  size_t kerry = 0;
  for (const OfficeHolder& o : h.holders()) {
    const OfficeTerm* t = o.TermOn(*Date::ParseIso("2015-10-31"));
    if (o.name.find("Kerry") != std::string::npos && t != nullptr && t->state == "USA") ++kerry;
  }
  EXPECT_GE(kerry, 1u);
}

}  // namespace
}  // namespace dyad::coder
