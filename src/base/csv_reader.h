// CsvReader: RFC 4180 records from plain or gzip files, for every CSV importer.
//
// Parsing is done by libcsv (Debian libcsv-dev); this class adds what dyad's readers need
// around it. Contract:
//   - Quoted fields may hold the delimiter, doubled quotes and newlines; a record can span
//     several lines. Input is read through LineReader (gzip by magic bytes, CRLF accepted).
//   - Missing and empty are different: an unquoted empty field is *missing*
//     (`CsvRow::missing(i)`), a quoted empty field `""` is the empty string. Nothing else is
//     special: the literal text NA is data (Namibia's ISO alpha-2 code), never missing.
//   - Spaces are kept as written (libcsv's default trimming is turned off).
//   - The first record is the header (a UTF-8 BOM before it is dropped). Every later record
//     must have as many fields as the header; otherwise it is rejected with reason
//     "column-count" (column = the first missing or surplus field, 1-based).
//   - A record with invalid UTF-8 is rejected ("bad-utf8", column of the field); a quoting
//     error ("bad-quote") rejects the record it occurs in and the reader resynchronises at
//     the next line. Rejected records go to the RejectSink given at Open (which may be
//     null: counts only) with file, line, column, reason and the raw text.
//   - line() is the 1-based line on which the current record starts; row() its 1-based
//     data-row number (header excluded, rejected records counted), the "row" that imported
//     facts cite.
#ifndef DYAD_BASE_CSV_READER_H_
#define DYAD_BASE_CSV_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/rejects.h"
#include "base/status.h"

namespace dyad {

struct CsvOptions {
  char delimiter = ',';
  char quote = '"';  // '\0': no quoting at all (a quote is a literal character)
  // A header whose last name is empty and data rows one field shorter (the embassies
  // file's trailing ';') is accepted when this is true.
  bool allow_trailing_empty_header = false;
};

// One record: fields as views valid until the next CsvReader::Next.
class CsvRow {
 public:
  size_t size() const { return fields_.size(); }
  std::string_view operator[](size_t i) const { return fields_[i]; }
  bool missing(size_t i) const { return missing_[i] != 0; }
  // Numbers in the forms R writes (no exponent needed, "-12", "3.25"); nullopt when the
  // field is missing or not a number.
  std::optional<int64_t> Int(size_t i) const;
  std::optional<double> Double(size_t i) const;

 private:
  friend class CsvReader;
  std::vector<std::string_view> fields_;
  std::vector<uint8_t> missing_;
};

class CsvReader {
 public:
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path, CsvOptions options = {},
                                                 RejectSink* rejects = nullptr);
  static Result<std::unique_ptr<CsvReader>> FromString(std::string data, std::string name,
                                                       CsvOptions options = {},
                                                       RejectSink* rejects = nullptr);
  ~CsvReader();

  const std::vector<std::string>& header() const { return header_; }
  // Index of a header name, or -1.
  int Column(std::string_view name) const;
  // Indexes of every name, or InvalidArgument naming the first one the header lacks.
  Result<std::vector<int>> Columns(const std::vector<std::string_view>& names) const;

  // Next accepted record; false at the end or on an I/O error (check status()).
  bool Next(CsvRow* row);
  const Status& status() const { return status_; }

  // Rejects a record the caller found bad (a field that does not parse): counted and
  // written to the rejects file like the reader's own rejects.
  void Reject(int column, std::string_view reason_kind, std::string_view message);

  const std::string& name() const { return name_; }
  uint64_t line() const { return record_line_; }
  uint64_t row() const { return row_; }
  const ReadCounts& counts() const { return counts_; }
  // Marks the current record accepted (importers call it once they keep the row).
  void Accept() { ++counts_.accepted; }

  struct Impl;  // libcsv state and pending records (csv_reader.cc)

 private:
  CsvReader() = default;
  Status ReadHeader();
  bool Fill();
  bool Check(CsvRow* row);

  std::unique_ptr<Impl> impl_;
  std::string name_;
  CsvOptions options_;
  RejectSink* rejects_ = nullptr;
  std::vector<std::string> header_;
  Status status_;
  uint64_t record_line_ = 0;
  uint64_t row_ = 0;
  ReadCounts counts_;
};

}  // namespace dyad

#endif  // DYAD_BASE_CSV_READER_H_
