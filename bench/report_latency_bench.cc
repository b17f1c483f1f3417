// `dyad report A B` as a whole process over KGZ–USA and the twenty pairs of
// tests/relations/pair_coverage_test.cc, with every bundled source (issue 11's speed
// target: median at most 250 ms, resident memory at most 200 MB).
//
// Usage: report_latency_bench DYAD [RUNS] [TEXT_RUNS]
//   DYAD       the dyad executable (build/dyad)
//   RUNS       runs per pair with the default sources (the compiled snapshot; default 3)
//   TEXT_RUNS  runs per pair with every pack read as text (--packs; default 1, 0 skips):
//              the peer, the same data without the snapshot
// Each run is a fresh process (fork + exec, stdout to /dev/null, the dossier as JSON into a
// temporary file); wall time by the steady clock, CPU time (user + system) and the largest
// resident set by wait4. Prints, per mode, the median and maximum wall time, the median CPU
// time and the largest resident set. CPU time is what the command needs; on a machine
// shared with other work the wall time adds the time spent waiting for a core.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr const char* kPairs[][2] = {
    {"KGZ", "USA"}, {"GMB", "ISR"}, {"AUT", "XKX"}, {"SAU", "TUR"}, {"FRA", "DEU"}, {"IND", "PAK"},
    {"RUS", "UKR"}, {"BRA", "ARG"}, {"JPN", "KOR"}, {"NGA", "GHA"}, {"CAN", "MEX"}, {"EGY", "ETH"},
    {"IDN", "AUS"}, {"CHL", "PER"}, {"KEN", "TZA"}, {"VNM", "CHN"}, {"NOR", "SWE"}, {"MAR", "DZA"},
    {"KAZ", "MNG"}, {"FJI", "NZL"}, {"URY", "PRY"},
};

struct Run {
  double wall_ms = 0, cpu_ms = 0;
  long rss_kb = 0;
  bool ok = false;
};

double Ms(const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; }

// Runs argv once; the child's stdout and stderr go to /dev/null.
Run RunOnce(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage use{};
  Run r;
  if (pid < 0 || wait4(pid, &status, 0, &use) != pid) return r;
  r.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  r.cpu_ms = Ms(use.ru_utime) + Ms(use.ru_stime);
  r.rss_kb = use.ru_maxrss;
  r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return r;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[(v.size() - 1) / 2];
}

// Every pair `runs` times with `extra` arguments; prints one summary line.
bool Measure(const char* label, const std::string& dyad, const std::string& out, int runs,
             const std::vector<std::string>& extra) {
  std::vector<double> wall, cpu;
  long rss = 0;
  int failed = 0;
  for (const auto& pair : kPairs)
    for (int i = 0; i < runs; ++i) {
      std::vector<std::string> argv = {dyad, "report", pair[0], pair[1], "--format", "json", "-o", out};
      argv.insert(argv.end(), extra.begin(), extra.end());
      Run r = RunOnce(argv);
      failed += !r.ok;
      wall.push_back(r.wall_ms);
      cpu.push_back(r.cpu_ms);
      rss = std::max(rss, r.rss_kb);
    }
  std::printf("%-36s median %5.0f ms  max %5.0f ms  median CPU %5.0f ms  max RSS %4ld MB  (%zu runs, %d failed)\n",
              label, Median(wall), *std::max_element(wall.begin(), wall.end()), Median(cpu), rss / 1024,
              wall.size(), failed);
  std::fflush(stdout);
  return failed == 0;
}

// --packs DIR for every pack directory of data/packs and data/kb-packs.
std::vector<std::string> TextPacks(const std::string& home) {
  std::vector<std::string> dirs;
  for (const char* group : {"/data/packs", "/data/kb-packs"}) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(home + group, ec))
      if (e.is_directory() && e.path().filename() != "compiled") dirs.push_back(e.path().string());
  }
  std::sort(dirs.begin(), dirs.end());
  std::vector<std::string> out;
  for (const std::string& d : dirs) out.insert(out.end(), {"--packs", d});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: report_latency_bench DYAD [RUNS] [TEXT_RUNS]\n"), 2;
  const std::string dyad = std::filesystem::absolute(argv[1]).string();
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  const int text_runs = argc > 3 ? std::atoi(argv[3]) : 1;
  const char* home_env = std::getenv("DYAD_HOME");
  const std::string home = home_env ? home_env : std::filesystem::current_path().string();
  const std::string out = (std::filesystem::temp_directory_path() / ("report_latency_" + std::to_string(getpid()) + ".json")).string();
  RunOnce({dyad, "report", "KGZ", "USA", "--format", "json", "-o", out});  // compiles a stale snapshot once
  bool ok = Measure("dyad report (snapshot, default)", dyad, out, runs, {});
  if (text_runs > 0) ok &= Measure("dyad report (every pack as text)", dyad, out, text_runs, TextPacks(home));
  std::filesystem::remove(out);
  return ok ? 0 : 1;
}
