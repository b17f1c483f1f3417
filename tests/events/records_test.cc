// The coder of records (events/records.h) on the bundled data's real records, field by
// field: a visit, a break of relations, a treaty signature, a MID onset, a UCDP onset; the
// record reference; the bundled store built from them answers a dyad's series.
#include "events/records.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "base/paths.h"
#include "events/query.h"
#include "events/store.h"

namespace dyad::events {
namespace {

namespace fs = std::filesystem;

// World, the Historian's and the curated packs, the treaties dataset pack, the relations
// tables and the taxonomy, loaded once for the suite.
struct Bundled {
  std::shared_ptr<const world::World> world;
  std::unique_ptr<kb::KnowledgeBase> kb;
  std::shared_ptr<const relations::Relations> relations;
  std::shared_ptr<const Taxonomy> taxonomy;
  std::string missing;  // why the bundled data cannot be loaded
};

const Bundled& Data() {
  static const Bundled* data = [] {
    auto* d = new Bundled();
    auto world = world::World::LoadDefault();
    auto tax = Taxonomy::LoadDefault();
    auto rel = relations::Relations::OpenDefault();
    std::vector<std::string> dirs = kb::KnowledgeBase::DefaultPackDirs();
    dirs.push_back(DataDir() + "/kb-packs/treaties");
    if (!world.ok() || !tax.ok() || !rel.ok() || !fs::exists(dirs.back())) {
      d->missing = "bundled world, taxonomy, relations tables or treaties pack absent";
      return d;
    }
    d->world = *world;
    d->taxonomy = *tax;
    d->relations = *rel;
    kb::LoadReport report;
    auto kb = kb::KnowledgeBase::Load(*d->world, dirs, &report);
    if (kb.ok()) d->kb = std::move(kb).value();
    else d->missing = kb.status().message();
    return d;
  }();
  return *data;
}

class RecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!Data().missing.empty()) GTEST_SKIP() << Data().missing;
  }
  const kb::KnowledgeBase& kb() const { return *Data().kb; }
  const kb::Occurrence* Occurrence(std::string_view id) const {
    for (const kb::Occurrence& o : kb().occurrences())
      if (o.id == id) return &o;
    return nullptr;
  }
  const kb::Fact* FactWithRecord(kb::Relation rel, std::string_view record) const {
    for (const kb::Fact& f : kb().facts())
      if (f.relation == rel && f.record == record) return &f;
    return nullptr;
  }
  RecordCounts counts_;
};

const CodedRecord* Find(const std::vector<CodedRecord>& v, std::string_view src, std::string_view tgt,
                        std::string_view code) {
  for (const CodedRecord& r : v)
    if (r.src_state == src && r.tgt_state == tgt && r.code == code) return &r;
  return nullptr;
}

int32_t Day(int y, int m, int d) { return DaysFromCivil(y, m, d); }

TEST_F(RecordsTest, KerryVisitToBishkekIsAVisitAndItsHostingOnTheDayOfTheTrip) {
  const kb::Occurrence* occ = Occurrence("occ:historian-trip-3592");
  ASSERT_NE(occ, nullptr);
  std::vector<CodedRecord> ev = CodeOccurrence(kb(), *occ, &counts_);
  ASSERT_EQ(ev.size(), 2u);
  const CodedRecord* visit = Find(ev, "USA", "KGZ", "042");
  const CodedRecord* host = Find(ev, "KGZ", "USA", "043");
  ASSERT_NE(visit, nullptr);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(visit->day, Day(2015, 10, 31));  // the trip ran 2015-10-31/2015-11-01: its first day
  EXPECT_EQ(visit->precision, DatePrecision::kDay);
  EXPECT_EQ(visit->source, "historian:travels:secretary-travels");
  EXPECT_EQ(visit->record, "secretary-travels/kerry-john-forbes.xml#3592");
  EXPECT_EQ(visit->rule, "visit");
  EXPECT_EQ(host->rule, "host-visit");
  EXPECT_EQ(host->day, visit->day);
  EXPECT_EQ(host->record, visit->record);
  EXPECT_FALSE(visit->military);
}

