#include "base/fault_env.h"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>

namespace dyad {

bool FaultEnv::Counted(std::string_view a, std::string_view b) const {
  if (filter_.empty()) return true;
  return a.find(filter_) != std::string_view::npos || b.find(filter_) != std::string_view::npos;
}

bool FaultEnv::Hit() {
  const int n = ++ops_;
  const bool hit = n == fail_at_ || (sticky_ && fired_);
  if (hit) fired_ = true;
  return hit;
}

Status FaultEnv::Fail(std::string_view what, const std::string& path) const {
  errno = fault_ == Fault::kEio ? EIO : ENOSPC;
  return ErrnoStatus(what, path);
}

Result<size_t> FaultEnv::Write(int fd, const char* data, size_t n, const std::string& path) {
  if (!Counted(path)) return Env::Write(fd, data, n, path);
  if (short_pending_.exchange(false)) {
    errno = ENOSPC;  // the call after a short write: the disk is full
    return ErrnoStatus("cannot write", path);
  }
  if (!Hit()) return Env::Write(fd, data, n, path);
  if (fault_ == Fault::kShortWrite && n > 1) {
    short_pending_ = true;
    return Env::Write(fd, data, n / 2, path);
  }
  return Fail("cannot write", path);
}

Status FaultEnv::Fsync(int fd, const std::string& path) {
  if (Counted(path) && Hit()) return Fail("cannot fsync", path);
  return Env::Fsync(fd, path);
}

Status FaultEnv::Rename(const std::string& from, const std::string& to) {
  if (Counted(from, to) && Hit()) return Fail("cannot rename onto", to);
  return Env::Rename(from, to);
}

Result<std::unique_ptr<FaultEnv>> ParseFaultSpec(std::string_view spec) {
  auto bad = [&] {
    return Status::InvalidArgument(
        fmt::format("DYAD_FAULT_INJECT '{}': expected KIND:N[:PATH] with KIND enospc, eio or short", spec));
  };
  const size_t c1 = spec.find(':');
  if (c1 == std::string_view::npos) return bad();
  const std::string_view kind = spec.substr(0, c1);
  std::string_view rest = spec.substr(c1 + 1);
  const size_t c2 = rest.find(':');
  const std::string_view number = rest.substr(0, c2);
  const std::string filter(c2 == std::string_view::npos ? std::string_view() : rest.substr(c2 + 1));
  Fault fault;
  if (kind == "enospc") fault = Fault::kEnospc;
  else if (kind == "eio") fault = Fault::kEio;
  else if (kind == "short") fault = Fault::kShortWrite;
  else return bad();
  int n = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
  if (ec != std::errc() || end != number.data() + number.size() || n < 1) return bad();
  return std::make_unique<FaultEnv>(n, fault, false, filter);
}

}  // namespace dyad
