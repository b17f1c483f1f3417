// Dossier benchmark: loads the world and the bundled packs once, then times building the
// dossier model of a pair and rendering it as JSON, Markdown and HTML, N times each, and
// prints the median and the fastest run in milliseconds.
//
//   build/bench/dossier_bench [A=KGZ] [B=USA] [N=50]
//
// The whole `dyad report` process (load included) is timed by the command in
// docs/BENCHMARKS.md, beside this program's figures.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <vector>

#include "kb/knowledge_base.h"
#include "report/dossier.h"
#include "world/world.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void Time(const char* what, int n, const std::function<size_t()>& run) {
  std::vector<double> ms;
  size_t bytes = 0;
  for (int i = 0; i < n; ++i) {
    auto t0 = Clock::now();
    bytes = run();
    ms.push_back(Ms(t0, Clock::now()));
  }
  std::sort(ms.begin(), ms.end());
  fmt::print("{:<28} median {:8.3f} ms   fastest {:8.3f} ms   ({} bytes)\n", what, ms[ms.size() / 2],
             ms.front(), bytes);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dyad;
  const std::string a = argc > 1 ? argv[1] : "KGZ";
  const std::string b = argc > 2 ? argv[2] : "USA";
  const int n = argc > 3 ? std::atoi(argv[3]) : 50;
  auto t0 = Clock::now();
  auto world = world::World::LoadDefault();
  if (!world.ok()) {
    fmt::print(stderr, "{}\n", world.status().ToString());
    return 1;
  }
  auto t1 = Clock::now();
  kb::LoadReport report;
  auto kb = kb::KnowledgeBase::Load(**world, kb::KnowledgeBase::DefaultPackDirs(), &report);
  if (!kb.ok()) {
    fmt::print(stderr, "{}\n", kb.status().ToString());
    return 1;
  }
  auto t2 = Clock::now();
  fmt::print("dossier {}–{}: world loaded in {:.1f} ms, packs in {:.1f} ms ({} facts)\n", a, b, Ms(t0, t1),
             Ms(t1, t2), (*kb)->facts().size());
  report::DossierRequest req;
  req.a = (*world)->Find(a);
  req.b = (*world)->Find(b);
  if (req.a == nullptr || req.b == nullptr) {
    fmt::print(stderr, "unknown state key {} or {}\n", a, b);
    return 1;
  }
  // The atlases are decoded once, as `dyad report` does; time it apart.
  auto h0 = Clock::now();
  auto atlas = graphics::LoadDefaultMapData();
  if (!atlas.ok()) {
    fmt::print(stderr, "{}\n", atlas.status().ToString());
    return 1;
  }
  req.atlas = &*atlas;
  fmt::print("{:<28} {:8.3f} ms (decodes the map atlases)\n", "load map data", Ms(h0, Clock::now()));
  report::Dossier doc;
  Time("build model", n, [&] {
    doc = report::BuildDossier(**world, **kb, req).value();
    return doc.sources.size();
  });
  Time("render JSON", n, [&] { return report::RenderJson(doc).size(); });
  Time("render Markdown", n, [&] { return report::RenderMarkdown(doc).size(); });
  Time("render HTML", n, [&] { return report::RenderHtml(doc).size(); });
  Time("model + HTML", n, [&] { return report::RenderHtml(report::BuildDossier(**world, **kb, req).value()).size(); });
  return 0;
}
