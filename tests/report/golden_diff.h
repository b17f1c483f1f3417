// A readable difference between a golden file and a new rendering, for test failures:
// the first differing region of lines with three lines of context, "-" golden, "+" now,
// at most 60 lines of each. Empty when equal.
#ifndef DYAD_TESTS_REPORT_GOLDEN_DIFF_H_
#define DYAD_TESTS_REPORT_GOLDEN_DIFF_H_

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::report {

inline std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  return lines;
}

inline std::string LineDiff(std::string_view want, std::string_view got) {
  if (want == got) return "";
  const std::vector<std::string_view> a = SplitLines(want), b = SplitLines(got);
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const size_t from = head >= 3 ? head - 3 : 0;
  std::string out = fmt::format("@@ line {} (golden {} lines, now {}) @@\n", head + 1, a.size(), b.size());
  for (size_t i = from; i < head; ++i) out += fmt::format(" {}\n", a[i]);
  const size_t a_end = a.size() - tail, b_end = b.size() - tail;
  for (size_t i = head; i < a_end && i < head + 60; ++i) out += fmt::format("-{}\n", a[i]);
  for (size_t i = head; i < b_end && i < head + 60; ++i) out += fmt::format("+{}\n", b[i]);
  for (size_t i = a_end; i < std::min(a.size(), a_end + 3); ++i) out += fmt::format(" {}\n", a[i]);
  return out;
}

}  // namespace dyad::report

#endif  // DYAD_TESTS_REPORT_GOLDEN_DIFF_H_
