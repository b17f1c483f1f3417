// Each importer on real rows of its dataset (copied from ../shared/data/relations), field
// by field, and on malformed rows (the rejects file: file, line, column, reason).
#include "ingest/relations_import.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.h"
#include "relations/relations.h"

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;

class RelationsImport : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto w = world::World::LoadDefault();
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    world_ = *w;
    auto r = world::Resolver::LoadDefault(world_);
    ASSERT_TRUE(r.ok());
    resolver_ = std::move(r).value().release();
  }
  void SetUp() override {
    dir_ = testing::TempDir() + "/relations_in_" + testing::UnitTest::GetInstance()->current_test_info()->name();
    out_ = dir_ + "/pack";
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void Put(const std::string& rel, const std::string& text) {
    fs::create_directories(fs::path(dir_ + "/" + rel).parent_path());
    ASSERT_TRUE(WriteFileAtomic(dir_ + "/" + rel, text).ok());
  }
  // Runs importer `name`; returns the opened pack and leaves the rejects text in rejects_.
  std::shared_ptr<const relations::Relations> Run(const std::string& name, ImportReport* rep) {
    auto sink = RejectSink::Open(dir_ + "/rejects.tsv");
    EXPECT_TRUE(sink.ok());
    ImportOptions o{dir_, dir_ + "/ps", out_, &*sink, 3};
    for (const auto& imp : RelationsImporters())
      if (imp.name == name) {
        auto r = imp.run(o, *world_, *resolver_);
        EXPECT_TRUE(r.ok()) << r.status().ToString();
        if (r.ok()) *rep = *r;
      }
    EXPECT_TRUE(sink->Close().ok());
    rejects_ = *ReadFile(dir_ + "/rejects.tsv");
    unmapped_ = *ReadFile(out_ + "/" + name + ".unmapped.tsv");
    auto rel = relations::Relations::Open(out_, dir_ + "/cache");
    EXPECT_TRUE(rel.ok()) << rel.status().ToString();
    return *rel;
  }
  static std::shared_ptr<const world::World> world_;
  static world::Resolver* resolver_;
  std::string dir_, out_, rejects_, unmapped_;
};
std::shared_ptr<const world::World> RelationsImport::world_;
world::Resolver* RelationsImport::resolver_ = nullptr;

TEST_F(RelationsImport, AtopKeepsEachObligationMapsCowAsOfTheYearAndRejectsBadRows) {
  Put("atop/atop_alliance.csv.gz",
      "\"ccode1\",\"ccode2\",\"year\",\"atop_defense\",\"atop_offense\",\"atop_neutral\",\"atop_nonagg\",\"atop_consul\"\n"
      "2,20,1942,1,1,0,0,0\n"
      "2,365,1942,1,1,0,0,0\n"
      "2,20,19x2,1,1,0,0,0\n"
      "2,20\n"
      "999,20,1950,1,0,0,0,0\n");
  ImportReport rep;
  auto rel = Run("atop", &rep);
  ASSERT_TRUE(rel);
  EXPECT_EQ(rep.table_rows["atop"], 2u);
  auto us_ca = rel->Alliances("USA", "CAN", 1942);
  ASSERT_TRUE(us_ca.has_value());
  EXPECT_TRUE(us_ca->defense);
  EXPECT_TRUE(us_ca->offense);
  EXPECT_FALSE(us_ca->neutral);
  EXPECT_FALSE(us_ca->nonagg);
  EXPECT_FALSE(us_ca->consul);
  EXPECT_TRUE(rel->Alliances("USA", "SUHH", 1942).has_value()) << "COW 365 in 1942 is the USSR";
  EXPECT_FALSE(rel->Alliances("USA", "CAN", 1943).has_value());
  const auto* t = rel->table("atop");
  auto [lo, hi] = t->Range("USA", "CAN", 1942);
  EXPECT_EQ(t->Value(lo, t->Column("src_row")), 1) << "the row keeps its source row";
  EXPECT_EQ(t->meta().currency, "2018-12-31");
  EXPECT_EQ(rep.counts.rejected, 2u);
  EXPECT_NE(rejects_.find("atop_alliance.csv.gz\t4\t3\tyear '19x2' is not a whole number"), std::string::npos) << rejects_;
  EXPECT_NE(rejects_.find("atop_alliance.csv.gz\t5\t3\t2 fields, the header has 8"), std::string::npos) << rejects_;
  EXPECT_NE(unmapped_.find("cow\t999\t1950\t1950\t1\tno state has cow code 999"), std::string::npos) << unmapped_;
}

