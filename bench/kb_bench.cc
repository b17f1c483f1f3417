// kb_bench: load time of packs and latency of as-of queries (docs/BENCHMARKS.md,
// "Knowledge base").
//
//   kb_bench [PACK_DIR...]     default: every directory under data/packs/
//
// Loads the world once (not timed as part of the packs), then loads the packs `kLoadRuns`
// times and reports the median and best; then times each query over `kQueryRuns` calls
// with dates spread over 1990..2020, and reports the mean per call in microseconds.
#include <fmt/format.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "kb/knowledge_base.h"
#include "world/world.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kLoadRuns = 9;
constexpr int kQueryRuns = 200000;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// CPU time of this process in ms: the figure that does not depend on other load.
double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

template <typename F>
void TimeQuery(const char* name, F&& f) {
  std::vector<dyad::Date> dates;
  for (int i = 0; i < 1024; ++i) {
    dates.push_back(dyad::Date::FromDays(dyad::DaysFromCivil(1990, 1, 1) + (i * 10957) / 1024));
  }
  size_t sink = 0;
  auto t0 = Clock::now();
  for (int i = 0; i < kQueryRuns; ++i) sink += f(dates[i & 1023]);
  double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / kQueryRuns;
  std::printf("  %-44s %8.3f us/call  (checksum %zu)\n", name, us, sink);
}

}  // namespace

int main(int argc, char** argv) {
  using dyad::kb::KnowledgeBase;
  std::vector<std::string> dirs(argv + 1, argv + argc);
  const bool load_only = !dirs.empty() && dirs[0] == "--load-only";
  if (load_only) dirs.erase(dirs.begin());
  if (dirs.empty()) dirs = KnowledgeBase::DefaultPackDirs();
  auto t0 = Clock::now();
  auto world = dyad::world::World::LoadDefault();
  if (!world.ok()) {
    std::fprintf(stderr, "kb_bench: %s\n", world.status().ToString().c_str());
    return 1;
  }
  std::printf("world: %zu states, loaded in %.1f ms (not part of the pack figures)\n",
              (*world)->states().size(), Ms(Clock::now() - t0));

  std::vector<double> runs, cpu;
  std::unique_ptr<KnowledgeBase> kb;
  dyad::kb::LoadReport report;
  for (int i = 0; i < kLoadRuns; ++i) {
    report = dyad::kb::LoadReport();
    auto start = Clock::now();
    double cpu0 = CpuMs();
    auto loaded = KnowledgeBase::Load(**world, dirs, &report);
    runs.push_back(Ms(Clock::now() - start));
    cpu.push_back(CpuMs() - cpu0);
    if (!loaded.ok()) {
      std::fprintf(stderr, "kb_bench: %s\n", loaded.status().ToString().c_str());
      return 1;
    }
    kb = std::move(loaded).value();
  }
  std::sort(runs.begin(), runs.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("packs: %zu dirs, %llu rows read; %zu sources, %zu entities, %zu facts, "
              "%zu occurrences; %d errors\n",
              dirs.size(), static_cast<unsigned long long>(report.total.read),
              kb->sources().size(), kb->entities().size(), kb->facts().size(),
              kb->occurrences().size(), report.errors());
  std::printf("load (read + validate + index), %d runs: wall median %.1f ms, best %.1f ms; "
              "CPU median %.1f ms, best %.1f ms\n",
              kLoadRuns, runs[runs.size() / 2], runs.front(), cpu[cpu.size() / 2], cpu.front());

  {
    dyad::kb::LoadReport r;
    auto start = Clock::now();
    std::vector<dyad::kb::PackData> packs;
    for (const std::string& d : dirs) packs.push_back(dyad::kb::ReadPack(d, &r).value());
    auto mid = Clock::now();
    auto built = KnowledgeBase::Build(**world, std::move(packs), &r);
    std::printf("  of which: read and parse %.1f ms, check and index %.1f ms\n",
                Ms(mid - start), Ms(Clock::now() - mid));
  }
  if (load_only) return 0;
  std::printf("queries (mean over %d calls, dates 1990..2020):\n", kQueryRuns);
  TimeQuery("Relations(USA, KGZ, d)", [&](const dyad::Date& d) {
    return kb->Relations("USA", "KGZ", d).since.size();
  });
  TimeQuery("Relations(USA, FRA, d)", [&](const dyad::Date& d) {
    return kb->Relations("USA", "FRA", d).since.size();
  });
  TimeQuery("Envoy(USA, KGZ, d)", [&](const dyad::Date& d) {
    return kb->Envoy("USA", "KGZ", d).heads.size();
  });
  TimeQuery("Envoy(USA, FRA, d)", [&](const dyad::Date& d) {
    return kb->Envoy("USA", "FRA", d).heads.size();
  });
  TimeQuery("Memberships(KGZ, d)", [&](const dyad::Date& d) {
    return kb->Memberships("KGZ", d).size();
  });
  TimeQuery("SharedMemberships(KGZ, KAZ, d)", [&](const dyad::Date& d) {
    return kb->SharedMemberships("KGZ", "KAZ", d).size();
  });
  TimeQuery("ReportingChain(agency:us-dos-sca, d)", [&](const dyad::Date& d) {
    return kb->ReportingChain("agency:us-dos-sca", d).size();
  });
  TimeQuery("Dyad(USA, KGZ, as of d)", [&](const dyad::Date& d) {
    auto v = kb->Dyad("USA", "KGZ", dyad::Interval::Point(d));
    return v.facts.size() + v.occurrences.size();
  });
  return 0;
}
