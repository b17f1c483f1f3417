#include "base/env.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/fault_env.h"

namespace dyad {

Status ErrnoStatus(std::string_view what, const std::string& path) {
  const int err = errno;
  std::string msg = fmt::format("{} {}: {}", what, path, std::strerror(err));
  if (err == ENOENT) return Status::NotFound(std::move(msg));
  if (err == EEXIST) return Status::AlreadyExists(std::move(msg));
  return Status::IOError(std::move(msg));
}

// POSIX, unless DYAD_FAULT_INJECT asks for a FaultEnv (base/fault_env.h); a malformed
// value fails the first write, fsync or rename and every later one.
Env* Env::Default() {
  static Env* env = []() -> Env* {
    const char* spec = std::getenv("DYAD_FAULT_INJECT");
    if (spec == nullptr || *spec == '\0') return new Env();
    Result<std::unique_ptr<FaultEnv>> fault = ParseFaultSpec(spec);
    if (fault.ok()) return std::move(fault).value().release();
    return new FaultEnv(1, Fault::kEio, /*sticky=*/true);
  }();
  return env;
}

Result<int> Env::Open(const std::string& path, int flags, mode_t mode) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
  if (fd < 0) return ErrnoStatus("cannot open", path);
  return fd;
}

Result<size_t> Env::Write(int fd, const char* data, size_t n, const std::string& path) {
  for (;;) {
    ssize_t w = ::write(fd, data, n);
    if (w > 0) return static_cast<size_t>(w);
    if (w < 0 && errno == EINTR) continue;
    if (w == 0) errno = EIO;
    return ErrnoStatus("cannot write", path);
  }
}

Status Env::Fsync(int fd, const std::string& path) {
  if (::fsync(fd) != 0) return ErrnoStatus("cannot fsync", path);
  return Status::OK();
}

Status Env::Close(int fd, const std::string& path) {
  if (::close(fd) != 0) return ErrnoStatus("cannot close", path);
  return Status::OK();
}

Status Env::Rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) return ErrnoStatus("cannot rename onto", to);
  return Status::OK();
}

Status Env::Unlink(const std::string& path) {
  if (::unlink(path.c_str()) != 0) return ErrnoStatus("cannot remove", path);
  return Status::OK();
}

Status Env::SyncDir(const std::string& dir) {
  const std::string d = dir.empty() ? "." : dir;
  DYAD_ASSIGN_OR_RETURN(int fd, Open(d, O_RDONLY | O_DIRECTORY, 0));
  Status st = Fsync(fd, d);
  Status closed = Close(fd, d);
  return st.ok() ? closed : st;
}

Status Env::WriteAll(int fd, std::string_view data, const std::string& path) {
  size_t done = 0;
  while (done < data.size()) {
    DYAD_ASSIGN_OR_RETURN(size_t n, Write(fd, data.data() + done, data.size() - done, path));
    done += n;
  }
  return Status::OK();
}

}  // namespace dyad
