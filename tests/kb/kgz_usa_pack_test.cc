// The bundled Kyrgyzstan–United States pack loads clean and answers the key questions.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/paths.h"
#include "kb/knowledge_base.h"
#include "test_world.h"

namespace dyad::kb {
namespace {

Date D(std::string_view s) { return Date::ParseIso(s).value(); }

class KgzUsaPackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = testing::TestWorld().get() ? testing::TestWorld() : nullptr;
    report_ = new LoadReport();
    auto kb = KnowledgeBase::Load(*world_, {DataDir() + "/packs/kgz-usa"}, report_);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    kb_ = std::move(kb).value().release();
  }
  static inline std::shared_ptr<const world::World> world_;
  static inline LoadReport* report_ = nullptr;
  static inline KnowledgeBase* kb_ = nullptr;
};

TEST_F(KgzUsaPackTest, LoadsClean) {
  EXPECT_TRUE(report_->clean()) << report_->Summary();
  EXPECT_EQ(report_->warnings(), 0) << report_->Summary();
  EXPECT_GE(kb_->facts().size(), 70u);
  EXPECT_GE(kb_->occurrences().size(), 20u);
  EXPECT_EQ(report_->total.rejected, 0u);
}

TEST_F(KgzUsaPackTest, EveryRowNamesAKnownSource) {
  for (const Fact& f : kb_->facts()) {
    ASSERT_FALSE(f.sources.empty());
    for (const auto& s : f.sources) EXPECT_NE(kb_->FindSource(s), nullptr) << s;
  }
}

TEST_F(KgzUsaPackTest, RelationsSinceWithBothRecognitionDates) {
  RelationsAnswer a = kb_->Relations("KGZ", "USA", D("2012-03-01"));
  EXPECT_EQ(a.state, RelationsAnswer::State::kInRelations);
  ASSERT_EQ(a.since.size(), 1u);
  EXPECT_EQ(a.since[0]->valid.start()->ToString(), "1991-12-25");
  ASSERT_EQ(a.recognition.size(), 2u);
  EXPECT_EQ(a.recognition[0]->valid.start()->ToString(), "1991-12-25");
  EXPECT_EQ(a.recognition[0]->sources[0], "kgz-usa:rdcr-kyrgyzstan");
  EXPECT_EQ(a.recognition[1]->valid.start()->ToString(), "1991-12-26");
  EXPECT_EQ(a.recognition[1]->sources[0], "kgz-usa:seed-ambassadors");
}

TEST_F(KgzUsaPackTest, NoRelationsBeforeEstablishment) {
  RelationsAnswer a = kb_->Relations("USA", "KGZ", D("1991-12-01"));
  EXPECT_EQ(a.state, RelationsAnswer::State::kUnknown);
  EXPECT_TRUE(a.since.empty());
  ASSERT_EQ(a.later_claims.size(), 1u);
  // On the 25th only one of the two recognition dates has passed.
  EXPECT_EQ(kb_->Relations("USA", "KGZ", D("1991-12-25")).recognition.size(), 1u);
}

TEST_F(KgzUsaPackTest, EnvoyInBishkek) {
  EnvoyAnswer e = kb_->Envoy("USA", "KGZ", D("1992-03-01"));
  ASSERT_EQ(e.heads.size(), 1u);
  EXPECT_EQ(e.heads[0].fact->subject, "person:mcwilliams-edmund");
  EXPECT_EQ(e.heads[0].fact->QualifierValue("role"), "charge-daffaires-ad-interim");
  EXPECT_TRUE(IsChargeRole(e.heads[0].fact->QualifierValue("role")));
  EXPECT_EQ(e.missions.size(), 2u);
  // Before the embassy opened nobody headed it.
  EnvoyAnswer before = kb_->Envoy("USA", "KGZ", D("1992-01-15"));
  EXPECT_TRUE(before.heads.empty());
  ASSERT_TRUE(before.next.has_value());
  EXPECT_EQ(before.next->fact->subject, "person:mcwilliams-edmund");
}

TEST_F(KgzUsaPackTest, KyrgyzAmbassadorInWashingtonIsUndated) {
  EnvoyAnswer e = kb_->Envoy("KGZ", "USA", D("2017-01-01"));
  EXPECT_TRUE(e.heads.empty());
  ASSERT_EQ(e.undated.size(), 1u);
  EXPECT_EQ(kb_->NameOf(e.undated[0].fact->subject), "Bolot I. Otunbaev");
  std::vector<MissionInfo> m = kb_->Missions("KGZ", "USA");
  ASSERT_EQ(m.size(), 1u);
  bool address = false;
  for (const Fact* f : m[0].facts) {
    address |= f->value.find("2360 Massachusetts Avenue") != std::string::npos;
  }
  EXPECT_TRUE(address);
}

