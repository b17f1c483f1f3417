// report_demo: writes the demo dossier page (tests/report/demo_page.cc) to a file, and
// with --bench prints how long each part takes. Test and benchmark use only; not part
// of the dyad command.
//
//   report_demo OUT.html           write the page
//   report_demo --bench [N]        time N renders (default 50): cold load, then min/median
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/file.h"
#include "demo_page.h"

namespace {

double Ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

int Bench(int n) {
  using dyad::report::DemoTimings;
  auto t0 = std::chrono::steady_clock::now();
  auto data = dyad::graphics::LoadDefaultMapData();
  if (!data.ok()) {
    std::fprintf(stderr, "report_demo: %s\n", data.status().ToString().c_str());
    return 1;
  }
  const double load_ms = Ms(t0);
  std::vector<double> total, map, charts, page;
  size_t bytes = 0;
  for (int i = 0; i < n; ++i) {
    DemoTimings t;
    auto t1 = std::chrono::steady_clock::now();
    auto html = dyad::report::BuildDemoPage(*data, &t);
    total.push_back(Ms(t1));
    if (!html.ok()) return 1;
    bytes = html->size();
    map.push_back(t.map_ms);
    charts.push_back(t.charts_ms);
    page.push_back(t.page_ms);
  }
  auto stat = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return std::pair<double, double>{v.front(), v[v.size() / 2]};
  };
  std::printf("atlas load (50m + 110m, decode, once per process): %.1f ms\n", load_ms);
  for (auto [name, v] : {std::pair<const char*, std::vector<double>*>{"locator map", &map},
                         {"charts (5)", &charts}, {"page assembly", &page}, {"whole page", &total}}) {
    auto [mn, med] = stat(*v);
    std::printf("%-14s min %.2f ms  median %.2f ms  (%d runs)\n", name, mn, med, n);
  }
  std::printf("page size: %zu bytes\n", bytes);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "--bench") return Bench(argc >= 3 ? std::atoi(argv[2]) : 50);
  if (argc != 2) {
    std::fprintf(stderr, "usage: report_demo OUT.html | --bench [N]\n");
    return 2;
  }
  auto data = dyad::graphics::LoadDefaultMapData();
  if (!data.ok()) {
    std::fprintf(stderr, "report_demo: %s\n", data.status().ToString().c_str());
    return 1;
  }
  auto html = dyad::report::BuildDemoPage(*data);
  if (!html.ok()) {
    std::fprintf(stderr, "report_demo: %s\n", html.status().ToString().c_str());
    return 1;
  }
  if (auto st = dyad::WriteFileAtomic(argv[1], *html); !st.ok()) {
    std::fprintf(stderr, "report_demo: %s\n", st.ToString().c_str());
    return 1;
  }
  return 0;
}
