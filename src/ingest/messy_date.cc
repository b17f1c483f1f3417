#include "ingest/messy_date.h"

#include <fmt/format.h>

namespace dyad::ingest {
namespace {

using Kind = MessyDate::Kind;

MessyDate Unparsed(std::string_view text, std::string_view why) {
  return MessyDate{Kind::kUnparsed, std::nullopt, fmt::format("date '{}': {}", text, why)};
}

MessyDate Placeholder(std::string_view text, std::string_view why) {
  return MessyDate{Kind::kPlaceholder, std::nullopt, fmt::format("date '{}': {}", text, why)};
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Drops "XX" parts: YYYY-XX-.. keeps the year, YYYY-MM-XX the month.
std::string DropUnspecified(std::string_view s) {
  std::string out(s);
  if (out.size() >= 7 && out.compare(4, 3, "-XX") == 0) return out.substr(0, 4);
  if (out.size() >= 10 && out.compare(7, 3, "-XX") == 0) return out.substr(0, 7);
  return out;
}

// The plain date part: no time suffix, no EDTF markers, no XX parts.
MessyDate ParseOne(std::string_view text, std::string_view s) {
  if (size_t t = s.find('T'); t == 10) s = s.substr(0, 10);
  std::string plain = DropUnspecified(s);
  if (plain.size() < 4) return Unparsed(text, "not a year, month or day");
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (plain[i] < '0' || plain[i] > '9') return Unparsed(text, "not a year, month or day");
    year = year * 10 + (plain[i] - '0');
  }
  if (year < 1000) return Placeholder(text, "a year before 1000 stands for an unknown date");
  if (year >= 2100) return Placeholder(text, "a far-future placeholder (open-ended or not in force)");
  auto d = Date::ParseIso(plain);
  if (!d.ok()) return Unparsed(text, d.status().message());
  return MessyDate{Kind::kDate, *d, ""};
}

// "A..B": the finest precision that holds both ends.
MessyDate ParseRange(std::string_view text, std::string_view a, std::string_view b) {
  MessyDate from = ParseOne(text, a), to = ParseOne(text, b);
  if (!from.has_date()) return from;
  if (!to.has_date()) return to;
  if (from.date->year() != to.date->year())
    return Unparsed(text, "a range over several years has no single precision");
  DatePrecision p = from.date->month() == to.date->month() && from.date->month() != 0
                        ? DatePrecision::kMonth
                        : DatePrecision::kYear;
  return MessyDate{Kind::kDate, from.date->Truncated(p), ""};
}

}  // namespace

MessyDate ParseMessyDate(std::string_view text) {
  std::string_view s = Trim(text);
  if (s.empty()) return {};
  bool approximate = false, uncertain = false;
  while (!s.empty() && (s.back() == '?' || s.back() == '~' || s.back() == '%' || s.back() == '-')) {
    approximate |= s.back() == '~' || s.back() == '%';
    uncertain |= s.back() == '?' || s.back() == '%';
    s.remove_suffix(1);
  }
  MessyDate out;
  if (size_t dots = s.find(".."); dots != std::string_view::npos) {
    out = ParseRange(text, s.substr(0, dots), s.substr(dots + 2));
  } else {
    out = ParseOne(text, s);
  }
  if (out.has_date()) out.date = out.date->WithApproximate(approximate).WithUncertain(uncertain);
  return out;
}

}  // namespace dyad::ingest
