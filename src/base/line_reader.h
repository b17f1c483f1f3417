// Streaming line reader over plain or gzip-compressed files, for every text reader.
//
// Contract:
//   - Next() yields each line without its terminator. A "\r\n" terminator is removed as a
//     whole and counted in crlf_lines(); readers decide whether that is an error.
//   - line_number() is 1-based; byte_offset() is the offset of the line's first byte in the
//     *decompressed* stream.
//   - A last line without "\n" is still yielded; missing_final_newline() then is true.
//   - Lines longer than max_line_bytes (default 16 MiB) are not buffered whole: Next()
//     returns them truncated to the limit and sets line_too_long(); the rest is skipped.
//   - Compression is sniffed from the first bytes read, never by name and never by seeking
//     back, so pipes, FIFOs and "-" (standard input) work like files: gzip (1f 8b,
//     multi-member), zstd (28 b5 2f fd) and zip (50 4b 03 04: every entry in order, each
//     ending with a newline; a zip is read into memory first, up to max_zip_bytes).
//   - A compressed stream that ends early (no gzip trailer, an unfinished zstd frame) is
//     an IOError naming the input ("truncated gzip stream"), never a silent short read.
//   - A UTF-8 byte order mark at the very start is removed and had_bom() is set.
//   - A directory is refused, and so is a device other than a terminal or /dev/null (an
//     endless /dev/zero); "-" reads standard input (named "<stdin>" in messages).
#ifndef DYAD_BASE_LINE_READER_H_
#define DYAD_BASE_LINE_READER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dyad {

class LineReader {
 public:
  static Result<std::unique_ptr<LineReader>> Open(const std::string& path,
                                                  size_t max_line_bytes = 16u << 20);
  // Reads from an in-memory buffer (tests, HTTP bodies). `name` appears in messages.
  static std::unique_ptr<LineReader> FromString(std::string data, std::string name);
  ~LineReader();

  // Stores the next line in *line (valid until the next call; it may point into the
  // read buffer). Returns false at end of
  // input or on error; check status() afterwards.
  bool Next(std::string_view* line);
  const Status& status() const { return status_; }

  const std::string& name() const { return name_; }
  uint64_t line_number() const { return line_number_; }
  uint64_t byte_offset() const { return line_offset_; }
  bool line_had_crlf() const { return line_had_crlf_; }
  bool line_too_long() const { return line_too_long_; }
  uint64_t crlf_lines() const { return crlf_lines_; }
  bool missing_final_newline() const { return missing_final_newline_; }
  bool had_bom() const { return had_bom_; }
  // "plain", "gzip", "zstd" or "zip".
  const char* compression() const { return compression_; }
  uint64_t bytes_read() const { return consumed_; }

 public:
  class Source;  // a byte source: raw file, gzip stream or string (line_reader.cc)

 private:
  LineReader(std::unique_ptr<Source> source, std::string name, size_t max_line_bytes);
  bool Fill();
  void FinishLine(std::string_view* view);

  std::unique_ptr<Source> source_;
  std::string name_;
  size_t max_line_bytes_;
  // Read buffer: bytes [pos_, len_) of buf_ are unread. Lines that lie wholly inside it
  // are returned as views into it (no copy); only a line that spans two reads is copied
  // into line_.
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;
  size_t len_ = 0;
  size_t pos_ = 0;
  bool eof_ = false;
  std::string line_;
  Status status_;
  uint64_t line_number_ = 0;
  uint64_t line_offset_ = 0;
  uint64_t consumed_ = 0;
  uint64_t crlf_lines_ = 0;
  bool line_had_crlf_ = false;
  bool line_too_long_ = false;
  bool missing_final_newline_ = false;
  bool had_bom_ = false;
  const char* compression_ = "plain";
};

}  // namespace dyad

#endif  // DYAD_BASE_LINE_READER_H_
