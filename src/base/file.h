// Whole-file reads and atomic publication of files.
#ifndef DYAD_BASE_FILE_H_
#define DYAD_BASE_FILE_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad {

// Reads the whole file. NotFound when it does not exist, IOError otherwise; messages
// name the path.
Result<std::string> ReadFile(const std::string& path);

// Publishes `data` at `path` atomically: writes `path.tmp-<pid>`, fsyncs it, renames it
// over `path`, then fsyncs the directory. After a crash at any point `path` holds either
// its old content or the new one, never a mixture.
Status WriteFileAtomic(const std::string& path, std::string_view data);

// fsync of a directory, so that a rename or create inside it is durable.
Status SyncDirectory(const std::string& dir);

bool FileExists(const std::string& path);

}  // namespace dyad

#endif  // DYAD_BASE_FILE_H_
