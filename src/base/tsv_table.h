// TsvTable: a small UTF-8 TSV table with a header row, read whole — the form of the
// project's own data tables (data/world/*.tsv, data/cameo/*.tsv).
#ifndef DYAD_BASE_TSV_TABLE_H_
#define DYAD_BASE_TSV_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/interval.h"
#include "base/status.h"
#include "base/strings.h"

namespace dyad {

// Cells are addressed by column name.
class TsvTable {
 public:
  // Reads `path`; every row must have as many cells as the header, and every column in
  // `required` must exist. Blank lines and lines starting with '#' are skipped; a "\r"
  // before the "\n" is dropped. Errors (Corruption) name the file and line.
  static Result<TsvTable> Read(const std::string& path, const std::vector<std::string>& required);

  size_t size() const { return rows_.size(); }
  const std::string& Cell(size_t row, std::string_view column) const;
  // "path:line" of a row, for messages.
  std::string Where(size_t row) const;
  // An optional ISO date cell ("" is nullopt). Errors name file, line, column and text.
  Result<std::optional<Date>> DateCell(size_t row, std::string_view column) const;
  // A decimal number cell.
  Result<double> NumberCell(size_t row, std::string_view column) const;
  // [start, end] from two optional date cells; errors when end precedes start.
  Result<Interval> IntervalCells(size_t row, std::string_view start, std::string_view end) const;

 private:
  std::string path_;
  std::unordered_map<std::string, size_t> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<uint64_t> lines_;
};

}  // namespace dyad

#endif  // DYAD_BASE_TSV_TABLE_H_
