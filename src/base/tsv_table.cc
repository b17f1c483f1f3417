#include "base/tsv_table.h"

#include <fmt/format.h>

#include <cstdlib>

#include "base/file.h"
#include "base/unicode.h"

namespace dyad {

Result<TsvTable> TsvTable::Read(const std::string& path, const std::vector<std::string>& required) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  size_t bad = 0;
  if (Status s = ValidateUtf8(text, &bad); !s.ok())
    return Status::Corruption(fmt::format("{}: invalid UTF-8 at byte {}", path, bad));
  TsvTable t;
  t.path_ = path;
  size_t pos = 0;
  uint64_t line_no = 0;
  bool have_header = false;
  size_t width = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> cells = SplitTabs(line);
    if (!have_header) {
      for (size_t i = 0; i < cells.size(); ++i) t.columns_.emplace(std::string(cells[i]), i);
      width = cells.size();
      have_header = true;
      continue;
    }
    if (cells.size() != width) {
      return Status::Corruption(fmt::format("{}:{}: expected {} columns, got {}", path, line_no,
                                            width, cells.size()));
    }
    t.rows_.emplace_back(cells.begin(), cells.end());
    t.lines_.push_back(line_no);
  }
  if (!have_header) return Status::Corruption(fmt::format("{}: no header row", path));
  for (const std::string& col : required) {
    if (!t.columns_.count(col))
      return Status::Corruption(fmt::format("{}: missing column '{}'", path, col));
  }
  if (t.columns_.count("source")) {
    for (size_t r = 0; r < t.rows_.size(); ++r) {
      if (t.Cell(r, "source").empty())
        return Status::Corruption(fmt::format("{}: empty source", t.Where(r)));
    }
  }
  return t;
}

const std::string& TsvTable::Cell(size_t row, std::string_view column) const {
  static const std::string kEmpty;
  auto it = columns_.find(std::string(column));
  return it == columns_.end() ? kEmpty : rows_[row][it->second];
}

std::string TsvTable::Where(size_t row) const { return fmt::format("{}:{}", path_, lines_[row]); }

Result<std::optional<Date>> TsvTable::DateCell(size_t row, std::string_view column) const {
  const std::string& text = Cell(row, column);
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = Date::ParseIso(text);
  if (!d.ok()) {
    return Status::Corruption(
        fmt::format("{}: column {}: {}", Where(row), column, d.status().message()));
  }
  return std::optional<Date>(*d);
}

Result<double> TsvTable::NumberCell(size_t row, std::string_view column) const {
  const std::string& text = Cell(row, column);
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    return Status::Corruption(
        fmt::format("{}: column {}: '{}' is not a number", Where(row), column, text));
  }
  return v;
}

Result<Interval> TsvTable::IntervalCells(size_t row, std::string_view start,
                                         std::string_view end) const {
  DYAD_ASSIGN_OR_RETURN(std::optional<Date> from, DateCell(row, start));
  DYAD_ASSIGN_OR_RETURN(std::optional<Date> to, DateCell(row, end));
  Result<Interval> i = Interval::Make(from, to);
  if (!i.ok()) return Status::Corruption(fmt::format("{}: {}", Where(row), i.status().message()));
  return i;
}

}  // namespace dyad
