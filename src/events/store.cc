#include "events/store.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <sstream>
#include <unordered_set>

#include "base/file.h"

namespace dyad::events {
namespace {

constexpr std::string_view kManifestMagic = "dyad-event-store 1";

uint32_t Crc(std::string_view data) {
  uLong c = crc32(0L, Z_NULL, 0);
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    uInt n = static_cast<uInt>(std::min<size_t>(left, 1u << 30));
    c = crc32(c, reinterpret_cast<const Bytef*>(p), n);
    p += n;
    left -= n;
  }
  return static_cast<uint32_t>(c);
}

Status MakeDir(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::IOError(fmt::format("cannot create {}: {}", dir, std::strerror(errno)));
  }
  return Status::OK();
}

}  // namespace

Store::~Store() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

uint64_t Store::rows() const {
  uint64_t n = 0;
  for (const auto& i : infos_) n += i.rows;
  return n;
}

uint64_t Store::bytes() const {
  uint64_t n = 0;
  for (const auto& i : infos_) n += i.bytes;
  return n;
}

Status Store::LoadManifest() {
  std::string path = dir_ + "/MANIFEST";
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::istringstream in(text);
  std::string line;
  int line_no = 0;
  infos_.clear();
  segments_.clear();
  while (std::getline(in, line)) {
    ++line_no;
    auto bad = [&](std::string_view why) {
      return Status::Corruption(fmt::format("{}:{}: {}", path, line_no, why));
    };
    if (line_no == 1) {
      if (line != kManifestMagic) return bad("not an event store manifest");
      continue;
    }
    std::istringstream f(line);
    std::string kw;
    f >> kw;
    if (kw == "next") {
      if (!(f >> next_)) return bad("bad next");
    } else if (kw == "segment") {
      SegmentInfo s;
      std::string k1, k2, k3, k4, k5;
      if (!(f >> s.name >> k1 >> s.rows >> k2 >> s.bytes >> k3 >> std::hex >> s.crc32 >> std::dec >>
            k4 >> s.min_day >> k5 >> s.max_day) ||
          k1 != "rows" || k2 != "bytes" || k3 != "crc32" || k4 != "min_day" || k5 != "max_day" ||
          s.name.find('/') != std::string::npos) {
        return bad("bad segment line");
      }
      infos_.push_back(s);
    } else if (!kw.empty()) {
      return bad("unknown keyword " + kw);
    }
  }
  if (line_no == 0) return Status::Corruption(path + ": empty manifest");
  for (const auto& s : infos_) {
    DYAD_ASSIGN_OR_RETURN(auto seg, Segment::Open(dir_ + "/" + s.name));
    if (seg->rows() != s.rows || seg->file_bytes() != s.bytes) {
      return Status::Corruption(fmt::format("{}: size differs from the manifest", s.name));
    }
    segments_.push_back(std::move(seg));
  }
  return Status::OK();
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir) {
  std::unique_ptr<Store> store(new Store());
  store->dir_ = dir;
  if (!FileExists(dir + "/MANIFEST")) {
    return Status::NotFound(fmt::format("no event store at {} (no MANIFEST); load one with "
                                        "`dyad ingest gdelt FILES --store {}`",
                                        dir, dir));
  }
  DYAD_RETURN_IF_ERROR(store->LoadManifest());
  return store;
}

namespace {

// A directory a writer may make a store in: absent, empty, or holding only a LOCK
// (left by an earlier version that created it before failing).
Status CheckStoreDir(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) return Status::OK();
  if (!S_ISDIR(st.st_mode)) {
    return Status::FailedPrecondition(fmt::format("{} exists and is not a directory", dir));
  }
  if (FileExists(dir + "/MANIFEST")) return Status::OK();
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return Status::IOError(fmt::format("cannot list {}: {}", dir, std::strerror(errno)));
  std::string other;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != ".." && name != "LOCK") {
      other = name;
      break;
    }
  }
  ::closedir(d);
  if (other.empty()) return Status::OK();
  return Status::FailedPrecondition(fmt::format(
      "{} is not an event store (no MANIFEST) and is not empty (it holds {}); refusing to "
      "write into it: give a new or empty directory",
      dir, other));
}

// Files a store's writer may remove: its own segment names and temporaries.
bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsSegmentName(std::string_view name) {
  return name.size() > 9 && name.substr(0, 4) == "seg-" && name.substr(name.size() - 5) == ".dseg" &&
         IsDigits(name.substr(4, name.size() - 9));
}

// BASE.tmp-<pid>[-<n>] where BASE is MANIFEST or a segment name.
bool IsStoreTemp(std::string_view name) {
  size_t at = name.rfind(".tmp-");
  if (at == std::string_view::npos) return false;
  std::string_view base = name.substr(0, at), tail = name.substr(at + 5);
  size_t dash = tail.find('-');
  bool tail_ok = dash == std::string_view::npos
                     ? IsDigits(tail)
                     : IsDigits(tail.substr(0, dash)) && IsDigits(tail.substr(dash + 1));
  return tail_ok && (base == "MANIFEST" || IsSegmentName(base));
}

}  // namespace

