// The dossier's pair sections (report/pair_sections.h) as specifications: small in-memory
// packs for missions, leaders, treaties and memberships; the bundled relations pack
// (data/relations) for alliances, disputes and geography.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "kb/knowledge_base.h"
#include "report/dossier.h"
#include "report/pair_sections.h"

namespace dyad::report {
namespace {

using kb::EntityKind;
using kb::Relation;

Date D(std::string_view s) { return Date::ParseIso(s).value(); }

class PairSectionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto w = world::World::LoadDefault();
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    world_ = *w;
    kb::Source emb{"emb", "Embassies snapshot", "", "", "", D("2022-11-16"), {}, "CC0-1.0", "", {}};
    kb::Source fb{"fb", "Factbook", "", "", "", D("2026-01-22"), {}, "", "", {}};
    kb::Source reign{"reign", "REIGN", "", "", "", D("2021-03"), {}, "", "", {}};
    reign.current_to = D("2021-03");
    kb::Source tr{"tr", "Treaties", "", "", "", {}, {}, "", "", {}};
    pack_.sources = {emb, fb, reign, tr};
  }
  void Entity(std::string id, EntityKind kind, std::string owner = "", std::string host = "",
              std::string subkind = "", std::string source = "emb") {
    kb::Entity e;
    e.id = id;
    e.kind = kind;
    e.name = "name of " + id;
    e.owner = std::move(owner);
    e.host = std::move(host);
    e.subkind = std::move(subkind);
    e.sources = {std::move(source)};
    pack_.entities.push_back(std::move(e));
  }
  void Fact(std::string subject, Relation r, std::string object, std::string valid, std::string source = "emb",
            std::string value = "", std::vector<kb::Qualifier> q = {}) {
    kb::Fact f;
    f.subject = std::move(subject);
    f.relation = r;
    f.object = std::move(object);
    f.value = std::move(value);
    f.valid = valid.find('/') == std::string::npos ? Interval::Point(D(valid)) : Interval::Parse(valid).value();
    f.qualifiers = std::move(q);
    f.sources = {std::move(source)};
    pack_.facts.push_back(std::move(f));
  }
  Dossier Build(const std::string& a, const std::string& b, const std::string& on, bool with_relations = false) {
    kb_ = kb::KnowledgeBase::Build(*world_, {pack_}, &report_);
    EXPECT_TRUE(report_.clean()) << report_.Summary();
    DossierRequest req;
    req.a = world_->Find(a);
    req.b = world_->Find(b);
    req.as_of = D(on);
    if (with_relations) {
      auto rel = relations::Relations::OpenDefault();
      if (rel.ok()) rel_ = *rel;
      req.relations = rel_.get();
    }
    auto d = BuildDossier(*world_, *kb_, req);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : Dossier{};
  }
  bool HaveRelations() {
    auto rel = relations::Relations::OpenDefault();
    return rel.ok() && (*rel)->table("atop") != nullptr && (*rel)->table("contiguity") != nullptr;
  }

  std::shared_ptr<const world::World> world_;
  kb::PackData pack_;
  kb::LoadReport report_;
  std::unique_ptr<kb::KnowledgeBase> kb_;
  std::shared_ptr<const relations::Relations> rel_;
};


TEST_F(PairSectionsTest, MissionsBothWaysIncludeAccreditationFromAThirdCountry) {
  Entity("place:london", EntityKind::kPlace, "", "GBR", "city");
  Entity("place:dakar", EntityKind::kPlace, "", "SEN", "city");
  Entity("mission:gmb-london", EntityKind::kMission, "GMB", "GBR", "high-commission");
  Entity("mission:isr-dakar", EntityKind::kMission, "ISR", "SEN", "embassy");
  Fact("mission:gmb-london", Relation::kMissionLocatedAt, "place:london", "2022-11-16", "emb", "48 Queen's Gate");
  Fact("mission:gmb-london", Relation::kAccreditedTo, "ISR", "2022-11-16");
  Fact("mission:isr-dakar", Relation::kMissionLocatedAt, "place:dakar", "2022-11-16");
  Fact("mission:isr-dakar", Relation::kAccreditedTo, "GMB", "2022-11-16");
  Fact("mission:isr-dakar", Relation::kAccreditedTo, "GIN", "2022-11-16");
  Dossier d = Build("GMB", "ISR", "2024-01-01");
  const PairMissions& m = d.pairs.missions;
  ASSERT_TRUE(m.available);
  ASSERT_EQ(m.sides[0].missions.size(), 1u);
  const PairMission& london = m.sides[0].missions[0];
  EXPECT_FALSE(london.resident);
  EXPECT_EQ(london.seat, "GBR");
  EXPECT_EQ(london.city, "name of place:london");
  EXPECT_EQ(london.address.value_or(""), "48 Queen's Gate");
  EXPECT_TRUE(london.also_accredited.empty()) << "the receiving state itself is not 'also'";
  ASSERT_EQ(m.sides[1].missions.size(), 1u);
  EXPECT_EQ(m.sides[1].missions[0].also_accredited, std::vector<std::string>{"Guinea"});
  ASSERT_TRUE(m.current_to.has_value());
  EXPECT_EQ(m.current_to->ToString(), "2022-11-16");
  ASSERT_EQ(london.cite.size(), 1u);
  EXPECT_EQ(d.sources[london.cite[0] - 1].id, "emb");
}

TEST_F(PairSectionsTest, MissionsCountOnlyWhileOpenOnTheDate) {
  Entity("mission:gmb-telaviv", EntityKind::kMission, "GMB", "ISR", "embassy");
  Fact("mission:gmb-telaviv", Relation::kMissionOpened, "", "1990-05-01");
  Fact("mission:gmb-telaviv", Relation::kMissionClosed, "", "2000-01-01");
  Entity("mission:gmb-london", EntityKind::kMission, "GMB", "GBR", "high-commission");
  Fact("mission:gmb-london", Relation::kAccreditedTo, "ISR", "2022-11-16");
  EXPECT_TRUE(Build("GMB", "ISR", "1989-01-01").pairs.missions.sides[0].missions.empty()) << "not yet opened";
  std::vector<PairMission> in1995 = Build("GMB", "ISR", "1995-01-01").pairs.missions.sides[0].missions;
  ASSERT_EQ(in1995.size(), 1u) << "the 2022 accreditation is not known in 1995";
  EXPECT_EQ(in1995[0].id, "mission:gmb-telaviv");
  EXPECT_TRUE(in1995[0].resident);
  std::vector<PairMission> in2023 = Build("GMB", "ISR", "2023-01-01").pairs.missions.sides[0].missions;
  ASSERT_EQ(in2023.size(), 1u) << "closed in 2000";
  EXPECT_EQ(in2023[0].id, "mission:gmb-london");
}

