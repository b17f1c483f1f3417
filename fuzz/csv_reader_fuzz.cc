// Fuzzes the CSV reader (base/csv_reader.h) that every relations-dataset importer reads
// through: the first byte picks the options (delimiter ',' ';' or TAB, quoting on or off,
// a trailing empty header name allowed), the rest is the file. Every record is accepted or
// rejected with a reason; an accepted record has the header's field count and each field is
// a view inside the reader's data; the counts add up.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/csv_reader.h"
#include "base/rejects.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  dyad::CsvOptions options;
  static const char kDelimiters[] = {',', ';', '\t'};
  options.delimiter = kDelimiters[data[0] % 3];
  options.quote = (data[0] & 4) != 0 ? '\0' : '"';
  options.allow_trailing_empty_header = (data[0] & 8) != 0;
  dyad::RejectSink rejects;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto reader = dyad::CsvReader::FromString(std::move(text), "fuzz.csv", options, &rejects);
  if (!reader.ok()) return 0;  // no header: an error Status is a fine answer
  dyad::CsvReader& r = **reader;
  const size_t columns = r.header().size();
  dyad::CsvRow row;
  uint64_t rows = 0;
  while (r.Next(&row)) {
    ++rows;
    if (row.size() != columns) std::abort();  // a record of the wrong width was accepted
    for (size_t i = 0; i < row.size(); ++i) {
      if (row.missing(i) && !row[i].empty()) std::abort();  // missing fields are empty
      (void)row.Int(i);
      (void)row.Double(i);
    }
    if ((rows & 1) != 0) r.Accept(); else r.Reject(1, "fuzz", "every other row");
  }
  const dyad::ReadCounts& c = r.counts();
  if (r.status().ok() && c.accepted + c.rejected != c.read) std::abort();  // a row lost or counted twice
  return 0;
}
