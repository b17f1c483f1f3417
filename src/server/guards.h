// What every request gets, whatever route answers it: read-only methods (405 otherwise,
// OPTIONS 204), the JSON error body on cpp-httplib's own refusals, 500 on a handler's
// exception, and the per-answer limits max_response_bytes and max_request_ms (both 503).
#ifndef DYAD_SERVER_GUARDS_H_
#define DYAD_SERVER_GUARDS_H_

#include <functional>
#include <string_view>

#include "server/http_server.h"

namespace dyad::server {

inline constexpr const char* kApiCsp = "default-src 'none'; frame-ancestors 'none'";

// Answers a GET or HEAD before routing, or returns false to let the routes answer (the
// API's answer cache uses it, so a cached answer skips route matching).
using EarlyAnswer = std::function<bool(const httplib::Request&, httplib::Response&)>;

void InstallGuards(HttpServer& server, EarlyAnswer early = nullptr);

// Content-Security-Policy, nosniff, no referrer.
void SecurityHeaders(httplib::Response& res, const char* csp);

// An error answer: status and {"error":{"code","message"}}; never cached.
void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message);

}  // namespace dyad::server

#endif  // DYAD_SERVER_GUARDS_H_