TEST_F(PairSectionsTest, LeadersPastEveryDatasetsCurrencyAreTheLastRecordedAndSaySo) {
  Entity("person:fb-barrow", EntityKind::kPerson, "GMB", "", "", "fb");
  Entity("person:reign-barrow", EntityKind::kPerson, "GMB", "", "", "reign");
  Entity("person:reign-jammeh", EntityKind::kPerson, "GMB", "", "", "reign");
  Fact("person:fb-barrow", Relation::kLeaderOf, "GMB", "2017-01-19/..", "fb", "President", {{"role", "chief-of-state"}});
  Fact("person:reign-barrow", Relation::kLeaderOf, "GMB", "2017-01-19/..", "reign", "", {{"role", "effective-leader"}});
  Fact("person:reign-jammeh", Relation::kLeaderOf, "GMB", "1994-07-22/2017-01-19", "reign", "", {{"role", "effective-leader"}});
  Dossier late = Build("GMB", "ISR", "2026-06-01");
  ASSERT_TRUE(late.pairs.leaders.available);
  const std::vector<PairLeader>& now = late.pairs.leaders.sides[0].leaders;
  ASSERT_EQ(now.size(), 1u) << "only the most current dataset answers past every currency";
  EXPECT_EQ(now[0].person, "name of person:fb-barrow");
  EXPECT_EQ(now[0].title, "President");
  EXPECT_TRUE(now[0].beyond_currency);
  EXPECT_EQ(now[0].current_to->ToString(), "2026-01-22");
  EXPECT_NE(RenderMarkdown(late).find("last recorded 2026-01-22, not known after"), std::string::npos);
  std::vector<PairLeader> in2019 = Build("GMB", "ISR", "2019-01-01").pairs.leaders.sides[0].leaders;
  EXPECT_EQ(in2019.size(), 2u) << "both datasets cover 2019";
  for (const PairLeader& l : in2019) EXPECT_FALSE(l.beyond_currency);
  std::vector<PairLeader> in2000 = Build("GMB", "ISR", "2000-01-01").pairs.leaders.sides[0].leaders;
  ASSERT_EQ(in2000.size(), 1u);
  EXPECT_EQ(in2000[0].person, "name of person:reign-jammeh");
  EXPECT_TRUE(Build("GMB", "ISR", "2000-01-01").pairs.leaders.sides[1].leaders.empty());
}

TEST_F(PairSectionsTest, TreatiesListBilateralOnesAndCountMultilateralOnesBothJoinedByTheDate) {
  Entity("agr:fra-deu_1963", EntityKind::kAgreement, "", "", "bilateral", "tr");
  Entity("agr:multi_1990", EntityKind::kAgreement, "", "", "multilateral", "tr");
  Entity("agr:multi_2005", EntityKind::kAgreement, "", "", "multilateral", "tr");
  Fact("FRA", Relation::kPartyTo, "agr:fra-deu_1963", "1963-01-22/..", "tr", "", {{"signed", "1963-01-22"}, {"in_force", "1963-07-02"}});
  Fact("DEU", Relation::kPartyTo, "agr:fra-deu_1963", "1963-01-22/..", "tr", "", {{"signed", "1963-01-22"}});
  Fact("FRA", Relation::kPartyTo, "agr:multi_1990", "1990-01-01/..", "tr");
  Fact("DEU", Relation::kPartyTo, "agr:multi_1990", "1991-01-01/..", "tr");
  Fact("FRA", Relation::kPartyTo, "agr:multi_2005", "2005-01-01/..", "tr");
  Fact("DEU", Relation::kPartyTo, "agr:multi_2005", "2006-01-01/..", "tr");
  Dossier d = Build("FRA", "DEU", "2005-06-01");
  const PairTreaties& t = d.pairs.treaties;
  ASSERT_EQ(t.bilateral.size(), 1u);
  EXPECT_EQ(t.bilateral[0].signed_on->ToString(), "1963-01-22");
  EXPECT_EQ(t.bilateral[0].in_force->ToString(), "1963-07-02");
  EXPECT_EQ(t.multilateral_both, 1) << "Germany joined the 2005 treaty only in 2006";
  EXPECT_EQ(Build("FRA", "DEU", "2007-01-01").pairs.treaties.multilateral_both, 2);
  EXPECT_TRUE(Build("FRA", "DEU", "1960-01-01").pairs.treaties.bilateral.empty());
}

// Regression: the FRA–DEU timeline listed "Belgium is a party to …" for every treaty of
// three to eight parties both joined; a third state's facts are not about the pair.
TEST_F(PairSectionsTest, TheTimelineHoldsNoFactOfAThirdStateToASmallTreatyBothJoined) {
  Entity("agr:rhine_1868", EntityKind::kAgreement, "", "", "multilateral", "tr");
  for (const char* party : {"FRA", "DEU", "BEL", "CHE"}) Fact(party, Relation::kPartyTo, "agr:rhine_1868", "1950-01-01/..", "tr");
  Dossier d = Build("FRA", "DEU", "2005-06-01");
  std::set<std::string> subjects;
  for (const TimelineYear& y : d.timeline)
    for (const TimelineItem& item : y.items)
      if (item.fact) subjects.insert(item.fact->subject);
  // A multilateral treaty both joined is no timeline line at all (issue 9): the agreements
  // section lists it, as one agreement of the pair.
  EXPECT_TRUE(subjects.empty());
  ASSERT_EQ(d.agreements.size(), 1u);
  EXPECT_TRUE(d.agreements[0].multilateral);
}

