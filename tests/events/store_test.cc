// The store: round trips, atomic publication, orphan clean-up, compaction, corruption
// detection, kill -9 during ingest, and a model test of the queries.
#include "events/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "base/file.h"
#include "events/ingest.h"
#include "events/query.h"
#include "gen_util.h"
#include "test_util.h"

namespace dyad::events {
namespace {

using testing::RandomEvents;
using testing::TempDir;

Status AppendAll(Store* store, const std::vector<StoredEvent>& events, size_t from, size_t to) {
  SegmentBuilder b;
  for (size_t i = from; i < to; ++i) b.Add(events[i].View());
  return store->Append(&b);
}

std::vector<StoredEvent> ReadAll(const Store& store) {
  std::vector<StoredEvent> out;
  for (const auto& seg : store.segments()) {
    auto rows = seg->ReadRows(0, seg->rows());
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    for (auto& e : *rows) out.push_back(std::move(e));
  }
  return out;
}

void ExpectSame(const StoredEvent& a, const StoredEvent& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.day, b.day);
  EXPECT_EQ(a.src_country, b.src_country);
  EXPECT_EQ(a.tgt_country, b.tgt_country);
  EXPECT_EQ(a.src_state, b.src_state);
  EXPECT_EQ(a.src_actor, b.src_actor);
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.quad, b.quad);
  EXPECT_FLOAT_EQ(a.goldstein, b.goldstein);
  EXPECT_EQ(a.mentions, b.mentions);
  EXPECT_FLOAT_EQ(a.tone, b.tone);
  EXPECT_EQ(a.geo_fips, b.geo_fips);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.is_root, b.is_root);
  EXPECT_EQ(a.dataset, b.dataset);
}

