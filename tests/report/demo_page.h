// The demo page used by the browser test and the timing run: a KGZ–USA locator map and
// one of each chart, from literal sample inputs (not real data; the page says so).
#ifndef DYAD_TESTS_REPORT_DEMO_PAGE_H_
#define DYAD_TESTS_REPORT_DEMO_PAGE_H_

#include <string>

#include "base/status.h"
#include "graphics/locator_map.h"

namespace dyad::report {

struct DemoTimings {
  double map_ms = 0, charts_ms = 0, page_ms = 0;
};

Result<std::string> BuildDemoPage(const graphics::MapData& data, DemoTimings* timings = nullptr);

}  // namespace dyad::report

#endif  // DYAD_TESTS_REPORT_DEMO_PAGE_H_