TEST_F(PairSectionsTest, SharedOrganisationsAreThoseBothBelongTo) {
  Entity("org:un", EntityKind::kOrganization, "", "", "", "fb");
  Entity("org:nato", EntityKind::kOrganization, "", "", "", "fb");
  Fact("FRA", Relation::kMemberOf, "org:un", "2026-01-22", "fb");
  Fact("DEU", Relation::kMemberOf, "org:un", "2026-01-22", "fb");
  Fact("FRA", Relation::kMemberOf, "org:nato", "2026-01-22", "fb");
  Dossier d = Build("FRA", "DEU", "2026-06-01");
  EXPECT_EQ(d.pairs.igos.shared, std::vector<std::string>{"name of org:un"});
  EXPECT_EQ(d.pairs.igos.factbook_recorded->ToString(), "2026-01-22");
  EXPECT_TRUE(Build("FRA", "DEU", "2020-01-01").pairs.igos.shared.empty()) << "listed only from 2026-01-22";
}

TEST_F(PairSectionsTest, FranceGermanyAlliancesNeighboursAndDistanceFromTheBundledDatasets) {
  if (!HaveRelations()) GTEST_SKIP() << "bundled relations pack absent";
  Dossier d = Build("FRA", "DEU", "2010-06-01", true);
  const PairAlliances& a = d.pairs.alliances;
  ASSERT_TRUE(a.available);
  EXPECT_EQ(a.year, 2010);
  EXPECT_FALSE(a.beyond_currency);
  EXPECT_TRUE(a.on_date[0][0] && a.on_date[1][0]) << "NATO: defense both ways";
  EXPECT_FALSE(a.history.empty());
  for (const AllianceSpell& s : a.history) EXPECT_LE(s.to, 2010);
  const PairGeography& g = d.pairs.geography;
  EXPECT_EQ(g.contiguity_type, 1) << "a land border";
  ASSERT_TRUE(g.distance_km.has_value());
  EXPECT_NEAR(*g.distance_km, 878, 30) << "Paris–Berlin";
  EXPECT_GT(g.contiguity.cite, 0);
  Dossier late = Build("FRA", "DEU", "2026-06-01", true);
  EXPECT_TRUE(late.pairs.alliances.beyond_currency);
  EXPECT_EQ(late.pairs.alliances.year, 2018) << "ATOP's last year";
  EXPECT_TRUE(late.pairs.geography.contiguity_beyond);
}

TEST_F(PairSectionsTest, IndiaPakistanDisputesAndConflictsStopAtTheDossiersYear) {
  if (!HaveRelations()) GTEST_SKIP() << "bundled relations pack absent";
  Dossier d = Build("IND", "PAK", "1970-01-01", true);
  const PairConflicts& k = d.pairs.conflicts;
  ASSERT_FALSE(k.disputes.empty());
  for (const PairDispute& x : k.disputes) EXPECT_LE(x.last_year, 1970);
  EXPECT_GT(k.mid.cite, 0);
  EXPECT_GT(Build("IND", "PAK", "2014-12-31", true).pairs.conflicts.disputes.size(), k.disputes.size());
  std::string md = RenderMarkdown(d);
  EXPECT_NE(md.find("COW MID records"), std::string::npos) << "the overview summarises the disputes";
}

TEST_F(PairSectionsTest, EmptySectionsSayNoneBrieflyAndEveryRendererShowsTheSections) {
  Dossier d = Build("GMB", "ISR", "2024-01-01");
  std::string md = RenderMarkdown(d), html = RenderHtml(d), json = RenderJson(d);
  EXPECT_NE(md.find("## Between the two states"), std::string::npos);
  EXPECT_NE(md.find("None recorded."), std::string::npos);
  EXPECT_NE(md.find("holds no data on missions (embassies), leaders, treaties"), std::string::npos) << md;
  EXPECT_NE(html.find("id=\"pairs\""), std::string::npos);
  EXPECT_NE(json.find("\"pairs\""), std::string::npos);
  EXPECT_FALSE(d.pairs.alliances.available) << "no relations pack given";
  EXPECT_FALSE(d.pairs.note.empty());
}

TEST_F(PairSectionsTest, OverviewSummarisesLeadersAndMissionsWithCitations) {
  Entity("person:fb-barrow", EntityKind::kPerson, "GMB", "", "", "fb");
  Fact("person:fb-barrow", Relation::kLeaderOf, "GMB", "2017-01-19/..", "fb", "President", {{"role", "chief-of-state"}});
  Entity("mission:gmb-london", EntityKind::kMission, "GMB", "GBR", "high-commission");
  Fact("mission:gmb-london", Relation::kAccreditedTo, "ISR", "2022-11-16");
  Dossier d = Build("GMB", "ISR", "2024-01-01");
  std::string summary = PlainText(d.overview.summary);
  EXPECT_NE(summary.find("The Gambia's leaders on 2024-01-01: name of person:fb-barrow (President) ["), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("The Gambia covers Israel from its high commission"), std::string::npos) << summary;
  EXPECT_NE(summary.find("No mission of Israel in or accredited to the Gambia is recorded"), std::string::npos) << summary;
}

// A bug: "Donald J. TRUMP (President), Donald J. TRUMP (President)": the Factbook lists a
// president who is chief of state and head of government once per role. One entry, both roles.
TEST_F(PairSectionsTest, AHeadOfStateWhoIsAlsoHeadOfGovernmentIsListedOnceWithBothRoles) {
  Entity("person:fb-trump", EntityKind::kPerson, "USA", "", "", "fb");
  Fact("person:fb-trump", Relation::kLeaderOf, "USA", "2025-01-20/..", "fb", "President", {{"role", "chief-of-state"}});
  Fact("person:fb-trump", Relation::kLeaderOf, "USA", "2025-01-20/..", "fb", "President", {{"role", "head-of-government"}});
  Dossier d = Build("KGZ", "USA", "2025-06-01");
  const std::vector<PairLeader>& us = d.pairs.leaders.sides[1].leaders;
  ASSERT_EQ(us.size(), 1u);
  EXPECT_EQ(us[0].roles, (std::vector<std::string>{"chief-of-state", "head-of-government"}));
  std::string summary = PlainText(d.overview.summary);
  EXPECT_NE(summary.find("2025-06-01: name of person:fb-trump (President) ["), std::string::npos) << summary;
  EXPECT_NE(RenderMarkdown(d).find("President (chief-of-state, head-of-government)"), std::string::npos);
  EXPECT_NE(RenderJson(d).find("\"roles\": [\n"), std::string::npos);
}

