#include "base/line_reader.h"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>
#include <zstd.h>

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

constexpr size_t kChunk = 1 << 20;
constexpr size_t kCompressedChunk = 1 << 17;
constexpr uint64_t kMaxZipBytes = uint64_t{4} << 30;

// A file descriptor, after `prefix` (the bytes read to sniff the compression).
class FdSource : public LineReader::Source {
 public:
  FdSource(int fd, bool owned, std::string prefix)
      : fd_(fd), owned_(owned), prefix_(std::move(prefix)) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  long Read(char* dst, size_t want, std::string* err) override {
    if (pos_ < prefix_.size()) {
      size_t n = std::min(want, prefix_.size() - pos_);
      std::memcpy(dst, prefix_.data() + pos_, n);
      pos_ += n;
      return static_cast<long>(n);
    }
    for (;;) {
      ssize_t n = ::read(fd_, dst, want);
      if (n >= 0) return static_cast<long>(n);
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string prefix_;
  size_t pos_ = 0;
};

// Inflates gzip members from a raw source; an input that ends inside a member is an error.
class GzipSource : public LineReader::Source {
 public:
  explicit GzipSource(std::unique_ptr<LineReader::Source> raw)
      : raw_(std::move(raw)), in_(new unsigned char[kCompressedChunk]) {
    inflateInit2(&zs_, 15 + 16);
  }
  ~GzipSource() override { inflateEnd(&zs_); }
  long Read(char* dst, size_t want, std::string* err) override {
    for (;;) {
      if (zs_.avail_in == 0 && !raw_eof_ && !Refill(err)) return -1;
      if (zs_.avail_in == 0 && raw_eof_) {
        if (!in_member_) return 0;
        *err = "truncated gzip stream (it ends before the gzip trailer)";
        return -1;
      }
      zs_.next_out = reinterpret_cast<Bytef*>(dst);
      zs_.avail_out = static_cast<uInt>(std::min<size_t>(want, 1u << 30));
      in_member_ = true;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      size_t produced = std::min<size_t>(want, 1u << 30) - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        *err = fmt::format("corrupt gzip stream: {}", zs_.msg ? zs_.msg : "inflate error");
        return -1;
      }
      if (produced > 0) return static_cast<long>(produced);
    }
  }

 private:
  bool Refill(std::string* err) {
    long n = raw_->Read(reinterpret_cast<char*>(in_.get()), kCompressedChunk, err);
    if (n < 0) return false;
    if (n == 0) raw_eof_ = true;
    zs_.next_in = in_.get();
    zs_.avail_in = static_cast<uInt>(n);
    return true;
  }

  std::unique_ptr<LineReader::Source> raw_;
  std::unique_ptr<unsigned char[]> in_;
  z_stream zs_{};
  bool raw_eof_ = false;
  bool in_member_ = false;
};

// Decompresses zstd frames from a raw source; an unfinished frame at the end is an error.
class ZstdSource : public LineReader::Source {
 public:
  explicit ZstdSource(std::unique_ptr<LineReader::Source> raw)
      : raw_(std::move(raw)), in_buf_(kCompressedChunk, '\0'), dctx_(ZSTD_createDCtx()) {}
  ~ZstdSource() override { ZSTD_freeDCtx(dctx_); }
  long Read(char* dst, size_t want, std::string* err) override {
    for (;;) {
      if (in_.pos == in_.size && !raw_eof_) {
        long n = raw_->Read(in_buf_.data(), in_buf_.size(), err);
        if (n < 0) return -1;
        if (n == 0) raw_eof_ = true;
        in_ = {in_buf_.data(), static_cast<size_t>(n), 0};
      }
      if (in_.pos == in_.size && raw_eof_ && pending_ == 0) return 0;
      ZSTD_outBuffer out{dst, want, 0};
      size_t rc = ZSTD_decompressStream(dctx_, &out, &in_);
      if (ZSTD_isError(rc)) {
        *err = fmt::format("corrupt zstd stream: {}", ZSTD_getErrorName(rc));
        return -1;
      }
      pending_ = rc;
      if (out.pos > 0) return static_cast<long>(out.pos);
      if (in_.pos == in_.size && raw_eof_ && pending_ != 0) {
        *err = "truncated zstd stream (it ends inside a frame)";
        return -1;
      }
    }
  }

