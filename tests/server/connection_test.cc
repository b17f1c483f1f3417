// The connection layer on loopback with raw sockets: every limit at its value (served)
// and one past it (refused with its status and a JSON error), malformed requests, slow
// clients, many connections, keep-alive, and graceful stop. Each test checks the server
// still answers afterwards.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "server/guards.h"
#include "server/http_server.h"
#include "raw_client.h"

namespace dyad::server {
namespace {

using testing::BodyOf;
using testing::RawClient;
using testing::StatusOf;
using Clock = std::chrono::steady_clock;

class ConnectionTest : public ::testing::Test {
 protected:
  void Start(Limits limits) {
    server_ = std::make_unique<HttpServer>(limits);
    InstallGuards(*server_);
    Router& r = server_->router();
    r.Get("/hello", [](const httplib::Request&, httplib::Response& res) { res.set_content("hello", "text/plain"); });
    r.Get("/sleep", [](const httplib::Request& req, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(req.get_param_value("ms"))));
      res.set_content("slept", "text/plain");
    });
    r.Get("/big", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(std::string(std::stoul(req.get_param_value("n")), 'b'), "text/plain");
    });
    ASSERT_TRUE(server_->Start("127.0.0.1", 0).ok());
    port_ = server_->port();
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }
  std::string Exchange(const std::string& bytes, int timeout_ms = 3000) {
    RawClient c(port_);
    EXPECT_TRUE(c.connected());
    c.Send(bytes);
    return c.ReadAll(timeout_ms);
  }
  // The server still answers a plain request.
  void ExpectAlive() {
    std::string r = Exchange("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(StatusOf(r), 200) << r;
    EXPECT_EQ(BodyOf(r), "hello");
  }
  static std::string Get(const std::string& target, const std::string& headers = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: t\r\n" + headers + "Connection: close\r\n\r\n";
  }

  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
};

Limits Base() {
  Limits l;
  l.worker_threads = 2;
  return l;
}

TEST_F(ConnectionTest, ServesAndKeepsTheConnectionAlive) {
  Start(Base());
  RawClient c(port_);
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.Send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"));
    std::string r = c.ReadResponse();
    EXPECT_EQ(StatusOf(r), 200) << r;
    EXPECT_NE(r.find("Keep-Alive"), std::string::npos) << r;
  }
}

TEST_F(ConnectionTest, PipelinedRequestsAreAnsweredInOrder) {
  Start(Base());
  RawClient c(port_);
  c.Send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /big?n=3 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  std::string all = c.ReadAll();
  EXPECT_EQ(StatusOf(all), 200);
  EXPECT_NE(all.find("hello"), std::string::npos);
  EXPECT_NE(all.find("bbb"), std::string::npos) << all;
}

