#include "server/guards.h"

#include <fmt/format.h>

namespace dyad::server {
namespace {

using Clock = std::chrono::steady_clock;
using HandlerResponse = httplib::Server::HandlerResponse;

// Gives cpp-httplib's own refusals (400 for a request it cannot parse, 404, 413, 414)
// the JSON error body.
HandlerResponse OnError(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return HandlerResponse::Unhandled;
  const int status = res.status;
  switch (status) {
    case 400: SendError(res, 400, "bad_request", "the request could not be parsed"); break;
    case 404: SendError(res, 404, "not_found", "no such path: " + req.path); break;
    case 413: SendError(res, 413, "payload_too_large", "the request body is too large"); break;
    case 414: SendError(res, 414, "uri_too_long", "the request URI is too long"); break;
    default: SendError(res, status, "error", fmt::format("HTTP status {}", status)); break;
  }
  return HandlerResponse::Handled;
}

// Methods: the API and the app are read-only.
HandlerResponse PreRoute(const httplib::Request& req, httplib::Response& res) {
  if (req.method == "GET" || req.method == "HEAD") return HandlerResponse::Unhandled;
  res.set_header("Allow", "GET, HEAD, OPTIONS");
  if (req.method == "OPTIONS") {
    res.status = 204;
    return HandlerResponse::Handled;
  }
  SendError(res, 405, "method_not_allowed",
            fmt::format("{} is not allowed; this server answers GET, HEAD and OPTIONS", req.method));
  return HandlerResponse::Handled;
}

void Replace(httplib::Response& res, std::string_view code, const std::string& message) {
  res.headers.erase("ETag");
  res.headers.erase("Content-Disposition");
  res.headers.erase("Content-Security-Policy");
  SendError(res, 503, code, message);
}

// Replaces an answer that took longer than max_request_ms or is larger than
// max_response_bytes.
void PostRoute(const HttpServer& server, httplib::Response& res) {
  const Limits& l = server.limits();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - HttpServer::RequestStart()).count();
  if (ms > l.max_request_ms) {
    return Replace(res, "request_timeout",
                   fmt::format("the answer took {} ms, over max_request_ms ({} ms)", ms, l.max_request_ms));
  }
  if (res.body.size() > l.max_response_bytes) {
    Replace(res, "response_too_large",
            fmt::format("the answer has {} bytes, over max_response_bytes ({})", res.body.size(), l.max_response_bytes));
  }
}

}  // namespace

void SecurityHeaders(httplib::Response& res, const char* csp) {
  res.set_header("Content-Security-Policy", csp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

void SendError(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  if (!res.has_header("Content-Security-Policy")) SecurityHeaders(res, kApiCsp);
  res.set_content(ErrorJson(code, message) + "\n", "application/json");
}

void InstallGuards(HttpServer& server, EarlyAnswer early) {
  Router& r = server.router();
  r.set_pre_routing_handler([early = std::move(early)](const httplib::Request& req, httplib::Response& res) {
    if (PreRoute(req, res) == HandlerResponse::Handled) return HandlerResponse::Handled;
    return early && early(req, res) ? HandlerResponse::Handled : HandlerResponse::Unhandled;
  });
  r.set_error_handler(httplib::Server::HandlerWithResponse(OnError));
  r.set_post_routing_handler([&server](const httplib::Request&, httplib::Response& res) { PostRoute(server, res); });
  r.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal", "the handler failed; please report this request");
  });
}

}  // namespace dyad::server
