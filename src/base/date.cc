#include "base/date.h"
#include "base/strings.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <vector>

namespace dyad {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view digits) {
  int v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return v;
}

// 1..12 for an English month name or abbreviation ("Dec", "Dec.", "Sept"), else 0.
int MonthFromWord(std::string_view word) {
  std::string w = AsciiLower(word);
  if (!w.empty() && w.back() == '.') w.pop_back();
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    std::string full = AsciiLower(kMonthNames[m]);
    if (w == full || (w.size() == 3 && full.compare(0, 3, w) == 0)) return m + 1;
  }
  return 0;
}

// Splits on spaces and commas; keeps '.' attached to words.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

Status BadDate(std::string_view text, std::string_view why) {
  return Status::InvalidArgument(fmt::format("bad date '{}': {}", text, why));
}

}  // namespace

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

// Howard Hinnant's days_from_civil.
int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int32_t z, int* year, int* month, int* day) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = y + (*month <= 2);
}

Date TodayUtc() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::FromDays(static_cast<int32_t>(days.time_since_epoch().count()));
}

std::string_view MonthName(int month) {
  if (month < 1 || month > 12) return "";
  return kMonthNames[month - 1];
}

Result<Date> Date::Make(int year, int month, int day) {
  if (year < 1 || year > 9999) return BadDate(fmt::format("{}", year), "year outside 1..9999");
  if (month < 0 || month > 12)
    return BadDate(fmt::format("{}-{}", year, month), "month outside 1..12");
  if (month == 0 && day != 0)
    return BadDate(fmt::format("{}-00-{}", year, day), "day given without month");
  if (day < 0 || (month > 0 && day > DaysInMonth(year, month))) {
    return BadDate(fmt::format("{:04}-{:02}-{:02}", year, month, day),
                   fmt::format("day {} is out of range for {} {}", day, MonthName(month), year));
  }
  Date d;
  d.year_ = static_cast<int16_t>(year);
  d.month_ = static_cast<uint8_t>(month);
  d.day_ = static_cast<uint8_t>(day);
  d.precision_ = month == 0 ? DatePrecision::kYear
                 : day == 0 ? DatePrecision::kMonth
                            : DatePrecision::kDay;
  return d;
}

Date Date::FromDays(int32_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  Date out;
  out.year_ = static_cast<int16_t>(y);
  out.month_ = static_cast<uint8_t>(m);
  out.day_ = static_cast<uint8_t>(d);
  out.precision_ = DatePrecision::kDay;
  return out;
}

