#include "events/query.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace dyad::events {
namespace {

// Floor division.
int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Monday-based week ordinal: 1970-01-05 was a Monday.
int64_t WeekOrdinal(int32_t day) { return FloorDiv(int64_t{day} - 4, 7); }

// ISO week-year and week number of a day.
void IsoWeek(int32_t day, int* iso_year, int* week) {
  int32_t monday = static_cast<int32_t>(WeekOrdinal(day) * 7 + 4);
  int32_t thursday = monday + 3;
  int y, m, d;
  CivilFromDays(thursday, &y, &m, &d);
  *iso_year = y;
  *week = (thursday - DaysFromCivil(y, 1, 1)) / 7 + 1;
}

struct DyadRuns {
  const Segment* seg;
  std::vector<const DyadEntry*> runs;
};

// The dyad runs of a -> b (and b -> a when both) in one segment.
void FindRuns(const Segment& seg, const std::string& a, const std::string& b, bool both,
              std::vector<const DyadEntry*>* runs) {
  int64_t ia = seg.DictFind(a), ib = seg.DictFind(b);
  if (ia < 0 || ib < 0) return;
  auto add = [&](int64_t s, int64_t t) {
    auto [lo, hi] = seg.DyadRange(static_cast<uint32_t>(s), static_cast<uint32_t>(t));
    for (uint32_t i = lo; i < hi; ++i) runs->push_back(&seg.dyads()[i]);
  };
  add(ia, ib);
  if (both && ia != ib) add(ib, ia);
}

// Rows of a run inside the day range: [first, last).
std::pair<uint64_t, uint64_t> RowsInRange(const Segment& seg, const DyadEntry& run, DayRange r) {
  const int32_t* b = seg.day() + run.start;
  const int32_t* e = b + run.count;
  const int32_t* lo = std::lower_bound(b, e, r.from);
  const int32_t* hi = std::upper_bound(lo, e, r.to);
  return {static_cast<uint64_t>(lo - seg.day()), static_cast<uint64_t>(hi - seg.day())};
}

}  // namespace

Result<Period> ParsePeriod(std::string_view name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  if (name == "year") return Period::kYear;
  return Status::InvalidArgument(fmt::format("unknown period '{}' (day, week, month, year)", name));
}

int64_t PeriodOf(Period p, int32_t day) {
  switch (p) {
    case Period::kDay: return day;
    case Period::kWeek: return WeekOrdinal(day);
    case Period::kMonth: return MonthOfDay(day);
    case Period::kYear: {
      int y, m, d;
      CivilFromDays(day, &y, &m, &d);
      return y;
    }
  }
  return 0;
}

int32_t PeriodFirstDay(Period p, int64_t ordinal) {
  switch (p) {
    case Period::kDay: return static_cast<int32_t>(ordinal);
    case Period::kWeek: return static_cast<int32_t>(ordinal * 7 + 4);
    case Period::kMonth:
      return DaysFromCivil(static_cast<int>(FloorDiv(ordinal, 12)),
                           static_cast<int>(ordinal - FloorDiv(ordinal, 12) * 12) + 1, 1);
    case Period::kYear: return DaysFromCivil(static_cast<int>(ordinal), 1, 1);
  }
  return 0;
}

namespace {

// Appends `v` as exactly `width` decimal digits (v >= 0).
void PutDigits(std::string* out, int64_t v, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out->append(buf, width);
}

}  // namespace

std::string PeriodLabel(Period p, int64_t ordinal) {
  std::string out;
  out.reserve(10);
  switch (p) {
    case Period::kDay: {
      int y, m, d;
      CivilFromDays(static_cast<int32_t>(ordinal), &y, &m, &d);
      PutDigits(&out, y, 4);
      out += '-';
      PutDigits(&out, m, 2);
      out += '-';
      PutDigits(&out, d, 2);
      break;
    }
    case Period::kWeek: {
      int y, w;
      IsoWeek(PeriodFirstDay(p, ordinal), &y, &w);
      PutDigits(&out, y, 4);
      out += "-W";
      PutDigits(&out, w, 2);
      break;
    }
    case Period::kMonth:
      PutDigits(&out, FloorDiv(ordinal, 12), 4);
      out += '-';
      PutDigits(&out, ordinal - FloorDiv(ordinal, 12) * 12 + 1, 2);
      break;
    case Period::kYear:
      PutDigits(&out, ordinal, 4);
      break;
  }
  return out;
}

