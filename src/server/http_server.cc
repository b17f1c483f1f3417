#include "server/http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/head_check.h"

namespace dyad::server {

using Clock = std::chrono::steady_clock;

std::string ErrorJson(std::string_view code, std::string_view message) {
  nlohmann::ordered_json j = {{"error", {{"code", code}, {"message", message}}}};
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

thread_local Clock::time_point t_request_start;

std::string_view ReasonOf(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

// A whole response for a refusal made before cpp-httplib sees the request.
std::string RefusalBytes(int status, std::string_view code, std::string_view message) {
  std::string body = ErrorJson(code, message) + "\n";
  return fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n"
      "Cache-Control: no-store\r\nConnection: close\r\n\r\n{}",
      status, ReasonOf(status), body.size(), body);
}

// Who answers a request: its worker, or, once max_request_ms has passed without an answer,
// the event thread with a 503. Whoever claims the request first writes to the socket; the
// other writes nothing. The event thread writes its 503 while holding `mu`, and a worker
// takes `mu` before it closes the socket, so the 503 never goes to a reused descriptor.
struct Claim {
  enum class State { kPending, kAnswering, kTimedOut };
  std::mutex mu;
  State state = State::kPending;
  // The worker's claim: true when the worker may write (and from now on it owns the answer).
  bool ForWorker() {
    std::lock_guard<std::mutex> lock(mu);
    if (state == State::kPending) state = State::kAnswering;
    return state == State::kAnswering;
  }
  bool TimedOut() {
    std::lock_guard<std::mutex> lock(mu);
    return state == State::kTimedOut;
  }
};

bool SetNonBlocking(int fd, bool on) {
  int flags = fcntl(fd, F_GETFL, 0);
  if (flags < 0) return false;
  return fcntl(fd, F_SETFL, on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK)) == 0;
}

// One request's bytes for cpp-httplib, and the socket for the answer. Reads end at the
// request's last byte (pipelined requests stay with the connection); writes wait up to
// write_timeout_ms each time the socket is full.
class BufferedStream : public httplib::Stream {
 public:
  BufferedStream(int fd, std::string request, uint32_t write_timeout_ms, Claim* claim)
      : fd_(fd), data_(std::move(request)), write_timeout_ms_(write_timeout_ms), claim_(claim) {}

  bool is_readable() const override { return pos_ < data_.size(); }
  bool is_writable() const override { return WaitWritable(); }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, data_.size() - pos_);
    std::memcpy(ptr, data_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!claimed_ && !(claimed_ = claim_->ForWorker())) return -1;  // answered 503 already
    size_t done = 0;
    while (done < size) {
      ssize_t n = ::send(fd_, ptr + done, size - done, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!WaitWritable()) return -1;
      } else {
        return -1;
      }
    }
    return static_cast<ssize_t>(done);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(false, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  bool WaitWritable() const {
    pollfd p{fd_, POLLOUT, 0};
    int r;
    do r = ::poll(&p, 1, static_cast<int>(write_timeout_ms_));
    while (r < 0 && errno == EINTR);
    return r > 0 && (p.revents & POLLOUT) != 0 && (p.revents & (POLLERR | POLLHUP)) == 0;
  }
  void Address(bool remote, std::string& ip, int& port) const {
    sockaddr_storage ss{};
    socklen_t len = sizeof(ss);
    int r = remote ? getpeername(fd_, reinterpret_cast<sockaddr*>(&ss), &len)
                   : getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len);
    char host[NI_MAXHOST] = "", serv[NI_MAXSERV] = "0";
    if (r == 0) {
      getnameinfo(reinterpret_cast<sockaddr*>(&ss), len, host, sizeof(host), serv, sizeof(serv),
                  NI_NUMERICHOST | NI_NUMERICSERV);
    }
    ip = host;
    port = std::atoi(serv);
  }

  int fd_;
  std::string data_;
  size_t pos_ = 0;
  uint32_t write_timeout_ms_;
  Claim* claim_;
  bool claimed_ = false;
};

