#include "server/limits.h"

#include <fmt/format.h>

#include <charconv>

namespace dyad::server {
namespace {

struct Field {
  const char* name;
  const char* unit;
  const char* meaning;
  size_t Limits::*size = nullptr;
  uint32_t Limits::*u32 = nullptr;
};

// The one table of limits: DescribeLimits and ParseLimit both read it.
const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      {"max_request_line", "bytes", "request line; longer gets 414", &Limits::max_request_line},
      {"max_header_line", "bytes", "one header line; longer gets 431", &Limits::max_header_line},
      {"max_header_count", "count", "header lines; more gets 431", &Limits::max_header_count},
      {"max_header_bytes", "bytes", "all header lines; more gets 431", &Limits::max_header_bytes},
      {"max_body", "bytes", "request body; larger gets 413", &Limits::max_body},
      {"read_timeout_ms", "ms", "whole request must arrive within; else 408", nullptr,
       &Limits::read_timeout_ms},
      {"write_timeout_ms", "ms", "each wait to send; else the connection closes", nullptr,
       &Limits::write_timeout_ms},
      {"keep_alive_max_requests", "count", "requests per connection", nullptr,
       &Limits::keep_alive_max_requests},
      {"keep_alive_idle_ms", "ms", "idle time between requests", nullptr,
       &Limits::keep_alive_idle_ms},
      {"worker_threads", "count", "threads running handlers", nullptr, &Limits::worker_threads},
      {"max_connections", "count", "open connections; one more gets 503", nullptr,
       &Limits::max_connections},
      {"max_queued_requests", "count", "requests waiting for a worker; one more gets 503",
       nullptr, &Limits::max_queued_requests},
      {"max_response_bytes", "bytes", "response body; larger gets 503", &Limits::max_response_bytes},
      {"max_request_ms", "ms", "request to answer, queueing included; then 503 at the limit", nullptr,
       &Limits::max_request_ms},
      {"answer_cache_bytes", "bytes", "serialised API answers kept for repeats (LRU)",
       &Limits::answer_cache_bytes},
  };
  return kFields;
}

}  // namespace

std::vector<LimitInfo> DescribeLimits(const Limits& limits) {
  std::vector<LimitInfo> out;
  for (const Field& f : Fields()) {
    uint64_t v = f.size != nullptr ? limits.*(f.size) : limits.*(f.u32);
    out.push_back({f.name, f.unit, v, f.meaning});
  }
  return out;
}

Status ParseLimit(std::string_view assignment, Limits* limits) {
  size_t eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    return Status::InvalidArgument(fmt::format("--limit '{}': expected NAME=VALUE", assignment));
  }
  std::string_view name = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value == 0 ||
      value > UINT32_MAX) {
    return Status::InvalidArgument(
        fmt::format("--limit {}: '{}' is not a whole number from 1 to {}", name, text, UINT32_MAX));
  }
  for (const Field& f : Fields()) {
    if (name != f.name) continue;
    if (f.size != nullptr) limits->*(f.size) = value;
    else limits->*(f.u32) = static_cast<uint32_t>(value);
    return Status::OK();
  }
  std::string names;
  for (const Field& f : Fields()) names += fmt::format("{}{}", names.empty() ? "" : ", ", f.name);
  return Status::InvalidArgument(fmt::format("--limit: unknown limit '{}' (limits: {})", name, names));
}

}  // namespace dyad::server
