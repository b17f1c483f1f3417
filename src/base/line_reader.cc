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
  // Reads up to `want` bytes into `dst`; 0 at end. Negative on error with *err set.
  virtual long Read(char* dst, size_t want, std::string* err) = 0;
};

namespace {

class FileSource : public LineReader::Source {
 public:
  explicit FileSource(FILE* f) : f_(f) {}
  ~FileSource() override { std::fclose(f_); }
  long Read(char* dst, size_t want, std::string* err) override {
    size_t n = std::fread(dst, 1, want, f_);
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
  long Read(char* dst, size_t want, std::string* err) override {
    int n = gzread(f_, dst, static_cast<unsigned>(want));
    if (n < 0) {
      int code = 0;
      *err = gzerror(f_, &code);
      return -1;
    }
    return n;
  }

 private:
  gzFile f_;
};

class StringSource : public LineReader::Source {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  long Read(char* dst, size_t want, std::string*) override {
    size_t n = std::min(want, data_.size() - pos_);
    std::memcpy(dst, data_.data() + pos_, n);
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
  if (cap_ == 0) {
    cap_ = kChunk;
    buf_.reset(new char[cap_]);
  }
  // Drop what was consumed; the (short) unread tail moves to the front.
  if (pos_ > 0) {
    std::memmove(buf_.get(), buf_.get() + pos_, len_ - pos_);
    len_ -= pos_;
    pos_ = 0;
  }
  if (len_ == cap_) {  // only when a caller left a full buffer unread; never in Next
    cap_ *= 2;
    std::unique_ptr<char[]> bigger(new char[cap_]);
    std::memcpy(bigger.get(), buf_.get(), len_);
    buf_ = std::move(bigger);
  }
  std::string err;
  long n = source_->Read(buf_.get() + len_, cap_ - len_, &err);
  if (n < 0) {
    status_ = Status::IOError(fmt::format("{}: read error after byte {}: {}", name_, consumed_, err));
    eof_ = true;
    return false;
  }
  if (n == 0) eof_ = true;
  len_ += static_cast<size_t>(n);
  return n > 0;
}

// Ends the line in *view: drops a "\r" before the "\n", counts lines.
void LineReader::FinishLine(std::string_view* view) {
  if (!view->empty() && view->back() == '\r' && !line_too_long_) {
    view->remove_suffix(1);
    line_had_crlf_ = true;
    ++crlf_lines_;
  }
  ++line_number_;
}

bool LineReader::Next(std::string_view* line) {
  if (!status_.ok()) return false;
  line_.clear();
  line_too_long_ = false;
  line_had_crlf_ = false;
  line_offset_ = consumed_;
  bool copied = false;  // the line spans reads and is being assembled in line_
  for (;;) {
    const char* start = buf_.get() + pos_;
    const size_t avail = len_ - pos_;
    const void* nl = avail ? std::memchr(start, '\n', avail) : nullptr;
    const size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    const size_t have = copied ? line_.size() : 0;
    const size_t room = max_line_bytes_ > have ? max_line_bytes_ - have : 0;
    if (take > room) line_too_long_ = true;
    if (nl && !copied) {  // the common case: the whole line is in the buffer
      std::string_view view(start, std::min(take, room));
      pos_ += take + 1;
      consumed_ += take + 1;
      FinishLine(&view);
      *line = view;
      return true;
    }
    if (take > 0 || copied) {  // nothing of the line read yet: no need to assemble it
      line_.append(start, std::min(take, room));
      copied = true;
    }
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
  std::string_view view(line_);
  FinishLine(&view);
  *line = view;
  return true;
}

}  // namespace dyad
