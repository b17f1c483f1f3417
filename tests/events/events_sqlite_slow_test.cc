// CI check of the benchmark queries: 200,000 generated GDELT 1.0 rows (seed 42) go into
// the event store and into SQLite (bench/events_sqlite.py: sqlite3 .import, the dyad and
// month indexes); Q1-Q4 (src/events/bench_queries.h) must give the same answers.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/file.h"
#include "base/paths.h"
#include "base/rejects.h"
#include "events/bench_queries.h"
#include "events/ingest.h"
#include "test_util.h"

namespace dyad::events {
namespace {

std::vector<std::vector<std::string>> Parse(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, '\t')) f.push_back(cell);
    rows.push_back(f);
  }
  return rows;
}

// Equal cell by cell; numbers may differ by 1e-6 (SQLite averages doubles, dyad integers).
void ExpectSameAnswer(const std::string& ours, const std::string& theirs, int q) {
  auto a = Parse(ours), b = Parse(theirs);
  ASSERT_EQ(a.size(), b.size()) << "Q" << q << "\ndyad:\n" << ours << "sqlite:\n" << theirs;
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].size(), b[i].size()) << "Q" << q << " row " << i;
    for (size_t k = 0; k < a[i].size(); ++k) {
      if (a[i][k] == b[i][k]) continue;
      EXPECT_NEAR(std::stod(a[i][k]), std::stod(b[i][k]), 1e-6) << "Q" << q << " row " << i;
    }
  }
}

TEST(EventsVsSqlite, Q1ToQ4On200kGeneratedRows) {
  std::string home = DyadHome();
  std::string gen = testing::SharedEvents() + "/../../tools/gen_gdelt.py";
  if (!FileExists(gen)) GTEST_SKIP() << "generator absent: " << gen;
  if (std::system("command -v sqlite3 > /dev/null") != 0) GTEST_SKIP() << "sqlite3 absent";
  testing::TempDir dir;
  std::string tsv = dir.path() + "/gdelt.tsv";
  ASSERT_EQ(std::system(("python3 '" + gen + "' 200000 --seed 42 --out '" + tsv + "' 2>/dev/null").c_str()), 0);

  auto tax = Taxonomy::LoadDefault();
  ASSERT_TRUE(tax.ok());
  auto countries = MakeCodeShapeCountryMap({});
  auto store = Store::OpenForWrite(dir.path() + "/store");
  ASSERT_TRUE(store.ok());
  RejectSink rejects;
  IngestOptions opt;
  opt.batch_rows = 70000;  // several segments, so queries merge across them
  auto report = IngestFiles(store->get(), {tsv}, InputFormat::kGdelt, **tax, *countries, &rejects, opt);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->counts.read, 200000u);
  EXPECT_EQ(report->counts.accepted, 200000u);
  EXPECT_EQ((*store)->segments().size(), 3u);

  std::string results = dir.path();
  std::string cmd = "python3 '" + home + "/bench/events_sqlite.py' '" + tsv + "' '" + dir.path() +
                    "/events.sqlite' 1 '" + results + "' > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  for (int q = 1; q <= 4; ++q) {
    auto theirs = ReadFile(results + "/sqlite_Q" + std::to_string(q) + ".tsv");
    ASSERT_TRUE(theirs.ok());
    std::string ours = RunBenchQuery(**store, q);
    EXPECT_FALSE(ours.empty() && q != 3) << "Q" << q;
    ExpectSameAnswer(ours, *theirs, q);
  }
  // After compaction into one segment the answers stay the same.
  ASSERT_TRUE((*store)->Compact(1u << 20).ok());
  EXPECT_EQ((*store)->segments().size(), 1u);
  for (int q = 1; q <= 4; ++q) {
    auto theirs = ReadFile(results + "/sqlite_Q" + std::to_string(q) + ".tsv");
    ExpectSameAnswer(RunBenchQuery(**store, q), *theirs, q);
  }
}

}  // namespace
}  // namespace dyad::events
