// Where readers put what they could not accept, and how they count.
//
// Every reader reports read / accepted / rejected / duplicate counts and writes each
// rejected row to a rejects file, one TSV line per row:
//   file <TAB> line <TAB> column <TAB> reason <TAB> raw row (tabs and newlines escaped as
//   \t and \n, backslash as \\, cut to 4096 bytes)
// with a header line. Column is 1-based (0 when the row as a whole is bad).
//
// The rejects file is published atomically when the sink is closed (base/file.h
// FileWriter), every write checked. It never replaces an input of the same run, and it
// replaces an existing file only when that file is a previous rejects file (it starts
// with the header line) or the caller passes `force`.
#ifndef DYAD_BASE_REJECTS_H_
#define DYAD_BASE_REJECTS_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>
#include <string>
#include <string_view>

#include "base/file.h"
#include "base/status.h"

namespace dyad {

struct ReadCounts {
  uint64_t read = 0;
  uint64_t accepted = 0;
  uint64_t rejected = 0;
  uint64_t duplicates = 0;
  std::map<std::string, uint64_t> rejected_by_reason;

  void Add(const ReadCounts& other);
  // "read 10, accepted 8, rejected 1, duplicates 1"
  std::string ToString() const;
};

inline constexpr std::string_view kRejectsHeader = "file\tline\tcolumn\treason\traw";

struct RejectsOptions {
  // The run's inputs, files or directories (every file under a directory counts): never
  // overwritten, not even with `force`.
  std::vector<std::string> inputs;
  bool force = false;               // replace an existing file that is not a rejects file
};

class RejectSink {
 public:
  // An empty path keeps only the counts (and the first few messages).
  static Result<RejectSink> Open(const std::string& path, const RejectsOptions& options = {});
  RejectSink() = default;
  RejectSink(RejectSink&& other) noexcept;
  RejectSink& operator=(RejectSink&& other) noexcept;
  ~RejectSink();

  // Records one rejected row. `reason_kind` is a short stable key for the counts
  // ("column-count", "bad-date"); `message` the full human text.
  void Reject(std::string_view file, uint64_t line, int column, std::string_view reason_kind,
              std::string_view message, std::string_view raw, ReadCounts* counts);

  // The first messages, "file:line:column: message", for printing on the terminal.
  const std::vector<std::string>& first_messages() const { return first_; }
  const std::string& path() const { return path_; }
  // Flushes and publishes the rejects file; the first write error, if any.
  Status Close();

 private:
  void Flush();
  std::unique_ptr<FileWriter> out_;
  std::string buf_;
  Status status_;
  std::string path_;
  std::vector<std::string> first_;
};

// Escapes tabs, newlines, CR and backslashes so a raw row fits on one TSV line.
std::string EscapeTsvField(std::string_view raw, size_t max_bytes = 4096);

}  // namespace dyad

#endif  // DYAD_BASE_REJECTS_H_
