// Queries as specifications, on small in-memory packs: every relation family and every
// query of KnowledgeBase.
#include <gtest/gtest.h>

#include "kb/knowledge_base.h"
#include "test_world.h"

namespace dyad::kb {
namespace {

Date D(std::string_view s) { return Date::ParseIso(s).value(); }

class QueriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = testing::TestWorld();
    pack_.sources.push_back(Source{"a", "Source A", "", "", "", {}, {}, "", "", {}});
    pack_.sources.push_back(Source{"b", "Source B", "", "", "", {}, {}, "", "", {}});
  }
  void AddEntity(std::string id, EntityKind kind, std::string owner = "",
                 std::string host = "") {
    Entity e;
    e.id = std::move(id);
    e.kind = kind;
    e.name = e.id;
    e.owner = std::move(owner);
    e.host = std::move(host);
    e.sources = {"a"};
    pack_.entities.push_back(std::move(e));
  }
  void AddFact(std::string subject, Relation r, std::string object, std::string valid,
               std::vector<Qualifier> q = {}, std::string source = "a", std::string value = "") {
    Fact f;
    f.subject = std::move(subject);
    f.relation = r;
    f.object = std::move(object);
    f.value = std::move(value);
    if (valid == "undated") {
      f.undated = true;
    } else if (valid.find('/') == std::string::npos) {
      f.valid = Interval::Point(D(valid));
    } else {
      f.valid = Interval::Parse(valid).value();
    }
    f.qualifiers = std::move(q);
    f.sources = {std::move(source)};
    pack_.facts.push_back(std::move(f));
  }
  const KnowledgeBase& Kb() {
    kb_ = KnowledgeBase::Build(*world_, {pack_}, &report_);
    EXPECT_TRUE(report_.clean()) << report_.Summary();
    return *kb_;
  }

  std::shared_ptr<const world::World> world_;
  PackData pack_;
  LoadReport report_;
  std::unique_ptr<KnowledgeBase> kb_;
};

TEST_F(QueriesTest, RelationsSeveredAndResumed) {
  AddFact("USA", Relation::kRelationsEstablished, "CUB", "1902-05-20");
  AddFact("USA", Relation::kRelationsSevered, "CUB", "1961-01-03");
  AddFact("CUB", Relation::kRelationsResumed, "USA", "2015-07-20");  // either direction
  const KnowledgeBase& kb = Kb();
  EXPECT_EQ(kb.Relations("USA", "CUB", D("1950")).state, RelationsAnswer::State::kInRelations);
  RelationsAnswer cut = kb.Relations("CUB", "USA", D("1980-06-01"));
  EXPECT_EQ(cut.state, RelationsAnswer::State::kNoRelations);
  ASSERT_NE(cut.last_break, nullptr);
  EXPECT_EQ(cut.last_break->valid.start()->ToString(), "1961-01-03");
  ASSERT_EQ(cut.later_claims.size(), 1u);  // the resumption, after `on`
  RelationsAnswer again = kb.Relations("USA", "CUB", D("2016"));
  EXPECT_EQ(again.state, RelationsAnswer::State::kInRelations);
  ASSERT_EQ(again.since.size(), 1u);
  EXPECT_EQ(again.since[0]->relation, Relation::kRelationsResumed);
  EXPECT_EQ(kb.Relations("USA", "CUB", D("1900")).state, RelationsAnswer::State::kUnknown);
}

