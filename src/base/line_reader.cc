#include "base/line_reader.h"

#include <fmt/format.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace dyad {

// A byte source: raw file, gzip stream or string.
class LineReader::Source {
 public:
  virtual ~Source() = default;
  // Appends up to `want` bytes to *out; 0 at end. Negative on error with *err set.
  virtual long Read(std::string* out, size_t want, std::string* err) = 0;
};

namespace {

class FileSource : public LineReader::Source {
 public:
  explicit FileSource(FILE* f) : f_(f) {}
  ~FileSource() override { std::fclose(f_); }
  long Read(std::string* out, size_t want, std::string* err) override {
    const size_t old = out->size();
    out->resize(old + want);
    size_t n = std::fread(out->data() + old, 1, want, f_);
    out->resize(old + n);
    if (n == 0 && std::ferror(f_)) {
      *err = std::strerror(errno);
      return -1;
    }
    return static_cast<long>(n);
  }

 private:
  FILE* f_;
};

class GzipSource : public LineReader::Source {
 public:
  explicit GzipSource(gzFile f) : f_(f) {}
  ~GzipSource() override { gzclose(f_); }
  long Read(std::string* out, size_t want, std::string* err) override {
    const size_t old = out->size();
    out->resize(old + want);
    int n = gzread(f_, out->data() + old, static_cast<unsigned>(want));
    if (n < 0) {
      out->resize(old);
      int code = 0;
      *err = gzerror(f_, &code);
      return -1;
    }
    out->resize(old + static_cast<size_t>(n));
    return n;
  }

 private:
  gzFile f_;
};

class StringSource : public LineReader::Source {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  long Read(std::string* out, size_t want, std::string*) override {
    size_t n = std::min(want, data_.size() - pos_);
    out->append(data_, pos_, n);
    pos_ += n;
    return static_cast<long>(n);
  }

 private:
  std::string data_;
  size_t pos_ = 0;
};

constexpr size_t kChunk = 1 << 20;

}  // namespace

Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path,
                                                     size_t max_line_bytes) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::string msg = fmt::format("cannot open {}: {}", path, std::strerror(errno));
    return errno == ENOENT ? Status::NotFound(msg) : Status::IOError(msg);
  }
  unsigned char magic[2] = {0, 0};
  size_t got = std::fread(magic, 1, 2, f);
  std::unique_ptr<Source> source;
  if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
    std::fclose(f);
    gzFile gz = gzopen(path.c_str(), "rb");
    if (gz == nullptr) return Status::IOError(fmt::format("cannot open gzip file {}", path));
    gzbuffer(gz, 1 << 17);
    source = std::make_unique<GzipSource>(gz);
  } else {
    std::rewind(f);
    source = std::make_unique<FileSource>(f);
  }
  return std::unique_ptr<LineReader>(new LineReader(std::move(source), path, max_line_bytes));
}

std::unique_ptr<LineReader> LineReader::FromString(std::string data, std::string name) {
  return std::unique_ptr<LineReader>(
      new LineReader(std::make_unique<StringSource>(std::move(data)), std::move(name), 16u << 20));
}

LineReader::LineReader(std::unique_ptr<Source> source, std::string name, size_t max_line_bytes)
    : source_(std::move(source)), name_(std::move(name)), max_line_bytes_(max_line_bytes) {}

LineReader::~LineReader() = default;

bool LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  std::string err;
  long n = source_->Read(&buf_, kChunk, &err);
  if (n < 0) {
    status_ = Status::IOError(fmt::format("{}: read error after byte {}: {}", name_, consumed_, err));
    eof_ = true;
    return false;
  }
  if (n == 0) eof_ = true;
  return n > 0;
}

bool LineReader::Next(std::string_view* line) {
  if (!status_.ok()) return false;
  line_.clear();
  line_too_long_ = false;
  line_had_crlf_ = false;
  line_offset_ = consumed_;
  for (;;) {
    const char* start = buf_.data() + pos_;
    const size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    const size_t room = max_line_bytes_ > line_.size() ? max_line_bytes_ - line_.size() : 0;
    if (take > room) line_too_long_ = true;
    line_.append(start, std::min(take, room));
    pos_ += take;
    consumed_ += take;
    if (nl) {
      ++pos_;
      ++consumed_;
      break;
    }
    if (!Fill()) {
      if (!status_.ok()) return false;
      if (line_.empty() && !line_too_long_ && consumed_ == line_offset_) return false;
      missing_final_newline_ = true;
      break;
    }
  }
  if (!line_.empty() && line_.back() == '\r' && !line_too_long_) {
    line_.pop_back();
    line_had_crlf_ = true;
    ++crlf_lines_;
  }
  ++line_number_;
  *line = line_;
  return true;
}

}  // namespace dyad
