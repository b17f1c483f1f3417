// Immutable columnar segments of the event store (format: docs/formats/event-store.md).
//
// A segment holds the events of one ingest batch (or of a compaction), sorted by
// (src country, tgt country, src state, tgt state, day, id), so that one directed dyad's
// events are contiguous and time-ordered. Columns used by aggregates (day, event code,
// Goldstein x10, quad class) are stored raw and read through mmap; the other fields are
// stored in zstd-compressed chunks of up to 65,536 rows. Each segment also carries a
// dyad directory (dyad -> row range) and a month-major summary (month, dyad -> count,
// Goldstein sum, quad counts) that answers "all dyads in one month" without touching rows.
#ifndef DYAD_EVENTS_SEGMENT_H_
#define DYAD_EVENTS_SEGMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "events/event.h"

namespace dyad::events {

#pragma pack(push, 1)
struct SegmentHeader {
  char magic[8];  // "DYADSEG1"
  uint32_t version;
  uint32_t flags;  // kSegmentHasRecords; other bits 0
  uint64_t rows;
  uint32_t n_dict, n_dyads, n_summary, n_chunks;
  uint64_t off_dict, off_dyads, off_day, off_code, off_gold, off_quad, off_summary,
      off_chunk_index, off_chunks;
  int32_t min_day, max_day;
  uint8_t reserved[8];
};
struct DyadEntry {
  uint32_t src, tgt, src_state, tgt_state;  // dictionary ids
  uint64_t start, count;                   // row range
};
struct SummaryEntry {
  int32_t month;   // year * 12 + (month - 1)
  uint32_t dyad;   // index into the dyad directory
  uint32_t count;
  uint32_t quad[4];
  int64_t gold10;  // sum of Goldstein x 10
  uint32_t pad;
};
struct ChunkIndexEntry {
  uint64_t offset, compressed;
  uint32_t rows, raw;
};
#pragma pack(pop)
static_assert(sizeof(SegmentHeader) == 128);
static_assert(sizeof(DyadEntry) == 32);
static_assert(sizeof(SummaryEntry) == 40);

inline constexpr uint32_t kChunkRows = 65536;

// Header flag: some row has dataset `records` (events coded from records, whose dates may
// be known only to the month or year: the precision is in the row's url, events/records.h).
// Readers that bucket by day, week or month read those rows' url only in such segments.
inline constexpr uint32_t kSegmentHasRecords = 1u;

int32_t MonthOfDay(int32_t day);  // year * 12 + month - 1

// All fields of one stored event, owning its strings (for export and compaction).
struct StoredEvent {
  int32_t day = 0;
  std::string src_country, tgt_country, src_state, tgt_state, src_actor, tgt_actor, src_role,
      tgt_role, code, geo_fips, geo_state, url;
  int quad = 0;
  float goldstein = 0;
  int32_t mentions = 0, sources = 0, articles = 0;
  float tone = 0, lat = 0, lon = 0;
  int geo_type = 0;
  Dataset dataset = Dataset::kUnknown;
  uint64_t id = 0;
  bool is_root = false;
  EventView View() const;
};

// Accumulates events in memory and serializes them as one segment.
class SegmentBuilder {
 public:
  // The chunk compressor, ZSTD_compress's signature (a test passes a failing one); its
  // result is checked with ZSTD_isError.
  using Compressor = size_t (*)(void* dst, size_t dst_capacity, const void* src, size_t src_size,
                                int level);
  SegmentBuilder();
  explicit SegmentBuilder(Compressor compress);
  ~SegmentBuilder();
  void Add(const EventView& ev);
  size_t rows() const;
  // True when the dictionary nears its 16-bit limit; the caller must Finish.
  bool DictionaryFull() const;
  // Approximate heap bytes held (rows, strings, dictionary).
  size_t MemoryBytes() const;
  // Sorts and serializes; the builder is empty afterwards. An error when a chunk does not
  // compress (the rows are dropped: the caller has not acknowledged them).
  Result<std::string> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A read-only, memory-mapped segment. Open validates the header and section bounds.
class Segment {
 public:
  static Result<std::unique_ptr<Segment>> Open(const std::string& path);
  ~Segment();

  uint64_t rows() const { return h_->rows; }
  uint64_t file_bytes() const { return size_; }
  int32_t min_day() const { return h_->min_day; }
  bool has_records() const { return (h_->flags & kSegmentHasRecords) != 0; }
  int32_t max_day() const { return h_->max_day; }
  std::string_view dict(uint32_t id) const;
  uint32_t dict_size() const { return h_->n_dict; }
  // The dictionary id of `s`, or -1.
  int64_t DictFind(std::string_view s) const;

  const DyadEntry* dyads() const { return dyads_; }
  uint32_t n_dyads() const { return h_->n_dyads; }
  // Dyad entries with this src and tgt dictionary id: [begin, end) into dyads().
  std::pair<uint32_t, uint32_t> DyadRange(uint32_t src, uint32_t tgt) const;
  const int32_t* day() const { return day_; }
  const uint16_t* code() const { return code_; }
  const int16_t* gold10() const { return gold_; }
  const uint8_t* quad() const { return quad_; }
  const SummaryEntry* summary() const { return summary_; }
  uint32_t n_summary() const { return h_->n_summary; }
  // Summary entries of one month: [begin, end).
  std::pair<uint32_t, uint32_t> MonthRange(int32_t month) const;

  // Decodes rows [first, first + n) fully (cold columns decompressed chunk by chunk).
  Result<std::vector<StoredEvent>> ReadRows(uint64_t first, uint64_t n) const;

 private:
  Segment() = default;
  Status Validate(const std::string& path);
  void* map_ = nullptr;
  size_t size_ = 0;
  const SegmentHeader* h_ = nullptr;
  const uint32_t* dict_off_ = nullptr;
  const char* dict_bytes_ = nullptr;
  const DyadEntry* dyads_ = nullptr;
  const int32_t* day_ = nullptr;
  const uint16_t* code_ = nullptr;
  const int16_t* gold_ = nullptr;
  const uint8_t* quad_ = nullptr;
  const SummaryEntry* summary_ = nullptr;
  const ChunkIndexEntry* chunks_ = nullptr;
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_SEGMENT_H_
