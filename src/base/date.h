// Partial dates: a year, a year and month, or a full day, optionally approximate or
// uncertain, as historical sources give them.
//
// A partial date denotes a *range of days*: `1998` is 1998-01-01..1998-12-31, `1998-12` is
// 1998-12-01..1998-12-31, `1998-12-20` is that one day. Every comparison rule follows from
// that range (see Compare):
//   - `1998-12` is neither before nor after `1998-12-20`: it contains it (kContains).
//   - `1998-11` is before `1998-12-20` (its last day precedes that day).
//   - The total order operator<=> (for sorting) orders by first day, then coarser
//     precision first, then exact before approximate; so `1998` < `1998-01` < `1998-01-01`.
// Text forms (Parse):
//   ISO 8601 / EDTF level 1: `1998`, `1998-12`, `1998-12-20`, with a trailing `~`
//   (approximate), `?` (uncertain) or `%` (both); a time suffix `T...` after a full date is
//   ignored; compact `19981220` and `199812` (GDELT forms) are accepted by ParseCompact.
//   English as sources write it: `December 26, 1991`, `26 December 1991`, `Dec. 1998`,
//   `Dec 26 1991`, `July 2015`, `1993`, with `c.`/`circa`/`about`/`around` for approximate.
// Years 1..9999 of the proleptic Gregorian calendar.
#ifndef DYAD_BASE_DATE_H_
#define DYAD_BASE_DATE_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad {

enum class DatePrecision : uint8_t { kYear = 1, kMonth = 2, kDay = 3 };

// How two partial dates relate as ranges of days.
enum class DateRelation {
  kBefore,     // every day of a precedes every day of b
  kAfter,      // every day of a follows every day of b
  kSame,       // the same range of days
  kContains,   // a's range strictly contains b's (1998-12 vs 1998-12-20)
  kWithin,     // a's range lies strictly within b's
};

// Days since 1970-01-01 in the proleptic Gregorian calendar (negative before).
int32_t DaysFromCivil(int year, int month, int day);
void CivilFromDays(int32_t days, int* year, int* month, int* day);
bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

class Date {
 public:
  // Makes a date, validating each part. month == 0 means year precision; day == 0
  // means month precision.
  static Result<Date> Make(int year, int month = 0, int day = 0);
  // The day `days` after 1970-01-01, at day precision.
  static Date FromDays(int32_t days);

  // Any of the text forms listed above. Errors name the text and the offending part.
  static Result<Date> Parse(std::string_view text);
  // ISO 8601 / EDTF forms only.
  static Result<Date> ParseIso(std::string_view text);
  // English forms only.
  static Result<Date> ParseEnglish(std::string_view text);
  // YYYYMMDD or YYYYMM or YYYY digits (GDELT SQLDATE / MonthYear / Year).
  static Result<Date> ParseCompact(std::string_view text);

  Date() = default;  // 1970-01-01; prefer Make or Parse.

  int year() const { return year_; }
  int month() const { return month_; }  // 0 at year precision
  int day() const { return day_; }      // 0 at year or month precision
  DatePrecision precision() const { return precision_; }
  bool approximate() const { return approximate_; }
  bool uncertain() const { return uncertain_; }

  Date WithApproximate(bool on) const { Date d = *this; d.approximate_ = on; return d; }
  Date WithUncertain(bool on) const { Date d = *this; d.uncertain_ = on; return d; }
  // The same date at a coarser precision (a finer request returns *this).
  Date Truncated(DatePrecision precision) const;

  int32_t first_day() const;  // first day of the range
  int32_t last_day() const;   // last day of the range

  DateRelation Compare(const Date& other) const;
  bool DefinitelyBefore(const Date& other) const { return last_day() < other.first_day(); }
  bool Covers(int32_t day) const { return first_day() <= day && day <= last_day(); }

  // EDTF: `1998`, `1998-12`, `1998-12-20`, plus `~`, `?` or `%`.
  std::string ToString() const;
  // English: `1998`, `December 1998`, `20 December 1998`, `c. 1998` when approximate.
  std::string ToEnglish() const;

  friend bool operator==(const Date&, const Date&) = default;
  friend std::strong_ordering operator<=>(const Date& a, const Date& b);

 private:
  int16_t year_ = 1970;
  uint8_t month_ = 1;
  uint8_t day_ = 1;
  DatePrecision precision_ = DatePrecision::kDay;
  bool approximate_ = false;
  bool uncertain_ = false;
};

// Today's date in UTC, at day precision.
Date TodayUtc();

// English month name ("December") for 1..12.
std::string_view MonthName(int month);

}  // namespace dyad

#endif  // DYAD_BASE_DATE_H_