// Two bugs: GPTAD's and DESTA's records of one Kyrgyzstan–Russia agreement of 1992 were two
// bilateral treaties, and the curated pack's "bilateral-treaty" was counted as multilateral.
TEST_F(PairSectionsTest, OneTreatyInTwoDatasetsIsOneEntryAndACuratedBilateralTreatyIsBilateral) {
  Entity("agr:gptad_1992", EntityKind::kAgreement, "", "", "bilateral", "tr");
  Entity("agr:desta_1992", EntityKind::kAgreement, "", "", "bilateral", "tr");
  Entity("agr:seed-1993", EntityKind::kAgreement, "", "", "bilateral-treaty", "fb");
  pack_.entities[0].name = pack_.entities[1].name = "Kyrgyzstan Russia";
  for (const char* id : {"agr:gptad_1992", "agr:desta_1992"})
    for (const char* party : {"KGZ", "RUS"}) Fact(party, Relation::kPartyTo, id, "1992-10-09/..", "tr", "", {{"signed", "1992-10-09"}});
  Fact("KGZ", Relation::kPartyTo, "agr:seed-1993", "1993-01-01/..", "fb");
  Fact("RUS", Relation::kPartyTo, "agr:seed-1993", "1993-01-01/..", "fb");
  Dossier d = Build("KGZ", "RUS", "2000-01-01");
  const PairTreaties& t = d.pairs.treaties;
  ASSERT_EQ(t.bilateral.size(), 2u);
  EXPECT_EQ(t.bilateral[0].name, "Kyrgyzstan Russia");
  EXPECT_EQ(t.bilateral[1].id, "agr:seed-1993");
  EXPECT_EQ(t.multilateral_both, 0);
}

// A bug: a holder the Factbook names without a "since" date is recorded only on the
// edition date, and the pair section read that record as the start of the term
// ("HANS-ADAM II, Prince, since 2026-01-22"; Lesotho's and Niue's prime ministers, Haiti's
// and Madagascar's heads of state). The edition date is the source's currency: "as listed
// on 2026-01-22, no start date given", never "since".
TEST_F(PairSectionsTest, ALeaderListedOnlyOnTheEditionDateIsAsListedNotSince) {
  for (const char* state : {"LIE", "LSO", "NIU"}) {
    std::string id = std::string("person:fb-") + state;
    Entity(id, EntityKind::kPerson, state, "", "", "fb");
    Fact(id, Relation::kLeaderOf, state, "2026-01-22", "fb", "Prince", {{"role", "chief-of-state"}});
  }
  Entity("person:fb-aut", EntityKind::kPerson, "AUT", "", "", "fb");
  Fact("person:fb-aut", Relation::kLeaderOf, "AUT", "2017-01-26/..", "fb", "President", {{"role", "chief-of-state"}});
  for (const char* state : {"LIE", "LSO", "NIU"}) {
    Dossier d = Build(state, "AUT", "2026-12-01");
    ASSERT_EQ(d.pairs.leaders.sides[0].leaders.size(), 1u) << state;
    const PairLeader& l = d.pairs.leaders.sides[0].leaders[0];
    EXPECT_FALSE(l.start) << state;
    ASSERT_TRUE(l.listed) << state;
    EXPECT_EQ(l.listed->ToString(), "2026-01-22");
    const PairLeader& aut = d.pairs.leaders.sides[1].leaders.at(0);
    EXPECT_EQ(aut.start->ToString(), "2017-01-26");
    EXPECT_FALSE(aut.listed);
    for (const std::string& out : {RenderMarkdown(d), RenderHtml(d)}) {
      EXPECT_NE(out.find("Prince (chief-of-state), as listed on 2026-01-22, no start date given; not known after"),
                std::string::npos) << state;
      EXPECT_EQ(out.find("since 2026-01-22"), std::string::npos) << state;
      EXPECT_NE(out.find("since 2017-01-26; last recorded 2026-01-22, not known after"), std::string::npos);
    }
    EXPECT_NE(RenderJson(d).find("\"listed\": \"2026-01-22\""), std::string::npos);
  }
}

// A bug: a bilateral treaty was listed twice in one dossier, under Agreements (its
// signature and entry into force, cited) and again in the pair section's table. It is one
// entry, under Agreements, with every citation; the pair section counts it and points there.
TEST_F(PairSectionsTest, ABilateralTreatyListedUnderAgreementsIsNotListedAgainInThePairSection) {
  for (auto [a, b] : {std::pair("KGZ", "RUS"), std::pair("FRA", "DEU"), std::pair("GMB", "ISR")}) {
    pack_.entities.clear();
    pack_.facts.clear();
    std::string id = std::string("agr:") + a + "-" + b;
    Entity(id, EntityKind::kAgreement, "", "", "bilateral", "tr");
    for (const char* party : {a, b}) Fact(party, Relation::kPartyTo, id, "1995-06-08/..", "tr", "", {{"signed", "1995-06-08"}});
    Fact(id, Relation::kAgreementSigned, "", "1995-06-08", "tr");
    Dossier d = Build(a, b, "2000-01-01");
    ASSERT_EQ(d.pairs.treaties.bilateral.size(), 1u) << a << b;
    ASSERT_TRUE(InAgreements(d, d.pairs.treaties.bilateral[0])) << a << b;
    std::string md = RenderMarkdown(d);
    size_t pair_section = md.find("## Between the two states");
    ASSERT_NE(pair_section, std::string::npos);
    EXPECT_EQ(md.find("name of " + id, pair_section), std::string::npos) << "listed twice: " << a << b;
    EXPECT_NE(md.find("name of " + id), std::string::npos) << "listed under Agreements";
    EXPECT_NE(md.find("1 bilateral treaty is recorded; it is listed under Agreements, once, with its citations."),
              std::string::npos) << md.substr(pair_section);
    EXPECT_NE(RenderJson(d).find("\"in_agreements\": true"), std::string::npos);
  }
}