Result<Date> Date::ParseIso(std::string_view text) {
  std::string_view s = TrimWhitespace(text);
  bool approx = false, uncertain = false;
  if (!s.empty() && (s.back() == '~' || s.back() == '?' || s.back() == '%')) {
    approx = s.back() != '?';
    uncertain = s.back() != '~';
    s.remove_suffix(1);
  }
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);  // Wikidata "+2001-12-31"
  if (size_t t = s.find('T'); t != std::string_view::npos && t == 10) s = s.substr(0, 10);
  int year = 0, month = 0, day = 0;
  if (s.size() == 4 && AllDigits(s)) {
    year = ToInt(s);
  } else if (s.size() == 7 && AllDigits(s.substr(0, 4)) && s[4] == '-' && AllDigits(s.substr(5, 2))) {
    year = ToInt(s.substr(0, 4));
    month = ToInt(s.substr(5, 2));
  } else if (s.size() == 10 && AllDigits(s.substr(0, 4)) && s[4] == '-' &&
             AllDigits(s.substr(5, 2)) && s[7] == '-' && AllDigits(s.substr(8, 2))) {
    year = ToInt(s.substr(0, 4));
    month = ToInt(s.substr(5, 2));
    day = ToInt(s.substr(8, 2));
  } else {
    return BadDate(text, "expected YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (month == 0 && s.size() > 4) return BadDate(text, "month 00 is not a month");
  if (day == 0 && s.size() > 7) return BadDate(text, "day 00 is not a day");
  Result<Date> d = Make(year, month, day);
  if (!d.ok()) return BadDate(text, d.status().message().substr(d.status().message().find(": ") + 2));
  return d->WithApproximate(approx).WithUncertain(uncertain);
}

Result<Date> Date::ParseCompact(std::string_view text) {
  std::string_view s = TrimWhitespace(text);
  if (!AllDigits(s) || (s.size() != 4 && s.size() != 6 && s.size() != 8))
    return BadDate(text, "expected YYYYMMDD, YYYYMM or YYYY digits");
  int year = ToInt(s.substr(0, 4));
  int month = s.size() >= 6 ? ToInt(s.substr(4, 2)) : 0;
  int day = s.size() == 8 ? ToInt(s.substr(6, 2)) : 0;
  if (s.size() >= 6 && month == 0) return BadDate(text, "month 00 is not a month");
  if (s.size() == 8 && day == 0) return BadDate(text, "day 00 is not a day");
  Result<Date> d = Make(year, month, day);
  if (!d.ok()) return BadDate(text, d.status().message().substr(d.status().message().find(": ") + 2));
  return d;
}

Result<Date> Date::ParseEnglish(std::string_view text) {
  std::vector<std::string_view> words = Words(TrimWhitespace(text));
  bool approx = false;
  if (!words.empty()) {
    std::string first = AsciiLower(words.front());
    if (first == "c." || first == "c" || first == "ca." || first == "circa" || first == "about" ||
        first == "around" || first == "approximately") {
      approx = true;
      words.erase(words.begin());
    }
  }
  int year = 0, month = 0, day = 0;
  auto take_year = [&](std::string_view w) { return w.size() == 4 && AllDigits(w) ? ToInt(w) : 0; };
  auto take_day = [&](std::string_view w) {
    std::string_view d = w;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
      if (d.size() > 2 && d.substr(d.size() - 2) == suffix) d.remove_suffix(2);
    return (d.size() <= 2 && AllDigits(d)) ? ToInt(d) : -1;
  };
  if (words.size() == 1) {
    year = take_year(words[0]);
  } else if (words.size() == 2) {  // "July 2015", "Dec. 1998"
    month = MonthFromWord(words[0]);
    year = take_year(words[1]);
    if (month == 0) return BadDate(text, fmt::format("'{}' is not a month", words[0]));
  } else if (words.size() == 3) {
    if (int m = MonthFromWord(words[0]); m != 0) {  // "December 26, 1991"
      month = m;
      day = take_day(words[1]);
    } else {  // "26 December 1991"
      day = take_day(words[0]);
      month = MonthFromWord(words[1]);
      if (month == 0) return BadDate(text, fmt::format("'{}' is not a month", words[1]));
    }
    year = take_year(words[2]);
    if (day <= 0) return BadDate(text, "expected a day number");
  } else {
    return BadDate(text, "expected a date such as 'December 26, 1991' or 'July 2015'");
  }
  if (year == 0) return BadDate(text, "expected a four-digit year");
  Result<Date> d = Make(year, month, day);
  if (!d.ok()) return BadDate(text, d.status().message().substr(d.status().message().find(": ") + 2));
  return d->WithApproximate(approx);
}

Result<Date> Date::Parse(std::string_view text) {
  std::string_view s = TrimWhitespace(text);
  if (s.empty()) return BadDate(text, "empty");
  const bool iso_shaped = (std::isdigit(static_cast<unsigned char>(s.front())) || s.front() == '+') &&
                          s.find(' ') == std::string_view::npos;
  return iso_shaped ? ParseIso(s) : ParseEnglish(s);
}

Date Date::Truncated(DatePrecision p) const {
  if (p >= precision_) return *this;
  Date d = *this;
  d.precision_ = p;
  d.day_ = 0;
  if (p == DatePrecision::kYear) d.month_ = 0;
  return d;
}

int32_t Date::first_day() const {
  return DaysFromCivil(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

int32_t Date::last_day() const {
  if (precision_ == DatePrecision::kYear) return DaysFromCivil(year_, 12, 31);
  if (precision_ == DatePrecision::kMonth) return DaysFromCivil(year_, month_, DaysInMonth(year_, month_));
  return DaysFromCivil(year_, month_, day_);
}

DateRelation Date::Compare(const Date& other) const {
  const int32_t a0 = first_day(), a1 = last_day(), b0 = other.first_day(), b1 = other.last_day();
  if (a1 < b0) return DateRelation::kBefore;
  if (a0 > b1) return DateRelation::kAfter;
  if (a0 == b0 && a1 == b1) return DateRelation::kSame;
  if (a0 <= b0 && a1 >= b1) return DateRelation::kContains;
  return DateRelation::kWithin;  // partial dates nest: ranges never cross partially
}

std::string Date::ToString() const {
  std::string out;
  switch (precision_) {
    case DatePrecision::kYear: out = fmt::format("{:04}", year_); break;
    case DatePrecision::kMonth: out = fmt::format("{:04}-{:02}", year_, month_); break;
    case DatePrecision::kDay: out = fmt::format("{:04}-{:02}-{:02}", year_, month_, day_); break;
  }
  if (approximate_ && uncertain_) out += '%';
  else if (approximate_) out += '~';
  else if (uncertain_) out += '?';
  return out;
}

std::string Date::ToEnglish() const {
  std::string out = approximate_ ? "c. " : "";
  switch (precision_) {
    case DatePrecision::kYear: out += fmt::format("{}", year_); break;
    case DatePrecision::kMonth: out += fmt::format("{} {}", MonthName(month_), year_); break;
    case DatePrecision::kDay: out += fmt::format("{} {} {}", day_, MonthName(month_), year_); break;
  }
  if (uncertain_) out += " (uncertain)";
  return out;
}

std::strong_ordering operator<=>(const Date& a, const Date& b) {
  if (auto c = a.first_day() <=> b.first_day(); c != 0) return c;
  if (auto c = a.precision_ <=> b.precision_; c != 0) return c;
  if (auto c = a.approximate_ <=> b.approximate_; c != 0) return c;
  return a.uncertain_ <=> b.uncertain_;
}

}  // namespace dyad
