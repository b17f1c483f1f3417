// Event readers: GDELT 1.0 (57-column backfile and 58-column daily rows), GDELT 2.0 (61
// columns), ICEWS (20 columns after a header row) and dyad's native TSV; each from a plain,
// gzip (.gz, detected by magic bytes) or zip (.zip, every entry in order) file.
//
// Contract:
//   - Every row is counted as read; it is either handed to the sink (accepted), dropped as
//     a duplicate, or rejected with file, line, column and reason into the RejectSink.
//   - Reject reasons (stable keys): column-count, invalid-utf8, bad-id, bad-date,
//     invalid-code, bad-quad, bad-number, out-of-range, unknown-country, bad-header.
//   - A CRLF terminator is tolerated (the row is read without the CR). A last line without
//     a newline is read like any other row; if it was cut short it fails column-count.
//   - Duplicates: the same dataset and id (GDELT GLOBALEVENTID), or the same id and date
//     (ICEWS, whose Event ID repeats before 2014), seen earlier in the same reader. With
//     DuplicatePolicy::kDrop (the default) later copies are counted and dropped; with kKeep
//     they are counted and kept. GDELT ids are kept in a
//     paged bitmap (about 1 bit per id in the ranges used); other keys in a hash set of
//     16-32 bytes per event.
//   - Events already in the store (MarkStored, called by the ingest for every stored row)
//     are dropped the same way and counted both as duplicates and in already_stored(), so
//     re-ingesting a file or resuming an interrupted ingest never stores an event twice.
//   - Out-of-range values are rejects (reason out-of-range) naming the field: Goldstein
//     (GoldsteinScale, Intensity) in [-10, 10], NumMentions/NumSources/NumArticles >= 0,
//     AvgTone in [-100, 100], latitude in [-90, 90], longitude in [-180, 180], geo type 0-5
//     (GDELT coordinates out of range are read as unknown, NaN, and the row is kept).
//   - Invalid UTF-8 is a reject naming the column and field in which it occurs.
//   - A sink error stops the read and is returned.
#ifndef DYAD_EVENTS_READER_H_
#define DYAD_EVENTS_READER_H_

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "base/rejects.h"
#include "base/status.h"
#include "events/countries.h"
#include "events/event.h"
#include "events/flat_set.h"
#include "events/taxonomy.h"

namespace dyad { class LineReader; }
namespace dyad::events {

enum class InputFormat { kGdelt, kIcews, kNative };
Result<InputFormat> ParseInputFormat(std::string_view name);  // gdelt, icews, tsv

enum class DuplicatePolicy { kDrop, kKeep };

struct ReadOptions {
  DuplicatePolicy duplicates = DuplicatePolicy::kDrop;
  // When set, each event's Goldstein value is taken from the taxonomy in this variant
  // instead of the file's column (GDELT's GoldsteinScale, ICEWS's Intensity).
  std::optional<GoldsteinScale> rescale;
  bool progress = false;  // progress line on stderr (callers pass isatty(2))
};

using EventSink = std::function<Status(const EventView&)>;

class EventReader {
 public:
  EventReader(const Taxonomy& taxonomy, const CountryMap& countries, RejectSink* rejects,
              ReadOptions options);
  ~EventReader();

  Status Read(const std::string& path, InputFormat format, const EventSink& sink);
  // Reads from memory (tests); `name` is the file name in rejects.
  Status ReadString(std::string data, const std::string& name, InputFormat format,
                    const EventSink& sink);
  const ReadCounts& counts() const { return counts_; }
  // Records the identity of an event already stored (see the contract above).
  void MarkStored(Dataset dataset, uint64_t id, int32_t day);
  uint64_t already_stored() const { return already_stored_; }

 private:
  Status ReadLines(LineReader& lines, InputFormat format, uint64_t total_bytes,
                   const EventSink& sink);
  bool ParseGdelt(std::string_view* f, int n, EventView* ev, int* bad_col,
                  std::string_view* reason, std::string* msg);
  bool ParseIcews(std::string_view* f, int n, EventView* ev, int* bad_col,
                  std::string_view* reason, std::string* msg);
  bool ParseNative(std::string_view* f, int n, EventView* ev, int* bad_col,
                   std::string_view* reason, std::string* msg);
  bool ResolveCameo(std::string_view code, std::string_view* state);
  std::string_view ResolveFips(std::string_view code);
  bool ResolveName(std::string_view name, std::string_view* key);
  bool IsDuplicate(const EventView& ev);
  bool IsStored(const EventView& ev) const;

  const Taxonomy& taxonomy_;
  const CountryMap& countries_;
  RejectSink* rejects_;
  ReadOptions options_;
  ReadCounts counts_;
  // Resolution caches; node-based maps keep the string_views handed out stable.
  std::unordered_map<std::string, std::optional<std::string>> cameo_cache_, fips_cache_,
      name_cache_;
  FlatU64Set seen_;           // ICEWS (id, day) and native keys
  IdBitmap seen_gdelt_[2];    // GDELT 1.0 and 2.0 GLOBALEVENTIDs
  FlatU64Set stored_;         // the same keys, of events already in the store
  IdBitmap stored_gdelt_[2];
  bool any_stored_ = false;
  uint64_t already_stored_ = 0;
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_READER_H_