TEST_F(RecordsTest, ForeignLeaderVisitToTheUnitedStatesComesFromTheVisitor) {
  const kb::Occurrence* occ = Occurrence("occ:historian-visit-2136");  // Otunbayeva, 2010-09-24
  ASSERT_NE(occ, nullptr);
  std::vector<CodedRecord> ev = CodeOccurrence(kb(), *occ, &counts_);
  const CodedRecord* visit = Find(ev, "KGZ", "USA", "042");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->day, Day(2010, 9, 24));
  EXPECT_EQ(visit->source, "historian:visits:data");
  EXPECT_EQ(visit->record, "data/2010.xml#2136");
  EXPECT_NE(Find(ev, "USA", "KGZ", "043"), nullptr);
}

TEST_F(RecordsTest, CubaBreakOfRelationsIs161BothWays) {
  const kb::Fact* f = FactWithRecord(kb::Relation::kRelationsSevered, "articles/cuba.xml#cuba/diplomatic-relations/3");
  ASSERT_NE(f, nullptr);
  std::vector<CodedRecord> ev = CodeFact(kb(), *f, &counts_);
  ASSERT_EQ(ev.size(), 2u);
  for (auto [a, b] : {std::pair("USA", "CUB"), std::pair("CUB", "USA")}) {
    const CodedRecord* r = Find(ev, a, b, "161");
    ASSERT_NE(r, nullptr) << a << "→" << b;
    EXPECT_EQ(r->day, Day(1961, 1, 3));
    EXPECT_EQ(r->precision, DatePrecision::kDay);
    EXPECT_EQ(r->source, "historian:rdcr:articles");
    EXPECT_EQ(r->rule, "relations_severed");
  }
}

// A bug: every mission closing was 161 (reduce or break relations), though most of the
// Historian's are administrative (the consular agencies at Aarhus and Aberdeen, closed
// 1920 and 1922). Only a closing within a year of a recorded break or suspension between
// the two is 161 (Havana 1961, Tehran 1979); the others are no event, counted.
TEST_F(RecordsTest, OnlyMissionClosingsTiedToABreakOfRelationsAre161) {
  for (auto [record, host] : {std::pair("data/posts/havana.xml#havana", "CUB"), std::pair("data/posts/tehran.xml#tehran", "IRN")}) {
    const kb::Fact* f = FactWithRecord(kb::Relation::kMissionClosed, record);
    ASSERT_NE(f, nullptr) << record;
    std::vector<CodedRecord> ev = CodeFact(kb(), *f, &counts_);
    ASSERT_EQ(ev.size(), 1u) << record;
    EXPECT_EQ(ev[0].code, "161");
    EXPECT_EQ(ev[0].src_state, "USA");
    EXPECT_EQ(ev[0].tgt_state, host);
  }
  for (const char* record : {"data/posts/aarhus.xml#aarhus", "data/posts/aberdeen.xml#aberdeen"}) {
    const kb::Fact* f = FactWithRecord(kb::Relation::kMissionClosed, record);
    ASSERT_NE(f, nullptr) << record;
    EXPECT_TRUE(CodeFact(kb(), *f, &counts_).empty()) << record;
  }
  EXPECT_EQ(counts_.skipped_by_reason["mission_closed: no break or suspension of relations within a year (administrative)"], 2u);
}

TEST_F(RecordsTest, KyrgyzKazakhTreatyOfJune1995IsASignatureBothWays) {
  const kb::Fact* f = nullptr;
  for (const kb::Fact* s : kb().FactsOf("agr:kaz-kgz_1995o", kb::Relation::kAgreementSigned)) f = s;
  ASSERT_NE(f, nullptr);
  std::vector<CodedRecord> ev = CodeFact(kb(), *f, &counts_);
  ASSERT_EQ(ev.size(), 2u);
  const CodedRecord* r = Find(ev, "KAZ", "KGZ", "057");
  ASSERT_NE(r, nullptr);
  EXPECT_NE(Find(ev, "KGZ", "KAZ", "057"), nullptr);
  EXPECT_EQ(r->day, Day(1995, 6, 22));
  EXPECT_EQ(r->source, "treaties:manytreaties-ggo");
  EXPECT_EQ(r->record, f->record);
  EXPECT_EQ(r->rule, "agreement_signed");
}

