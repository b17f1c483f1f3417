#include "events/bench_queries.h"

#include <fmt/format.h>

#include "events/query.h"

namespace dyad::events {

std::string RunBenchQuery(const Store& store, int q) {
  std::string out;
  switch (q) {
    case 1: {
      SeriesQuery s;
      s.a = "USA";
      s.b = "KGZ";
      s.by = Period::kMonth;
      auto points = Series(store, s);
      if (!points.ok()) return "error: " + points.status().message();
      for (const auto& p : *points) {
        if (p.count == 0) continue;
        out += fmt::format("{}{}\t{}\t{:.6f}\n", p.label.substr(0, 4), p.label.substr(5, 2),
                           p.count, p.goldstein_mean());
      }
      break;
    }
    case 2: {
      DayRange r{DaysFromCivil(2010, 1, 1), DaysFromCivil(2015, 12, 31)};
      for (const auto& c : TopCodes(store, "USA", "KGZ", false, r, 10)) {
        out += fmt::format("{}\t{}\n", c.code, c.count);
      }
      break;
    }
    case 3:
      for (const auto& d : RankDyads(store, 2014 * 12 + 6, 50, 20)) {
        out += fmt::format("{}\t{}\t{}\t{:.6f}\n", d.src, d.tgt, d.count, d.goldstein_mean);
      }
      break;
    case 4:
      for (const auto& y : CountsByYearQuad(store)) {
        for (int k = 0; k < 4; ++k) {
          if (y.quad[k]) out += fmt::format("{}\t{}\t{}\n", y.year, k + 1, y.quad[k]);
        }
      }
      break;
  }
  return out;
}

}  // namespace dyad::events
