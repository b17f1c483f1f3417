// Checks a request's head, as far as it has arrived, against the Limits, before
// cpp-httplib parses it. Pure: bytes in, verdict out (tests/server/head_check_test.cc).
//
// Contract: lines end with CRLF (a bare LF, CR or NUL inside a line is 400); the request
// line is at most max_request_line bytes (414); header lines at most max_header_line
// bytes each, max_header_count of them, max_header_bytes together (431); obsolete line
// folding is 400; Content-Length must be digits and agree with any repeat (400) and at
// most max_body (413); Transfer-Encoding is 400 (no request body is chunked here). A
// verdict is reached as soon as the bytes decide it, so an oversized line is refused
// before it ends.
#ifndef DYAD_SERVER_HEAD_CHECK_H_
#define DYAD_SERVER_HEAD_CHECK_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "server/limits.h"

namespace dyad::server {

struct HeadVerdict {
  enum class Kind { kNeedMore, kComplete, kReject };
  Kind kind = Kind::kNeedMore;
  int status = 0;        // kReject: 400, 413, 414 or 431
  std::string code;      // kReject: "uri_too_long", "headers_too_large", ...
  std::string message;   // kReject: which limit, with its value
  size_t head_bytes = 0;  // kComplete: request line, headers and blank line
  size_t body_bytes = 0;  // kComplete: Content-Length (0 when absent)
};

HeadVerdict CheckHead(std::string_view bytes, const Limits& limits);

}  // namespace dyad::server

#endif  // DYAD_SERVER_HEAD_CHECK_H_