TEST_F(RecordsTest, MultilateralSignatureIsNoEventBetweenTwoStates) {
  size_t multilateral = 0;
  for (const kb::Fact& f : kb().facts()) {
    if (f.relation != kb::Relation::kAgreementSigned || kb().StatesOf(f.subject).size() < 3) continue;
    EXPECT_TRUE(CodeFact(kb(), f, &counts_).empty()) << f.subject;
    if (++multilateral == 20) break;
  }
  EXPECT_EQ(multilateral, 20u);
}

// MID 2 (1902): the United States' highest action against the United Kingdom was a show
// of force (hiact 7, hostility level 3); the United Kingdom took none against it (hiact 0).
TEST_F(RecordsTest, MidOnsetIsCodedByTheFocalStatesHighestAction) {
  std::vector<CodedRecord> ev = CodeDisputes(*Data().relations, &counts_);
  std::vector<const CodedRecord*> dispute2;
  for (const CodedRecord& e : ev)
    if (e.record.ends_with("(dispute 2)")) dispute2.push_back(&e);
  ASSERT_EQ(dispute2.size(), 1u);
  const CodedRecord& r = *dispute2[0];
  EXPECT_EQ(r.src_state, "USA");
  EXPECT_EQ(r.tgt_state, "GBR");
  EXPECT_EQ(r.code, "150");
  EXPECT_EQ(r.day, Day(1902, 1, 1));
  EXPECT_EQ(r.precision, DatePrecision::kYear);
  EXPECT_EQ(r.source, "relations:mid");
  EXPECT_EQ(r.record, "conflict/cow_mid_dirdisps.csv row 1 (dispute 2)");
  EXPECT_EQ(r.rule, "mid-onset hiact 7");
  EXPECT_TRUE(r.military);
}

TEST(MidActionTest, EveryHostilityLevelMapsToItsCameoRoot) {
  for (int a = 1; a <= 6; ++a) EXPECT_EQ(CameoOfMidAction(a, 2).substr(0, 2), "13") << a;
  for (int a = 7; a <= 12; ++a) EXPECT_EQ(CameoOfMidAction(a, 3).substr(0, 2), "15") << a;
  for (int a : {13, 14, 16, 17, 18, 20, 21}) EXPECT_EQ(CameoOfMidAction(a, 4).substr(0, 2), "19") << a;
  EXPECT_EQ(CameoOfMidAction(15, 4), "171");
  EXPECT_EQ(CameoOfMidAction(19, 4), "2041");
  EXPECT_EQ(CameoOfMidAction(0, 1), "");
  EXPECT_EQ(CameoOfMidAction(-9, 2), "130");
  EXPECT_EQ(CameoOfMidAction(-9, 3), "150");
  EXPECT_EQ(CameoOfMidAction(-9, 5), "190");
  EXPECT_EQ(CameoOfMidAction(-9, 1), "");
}

TEST_F(RecordsTest, UcdpConflictOnsetIsFightingBothWaysInItsFirstYear) {
  std::vector<CodedRecord> ev = CodeConflicts(*Data().relations, &counts_);
  ASSERT_FALSE(ev.empty());
  for (const CodedRecord& e : ev) {
    EXPECT_EQ(e.code, "190");
    EXPECT_EQ(e.precision, DatePrecision::kYear);
    EXPECT_EQ(e.source, "relations:ucdp");
  }
  // Every onset has its reverse (the table holds both directions of a conflict-year).
  for (const CodedRecord& e : ev) {
    auto rev = std::find_if(ev.begin(), ev.end(), [&](const CodedRecord& o) {
      return o.src_state == e.tgt_state && o.tgt_state == e.src_state && o.day == e.day;
    });
    EXPECT_NE(rev, ev.end()) << e.src_state << "→" << e.tgt_state << " " << e.record;
  }
}

