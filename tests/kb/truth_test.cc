// The truth suite: what the bundled packs answer as of a date is true as of that date
// according to their sources, or says how current those sources are (issue 9). Each test
// is named after what it checks; "today" is fixed at 2026-12-01 so answers do not drift.
#include <gtest/gtest.h>

#include <algorithm>

#include "base/paths.h"
#include "kb/knowledge_base.h"
#include "world/world.h"

namespace dyad::kb {
namespace {

Date D(std::string_view s) { return Date::ParseIso(s).value(); }
using S = RelationsAnswer::State;

class TruthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto w = world::World::LoadDefault();
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    world_ = *w;
    LoadReport report;
    auto kb = KnowledgeBase::Load(*world_, KnowledgeBase::DefaultPackDirs(), &report);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    kb_ = std::move(kb).value().release();
    kb_->SetTodayForTesting(D("2026-12-01"));
  }
  static std::vector<std::string> Subjects(const std::vector<Term>& terms) {
    std::vector<std::string> out;
    for (const Term& t : terms) out.push_back(t.fact->subject);
    return out;
  }
  static const Source& Src(std::string_view id) {
    const Source* s = kb_->FindSource(id);
    EXPECT_NE(s, nullptr) << id;
    return *s;
  }
  static inline std::shared_ptr<const world::World> world_;
  static inline KnowledgeBase* kb_ = nullptr;
};

// ---- currency of sources

TEST_F(TruthTest, HistorianDatasetsAreCurrentToTheirNewestRecord) {
  EXPECT_EQ(Src("historian:pocom:missions-countries").current_to->ToString(), "2021-01-20");
  EXPECT_EQ(Src("historian:pocom:positions-principals").current_to->ToString(), "2025-03-25");
  EXPECT_EQ(Src("historian:visits:data").current_to->ToString(), "2024-11-12");
  EXPECT_TRUE(Src("historian:rdcr:articles").current_to.has_value());
}

TEST_F(TruthTest, EveryCuratedSourceCarriesCurrency) {
  for (const auto& [id, s] : kb_->sources()) {
    if (id.rfind("kgz-usa:", 0) != 0) continue;
    EXPECT_TRUE(s.current_to.has_value()) << id << ": its date, retrieval date or newest stated date";
  }
  // The seed file has no retrieval date: it is current to the newest date it states.
  EXPECT_EQ(Src("kgz-usa:seed").current_to->ToString(), "2017-06-26");
}

// ---- envoys beyond the source's currency

TEST_F(TruthTest, EnvoyUsaKgz2026DoesNotPresentDonaldLuAsServing) {
  EnvoyAnswer e = kb_->Envoy("USA", "KGZ", D("2026-12-01"));
  EXPECT_TRUE(e.heads.empty());
  ASSERT_EQ(Subjects(e.beyond_currency), std::vector<std::string>{"person:lu-donald"});
  EXPECT_EQ(kb_->CurrentTo(*e.beyond_currency[0].fact)->ToString(), "2021-01-20");
}

TEST_F(TruthTest, EnvoyUsaKgz2019IsDonaldLu) {
  EnvoyAnswer e = kb_->Envoy("USA", "KGZ", D("2019-01-01"));
  EXPECT_EQ(Subjects(e.heads), std::vector<std::string>{"person:lu-donald"});
  EXPECT_TRUE(e.beyond_currency.empty());
}

TEST_F(TruthTest, EnvoyUsaKgz1992McWilliamsIsChargeUntilTheNextTerm) {
  EnvoyAnswer e = kb_->Envoy("USA", "KGZ", D("1992-03-01"));
  ASSERT_FALSE(e.heads.empty());
  for (const Term& t : e.heads) {
    EXPECT_EQ(t.fact->subject, "person:mcwilliams-edmund");
    EXPECT_TRUE(IsChargeRole(t.fact->QualifierValue("role")));
    ASSERT_TRUE(t.end.has_value()) << "a chargé's term ends when the next one begins";
  }
  EXPECT_TRUE(kb_->Envoy("USA", "KGZ", D("2000-01-01")).heads.size() == 1 &&
              kb_->Envoy("USA", "KGZ", D("2000-01-01")).heads[0].fact->subject !=
                  "person:mcwilliams-edmund");
}

