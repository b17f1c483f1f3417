// CheckHead: every head limit at its value (accepted) and one past it (refused).
#include "server/head_check.h"

#include <gtest/gtest.h>

namespace dyad::server {
namespace {

using Kind = HeadVerdict::Kind;

Limits Small() {
  Limits l;
  l.max_request_line = 40;
  l.max_header_line = 30;
  l.max_header_count = 3;
  l.max_header_bytes = 70;
  l.max_body = 10;
  return l;
}

// "GET /xxx HTTP/1.1" padded to exactly `n` bytes.
std::string RequestLine(size_t n) {
  std::string line = "GET /" + std::string(n - 14, 'x') + " HTTP/1.1";
  EXPECT_EQ(line.size(), n);
  return line;
}

std::string Header(size_t n) {  // "X: vvv" of exactly n bytes
  return "X: " + std::string(n - 3, 'v');
}

TEST(HeadCheck, RequestLineAtTheLimitIsAcceptedAndOneByteMoreIs414) {
  EXPECT_EQ(CheckHead(RequestLine(40) + "\r\n\r\n", Small()).kind, Kind::kComplete);
  HeadVerdict v = CheckHead(RequestLine(41) + "\r\n\r\n", Small());
  EXPECT_EQ(v.kind, Kind::kReject);
  EXPECT_EQ(v.status, 414);
  EXPECT_NE(v.message.find("max_request_line (40 bytes"), std::string::npos) << v.message;
}

TEST(HeadCheck, AnOverlongRequestLineIsRefusedBeforeItEnds) {
  EXPECT_EQ(CheckHead(RequestLine(40) + "\r", Small()).kind, Kind::kNeedMore);
  EXPECT_EQ(CheckHead(std::string(42, 'x'), Small()).status, 414);
}

TEST(HeadCheck, HeaderLineAtTheLimitIsAcceptedAndOneByteMoreIs431) {
  EXPECT_EQ(CheckHead("GET / HTTP/1.1\r\n" + Header(30) + "\r\n\r\n", Small()).kind, Kind::kComplete);
  HeadVerdict v = CheckHead("GET / HTTP/1.1\r\n" + Header(31) + "\r\n\r\n", Small());
  EXPECT_EQ(v.status, 431);
  EXPECT_EQ(v.code, "header_too_large");
}

TEST(HeadCheck, HeaderCountAtTheLimitIsAcceptedAndOneMoreIs431) {
  const std::string three = "A: 1\r\nB: 2\r\nC: 3\r\n";
  EXPECT_EQ(CheckHead("GET / HTTP/1.1\r\n" + three + "\r\n", Small()).kind, Kind::kComplete);
  HeadVerdict v = CheckHead("GET / HTTP/1.1\r\n" + three + "D: 4\r\n\r\n", Small());
  EXPECT_EQ(v.status, 431);
  EXPECT_EQ(v.code, "too_many_headers");
}

TEST(HeadCheck, HeaderBytesAtTheLimitAreAcceptedAndOneMoreIs431) {
  Limits l = Small();
  l.max_header_line = 100;
  // Two lines of 32 bytes + CRLF each = 68, plus the blank line = 70 = max_header_bytes.
  const std::string at = Header(32) + "\r\n" + Header(32) + "\r\n\r\n";
  EXPECT_EQ(CheckHead("GET / HTTP/1.1\r\n" + at, l).kind, Kind::kComplete);
  const std::string over = Header(32) + "\r\n" + Header(33) + "\r\n\r\n";
  HeadVerdict v = CheckHead("GET / HTTP/1.1\r\n" + over, l);
  EXPECT_EQ(v.status, 431);
  EXPECT_EQ(v.code, "headers_too_large");
}

TEST(HeadCheck, BodyAtTheLimitIsAcceptedAndOneByteMoreIs413) {
  HeadVerdict v = CheckHead("GET / HTTP/1.1\r\nContent-Length: 10\r\n\r\n", Small());
  EXPECT_EQ(v.kind, Kind::kComplete);
  EXPECT_EQ(v.body_bytes, 10u);
  EXPECT_EQ(CheckHead("GET / HTTP/1.1\r\ncontent-length: 11\r\n\r\n", Small()).status, 413);
}

TEST(HeadCheck, CompleteHeadReportsItsLength) {
  const std::string head = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  HeadVerdict v = CheckHead(head + "GET /next", Small());
  EXPECT_EQ(v.kind, Kind::kComplete);
  EXPECT_EQ(v.head_bytes, head.size());
  EXPECT_EQ(v.body_bytes, 0u);
}

TEST(HeadCheck, PartialHeadNeedsMore) {
  EXPECT_EQ(CheckHead("", Small()).kind, Kind::kNeedMore);
  EXPECT_EQ(CheckHead("GET / HT", Small()).kind, Kind::kNeedMore);
  EXPECT_EQ(CheckHead("GET / HTTP/1.1\r\nHost: x\r\n", Small()).kind, Kind::kNeedMore);
  EXPECT_EQ(CheckHead("GET / HTTP/1.1\r\nHost: x\r\n\r", Small()).kind, Kind::kNeedMore);
}

TEST(HeadCheck, MalformedHeadsAre400) {
  for (const char* bad : {"GET / HTTP/1.1\n\n", "GET / HTTP/1.1\r\nHost: x\n\r\n", "\r\n\r\n",
                          "GET / HTTP/1.1\r\nNoColon\r\n\r\n", "GET / HTTP/1.1\r\n: empty\r\n\r\n",
                          "GET / HTTP/1.1\r\nA: 1\r\n folded\r\n\r\n",
                          "GET / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n",
                          "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                          "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"}) {
    HeadVerdict v = CheckHead(bad, Small());
    EXPECT_EQ(v.status, 400) << bad;
  }
  std::string nul = "GET / HTTP/1.1\r\nA: x";
  nul += '\0';
  EXPECT_EQ(CheckHead(nul + "y\r\n\r\n", Small()).status, 400);
}

TEST(Limits, ParseLimitSetsNamedLimitsAndRejectsOthers) {
  Limits l;
  EXPECT_TRUE(ParseLimit("max_body=5", &l).ok());
  EXPECT_EQ(l.max_body, 5u);
  EXPECT_TRUE(ParseLimit("read_timeout_ms=250", &l).ok());
  EXPECT_EQ(l.read_timeout_ms, 250u);
  EXPECT_FALSE(ParseLimit("max_bogus=1", &l).ok());
  EXPECT_FALSE(ParseLimit("max_body=0", &l).ok());
  EXPECT_FALSE(ParseLimit("max_body=-1", &l).ok());
  EXPECT_FALSE(ParseLimit("max_body", &l).ok());
  EXPECT_EQ(DescribeLimits(l).size(), 15u);
}

}  // namespace
}  // namespace dyad::server