TEST(Store, RoundTripSortedByDyadThenDay) {
  TempDir dir;
  auto events = RandomEvents(7, 5000);
  {
    auto store = Store::OpenForWrite(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(AppendAll(store->get(), events, 0, 3000).ok());
    ASSERT_TRUE(AppendAll(store->get(), events, 3000, 5000).ok());
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->rows(), 5000u);
  EXPECT_EQ((*store)->segments().size(), 2u);
  EXPECT_TRUE((*store)->Check().ok());
  auto got = ReadAll(**store);
  ASSERT_EQ(got.size(), 5000u);
  // Within a segment: (src, tgt, day) non-decreasing.
  for (size_t i = 1; i < 3000; ++i) {
    auto key = [](const StoredEvent& e) { return std::tie(e.src_country, e.tgt_country, e.src_state, e.tgt_state, e.day); };
    EXPECT_LE(key(got[i - 1]), key(got[i]));
  }
  std::map<uint64_t, const StoredEvent*> by_id;
  for (const auto& e : got) by_id[e.id] = &e;
  for (const auto& e : events) ExpectSame(*by_id.at(e.id), e);
}

// The interning cache copied an empty field's bytes from its view's data(), which may be
// null (undefined behaviour; UBSan reported it at segment.cc in EventsVsSqlite).
TEST(Store, EmptyTextFieldsRoundTripWithoutCopyingFromANullView) {
  TempDir dir;
  auto events = RandomEvents(11, 50);
  for (auto& e : events) e.src_actor = e.tgt_actor = e.src_role = e.geo_fips = e.geo_state = e.url = "";
  {
    auto store = Store::OpenForWrite(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(AppendAll(store->get(), events, 0, events.size()).ok());
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::map<uint64_t, const StoredEvent*> by_id;
  auto got = ReadAll(**store);
  for (const auto& e : got) by_id[e.id] = &e;
  ASSERT_EQ(got.size(), events.size());
  for (const auto& e : events) ExpectSame(*by_id.at(e.id), e);
}

TEST(Store, OrphansOfAnInterruptedAppendAreRemoved) {
  TempDir dir;
  auto events = RandomEvents(8, 100);
  {
    auto store = Store::OpenForWrite(dir.path());
    ASSERT_TRUE(AppendAll(store->get(), events, 0, 100).ok());
  }
  // A segment written but never published, and a temporary file.
  ASSERT_TRUE(WriteFileAtomic(dir.path() + "/seg-000099.dseg", "garbage").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.path() + "/MANIFEST.tmp-1", "partial").ok());
  auto store = Store::OpenForWrite(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->rows(), 100u);
  EXPECT_FALSE(FileExists(dir.path() + "/seg-000099.dseg"));
  EXPECT_FALSE(FileExists(dir.path() + "/MANIFEST.tmp-1"));
  // A second writer is refused while the first holds the lock.
  EXPECT_EQ(Store::OpenForWrite(dir.path()).status().code(), StatusCode::kFailedPrecondition);
}

TEST(Store, CompactionMergesAndKeepsEveryEvent) {
  TempDir dir;
  auto events = RandomEvents(9, 6000);
  auto store = Store::OpenForWrite(dir.path());
  ASSERT_TRUE(store.ok());
  for (size_t i = 0; i < 6000; i += 1000) ASSERT_TRUE(AppendAll(store->get(), events, i, i + 1000).ok());
  EXPECT_EQ((*store)->segments().size(), 6u);
  ASSERT_TRUE((*store)->Compact(4000).ok());
  EXPECT_EQ((*store)->segments().size(), 2u);  // 4000 + 2000
  ASSERT_TRUE((*store)->Compact(100000).ok());
  EXPECT_EQ((*store)->segments().size(), 1u);
  EXPECT_EQ((*store)->rows(), 6000u);
  auto reopened = Store::Open(dir.path());
  ASSERT_TRUE(reopened.ok());
  EXPECT_TRUE((*reopened)->Check().ok());
  auto got = ReadAll(**reopened);
  std::set<uint64_t> ids;
  for (const auto& e : got) ids.insert(e.id);
  EXPECT_EQ(ids.size(), 6000u);
}

TEST(Store, DamageIsDetected) {
  TempDir dir;
  auto events = RandomEvents(10, 2000);
  std::string seg;
  {
    auto store = Store::OpenForWrite(dir.path());
    ASSERT_TRUE(AppendAll(store->get(), events, 0, 2000).ok());
    seg = dir.path() + "/" + (*store)->infos()[0].name;
  }
  auto data = ReadFile(seg);
  ASSERT_TRUE(data.ok());
  std::string flipped = *data;
  flipped[flipped.size() / 2] ^= 0x40;
  ASSERT_TRUE(WriteFileAtomic(seg, flipped).ok());
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->Check().code(), StatusCode::kCorruption);
  // Truncated: refused at open.
  ASSERT_TRUE(WriteFileAtomic(seg, data->substr(0, data->size() / 3)).ok());
  EXPECT_FALSE(Store::Open(dir.path()).ok());
  // Garbage bytes as a segment never crash the reader.
  std::mt19937 rng(3);
  for (int i = 0; i < 200; ++i) {
    std::string junk = data->substr(0, sizeof(SegmentHeader) + rng() % 4096);
    for (int k = 0; k < 8; ++k) junk[rng() % junk.size()] = static_cast<char>(rng());
    std::ofstream(seg, std::ios::binary | std::ios::trunc) << junk;
    auto s = Segment::Open(seg);
    if (s.ok()) (void)(*s)->ReadRows(0, (*s)->rows());
  }
}

TEST(Store, OpenMissingStoreSaysHowToLoadOne) {
  TempDir dir;
  auto store = Store::Open(dir.path() + "/nothing");
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
  EXPECT_NE(store.status().message().find("dyad ingest"), std::string::npos);
}

// ---------------------------------------------------------------- kill -9

// Forks a child that ingests `path` in batches of `batch` rows and appends the durable row
// count to `oracle` after each acknowledged batch; kills it after `delay`.
void IngestAndKill(const std::string& store_dir, const std::string& path, const std::string& oracle,
                   size_t batch, std::chrono::microseconds delay, bool wait_for_exit = false) {
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto tax = Taxonomy::LoadDefault();
    auto map = MakeCodeShapeCountryMap({"AFR"});
    auto store = Store::OpenForWrite(store_dir);
    if (!store.ok()) _exit(2);
    FILE* f = std::fopen(oracle.c_str(), "a");
    RejectSink none;
    IngestOptions opt;
    opt.batch_rows = batch;
    opt.on_ack = [&](uint64_t rows) {
      std::fprintf(f, "%llu\n", static_cast<unsigned long long>(rows));
      std::fflush(f);
    };
    auto r = IngestFiles(store->get(), {path}, InputFormat::kNative, **tax, *map, &none, opt);
    _exit(r.ok() ? 0 : 1);
  }
  int status = 0;
  if (wait_for_exit) {
    ::waitpid(pid, &status, 0);
    return;
  }
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
}