// A bug: "Brezhnev, Brezhnev" in the Soviet Union–United States dossier as of 1980, and
// "G.H.W. Bush, Bush" as of 1991: Archigos and REIGN name one holder each, and the pair
// section listed them once per dataset. One person once, every dataset cited.
TEST_F(PairSectionsTest, OneLeaderInTwoDatasetsIsListedOnceWithBothSources) {
  kb::Source archigos{"archigos", "Archigos", "", "", "", D("2015-12-31"), {}, "", "", {}};
  archigos.current_to = D("2015-12-31");
  pack_.sources.push_back(archigos);
  for (auto [id, src, name] : {std::tuple("person:a-brezhnev", "archigos", "Brezhnev"),
                               std::tuple("person:r-brezhnev", "reign", "Brezhnev"),
                               std::tuple("person:a-bush", "archigos", "G.H.W. Bush"),
                               std::tuple("person:r-bush", "reign", "Bush")}) {
    Entity(id, EntityKind::kPerson, "", "", "", src);
    pack_.entities.back().name = name;
  }
  Fact("person:a-brezhnev", Relation::kLeaderOf, "SUHH", "1964-10-15/1982-11-10", "archigos", "", {{"role", "effective-leader"}});
  Fact("person:r-brezhnev", Relation::kLeaderOf, "SUHH", "1964-10-15/1982-11-10", "reign", "", {{"role", "effective-leader"}});
  Fact("person:a-bush", Relation::kLeaderOf, "USA", "1989-01-20/1993-01-20", "archigos", "", {{"role", "effective-leader"}});
  Fact("person:r-bush", Relation::kLeaderOf, "USA", "1989-01-20/1993-01-20", "reign", "", {{"role", "effective-leader"}});
  for (auto [a, on] : {std::pair("SUHH", "1980"), std::pair("SUHH", "1981-06-01")}) {
    Dossier d = Build(a, "USA", on);
    const std::vector<PairLeader>& su = d.pairs.leaders.sides[0].leaders;
    ASSERT_EQ(su.size(), 1u) << on;
    EXPECT_EQ(su[0].person, "Brezhnev");
    ASSERT_EQ(su[0].cite.size(), 2u) << "both datasets cited";
    EXPECT_EQ(su[0].current_to->ToString(), "2021-03") << "the later currency";
    std::string md = RenderMarkdown(d);
    EXPECT_EQ(md.find("Brezhnev, Brezhnev"), std::string::npos);
    EXPECT_NE(md.find("- Brezhnev (effective-leader), since 1964-10-15 \\[" + std::to_string(su[0].cite[0]) + "\\]\\[" +
                      std::to_string(su[0].cite[1]) + "\\]"), std::string::npos) << md;
  }
  Dossier d = Build("SUHH", "USA", "1991-06-01");
  const std::vector<PairLeader>& us = d.pairs.leaders.sides[1].leaders;
  ASSERT_EQ(us.size(), 1u);
  EXPECT_EQ(us[0].person, "G.H.W. Bush") << "the fuller spelling";
  EXPECT_EQ(us[0].cite.size(), 2u);
  EXPECT_NE(PlainText(d.overview.summary).find("The United States' leaders on 1991-06-01: G.H.W. Bush ["), std::string::npos)
      << PlainText(d.overview.summary);
  EXPECT_NE(PlainText(Build("SUHH", "USA", "1980").overview.summary).find("The Soviet Union's leaders in 1980: Brezhnev ["),
            std::string::npos) << "a dossier as of a year reads 'in 1980', not 'on 1980'";
}

// A bug: the Kyrgyzstan–United States dossier as of 1991-12-31 said in its overview that
// Kyrgyzstan had an embassy in Washington and the United States a mission in Kyrgyzstan,
// while its Diplomatic representation showed none: the embassy is known only from an
// undated 2017 record and the mission only from chiefs of mission from 1992. A mission with
// no opening date is shown only once some fact of it is known by the date.
TEST_F(PairSectionsTest, AMissionKnownOnlyFromLaterRecordsIsNotOpenEarlierAndTheOverviewSaysSo) {
  kb::Source seed{"seed", "Curated seed", "", "", "", D("2017-06-26"), {}, "", "", {}};
  seed.current_to = D("2017-06-26");
  pack_.sources.push_back(seed);
  Entity("place:washington", EntityKind::kPlace, "", "USA", "city", "seed");
  Entity("mission:kgz-washington", EntityKind::kMission, "KGZ", "USA", "embassy", "seed");
  Fact("mission:kgz-washington", Relation::kMissionLocatedAt, "place:washington", "2017-06-26", "seed",
       "2360 Massachusetts Avenue NW");
  pack_.facts.back().undated = true;
  pack_.facts.back().valid = Interval::Always();
  Entity("mission:usa-to-kgz", EntityKind::kMission, "USA", "KGZ", "bilateral-mission", "seed");
  Entity("person:hurwitz", EntityKind::kPerson, "USA", "", "", "seed");
  Fact("person:hurwitz", Relation::kChiefOfMission, "mission:usa-to-kgz", "1992-09-17/1994-10-11", "seed", "",
       {{"role", "ambassador-e-p"}});
  Entity("mission:gbr-france", EntityKind::kMission, "GBR", "FRA", "embassy");  // missions are loaded at all
  Fact("mission:gbr-france", Relation::kAccreditedTo, "FRA", "2022-11-16");
  for (const char* on : {"1991-12-31", "1992-06-01"}) {
    Dossier d = Build("KGZ", "USA", on);
    EXPECT_TRUE(d.pairs.missions.sides[0].missions.empty()) << on << ": the undated 2017 record says nothing of " << on;
    EXPECT_TRUE(d.pairs.missions.sides[1].missions.empty()) << on << ": no chief of mission before 1992-09-17";
    std::string summary = PlainText(d.overview.summary);
    EXPECT_NE(summary.find("No mission of Kyrgyzstan in or accredited to the United States is recorded"), std::string::npos)
        << summary;
    EXPECT_EQ(summary.find("has an embassy"), std::string::npos) << summary;
  }
  Dossier later = Build("KGZ", "USA", "2018-01-01");
  ASSERT_EQ(later.pairs.missions.sides[0].missions.size(), 1u) << "known from the source's present on";
  ASSERT_EQ(later.pairs.missions.sides[1].missions.size(), 1u);
  EXPECT_EQ(Build("KGZ", "USA", "1993-01-01").pairs.missions.sides[1].missions.size(), 1u) << "a chief of mission serves";
}