TEST_F(RelationsImport, TradeKeepsBothFlowsAndMissingIsNotZero) {
  Put("cow_trade/cow_trade_ddy.csv.gz",
      "\"ccode1\",\"ccode2\",\"year\",\"flow1\",\"flow2\",\"smoothflow1\",\"smoothflow2\"\n"
      "2,365,2010,26534,9842,26534,9842\n"
      "365,2,2010,9842,26534,9842,26534\n"
      "2,20,1930,,578,,578\n"
      "20,2,1930,578,,578,\n");
  ImportReport rep;
  auto rel = Run("cow-trade", &rep);
  ASSERT_TRUE(rel);
  EXPECT_EQ(rep.table_rows["cow-trade"], 2u) << "one row per undirected dyad-year";
  auto t = rel->Trade("USA", "RUS", 2010);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->a_from_b, 26534);
  EXPECT_EQ(t->b_from_a, 9842);
  auto back = rel->Trade("RUS", "USA", 2010);
  EXPECT_EQ(back->a_from_b, 9842);
  auto old = rel->Trade("USA", "CAN", 1930);
  ASSERT_TRUE(old.has_value());
  EXPECT_FALSE(old->a_from_b.has_value());
  EXPECT_EQ(old->b_from_a, 578);
}

TEST_F(RelationsImport, UnVotesCountAgreementNamibiaIsNaAndWestGermanyResolvesByName) {
  Put("unvotes/un_roll_calls.csv.gz",
      "\"rcid\",\"session\",\"importantvote\",\"date\"\n3,1,0,\"1946-01-01\"\n1412,28,0,\"1973-12-02\"\n"
      "3501,45,0,\"1990-11-05\"\n5049,65,1,\"2010-10-26\"\n");
  Put("unvotes/un_votes.csv.gz",
      "\"rcid\",\"country\",\"country_code\",\"vote\"\n"
      "3,\"United States\",\"US\",\"yes\"\n3,\"Canada\",\"CA\",\"no\"\n3,\"Cuba\",\"CU\",\"yes\"\n"
      "1412,\"United States\",\"US\",\"abstain\"\n1412,\"Federal Republic of Germany\",,\"yes\"\n"
      "3501,\"United States\",\"US\",\"abstain\"\n3501,\"Namibia\",\"NA\",\"yes\"\n"
      "3501,\"Federal Republic of Germany\",,\"abstain\"\n"
      "3,\"Haiti\",\"HT\",\"maybe\"\n"
      "5049,\"United States\",\"US\",\"no\"\n5049,\"Yugoslavia\",\"YU\",\"yes\"\n5049,\"Russia\",\"RU\",\"yes\"\n"
      "3,\"Russia\",\"RU\",\"no\"\n");
  Put("unga_ideal_points/IdealpointestimatesAll_Apr2020.csv.gz",
      "Row,ccode,session,NVotes,IdealPoint,QO%,Q5%,Q10%,Q50%,Q90%,Q95%,Q100%,iso3c,Countryname\n"
      "1,2,1,42,1.675486,0.9274793,1.348943,1.401238,1.675082,1.93791,2.028481,2.717793,USA,United States\n"
      "3905,365,1,42,-2.03781,-3.18223,-2.779297,-2.571261,-1.995744,-1.549409,-1.407297,-1.064355,RUS,Russia\n");
  ImportReport rep;
  auto rel = Run("unvotes", &rep);
  ASSERT_TRUE(rel);
  auto cu = rel->UnVoteAgreement("USA", "CUB", 1946);
  ASSERT_TRUE(cu.has_value());
  EXPECT_EQ(cu->votes_both, 1);
  EXPECT_EQ(cu->agree, 1);
  auto ca = rel->UnVoteAgreement("CAN", "USA", 1946);
  EXPECT_EQ(ca->votes_both, 1);
  EXPECT_EQ(ca->agree, 0);
  auto na = rel->UnVoteAgreement("USA", "NAM", 1990);
  ASSERT_TRUE(na.has_value()) << "\"NA\" is Namibia, not missing";
  EXPECT_EQ(na->agree, 0);
  auto de = world_->ByCode(world::Scheme::kCowNumeric, "260", *Date::Make(1973));
  ASSERT_EQ(de.size(), 1u);
  auto frg = rel->UnVoteAgreement("USA", de[0]->key, 1973);
  ASSERT_TRUE(frg.has_value()) << "the empty code of the FRG is resolved by its name";
  EXPECT_EQ(frg->agree, 0);
  auto united = rel->UnVoteAgreement("USA", "DEU", 1990);
  ASSERT_TRUE(united.has_value()) << "a vote labelled FRG on 1990-11-05 is unified Germany's (as of the roll call's date)";
  EXPECT_EQ(united->agree, 1);
  EXPECT_NEAR(*rel->IdealPoint("USA", 1946), 1.675486, 1e-12);
  auto ussr = world_->ByCode(world::Scheme::kCowNumeric, "365", *Date::Make(1946));
  ASSERT_EQ(ussr.size(), 1u);
  EXPECT_NEAR(*rel->IdealPoint(ussr[0]->key, 1946), -2.03781, 1e-12);
  auto serbia = rel->UnVoteAgreement("SRB", "RUS", 2010);
  ASSERT_TRUE(serbia.has_value()) << "YU in 2010 is Serbia (COW 345 continues)";
  EXPECT_EQ(serbia->agree, 1);
  auto soviet = rel->UnVoteAgreement("CAN", ussr[0]->key, 1946);
  ASSERT_TRUE(soviet.has_value()) << "RU in 1946 is the USSR";
  EXPECT_EQ(soviet->agree, 1);
  EXPECT_EQ(rep.counts.rejected_by_reason["bad-vote"], 1u);
  EXPECT_NE(rejects_.find("un_votes.csv.gz\t10\t4\tvote is not yes, abstain or no"), std::string::npos) << rejects_;
}