// France 1942-1944: the historian records the break and, after it, a reopened embassy and
// an ambassador, but no "resumed" entry. Envoys of full rank after a break are evidence.
TEST_F(QueriesTest, FullRankEnvoyAfterABreakMeansRelationsResumed) {
  AddEntity("mission:usa-embassy-paris", EntityKind::kMission, "USA", "FRA");
  AddEntity("person:caffery", EntityKind::kPerson);
  AddEntity("person:charge", EntityKind::kPerson);
  AddFact("USA", Relation::kRelationsEstablished, "FRA", "1778-02-06");
  AddFact("USA", Relation::kRelationsSevered, "FRA", "1942-11-08");
  AddFact("person:charge", Relation::kChiefOfMission, "mission:usa-embassy-paris", "1943-01-01/1943-06-01",
          {{"role", "charge-daffaires-ad-interim"}});
  AddFact("person:caffery", Relation::kChiefOfMission, "mission:usa-embassy-paris", "1944-12-30/1949-05-10",
          {{"role", "ambassador-e-p"}});
  const KnowledgeBase& kb = Kb();
  RelationsAnswer before = kb.Relations("USA", "FRA", D("1944-06-01"));
  EXPECT_EQ(before.state, RelationsAnswer::State::kNoRelations);  // a chargé is not evidence
  EXPECT_FALSE(before.inferred);
  RelationsAnswer after = kb.Relations("FRA", "USA", D("1960"));
  EXPECT_EQ(after.state, RelationsAnswer::State::kInRelations);
  EXPECT_TRUE(after.inferred);
  ASSERT_EQ(after.evidence.size(), 1u);
  EXPECT_EQ(after.evidence[0]->subject, "person:caffery");
  EXPECT_TRUE(after.since.empty());
}

// The American Institute in Taiwan (the Database of Embassies' "de facto embassy", opened
// 1979-01-16) came after relations with the Republic of China ended: not evidence.
TEST_F(QueriesTest, ADeFactoEmbassyAfterABreakIsNoEvidenceOfRelations) {
  AddEntity("mission:ait", EntityKind::kMission, "USA", "CHN");
  AddEntity("mission:consulate", EntityKind::kMission, "USA", "CHN");
  pack_.entities[0].subkind = "de-facto-embassy";
  pack_.entities[1].subkind = "de-facto-consulate";
  AddFact("USA", Relation::kRelationsEstablished, "CHN", "1949-12-08");
  AddFact("USA", Relation::kRelationsSevered, "CHN", "1979-01-01");
  AddFact("mission:ait", Relation::kMissionOpened, "CHN", "1979-01-16");
  AddFact("mission:consulate", Relation::kMissionOpened, "CHN", "1980-01-16");
  const RelationsAnswer r = Kb().Relations("USA", "CHN", D("1990"));
  EXPECT_EQ(r.state, RelationsAnswer::State::kNoRelations);
  EXPECT_FALSE(r.inferred);
  EXPECT_TRUE(r.evidence.empty());
}

// A consulate is no evidence of diplomatic relations: consular relations outlive a break
// (Vienna Convention on Consular Relations, art. 2(3)); a high commission is.
TEST_F(QueriesTest, AConsulateIsNoEvidenceOfDiplomaticRelations) {
  AddEntity("mission:consulate", EntityKind::kMission, "KAZ", "UZB");
  pack_.entities[0].subkind = "consulate-general";
  AddFact("mission:consulate", Relation::kMissionOpened, "UZB", "1990-01-01");
  EXPECT_EQ(Kb().Relations("KAZ", "UZB", D("2000")).state, RelationsAnswer::State::kUnknown);
  AddEntity("mission:embassy", EntityKind::kMission, "KAZ", "UZB");
  pack_.entities[1].subkind = "high-commission";
  AddFact("mission:embassy", Relation::kMissionOpened, "UZB", "1995-01-01");
  const RelationsAnswer r = Kb().Relations("KAZ", "UZB", D("2000"));
  EXPECT_EQ(r.state, RelationsAnswer::State::kInRelations);
  ASSERT_EQ(r.evidence.size(), 1u);
  EXPECT_EQ(r.evidence[0]->subject, "mission:embassy");
}

