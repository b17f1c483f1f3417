// Issue 10 for the event store and readers: a store never touches what is not its own,
// re-ingesting or resuming never stores an event twice, injected I/O faults lose no
// acknowledged batch and add nothing unacknowledged, out-of-range values and bad UTF-8
// are rejects naming the field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <zstd.h>

#include "../base/fault_env.h"
#include "base/file.h"
#include "events/ingest.h"
#include "events/query.h"
#include "events/reader.h"
#include "events/store.h"
#include "gen_util.h"
#include "test_util.h"

namespace dyad::events {
namespace {

using testing::RandomEvents;
using testing::TempDir;
namespace fs = std::filesystem;

std::string WriteNative(const std::string& path, const std::vector<StoredEvent>& events) {
  std::ofstream out(path);
  out << testing::NativeHeader();
  for (const auto& e : events) out << testing::NativeRow(e);
  return path;
}

struct Ingested {
  Status status;
  IngestReport report;
  uint64_t acked = 0;
};

Ingested Ingest(Store* store, const std::string& file, size_t batch = 100) {
  auto tax = Taxonomy::LoadDefault();
  auto map = MakeCodeShapeCountryMap({"AFR"});
  RejectSink none;
  IngestOptions opt;
  opt.batch_rows = batch;
  Ingested out;
  opt.on_ack = [&](uint64_t rows) { out.acked = rows; };
  auto r = IngestFiles(store, {file}, InputFormat::kNative, **tax, *map, &none, opt);
  out.status = r.status();
  if (r.ok()) out.report = *r;
  return out;
}

std::set<uint64_t> StoredIds(const Store& store) {
  std::set<uint64_t> ids;
  for (const auto& seg : store.segments()) {
    auto rows = seg->ReadRows(0, seg->rows());
    EXPECT_TRUE(rows.ok());
    for (const auto& e : *rows) EXPECT_TRUE(ids.insert(e.id).second) << "duplicate id " << e.id;
  }
  return ids;
}

TEST(StoreOwnership, StoreOnANonEmptyDirectoryWithoutManifestIsRefused) {
  TempDir dir;
  std::string mine = dir.path() + "/seg-notes.txt";
  ASSERT_TRUE(WriteFileAtomic(mine, "my notes").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.path() + "/seg-000001.dseg", "not a segment").ok());
  auto store = Store::OpenForWrite(dir.path());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not an event store"), std::string::npos);
  EXPECT_EQ(ReadFile(mine).value(), "my notes");
  EXPECT_TRUE(FileExists(dir.path() + "/seg-000001.dseg"));
  EXPECT_FALSE(FileExists(dir.path() + "/MANIFEST"));
  EXPECT_FALSE(FileExists(dir.path() + "/LOCK"));
}

TEST(StoreOwnership, OrphanCleanupRemovesOnlyTheStoresOwnFiles) {
  TempDir dir;
  {
    auto store = Store::OpenForWrite(dir.path());
    ASSERT_TRUE(store.ok());
  }
  const std::vector<std::string> foreign = {"seg-notes.txt", "report.tmp-draft", "seg-12.dseg.bak",
                                            "MANIFEST.tmp-x", "notes.tmp-1"};
  for (const auto& f : foreign) ASSERT_TRUE(WriteFileAtomic(dir.path() + "/" + f, "keep").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.path() + "/seg-000099.dseg", "orphan").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.path() + "/seg-000099.dseg.tmp-77-0", "temp").ok());
  auto store = Store::OpenForWrite(dir.path());
  ASSERT_TRUE(store.ok());
  for (const auto& f : foreign) EXPECT_TRUE(FileExists(dir.path() + "/" + f)) << f;
  EXPECT_FALSE(FileExists(dir.path() + "/seg-000099.dseg"));
  EXPECT_FALSE(FileExists(dir.path() + "/seg-000099.dseg.tmp-77-0"));
}

