#include "base/interval.h"

#include <fmt/format.h>

#include <climits>

namespace dyad {

Result<Interval> Interval::Make(std::optional<Date> start, std::optional<Date> end) {
  if (start && end && end->last_day() < start->first_day()) {
    return Status::InvalidArgument(
        fmt::format("interval ends ({}) before it starts ({})", end->ToString(), start->ToString()));
  }
  Interval i;
  i.start_ = start;
  i.end_ = end;
  return i;
}

Result<Interval> Interval::Parse(std::string_view text) {
  std::string_view s = text;
  if (s == ".." || s.empty()) return Interval();
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) {
    return Status::InvalidArgument(
        fmt::format("bad interval '{}': expected START/END, with '..' for an open end", text));
  }
  auto side = [&](std::string_view part) -> Result<std::optional<Date>> {
    if (part.empty() || part == "..") return std::optional<Date>();
    Result<Date> d = Date::ParseIso(part);
    if (!d.ok()) return d.status().WithPrefix(fmt::format("bad interval '{}'", text));
    return std::optional<Date>(*d);
  };
  DYAD_ASSIGN_OR_RETURN(std::optional<Date> start, side(s.substr(0, slash)));
  DYAD_ASSIGN_OR_RETURN(std::optional<Date> end, side(s.substr(slash + 1)));
  return Make(start, end);
}

Interval Interval::Point(const Date& d) {
  Interval i;
  i.start_ = d;
  i.end_ = d;
  return i;
}

int32_t Interval::lo() const { return start_ ? start_->first_day() : INT32_MIN; }
int32_t Interval::hi() const { return end_ ? end_->last_day() : INT32_MAX; }

bool Interval::ContainsDay(int32_t day) const { return lo() <= day && day <= hi(); }

bool Interval::DefinitelyContainsDay(int32_t day) const {
  const int32_t a = start_ ? start_->last_day() : INT32_MIN;
  const int32_t b = end_ ? end_->first_day() : INT32_MAX;
  return a <= day && day <= b;
}

bool Interval::Overlaps(const Interval& other) const {
  return lo() <= other.hi() && other.lo() <= hi();
}

std::string Interval::ToString() const {
  if (!start_ && !end_) return "..";
  return fmt::format("{}/{}", start_ ? start_->ToString() : "..", end_ ? end_->ToString() : "..");
}

}  // namespace dyad