// Russia and Ukraine (here Russia and Tajikistan, states of the test world): the Database
// of Embassies (current to 2022-11-16) still lists their embassies, opened in 1992; Ukraine
// broke relations in February 2022 and no bundled source says so. An inference from missions is as current as its evidence: asked about 2026, the
// answer rests on the last record and says so.
TEST_F(QueriesTest, InferenceFromMissionsStopsAtTheirSourcesCurrency) {
  pack_.sources[0].current_to = D("2022-11-16");
  AddEntity("mission:embassy", EntityKind::kMission, "RUS", "TJK");
  pack_.entities[0].subkind = "embassy";
  AddFact("mission:embassy", Relation::kMissionOpened, "TJK", "1992");
  const KnowledgeBase& kb = Kb();
  const RelationsAnswer then = kb.Relations("RUS", "TJK", D("2010"));
  EXPECT_TRUE(then.inferred);
  EXPECT_FALSE(then.beyond_currency);
  const RelationsAnswer now = kb.Relations("TJK", "RUS", D("2026-12-01"));
  EXPECT_EQ(now.state, RelationsAnswer::State::kInRelations);
  EXPECT_TRUE(now.inferred);
  EXPECT_TRUE(now.beyond_currency);
  ASSERT_TRUE(now.current_to.has_value());
  EXPECT_EQ(now.current_to->ToString(), "2022-11-16");
}

// India and Pakistan (here Kazakhstan and Uzbekistan): high commissions with no opening date, located in the capitals on the
// snapshot's day. That record is evidence from that day on, never before it.
TEST_F(QueriesTest, AMissionRecordedInASnapshotIsEvidenceFromTheSnapshotDayOn) {
  pack_.sources[0].current_to = D("2022-11-16");
  AddEntity("mission:hc", EntityKind::kMission, "KAZ", "UZB");
  pack_.entities[0].subkind = "high-commission";
  AddFact("mission:hc", Relation::kMissionLocatedAt, "", "2022-11-16");
  const KnowledgeBase& kb = Kb();
  EXPECT_EQ(kb.Relations("KAZ", "UZB", D("2020")).state, RelationsAnswer::State::kUnknown);
  const RelationsAnswer on = kb.Relations("KAZ", "UZB", D("2022-11-16"));
  EXPECT_EQ(on.state, RelationsAnswer::State::kInRelations);
  EXPECT_FALSE(on.beyond_currency);
  const RelationsAnswer later = kb.Relations("UZB", "KAZ", D("2025"));
  EXPECT_EQ(later.state, RelationsAnswer::State::kInRelations);
  EXPECT_TRUE(later.beyond_currency);
}

TEST_F(QueriesTest, SuspensionIsABreak) {
  AddFact("USA", Relation::kRelationsEstablished, "SYR", "1944-09-07");
  AddFact("USA", Relation::kRelationsSuspended, "SYR", "2012-02-06");
  EXPECT_EQ(Kb().Relations("SYR", "USA", D("2013")).state, RelationsAnswer::State::kNoRelations);
}

TEST_F(QueriesTest, DisagreeingEstablishmentDatesAreBothShown) {
  AddFact("USA", Relation::kRelationsEstablished, "KGZ", "1991-12-25", {}, "a");
  AddFact("USA", Relation::kRelationsEstablished, "KGZ", "1991-12-27", {}, "b");
  const KnowledgeBase& kb = Kb();
  RelationsAnswer a = kb.Relations("USA", "KGZ", D("2000"));
  ASSERT_EQ(a.since.size(), 2u);
  EXPECT_EQ(a.since[0]->sources[0], "a");
  EXPECT_EQ(a.since[1]->sources[0], "b");
  // On the 26th one source says yes, the other's date is still to come.
  RelationsAnswer mid = kb.Relations("USA", "KGZ", D("1991-12-26"));
  EXPECT_EQ(mid.since.size(), 1u);
  EXPECT_EQ(mid.later_claims.size(), 1u);
}

