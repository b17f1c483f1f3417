// Intervals of validity: [start, end] with either end open, in partial dates.
//
// Contract:
//   - `end` is the last date on which the fact held (inclusive), as sources write
//     "ended 1994-10-11". An open start means "since before records"; an open end means
//     "still holds" (or not known to have ended).
//   - An interval is well formed unless the end lies entirely before the start
//     (end.last_day < start.first_day). `1998-12/1998-12-05` is well formed: the start
//     may be the first days of December.
//   - Possibly vs definitely: with partial ends, a day may be *possibly* inside (some
//     reading of the ends includes it) or *definitely* inside (every reading does).
//     ContainsDay is the possible reading: start.first_day <= day <= end.last_day.
//     DefinitelyContainsDay uses start.last_day <= day <= end.first_day.
//   - Text form (EDTF level 1): `1991-12-25/1994-10-11`, `1998-12-20/..`, `../2015-07`,
//     `..` alone is the always-interval; a blank side is read as open too.
#ifndef DYAD_BASE_INTERVAL_H_
#define DYAD_BASE_INTERVAL_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"

namespace dyad {

class Interval {
 public:
  Interval() = default;  // (..,..): always
  static Result<Interval> Make(std::optional<Date> start, std::optional<Date> end);
  static Result<Interval> Parse(std::string_view text);
  static Interval Always() { return Interval(); }
  static Interval Since(Date start) { Interval i; i.start_ = start; return i; }

  const std::optional<Date>& start() const { return start_; }
  const std::optional<Date>& end() const { return end_; }
  bool open_start() const { return !start_.has_value(); }
  bool open_end() const { return !end_.has_value(); }

  bool ContainsDay(int32_t day) const;
  bool DefinitelyContainsDay(int32_t day) const;
  bool ContainsDate(const Date& d) const { return Overlaps(Interval::Point(d)); }
  // True when some day may lie in both intervals.
  bool Overlaps(const Interval& other) const;
  // A one-date interval [d, d].
  static Interval Point(const Date& d);

  std::string ToString() const;
  friend bool operator==(const Interval&, const Interval&) = default;

 private:
  int32_t lo() const;  // first possible day, INT32_MIN when open
  int32_t hi() const;  // last possible day, INT32_MAX when open
  std::optional<Date> start_;
  std::optional<Date> end_;
};

}  // namespace dyad

#endif  // DYAD_BASE_INTERVAL_H_