Result<DayRange> ParseDayRange(std::string_view from, std::string_view to) {
  DayRange r;
  if (!from.empty()) {
    auto d = Date::ParseIso(from);
    if (!d.ok()) return d.status().WithPrefix("--from");
    r.from = d->first_day();
  }
  if (!to.empty()) {
    auto d = Date::ParseIso(to);
    if (!d.ok()) return d.status().WithPrefix("--to");
    r.to = d->last_day();
  }
  if (r.from > r.to) return Status::InvalidArgument("--from is after --to");
  return r;
}

bool PrecisionFits(DatePrecision precision, Period by) {
  if (precision == DatePrecision::kYear) return by == Period::kYear;
  if (precision == DatePrecision::kMonth) return by == Period::kYear || by == Period::kMonth;
  return true;
}

DatePrecision StoredPrecision(Dataset dataset, std::string_view url) {
  if (dataset != Dataset::kRecords) return DatePrecision::kDay;
  if (url.starts_with("year ")) return DatePrecision::kYear;
  if (url.starts_with("month ")) return DatePrecision::kMonth;
  return DatePrecision::kDay;
}

namespace {

// A day an imprecise record may be stored on (its date's first day) in a series by `by`:
// 1 January for a monthly series, the 1st of any month for a weekly or daily one.
bool MayBeImprecise(int32_t day, Period by) {
  int y, m, d;
  CivilFromDays(day, &y, &m, &d);
  return d == 1 && (m == 1 || by != Period::kMonth);
}

// Rows [lo, hi) of `seg` holding coded records too coarse for `by`, in row order; counted
// into `left_out`. Reads the rows' cold columns only when a row lies on a candidate day of
// a segment that holds records.
Result<std::vector<uint64_t>> ImpreciseRows(const Segment& seg, uint64_t lo, uint64_t hi, Period by,
                                            SeriesLeftOut* left_out) {
  std::vector<uint64_t> out;
  if (by == Period::kYear || !seg.has_records()) return out;
  const int32_t* day = seg.day();
  if (std::none_of(day + lo, day + hi, [&](int32_t d) { return MayBeImprecise(d, by); })) return out;
  Result<std::vector<StoredEvent>> rows = seg.ReadRows(lo, hi - lo);
  if (!rows.ok()) return rows.status();
  for (uint64_t i = 0; i < rows->size(); ++i) {
    DatePrecision p = StoredPrecision((*rows)[i].dataset, (*rows)[i].url);
    if (PrecisionFits(p, by)) continue;
    out.push_back(lo + i);
    ++(p == DatePrecision::kYear ? left_out->year_precision : left_out->month_precision);
  }
  return out;
}

}  // namespace

double SeriesPoint::goldstein_mean() const { return count ? goldstein_sum / count : NAN; }
double SeriesPoint::share() const {
  return all_events ? static_cast<double>(count) / all_events : NAN;
}

