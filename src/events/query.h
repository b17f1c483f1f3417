// Aggregates over the event store: dyad series, top codes, dyad ranking, yearly counts.
//
// Dyads are named by the stored country codes (CAMEO codes such as USA and KGZ for GDELT,
// state keys for ICEWS); `a` is the source, `b` the target. Day ranges are inclusive and
// given in days since 1970-01-01 (base/date.h).
#ifndef DYAD_EVENTS_QUERY_H_
#define DYAD_EVENTS_QUERY_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "events/store.h"

namespace dyad::events {

enum class Period { kDay, kWeek, kMonth, kYear };
Result<Period> ParsePeriod(std::string_view name);  // day, week, month, year

// Period of a day as an ordinal (days, ISO weeks since 1970, months since year 0, years)
// and its ISO label: 2019-10-24, 2019-W43, 2019-10, 2019.
int64_t PeriodOf(Period p, int32_t day);
std::string PeriodLabel(Period p, int64_t ordinal);
int32_t PeriodFirstDay(Period p, int64_t ordinal);

struct DayRange {
  int32_t from = INT32_MIN;
  int32_t to = INT32_MAX;
  bool Contains(int32_t d) const { return from <= d && d <= to; }
};
// `--from`/`--to` from partial dates: from the first day of `from`, to the last of `to`.
Result<DayRange> ParseDayRange(std::string_view from, std::string_view to);

struct SeriesQuery {
  std::string a, b;
  bool both = false;  // also b -> a
  Period by = Period::kMonth;
  DayRange range;
  bool share = false;  // also count all events in each period
};

struct SeriesPoint {
  std::string label;
  uint64_t count = 0;
  double goldstein_sum = 0;
  std::array<uint64_t, 4> quad{};
  uint64_t all_events = 0;  // every event in the period (filled when share is asked)
  double goldstein_mean() const;  // NaN when count is 0
  double share() const;           // count / all_events, NaN when all_events is 0
};

// The most periods one series may have: 100,000 (274 years by day, 1,900 by week). A
// request beyond it is an InvalidArgument naming the count, never a huge allocation.
inline constexpr int64_t kMaxSeriesPeriods = 100'000;

// Events coded from records whose date is known only to the year or the month (a MID
// onset "1994"; stored on its first day, events/records.h) are counted in a series only
// by a period they fit: a yearly series counts all; a monthly one leaves out those known
// to the year; a weekly or daily one also those known to the month. The left-out ones are
// counted here, never placed in January or on the 1st.
struct SeriesLeftOut {
  uint64_t year_precision = 0;   // known only to the year
  uint64_t month_precision = 0;  // known only to the month
  uint64_t total() const { return year_precision + month_precision; }
};

// Whether an event with a date of `precision` fits a period of `by` (SeriesLeftOut).
bool PrecisionFits(DatePrecision precision, Period by);
// The precision of a stored event: a coded record's (its url "PRECISION SOURCE RECORD"),
// day for every other dataset.
DatePrecision StoredPrecision(Dataset dataset, std::string_view url);

// Zero-filled: every period from `range.from` (or the first event) to `range.to` (or
// the last event) appears once, in order; at most kMaxSeriesPeriods periods. Coded records
// coarser than the period are left out and counted in `left_out` (when given).
Result<std::vector<SeriesPoint>> Series(const Store& store, const SeriesQuery& q,
                                        SeriesLeftOut* left_out = nullptr);

// True when some segment of `store` holds `code` as an actor or event code as written
// (stores ingested without the world registry keep codes as they are).
bool StoreHasCode(const Store& store, std::string_view code);

struct CodeCount {
  std::string code;
  uint64_t count = 0;
};
// Most frequent event codes of the dyad in the range: count descending, then code.
std::vector<CodeCount> TopCodes(const Store& store, const std::string& a, const std::string& b,
                                bool both, DayRange range, size_t limit);

struct DyadScore {
  std::string src, tgt;
  uint64_t count = 0;
  double goldstein_mean = 0;
};
// Dyads of two different, non-empty countries with at least `min_count` events in the
// month (year * 12 + month - 1), by mean Goldstein ascending (then count descending, then
// codes); `descending` reverses the mean order.
std::vector<DyadScore> RankDyads(const Store& store, int32_t month, uint64_t min_count,
                                 size_t limit, bool descending = false);

struct YearQuad {
  int year = 0;
  std::array<uint64_t, 4> quad{};
};
// Event counts per year and quad class over the whole store.
std::vector<YearQuad> CountsByYearQuad(const Store& store);

}  // namespace dyad::events

#endif  // DYAD_EVENTS_QUERY_H_