TEST_F(KgzUsaPackTest, BothEmbassiesHaveAddresses) {
  bool us = false;
  for (const MissionInfo& m : kb_->Missions("USA", "KGZ")) {
    for (const Fact* f : m.facts) us |= f->value.find("171 Prospect Mira") != std::string::npos;
  }
  EXPECT_TRUE(us);
}

TEST_F(KgzUsaPackTest, MembershipsWithDates) {
  std::vector<std::string> orgs;
  for (const Fact* f : kb_->Memberships("KGZ", D("1993-01-01"))) orgs.push_back(f->object);
  std::sort(orgs.begin(), orgs.end());
  orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
  EXPECT_EQ(orgs, (std::vector<std::string>{"org:cis", "org:osce", "org:un"}));
  std::vector<std::string> later;
  for (const Fact* f : kb_->Memberships("KGZ", D("2016-01-01"))) later.push_back(f->object);
  EXPECT_NE(std::find(later.begin(), later.end(), "org:wto"), later.end());
  EXPECT_NE(std::find(later.begin(), later.end(), "org:eaeu"), later.end());
  // The seed attests the 1994 union only at its creation: no membership "since 1994".
  EXPECT_EQ(std::find(later.begin(), later.end(), "org:central-asian-economic-union"),
            later.end());
  // Kazakhstan and Kyrgyzstan share the 1994 union when it was created.
  auto shared = kb_->SharedMemberships("KGZ", "KAZ", D("1994-01"));
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].organization, "org:central-asian-economic-union");
  EXPECT_TRUE(kb_->SharedMemberships("KGZ", "KAZ", D("1995-01-01")).empty());
}

TEST_F(KgzUsaPackTest, ScaReportingChain) {
  auto chain = kb_->ReportingChain("agency:us-dos-sca", D("2017-07-01"));
  ASSERT_EQ(chain.size(), 4u);
  EXPECT_EQ(chain[1].entity, "office:us-dos-assistant-secretary-for-south-asian-affairs");
  EXPECT_EQ(chain[2].entity, "office:us-dos-under-secretary-for-political-affairs");
  EXPECT_EQ(chain[3].entity, "office:us-dos-secretary");
  ASSERT_EQ(chain[1].holders.size(), 1u);
  EXPECT_EQ(chain[1].holders[0]->subject, "person:wells-alice-g");
  EXPECT_EQ(chain[1].holders[0]->QualifierValue("acting"), "yes");
  // Before her term the office has no recorded holder.
  EXPECT_TRUE(kb_->ReportingChain("agency:us-dos-sca", D("2016-01-01"))[1].holders.empty());
}

TEST_F(KgzUsaPackTest, AgreementTerminatedJuly2015) {
  auto t = kb_->FactsOf("agr:kgz-usa-cooperation-1993", Relation::kAgreementTerminated);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->valid.start()->ToString(), "2015-07");
  EXPECT_EQ(t[0]->object, "KGZ");
  EXPECT_EQ(t[0]->sources.size(), 3u);
  // The dyad view for 2015 holds the award, the protest, the termination, the warning and
  // Kerry's visit, in order.
  DyadView v = kb_->Dyad("USA", "KGZ", Interval::Make(D("2015"), D("2015")).value());
  std::vector<std::string> ids;
  for (const Occurrence* o : v.occurrences) {
    if (o->when.start()->year() == 2015) ids.push_back(o->id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"occ:askarov-award-2015", "occ:kgz-protest-award-2015",
                                           "occ:kgz-ends-1993-agreement",
                                           "occ:us-aid-warning-2015", "occ:kerry-visit-2015"}));
}

TEST_F(KgzUsaPackTest, GallupFigures) {
  auto r = kb_->FactsOf("poll:gallup-2012-kgz", Relation::kPollResult);
  ASSERT_EQ(r.size(), 3u);
  int total = 0;
  for (const Fact* f : r) total += std::stoi(f->value);
  EXPECT_EQ(total, 100);
  EXPECT_EQ(r[0]->QualifierValue("answer"), "approve");
  EXPECT_EQ(r[0]->value, "34");
}

TEST_F(KgzUsaPackTest, ManasHostedAndOperated) {
  DyadView v = kb_->Dyad("KGZ", "USA", Interval::Point(D("2006-06-01")));
  int manas = 0;
  for (const Fact* f : v.facts) manas += f->subject == "inst:manas-transit-center";
  EXPECT_EQ(manas, 2);  // hosted by KGZ, operated by USA
  EXPECT_TRUE(kb_->Dyad("KGZ", "USA", Interval::Point(D("2000-06-01"))).occurrences.empty());
}

TEST_F(KgzUsaPackTest, UsStatementListsTheExceptions) {
  auto s = kb_->Statements("USA");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0]->QualifierValue("except"), "BTN,IRN,PRK,SYR");
  RelationsAnswer iran = kb_->Relations("USA", "IRN", D("2020-01-01"));
  EXPECT_EQ(iran.no_relations.size(), 1u);
  EXPECT_TRUE(iran.no_relations[0]->undated);
}

}  // namespace
}  // namespace dyad::kb
