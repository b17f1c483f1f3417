// The event store: a directory holding a MANIFEST and immutable segments.
//
//   DIR/MANIFEST          the only source of truth on which segments exist (text, below)
//   DIR/seg-NNNNNN.dseg   segments (segment.h; docs/formats/event-store.md)
//   DIR/LOCK              flock()ed by the one writer
//
// Appends publish atomically: the segment is written to a temporary file, fsynced,
// renamed into place and the directory fsynced; then the MANIFEST is replaced the same
// way. A crash at any moment leaves the old or the new MANIFEST, each naming only complete
// segments. When a writer next opens the store it removes only files it can prove are its
// own leftovers: `seg-<digits>.dseg` not named by the MANIFEST and `seg-<digits>.dseg.tmp-*`
// / `MANIFEST.tmp-*` temporaries; nothing else in the directory is touched. A directory
// that holds files but no MANIFEST is not a store and is refused. An append is
// acknowledged (Append returns OK) only after the MANIFEST is durable; an append that
// fails puts the previous MANIFEST back (when the file system lets it), so a store
// reopened after an error holds every acknowledged batch and nothing else. Every file
// operation goes through an Env (base/env.h), so tests inject faults.
#ifndef DYAD_EVENTS_STORE_H_
#define DYAD_EVENTS_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/env.h"
#include "base/status.h"
#include "events/segment.h"

namespace dyad::events {

struct SegmentInfo {
  std::string name;  // file name inside the store directory
  uint64_t rows = 0;
  uint64_t bytes = 0;
  uint32_t crc32 = 0;  // of the whole file
  int32_t min_day = 0, max_day = 0;
};

class Store {
 public:
  // Opens an existing store for reading. NotFound when DIR/MANIFEST is absent.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir);
  // Opens for writing, creating the directory and an empty MANIFEST if needed. Takes the
  // writer lock and removes files left by an interrupted append.
  static Result<std::unique_ptr<Store>> OpenForWrite(const std::string& dir,
                                                     Env* env = Env::Default());
  ~Store();

  const std::string& dir() const { return dir_; }
  const std::vector<SegmentInfo>& infos() const { return infos_; }
  const std::vector<std::unique_ptr<Segment>>& segments() const { return segments_; }
  uint64_t rows() const;
  uint64_t bytes() const;

  // Serializes the builder as a new segment and publishes it. Empty builders are a no-op.
  Status Append(SegmentBuilder* builder);
  // Merges runs of adjacent segments whose rows add up to at most `max_rows` into one
  // segment each. Memory: about 500 bytes per merged row (max_rows bounds it).
  Status Compact(uint64_t max_rows);
  // Re-reads every segment and checks its size and CRC32 against the MANIFEST.
  Status Check() const;

 private:
  Store() = default;
  Status LoadManifest();
  Status PublishManifest(const std::vector<SegmentInfo>& infos, uint64_t next);
  Result<SegmentInfo> WriteSegment(const std::string& data);
  Status RemoveOrphans();
  Status Rollback(const std::vector<std::string>& written);

  Env* env_ = Env::Default();
  std::string dir_;
  int lock_fd_ = -1;
  uint64_t next_ = 1;
  std::vector<SegmentInfo> infos_;
  std::vector<std::unique_ptr<Segment>> segments_;
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_STORE_H_