// A bug: "The United States has an embassy in Ottawa and 1 more": the overview hid the
// second mission behind a count. It names up to three, ranked embassies first, and counts
// the rest by kind.
TEST_F(PairSectionsTest, TheOverviewNamesTheMissionsItCountsInsteadOfAndOneMore) {
  const char* cities[] = {"ottawa", "toronto", "montreal", "vancouver", "calgary"};
  for (const char* city : cities) Entity(std::string("place:") + city, EntityKind::kPlace, "", "CAN", "city");
  Entity("mission:usa-toronto", EntityKind::kMission, "USA", "CAN", "consulate-general");
  Entity("mission:usa-ottawa", EntityKind::kMission, "USA", "CAN", "embassy");
  Fact("mission:usa-toronto", Relation::kMissionLocatedAt, "place:toronto", "2022-11-16");
  Fact("mission:usa-ottawa", Relation::kMissionLocatedAt, "place:ottawa", "2022-11-16");
  Fact("mission:usa-ottawa", Relation::kAccreditedTo, "CAN", "2022-11-16");
  std::string two = PlainText(Build("USA", "CAN", "2023-01-01").overview.summary);
  EXPECT_NE(two.find("The United States has an embassy in name of place:ottawa and a consulate general in name of "
                     "place:toronto ["), std::string::npos) << two;
  EXPECT_EQ(two.find("more"), std::string::npos) << two;
  for (const char* city : {"montreal", "vancouver", "calgary"}) {
    std::string id = std::string("mission:usa-") + city;
    Entity(id, EntityKind::kMission, "USA", "CAN", city == std::string("calgary") ? "consulate" : "consulate-general");
    Fact(id, Relation::kMissionLocatedAt, std::string("place:") + city, "2022-11-16");
  }
  std::string five = PlainText(Build("USA", "CAN", "2023-01-01").overview.summary);
  EXPECT_NE(five.find("The United States has an embassy in name of place:ottawa, a consulate general in name of "
                      "place:montreal, and a consulate general in name of place:toronto and 2 more (1 consulate "
                      "general, 1 consulate) ["), std::string::npos) << five;
}

// A bug: "ATOP records no alliance obligations between them." and every other empty line
// of the pair sections ("None recorded.", "No bilateral treaties recorded.") stood without
// a citation: an absence is a statement of the datasets asked, to their currency.
TEST_F(PairSectionsTest, EveryNoneRecordedLineCitesTheDatasetsAskedAndTheirCurrency) {
  if (!HaveRelations()) GTEST_SKIP() << "no bundled relations pack";
  // The bundled datasets' sources ("NAME:…", as `dyad import NAME` writes them) and a
  // curated pack's, which speaks for its own pair only.
  kb::Source emb{"embassies:test", "Embassies snapshot", "", "", "", D("2022-11-16"), {}, "", "", {}};
  kb::Source reign{"leaders:reign-test", "REIGN", "", "", "", D("2021-03"), {}, "", "", {}};
  reign.current_to = D("2021-03");
  kb::Source tr{"treaties:test", "Treaties", "", "", "", D("2023-10-11"), {}, "", "", {}};
  kb::Source emb2{"emb2", "A curated listing", "", "", "", D("2022-11-16"), {}, "", "", {}};
  pack_.sources = {emb, reign, tr, emb2};
  Entity("mission:x", EntityKind::kMission, "ITA", "FRA", "embassy", "embassies:test");
  Fact("mission:x", Relation::kAccreditedTo, "FRA", "2022-11-16", "embassies:test");
  Entity("person:x", EntityKind::kPerson, "FRA", "", "", "leaders:reign-test");
  Fact("person:x", Relation::kLeaderOf, "FRA", "2017-01-01/..", "leaders:reign-test", "", {{"role", "effective-leader"}});
  Entity("agr:m", EntityKind::kAgreement, "", "", "multilateral", "treaties:test");
  Fact("FRA", Relation::kPartyTo, "agr:m", "2000-01-01/..", "treaties:test");
  // A curated pair's record is no dataset of every state: not cited for other pairs.
  Entity("mission:y", EntityKind::kMission, "KGZ", "USA", "embassy", "emb2");
  Fact("mission:y", Relation::kAccreditedTo, "USA", "2022-11-16", "emb2");
  Dossier d = Build("GMB", "ISR", "2020-06-01", true);
  const PairSections& p = d.pairs;
  auto ids = [&](const std::vector<int>& cite) {
    std::set<std::string> out;
    for (int n : cite) out.insert(d.sources.at(static_cast<size_t>(n - 1)).id);
    return out;
  };
  EXPECT_EQ(ids(p.missions.asked.cite), std::set<std::string>{"embassies:test"});
  EXPECT_EQ(p.missions.asked.current_to->ToString(), "2022-11-16");
  EXPECT_EQ(ids(p.leaders.asked.cite), std::set<std::string>{"leaders:reign-test"});
  EXPECT_EQ(ids(p.treaties.asked.cite), std::set<std::string>{"treaties:test"});
  std::string md = RenderMarkdown(d), html = RenderHtml(d), json = RenderJson(d);
  const std::string pairs_md = md.substr(md.find("## Between the two states"));
  for (const std::string& line : {std::string("None recorded (data to 2022-11-16). \\["),
                                  std::string("None recorded (data to 2021-03). \\["),
                                  std::string("No bilateral treaties recorded (data to 2023-10-11). \\["),
                                  std::string("No militarized disputes (COW MID, data to 2014-12-31) or armed conflicts "
                                              "(UCDP, data to 2024-12-31) between them. \\[")})
    EXPECT_NE(pairs_md.find(line), std::string::npos) << line << "\n" << pairs_md;
  EXPECT_EQ(pairs_md.find("recorded.\n"), std::string::npos) << "an uncited empty line:\n" << pairs_md;
  EXPECT_EQ(pairs_md.find("between them.\n"), std::string::npos) << "an uncited empty line:\n" << pairs_md;
  const std::string pairs_html = html.substr(html.find("id=\"pairs\""));
  EXPECT_NE(pairs_html.find("none recorded (data to 2022-11-16).<sup"), std::string::npos) << pairs_html;
  EXPECT_EQ(pairs_html.find("recorded.</p>"), std::string::npos) << "an uncited empty line in HTML";
  EXPECT_EQ(pairs_html.find("<ul></ul>"), std::string::npos) << "no empty list";
  EXPECT_NE(json.find("\"asked\": {\n"), std::string::npos);
  std::string summary = PlainText(d.overview.summary);
  EXPECT_NE(summary.find("No mission of the Gambia in or accredited to Israel is recorded ["), std::string::npos) << summary;
}

