// HttpServer: the connection layer of `dyad serve`, in front of cpp-httplib.
//
// One event thread (epoll) accepts connections and reads every request completely — head
// and body — into memory, checking it against the Limits as bytes arrive (head_check.h).
// Only a complete, checked request is handed to a worker thread, which runs cpp-httplib's
// parser, router and response writer (Server::process_request) on the buffered bytes. So
// a slow client holds a buffer in the event thread, never a worker: slowloris does not
// starve others, and a request that does not arrive within read_timeout_ms gets 408.
// Keep-alive connections go back to the event thread between requests.
//
// Refusals made here (400, 408, 413, 414, 431, 503) carry the same JSON body as the API's
// errors, {"error":{"code":…,"message":…}}, and close the connection after a short linger
// so the client reads the answer. Stop() stops accepting, lets requests in progress
// finish, closes idle connections and returns when every thread has ended.
#ifndef DYAD_SERVER_HTTP_SERVER_H_
#define DYAD_SERVER_HTTP_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/limits.h"

namespace dyad::server {

// {"error":{"code":…,"message":…}} as one line of JSON.
std::string ErrorJson(std::string_view code, std::string_view message);

// Routes are cpp-httplib's; this subclass only opens process_request to HttpServer.
class Router : public httplib::Server {
 public:
  using httplib::Server::process_request;
};

class HttpServer {
 public:
  explicit HttpServer(Limits limits);
  ~HttpServer();  // Stop()s

  // Where handlers are registered (Get, set_error_handler, ...). Not after Start.
  Router& router() { return *router_; }
  const Limits& limits() const { return limits_; }

  // Resolves the numeric address and binds the socket without listening, so a bad
  // address or a port in use is found before a long load (connections are refused until
  // Start). Port 0 picks a free port (see port()). Optional: Start binds if not bound.
  Status Bind(const std::string& host, int port);
  // Binds (unless Bind did), listens and starts the threads.
  Status Start(const std::string& host, int port);
  int port() const { return port_; }
  // Graceful: see the header comment. Safe to call twice and from any thread.
  void Stop();

  // Connections open now (for tests and the health answer).
  size_t open_connections() const { return open_.load(); }

  // The time the worker started on the current request; handlers use it for
  // max_request_ms. Valid only on a worker thread, inside a handler.
  static std::chrono::steady_clock::time_point RequestStart();

 private:
  struct Impl;
  Limits limits_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
  std::string bound_host_;
  std::atomic<size_t> open_{0};
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_HTTP_SERVER_H_