uint64_t LastAck(const std::string& oracle) {
  std::ifstream in(oracle);
  uint64_t v = 0, last = 0;
  while (in >> v) last = v;
  return last;
}

TEST(StoreKill, KillDuringIngestLosesNoAcknowledgedBatch) {
  const char* env = std::getenv("DYAD_KILL_ITERATIONS");
  int iterations = env ? std::atoi(env) : 12;
  uint64_t seed = std::random_device()();
  std::printf("kill test seed %llu, %d iterations\n", static_cast<unsigned long long>(seed), iterations);
  std::mt19937_64 rng(seed);
  TempDir dir;
  const size_t kRows = 20000, kBatch = 1000;
  auto events = RandomEvents(11, kRows);
  std::string input = dir.path() + "/input.tsv";
  {
    std::ofstream out(input);
    out << testing::NativeHeader();
    for (const auto& e : events) out << testing::NativeRow(e);
  }
  // Time one uninterrupted ingest, so kill delays fall inside the run on any machine.
  auto t0 = std::chrono::steady_clock::now();
  IngestAndKill(dir.path() + "/timing", input, dir.path() + "/timing-oracle", kBatch,
                std::chrono::seconds(60), /*wait_for_exit=*/true);
  auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
  ASSERT_EQ(LastAck(dir.path() + "/timing-oracle"), kRows);
  int acked_nonzero = 0, partial = 0;
  for (int it = 0; it < iterations; ++it) {
    std::string store_dir = dir.path() + fmt::format("/store{}", it);
    std::string oracle = dir.path() + fmt::format("/oracle{}", it);
    auto delay = std::chrono::microseconds(rng() % std::max<int64_t>(1000, full.count()));
    IngestAndKill(store_dir, input, oracle, kBatch, delay);
    uint64_t acked = LastAck(oracle);
    if (!FileExists(store_dir + "/MANIFEST")) {
      EXPECT_EQ(acked, 0u);
      ++partial;  // killed before the store existed
      continue;
    }
    auto store = Store::OpenForWrite(store_dir);  // also removes orphans
    ASSERT_TRUE(store.ok()) << "iteration " << it << ": " << store.status().ToString();
    ASSERT_TRUE((*store)->Check().ok());
    uint64_t rows = (*store)->rows();
    EXPECT_GE(rows, acked) << "iteration " << it << " lost acknowledged rows";
    EXPECT_TRUE(rows % kBatch == 0 || rows == kRows) << rows;
    // The stored events are exactly a prefix of the input: no hole, no duplicate.
    std::set<uint64_t> ids;
    for (const auto& e : ReadAll(**store)) EXPECT_TRUE(ids.insert(e.id).second) << e.id;
    EXPECT_EQ(ids.size(), rows);
    if (!ids.empty()) {
      EXPECT_EQ(*ids.begin(), 1u);
      EXPECT_EQ(*ids.rbegin(), rows);
    }
    if (acked > 0) ++acked_nonzero;
    if (rows < kRows) ++partial;
  }
  std::printf("kill test: %d iterations, %d with acknowledged batches, %d interrupted "
              "(uninterrupted run %lld us)\n",
              iterations, acked_nonzero, partial, static_cast<long long>(full.count()));
  // The test means something only if kills landed inside ingests.
  EXPECT_GE(partial, iterations / 3) << "too few runs were actually interrupted";
}

// ---------------------------------------------------------------- model test

struct Naive {
  std::vector<StoredEvent> events;
};