TEST(StoreDuplicates, ReingestingTheSameFileStoresNothingTwice) {
  TempDir dir;
  std::string file = WriteNative(dir.path() + "/in.tsv", RandomEvents(3, 500));
  auto store = Store::OpenForWrite(dir.path() + "/store");
  ASSERT_TRUE(store.ok());
  Ingested first = Ingest(store->get(), file);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_EQ((*store)->rows(), 500u);
  Ingested second = Ingest(store->get(), file);
  ASSERT_TRUE(second.status.ok());
  EXPECT_EQ((*store)->rows(), 500u);
  EXPECT_EQ(second.report.counts.duplicates, 500u);
  EXPECT_EQ(second.report.already_stored, 500u);
  EXPECT_EQ(second.report.counts.accepted, 0u);
}

TEST(StoreDuplicates, ResumeAfterAnInterruptedIngestAddsOnlyTheRest) {
  TempDir dir;
  auto events = RandomEvents(4, 1000);
  std::string full = WriteNative(dir.path() + "/full.tsv", events);
  // The interrupted run stored the first 300 rows (three acknowledged batches).
  std::string part = WriteNative(dir.path() + "/part.tsv",
                                 std::vector<StoredEvent>(events.begin(), events.begin() + 300));
  auto store = Store::OpenForWrite(dir.path() + "/store");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(Ingest(store->get(), part).status.ok());
  Ingested resumed = Ingest(store->get(), full);
  ASSERT_TRUE(resumed.status.ok());
  EXPECT_EQ(resumed.report.already_stored, 300u);
  EXPECT_EQ((*store)->rows(), 1000u);
  EXPECT_EQ(StoredIds(**store).size(), 1000u);
}

// Runs an ingest of 5 batches into a store that already holds one, failing the Nth write,
// fsync or rename; then reopens the store with the real file system.
void ExpectFaultLosesNothing(dyad::testing::Fault fault, const char* name) {
  int fired = 0;
  for (int at = 1;; ++at) {
    TempDir dir;
    auto events = RandomEvents(5, 600);
    std::string first = WriteNative(dir.path() + "/first.tsv",
                                    std::vector<StoredEvent>(events.begin(), events.begin() + 100));
    std::string rest = WriteNative(dir.path() + "/rest.tsv", events);
    std::string sdir = dir.path() + "/store";
    {
      auto store = Store::OpenForWrite(sdir);
      ASSERT_TRUE(store.ok());
      ASSERT_TRUE(Ingest(store->get(), first).status.ok());
    }
    dyad::testing::FaultEnv env(at, fault);
    uint64_t acked = 100;
    bool ok = false;
    {
      auto store = Store::OpenForWrite(sdir, &env);
      if (store.ok()) {
        Ingested r = Ingest(store->get(), rest);
        ok = r.status.ok();
        if (r.acked) acked = r.acked;
      }
    }
    auto reopened = Store::OpenForWrite(sdir);
    ASSERT_TRUE(reopened.ok()) << name << " at op " << at << ": " << reopened.status().ToString();
    ASSERT_TRUE((*reopened)->Check().ok());
    const uint64_t rows = (*reopened)->rows();
    EXPECT_EQ(rows, ok ? 600u : acked) << name << " at op " << at << ": every acknowledged batch, nothing else";
    std::set<uint64_t> ids = StoredIds(**reopened);
    EXPECT_EQ(ids.size(), rows);
    if (!env.fired()) {
      EXPECT_TRUE(ok);
      break;
    }
    EXPECT_FALSE(ok) << name << " at op " << at << " was not reported";
    ++fired;
  }
  EXPECT_GE(fired, 15) << "every write, fsync and rename of 5 batches was faulted";
}

TEST(StoreFaults, EnospcAtEveryWriteFsyncAndRenameOfAnIngest) {
  ExpectFaultLosesNothing(dyad::testing::Fault::kEnospc, "ENOSPC");
}
TEST(StoreFaults, EioAtEveryWriteFsyncAndRenameOfAnIngest) {
  ExpectFaultLosesNothing(dyad::testing::Fault::kEio, "EIO");
}
TEST(StoreFaults, ShortWriteAtEveryWriteOfAnIngest) {
  ExpectFaultLosesNothing(dyad::testing::Fault::kShortWrite, "short write");
}