Result<std::vector<SeriesPoint>> Series(const Store& store, const SeriesQuery& q, SeriesLeftOut* left_out) {
  SeriesLeftOut ignored;
  if (left_out == nullptr) left_out = &ignored;
  *left_out = {};
  struct Acc {
    uint64_t count = 0;
    int64_t gold10 = 0;
    std::array<uint64_t, 4> quad{};
    uint64_t all = 0;
  };
  // Pass 1: the matching row ranges and their first and last days.
  struct Span {
    const Segment* seg;
    uint64_t lo, hi;
  };
  std::vector<Span> spans;
  int32_t first_day = INT32_MAX, last_day = INT32_MIN;
  for (const auto& seg : store.segments()) {
    if (seg->max_day() < q.range.from || seg->min_day() > q.range.to) continue;
    std::vector<const DyadEntry*> runs;
    FindRuns(*seg, q.a, q.b, q.both, &runs);
    for (const DyadEntry* run : runs) {
      auto [lo, hi] = RowsInRange(*seg, *run, q.range);
      if (lo == hi) continue;
      spans.push_back({seg.get(), lo, hi});
      first_day = std::min(first_day, seg->day()[lo]);
      last_day = std::max(last_day, seg->day()[hi - 1]);
    }
  }
  int32_t from = q.range.from != INT32_MIN ? q.range.from : first_day;
  int32_t to = q.range.to != INT32_MAX ? q.range.to : last_day;
  std::vector<SeriesPoint> out;
  if (from > to) return out;
  int64_t p0 = PeriodOf(q.by, from), p1 = PeriodOf(q.by, to);
  if (p1 - p0 + 1 > kMaxSeriesPeriods) {
    return Status::InvalidArgument(fmt::format(
        "too many periods: the series from {} to {} would have {} periods, more than the limit of {}; narrow "
        "--from/--to or choose a longer --by",
        Date::FromDays(from).ToString(), Date::FromDays(to).ToString(), p1 - p0 + 1, kMaxSeriesPeriods));
  }
  std::vector<Acc> acc(static_cast<size_t>(p1 - p0 + 1));
  // Pass 2: accumulate; rows are day-ordered within a span, so the period changes rarely.
  for (const Span& sp : spans) {
    const int32_t* day = sp.seg->day();
    const int16_t* gold = sp.seg->gold10();
    const uint8_t* quad = sp.seg->quad();
    Result<std::vector<uint64_t>> skip = ImpreciseRows(*sp.seg, sp.lo, sp.hi, q.by, left_out);
    if (!skip.ok()) return skip.status();
    auto next_skip = skip->begin();
    int32_t cur_day = INT32_MIN;
    Acc* a = nullptr;
    for (uint64_t i = sp.lo; i < sp.hi; ++i) {
      if (next_skip != skip->end() && *next_skip == i) {
        ++next_skip;
        continue;
      }
      if (day[i] != cur_day) {
        cur_day = day[i];
        a = &acc[static_cast<size_t>(PeriodOf(q.by, cur_day) - p0)];
      }
      ++a->count;
      a->gold10 += gold[i];
      uint8_t k = quad[i];
      if (k >= 1 && k <= 4) ++a->quad[k - 1];
    }
  }
  if (q.share) {
    // Histogram of all events by day, then by period.
    for (const auto& seg : store.segments()) {
      if (seg->max_day() < from || seg->min_day() > to) continue;
      int32_t lo = std::max(from, seg->min_day()), hi = std::min(to, seg->max_day());
      std::vector<uint64_t> hist(static_cast<size_t>(hi - lo) + 1);
      const int32_t* d = seg->day();
      for (uint64_t i = 0, n = seg->rows(); i < n; ++i) {
        if (d[i] >= lo && d[i] <= hi) ++hist[d[i] - lo];
      }
      for (size_t k = 0; k < hist.size(); ++k) {
        if (hist[k]) acc[static_cast<size_t>(PeriodOf(q.by, lo + static_cast<int32_t>(k)) - p0)].all += hist[k];
      }
    }
  }
  out.resize(acc.size());
  for (size_t i = 0; i < acc.size(); ++i) {
    SeriesPoint& pt = out[i];
    pt.label = PeriodLabel(q.by, p0 + static_cast<int64_t>(i));
    pt.count = acc[i].count;
    pt.goldstein_sum = acc[i].gold10 / 10.0;
    pt.quad = acc[i].quad;
    pt.all_events = acc[i].all;
  }
  return out;
}