TEST_F(ConnectionTest, RequestLineAtTheLimitIsServedAndOneByteMoreIs414) {
  Limits l = Base();
  l.max_request_line = 200;
  Start(l);
  const std::string fixed = "GET /hello?p= HTTP/1.1";
  std::string at = "GET /hello?p=" + std::string(200 - fixed.size(), 'x') + " HTTP/1.1";
  ASSERT_EQ(at.size(), 200u);
  std::string r = Exchange(at + "\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(r), 200) << r;
  std::string over = "GET /hello?p=" + std::string(201 - fixed.size(), 'x') + " HTTP/1.1";
  r = Exchange(over + "\r\nHost: t\r\n\r\n");
  EXPECT_EQ(StatusOf(r), 414) << r;
  EXPECT_NE(BodyOf(r).find("\"code\":\"uri_too_long\""), std::string::npos) << r;
  ExpectAlive();
}

TEST_F(ConnectionTest, HeaderCountAtTheLimitIsServedAndOneMoreIs431) {
  Limits l = Base();
  l.max_header_count = 10;
  Start(l);
  std::string eight;  // + Host + Connection = 10
  for (int i = 0; i < 8; ++i) eight += "X-" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(StatusOf(Exchange(Get("/hello", eight))), 200);
  std::string r = Exchange(Get("/hello", eight + "X-9: v\r\n"));
  EXPECT_EQ(StatusOf(r), 431) << r;
  EXPECT_NE(BodyOf(r).find("too_many_headers"), std::string::npos);
  ExpectAlive();
}

TEST_F(ConnectionTest, HeaderLineAndHeaderBytesLimitsAre431OnePast) {
  Limits l = Base();
  l.max_header_line = 100;
  l.max_header_bytes = 1000;
  Start(l);
  EXPECT_EQ(StatusOf(Exchange(Get("/hello", "X: " + std::string(97, 'v') + "\r\n"))), 200);
  EXPECT_EQ(StatusOf(Exchange(Get("/hello", "X: " + std::string(98, 'v') + "\r\n"))), 431);
  // Host (7+2) + Connection (17+2) + blank (2) = 30; ten lines of 96+2 = 980: 1010 > 1000.
  std::string many;
  for (int i = 0; i < 10; ++i) many += "X" + std::to_string(i) + ": " + std::string(92, 'v') + "\r\n";
  EXPECT_EQ(StatusOf(Exchange(Get("/hello", many))), 431);
  ExpectAlive();
}

TEST_F(ConnectionTest, BodyAtTheLimitIsServedAndOneByteMoreIs413) {
  Limits l = Base();
  l.max_body = 64;
  Start(l);
  std::string at = "GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: 64\r\n\r\n" + std::string(64, 'x');
  EXPECT_EQ(StatusOf(Exchange(at)), 200);
  std::string over = "GET /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 65\r\n\r\n" + std::string(65, 'x');
  std::string r = Exchange(over);
  EXPECT_EQ(StatusOf(r), 413) << r;
  EXPECT_NE(BodyOf(r).find("max_body (64 bytes"), std::string::npos) << r;
  // A huge declared body is refused from the header alone, without reading it.
  r = Exchange("POST /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999\r\n\r\n");
  EXPECT_EQ(StatusOf(r), 413);
  ExpectAlive();
}

TEST_F(ConnectionTest, MalformedRequestsGet400WithAJsonError) {
  Start(Base());
  const char kTls[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n";  // a TLS hello
  for (const std::string& bad : std::vector<std::string>{"GARBAGE\r\n\r\n", "GET /hello HTTP/1.1\n\n", "GET\r\n\r\n",
                          "GET /hello HTTP/9.9\r\n\r\n", "GET /hello HTTP/1.1\r\nBad Header\r\n\r\n",
                          std::string(kTls, sizeof(kTls) - 1),
                          "GET /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"}) {
    std::string r = Exchange(bad);
    EXPECT_EQ(StatusOf(r), 400) << bad << " -> " << r;
    EXPECT_NE(BodyOf(r).find("{\"error\":{\"code\":"), std::string::npos) << r;
  }
  ExpectAlive();
}

TEST_F(ConnectionTest, OtherMethodsGet405AndOptionsTheAllowedOnes) {
  Start(Base());
  std::string r = Exchange("POST /hello HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(r), 405) << r;
  EXPECT_NE(r.find("Allow: GET, HEAD, OPTIONS"), std::string::npos) << r;
  EXPECT_EQ(StatusOf(Exchange("DELETE /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")), 405);
  EXPECT_EQ(StatusOf(Exchange("OPTIONS /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")), 204);
  std::string head = Exchange("HEAD /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(head), 200);
  EXPECT_EQ(BodyOf(head), "");
}

TEST_F(ConnectionTest, SlowClientsGet408AndDoNotStarveOthers) {
  Limits l = Base();
  l.worker_threads = 1;
  l.read_timeout_ms = 600;
  Start(l);
  // Far more slow clients than workers, each sending a head a byte at a time.
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 20; ++i) {
    slow.push_back(std::make_unique<RawClient>(port_));
    slow.back()->Send("GET /hello HTTP/1.1\r\nX-Slow: ");
  }
  const auto t0 = Clock::now();
  ExpectAlive();
  EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(500));  // well before read_timeout_ms
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (auto& c : slow) c->Send("v");
  }
  for (auto& c : slow) {
    std::string r = c->ReadAll(2000);
    EXPECT_EQ(StatusOf(r), 408) << r;
  }
  EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(550));
  ExpectAlive();
}