TEST(StoreFaults, FaultDuringCompactionKeepsEveryEvent) {
  for (auto fault : {dyad::testing::Fault::kEnospc, dyad::testing::Fault::kEio, dyad::testing::Fault::kShortWrite}) {
    for (int at = 1;; ++at) {
      TempDir dir;
      std::string file = WriteNative(dir.path() + "/in.tsv", RandomEvents(6, 400));
      std::string sdir = dir.path() + "/store";
      {
        auto store = Store::OpenForWrite(sdir);
        ASSERT_TRUE(Ingest(store->get(), file, 50).status.ok());
      }
      dyad::testing::FaultEnv env(at, fault);
      bool ok;
      {
        auto store = Store::OpenForWrite(sdir, &env);
        ok = store.ok() && (*store)->Compact(1000).ok();
      }
      auto reopened = Store::OpenForWrite(sdir);
      ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
      ASSERT_TRUE((*reopened)->Check().ok());
      EXPECT_EQ((*reopened)->rows(), 400u) << "fault at op " << at;
      EXPECT_EQ(StoredIds(**reopened).size(), 400u);
      if (!env.fired()) {
        EXPECT_TRUE(ok);
        EXPECT_EQ((*reopened)->segments().size(), 1u);
        break;
      }
    }
  }
}

// ---------------------------------------------------------------- reader field rules

struct Read1 {
  ReadCounts counts;
  std::vector<std::string> messages;
};

Read1 ReadIcews(const std::string& text) {
  auto tax = Taxonomy::LoadDefault();
  auto map = testing::SmallCountryMap();
  RejectSink sink;
  EventReader reader(**tax, *map, &sink, {});
  Status st = reader.ReadString(text, "icews.tab", InputFormat::kIcews,
                                [](const EventView&) { return Status::OK(); });
  EXPECT_TRUE(st.ok());
  return {reader.counts(), sink.first_messages()};
}

std::string IcewsRow(const std::string& intensity, const std::string& source = "Kyrgyzstan") {
  return "1\t2018-01-02\tGovernment (Kyrgyzstan)\tGovernment\t" + source +
         "\tMake statement\t010\t" + intensity +
         "\tUnited States\tGovernment\tUnited States\t9\t1\tAFP\tBishkek\t\tChuy\tKyrgyzstan\t42.87\t74.59\n";
}

const char* kIcewsHeader =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
    "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\t"
    "Publisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";

TEST(ReaderRanges, IcewsIntensityOutsideItsRangeIsARejectNamingTheField) {
  Read1 ok = ReadIcews(std::string(kIcewsHeader) + IcewsRow("3.0"));
  EXPECT_EQ(ok.counts.accepted, 1u);
  Read1 bad = ReadIcews(std::string(kIcewsHeader) + IcewsRow("42"));
  EXPECT_EQ(bad.counts.rejected_by_reason["out-of-range"], 1u);
  ASSERT_EQ(bad.messages.size(), 1u);
  EXPECT_NE(bad.messages[0].find(":8: Intensity 42 outside [-10, 10]"), std::string::npos)
      << bad.messages[0];
}

TEST(ReaderRanges, IcewsFileWithAByteOrderMarkIsAccepted) {
  Read1 r = ReadIcews("\xEF\xBB\xBF" + std::string(kIcewsHeader) + IcewsRow("1"));
  EXPECT_EQ(r.counts.rejected, 0u);
  EXPECT_EQ(r.counts.accepted, 1u);
}

TEST(ReaderRanges, InvalidUtf8NamesTheField) {
  Read1 r = ReadIcews(std::string(kIcewsHeader) + IcewsRow("1", "Kyrgyz\xFFstan"));
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_NE(r.messages[0].find(":5: invalid UTF-8 in Source Country"), std::string::npos)
      << r.messages[0];
}

TEST(ReaderRanges, NativeGoldsteinAndMentionsOutOfRangeAreRejects) {
  auto events = RandomEvents(7, 3);
  events[0].goldstein = 99.5f;
  events[1].mentions = -5;
  auto tax = Taxonomy::LoadDefault();
  auto map = MakeCodeShapeCountryMap({"AFR"});
  RejectSink sink;
  EventReader reader(**tax, *map, &sink, {});
  std::string text = testing::NativeHeader();
  for (const auto& e : events) text += testing::NativeRow(e);
  ASSERT_TRUE(reader.ReadString(text, "n.tsv", InputFormat::kNative,
                                [](const EventView&) { return Status::OK(); }).ok());
  EXPECT_EQ(reader.counts().accepted, 1u);
  EXPECT_EQ(reader.counts().rejected_by_reason.at("out-of-range"), 2u);
  EXPECT_NE(sink.first_messages()[0].find(":14: goldstein"), std::string::npos);
  EXPECT_NE(sink.first_messages()[1].find(":15: mentions is negative"), std::string::npos);
}

