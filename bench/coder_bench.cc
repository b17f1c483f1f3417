// Event coder throughput beside TABARI on the same sentences, in one run.
//
//   coder_bench CORPUS [--repeat N] [--tabari-build DIR] [--tabari-text FILE]
//
// CORPUS is one sentence per line, "YYYYMMDD<TAB>ID<TAB>sentence" (the form of
// ../shared/tools/peers/tabari/make_bench_sentences.py). dyad loads its full data (world,
// resolver, CAMEO taxonomy, the office holders of every pack under data/packs plus the
// leaders pack, from the office-holder cache as `dyad code` does (coder/office_holders.h;
// a stale or absent cache is compiled first and the load is then timed again from it),
// data/coder dictionaries), then codes every sentence as a document of its own
// dated by its line, on one thread; the median of N passes is reported. With
// --tabari-build, ../shared/tools/peers/tabari/run.sh codes --tabari-text (the same
// sentences in TABARI's record format, from text2tabari.py) with its large CAMEO
// dictionaries, and its figures are printed after dyad's. docs/BENCHMARKS.md has the command.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/file.h"
#include "base/paths.h"
#include "coder/coder.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace dyad;

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

struct Line {
  std::optional<Date> date;
  std::string text;
};

std::vector<Line> ReadCorpus(const std::string& path) {
  Result<std::string> data = ReadFile(path);
  if (!data.ok()) {
    std::fprintf(stderr, "coder_bench: %s\n", data.status().message().c_str());
    std::exit(1);
  }
  std::vector<Line> out;
  size_t b = 0;
  while (b < data->size()) {
    size_t e = data->find('\n', b);
    if (e == std::string::npos) e = data->size();
    std::string_view l(data->data() + b, e - b);
    size_t t1 = l.find('\t'), t2 = t1 == std::string_view::npos ? t1 : l.find('\t', t1 + 1);
    if (t2 != std::string_view::npos) {
      Result<Date> d = Date::ParseCompact(l.substr(0, t1));
      out.push_back({d.ok() ? std::optional<Date>(*d) : std::nullopt, std::string(l.substr(t2 + 1))});
    }
    b = e + 1;
  }
  return out;
}

template <typename T>
T OrDie(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "coder_bench: %s: %s\n", what, r.status().message().c_str());
    std::exit(1);
  }
  return std::move(r).value();
}

struct Loaded {
  std::shared_ptr<const world::World> world;
  std::unique_ptr<world::Resolver> resolver;
  std::shared_ptr<const events::Taxonomy> taxonomy;
  std::shared_ptr<const coder::OfficeHolders> holders;
  bool compiled = false;  // the office-holder cache was stale or absent: the packs were loaded
  std::unique_ptr<coder::Coder> coder;
};

// CPU seconds of each load step, printed with the figures.
struct LoadTimes {
  double world = 0, resolver = 0, kb = 0, coder = 0;
};

Loaded Load(LoadTimes* t) {
  Loaded l;
  double c = CpuSeconds();
  auto step = [&](double* out) { double now = CpuSeconds(); *out = now - c; c = now; };
  l.world = OrDie(world::World::LoadDefault(), "world");
  step(&t->world);
  l.resolver = OrDie(world::Resolver::LoadDefault(l.world), "resolver");
  l.taxonomy = OrDie(events::Taxonomy::LoadDefault(), "taxonomy");
  step(&t->resolver);
  kb::LoadReport report;
  l.holders = std::make_shared<const coder::OfficeHolders>(
      OrDie(coder::OfficeHolders::OpenOrCompile(*l.world, coder::OfficeHolderPackDirs(),
                                                coder::OfficeHolders::DefaultPath(), &report, &l.compiled),
            "office holders"));
  step(&t->kb);
  l.coder = std::make_unique<coder::Coder>(*l.resolver, *l.taxonomy,
                                           OrDie(coder::Dictionary::LoadDefault(), "dictionary"), l.holders);
  step(&t->coder);
  return l;
}

