// Times the issue-4 benchmark queries Q1-Q4 (src/events/bench_queries.h) on an event store.
//   events_bench STORE [REPS=5] [--results DIR]
// Prints one JSON line per query: first run and the median of REPS further runs, in ms,
// measured in-process on an opened store (like the peers' open connections). With
// --results, writes each query's canonical answer to DIR/dyad_QN.tsv.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "events/bench_queries.h"
#include "events/store.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: events_bench STORE [REPS] [--results DIR]\n");
    return 2;
  }
  std::string dir = argv[1];
  int reps = 5;
  std::string results;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--results" && i + 1 < argc) results = argv[++i];
    else reps = std::max(1, std::atoi(a.c_str()));
  }
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  auto store = dyad::events::Store::Open(dir);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  double open_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  std::printf("{\"engine\": \"dyad\", \"rows\": %llu, \"segments\": %zu, \"bytes\": %llu, \"open_ms\": %.3f}\n",
              static_cast<unsigned long long>((*store)->rows()), (*store)->segments().size(),
              static_cast<unsigned long long>((*store)->bytes()), open_ms);
  for (int q = 1; q <= 4; ++q) {
    auto t = Clock::now();
    std::string answer = dyad::events::RunBenchQuery(**store, q);
    double first = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
      t = Clock::now();
      answer = dyad::events::RunBenchQuery(**store, q);
      times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    std::sort(times.begin(), times.end());
    size_t lines = std::count(answer.begin(), answer.end(), '\n');
    std::printf("{\"query\": \"Q%d\", \"first_ms\": %.4f, \"median_ms\": %.4f, \"result_rows\": %zu}\n", q,
                first, times[times.size() / 2], lines);
    if (!results.empty()) std::ofstream(fmt::format("{}/dyad_Q{}.tsv", results, q)) << answer;
  }
  return 0;
}
