// A fault-injecting Env (base/env.h): counts every write, fsync (directories included) and
// rename, optionally only those whose path contains a filter, and fails the Nth one
// (counting from 1) with ENOSPC, EIO or a short write (half the bytes, then ENOSPC).
// With `sticky`, every later counted operation fails too (a disk that stays full).
//
// Tests construct one directly. A whole `dyad` run can be given one through the
// environment, so that tests can check what a command does after a failed write:
//   DYAD_FAULT_INJECT=KIND:N[:PATH_SUBSTRING]   KIND = enospc | eio | short
// Env::Default() then returns that FaultEnv (docs/RELIABILITY.md). An unparsable value
// fails every write, so a mistyped test never passes by injecting nothing.
#ifndef DYAD_BASE_FAULT_ENV_H_
#define DYAD_BASE_FAULT_ENV_H_

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

#include "base/env.h"

namespace dyad {

enum class Fault { kEnospc, kEio, kShortWrite };

class FaultEnv : public Env {
 public:
  FaultEnv(int fail_at, Fault fault, bool sticky = false, std::string path_filter = "")
      : fail_at_(fail_at), fault_(fault), sticky_(sticky), filter_(std::move(path_filter)) {}

  // Counted operations so far, and whether the fault fired.
  int ops() const { return ops_; }
  bool fired() const { return fired_; }

  Result<size_t> Write(int fd, const char* data, size_t n, const std::string& path) override;
  Status Fsync(int fd, const std::string& path) override;
  Status Rename(const std::string& from, const std::string& to) override;

 private:
  bool Counted(std::string_view a, std::string_view b = {}) const;
  bool Hit();
  Status Fail(std::string_view what, const std::string& path) const;

  int fail_at_;
  Fault fault_;
  bool sticky_;
  std::string filter_;
  std::atomic<int> ops_{0};
  std::atomic<bool> fired_{false};
  std::atomic<bool> short_pending_{false};
};

// The FaultEnv a DYAD_FAULT_INJECT value describes; an error for a malformed value.
Result<std::unique_ptr<FaultEnv>> ParseFaultSpec(std::string_view spec);

}  // namespace dyad

#endif  // DYAD_BASE_FAULT_ENV_H_
