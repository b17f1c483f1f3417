// The compiled knowledge-base snapshot (docs/formats/kb-snapshot.md): the bundled dataset
// packs (data/kb-packs: embassies, leaders, factbook, treaties), validated once at build
// time and written as one binary, memory-mapped file cut into per-state chunks, so a
// command about states A and B reads only A's and B's chunks instead of parsing every
// text pack.
//
// A state's chunk holds every fact that concerns it (the state as subject or object; a
// fact of, or about, an entity the state owns or hosts — its missions, its leaders — or
// a mission accredited to it) and every entity those facts name. Each chunk carries a
// checksum (base/binary_codec.h: Checksum64), verified when it is read; the header carries the checksum of the
// directory and the size and modification time of every pack file compiled, so a changed
// pack makes the snapshot stale (OpenOrCompile then rebuilds it and publishes it
// atomically).
//
// Thread-safety: an opened Snapshot is immutable and safe to share.
#ifndef DYAD_KB_SNAPSHOT_H_
#define DYAD_KB_SNAPSHOT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "kb/model.h"
#include "kb/pack.h"
#include "world/world.h"

namespace dyad::kb {

class Snapshot {
 public:
  ~Snapshot();
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  // Validates the packs in `dirs` (KnowledgeBase::Load rules: rejected rows are left out
  // and counted in *report) and writes the snapshot to `path` atomically. Packs with
  // occurrences are refused (the dataset packs have none).
  static Status Compile(const world::World& world, const std::vector<std::string>& dirs,
                        const std::string& path, LoadReport* report);
  // Maps `path`; Corruption for a bad magic, version or directory checksum.
  static Result<std::unique_ptr<Snapshot>> Open(const std::string& path);
  // Opens `path`, compiling it first from `dirs` when it is missing, unreadable or stale.
  static Result<std::unique_ptr<Snapshot>> OpenOrCompile(const world::World& world,
                                                         const std::vector<std::string>& dirs,
                                                         const std::string& path);

  // Every directory under DataDir()/kb-packs, sorted; and where the snapshot of them goes
  // ($DYAD_CACHE/kb.snapshot, else DataDir()/kb-packs/compiled/kb.snapshot).
  static std::vector<std::string> DefaultPackDirs();
  static std::string DefaultPath();

  // True when every pack file compiled still has its recorded size and modification time
  // and no pack file was added.
  bool Fresh() const;
  // The compiled packs' names, in compile order.
  const std::vector<std::string>& pack_names() const { return pack_names_; }
  size_t state_count() const { return directory_.size(); }

  // The packs restricted to what concerns `states` (each pack with all its sources), ready
  // for KnowledgeBase::Build. Corruption when a chunk's checksum does not match.
  Result<std::vector<PackData>> Extract(const std::vector<std::string>& states) const;

 private:
  Snapshot() = default;
  struct Stamp {
    std::string path;
    uint64_t size = 0;
    int64_t mtime_ns = 0;
  };
  struct Chunk {
    std::string state;
    uint64_t offset = 0, length = 0, checksum = 0;
  };
  Status ParseHeader();

  std::string path_;
  const char* data_ = nullptr;
  size_t size_ = 0;
  std::vector<std::string> pack_dirs_;
  std::vector<Stamp> stamps_;
  std::vector<std::string> pack_names_;
  std::vector<std::vector<Source>> sources_;  // per pack
  std::vector<Chunk> directory_;              // sorted by state
};

}  // namespace dyad::kb

#endif  // DYAD_KB_SNAPSHOT_H_
