// A small RFC 4180 record reader for the relations datasets (pairs-b's interim reader; the
// importers use only this interface, so a shared CSV reader can replace it).
//
// Contract:
//   - Input is plain or gzip (LineReader sniffs the magic bytes), UTF-8, LF or CRLF.
//   - A record is one line, or several when a quoted field holds a newline (kept as "\n").
//   - Fields are split on `delimiter`. With quoting on, a field that starts with `"` runs
//     to the matching `"`; `""` inside it is one `"`. quoted(i) tells `""` (an empty
//     string) from an empty unquoted field (R's NA): the text "NA" is data, never missing.
//   - A malformed record (text after a closing quote, a quote left open at end of input)
//     is still returned, with error() set to the reason and error_column() to the 1-based
//     field; the caller rejects it. Reading then goes on with the next line.
//   - line() is the 1-based line where the record starts; raw() its text as read.
#ifndef DYAD_INGEST_CSV_READER_H_
#define DYAD_INGEST_CSV_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/line_reader.h"
#include "base/status.h"

namespace dyad::ingest {

struct CsvOptions {
  char delimiter = ',';
  bool quoting = true;  // false: split on the delimiter only (the embassies file)
};

class CsvReader {
 public:
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path, CsvOptions options = {});
  static std::unique_ptr<CsvReader> FromString(std::string data, std::string name,
                                               CsvOptions options = {});

  // Reads the next record; false at end of input or on an I/O error (see status()).
  bool Next();
  const Status& status() const { return lines_->status(); }

  size_t size() const { return fields_.size(); }
  const std::string& field(size_t i) const { return fields_[i]; }
  bool quoted(size_t i) const { return quoted_[i] != 0; }
  const std::vector<std::string>& fields() const { return fields_; }
  uint64_t line() const { return line_; }
  const std::string& raw() const { return raw_; }
  const std::string& error() const { return error_; }  // empty when the record is well formed
  int error_column() const { return error_column_; }
  const std::string& name() const { return lines_->name(); }

 private:
  CsvReader(std::unique_ptr<LineReader> lines, CsvOptions options);
  void Split();
  void SplitPlain();
  // Parses a quoted field starting at raw_[*pos] == '"'; appends its text to *out.
  bool QuotedField(size_t* pos, std::string* out);

  std::unique_ptr<LineReader> lines_;
  CsvOptions options_;
  std::string raw_;
  std::vector<std::string> fields_;
  std::vector<char> quoted_;
  uint64_t line_ = 0;
  std::string error_;
  int error_column_ = 0;
};

// Column names of a header record, looked up by name (1-based; 0 when absent).
class CsvHeader {
 public:
  CsvHeader() = default;
  explicit CsvHeader(std::vector<std::string> names) : names_(std::move(names)) {}
  int Column(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_CSV_READER_H_
