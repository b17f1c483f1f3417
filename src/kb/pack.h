// Packs: the editable, on-disk form of the knowledge base (docs/formats/packs.md).
//
// A pack is a directory of UTF-8 TSV files, one per kind:
//   sources.tsv, entities.tsv, facts.tsv, occurrences.tsv, participants.tsv
// each with a header row. WritePack writes them; ReadPack parses them row by row and
// rejects (does not load) every row it cannot accept, with a Diagnostic naming file, line
// and column. Checks that need every pack at once (unknown entity, missing source,
// overlapping terms) run in KnowledgeBase::Load (kb/knowledge_base.h).
#ifndef DYAD_KB_PACK_H_
#define DYAD_KB_PACK_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/rejects.h"
#include "base/status.h"
#include "kb/model.h"

namespace dyad::kb {

// File names inside a pack directory.
inline constexpr std::string_view kSourcesFile = "sources.tsv";
inline constexpr std::string_view kEntitiesFile = "entities.tsv";
inline constexpr std::string_view kFactsFile = "facts.tsv";
inline constexpr std::string_view kOccurrencesFile = "occurrences.tsv";
inline constexpr std::string_view kParticipantsFile = "participants.tsv";

// One problem found in a pack.
struct Diagnostic {
  enum class Severity : uint8_t { kError, kWarning };
  Severity severity = Severity::kError;
  std::string file;   // path as given to the loader
  uint64_t line = 0;  // 1-based; 0 for a file-level problem
  int column = 0;     // 1-based TSV column; 0 when the row (or file) as a whole is bad
  // Stable key: bad-header, column-count, bad-escape, empty-field, bad-id, bad-date,
  // bad-interval, end-before-start, not-a-point, unknown-kind, unknown-relation,
  // unknown-entity, unknown-state, wrong-kind, missing-object, unexpected-object,
  // missing-value, bad-number, bad-qualifier, missing-qualifier, missing-source,
  // unknown-source, duplicate-row, duplicate-id, overlapping-terms, unknown-occurrence,
  // bad-cameo, crlf, missing-file, io, bom, invalid-utf8, line-too-long, compressed-file.
  std::string kind;
  std::string message;

  // "file:line:column: error: message [kind]"
  std::string ToString() const;
};

// What a load found: every diagnostic, and row counts (read / accepted / rejected /
// duplicates, by reason) per file and in total.
struct LoadReport {
  std::vector<Diagnostic> diagnostics;
  std::map<std::string, ReadCounts, std::less<>> by_file;  // keyed by file path
  ReadCounts total;

  int errors() const;
  int warnings() const;
  bool clean() const { return errors() == 0; }
  // Appends a diagnostic (counts are kept separately, one per row).
  void Add(Diagnostic d);
  void CountRead(std::string_view file);
  void CountAccepted(std::string_view file);
  void CountRejected(std::string_view file, const std::string& reason);
  void CountDuplicate(std::string_view file);
  // A row accepted by ReadPack but rejected by a later (reference) check.
  void Unaccept(std::string_view file, const std::string& reason);
  // "file:line:column: ..." for the first `max` diagnostics, one per line, and a summary.
  std::string Summary(size_t max = 20) const;
};

// True for a well-formed id: 1..200 bytes of ASCII letters, digits and `:._-`.
bool IsValidId(std::string_view id);
// A state reference (a World key) has no ':'; every other entity id has one.
inline bool IsStateRef(std::string_view id) { return id.find(':') == std::string_view::npos; }

// Writes `pack` into `dir` (created if absent): all five files, header first, rows in the
// order given, each file published atomically (base/file.h). Fields are escaped (\t, \n,
// \\). Writes even an empty kind as a header-only file, so a pack is always complete.
// Does not validate: run `dyad check` (or KnowledgeBase::Load) on the result.
Status WritePack(const PackData& pack, const std::string& dir);
// What WritePack checks before writing, without the data: `dir` is new, empty or a pack
// whose files are pack files, and a file can be created where the pack goes. Commands
// call it before long work (`dyad code --facts DIR` coded everything, then failed).
Status CheckPackDestination(const std::string& dir);

// Parses the pack in `dir`. Rows with syntax errors (bad date, unknown relation, column
// count, ...) are not returned; each produces a Diagnostic in `report`. A missing
// optional file is fine; a missing directory or sources.tsv is an error (Status).
// Limits of ReadPack: a pack file is at most kMaxPackFileBytes (a larger file, a FIFO or a
// device is an "io" error naming the file, so `dyad check` never hangs or grows without
// bound) and a line at most kMaxPackLineBytes ("line-too-long"). Invalid UTF-8 is an
// error in the field that holds it ("invalid-utf8"); a leading byte order mark is a
// warning ("bom") and is skipped; a compressed file in place of a pack file
// (facts.tsv.gz) is an error ("compressed-file"), never a silent 0 rows.
inline constexpr uint64_t kMaxPackFileBytes = uint64_t{256} << 20;
inline constexpr size_t kMaxPackLineBytes = size_t{1} << 20;
Result<PackData> ReadPack(const std::string& dir, LoadReport* report);

// Identity of a fact's content (everything but sources, record, note and origin): two
// facts with the same content are the same statement (a duplicate row within a pack; a
// merge across packs).
size_t FactContentHash(const Fact& f);
bool SameFactContent(const Fact& a, const Fact& b);

// Text forms shared by reader and writer.
std::string FormatInterval(const Interval& valid, bool undated);
std::string FormatQualifiers(const std::vector<Qualifier>& qualifiers);
std::string JoinIds(const std::vector<std::string>& ids);  // "a,b"

}  // namespace dyad::kb

#endif  // DYAD_KB_PACK_H_
