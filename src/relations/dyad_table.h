// DyadTable: the compiled, memory-mapped form of one dyad-year dataset.
//
// Format (docs/formats/dyad-table.md): a little-endian file, "DYADTBL1", a header with
// the row count, a CRC-32 of everything after the header, the dataset's metadata
// (dataset, upstream version, currency date, source files), the dictionary of state keys
// (sorted, so key order is index order), the column descriptors, then one array per column:
// a (u16 key index), b (u16 key index, 0xFFFF for one-state tables), year (i16), then the
// value columns (i32 with INT32_MIN = missing, or f64 with NaN = missing). Rows are sorted
// by (a, b, year); a dyad-year may have several rows (one per dispute, for instance).
//
// Committed packs hold the file zstd-compressed (`NAME.dyt.zst`); Compile() turns it into
// the plain file that Open() maps (see relations.h). A loaded table is immutable.
#ifndef DYAD_RELATIONS_DYAD_TABLE_H_
#define DYAD_RELATIONS_DYAD_TABLE_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dyad::relations {

inline constexpr int32_t kMissingInt = std::numeric_limits<int32_t>::min();
inline constexpr uint16_t kNoState = 0xFFFF;

enum class ColumnType : uint8_t { kInt32 = 1, kFloat64 = 2 };

struct ColumnSpec {
  std::string name;
  ColumnType type = ColumnType::kInt32;
};

// What every table says about where its rows come from.
struct TableMeta {
  std::string dataset;           // "atop", "cow-trade", "unvotes" …
  std::string upstream_version;  // "ATOP 5.1 (peacesciencer fe150a2)"
  std::string currency;          // last date the data speak for, ISO ("2018-12-31")
  std::vector<std::string> files;  // source files, relative to the dataset folder
};

// Collects rows, then writes the file (sorted, checksummed) in one piece.
class DyadTableBuilder {
 public:
  DyadTableBuilder(TableMeta meta, std::vector<ColumnSpec> columns);
  // Adds a row; `b` empty for one-state tables. `values` has one entry per column
  // (integers are stored exactly, NaN means missing).
  void Add(std::string_view a, std::string_view b, int year, std::span<const double> values);
  size_t rows() const { return year_.size(); }
  // The serialized table (uncompressed).
  std::string Serialize() const;

 private:
  uint16_t KeyIndex(std::string_view key);
  TableMeta meta_;
  std::vector<ColumnSpec> columns_;
  std::vector<std::string> keys_;
  std::unordered_map<std::string, uint16_t> key_index_;
  std::vector<uint16_t> a_, b_;
  std::vector<int16_t> year_;
  std::vector<std::vector<double>> values_;
};

class DyadTable {
 public:
  // Maps a plain table file; Corruption when the header or sizes are wrong. The CRC is
  // checked by Verify(), not on every open.
  static Result<std::shared_ptr<const DyadTable>> Open(const std::string& path);
  // Parses a table held in memory (tests, Compile); the buffer is owned by the table.
  static Result<std::shared_ptr<const DyadTable>> FromBuffer(std::string bytes, std::string name);
  ~DyadTable();
  DyadTable(const DyadTable&) = delete;
  DyadTable& operator=(const DyadTable&) = delete;

  Status Verify() const;

  const TableMeta& meta() const { return meta_; }
  const std::vector<ColumnSpec>& columns() const { return columns_; }
  int Column(std::string_view name) const;  // -1 if absent
  size_t rows() const { return rows_; }
  // The first and last year with a row (0 when empty): the dataset's coverage, found on
  // first use (a scan of the year column that a command reading a few dyads never pays).
  int min_year() const { return YearSpan().first; }
  int max_year() const { return YearSpan().second; }
  const std::vector<std::string>& keys() const { return keys_; }
  // Index of a state key in this table, or kNoState.
  uint16_t KeyIndex(std::string_view key) const;

  std::string_view a(size_t row) const { return keys_[a_[row]]; }
  std::string_view b(size_t row) const { return b_[row] == kNoState ? std::string_view() : keys_[b_[row]]; }
  int year(size_t row) const { return year_[row]; }
  uint16_t a_index(size_t row) const { return a_[row]; }
  uint16_t b_index(size_t row) const { return b_[row]; }
  // The value of column `col` in `row`, as a double (NaN when missing).
  double Value(size_t row, int col) const;
  bool Missing(size_t row, int col) const { return std::isnan(Value(row, col)); }

  // Rows of dyad (a, b) (b empty: one-state rows), every year: [first, last).
  std::pair<size_t, size_t> Range(std::string_view a, std::string_view b) const;
  // Rows of (a, b, year).
  std::pair<size_t, size_t> Range(std::string_view a, std::string_view b, int year) const;
  // The same by key index, for loops that resolve keys once.
  std::pair<size_t, size_t> RangeIdx(uint16_t a, uint16_t b, int year) const;

 private:
  DyadTable() = default;
  Status Parse(std::string_view bytes);

  std::string name_;
  std::string owned_;         // FromBuffer
  void* map_ = nullptr;       // Open
  size_t map_size_ = 0;
  std::string_view bytes_;
  uint32_t crc_ = 0;
  size_t body_offset_ = 0;
  TableMeta meta_;
  std::vector<ColumnSpec> columns_;
  std::vector<std::string> keys_;
  size_t rows_ = 0;
  std::pair<int, int> YearSpan() const;
  mutable std::once_flag years_once_;
  mutable std::pair<int, int> years_{0, 0};
  const uint16_t* a_ = nullptr;
  const uint16_t* b_ = nullptr;
  const int16_t* year_ = nullptr;
  std::vector<const void*> data_;
};

}  // namespace dyad::relations

#endif  // DYAD_RELATIONS_DYAD_TABLE_H_