struct Conn {
  int fd = -1;
  std::string buf;            // bytes received and not yet handed to a worker
  Clock::time_point deadline;  // read_timeout, keep-alive idle or linger end
  uint32_t served = 0;        // requests answered on this connection
  bool reading = false;       // a request has begun arriving
  bool lingering = false;     // refused: discarding input until EOF or deadline
  size_t request_bytes = 0;   // when handed over: head + body of the request
  Clock::time_point arrived;  // when handed over: the moment the request was complete
  std::shared_ptr<Claim> claim;  // when handed over: who answers it (see Claim)
};

// A request handed to the workers and not yet known to be answered: the event thread
// answers it 503 at `deadline` (arrived + max_request_ms) if its worker has not begun to.
struct Inflight {
  int fd;
  Clock::time_point deadline;
  std::shared_ptr<Claim> claim;
};

}  // namespace

struct HttpServer::Impl {
  HttpServer* owner = nullptr;
  int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
  std::atomic<bool> stopping{false};
  bool workers_quit = false;  // guarded by mu: set after the event thread has ended
  std::thread event_thread;
  std::vector<std::thread> workers;
  std::unordered_map<int, std::unique_ptr<Conn>> conns;  // owned by the event thread

  std::mutex mu;  // guards the two queues, inflight and busy
  std::condition_variable cv;
  std::vector<Inflight> inflight;  // requests handed to workers and not known answered
  std::deque<std::unique_ptr<Conn>> jobs;      // complete requests for the workers
  std::vector<std::unique_ptr<Conn>> returns;  // keep-alive connections back from workers
  size_t busy = 0;                             // workers inside a request

  const Limits& limits() const { return owner->limits_; }
  size_t ReadCap() const {
    const Limits& l = limits();
    return l.max_request_line + 2 + l.max_header_bytes + l.max_body + 1;
  }

  void EventLoop();
  void Accept();
  void OnReadable(Conn* c);
  void Advance(Conn* c);
  void Refuse(Conn* c, int status, std::string_view code, std::string_view message);
  void Close(int fd);
  void Watch(Conn* c);
  void Dispatch(Conn* c);
  void TakeReturns();
  void Expire();
  void ExpireInflight(Clock::time_point now);
  int WaitMs();
  void Worker();
  void Serve(std::unique_ptr<Conn> c);
  bool ServeOne(Conn& c);
  bool NextRequestHere(Conn& c);
  bool ReadAvailable(Conn& c);
  void Admit(Conn& c, size_t request_bytes);  // caller holds mu
  void Wake() {
    uint64_t one = 1;
    ssize_t r = ::write(wake_fd, &one, sizeof(one));
    (void)r;
  }
};

HttpServer::HttpServer(Limits limits)
    : limits_(limits), router_(std::make_unique<Router>()), impl_(std::make_unique<Impl>()) {
  impl_->owner = this;
}

HttpServer::~HttpServer() { Stop(); }

Clock::time_point HttpServer::RequestStart() { return t_request_start; }

Status HttpServer::Bind(const std::string& host, int port) {
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
  std::string service = std::to_string(port);
  if (int e = getaddrinfo(host.c_str(), service.c_str(), &hints, &res); e != 0) {
    return Status::InvalidArgument(fmt::format("--bind {}: not a numeric address ({})", host, gai_strerror(e)));
  }
  int fd = ::socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  int yes = 1;
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  if (fd < 0 || ::bind(fd, res->ai_addr, res->ai_addrlen) != 0) {
    int err = errno;
    freeaddrinfo(res);
    if (fd >= 0) ::close(fd);
    return Status::IOError(fmt::format("cannot listen on {}:{}: {}", host, port, std::strerror(err)));
  }
  freeaddrinfo(res);
  sockaddr_storage ss{};
  socklen_t len = sizeof(ss);
  getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
  port_ = ntohs(ss.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port
                                         : reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
  bound_host_ = host;
  impl_->listen_fd = fd;
  return Status::OK();
}

Status HttpServer::Start(const std::string& host, int port) {
  Router& r = *router_;
  r.set_payload_max_length(limits_.max_body);
  r.set_keep_alive_max_count(limits_.keep_alive_max_requests);
  r.set_keep_alive_timeout(std::max<time_t>(1, limits_.keep_alive_idle_ms / 1000));
  if (impl_->listen_fd < 0) {
    if (Status st = Bind(host, port); !st.ok()) return st;
  }
  int fd = impl_->listen_fd;
  if (::listen(fd, 1024) != 0) {
    return Status::IOError(fmt::format("cannot listen on {}:{}: {}", bound_host_, port_, std::strerror(errno)));
  }
  Impl& m = *impl_;
  m.epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  m.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (m.epoll_fd < 0 || m.wake_fd < 0) return Status::IOError("cannot create epoll or eventfd");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = fd;
  epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  ev.data.fd = m.wake_fd;
  epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, m.wake_fd, &ev);
  for (uint32_t i = 0; i < limits_.worker_threads; ++i) m.workers.emplace_back([&m] { m.Worker(); });
  m.event_thread = std::thread([&m] { m.EventLoop(); });
  return Status::OK();
}

