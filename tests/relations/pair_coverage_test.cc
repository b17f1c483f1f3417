// The twenty pairs, as of today, from the bundled data alone (the knowledge-base
// snapshot of data/kb-packs and the relations pack): each dossier has the missions section
// (missions or their stated absence), both states' leaders, shared organisations, UN
// voting agreement (except with Kosovo, which is not a UN member) and the distance
// between the capitals, each cited.
#include <gtest/gtest.h>

#include "kb/knowledge_base.h"
#include "kb/snapshot.h"
#include "report/dossier.h"

namespace dyad::report {
namespace {

struct Pair {
  const char* a;
  const char* b;
};

// The seven the issue names, and thirteen more across every region.
constexpr Pair kTwentyPairs[] = {
    {"GMB", "ISR"}, {"AUT", "XKX"}, {"SAU", "TUR"}, {"FRA", "DEU"}, {"IND", "PAK"},
    {"RUS", "UKR"}, {"BRA", "ARG"}, {"JPN", "KOR"}, {"NGA", "GHA"}, {"CAN", "MEX"},
    {"EGY", "ETH"}, {"IDN", "AUS"}, {"CHL", "PER"}, {"KEN", "TZA"}, {"VNM", "CHN"},
    {"NOR", "SWE"}, {"MAR", "DZA"}, {"KAZ", "MNG"}, {"FJI", "NZL"}, {"URY", "PRY"},
};

class TwentyPairs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto w = world::World::LoadDefault();
    if (!w.ok()) return;
    world_ = *w;
    auto dirs = kb::Snapshot::DefaultPackDirs();
    if (dirs.empty()) return;
    auto snap = kb::Snapshot::OpenOrCompile(*world_, dirs, kb::Snapshot::DefaultPath());
    if (snap.ok()) snapshot_ = std::move(snap).value().release();
    auto rel = relations::Relations::OpenDefault();
    if (rel.ok()) relations_ = *rel;
  }
  void SetUp() override {
    if (snapshot_ == nullptr || relations_ == nullptr) GTEST_SKIP() << "bundled kb packs or relations pack absent";
  }
  Dossier Build(const Pair& p) {
    auto packs = snapshot_->Extract({p.a, p.b});
    EXPECT_TRUE(packs.ok()) << packs.status().ToString();
    kb::LoadReport report;
    kb_ = kb::KnowledgeBase::Build(*world_, packs.ok() ? std::move(packs).value() : std::vector<kb::PackData>{}, &report);
    DossierRequest req;
    req.a = world_->Find(p.a);
    req.b = world_->Find(p.b);
    req.relations = relations_.get();
    auto d = BuildDossier(*world_, *kb_, req);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : Dossier{};
  }

  static inline std::shared_ptr<const world::World> world_;
  static inline const kb::Snapshot* snapshot_ = nullptr;  // lives for the process
  static inline std::shared_ptr<const relations::Relations> relations_;
  std::unique_ptr<kb::KnowledgeBase> kb_;
};

TEST_F(TwentyPairs, EachHasMissionsBothLeadersSharedOrganisationsUnVotesAndDistance) {
  int with_missions = 0;
  for (const Pair& p : kTwentyPairs) {
    SCOPED_TRACE(std::string(p.a) + "-" + p.b);
    Dossier d = Build(p);
    const PairSections& s = d.pairs;
    EXPECT_TRUE(s.missions.available);
    const bool none = s.missions.sides[0].missions.empty() && s.missions.sides[1].missions.empty();
    with_missions += !none;
    if (none) {
      EXPECT_NE(PlainText(d.overview.summary).find("No mission of"), std::string::npos) << "the absence is said";
    }
    for (const PairLeaderSide& side : s.leaders.sides) {
      EXPECT_FALSE(side.leaders.empty()) << side.state;
      for (const PairLeader& l : side.leaders) EXPECT_FALSE(l.cite.empty());
    }
    EXPECT_FALSE(s.igos.shared.empty());
    EXPECT_FALSE(s.igos.factbook_cite.empty());
    EXPECT_TRUE(s.geography.distance_km.has_value());
    const bool kosovo = std::string(p.b) == "XKX";
    EXPECT_EQ(d.relations_data.un_votes.empty(), kosovo) << "UN votes for every pair of UN members";
    EXPECT_NE(PlainText(d.overview.summary).find("leaders on"), std::string::npos);
  }
  // Wikidata's snapshot lists no mission between Egypt and Ethiopia or Kenya and Tanzania.
  EXPECT_GE(with_missions, 18);
}

TEST_F(TwentyPairs, NeighboursShareABorderAndRivalsHaveDisputes) {
  for (const Pair& p : {Pair{"FRA", "DEU"}, Pair{"BRA", "ARG"}, Pair{"RUS", "UKR"}, Pair{"KEN", "TZA"}})
    EXPECT_EQ(Build(p).pairs.geography.contiguity_type, 1) << p.a << "-" << p.b;
  EXPECT_GT(Build({"IND", "PAK"}).pairs.conflicts.disputes.size(), 10u);
  EXPECT_FALSE(Build({"RUS", "UKR"}).pairs.conflicts.disputes.empty());
  EXPECT_GT(Build({"FRA", "DEU"}).pairs.treaties.bilateral.size(), 0u);
}

}  // namespace
}  // namespace dyad::report