TEST_F(ConnectionTest, IdleKeepAliveConnectionsAreClosed) {
  Limits l = Base();
  l.keep_alive_idle_ms = 200;
  Start(l);
  RawClient c(port_);
  c.Send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(StatusOf(c.ReadResponse()), 200);
  EXPECT_TRUE(c.ClosedWithin(1500));
  EXPECT_EQ(server_->open_connections(), 0u);
}

TEST_F(ConnectionTest, KeepAliveMaxRequestsClosesAfterTheLast) {
  Limits l = Base();
  l.keep_alive_max_requests = 2;
  Start(l);
  RawClient c(port_);
  c.Send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string first = c.ReadResponse();
  EXPECT_EQ(first.find("Connection: close"), std::string::npos) << first;
  c.Send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string second = c.ReadResponse();
  EXPECT_EQ(StatusOf(second), 200);
  EXPECT_NE(second.find("Connection: close"), std::string::npos) << second;
  EXPECT_TRUE(c.ClosedWithin(1000));
}

TEST_F(ConnectionTest, MaxConnectionsAreServedAndOneMoreGets503) {
  Limits l = Base();
  l.max_connections = 4;
  Start(l);
  std::vector<std::unique_ptr<RawClient>> open;
  for (int i = 0; i < 4; ++i) open.push_back(std::make_unique<RawClient>(port_));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  RawClient extra(port_);
  std::string r = extra.ReadAll(1500);
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(BodyOf(r).find("too_many_connections"), std::string::npos);
  open[0]->Send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(open[0]->ReadAll()), 200);
  open.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // the refused one lingers 1 s
  ExpectAlive();
}

TEST_F(ConnectionTest, ManyConnectionsAtOnceAreAllServed) {
  Start(Base());
  std::vector<std::unique_ptr<RawClient>> clients;
  for (int i = 0; i < 200; ++i) clients.push_back(std::make_unique<RawClient>(port_));
  for (auto& c : clients) c->Send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  int ok = 0;
  for (auto& c : clients) ok += StatusOf(c->ReadAll()) == 200;
  EXPECT_EQ(ok, 200);
}