void HttpServer::Stop() {
  Impl& m = *impl_;
  if (m.stopping.exchange(true)) return;
  if (!m.event_thread.joinable()) {  // bound but never started
    if (m.listen_fd >= 0) ::close(m.listen_fd);
    return;
  }
  m.Wake();
  m.event_thread.join();  // returns once no worker holds a request
  {
    std::lock_guard<std::mutex> lock(m.mu);
    m.workers_quit = true;
  }
  m.cv.notify_all();
  for (std::thread& t : m.workers) t.join();
  for (auto& [fd, c] : m.conns) ::close(fd);
  m.conns.clear();
  ::close(m.listen_fd);
  ::close(m.epoll_fd);
  ::close(m.wake_fd);
}

void HttpServer::Impl::EventLoop() {
  std::vector<epoll_event> events(256);
  bool listening = true;
  while (true) {
    int n = epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()), WaitMs());
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (fd == listen_fd) {
        Accept();
      } else if (fd == wake_fd) {
        uint64_t v;
        while (::read(wake_fd, &v, sizeof(v)) > 0) {}
        TakeReturns();
      } else if (auto it = conns.find(fd); it != conns.end()) {
        OnReadable(it->second.get());
      }
    }
    Expire();
    if (!stopping) continue;
    if (listening) {
      epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
      listening = false;
    }
    std::lock_guard<std::mutex> lock(mu);
    if (jobs.empty() && busy == 0 && returns.empty()) break;
  }
}

void HttpServer::Impl::Accept() {
  while (true) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN, or an error the next round retries
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    auto c = std::make_unique<Conn>();
    c->fd = fd;
    c->deadline = Clock::now() + std::chrono::milliseconds(limits().read_timeout_ms);
    Conn* raw = c.get();
    conns[fd] = std::move(c);
    owner->open_++;
    Watch(raw);
    if (owner->open_.load() > limits().max_connections) {
      Refuse(raw, 503, "too_many_connections",
             fmt::format("the server has max_connections ({}) open; try again", limits().max_connections));
    }
  }
}

void HttpServer::Impl::Watch(Conn* c) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.fd = c->fd;
  epoll_ctl(epoll_fd, EPOLL_CTL_ADD, c->fd, &ev);
}

void HttpServer::Impl::Close(int fd) {
  owner->open_--;  // before close(), so a client that sees EOF sees the count too
  epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  ::close(fd);
  conns.erase(fd);
}

