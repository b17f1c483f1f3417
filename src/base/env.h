// The file-system seam (an "Env" in the LevelDB sense) under every writer.
//
// Every file dyad writes goes through these calls: the event store (segments, MANIFEST,
// LOCK), packs, dossiers (`-o`), rejects and ack files. Env::Default() is POSIX; tests
// install a fault-injecting Env (tests/base/fault_env.h) that fails the Nth operation
// with ENOSPC or EIO, or writes short, and then check that nothing acknowledged was lost
// and nothing unacknowledged appeared.
//
// Contract of every call: an error is returned as a Status naming the path and the
// errno text; Write may write fewer bytes than asked (the caller loops) and never
// reports success for bytes it did not write.
#ifndef DYAD_BASE_ENV_H_
#define DYAD_BASE_ENV_H_

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad {

class Env {
 public:
  virtual ~Env() = default;
  // The process-wide POSIX implementation (never null, never freed).
  static Env* Default();

  // open(2); the returned descriptor is owned by the caller (Close it).
  virtual Result<int> Open(const std::string& path, int flags, mode_t mode);
  // One write(2) call: the number of bytes written (> 0), or an error.
  virtual Result<size_t> Write(int fd, const char* data, size_t n, const std::string& path);
  virtual Status Fsync(int fd, const std::string& path);
  virtual Status Close(int fd, const std::string& path);
  virtual Status Rename(const std::string& from, const std::string& to);
  virtual Status Unlink(const std::string& path);
  // fsync of a directory, so that a rename or create inside it is durable.
  virtual Status SyncDir(const std::string& dir);

  // Writes all of `data`, looping over short writes; EINTR is retried.
  Status WriteAll(int fd, std::string_view data, const std::string& path);
};

// A Status for the current errno: NotFound for ENOENT, AlreadyExists for EEXIST, IOError
// otherwise.
Status ErrnoStatus(std::string_view what, const std::string& path);

}  // namespace dyad

#endif  // DYAD_BASE_ENV_H_