// The Cook Islands, the Gambia, the United States: pair-section prose takes the article
// (world::StateInText), headings and tables as well as sentences.
TEST_F(PairSectionsTest, TheNamesThatTakeTheArticleTakeItInPairSectionProse) {
  Entity("place:wellington", EntityKind::kPlace, "", "NZL", "city");
  Entity("mission:cok-wellington", EntityKind::kMission, "COK", "NZL", "high-commission");
  Fact("mission:cok-wellington", Relation::kMissionLocatedAt, "place:wellington", "2022-11-16");
  Entity("mission:usa-cok", EntityKind::kMission, "USA", "COK", "bilateral-mission");
  Fact("mission:usa-cok", Relation::kAccreditedTo, "COK", "2022-11-16");
  Dossier d = Build("COK", "NZL", "2023-01-01");
  std::string summary = PlainText(d.overview.summary);
  EXPECT_NE(summary.find("The Cook Islands has a high commission in name of place:wellington ["), std::string::npos) << summary;
  EXPECT_NE(summary.find("No mission of New Zealand in or accredited to the Cook Islands is recorded"), std::string::npos)
      << summary;
  EXPECT_NE(RenderMarkdown(d).find("**Missions of the Cook Islands covering New Zealand**"), std::string::npos);
  EXPECT_NE(RenderHtml(d).find("Missions of New Zealand covering the Cook Islands: none recorded"), std::string::npos);
  Dossier us = Build("USA", "COK", "2023-01-01");
  EXPECT_NE(PlainText(us.overview.summary).find("The United States has a bilateral mission in the Cook Islands ["),
            std::string::npos) << PlainText(us.overview.summary);
}

// A bug: Kenya's leader as of 2005 was "Mwai Kibaki, since 2002-12-31" and "Mwai Kibaki,
// since 2002-12-03" (Archigos and REIGN date his inauguration differently; Israel's Olmert,
// Croatia's Tudjman likewise): one person once, with every dataset's start and citation.
// Two holders of one surname (Denmark's Nyrup and Fogh Rasmussen on the day of the
// handover) and a handover between namesakes (REIGN's Kirchner to 2007-12, Archigos's
// Fernandez de Kirchner from 2007-12-10) stay two.
TEST_F(PairSectionsTest, OneLeaderWithTwoStartDatesInTwoDatasetsIsListedOnceWithBoth) {
  kb::Source archigos{"archigos", "Archigos", "", "", "", D("2015-12-31"), {}, "", "", {}};
  archigos.current_to = D("2015-12-31");
  pack_.sources.push_back(archigos);
  auto person = [&](const char* id, const char* src, const char* name) {
    Entity(id, EntityKind::kPerson, "", "", "", src);
    pack_.entities.back().name = name;
  };
  const std::vector<kb::Qualifier> effective = {{"role", "effective-leader"}};
  person("person:a-kibaki", "archigos", "Mwai Kibaki");
  person("person:r-kibaki", "reign", "Kibaki");
  Fact("person:a-kibaki", Relation::kLeaderOf, "KEN", "2002-12-31/2013-04-09", "archigos", "", effective);
  Fact("person:r-kibaki", Relation::kLeaderOf, "KEN", "2002-12-03/2013-04", "reign", "", effective);
  person("person:a-nyrup", "archigos", "Nyrup Rasmussen");
  person("person:a-fogh", "archigos", "Fogh Rasmussen");
  Fact("person:a-nyrup", Relation::kLeaderOf, "DNK", "1993-01-25/2001-11-27", "archigos", "", effective);
  Fact("person:a-fogh", Relation::kLeaderOf, "DNK", "2001-11-27/2009-04-05", "archigos", "", effective);
  person("person:r-kirchner", "reign", "Kirchner");
  person("person:a-fdk", "archigos", "Fernandez de Kirchner");
  Fact("person:r-kirchner", Relation::kLeaderOf, "ARG", "2003-05-25/2007-12", "reign", "", effective);
  Fact("person:a-fdk", Relation::kLeaderOf, "ARG", "2007-12-10/2015-12-10", "archigos", "", effective);

  Dossier d = Build("KEN", "DNK", "2005-06-01");
  const std::vector<PairLeader>& ken = d.pairs.leaders.sides[0].leaders;
  ASSERT_EQ(ken.size(), 1u) << "one person once";
  EXPECT_EQ(ken[0].person, "Mwai Kibaki") << "the fuller spelling";
  EXPECT_EQ(ken[0].cite.size(), 2u) << "both datasets cited";
  ASSERT_EQ(ken[0].other_starts.size(), 1u) << "the other dataset's start is kept";
  const std::string starts = ken[0].start->ToString() + " " + ken[0].other_starts[0].start.ToString();
  EXPECT_TRUE(starts == "2002-12-31 2002-12-03" || starts == "2002-12-03 2002-12-31") << starts;
  ASSERT_EQ(ken[0].other_starts[0].cite.size(), 1u) << "cited to the dataset that gives it";
  std::string md = RenderMarkdown(d);
  EXPECT_NE(md.find("(another source gives the start as " + ken[0].other_starts[0].start.ToString() + " \\[" +
                    std::to_string(ken[0].other_starts[0].cite[0]) + "\\])"), std::string::npos) << md;
  EXPECT_NE(RenderHtml(d).find("another source gives the start as"), std::string::npos);
  EXPECT_EQ(RenderPairSectionsJson(d)["leaders"]["a"]["leaders"][0]["other_starts"].size(), 1u);

  EXPECT_EQ(Build("KEN", "DNK", "2001-11-27").pairs.leaders.sides[1].leaders.size(), 2u)
      << "Nyrup Rasmussen and Fogh Rasmussen are two people";
  EXPECT_EQ(Build("ARG", "DNK", "2007-12-15").pairs.leaders.sides[0].leaders.size(), 2u)
      << "a handover is not one term told twice";
}