void HttpServer::Impl::OnReadable(Conn* c) {
  char chunk[16384];
  while (true) {
    ssize_t n = ::recv(c->fd, chunk, sizeof(chunk), 0);
    if (n > 0) {
      if (c->lingering) continue;
      if (!c->reading) {
        c->reading = true;
        c->deadline = Clock::now() + std::chrono::milliseconds(limits().read_timeout_ms);
      }
      c->buf.append(chunk, static_cast<size_t>(n));
      if (c->buf.size() > ReadCap()) break;  // the head check refuses it below
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    Close(c->fd);  // EOF or error: the client is gone
    return;
  }
  if (!c->lingering) Advance(c);
}

// Decides what the buffered bytes are: more to wait for, a refusal, or a request.
void HttpServer::Impl::Advance(Conn* c) {
  if (c->buf.empty()) return;
  HeadVerdict v = CheckHead(c->buf, limits());
  if (v.kind == HeadVerdict::Kind::kReject) return Refuse(c, v.status, v.code, v.message);
  if (v.kind == HeadVerdict::Kind::kNeedMore) return;
  if (c->buf.size() < v.head_bytes + v.body_bytes) return;
  if (stopping) return Refuse(c, 503, "shutting_down", "the server is shutting down");
  c->request_bytes = v.head_bytes + v.body_bytes;
  Dispatch(c);
}

void HttpServer::Impl::Dispatch(Conn* c) {
  {
    std::lock_guard<std::mutex> lock(mu);
    if (jobs.size() >= limits().max_queued_requests) {
      // Refused below, outside the lock.
    } else {
      epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c->fd, nullptr);
      Admit(*c, c->request_bytes);
      auto it = conns.find(c->fd);
      jobs.push_back(std::move(it->second));
      conns.erase(it);
      cv.notify_one();
      return;
    }
  }
  Refuse(c, 503, "overloaded",
         fmt::format("max_queued_requests ({}) requests are waiting; try again", limits().max_queued_requests));
}

void HttpServer::Impl::Refuse(Conn* c, int status, std::string_view code, std::string_view message) {
  std::string bytes = RefusalBytes(status, code, message);
  ssize_t sent = ::send(c->fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  (void)sent;  // a refusal is small; a client that cannot take it loses it
  ::shutdown(c->fd, SHUT_WR);
  c->lingering = true;
  c->buf.clear();
  c->buf.shrink_to_fit();
  c->deadline = Clock::now() + std::chrono::milliseconds(1000);
}

void HttpServer::Impl::TakeReturns() {
  std::vector<std::unique_ptr<Conn>> back;
  {
    std::lock_guard<std::mutex> lock(mu);
    back.swap(returns);
  }
  for (std::unique_ptr<Conn>& c : back) {
    Conn* raw = c.get();
    raw->reading = !raw->buf.empty();
    raw->deadline = Clock::now() + std::chrono::milliseconds(raw->reading ? limits().read_timeout_ms
                                                                          : limits().keep_alive_idle_ms);
    conns[raw->fd] = std::move(c);
    Watch(raw);
    if (stopping && !raw->reading) {
      Close(raw->fd);
      continue;
    }
    Advance(raw);  // a pipelined request may be waiting already
  }
}

// A complete request of `request_bytes` starts its max_request_ms clock now.
void HttpServer::Impl::Admit(Conn& c, size_t request_bytes) {
  c.request_bytes = request_bytes;
  c.arrived = Clock::now();
  c.claim = std::make_shared<Claim>();
  inflight.push_back({c.fd, c.arrived + std::chrono::milliseconds(limits().max_request_ms), c.claim});
}

// The epoll wait: at most 50 ms, less when an in-flight request's deadline comes sooner,
// so a 503 for max_request_ms goes out within a millisecond or so of the limit.
int HttpServer::Impl::WaitMs() {
  std::lock_guard<std::mutex> lock(mu);
  auto wait = std::chrono::milliseconds(50);
  const Clock::time_point now = Clock::now();
  for (const Inflight& r : inflight)
    wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(std::max(r.deadline - now, Clock::duration{})));
  return static_cast<int>(wait.count());
}

