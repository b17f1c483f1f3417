#include "base/file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace dyad {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { if (fd_ >= 0) ::close(fd_); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string ParentDir(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

std::string FileTypeName(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  return "not a regular file";
}

// Opens PATH.tmp-<pid>-<n> exclusively, so no existing file is ever truncated.
Result<std::pair<std::string, int>> CreateTemp(Env* env, const std::string& path, mode_t mode) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0;; ++attempt) {
    std::string tmp = fmt::format("{}.tmp-{}-{}", path, ::getpid(), counter++);
    auto fd = env->Open(tmp, O_WRONLY | O_CREAT | O_EXCL, mode);
    if (fd.ok()) return std::make_pair(tmp, *fd);
    if (attempt > 100 || fd.status().code() != StatusCode::kAlreadyExists) return fd.status();
  }
}

}  // namespace

Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) return ErrnoStatus("cannot open", path);
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return ErrnoStatus("cannot stat", path);
  if (!S_ISREG(st.st_mode)) {
    return Status::InvalidArgument(
        fmt::format("{} is {}, not a regular file", path, FileTypeName(st.st_mode)));
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return Status::ResourceExhausted(fmt::format("{} is {} bytes, more than the limit of {} bytes",
                                                 path, st.st_size, max_bytes));
  }
  std::string out;
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot read", path);
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      return Status::ResourceExhausted(
          fmt::format("{} grew past the limit of {} bytes while read", path, max_bytes));
    }
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

Result<OutputTarget> ClassifyOutput(const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("empty output path");
  if (path.back() == '/') {
    return Status::InvalidArgument(fmt::format("{} names a directory; give a file name", path));
  }
  OutputTarget t;
  t.path = path;
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return ErrnoStatus("cannot stat", path);
    return t;  // a new name
  }
  if (S_ISLNK(st.st_mode)) {
    std::error_code ec;
    auto real = std::filesystem::canonical(path, ec);
    if (ec) {
      return Status::InvalidArgument(
          fmt::format("{} is a symlink to a missing or unreadable file; not replacing it", path));
    }
    t.path = real.string();
    if (::stat(t.path.c_str(), &st) != 0) return ErrnoStatus("cannot stat", t.path);
  }
  if (S_ISREG(st.st_mode)) {
    t.kind = OutputKind::kRegular;
  } else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    t.kind = OutputKind::kWriteThrough;
  } else {
    return Status::InvalidArgument(
        fmt::format("{} is {}; dyad writes only regular files, devices and FIFOs", path,
                    FileTypeName(st.st_mode)));
  }
  return t;
}

FileWriter::FileWriter(Env* env, std::string path, OutputTarget target, std::string tmp, int fd)
    : env_(env), path_(std::move(path)), target_(std::move(target)), tmp_(std::move(tmp)), fd_(fd) {}

Result<std::unique_ptr<FileWriter>> FileWriter::Create(const std::string& path, Env* env) {
  DYAD_ASSIGN_OR_RETURN(OutputTarget target, ClassifyOutput(path));
  if (target.kind == OutputKind::kWriteThrough) {
    DYAD_ASSIGN_OR_RETURN(int fd, env->Open(target.path, O_WRONLY, 0));
    return std::unique_ptr<FileWriter>(new FileWriter(env, path, target, "", fd));
  }
  mode_t mode = 0644;
  struct stat st;
  if (target.kind == OutputKind::kRegular && ::stat(target.path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;  // a replaced file keeps its permissions
  }
  DYAD_ASSIGN_OR_RETURN(auto tmp, CreateTemp(env, target.path, mode));
  if (target.kind == OutputKind::kRegular) ::fchmod(tmp.second, mode);
  return std::unique_ptr<FileWriter>(new FileWriter(env, path, target, tmp.first, tmp.second));
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) env_->Close(fd_, path_).ok();
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

Status FileWriter::Append(std::string_view data) {
  if (!failed_.ok()) return failed_;
  if (fd_ < 0) return Status::FailedPrecondition(path_ + ": write after commit");
  failed_ = env_->WriteAll(fd_, data, tmp_.empty() ? target_.path : tmp_);
  return failed_;
}

Status FileWriter::Sync() {
  if (!failed_.ok()) return failed_;
  if (tmp_.empty()) return Status::OK();  // devices and FIFOs: nothing durable to sync
  failed_ = env_->Fsync(fd_, tmp_);
  return failed_;
}

Status FileWriter::Commit() {
  if (fd_ < 0) return Status::FailedPrecondition(path_ + ": committed twice");
  Status st = failed_;
  if (st.ok() && !tmp_.empty()) st = env_->Fsync(fd_, tmp_);
  Status closed = env_->Close(fd_, tmp_.empty() ? target_.path : tmp_);
  fd_ = -1;
  if (st.ok()) st = closed;
  if (!st.ok() || tmp_.empty()) return st;
  st = env_->Rename(tmp_, target_.path);
  if (!st.ok()) return st;  // the destructor removes the temporary file
  tmp_.clear();
  return env_->SyncDir(ParentDir(target_.path));
}

Status WriteFileAtomic(const std::string& path, std::string_view data, Env* env) {
  DYAD_ASSIGN_OR_RETURN(auto writer, FileWriter::Create(path, env));
  DYAD_RETURN_IF_ERROR(writer->Append(data));
  return writer->Commit();
}

Status SyncDirectory(const std::string& dir) { return Env::Default()->SyncDir(dir); }

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

}  // namespace dyad
