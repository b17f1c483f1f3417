// Whole-file reads and the one safe writer every dyad output goes through.
#ifndef DYAD_BASE_FILE_H_
#define DYAD_BASE_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/env.h"
#include "base/status.h"

namespace dyad {

// Reads the whole file. NotFound when it does not exist, IOError otherwise; messages
// name the path. Only regular files (symlinks are followed) are read: a directory, FIFO,
// device or socket is refused (InvalidArgument) without blocking, and so is a file larger
// than `max_bytes` (ResourceExhausted), so a symlink to /dev/zero or a FIFO cannot make a
// reader hang or grow without bound.
inline constexpr uint64_t kDefaultMaxFileBytes = uint64_t{1} << 30;  // 1 GiB
Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes = kDefaultMaxFileBytes);

// How a writer treats what is already at its output path.
//   kNew, kRegular   atomic publication: a temporary file `PATH.tmp-<pid>-<n>` next to the
//                    target, fsynced, renamed over PATH, directory fsynced. After a crash
//                    PATH holds its old content or the new one, never a mixture. A symlink
//                    is followed: the file it names is replaced and the link is kept.
//   kWriteThrough    a character device or FIFO (/dev/null, /dev/stdout on a pipe): the data
//                    is written into it; the node itself is never replaced.
// A directory (or a PATH ending in '/'), socket, block device or dangling symlink is
// refused with a message naming PATH.
enum class OutputKind { kNew, kRegular, kWriteThrough };
struct OutputTarget {
  OutputKind kind = OutputKind::kNew;
  std::string path;  // the path written (a symlink's target)
};
Result<OutputTarget> ClassifyOutput(const std::string& path);

// A file being written. Every write, fsync, rename and close is checked; Commit() is the
// only way to publish, and a writer destroyed without Commit() removes its temporary file
// and leaves PATH as it was.
class FileWriter {
 public:
  static Result<std::unique_ptr<FileWriter>> Create(const std::string& path,
                                                    Env* env = Env::Default());
  ~FileWriter();
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  Status Append(std::string_view data);
  // Publishes (atomic targets) or closes (write-through). Call once.
  Status Commit();
  // Durable flush of what was appended so far (write-through: fsync where supported).
  Status Sync();
  const std::string& path() const { return path_; }

 private:
  FileWriter(Env* env, std::string path, OutputTarget target, std::string tmp, int fd);
  Env* env_;
  std::string path_;
  OutputTarget target_;
  std::string tmp_;  // empty for write-through
  int fd_;
  Status failed_;    // the first write error; Commit returns it
};

// Publishes `data` at `path` through a FileWriter (atomic onto a regular file or a new
// name, written through onto a device or FIFO, refused onto anything else).
Status WriteFileAtomic(const std::string& path, std::string_view data, Env* env = Env::Default());

// fsync of a directory, so that a rename or create inside it is durable.
Status SyncDirectory(const std::string& dir);

bool FileExists(const std::string& path);

// True when both paths name the same existing file (device and inode).
bool SameFile(const std::string& a, const std::string& b);

}  // namespace dyad

#endif  // DYAD_BASE_FILE_H_