// A bug: the USA-DEU dossier listed one embassy under four names ("United States Embassy
// in Berlin; United States Embassy in Germany; United States Mission in Germany; Embassy of
// the United States in Mitte") and the consulates general of Hamburg twice: the Historian,
// its relations guide, POCOM and Wikidata each name the post. Missions of one sender, one
// kind and one city (Frankfurt and Frankfurt am Main) are one post; a mission with no city
// is the only embassy there; every source is cited, in the pair section, the Diplomatic
// representation and the header alike.
TEST_F(PairSectionsTest, OneMissionUnderSeveralNamesInSeveralDatasetsIsOneLine) {
  kb::Source hist{"hist", "Historian posts", "", "", "", D("2012"), {}, "", "", {}};
  hist.current_to = D("2024-07-19");
  pack_.sources.push_back(hist);
  Entity("place:berlin-h", EntityKind::kPlace, "", "DEU", "city", "hist");
  pack_.entities.back().name = "Berlin";
  Entity("place:berlin-w", EntityKind::kPlace, "", "DEU", "city");
  pack_.entities.back().name = "Berlin";
  Entity("place:frankfurt-h", EntityKind::kPlace, "", "DEU", "city", "hist");
  pack_.entities.back().name = "Frankfurt";
  Entity("place:frankfurt-w", EntityKind::kPlace, "", "DEU", "city");
  pack_.entities.back().name = "Frankfurt am Main";
  Entity("mission:h-berlin", EntityKind::kMission, "USA", "DEU", "embassy", "hist");
  Entity("mission:h-germany", EntityKind::kMission, "USA", "DEU", "mission", "hist");
  Entity("mission:w-berlin", EntityKind::kMission, "USA", "DEU", "embassy");
  Entity("mission:h-frankfurt", EntityKind::kMission, "USA", "DEU", "consulate-general", "hist");
  Entity("mission:w-frankfurt", EntityKind::kMission, "USA", "DEU", "consulate-general");
  Fact("mission:h-berlin", Relation::kMissionOpened, "DEU", "1999", "hist");
  Fact("mission:h-berlin", Relation::kMissionLocatedAt, "place:berlin-h", "1999/..", "hist");
  Fact("mission:h-germany", Relation::kMissionOpened, "DEU", "1797-12-05", "hist");
  Fact("mission:w-berlin", Relation::kMissionLocatedAt, "place:berlin-w", "2022-11-16", "emb", "Pariser Platz 2");
  Fact("mission:h-frankfurt", Relation::kMissionOpened, "DEU", "1790", "hist");
  Fact("mission:h-frankfurt", Relation::kMissionLocatedAt, "place:frankfurt-h", "1790/..", "hist");
  Fact("mission:w-frankfurt", Relation::kMissionLocatedAt, "place:frankfurt-w", "2022-11-16");
  Entity("mission:gbr-france", EntityKind::kMission, "GBR", "FRA", "embassy");  // missions are loaded at all
  Fact("mission:gbr-france", Relation::kAccreditedTo, "FRA", "2022-11-16");
  Dossier d = Build("USA", "DEU", "2024-01-01");
  const std::vector<PairMission>& us = d.pairs.missions.sides[0].missions;
  ASSERT_EQ(us.size(), 2u) << "one embassy, one consulate general";
  for (const PairMission& m : us) EXPECT_EQ(m.cite.size(), 2u) << m.name << ": both datasets cited";
  const PairMission& embassy = us[0].kind == "embassy" ? us[0] : us[1];
  EXPECT_EQ(embassy.address.value_or(""), "Pariser Platz 2") << "the address of the other dataset's record";
  EXPECT_EQ(d.representation.missions.a_in_b.size(), 2u) << "Diplomatic representation: one mission per post";
  std::string md = RenderMarkdown(d);
  const std::string header = md.substr(0, md.find("## Overview"));
  EXPECT_EQ(header.find("name of mission:w-berlin"), std::string::npos) << header;
  EXPECT_EQ(header.find("name of mission:h-germany"), std::string::npos) << header;
}

// A bug: "Both are members of ... Arctic Council, IGAD ..." for the United States and
// Germany: Germany is an observer of the Arctic Council and both are IGAD's partners. Only
// full members both are "members of"; the other shared parts are said as what they are,
// and UN missions both contribute to are no memberships.
TEST_F(PairSectionsTest, AnObserverOrAPartnerIsNoMemberInProseOrTables) {
  for (const char* org : {"org:un", "org:arctic", "org:igad"}) {
    Entity(org, EntityKind::kOrganization, "", "", "", "fb");
    pack_.entities.back().name = std::string(org).substr(4);
  }
  Entity("operation:unmiss", EntityKind::kOperation, "", "", "", "fb");
  pack_.entities.back().name = "UNMISS";
  for (const char* s : {"USA", "DEU"}) {
    Fact(s, Relation::kMemberOf, "org:un", "2026-01-22", "fb");
    Fact(s, Relation::kParticipatesIn, "org:igad", "2026-01-22", "fb", "partners", {{"role", "partner"}});
    Fact(s, Relation::kContributesTo, "operation:unmiss", "2026-01-22", "fb");
  }
  Fact("USA", Relation::kMemberOf, "org:arctic", "2026-01-22", "fb");
  Fact("DEU", Relation::kObserverOf, "org:arctic", "2026-01-22", "fb");
  Dossier d = Build("USA", "DEU", "2026-06-01");
  EXPECT_EQ(d.pairs.igos.shared, std::vector<std::string>{"un"});
  ASSERT_EQ(d.pairs.igos.other_parts.size(), 2u);
  EXPECT_EQ(d.pairs.igos.operations, std::vector<std::string>{"UNMISS"});
  const std::string summary = PlainText(d.overview.summary);
  EXPECT_NE(summary.find("Both are members of un"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("arctic"), std::string::npos) << summary;
  EXPECT_EQ(summary.find("igad"), std::string::npos) << summary;
  const std::string md = RenderMarkdown(d);
  EXPECT_NE(md.find("Both take part, not both as members, in 2 organisations: arctic (the United States: member; "
                    "Germany: observer), igad (both: partners)."), std::string::npos) << md;
  EXPECT_NE(md.find("Both contribute to 1 UN mission"), std::string::npos);
  EXPECT_NE(md.find("| arctic | United States: member; Germany: observer | listed"), std::string::npos) << md;
  EXPECT_NE(md.find("| igad | United States: partners; Germany: partners | partners; listed"), std::string::npos) << md;
  EXPECT_NE(RenderHtml(d).find("observer; listed"), std::string::npos);
  EXPECT_NE(RenderJson(d).find("\"participation\": \"partners\""), std::string::npos);
}

}  // namespace
}  // namespace dyad::report
