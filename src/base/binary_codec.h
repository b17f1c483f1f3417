// The byte-level vocabulary of dyad's compiled files (the world snapshot, the
// knowledge-base snapshot): little-endian fixed-width integers, length-prefixed strings,
// optional partial dates, and a fast 64-bit checksum.
//
// Encodings (docs/formats/world-snapshot.md, docs/formats/kb-snapshot.md):
//   integer   little-endian, the width of its type
//   string    u32 length + that many bytes (UTF-8)
//   opt date  u8 present (0/1); when 1: i32 year, u8 month (0 = year precision),
//             u8 day (0 = month precision), u8 flags (1 approximate, 2 uncertain)
//   opt f64   u8 present; when 1: the IEEE 754 double's 8 bytes
// ByteReader never reads past its end: a short or absurd input makes ok() false and every
// later read returns a zero value, so a decoder checks ok() once at the end.
#ifndef DYAD_BASE_BINARY_CODEC_H_
#define DYAD_BASE_BINARY_CODEC_H_

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/interval.h"

namespace dyad {

// Checksum64: a 64-bit damage check over `bytes`, eight bytes at a time. For each
// little-endian 8-byte word w (the last one zero-padded): h = rotl64((h ^ w) * P, 29),
// starting from h = 0xcbf29ce484222325 with P = 0x100000001b3 (FNV-1a 64's offset and
// prime); finally h = (h ^ length) * P. Each step is a bijection of h, so any one changed
// word changes the result. Not cryptographic.
uint64_t Checksum64(std::string_view bytes);

class ByteWriter {
 public:
  template <typename T>
  void Int(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    buf_.append(b, sizeof(T));
  }
  void Str(std::string_view s) {
    Int<uint32_t>(static_cast<uint32_t>(s.size()));
    buf_.append(s);
  }
  void Strs(const std::vector<std::string>& v) {
    Int<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) Str(s);
  }
  void OptDate(const std::optional<Date>& d);
  void Span(const Interval& i) {
    OptDate(i.start());
    OptDate(i.end());
  }
  void OptDouble(const std::optional<double>& v) {
    Int<uint8_t>(v.has_value());
    if (v) Int<double>(*v);
  }
  std::string& buf() { return buf_; }

 private:
  std::string buf_;
};

class ByteReader {
 public:
  ByteReader(const char* p, size_t n) : p_(p), end_(p + n) {}
  explicit ByteReader(std::string_view bytes) : ByteReader(bytes.data(), bytes.size()) {}

  template <typename T>
  T Int() {
    T v{};
    if (!Need(sizeof(T))) return v;
    std::memcpy(&v, p_, sizeof(T));
    p_ += sizeof(T);
    return v;
  }
  // A view into the input (valid while the input is).
  std::string_view View() {
    const uint32_t n = Int<uint32_t>();
    if (!Need(n)) return {};
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  std::string Str() { return std::string(View()); }
  std::vector<std::string> Strs() {
    std::vector<std::string> v(Count());
    for (std::string& s : v) s = Str();
    return v;
  }
  std::optional<Date> OptDate();
  // An interval from two optional dates; an ill-formed one fails the reader.
  Interval Span();
  std::optional<double> OptDouble() {
    if (Int<uint8_t>() == 0) return std::nullopt;
    return Int<double>();
  }
  // A count of items that each take at least one byte (guards against absurd sizes).
  uint32_t Count() {
    const uint32_t n = Int<uint32_t>();
    if (n > static_cast<size_t>(end_ - p_)) return Fail(), 0;
    return n;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  void Fail() { ok_ = false; }

 private:
  bool Need(size_t n) {
    if (ok_ && static_cast<size_t>(end_ - p_) >= n) return true;
    Fail();
    return false;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

}  // namespace dyad

#endif  // DYAD_BASE_BINARY_CODEC_H_