TEST_F(ConnectionTest, QueueFullGets503) {
  Limits l = Base();
  l.worker_threads = 1;
  l.max_queued_requests = 1;
  Start(l);
  RawClient busy(port_), queued(port_), refused(port_);
  busy.Send(Get("/sleep?ms=600"));
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  queued.Send(Get("/sleep?ms=1"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  refused.Send(Get("/hello"));
  std::string r = refused.ReadAll();
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(BodyOf(r).find("overloaded"), std::string::npos);
  EXPECT_EQ(StatusOf(busy.ReadAll()), 200);
  EXPECT_EQ(StatusOf(queued.ReadAll()), 200);
}

TEST_F(ConnectionTest, AnAnswerOverMaxRequestMsIs503) {
  Limits l = Base();
  l.max_request_ms = 100;
  Start(l);
  EXPECT_EQ(StatusOf(Exchange(Get("/sleep?ms=10"))), 200);
  std::string r = Exchange(Get("/sleep?ms=250"));
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(BodyOf(r).find("max_request_ms (100 ms)"), std::string::npos) << r;
}

int MsSince(Clock::time_point t0) {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count());
}

// A client that asks for a large answer and then stops reading holds its worker for
// write_timeout_ms (the wait for the socket to take more bytes), no longer: then the server
// closes that connection with the answer cut short, and the worker answers the next client.
TEST_F(ConnectionTest, AClientThatStopsReadingIsDroppedAfterWriteTimeoutMs) {
  Limits l = Base();
  l.worker_threads = 1;
  l.write_timeout_ms = 400;
  l.max_response_bytes = size_t{32} << 20;  // far more than loopback's socket buffers
  Start(l);
  RawClient stalled(port_);
  const auto t0 = Clock::now();
  // Keep-alive: only the failed write, not the request, makes the server close it.
  ASSERT_TRUE(stalled.Send("GET /big?n=" + std::to_string(l.max_response_bytes) + " HTTP/1.1\r\nHost: t\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::string r = Exchange(Get("/hello"), 5000);  // queued behind the stalled answer
  const int waited = MsSince(t0);
  EXPECT_EQ(StatusOf(r), 200) << r;
  EXPECT_GE(waited, 400) << "the worker gave up before write_timeout_ms";
  EXPECT_LT(waited, 400 + 5000) << "the worker waited far past write_timeout_ms";
  const auto t1 = Clock::now();
  std::string cut = stalled.ReadAll(3000);
  EXPECT_LT(MsSince(t1), 2500) << "the stalled connection was left open";
  EXPECT_EQ(StatusOf(cut), 200);
  EXPECT_LT(cut.size(), l.max_response_bytes) << "the stalled answer was not cut";
  ExpectAlive();
}

// While one worker waits on a client that stopped reading, the others keep answering.
TEST_F(ConnectionTest, AClientThatStopsReadingDoesNotStarveOthers) {
  Limits l = Base();
  l.worker_threads = 2;
  l.write_timeout_ms = 3000;
  l.max_response_bytes = size_t{32} << 20;
  Start(l);
  RawClient stalled(port_);
  ASSERT_TRUE(stalled.Send(Get("/big?n=" + std::to_string(l.max_response_bytes))));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto t0 = Clock::now();
  for (int i = 0; i < 3; ++i) ExpectAlive();
  EXPECT_LT(MsSince(t0), 2000) << "the others waited for the stalled client";
  EXPECT_GT(stalled.ReadAll().size(), l.max_response_bytes);  // reading again, it gets it all
}

// max_request_ms counts from the moment the request was complete, queueing included. At
// the limit the connection layer answers 503 itself and closes the connection: a handler
// still running is not interrupted (it runs to its end and its late answer is discarded),
// and a request still waiting in the queue is never run. Under the limit: served.
TEST_F(ConnectionTest, MaxRequestMsIsAnswered503AtTheLimitWhileTheHandlerStillRuns) {
  Limits l = Base();
  l.worker_threads = 1;
  l.max_request_ms = 300;
  Start(l);
  EXPECT_EQ(StatusOf(Exchange(Get("/sleep?ms=100"))), 200);
  RawClient slow(port_), queued(port_);
  const auto t0 = Clock::now();
  slow.Send(Get("/sleep?ms=1500"));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  queued.Send(Get("/hello"));
  std::string r = slow.ReadAll(5000);
  const int answered = MsSince(t0);
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(BodyOf(r).find("request_timeout"), std::string::npos) << r;
  EXPECT_GE(answered, 300) << "answered before the limit";
  EXPECT_LT(answered, 1200) << "waited for the handler instead of answering at the limit";
  std::string q = queued.ReadAll(5000);
  EXPECT_LT(MsSince(t0), 1200) << "the queued request waited for the busy worker";
  EXPECT_EQ(StatusOf(q), 503) << q;
  EXPECT_NE(BodyOf(q).find("over max_request_ms (300 ms)"), std::string::npos) << q;
  // A request now would wait for the busy worker past the limit too; once the handler
  // has ended, the worker serves again.
  std::this_thread::sleep_until(t0 + std::chrono::milliseconds(1600));
  ExpectAlive();
}

TEST_F(ConnectionTest, AnAnswerAtMaxResponseBytesIsServedAndOneMoreIs503) {
  Limits l = Base();
  l.max_response_bytes = 1000;
  Start(l);
  std::string r = Exchange(Get("/big?n=1000"));
  EXPECT_EQ(StatusOf(r), 200);
  EXPECT_EQ(BodyOf(r).size(), 1000u);
  r = Exchange(Get("/big?n=1001"));
  EXPECT_EQ(StatusOf(r), 503) << r;
  EXPECT_NE(BodyOf(r).find("response_too_large"), std::string::npos);
}

TEST_F(ConnectionTest, StopFinishesRequestsInProgress) {
  Start(Base());
  RawClient c(port_);
  c.Send(Get("/sleep?ms=400"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::thread stopper([this] { server_->Stop(); });
  std::string r = c.ReadAll();
  stopper.join();
  EXPECT_EQ(StatusOf(r), 200) << r;
  EXPECT_EQ(BodyOf(r), "slept");
  RawClient after(port_);
  EXPECT_FALSE(after.connected());
}

}  // namespace
}  // namespace dyad::server