TEST_F(QueriesTest, DatedNoRelationsDisputesAnEstablishment) {
  AddFact("USA", Relation::kRelationsEstablished, "BTN", "1990");
  AddFact("USA", Relation::kNoRelations, "BTN", "2000/2010", {}, "b");
  AddFact("USA", Relation::kNoRelations, "IRN", "undated", {}, "b");
  const KnowledgeBase& kb = Kb();
  EXPECT_EQ(kb.Relations("USA", "BTN", D("2005")).state, RelationsAnswer::State::kDisputed);
  EXPECT_EQ(kb.Relations("USA", "BTN", D("2011")).state, RelationsAnswer::State::kInRelations);
  RelationsAnswer iran = kb.Relations("USA", "IRN", D("2005"));
  EXPECT_EQ(iran.state, RelationsAnswer::State::kUnknown);  // undated: listed, not asserted
  EXPECT_EQ(iran.no_relations.size(), 1u);
  EXPECT_EQ(kb.RelationsPartners("USA"), (std::vector<std::string>{"BTN", "IRN"}));
}

TEST_F(QueriesTest, EnvoyTermsVacancyAndImplicitEnd) {
  AddEntity("mission:m", EntityKind::kMission, "USA", "KGZ");
  AddEntity("person:a", EntityKind::kPerson, "USA");
  AddEntity("person:b", EntityKind::kPerson, "USA");
  AddEntity("person:c", EntityKind::kPerson, "USA");
  AddFact("person:a", Relation::kChiefOfMission, "mission:m", "1992-02-01/..",
          {{"role", "charge-daffaires-ad-interim"}});
  AddFact("person:b", Relation::kChiefOfMission, "mission:m", "1992-09-17/1994-10-11",
          {{"role", "ambassador-e-p"}, {"appointed", "1992-08-11"}});
  AddFact("mission:m", Relation::kPostVacant, "", "1994-10-12/1995-01-31");
  AddFact("person:c", Relation::kChiefOfMission, "mission:m", "1995-02-01/..",
          {{"role", "ambassador-e-p"}});
  const KnowledgeBase& kb = Kb();
  EnvoyAnswer first = kb.Envoy("USA", "KGZ", D("1992-05-01"));
  ASSERT_EQ(first.heads.size(), 1u);
  EXPECT_EQ(first.heads[0].fact->subject, "person:a");
  EXPECT_TRUE(first.heads[0].implicit_end);
  EXPECT_EQ(first.heads[0].end->ToString(), "1992-09-16");
  EnvoyAnswer second = kb.Envoy("USA", "KGZ", D("1993-01-01"));
  ASSERT_EQ(second.heads.size(), 1u);
  EXPECT_EQ(second.heads[0].fact->subject, "person:b");
  EXPECT_EQ(second.heads[0].fact->QualifierValue("appointed"), "1992-08-11");
  EnvoyAnswer gap = kb.Envoy("USA", "KGZ", D("1994-12-01"));
  EXPECT_TRUE(gap.heads.empty());
  ASSERT_EQ(gap.vacant.size(), 1u);
  EXPECT_EQ(gap.previous->fact->subject, "person:b");
  EXPECT_EQ(gap.next->fact->subject, "person:c");
  EnvoyAnswer now = kb.Envoy("USA", "KGZ", D("2020-01-01"));
  ASSERT_EQ(now.heads.size(), 1u);
  EXPECT_FALSE(now.heads[0].end.has_value());
  // A year-precision date lists everyone who served in it.
  EXPECT_EQ(kb.Envoy("USA", "KGZ", D("1992")).heads.size(), 2u);
  EXPECT_TRUE(kb.Envoy("KGZ", "USA", D("1993")).missions.empty());
}

TEST_F(QueriesTest, OpenStartBeginsAfterThePreviousTerm) {
  AddEntity("mission:m", EntityKind::kMission, "USA", "KGZ");
  AddEntity("person:a", EntityKind::kPerson, "USA");
  AddEntity("person:b", EntityKind::kPerson, "USA");
  AddFact("person:a", Relation::kChiefOfMission, "mission:m", "1992-09-17/1994-10-11",
          {{"role", "ambassador-e-p"}});
  AddFact("person:b", Relation::kChiefOfMission, "mission:m", "../1995-01-31",
          {{"role", "charge-daffaires-ad-interim"}, {"arrived", "1994-10-20"}});
  const KnowledgeBase& kb = Kb();  // an open start never overlaps definitely
  EnvoyAnswer e = kb.Envoy("USA", "KGZ", D("1994-12-01"));
  ASSERT_EQ(e.heads.size(), 1u);
  EXPECT_EQ(e.heads[0].fact->subject, "person:b");
  EXPECT_TRUE(e.heads[0].implicit_start);
  EXPECT_EQ(e.heads[0].start->ToString(), "1994-10-12");
  EXPECT_EQ(kb.Envoy("USA", "KGZ", D("1993-01-01")).heads.size(), 1u);  // a only
  EXPECT_EQ(kb.Dyad("USA", "KGZ", Interval::Point(D("1993-01-01"))).facts.size(), 1u);
}