std::vector<CodeCount> TopCodes(const Store& store, const std::string& a, const std::string& b,
                                bool both, DayRange range, size_t limit) {
  std::unordered_map<std::string_view, uint64_t> counts;
  std::vector<uint64_t> local;
  for (const auto& seg : store.segments()) {
    if (seg->max_day() < range.from || seg->min_day() > range.to) continue;
    std::vector<const DyadEntry*> runs;
    FindRuns(*seg, a, b, both, &runs);
    if (runs.empty()) continue;
    local.assign(seg->dict_size(), 0);
    for (const DyadEntry* run : runs) {
      auto [lo, hi] = RowsInRange(*seg, *run, range);
      const uint16_t* code = seg->code();
      for (uint64_t i = lo; i < hi; ++i) {
        if (code[i] < local.size()) ++local[code[i]];
      }
    }
    for (uint32_t c = 0; c < local.size(); ++c) {
      if (local[c]) counts[seg->dict(c)] += local[c];
    }
  }
  std::vector<CodeCount> out;
  for (const auto& [code, n] : counts) out.push_back({std::string(code), n});
  std::sort(out.begin(), out.end(), [](const CodeCount& x, const CodeCount& y) {
    return x.count != y.count ? x.count > y.count : x.code < y.code;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<DyadScore> RankDyads(const Store& store, int32_t month, uint64_t min_count,
                                 size_t limit, bool descending) {
  struct Acc {
    uint64_t count = 0;
    int64_t gold10 = 0;
  };
  std::map<std::pair<std::string_view, std::string_view>, Acc> acc;
  for (const auto& seg : store.segments()) {
    auto [lo, hi] = seg->MonthRange(month);
    for (uint32_t i = lo; i < hi; ++i) {
      const SummaryEntry& s = seg->summary()[i];
      const DyadEntry& d = seg->dyads()[s.dyad];
      if (d.src == d.tgt) continue;
      std::string_view src = seg->dict(d.src), tgt = seg->dict(d.tgt);
      if (src.empty() || tgt.empty()) continue;
      Acc& a = acc[{src, tgt}];
      a.count += s.count;
      a.gold10 += s.gold10;
    }
  }
  std::vector<DyadScore> out;
  for (const auto& [k, a] : acc) {
    if (a.count < min_count) continue;
    out.push_back({std::string(k.first), std::string(k.second), a.count,
                   static_cast<double>(a.gold10) / 10.0 / static_cast<double>(a.count)});
  }
  // Means compared exactly as fractions gold10 / count to make ties deterministic.
  std::sort(out.begin(), out.end(), [&](const DyadScore& x, const DyadScore& y) {
    if (x.goldstein_mean != y.goldstein_mean) {
      return descending ? x.goldstein_mean > y.goldstein_mean : x.goldstein_mean < y.goldstein_mean;
    }
    if (x.count != y.count) return x.count > y.count;
    return std::tie(x.src, x.tgt) < std::tie(y.src, y.tgt);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<YearQuad> CountsByYearQuad(const Store& store) {
  std::map<int, std::array<uint64_t, 4>> acc;
  for (const auto& seg : store.segments()) {
    const SummaryEntry* s = seg->summary();
    int cur_month = INT32_MIN;
    std::array<uint64_t, 4>* slot = nullptr;
    for (uint32_t i = 0, n = seg->n_summary(); i < n; ++i) {
      if (s[i].month / 12 != cur_month / 12 || slot == nullptr) {
        cur_month = s[i].month;
        slot = &acc[static_cast<int>(FloorDiv(s[i].month, 12))];
      }
      for (int q = 0; q < 4; ++q) (*slot)[q] += s[i].quad[q];
    }
  }
  std::vector<YearQuad> out;
  for (const auto& [y, q] : acc) out.push_back({y, q});
  return out;
}

bool StoreHasCode(const Store& store, std::string_view code) {
  for (const auto& seg : store.segments()) {
    if (seg->DictFind(code) >= 0) return true;
  }
  return false;
}

}  // namespace dyad::events