TEST_F(RecordsTest, OccurrenceKnownOnlyWithinYearsIsLeftOutWithItsReason) {
  const kb::Occurrence* occ = Occurrence("occ:manas-dismay");  // 2001-12/.. (in or after December 2001)
  ASSERT_NE(occ, nullptr);
  EXPECT_TRUE(CodeOccurrence(kb(), *occ, &counts_).empty());
  EXPECT_EQ(counts_.skipped_by_reason["occurrence dated only within a span of more than a month"], 1u);
}

TEST(RecordRefTest, RoundTripsPrecisionSourceAndARecordWithSpaces) {
  CodedRecord r;
  r.precision = DatePrecision::kYear;
  r.source = "relations:mid";
  r.record = "conflict/cow_mid_dirdisps.csv row 1 (dispute 2)";
  std::string url = FormatRecordRef(r);
  EXPECT_EQ(url, "year relations:mid conflict/cow_mid_dirdisps.csv row 1 (dispute 2)");
  auto ref = ParseRecordRef(url);
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  EXPECT_EQ(ref->precision, DatePrecision::kYear);
  EXPECT_EQ(ref->source, r.source);
  EXPECT_EQ(ref->record, r.record);
  EXPECT_FALSE(ParseRecordRef("https://example.org/story").ok());
  EXPECT_FALSE(ParseRecordRef("decade relations:mid x").ok());
}

// The whole coder into a store: every event carries dataset records and its reference,
// the Kerry visit's month has its events, and the same visit from the curated pack is not
// counted twice.
TEST_F(RecordsTest, BundledStoreHoldsTheKerryVisitOnceWithItsRecord) {
  const std::string dir = (fs::temp_directory_path() / ("dyad-records-" + std::to_string(::getpid()))).string();
  RecordInputs in{Data().world.get(), Data().kb.get(), Data().relations.get(), Data().taxonomy.get()};
  auto rep = BuildRecordStore(in, dir);
  ASSERT_TRUE(rep.ok()) << rep.status().ToString();
  EXPECT_GT(rep->rows, 20000u);
  EXPECT_GT(rep->counts.duplicates, 0u);
  auto store = Store::Open(dir);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto range = ParseDayRange("2015-10", "2015-10");
  ASSERT_TRUE(range.ok());
  auto rows = DyadEvents(**store, "USA", "KGZ", true, *range, 100);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);  // 042 USA→KGZ and 043 KGZ→USA, once each
  for (const StoredEvent& e : *rows) {
    EXPECT_EQ(e.dataset, Dataset::kRecords);
    EXPECT_EQ(e.day, Day(2015, 10, 31));
    EXPECT_EQ(e.url, "day historian:travels:secretary-travels secretary-travels/kerry-john-forbes.xml#3592");
    EXPECT_EQ(e.src_role, "GOV");
    EXPECT_EQ(e.src_actor, e.src_country + "GOV");
  }
  EXPECT_FLOAT_EQ((*rows)[0].code == "042" ? (*rows)[0].goldstein : (*rows)[1].goldstein, 1.9f);
  fs::remove_all(dir);
}

TEST_F(RecordsTest, RebuildingReplacesTheStoreWhole) {
  const std::string dir = (fs::temp_directory_path() / ("dyad-records-re-" + std::to_string(::getpid()))).string();
  RecordInputs in{Data().world.get(), Data().kb.get(), nullptr, Data().taxonomy.get()};
  auto first = BuildRecordStore(in, dir);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  in.relations = Data().relations.get();
  auto second = BuildRecordStore(in, dir);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_GT(second->rows, first->rows);  // MID and UCDP added, nothing kept from the first
  auto store = Store::Open(dir);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->rows(), second->rows);
  EXPECT_EQ((*store)->segments().size(), 1u);
  for (const auto& e : fs::directory_iterator(fs::path(dir).parent_path()))
    EXPECT_EQ(e.path().filename().string().find(fs::path(dir).filename().string() + ".tmp-"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad::events