// ---- the future and states that did not exist

TEST_F(TruthTest, AsOf2100NothingIsKnown) {
  EXPECT_TRUE(kb_->Relations("USA", "KGZ", D("2100")).future);
  EXPECT_EQ(kb_->Relations("USA", "KGZ", D("2100")).state, S::kUnknown);
  EnvoyAnswer e = kb_->Envoy("USA", "KGZ", D("2100"));
  EXPECT_TRUE(e.future);
  EXPECT_TRUE(e.heads.empty() && e.beyond_currency.empty());
  DyadView v = kb_->Dyad("KGZ", "USA", Interval::Point(D("2100")));
  EXPECT_TRUE(v.facts.empty() && v.occurrences.empty());
}

TEST_F(TruthTest, AsOf1700KgzUsaHasNoCurrentTenseStatement) {
  RelationsAnswer r = kb_->Relations("USA", "KGZ", D("1700"));
  EXPECT_FALSE(r.absent.empty()) << "neither state existed in 1700";
  EXPECT_EQ(r.state, S::kNoRelations);
  DyadView v = kb_->Dyad("KGZ", "USA", Interval::Point(D("1700")));
  EXPECT_TRUE(v.facts.empty()) << "not the Washington embassy, not the ruble zone";
  EXPECT_TRUE(v.occurrences.empty());
}

TEST_F(TruthTest, EndedStatesAreNeverInRelationsAfterTheirEnd) {
  for (std::string_view key : {"CSHH", "DDDE", "H-GFR", "H-BAD", "H-KOR", "SUHH", "YUCS"}) {
    RelationsAnswer r = kb_->Relations("USA", key, D("2026-12-01"));
    EXPECT_NE(r.state, S::kInRelations) << key;
    EXPECT_EQ(r.absent, key);
  }
}

TEST_F(TruthTest, RelationsUsaKgz2026AreInRelationsAsLastRecorded) {
  RelationsAnswer r = kb_->Relations("USA", "KGZ", D("2026-12-01"));
  EXPECT_EQ(r.state, S::kInRelations);
  EXPECT_TRUE(r.beyond_currency);
  ASSERT_TRUE(r.current_to.has_value());
  EXPECT_EQ(*r.current_to, *Src("historian:rdcr:articles").current_to);
  RelationsAnswer then = kb_->Relations("USA", "KGZ", D("2010-01-01"));
  EXPECT_EQ(then.state, S::kInRelations);
  EXPECT_FALSE(then.beyond_currency);
}

// ---- curated pack corrections

TEST_F(TruthTest, ManasTransitCenterClosedJune2014) {
  auto closed = kb_->FactsOf("inst:manas-transit-center", Relation::kInstallationClosed);
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0]->valid.start()->ToString(), "2014-06-03");
  for (Relation r : {Relation::kInstallationHostedBy, Relation::kInstallationOperatedBy}) {
    for (const Fact* f : kb_->FactsOf("inst:manas-transit-center", r)) {
      ASSERT_TRUE(f->valid.end().has_value()) << RelationName(r);
      EXPECT_EQ(f->valid.end()->ToString(), "2014-06-03");
    }
  }
  for (const Fact* f : kb_->Dyad("KGZ", "USA", Interval::Point(D("2016-01-01"))).facts) {
    EXPECT_NE(f->subject, "inst:manas-transit-center") << RelationName(f->relation);
  }
}

TEST_F(TruthTest, AliceWellsActingEndsWithHerRetirementIn2020) {
  auto chain = kb_->ReportingChain("agency:us-dos-sca", D("2021-06-01"));
  ASSERT_GE(chain.size(), 2u);
  for (const Fact* f : chain[1].holders) EXPECT_NE(f->subject, "person:wells-alice-g");
  auto in2018 = kb_->ReportingChain("agency:us-dos-sca", D("2018-06-01"));
  ASSERT_EQ(in2018[1].holders.size(), 1u);
  EXPECT_EQ(in2018[1].holders[0]->subject, "person:wells-alice-g");
  // Her successor is announced by a source of 2020: in 2026 he is only last recorded.
  auto now = kb_->ReportingChain("agency:us-dos-sca", D("2026-12-01"));
  EXPECT_TRUE(now[1].holders.empty());
  ASSERT_EQ(now[1].last_recorded.size(), 1u);
  EXPECT_EQ(now[1].last_recorded[0]->subject, "person:vajda-tom");
}