// Issue 10: SegmentBuilder did not check ZSTD_compress's result; a chunk that does not
// compress is now an error, and the store keeps exactly what it had.
size_t FailingCompress(void* dst, size_t, const void* src, size_t n, int level) {
  return ZSTD_compress(dst, 0, src, n, level);  // no room: zstd's dstSize_tooSmall error
}

TEST(SegmentBuilder, ChunkThatDoesNotCompressIsAnErrorAndTheStoreIsUnchanged) {
  TempDir dir;
  auto store = Store::OpenForWrite(dir.path() + "/store");
  ASSERT_TRUE(store.ok());
  SegmentBuilder good;
  for (const auto& e : RandomEvents(5, 50)) good.Add(e.View());
  ASSERT_TRUE((*store)->Append(&good).ok());
  SegmentBuilder bad(&FailingCompress);
  for (const auto& e : RandomEvents(6, 50, 1000)) bad.Add(e.View());
  Status st = (*store)->Append(&bad);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("does not compress"), std::string::npos) << st.message();
  EXPECT_EQ(bad.rows(), 0u);
  EXPECT_EQ((*store)->rows(), 50u);
  store->reset();
  auto reopened = Store::Open(dir.path() + "/store");
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->rows(), 50u);
  EXPECT_TRUE((*reopened)->Check().ok());
}

// Issue 10: `events series --by day --from 0001-01-01 --to 9999-12-31` took 45 s and
// 5.7 GB; a series is bounded by kMaxSeriesPeriods, refused before any allocation.
TEST(SeriesLimits, MoreThanTheLimitOfPeriodsIsRefusedNamingTheCount) {
  TempDir dir;
  auto store = Store::OpenForWrite(dir.path() + "/store");
  ASSERT_TRUE(store.ok());
  SeriesQuery q;
  q.a = "USA";
  q.b = "KGZ";
  q.by = Period::kDay;
  auto range = ParseDayRange("0001-01-01", "9999-12-31");
  ASSERT_TRUE(range.ok());
  q.range = *range;
  auto too_many = Series(**store, q);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(too_many.status().message().find("3652059 periods"), std::string::npos)
      << too_many.status().message();
  q.by = Period::kYear;  // 9,999 periods: fine
  auto years = Series(**store, q);
  ASSERT_TRUE(years.ok()) << years.status().message();
  EXPECT_EQ(years->size(), 9999u);
  auto limit = ParseDayRange("1900-01-01", "2173-10-15");  // exactly kMaxSeriesPeriods days
  ASSERT_TRUE(limit.ok());
  q.by = Period::kDay;
  q.range = *limit;
  auto at_limit = Series(**store, q);
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().message();
  EXPECT_EQ(at_limit->size(), static_cast<size_t>(kMaxSeriesPeriods));
}

// Issue 10 (found by the events-series state check): DictFind answered 4294967295, not -1,
// for a string the segment does not hold (a uint32_t/int ternary), so every code
// looked present.
TEST(SegmentBuilder, DictFindOfAnAbsentStringIsMinusOne) {
  SegmentBuilder b;
  for (const auto& e : RandomEvents(8, 20)) b.Add(e.View());
  auto data = b.Finish();
  ASSERT_TRUE(data.ok());
  TempDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir.path() + "/seg.dseg", *data).ok());
  auto seg = Segment::Open(dir.path() + "/seg.dseg");
  ASSERT_TRUE(seg.ok()) << seg.status().message();
  EXPECT_GE((*seg)->DictFind("USA"), 0);
  EXPECT_EQ((*seg)->DictFind("Narnia"), -1);
  EXPECT_GE((*seg)->DictFind(""), 0);  // Finish interns the empty string
  EXPECT_EQ((*seg)->DictFind("zzzzzzzz"), -1);  // past the last entry
}

}  // namespace
}  // namespace dyad::events