// Answers 503 for every request past max_request_ms whose worker has not begun to answer
// (queued, or its handler still running: the worker's answer is then discarded), and
// forgets the requests whose workers answered.
void HttpServer::Impl::ExpireInflight(Clock::time_point now) {
  std::lock_guard<std::mutex> outer(mu);
  std::erase_if(inflight, [&](const Inflight& r) {
    std::lock_guard<std::mutex> lock(r.claim->mu);
    if (r.claim->state != Claim::State::kPending) return true;
    if (now < r.deadline) return false;
    r.claim->state = Claim::State::kTimedOut;
    const std::string bytes = RefusalBytes(503, "request_timeout",
        fmt::format("no answer within max_request_ms ({0} ms): the request is over max_request_ms ({0} ms)",
                    limits().max_request_ms));
    ssize_t sent = ::send(r.fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    (void)sent;  // small; a client that cannot take it loses it
    ::shutdown(r.fd, SHUT_WR);
    return true;
  });
}

void HttpServer::Impl::Expire() {
  const Clock::time_point now = Clock::now();
  ExpireInflight(now);
  std::vector<Conn*> due;
  for (auto& [fd, c] : conns) {
    if (now >= c->deadline || (stopping && !c->reading)) due.push_back(c.get());
  }
  for (Conn* c : due) {
    if (c->reading && !c->lingering && !stopping) {
      Refuse(c, 408, "request_timeout",
             fmt::format("the request did not arrive within read_timeout_ms ({} ms)", limits().read_timeout_ms));
    } else {
      Close(c->fd);  // idle keep-alive, finished linger, or shutting down
    }
  }
}

void HttpServer::Impl::Worker() {
  while (true) {
    std::unique_ptr<Conn> c;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return !jobs.empty() || workers_quit; });
      if (jobs.empty()) return;
      c = std::move(jobs.front());
      jobs.pop_front();
      ++busy;
    }
    Serve(std::move(c));
    {
      std::lock_guard<std::mutex> lock(mu);
      --busy;
    }
    Wake();
  }
}

// Serves the connection's request, then, at low load, its next ones on this thread; then
// hands the connection back to the event thread (or closes it).
void HttpServer::Impl::Serve(std::unique_ptr<Conn> c) {
  do {
    if (!ServeOne(*c)) return;
  } while (NextRequestHere(*c));
  std::lock_guard<std::mutex> lock(mu);
  returns.push_back(std::move(c));
}

// One request; false when the connection was closed.
bool HttpServer::Impl::ServeOne(Conn& c) {
  std::string request = c.buf.substr(0, c.request_bytes);
  c.buf.erase(0, c.request_bytes);
  t_request_start = c.arrived;
  BufferedStream stream(c.fd, std::move(request), limits().write_timeout_ms, c.claim.get());
  const bool last = stopping || c.served + 1 >= limits().keep_alive_max_requests;
  bool closed = false;
  SetNonBlocking(c.fd, true);
  // A request that timed out while queued is not run: its 503 has gone out.
  bool ok = !c.claim->TimedOut() && owner->router_->process_request(stream, last, closed, nullptr);
  c.served++;
  // Claimed now if the handler wrote nothing; false when the event thread answered 503.
  const bool answered = c.claim->ForWorker();
  if (ok && !closed && !last && answered) return true;
  owner->open_--;
  ::close(c.fd);
  return false;
}

// Reads what the socket holds now, up to the read cap; false at end of stream or error.
bool HttpServer::Impl::ReadAvailable(Conn& c) {
  char chunk[16384];
  while (c.buf.size() <= ReadCap()) {
    ssize_t n = ::recv(c.fd, chunk, sizeof(chunk), MSG_DONTWAIT);
    if (n > 0) c.buf.append(chunk, static_cast<size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
  return true;
}

// At low load (no request waiting for a worker), the connection's next request when it
// arrives complete within kNextRequestMs: served on this worker, it saves the two thread
// handoffs through the event thread (most of a small answer's latency). Anything else
// (no request yet, a partial or refused one, end of stream) goes back to the event thread,
// which applies read_timeout_ms, keep_alive_idle_ms and the head checks as always.
bool HttpServer::Impl::NextRequestHere(Conn& c) {
  constexpr int kNextRequestMs = 1;
  if (stopping || !c.buf.empty()) return false;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!jobs.empty()) return false;
  }
  pollfd p{c.fd, POLLIN, 0};
  if (::poll(&p, 1, kNextRequestMs) <= 0 || (p.revents & POLLIN) == 0) return false;
  if (!ReadAvailable(c)) return false;
  const HeadVerdict v = CheckHead(c.buf, limits());
  if (v.kind != HeadVerdict::Kind::kComplete || c.buf.size() < v.head_bytes + v.body_bytes) return false;
  std::lock_guard<std::mutex> lock(mu);
  Admit(c, v.head_bytes + v.body_bytes);
  return true;
}

}  // namespace dyad::server