TEST_F(TruthTest, CentralAsianUnionOf1994IsNotAMembershipSince1994) {
  for (const Fact* f : kb_->FactsOf("KGZ", Relation::kMemberOf)) {
    if (f->object != "org:central-asian-economic-union") continue;
    ASSERT_TRUE(f->valid.end().has_value());
    EXPECT_EQ(f->valid.end()->ToString(), "1994-01");
  }
}

TEST_F(TruthTest, OfferOfBountiesIsNotDated2002) {
  for (const Occurrence& o : kb_->occurrences()) {
    if (o.id != "occ:manas-bounties") continue;
    EXPECT_EQ(o.when.start()->ToString(), "2001-12") << "the seed says only 'in later years'";
    EXPECT_FALSE(o.when.end().has_value()) << "in or after December 2001; the seed gives no end";
  }
}

// A source's currency (its retrieval date or the newest date it states) is when the source
// stops, not when anything it reports ended: no curated interval ends on it, unless the
// source is itself dated that day (a news report of the closing).
TEST_F(TruthTest, NoCuratedIntervalEndsOnItsSourcesCurrency) {
  auto check = [&](const Interval& when, const std::vector<std::string>& sources, std::string_view what) {
    if (!when.end()) return;
    for (const std::string& id : sources) {
      const Source* s = kb_->FindSource(id);
      if (s == nullptr || !s->current_to || s->date == s->current_to) continue;
      EXPECT_NE(*when.end(), *s->current_to) << what << ": end taken from " << id << "'s currency";
    }
  };
  for (const Occurrence& o : kb_->occurrences())
    if (o.origin.file.find("kgz-usa") != std::string_view::npos) check(o.when, o.sources, o.id);
  for (const Fact& f : kb_->facts())
    if (f.origin.file.find("kgz-usa") != std::string_view::npos) check(f.valid, f.sources, f.subject);
}

TEST_F(TruthTest, OpenFactsBeyondCurrencyAreFlagged) {
  int open = 0;
  for (const Fact& f : kb_->facts()) {
    if (f.undated || f.valid.end() || !kb_->CurrentTo(f)) continue;
    ++open;
    EXPECT_TRUE(kb_->BeyondCurrency(f, D("2100"))) << f.subject;
    EXPECT_FALSE(kb_->BeyondCurrency(f, *kb_->CurrentTo(f))) << f.subject;
  }
  EXPECT_GT(open, 100);
}

// ---- states that came and went (data/historian/territory_periods.tsv)

TEST_F(TruthTest, UssrRelationsAreTheSoviet_UnionsAndRussiasStartIn1991) {
  EXPECT_EQ(kb_->Relations("USA", "SUHH", D("1980")).state, S::kInRelations);
  EXPECT_NE(kb_->Relations("USA", "RUS", D("1980")).state, S::kInRelations);
  EXPECT_FALSE(kb_->Envoy("USA", "SUHH", D("1980-06-01")).heads.empty());
  EXPECT_TRUE(kb_->Envoy("USA", "RUS", D("1980-06-01")).heads.empty());
  RelationsAnswer now = kb_->Relations("USA", "RUS", D("2010-01-01"));
  EXPECT_EQ(now.state, S::kInRelations);
  ASSERT_FALSE(now.since.empty());
  EXPECT_EQ(now.since.back()->valid.start()->year(), 1991);
}

TEST_F(TruthTest, WestGermanyAmbassadorsAtBonnAreWestGermanys) {
  EXPECT_FALSE(kb_->Envoy("USA", "H-GFR", D("1980-06-01")).heads.empty());
  EXPECT_TRUE(kb_->Envoy("USA", "DEU", D("1980-06-01")).heads.empty());
  EXPECT_NE(kb_->Relations("USA", "DEU", D("1980")).state, S::kInRelations)
      << "Germany (COW 255) did not exist as a state in 1980";
}

