// Helpers shared by the relations importers (relations_import.h); internal to src/ingest.
#ifndef DYAD_INGEST_IMPORT_UTIL_H_
#define DYAD_INGEST_IMPORT_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/interval.h"
#include "base/rejects.h"
#include "ingest/code_map.h"
#include "base/csv_reader.h"
#include "ingest/kb_datasets_import.h"
#include "kb/model.h"

namespace dyad::ingest {

// The first file in `dir` whose name starts with `prefix` (sorted), or NotFound.
Result<std::string> FindFile(const std::string& dir, std::string_view prefix);
std::string BaseName(const std::string& path);

// "Apostolic Nunciature" -> "apostolic-nunciature"; ids: "A2.9-46" -> "a2.9-46".
std::string Slug(std::string_view text);

// An interval from optional ends (open where absent).
Result<Interval> MakeInterval(const std::optional<Date>& from, const std::optional<Date>& to);

// Opens a CSV file (base/csv_reader.h) and checks that its header has `required`.
Result<std::unique_ptr<CsvReader>> OpenCsv(const std::string& path, const std::vector<std::string_view>& required,
                                           RejectSink* rejects, CsvOptions options = {});

// The field named `column` of `row` (the header must have it: see OpenCsv).
std::string Field(const CsvReader& csv, const CsvRow& row, std::string_view column);
// 1-based column of `name` for reject messages.
inline int Col1(const CsvReader& csv, std::string_view name) { return csv.Column(name) + 1; }

// Adds what `map` could not map, and what it mapped outside the registry's validity, to *out.
void AddCodeReport(const CodeMap& map, ImportResult* out);

kb::Fact MakeFact(std::string subject, kb::Relation relation, std::string object,
                  Interval valid, std::string record, std::string source);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_IMPORT_UTIL_H_
