#include "base/unicode.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace dyad {
namespace {

Result<std::string> Map(std::string_view text, int options) {
  size_t bad = 0;
  DYAD_RETURN_IF_ERROR(ValidateUtf8(text, &bad));
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  if (n < 0) {
    return Status::InvalidArgument(fmt::format("cannot normalise text: {}", utf8proc_errmsg(n)));
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

}  // namespace

Status ValidateUtf8(std::string_view text, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0 || cp < 0) {
      if (bad_offset) *bad_offset = i;
      return Status::InvalidArgument(fmt::format("invalid UTF-8 at byte {}", i));
    }
    i += static_cast<size_t>(len);
  }
  return Status::OK();
}

Result<std::string> NormalizeNfc(std::string_view text) {
  return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

Result<std::string> NfkcCasefold(std::string_view text) {
  return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
}

Result<std::string> StripDiacritics(std::string_view text) {
  return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
}

Result<std::string> FoldForMatch(std::string_view text) {
  return Map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                       UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
}

std::string EscapeForTerminal(std::string_view text, size_t max_bytes) {
  std::string out;
  const size_t n = std::min(text.size(), max_bytes);
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool valid = len > 0 && i + len <= text.size() && ValidateUtf8(text.substr(i, len)).ok();
    bool c1 = len == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (!valid || c1 || (c < 0x20 && c != '\n') || c == 0x7F) {
      for (size_t k = 0; k < (valid ? len : 1); ++k) {
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i + k]));
      }
      i += valid ? len : 1;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  if (text.size() > i) out += fmt::format("... ({} more bytes)", text.size() - i);
  return out;
}

size_t DisplayColumns(std::string_view text) {
  size_t columns = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) n = 1, cp = -1;
    columns += cp < 0 ? 1 : static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
    p += n;
    left -= n;
  }
  return columns;
}

std::string PadColumns(std::string_view text, size_t columns) {
  const size_t have = DisplayColumns(text);
  return std::string(text) + std::string(have < columns ? columns - have : 0, ' ');
}

}  // namespace dyad