TEST_F(TruthTest, EastGermanyRecognitionOf1974IsNotGermanys) {
  for (const Fact* f : kb_->FactsOf("USA", Relation::kRecognized)) {
    if (f->object == "DEU") {
      EXPECT_NE(f->valid.start()->year(), 1974) << f->record;
    }
  }
  bool gdr = false;
  for (const Fact* f : kb_->FactsOf("USA", Relation::kRecognized)) gdr |= f->object == "DDDE";
  EXPECT_TRUE(gdr);
}

TEST_F(TruthTest, AmbassadorsResidentAtTaipeiAreTaiwansNotChinas) {
  EnvoyAnswer twn = kb_->Envoy("USA", "TWN", D("1970-01-01"));
  ASSERT_EQ(twn.heads.size(), 1u);
  EXPECT_EQ(twn.heads[0].fact->subject, "person:mcconaughy-walter-patrick");
  EXPECT_TRUE(kb_->Envoy("USA", "CHN", D("1970-01-01")).heads.empty());
  EXPECT_FALSE(kb_->Envoy("USA", "CHN", D("1985-01-01")).heads.empty());
}

TEST_F(TruthTest, RelationsWithTheRepublicOfChinaOnTaiwanEndedOn1979_01_01) {
  RelationsAnswer before = kb_->Relations("USA", "TWN", D("1970-01-01"));
  EXPECT_EQ(before.state, S::kInRelations);
  RelationsAnswer after = kb_->Relations("USA", "TWN", D("1980-01-01"));
  EXPECT_EQ(after.state, S::kNoRelations);
  ASSERT_NE(after.last_break, nullptr);
  EXPECT_EQ(after.last_break->valid.start()->ToString(), "1979-01-01");
  EXPECT_EQ(kb_->Relations("USA", "CHN", D("1980-01-01")).state, S::kInRelations);
}

TEST_F(TruthTest, StraussCommissionedToTheUssrContinuedAsAmbassadorToRussia) {
  EnvoyAnswer ussr = kb_->Envoy("USA", "SUHH", D("1991-10-01"));
  ASSERT_EQ(ussr.heads.size(), 1u);
  EXPECT_EQ(ussr.heads[0].fact->subject, "person:strauss-robert-schwarz");
  EnvoyAnswer rus = kb_->Envoy("USA", "RUS", D("1992-06-01"));
  ASSERT_EQ(rus.heads.size(), 1u);
  EXPECT_EQ(rus.heads[0].fact->subject, "person:strauss-robert-schwarz");
  EXPECT_TRUE(kb_->Envoy("USA", "SUHH", D("1992-06-01")).heads.empty());
}

TEST_F(TruthTest, WaltersAtBonnIsGermanysAmbassadorAfterReunification) {
  EnvoyAnswer frg = kb_->Envoy("USA", "H-GFR", D("1990-06-01"));
  ASSERT_EQ(frg.heads.size(), 1u);
  EXPECT_EQ(frg.heads[0].fact->subject, "person:walters-vernon-a");
  EnvoyAnswer deu = kb_->Envoy("USA", "DEU", D("1991-01-01"));
  ASSERT_EQ(deu.heads.size(), 1u);
  EXPECT_EQ(deu.heads[0].fact->subject, "person:walters-vernon-a");
}

TEST_F(TruthTest, RussiaRecognizedAsTheSovietUnionsSuccessorOn1991_12_25) {
  bool rus = false;
  for (const Fact* f : kb_->FactsOf("USA", Relation::kRecognized)) {
    if (f->object == "SUHH") {
      EXPECT_NE(f->valid.start()->year(), 1991) << f->record;
    }
    rus |= f->object == "RUS" && f->valid.start()->ToString() == "1991-12-25";
  }
  EXPECT_TRUE(rus);
}

TEST_F(TruthTest, UsaRusIn1980IsNotInRelationsButUsaUssrIs) {
  EXPECT_NE(kb_->Relations("USA", "RUS", D("1980")).state, S::kInRelations);
  EXPECT_EQ(kb_->Relations("USA", "SUHH", D("1980")).state, S::kInRelations);
  EXPECT_EQ(kb_->Relations("USA", "RUS", D("2010")).state, S::kInRelations);
}

}  // namespace
}  // namespace dyad::kb
