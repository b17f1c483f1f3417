#include "coder/dates.h"

#include <array>
#include <charconv>

namespace dyad::coder {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "thursday", "friday", "saturday", "sunday", "monday", "tuesday", "wednesday"};  // 1970-01-01 was a Thursday
constexpr std::array<std::string_view, 13> kNumbers = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve"};

int ParseInt(std::string_view s) {
  int v = -1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : -1;
}

int YearOf(const Token& t) {
  if (!t.number || t.lower.size() != 4) return -1;
  int y = ParseInt(t.lower);
  return y >= 1700 && y <= 2100 ? y : -1;
}

int DayOf(const Token& t) {
  if (!t.number || t.lower.size() > 2) return -1;
  int d = ParseInt(t.lower);
  return d >= 1 && d <= 31 ? d : -1;
}

int CountOf(const Token& t) {
  if (t.lower == "a" || t.lower == "an") return 1;
  for (size_t i = 1; i < kNumbers.size(); ++i)
    if (t.lower == kNumbers[i]) return static_cast<int>(i);
  if (t.number && t.lower.size() <= 2) return ParseInt(t.lower);
  return -1;
}

bool IsModifierDeterminer(const std::string& w) {
  return w == "the" || w == "a" || w == "its" || w == "his" || w == "her" || w == "their" ||
         w == "'s" || w == "this" || w == "that";
}

struct Scan {
  const std::vector<Token>& t;
  const DateContext& ctx;
  std::vector<DateMention> out;

  const std::string& W(size_t i) const {
    static const std::string kNone;
    return i < t.size() ? t[i].lower : kNone;
  }
  void Push(Result<Date> d, size_t b, size_t e, bool relative) {
    if (!d.ok()) return;
    DateMention m{*d, b, e, {t[b].span.begin, t[e - 1].span.end}, relative};
    out.push_back(m);
  }
  std::optional<Date> Base() const { return ctx.anchor ? ctx.anchor : ctx.document; }
  size_t Month(size_t i);
  size_t Year(size_t i);
  size_t Deictic(size_t i);
  size_t Later(size_t i);
  size_t Following(size_t i);
};

// "December 26, 1991", "December 2001", "Dec. 1998", "March 3", "July"; "26 December 1991".
size_t Scan::Month(size_t i) {
  size_t b = i;
  int day = -1;
  if (DayOf(t[i]) > 0 && MonthOfWord(W(i + 1)) > 0) { day = DayOf(t[i]); ++i; }
  int month = MonthOfWord(W(i));
  if (month == 0) return 0;
  if (W(i) == "may" && day < 0 && YearOf(i + 1 < t.size() ? t[i + 1] : t[i]) < 0 &&
      DayOf(i + 1 < t.size() ? t[i + 1] : t[i]) < 0)
    return 0;  // the modal "may"
  if (!t[i].capitalised) return 0;
  size_t j = i + 1;
  if (W(j) == ".") ++j;
  if (day < 0 && j < t.size() && DayOf(t[j]) > 0 && YearOf(t[j]) < 0) { day = DayOf(t[j]); ++j; }
  size_t k = j;
  if (W(k) == ",") ++k;
  int year = k < t.size() ? YearOf(t[k]) : -1;
  size_t end = year > 0 ? k + 1 : j;
  bool relative = year < 0;
  if (relative) {
    std::optional<Date> base = Base();
    if (!base) return 0;
    year = base->year();
  }
  Push(Date::Make(year, month, day > 0 ? day : 0), b, end, relative);
  return end - b;
}

// "in 1993", "In 2006,", "2006 also saw"; not "the 1993 treaty".
size_t Scan::Year(size_t i) {
  int year = YearOf(t[i]);
  if (year < 0) return 0;
  if (i > 0 && IsModifierDeterminer(t[i - 1].lower)) return 0;
  if (W(i + 1) == "%" || W(i + 1) == "-") return 0;
  Push(Date::Make(year), i, i + 1, false);
  return 1;
}

Result<Date> MonthsFrom(const Date& base, int months) {
  int total = base.year() * 12 + (base.month() == 0 ? 0 : base.month() - 1) + months;
  if (base.precision() == DatePrecision::kYear) return Date::Make(base.year() + months / 12);
  return Date::Make(total / 12, total % 12 + 1);
}