TEST(StoreModel, RandomQueriesMatchANaiveModel) {
  const char* env = std::getenv("DYAD_MODEL_SEED");
  uint64_t seed = env ? std::strtoull(env, nullptr, 10) : std::random_device()();
  std::printf("model test seed %llu (replay with DYAD_MODEL_SEED)\n", static_cast<unsigned long long>(seed));
  std::mt19937_64 rng(seed);
  TempDir dir;
  auto store = Store::OpenForWrite(dir.path());
  ASSERT_TRUE(store.ok());
  Naive model;
  static const char* kCountries[] = {"USA", "KGZ", "RUS", "CHN", "GEO", "AFR", "XXX"};
  uint64_t next_id = 1;
  int mismatches = 0;
  for (int step = 0; step < 300; ++step) {
    int op = static_cast<int>(rng() % 10);
    if (op <= 2) {  // append a batch
      auto batch = RandomEvents(rng(), 1 + rng() % 400, next_id);
      next_id += batch.size();
      SegmentBuilder b;
      for (const auto& e : batch) b.Add(e.View());
      ASSERT_TRUE((*store)->Append(&b).ok());
      model.events.insert(model.events.end(), batch.begin(), batch.end());
    } else if (op == 3) {
      if (rng() % 4 == 0) ASSERT_TRUE((*store)->Compact(1 + rng() % 3000).ok());
      else {
        store->reset();
        store = Store::OpenForWrite(dir.path());
        ASSERT_TRUE(store.ok());
      }
    } else {
      std::string a = kCountries[rng() % 7], b = kCountries[rng() % 7];
      bool both = rng() % 2;
      int32_t d0 = DaysFromCivil(2012, 11, 1);
      DayRange range;
      if (rng() % 2) range.from = d0 + static_cast<int32_t>(rng() % 900);
      if (rng() % 2) range.to = range.from == INT32_MIN ? d0 + static_cast<int32_t>(rng() % 1000)
                                                        : range.from + static_cast<int32_t>(rng() % 400);
      auto match = [&](const StoredEvent& e) {
        bool fwd = e.src_country == a && e.tgt_country == b;
        bool rev = both && e.src_country == b && e.tgt_country == a;
        return (fwd || rev) && range.Contains(e.day);
      };
      if (op <= 6) {  // series
        SeriesQuery q{a, b, both, static_cast<Period>(rng() % 4), range, rng() % 3 == 0};
        auto got = Series(**store, q);
        ASSERT_TRUE(got.ok());
        std::map<int64_t, std::pair<uint64_t, int64_t>> expect;
        std::map<int64_t, uint64_t> all;
        int32_t lo = INT32_MAX, hi = INT32_MIN;
        for (const auto& e : model.events) {
          if (match(e)) {
            auto& x = expect[PeriodOf(q.by, e.day)];
            ++x.first;
            x.second += std::lround(e.goldstein * 10);
            lo = std::min(lo, e.day);
            hi = std::max(hi, e.day);
          }
          all[PeriodOf(q.by, e.day)]++;
        }
        int32_t from = range.from != INT32_MIN ? range.from : lo;
        int32_t to = range.to != INT32_MAX ? range.to : hi;
        size_t n_expected = from > to ? 0 : PeriodOf(q.by, to) - PeriodOf(q.by, from) + 1;
        if (got->size() != n_expected) ++mismatches;
        ASSERT_EQ(got->size(), n_expected) << "step " << step;
        for (size_t i = 0; i < got->size(); ++i) {
          int64_t p = PeriodOf(q.by, from) + static_cast<int64_t>(i);
          EXPECT_EQ((*got)[i].label, PeriodLabel(q.by, p));
          auto it = expect.find(p);
          uint64_t c = it == expect.end() ? 0 : it->second.first;
          double g = it == expect.end() ? 0 : it->second.second / 10.0;
          if ((*got)[i].count != c || std::abs((*got)[i].goldstein_sum - g) > 1e-6) ++mismatches;
          EXPECT_EQ((*got)[i].count, c) << "step " << step << " period " << (*got)[i].label;
          EXPECT_NEAR((*got)[i].goldstein_sum, g, 1e-6);
          if (q.share) {
            // Share counts every event of the period inside [from, to].
            uint64_t total = 0;
            for (const auto& e : model.events) {
              if (e.day >= from && e.day <= to && PeriodOf(q.by, e.day) == p) ++total;
            }
            EXPECT_EQ((*got)[i].all_events, total);
          }
        }
      } else if (op == 7) {  // top codes
        auto got = TopCodes(**store, a, b, both, range, 5);
        std::map<std::string, uint64_t> counts;
        for (const auto& e : model.events) if (match(e)) counts[e.code]++;
        std::vector<CodeCount> expect;
        for (const auto& [c, n] : counts) expect.push_back({c, n});
        std::sort(expect.begin(), expect.end(), [](const CodeCount& x, const CodeCount& y) {
          return x.count != y.count ? x.count > y.count : x.code < y.code;
        });
        if (expect.size() > 5) expect.resize(5);
        ASSERT_EQ(got.size(), expect.size()) << "step " << step;
        for (size_t i = 0; i < got.size(); ++i) {
          if (got[i].code != expect[i].code || got[i].count != expect[i].count) ++mismatches;
          EXPECT_EQ(got[i].code, expect[i].code);
          EXPECT_EQ(got[i].count, expect[i].count);
        }
      } else if (op == 8) {  // rank
        int32_t month = 2012 * 12 + 10 + static_cast<int32_t>(rng() % 30);
        uint64_t min = rng() % 5;
        auto got = RankDyads(**store, month, min, 8);
        std::map<std::pair<std::string, std::string>, std::pair<uint64_t, int64_t>> acc;
        for (const auto& e : model.events) {
          if (MonthOfDay(e.day) != month || e.src_country.empty() || e.tgt_country.empty() ||
              e.src_country == e.tgt_country) continue;
          auto& x = acc[{e.src_country, e.tgt_country}];
          ++x.first;
          x.second += std::lround(e.goldstein * 10);
        }
        std::vector<DyadScore> expect;
        for (const auto& [k, v] : acc) {
          if (v.first >= min) expect.push_back({k.first, k.second, v.first, v.second / 10.0 / v.first});
        }
        std::sort(expect.begin(), expect.end(), [](const DyadScore& x, const DyadScore& y) {
          if (x.goldstein_mean != y.goldstein_mean) return x.goldstein_mean < y.goldstein_mean;
          if (x.count != y.count) return x.count > y.count;
          return std::tie(x.src, x.tgt) < std::tie(y.src, y.tgt);
        });
        if (expect.size() > 8) expect.resize(8);
        ASSERT_EQ(got.size(), expect.size()) << "step " << step;
        for (size_t i = 0; i < got.size(); ++i) {
          if (got[i].src != expect[i].src || got[i].tgt != expect[i].tgt || got[i].count != expect[i].count) ++mismatches;
          EXPECT_EQ(got[i].src + ">" + got[i].tgt, expect[i].src + ">" + expect[i].tgt) << "step " << step;
          EXPECT_EQ(got[i].count, expect[i].count);
        }
      } else {  // year x quad
        auto got = CountsByYearQuad(**store);
        std::map<int, std::array<uint64_t, 4>> expect;
        for (const auto& e : model.events) {
          int y, m, d;
          CivilFromDays(e.day, &y, &m, &d);
          expect[y][e.quad - 1]++;
        }
        ASSERT_EQ(got.size(), expect.size());
        for (const auto& yq : got) {
          if (yq.quad != expect[yq.year]) ++mismatches;
          EXPECT_EQ(yq.quad, expect[yq.year]) << yq.year;
        }
      }
    }
  }
  std::printf("model test: 300 steps, %zu events, %d mismatches\n", model.events.size(), mismatches);
  EXPECT_EQ(mismatches, 0);
}