TEST_F(QueriesTest, MembershipsAndSharedMemberships) {
  AddEntity("org:un", EntityKind::kOrganization);
  AddEntity("org:osce", EntityKind::kOrganization);
  AddFact("KGZ", Relation::kMemberOf, "org:un", "1992-03-02/..");
  AddFact("KGZ", Relation::kMemberOf, "org:osce", "1992-01-30/..");
  AddFact("USA", Relation::kMemberOf, "org:un", "1945-10-24/..");
  AddFact("PSE", Relation::kObserverOf, "org:un", "2012-11-29/..");
  const KnowledgeBase& kb = Kb();
  EXPECT_EQ(kb.Memberships("KGZ", D("1992-02-01")).size(), 1u);
  EXPECT_EQ(kb.Memberships("KGZ", D("1993")).size(), 2u);
  auto shared = kb.SharedMemberships("KGZ", "USA", D("1993"));
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].organization, "org:un");
  EXPECT_TRUE(kb.SharedMemberships("KGZ", "USA", D("1992-02")).empty());
  EXPECT_TRUE(kb.SharedMemberships("PSE", "USA", D("2015")).empty());  // observer only
  EXPECT_EQ(kb.Memberships("PSE", D("2015"))[0]->relation, Relation::kObserverOf);
}

TEST_F(QueriesTest, MissionsAndTheirFacts) {
  AddEntity("mission:m", EntityKind::kMission, "USA", "KGZ");
  AddEntity("place:bishkek", EntityKind::kPlace, "", "KGZ");
  AddFact("mission:m", Relation::kMissionOpened, "KGZ", "1992-02-01");
  AddFact("mission:m", Relation::kMissionLocatedAt, "place:bishkek", "1992-02-01/..", {}, "a",
          "171 Prospect Mira");
  AddFact("mission:m", Relation::kMissionClosed, "", "2099-01-01");
  auto missions = Kb().Missions("USA", "KGZ");
  ASSERT_EQ(missions.size(), 1u);
  ASSERT_EQ(missions[0].facts.size(), 3u);
  EXPECT_EQ(missions[0].facts[0]->relation, Relation::kMissionOpened);
  EXPECT_EQ(missions[0].facts[2]->relation, Relation::kMissionClosed);
}

TEST_F(QueriesTest, ReportingChainFollowsDatesAndStopsOnCycles) {
  AddEntity("agency:bureau", EntityKind::kAgency, "USA");
  AddEntity("office:asst", EntityKind::kOffice, "USA");
  AddEntity("office:under", EntityKind::kOffice, "USA");
  AddEntity("office:sec", EntityKind::kOffice, "USA");
  AddEntity("person:x", EntityKind::kPerson, "USA");
  AddFact("agency:bureau", Relation::kHeadedBy, "office:asst", "1992-08-24/..");
  AddFact("office:asst", Relation::kReportsTo, "office:under", "2000/..");
  AddFact("office:asst", Relation::kReportsTo, "office:sec", "1992/1999");
  AddFact("office:under", Relation::kReportsTo, "office:sec", "undated");
  AddFact("office:sec", Relation::kReportsTo, "office:asst", "undated");  // a cycle
  AddFact("person:x", Relation::kHoldsOffice, "office:asst", "2017-06-26/..", {{"acting", "yes"}});
  const KnowledgeBase& kb = Kb();
  auto now = kb.ReportingChain("agency:bureau", D("2018"));
  ASSERT_EQ(now.size(), 4u);
  EXPECT_EQ(now[2].entity, "office:under");
  EXPECT_EQ(now[3].entity, "office:sec");
  EXPECT_EQ(now[1].holders.size(), 1u);
  auto then = kb.ReportingChain("office:asst", D("1995"));
  ASSERT_EQ(then.size(), 2u);
  EXPECT_EQ(then[1].entity, "office:sec");
  EXPECT_EQ(then[1].link->valid.ToString(), "1992/1999");
}