Result<std::unique_ptr<Store>> Store::OpenForWrite(const std::string& dir, Env* env) {
  DYAD_RETURN_IF_ERROR(CheckStoreDir(dir));
  std::unique_ptr<Store> store(new Store());
  store->dir_ = dir;
  store->env_ = env;
  DYAD_RETURN_IF_ERROR(MakeDir(dir));
  std::string lock = dir + "/LOCK";
  store->lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (store->lock_fd_ < 0) return Status::IOError(fmt::format("cannot open {}: {}", lock, std::strerror(errno)));
  if (::flock(store->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    return Status::FailedPrecondition(fmt::format("{} is being written by another process", dir));
  }
  if (!FileExists(dir + "/MANIFEST")) {
    DYAD_RETURN_IF_ERROR(store->PublishManifest({}, 1));
  }
  DYAD_RETURN_IF_ERROR(store->LoadManifest());
  DYAD_RETURN_IF_ERROR(store->RemoveOrphans());
  return store;
}

Status Store::RemoveOrphans() {
  std::unordered_set<std::string> live;
  for (const auto& s : infos_) live.insert(s.name);
  DIR* d = ::opendir(dir_.c_str());
  if (d == nullptr) return Status::IOError(fmt::format("cannot list {}", dir_));
  std::vector<std::string> doomed;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if ((IsSegmentName(name) && !live.count(name)) || IsStoreTemp(name)) doomed.push_back(name);
  }
  ::closedir(d);
  for (const auto& name : doomed) DYAD_RETURN_IF_ERROR(env_->Unlink(dir_ + "/" + name));
  if (!doomed.empty()) DYAD_RETURN_IF_ERROR(env_->SyncDir(dir_));
  return Status::OK();
}

Status Store::PublishManifest(const std::vector<SegmentInfo>& infos, uint64_t next) {
  std::string text(kManifestMagic);
  text += "\n";
  text += fmt::format("next {}\n", next);
  for (const auto& s : infos) {
    text += fmt::format("segment {} rows {} bytes {} crc32 {:08x} min_day {} max_day {}\n", s.name,
                        s.rows, s.bytes, s.crc32, s.min_day, s.max_day);
  }
  return WriteFileAtomic(dir_ + "/MANIFEST", text, env_);
}

Result<SegmentInfo> Store::WriteSegment(const std::string& data) {
  SegmentInfo info;
  info.name = fmt::format("seg-{:06d}.dseg", next_);
  ++next_;
  const auto* h = reinterpret_cast<const SegmentHeader*>(data.data());
  info.rows = h->rows;
  info.bytes = data.size();
  info.crc32 = Crc(data);
  info.min_day = h->min_day;
  info.max_day = h->max_day;
  DYAD_RETURN_IF_ERROR(WriteFileAtomic(dir_ + "/" + info.name, data, env_));
  return info;
}

Status Store::Append(SegmentBuilder* builder) {
  if (lock_fd_ < 0) return Status::FailedPrecondition("store opened read-only");
  if (builder->rows() == 0) return Status::OK();
  DYAD_ASSIGN_OR_RETURN(std::string data, builder->Finish());
  DYAD_ASSIGN_OR_RETURN(SegmentInfo info, WriteSegment(data));
  data.clear();
  data.shrink_to_fit();
  std::vector<SegmentInfo> next = infos_;
  next.push_back(info);
  if (Status st = PublishManifest(next, next_); !st.ok()) {
    Rollback({info.name}).ok();
    return st;
  }
  DYAD_ASSIGN_OR_RETURN(auto seg, Segment::Open(dir_ + "/" + info.name));
  infos_ = std::move(next);
  segments_.push_back(std::move(seg));
  return Status::OK();
}

Status Store::Compact(uint64_t max_rows) {
  if (lock_fd_ < 0) return Status::FailedPrecondition("store opened read-only");
  std::vector<SegmentInfo> out;
  std::vector<std::string> retired, written;
  size_t i = 0;
  while (i < infos_.size()) {
    size_t j = i;
    uint64_t total = 0;
    while (j < infos_.size() && total + infos_[j].rows <= max_rows) total += infos_[j++].rows;
    if (j - i <= 1) {
      out.push_back(infos_[i]);
      i = std::max(j, i + 1);
      continue;
    }
    SegmentBuilder builder;
    for (size_t k = i; k < j; ++k) {
      DYAD_ASSIGN_OR_RETURN(auto events, segments_[k]->ReadRows(0, segments_[k]->rows()));
      for (const auto& e : events) builder.Add(e.View());
      retired.push_back(infos_[k].name);
    }
    Result<std::string> data = builder.Finish();
    if (!data.ok()) {
      Rollback(written).ok();
      return data.status();
    }
    auto info = WriteSegment(*data);
    if (!info.ok()) {
      Rollback(written).ok();
      return info.status();
    }
    written.push_back(info->name);
    out.push_back(*info);
    i = j;
  }
  if (retired.empty()) return Status::OK();
  if (Status st = PublishManifest(out, next_); !st.ok()) {
    Rollback(written).ok();
    return st;
  }
  segments_.clear();
  // The new MANIFEST is durable: retired segments are unreferenced; one left behind by an
  // error here is an orphan the next writer removes.
  for (const auto& name : retired) env_->Unlink(dir_ + "/" + name).ok();
  Status synced = env_->SyncDir(dir_);
  DYAD_RETURN_IF_ERROR(LoadManifest());
  return synced;
}

// After a failed publish: puts the MANIFEST of infos_ back (a rename of the new one may
// already have happened) and removes the segments written for it. Best effort: if the
// file system still fails, the next writer's RemoveOrphans finishes the job.
Status Store::Rollback(const std::vector<std::string>& written) {
  Status st = PublishManifest(infos_, next_);
  for (const auto& name : written) env_->Unlink(dir_ + "/" + name).ok();
  return st;
}

Status Store::Check() const {
  for (const auto& s : infos_) {
    DYAD_ASSIGN_OR_RETURN(std::string data, ReadFile(dir_ + "/" + s.name));
    if (data.size() != s.bytes) return Status::Corruption(s.name + ": size differs from the manifest");
    if (Crc(data) != s.crc32) return Status::Corruption(s.name + ": CRC32 mismatch");
  }
  return Status::OK();
}

}  // namespace dyad::events