 private:
  std::unique_ptr<LineReader::Source> raw_;
  std::string in_buf_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  ZSTD_DCtx* dctx_;
  bool raw_eof_ = false;
  size_t pending_ = 0;  // ZSTD_decompressStream's last hint: 0 when a frame just ended
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

Result<std::string> ReadAllRaw(LineReader::Source* raw, const std::string& name) {
  std::string out, err;
  char buf[1 << 16];
  for (;;) {
    long n = raw->Read(buf, sizeof buf, &err);
    if (n < 0) return Status::IOError(fmt::format("{}: read error: {}", name, err));
    if (n == 0) return out;
    if (out.size() + n > kMaxZipBytes) {
      return Status::ResourceExhausted(fmt::format("{}: zip archive larger than {} bytes", name, kMaxZipBytes));
    }
    out.append(buf, n);
  }
}

// Every entry of a zip archive (held in memory), in order, each ending with a newline.
Result<std::string> UnzipEntries(std::string archive, const std::string& name) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &ze);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : nullptr;
  if (za == nullptr) {
    std::string msg = fmt::format("{}: cannot open zip: {}", name, zip_error_strerror(&ze));
    if (src) zip_source_free(src);
    zip_error_fini(&ze);
    return Status::IOError(msg);
  }
  zip_error_fini(&ze);
  std::string out;
  Status st;
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n && st.ok(); ++i) {
    zip_file_t* zf = zip_fopen_index(za, i, 0);
    if (zf == nullptr) {
      st = Status::IOError(fmt::format("{}: cannot read zip entry {}: {}", name, i, zip_strerror(za)));
      break;
    }
    char buf[1 << 16];
    zip_int64_t got;
    while ((got = zip_fread(zf, buf, sizeof buf)) > 0) out.append(buf, got);
    if (got < 0) st = Status::IOError(fmt::format("{}: corrupt or truncated zip entry {}", name, i));
    zip_fclose(zf);
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
  }
  zip_discard(za);
  if (!st.ok()) return st;
  return out;
}

// "gzip", "zstd", "zip" or "plain", from the first bytes of the input.
const char* SniffCompression(std::string_view head) {
  if (head.substr(0, 2) == std::string_view("\x1f\x8b", 2)) return "gzip";
  if (head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) return "zstd";
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return "zip";
  return "plain";
}

// Reads up to 4 bytes for sniffing (fewer only at end of input).
Status ReadPrefix(int fd, const std::string& name, std::string* prefix) {
  char buf[4] = {0, 0, 0, 0};
  size_t got = 0;
  while (got < sizeof buf) {
    ssize_t n = ::read(fd, buf + got, sizeof buf - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IOError(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  prefix->assign(buf, got);
  return Status::OK();
}

// Inputs are files, pipes, FIFOs, sockets and terminals. A directory is refused, and so is
// a device other than a terminal or /dev/null: /dev/zero or /dev/urandom never end, so a
// reader on them would run (and, without newlines, fill its line buffer) forever.
Status CheckInputKind(int fd, const struct stat& st, const std::string& name) {
  if (S_ISDIR(st.st_mode)) return Status::InvalidArgument(fmt::format("{} is a directory, not a file", name));
  const bool dev_null = S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3;
  if (S_ISBLK(st.st_mode) || (S_ISCHR(st.st_mode) && !dev_null && ::isatty(fd) == 0)) {
    return Status::InvalidArgument(fmt::format("{} is a {} device, not a file or a pipe", name,
                                               S_ISBLK(st.st_mode) ? "block" : "character"));
  }
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<LineReader>> LineReader::Open(const std::string& path,
                                                     size_t max_line_bytes) {
  const bool stdin_input = path == "-";
  const std::string name = stdin_input ? "<stdin>" : path;
  int fd = stdin_input ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::string msg = fmt::format("cannot open {}: {}", path, std::strerror(errno));
    return errno == ENOENT ? Status::NotFound(msg) : Status::IOError(msg);
  }
  struct stat st;
  std::string prefix;
  Status read = ::fstat(fd, &st) != 0 ? Status::IOError(fmt::format("cannot stat {}: {}", name, std::strerror(errno)))
                                      : CheckInputKind(fd, st, name);
  if (read.ok()) read = ReadPrefix(fd, name, &prefix);
  if (!read.ok()) {
    if (!stdin_input) ::close(fd);
    return read;
  }
  const char* kind = SniffCompression(prefix);
  auto raw = std::make_unique<FdSource>(fd, !stdin_input, std::move(prefix));
  std::unique_ptr<Source> source;
  if (std::strcmp(kind, "gzip") == 0) {
    source = std::make_unique<GzipSource>(std::move(raw));
  } else if (std::strcmp(kind, "zstd") == 0) {
    source = std::make_unique<ZstdSource>(std::move(raw));
  } else if (std::strcmp(kind, "zip") == 0) {
    DYAD_ASSIGN_OR_RETURN(std::string archive, ReadAllRaw(raw.get(), name));
    DYAD_ASSIGN_OR_RETURN(std::string text, UnzipEntries(std::move(archive), name));
    source = std::make_unique<StringSource>(std::move(text));
  } else {
    source = std::move(raw);
  }
  std::unique_ptr<LineReader> r(new LineReader(std::move(source), name, max_line_bytes));
  r->compression_ = kind;
  return r;
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
  if (line_number_ == 0 && view->substr(0, 3) == "\xEF\xBB\xBF") {
    view->remove_prefix(3);
    had_bom_ = true;
  }
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