Result<Date> DaysFrom(const Date& base, int days) {
  if (base.precision() != DatePrecision::kDay) return MonthsFrom(base, days / 30);
  return Date::FromDays(base.first_day() + days);
}

Result<Date> Shift(const Date& base, std::string_view unit, int n) {
  if (unit == "day" || unit == "days") return DaysFrom(base, n);
  if (unit == "week" || unit == "weeks") return DaysFrom(base, 7 * n);
  if (unit == "month" || unit == "months") return MonthsFrom(base, n);
  if (unit == "year" || unit == "years") {
    if (base.precision() == DatePrecision::kYear) return Date::Make(base.year() + n);
    return MonthsFrom(base, 12 * n).value_or(base).Truncated(base.precision());
  }
  return Status::NotFound("no unit");
}

// "today", "yesterday", "on Tuesday", "last year", "this month", "two years ago".
size_t Scan::Deictic(size_t i) {
  if (!ctx.document) return 0;
  const Date& doc = *ctx.document;
  const std::string& w = W(i);
  bool day_known = doc.precision() == DatePrecision::kDay;
  if (w == "today" && day_known) { Push(doc, i, i + 1, true); return 1; }
  if (w == "yesterday" && day_known) { Push(Date::FromDays(doc.first_day() - 1), i, i + 1, true); return 1; }
  for (size_t d = 0; d < kWeekdays.size() && day_known; ++d) {
    if (w != kWeekdays[d]) continue;
    int32_t today = doc.first_day();
    int32_t back = ((today % 7 + 7) % 7 - static_cast<int32_t>(d) + 7) % 7;
    Push(Date::FromDays(today - back), i, i + 1, true);
    return 1;
  }
  if ((w == "last" || w == "this" || w == "next") && (W(i + 1) == "year" || W(i + 1) == "month")) {
    int n = w == "last" ? -1 : w == "this" ? 0 : 1;
    Result<Date> d = W(i + 1) == "year" ? Date::Make(doc.year() + n)
                                         : MonthsFrom(doc.Truncated(DatePrecision::kMonth), n);
    Push(d, i, i + 2, true);
    return 2;
  }
  int n = CountOf(t[i]);
  if (n > 0 && W(i + 2) == "ago") {
    Push(Shift(doc, W(i + 1), -n), i, i + 3, true);
    return 3;
  }
  return 0;
}

// "three months later", "a year later", "two days after".
size_t Scan::Later(size_t i) {
  int n = CountOf(t[i]);
  if (n <= 0 || !(W(i + 2) == "later" || W(i + 2) == "afterwards")) return 0;
  std::optional<Date> base = Base();
  if (!base) return 0;
  Result<Date> d = Shift(*base, W(i + 1), n);
  if (!d.ok()) return 0;
  Push(d, i, i + 3, true);
  return 3;
}

// "the following month", "the next day", "the following year".
size_t Scan::Following(size_t i) {
  if (W(i) != "the" || !(W(i + 1) == "following" || W(i + 1) == "next")) return 0;
  std::optional<Date> base = Base();
  if (!base) return 0;
  Result<Date> d = Shift(*base, W(i + 2), 1);
  if (!d.ok()) return 0;
  Push(d, i, i + 3, true);
  return 3;
}

}  // namespace

int MonthOfWord(std::string_view lower) {
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (lower == kMonths[m]) return static_cast<int>(m + 1);
  if (lower == "sept") return 9;
  if (lower.size() != 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (kMonths[m].substr(0, 3) == lower) return static_cast<int>(m + 1);
  return 0;
}

std::vector<DateMention> FindDates(const std::vector<Token>& tokens, const DateContext& context) {
  Scan s{tokens, context, {}};
  for (size_t i = 0; i < tokens.size();) {
    size_t used = s.Following(i);
    if (used == 0) used = s.Later(i);
    if (used == 0) used = s.Month(i);
    if (used == 0) used = s.Year(i);
    if (used == 0) used = s.Deictic(i);
    i += used == 0 ? 1 : used;
  }
  return std::move(s.out);
}

}  // namespace dyad::coder
