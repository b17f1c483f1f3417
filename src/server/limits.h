// Every limit of `dyad serve`, by name. docs/SERVER.md documents each one and the answer
// a client gets at it and one past it; tests/server/ checks each at its boundary.
//
// Names are those of `dyad serve --limit NAME=VALUE` (see ParseLimit). Sizes are bytes,
// times milliseconds. The connection layer (http_server.h) enforces every limit itself,
// before cpp-httplib sees a byte, because cpp-httplib 0.11 has no header-count limit, an
// unbounded body by default, and blocking workers that a slow client can hold.
#ifndef DYAD_SERVER_LIMITS_H_
#define DYAD_SERVER_LIMITS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dyad::server {

struct Limits {
  // The request line ("GET /path?query HTTP/1.1", without CRLF). Longer: 414.
  size_t max_request_line = 8000;
  // One header line ("Name: value", without CRLF). Longer: 431.
  size_t max_header_line = 4096;
  // Header lines in one request. More: 431.
  size_t max_header_count = 64;
  // All header lines together, each with its CRLF, plus the blank line. More: 431.
  size_t max_header_bytes = 16384;
  // Request body (Content-Length); the API reads no bodies, a body is discarded. More: 413.
  size_t max_body = 4096;
  // From a connection's first byte of a request to its last (head and body). Later: 408.
  // This is the slow-client (slowloris) bound: the whole request, not each read.
  uint32_t read_timeout_ms = 10000;
  // Sending a response: each wait for the socket to accept more bytes. Then: closed.
  uint32_t write_timeout_ms = 10000;
  // Requests served on one connection; the last answer says "Connection: close".
  uint32_t keep_alive_max_requests = 100;
  // How long an idle keep-alive connection stays open between requests.
  uint32_t keep_alive_idle_ms = 5000;
  // Threads that run handlers (requests are read by one event thread, never by these).
  uint32_t worker_threads = 4;
  // Open connections. One more: 503 and closed.
  uint32_t max_connections = 512;
  // Complete requests waiting for a worker. One more: 503.
  uint32_t max_queued_requests = 256;
  // Response body. Larger: 503 (response_too_large) instead of the answer.
  size_t max_response_bytes = 16 * 1024 * 1024;
  // From a complete request to its answer, queueing included. At the limit the connection
  // layer answers 503 itself (a handler still running is not interrupted; its late answer
  // is discarded and the connection closed).
  uint32_t max_request_ms = 10000;
  // Serialised API answers kept for repeated requests (answer_cache.h): bodies, headers and
  // keys together; least recently used go first; an answer over an eighth is not kept.
  size_t answer_cache_bytes = 64 * 1024 * 1024;
};

struct LimitInfo {
  std::string name;
  std::string unit;  // "bytes", "ms", "count"
  uint64_t value = 0;
  std::string meaning;
};

// Every limit with its current value, in declaration order.
std::vector<LimitInfo> DescribeLimits(const Limits& limits);

// Applies "NAME=VALUE" (a decimal integer, >= 1; sizes in bytes, times in ms).
// InvalidArgument names the unknown limit or the bad value.
Status ParseLimit(std::string_view assignment, Limits* limits);

}  // namespace dyad::server

#endif  // DYAD_SERVER_LIMITS_H_