TEST(Periods, IsoLabels) {
  int32_t d = DaysFromCivil(2019, 10, 24);
  EXPECT_EQ(PeriodLabel(Period::kDay, PeriodOf(Period::kDay, d)), "2019-10-24");
  EXPECT_EQ(PeriodLabel(Period::kWeek, PeriodOf(Period::kWeek, d)), "2019-W43");
  EXPECT_EQ(PeriodLabel(Period::kMonth, PeriodOf(Period::kMonth, d)), "2019-10");
  EXPECT_EQ(PeriodLabel(Period::kYear, PeriodOf(Period::kYear, d)), "2019");
  // ISO week-years: 2021-01-03 is in 2020-W53; 2018-12-31 in 2019-W01.
  EXPECT_EQ(PeriodLabel(Period::kWeek, PeriodOf(Period::kWeek, DaysFromCivil(2021, 1, 3))), "2020-W53");
  EXPECT_EQ(PeriodLabel(Period::kWeek, PeriodOf(Period::kWeek, DaysFromCivil(2018, 12, 31))), "2019-W01");
  EXPECT_EQ(PeriodFirstDay(Period::kWeek, PeriodOf(Period::kWeek, d)), DaysFromCivil(2019, 10, 21));
  auto r = ParseDayRange("2019-01", "2019");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->from, DaysFromCivil(2019, 1, 1));
  EXPECT_EQ(r->to, DaysFromCivil(2019, 12, 31));
  EXPECT_FALSE(ParseDayRange("2019-13", "").ok());
}

