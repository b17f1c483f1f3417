#include "server/head_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace dyad::server {
namespace {

using Kind = HeadVerdict::Kind;

HeadVerdict Reject(int status, std::string code, std::string message) {
  HeadVerdict v;
  v.kind = Kind::kReject;
  v.status = status;
  v.code = std::move(code);
  v.message = std::move(message);
  return v;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Scans the lines of the head; tracks what the limits need.
class HeadScanner {
 public:
  HeadScanner(std::string_view bytes, const Limits& limits) : bytes_(bytes), limits_(limits) {}

  HeadVerdict Run() {
    size_t pos = 0;
    for (bool first = true;; first = false) {
      size_t nl = bytes_.find('\n', pos);
      size_t cap = first ? limits_.max_request_line : limits_.max_header_line;
      if (nl == std::string_view::npos) return Partial(bytes_.size() - pos, cap, first);
      std::string_view line = bytes_.substr(pos, nl - pos);
      if (line.empty() || line.back() != '\r') {
        return Reject(400, "bad_request", "a line of the request head does not end with CRLF");
      }
      line.remove_suffix(1);
      pos = nl + 1;
      if (!first && line.empty()) return Complete(pos);
      HeadVerdict v = first ? RequestLine(line) : HeaderLine(line);
      if (v.kind == Kind::kReject) return v;
    }
  }

 private:
  // An unfinished line of `have` bytes: refused as soon as it is over its cap.
  HeadVerdict Partial(size_t have, size_t cap, bool first) {
    // The line may still end with CR, so `cap + 1` bytes without LF are not yet too many.
    if (have > cap + 1) return first ? TooLongLine(have) : TooLongHeader(have);
    // The line will add at least `have` + LF bytes, and the blank line 2 more.
    if (!first && have > 1 && header_bytes_ + have + 3 > limits_.max_header_bytes) return TooManyBytes();
    return HeadVerdict{};
  }
  HeadVerdict TooLongLine(size_t have) {
    return Reject(414, "uri_too_long",
                  fmt::format("the request line is longer than max_request_line ({} bytes; got {} so far)",
                              limits_.max_request_line, have));
  }
  HeadVerdict TooLongHeader(size_t have) {
    return Reject(431, "header_too_large",
                  fmt::format("a header line is longer than max_header_line ({} bytes; got {})",
                              limits_.max_header_line, have));
  }
  HeadVerdict TooManyBytes() {
    return Reject(431, "headers_too_large",
                  fmt::format("the headers are larger than max_header_bytes ({} bytes)",
                              limits_.max_header_bytes));
  }
  static bool HasControl(std::string_view line) {
    return std::any_of(line.begin(), line.end(), [](char c) { return c == '\0' || c == '\r'; });
  }
  HeadVerdict RequestLine(std::string_view line) {
    if (line.size() > limits_.max_request_line) return TooLongLine(line.size());
    if (line.empty() || HasControl(line)) return Reject(400, "bad_request", "malformed request line");
    return HeadVerdict{};
  }
  HeadVerdict HeaderLine(std::string_view line) {
    if (line.size() > limits_.max_header_line) return TooLongHeader(line.size());
    header_bytes_ += line.size() + 2;
    if (header_bytes_ + 2 > limits_.max_header_bytes) return TooManyBytes();
    if (++header_count_ > limits_.max_header_count) {
      return Reject(431, "too_many_headers",
                    fmt::format("more than max_header_count ({}) header lines", limits_.max_header_count));
    }
    if (HasControl(line)) return Reject(400, "bad_request", "a header holds a NUL or CR");
    if (line.front() == ' ' || line.front() == '\t') {
      return Reject(400, "bad_request", "obsolete header line folding is not accepted");
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Reject(400, "bad_request", "a header line has no name or no colon");
    }
    return Field(line.substr(0, colon), TrimSpaces(line.substr(colon + 1)));
  }
  HeadVerdict Field(std::string_view name, std::string_view value) {
    if (IEquals(name, "Transfer-Encoding")) {
      return Reject(400, "bad_request", "request bodies with Transfer-Encoding are not accepted");
    }
    if (!IEquals(name, "Content-Length")) return HeadVerdict{};
    if (value.empty() || value.size() > 19 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Reject(400, "bad_request", "Content-Length is not a number");
    }
    size_t n = std::stoull(std::string(value));
    if (has_length_ && n != body_) return Reject(400, "bad_request", "Content-Length given twice, differently");
    has_length_ = true;
    body_ = n;
    if (n > limits_.max_body) {
      return Reject(413, "payload_too_large",
                    fmt::format("the body is larger than max_body ({} bytes; Content-Length {})",
                                limits_.max_body, n));
    }
    return HeadVerdict{};
  }
  HeadVerdict Complete(size_t head_bytes) {
    HeadVerdict v;
    v.kind = Kind::kComplete;
    v.head_bytes = head_bytes;
    v.body_bytes = body_;
    return v;
  }

  std::string_view bytes_;
  const Limits& limits_;
  size_t header_bytes_ = 0;  // header lines with CRLF so far
  size_t header_count_ = 0;
  bool has_length_ = false;
  size_t body_ = 0;
};

}  // namespace

HeadVerdict CheckHead(std::string_view bytes, const Limits& limits) {
  return HeadScanner(bytes, limits).Run();
}

}  // namespace dyad::server