size_t CodeAll(const coder::Coder& c, const std::vector<Line>& lines) {
  size_t events = 0;
  for (const Line& l : lines) {
    coder::DocumentState doc;
    doc.document_date = l.date;
    events += c.CodeText(l.text, &doc).size();
  }
  return events;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: coder_bench CORPUS [--repeat N] [--tabari-build DIR --tabari-text FILE]\n");
    return 2;
  }
  std::string corpus = argv[1], tabari_build, tabari_text;
  int repeat = 5;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (std::strcmp(argv[i], "--tabari-build") == 0) tabari_build = argv[i + 1];
    else if (std::strcmp(argv[i], "--tabari-text") == 0) tabari_text = argv[i + 1];
  }
  std::vector<Line> lines = ReadCorpus(corpus);
  double cpu0 = CpuSeconds();
  auto t0 = Clock::now();
  LoadTimes lt;
  Loaded l = Load(&lt);
  double load_wall = std::chrono::duration<double>(Clock::now() - t0).count();
  double load_cpu = CpuSeconds() - cpu0;
  double cold_wall = 0, cold_cpu = 0;
  if (l.compiled) {  // time the load every later run makes, from the cache just written
    cold_wall = load_wall;
    cold_cpu = load_cpu;
    cpu0 = CpuSeconds();
    t0 = Clock::now();
    l = Load(&lt);
    load_wall = std::chrono::duration<double>(Clock::now() - t0).count();
    load_cpu = CpuSeconds() - cpu0;
  }
  std::vector<double> walls, cpus;
  size_t events = 0;
  for (int r = 0; r < repeat; ++r) {
    double c0 = CpuSeconds();
    auto s0 = Clock::now();
    events = CodeAll(*l.coder, lines);
    walls.push_back(std::chrono::duration<double>(Clock::now() - s0).count());
    cpus.push_back(CpuSeconds() - c0);
  }
  std::sort(walls.begin(), walls.end());
  std::sort(cpus.begin(), cpus.end());
  double wall = walls[walls.size() / 2], cpu = cpus[cpus.size() / 2];
  double n = static_cast<double>(lines.size());
  std::printf("dyad coder: %zu sentences, %zu events; %zu patterns, %zu agent phrases\n", lines.size(),
              events, l.coder->dictionary().patterns().size(), l.coder->dictionary().agents().size());
  std::printf("  load (world, resolver, taxonomy, %zu office holders with %zu terms, dictionaries): "
              "%.3f s wall, %.3f s CPU\n", l.holders->holders().size(), l.holders->term_count(), load_wall, load_cpu);
  std::printf("  load CPU by step: world %.3f s, resolver and taxonomy %.3f s, office holders %.3f s (%s), "
              "dictionaries and coder %.3f s\n", lt.world, lt.resolver, lt.kb,
              l.compiled ? "cache stale or absent: packs loaded and cache written" : "from the fresh cache",
              lt.coder);
  if (cold_wall > 0)
    std::printf("  first load (cache compiled from the packs): %.3f s wall, %.3f s CPU\n", cold_wall, cold_cpu);
  std::printf("  coding only, median of %d: %.3f s wall (%.0f sentences/s), %.3f s CPU (%.0f sentences/s/core)\n",
              repeat, wall, n / wall, cpu, n / cpu);
  std::printf("  whole run (load + one pass): %.0f sentences/s wall, %.0f sentences/s CPU; peak RSS %.1f MB\n",
              n / (load_wall + wall), n / (load_cpu + cpu), PeakRssKb() / 1024.0);
  std::fflush(stdout);
  if (!tabari_build.empty() && !tabari_text.empty()) {
    std::string shared = SharedDir() + "/tools/peers/tabari";
    std::string cmd = fmt::format("{}/run.sh -b {} -r {} code {}/large.project {}", shared, tabari_build,
                                  repeat, shared, tabari_text);
    std::printf("TABARI 0.8.4b2, large CAMEO dictionaries, same sentences (%s):\n", cmd.c_str());
    std::fflush(stdout);
    int rc = std::system(cmd.c_str());
    if (rc != 0) std::printf("  TABARI run failed (exit %d)\n", rc);
  }
  return 0;
}
