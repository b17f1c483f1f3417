// Named office holders for the coder: the persons of the knowledge base with a dated
// leader_of, holds_office or chief_of_mission term, each term with the state it serves
// ("John Kerry", 2013-02-01/2017-01-20, USA). That is all the coder needs of the
// knowledge base, so it keeps it in a small cache file (docs/formats/coder-office-holders.md)
// instead of loading every pack on each run: OpenOrCompile reads the cache when every pack
// file and world table it was compiled from still has its recorded size and modification
// time, and otherwise loads the knowledge base (KnowledgeBase::Load: the same validation)
// and publishes a new cache atomically.
//
// Thread-safety: an OfficeHolders is immutable once built.
#ifndef DYAD_CODER_OFFICE_HOLDERS_H_
#define DYAD_CODER_OFFICE_HOLDERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/interval.h"
#include "base/status.h"
#include "kb/knowledge_base.h"
#include "world/world.h"

namespace dyad::coder {

struct OfficeTerm {
  std::string state;  // world key of the state served
  Interval valid;
  bool envoy = false;  // a chief_of_mission term (an ambassador), not a leader's or an office's
};

struct OfficeHolder {
  std::string id;    // entity id ("person:kerry-john-forbes")
  std::string name;  // as the pack writes it
  // leader_of terms first, then holds_office, then chief_of_mission, each in pack order.
  std::vector<OfficeTerm> terms;
  // The state served on `on`: the first term containing it, or nullptr.
  const OfficeTerm* TermOn(const Date& on) const;
  // The same among leader_of and holds_office terms only (no ambassador's).
  const OfficeTerm* OfficeOn(const Date& on) const;
};

// One file the cache was compiled from, with its size and modification time.
struct FileStamp {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

class OfficeHolders {
 public:
  // Every person of `kb` with at least one dated term whose object leads to a state.
  static OfficeHolders FromKnowledgeBase(const kb::KnowledgeBase& kb);
  // Reads a cache file; Corruption naming the line for anything malformed.
  static Result<OfficeHolders> Read(const std::string& path);
  // Writes the cache atomically (base/file.h WriteFileAtomic).
  Status Write(const std::string& path) const;

  // The cache at `path` when it is fresh for `dirs`; else compiled from the knowledge
  // base of `dirs` (rows it rejects go to *report) and written to `path`. A cache that
  // cannot be written is no error. *compiled (when given) says whether the knowledge base
  // was loaded, *written whether a new cache was published.
  static Result<OfficeHolders> OpenOrCompile(const world::World& world,
                                             const std::vector<std::string>& dirs,
                                             const std::string& path, kb::LoadReport* report,
                                             bool* compiled = nullptr, bool* written = nullptr);
  // $DYAD_CACHE/coder-office-holders.tsv, else DataDir()/coder/compiled/office-holders.tsv.
  static std::string DefaultPath();
  // The regular files of `dirs` and of the world tables, sorted within each directory.
  static std::vector<FileStamp> StampsOf(const std::vector<std::string>& dirs);

  const std::vector<OfficeHolder>& holders() const { return holders_; }
  const std::vector<FileStamp>& stamps() const { return stamps_; }
  const OfficeHolder* Find(std::string_view id) const;
  size_t term_count() const;

 private:
  void Index();
  std::vector<OfficeHolder> holders_;
  std::vector<FileStamp> stamps_;
  std::unordered_map<std::string, size_t> by_id_;
};

}  // namespace dyad::coder

#endif  // DYAD_CODER_OFFICE_HOLDERS_H_