TEST_F(QueriesTest, DyadViewCollectsThroughEntitiesAndOccurrences) {
  AddEntity("inst:base", EntityKind::kInstallation, "USA", "KGZ");
  AddEntity("agr:t", EntityKind::kAgreement);
  AddEntity("poll:p", EntityKind::kPoll, "", "KGZ");
  AddFact("inst:base", Relation::kInstallationOpened, "", "2001-12");
  AddFact("inst:base", Relation::kInstallationHostedBy, "KGZ", "2001-12/2014-06");
  AddFact("inst:base", Relation::kInstallationClosed, "", "2014-06");
  AddFact("KGZ", Relation::kPartyTo, "agr:t", "1993/2015-07");
  AddFact("USA", Relation::kPartyTo, "agr:t", "1993/2015-07");
  AddFact("agr:t", Relation::kAgreementTerminated, "KGZ", "2015-07");
  AddFact("poll:p", Relation::kPollResult, "USA", "2012", {{"answer", "approve"}}, "a", "34");
  AddFact("USA", Relation::kAssistance, "KGZ", "undated", {}, "a", "health");
  AddFact("KGZ", Relation::kCurrency, "", "1993-05/..", {}, "a", "som");
  Occurrence o;
  o.id = "occ:v";
  o.kind = "visit";
  o.when = Interval::Point(D("2015-10-31"));
  o.cameo = "042";
  o.summary = "visit";
  o.sources = {"a"};
  o.participants = {{"USA", "visitor", {"a"}, {}}, {"KGZ", "host", {"a"}, {}}};
  pack_.occurrences.push_back(o);
  const KnowledgeBase& kb = Kb();
  DyadView all = kb.Dyad("KGZ", "USA", Interval::Always());
  EXPECT_EQ(all.facts.size(), 8u);  // not the currency: it involves KGZ only
  EXPECT_TRUE(all.facts.back()->undated);
  EXPECT_EQ(all.occurrences.size(), 1u);
  DyadView y2015 = kb.Dyad("USA", "KGZ", Interval::Point(D("2015")));
  EXPECT_EQ(y2015.facts.size(), 4u);  // two party_to, the termination, undated assistance
  EXPECT_EQ(kb.StatesOf("agr:t"), (std::vector<std::string>{"KGZ", "USA"}));
}

TEST(Model, RelationTableMatchesEnumAndNames) {
  ASSERT_EQ(AllRelations().size(), static_cast<size_t>(kRelationCount));
  for (int i = 0; i < kRelationCount; ++i) {
    const RelationInfo& info = AllRelations()[i];
    EXPECT_EQ(static_cast<int>(info.relation), i) << info.name;
    EXPECT_EQ(ParseRelation(info.name), info.relation);
    EXPECT_NE(info.subject_kinds, 0u) << info.name;
    EXPECT_EQ(info.object_rule == ObjectRule::kNone, info.object_kinds == 0u) << info.name;
  }
  EXPECT_FALSE(ParseRelation("befriended").has_value());
  for (int k = 0; k < kEntityKindCount; ++k) {
    EXPECT_EQ(ParseEntityKind(EntityKindName(static_cast<EntityKind>(k))),
              static_cast<EntityKind>(k));
  }
  EXPECT_EQ(RoleTitle("ambassador-e-p"), "Ambassador Extraordinary and Plenipotentiary");
  EXPECT_TRUE(IsChargeRole("charge-daffaires-ad-interim"));
  EXPECT_FALSE(IsChargeRole("ambassador-e-p"));
}

}  // namespace
}  // namespace dyad::kb