// A bug: MID and UCDP onsets, known only to the year, are stored on 1 January, and a
// monthly series counted them in January (USA-DEU "1941-01: 2 events" for a dispute of
// 1941). A series counts a coded record only by a period its date fits: a yearly series
// all, a monthly one not those known to the year, a daily or weekly one not those known to
// the month either; the ones left out are counted, and other datasets' 1 January events
// are ordinary days.
TEST(Store, YearPrecisionRecordsAreInNoMonthAndAreCountedAsLeftOut) {
  TempDir dir;
  auto event = [](int y, int m, int d, Dataset ds, std::string url, uint64_t id) {
    StoredEvent e;
    e.id = id;
    e.day = DaysFromCivil(y, m, d);
    e.src_country = "USA";
    e.tgt_country = "DEU";
    e.code = "190";
    e.quad = 4;
    e.goldstein = -10;
    e.dataset = ds;
    e.url = std::move(url);
    return e;
  };
  std::vector<StoredEvent> events = {
      event(1941, 1, 1, Dataset::kRecords, "year relations:mid conflict/cow_mid_dirdisps.csv row 1 (dispute 258)", 1),
      event(1941, 1, 1, Dataset::kRecords, "year relations:ucdp conflict/ucdp_acd.csv row 2", 2),
      event(1941, 12, 1, Dataset::kRecords, "month historian:rdcr germany#3", 3),
      event(1941, 12, 11, Dataset::kRecords, "day historian:rdcr germany#4", 4),
      event(1941, 1, 1, Dataset::kGdelt1, "https://example.org/5", 5)};
  {
    auto store = Store::OpenForWrite(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(AppendAll(store->get(), events, 0, events.size()).ok());
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->segments()[0]->has_records());
  auto series = [&](Period by, SeriesLeftOut* left_out) {
    SeriesQuery q{"USA", "DEU", false, by, {}, false};
    auto got = Series(**store, q, left_out);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    std::map<std::string, uint64_t> counts;
    for (const SeriesPoint& p : *got)
      if (p.count) counts[p.label] = p.count;
    return counts;
  };
  SeriesLeftOut by_year, by_month, by_day;
  EXPECT_EQ(series(Period::kYear, &by_year), (std::map<std::string, uint64_t>{{"1941", 5}}));
  EXPECT_EQ(by_year.total(), 0u);
  EXPECT_EQ(series(Period::kMonth, &by_month), (std::map<std::string, uint64_t>{{"1941-01", 1}, {"1941-12", 2}}))
      << "January holds the GDELT event of 1 January, not the two onsets of 1941";
  EXPECT_EQ(by_month.year_precision, 2u);
  EXPECT_EQ(by_month.month_precision, 0u);
  EXPECT_EQ(series(Period::kDay, &by_day), (std::map<std::string, uint64_t>{{"1941-01-01", 1}, {"1941-12-11", 1}}));
  EXPECT_EQ(by_day.year_precision, 2u);
  EXPECT_EQ(by_day.month_precision, 1u);
  EXPECT_EQ(series(Period::kWeek, nullptr).size(), 2u) << "the left-out count is optional";
}

TEST(Store, ASegmentWithoutCodedRecordsIsNotFlagged) {
  TempDir dir;
  auto events = RandomEvents(3, 100);
  {
    auto store = Store::OpenForWrite(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE(AppendAll(store->get(), events, 0, events.size()).ok());
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  EXPECT_FALSE((*store)->segments()[0]->has_records());
}

}  // namespace
}  // namespace dyad::events