TEST_F(RelationsImport, MidUcdpIgosAndContiguity) {
  Put("conflict/cow_mid_dirdisps.csv",
      "\"dispnum\",\"ccode1\",\"ccode2\",\"year\",\"dispongoing\",\"disponset\",\"sidea1\",\"sidea2\",\"fatality1\","
      "\"fatality2\",\"fatalpre1\",\"fatalpre2\",\"hiact1\",\"hiact2\",\"hostlev1\",\"hostlev2\",\"orig1\",\"orig2\"\n"
      "26,2,365,1948,1,1,0,1,0,0,0,0,13,16,4,4,1,1\n");
  Put("conflict/ucdp_acd.csv",
      "\"conflict_id\",\"year\",\"gwno_a\",\"gwno_a_2nd\",\"gwno_b\",\"gwno_b_2nd\",\"incompatibility\","
      "\"intensity_level\",\"type_of_conflict\",\"start_date\",\"start_prec\",\"start_date2\",\"start_prec2\","
      "\"ep_end\",\"ep_end_date\"\n"
      "11343,1967,651,,666,,\"territory\",2,\"interstate\",\"1967-06-05\",1,\"1967-06-05\",1,1,\"1967-06-10\"\n"
      "11342,2012,750,,,,\"territory\",1,\"intrastate\",\"1997-05-29\",1,\"2012-11-15\",1,1,\"2012-12-21\"\n");
  Put("ps/cow_igo_ndy.csv", "ccode1,ccode2,year,dyadigos\n2,20,1920,7\n");
  Put("ps/cow_contdir.csv", "ccode1,ccode2,conttype,stdate,enddate\n2,20,1,1920-01-01,2016-12-01\n2,31,4,1973-07-01,2016-12-01\n"
      "2,40,9,1973-99-01,2016-12-01\n");
  Put("ps/cow_capitals.csv", "ccode,statenme,capital,stdate,enddate,lat,lng\n"
      "2,United States of America,Washington D.C.,1816-01-01,2024-12-31,38.8950368,-77.0365427\n"
      "20,Canada,Ottawa,1867-01-01,2024-12-31,45.4208777,-75.6901106\n");
  ImportReport rep;
  auto rel = Run("mid", &rep);
  ASSERT_TRUE(rel);
  auto d = rel->Disputes("USA", "SUHH");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].dispnum, 26);
  EXPECT_EQ(d[0].year, 1948);
  EXPECT_TRUE(d[0].onset);
  EXPECT_FALSE(d[0].a_side_a);
  EXPECT_EQ(d[0].hostlev_a, 4);
  EXPECT_EQ(d[0].fatality_b, 0);
  rel = Run("ucdp", &rep);
  auto c = rel->Conflicts("ISR", "EGY");
  ASSERT_EQ(c.size(), 1u) << "G-W 666 Israel, 651 Egypt; the intrastate row makes no dyad";
  EXPECT_EQ(c[0].conflict_id, 11343);
  EXPECT_EQ(c[0].intensity, 2);
  EXPECT_FALSE(c[0].a_side_a);
  EXPECT_TRUE(rel->Conflicts("EGY", "ISR")[0].a_side_a);
  rel = Run("igos", &rep);
  EXPECT_EQ(rel->SharedIgos("CAN", "USA", 1920)->shared, 7);
  rel = Run("contiguity", &rep);
  EXPECT_EQ(rel->Contiguity("USA", "CAN", 1950), 1);
  EXPECT_EQ(rel->Contiguity("USA", "BHS", 1972), 0);
  EXPECT_EQ(rel->Contiguity("USA", "BHS", 1973), 4);
  EXPECT_NEAR(*rel->CapitalDistanceKm("USA", "CAN", DaysFromCivil(2000, 1, 1)), 734, 5);
  EXPECT_NE(rejects_.find("cow_contdir.csv\t4\t4\t'1973-99-01' is not a YYYY-MM-DD date"), std::string::npos) << rejects_;
}

}  // namespace
}  // namespace dyad::ingest
