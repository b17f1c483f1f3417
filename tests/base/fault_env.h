// A fault-injecting Env for tests: counts every write, fsync and rename and fails the Nth
// one (counting from 1) with ENOSPC, EIO or a short write. With `sticky`, every later
// operation of those kinds fails too (a disk that stays full).
#ifndef DYAD_TESTS_BASE_FAULT_ENV_H_
#define DYAD_TESTS_BASE_FAULT_ENV_H_

#include <cerrno>
#include <string>

#include "base/env.h"

namespace dyad::testing {

enum class Fault { kEnospc, kEio, kShortWrite };

class FaultEnv : public Env {
 public:
  FaultEnv(int fail_at, Fault fault, bool sticky = false)
      : fail_at_(fail_at), fault_(fault), sticky_(sticky) {}

  int ops() const { return ops_; }
  bool fired() const { return fired_; }

  Result<size_t> Write(int fd, const char* data, size_t n, const std::string& path) override {
    if (Hit()) {
      if (fault_ == Fault::kShortWrite && n > 1) {
        // Half is written; the next call (the caller's loop) then fails: a disk filling up.
        auto w = Env::Write(fd, data, n / 2, path);
        short_pending_ = true;
        return w;
      }
      return Fail("cannot write", path);
    }
    if (short_pending_) {
      short_pending_ = false;
      errno = ENOSPC;
      return ErrnoStatus("cannot write", path);
    }
    return Env::Write(fd, data, n, path);
  }
  Status Fsync(int fd, const std::string& path) override {
    if (Hit()) return Fail("cannot fsync", path);
    return Env::Fsync(fd, path);
  }
  Status Rename(const std::string& from, const std::string& to) override {
    if (Hit()) return Fail("cannot rename onto", to);
    return Env::Rename(from, to);
  }

 private:
  bool Hit() {
    ++ops_;
    bool hit = ops_ == fail_at_ || (sticky_ && fired_);
    if (hit) fired_ = true;
    return hit;
  }
  Status Fail(std::string_view what, const std::string& path) {
    errno = fault_ == Fault::kEio ? EIO : ENOSPC;
    return ErrnoStatus(what, path);
  }

  int fail_at_;
  Fault fault_;
  bool sticky_;
  int ops_ = 0;
  bool fired_ = false;
  bool short_pending_ = false;
};

}  // namespace dyad::testing

#endif  // DYAD_TESTS_BASE_FAULT_ENV_H_
