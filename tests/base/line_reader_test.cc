#include "base/line_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

#include "base/file.h"

namespace dyad {
namespace {

std::vector<std::string> ReadAll(LineReader& r) {
  std::vector<std::string> out;
  std::string_view line;
  while (r.Next(&line)) out.emplace_back(line);
  EXPECT_TRUE(r.status().ok());
  return out;
}

TEST(LineReader, SplitsLinesAndCountsCrlf) {
  auto r = LineReader::FromString("a\tb\r\nc\n\nd", "mem");
  EXPECT_EQ(ReadAll(*r), (std::vector<std::string>{"a\tb", "c", "", "d"}));
  EXPECT_EQ(r->crlf_lines(), 1u);
  EXPECT_TRUE(r->missing_final_newline());
  EXPECT_EQ(r->line_number(), 4u);
}

TEST(LineReader, EmptyInputHasNoLines) {
  auto r = LineReader::FromString("", "mem");
  EXPECT_TRUE(ReadAll(*r).empty());
  EXPECT_FALSE(r->missing_final_newline());
}

TEST(LineReader, TruncatesOverlongLinesAndGoesOn) {
  std::string big(3u << 20, 'x');
  std::string path = testing::TempDir() + "/long.txt";
  ASSERT_TRUE(WriteFileAtomic(path, "short\n" + big + "\nafter\n").ok());
  auto r = LineReader::Open(path, 1u << 20);
  ASSERT_TRUE(r.ok());
  std::string_view line;
  ASSERT_TRUE((*r)->Next(&line));
  EXPECT_EQ(line, "short");
  ASSERT_TRUE((*r)->Next(&line));
  EXPECT_TRUE((*r)->line_too_long());
  EXPECT_EQ(line.size(), 1u << 20);
  ASSERT_TRUE((*r)->Next(&line));
  EXPECT_EQ(line, "after");
  EXPECT_EQ((*r)->line_number(), 3u);
}

TEST(LineReader, ReadsGzipByMagicBytes) {
  std::string path = testing::TempDir() + "/lines.dat";
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  gzputs(gz, "one\ntwo\n");
  gzclose(gz);
  auto r = LineReader::Open(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadAll(**r), (std::vector<std::string>{"one", "two"}));
}

TEST(LineReader, MissingFileIsNotFound) {
  auto r = LineReader::Open("/nonexistent/dyad/file.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/dyad/file.tsv"), std::string::npos);
}

std::string Gzip(const std::string& text) {
  std::string path = testing::TempDir() + "/gz.tmp";
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  return ReadFile(path).value();
}

std::string WriteTemp(const std::string& name, const std::string& data) {
  std::string path = testing::TempDir() + "/" + name;
  EXPECT_TRUE(WriteFileAtomic(path, data).ok());
  return path;
}

// Feeds `data` through a FIFO, as `zcat f.gz | dyad ... /dev/stdin` does.
std::vector<std::string> ReadThroughFifo(const std::string& data, Status* status) {
  std::string fifo = testing::TempDir() + "/lines.fifo";
  ::unlink(fifo.c_str());
  EXPECT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    FILE* f = std::fopen(fifo.c_str(), "wb");
    for (size_t i = 0; i < data.size(); i += 1000) {  // small writes, like a pipe
      std::fwrite(data.data() + i, 1, std::min<size_t>(1000, data.size() - i), f);
      std::fflush(f);
    }
    std::fclose(f);
  });
  auto r = LineReader::Open(fifo);
  std::vector<std::string> out;
  if (r.ok()) {
    std::string_view line;
    while ((*r)->Next(&line)) out.emplace_back(line);
    *status = (*r)->status();
  } else {
    *status = r.status();
  }
  writer.join();
  return out;
}

std::string Rows(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += "row " + std::to_string(i) + " " + std::string(300, 'x') + "\n";
  return text;
}

TEST(LineReader, PipedGzipLosesNoData) {
  Status st;
  auto lines = ReadThroughFifo(Gzip(Rows(20)), &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  ASSERT_EQ(lines.size(), 20u);
  EXPECT_EQ(lines[0].substr(0, 5), "row 0");
}

TEST(LineReader, PipedPlainTextLosesNoBytes) {
  Status st;
  auto lines = ReadThroughFifo("France\nGermany\n", &st);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(lines, (std::vector<std::string>{"France", "Germany"}));
}

TEST(LineReader, TruncatedGzipStreamIsAnErrorNamingTheFile) {
  std::string gz = Gzip(Rows(50));
  std::string path = WriteTemp("cut.gz", gz.substr(0, gz.size() - 8));  // no trailer
  auto r = LineReader::Open(path);
  ASSERT_TRUE(r.ok());
  std::string_view line;
  while ((*r)->Next(&line)) {
  }
  ASSERT_FALSE((*r)->status().ok());
  EXPECT_NE((*r)->status().message().find("cut.gz"), std::string::npos);
  EXPECT_NE((*r)->status().message().find("truncated gzip"), std::string::npos);
}

TEST(LineReader, TruncatedGzipThroughAPipeIsAnError) {
  std::string gz = Gzip(Rows(50));
  Status st;
  ReadThroughFifo(gz.substr(0, gz.size() / 2), &st);
  EXPECT_FALSE(st.ok());
}

TEST(LineReader, MultiMemberGzipReadsEveryMember) {
  std::string path = WriteTemp("multi.gz", Gzip("a\nb\n") + Gzip("c\n"));
  auto r = LineReader::Open(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadAll(**r), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(LineReader, ReadsZstdAndRejectsATruncatedFrame) {
  std::string text = Rows(30);
  std::string z(ZSTD_compressBound(text.size()), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), text.data(), text.size(), 3));
  auto r = LineReader::Open(WriteTemp("rows.zst", z));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadAll(**r).size(), 30u);
  EXPECT_STREQ((*r)->compression(), "zstd");
  auto cut = LineReader::Open(WriteTemp("cut.zst", z.substr(0, z.size() - 4)));
  ASSERT_TRUE(cut.ok());
  std::string_view line;
  while ((*cut)->Next(&line)) {
  }
  EXPECT_FALSE((*cut)->status().ok());
}

TEST(LineReader, ByteOrderMarkIsRemovedAndReported) {
  auto r = LineReader::Open(WriteTemp("bom.tsv", "\xEF\xBB\xBF" "Event ID\tx\nrow\n"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadAll(**r), (std::vector<std::string>{"Event ID\tx", "row"}));
  EXPECT_TRUE((*r)->had_bom());
}

TEST(LineReader, DirectoryIsRefused) {
  auto r = LineReader::Open(testing::TempDir());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("directory"), std::string::npos);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// `dyad ingest gdelt /dev/zero` (and every other reader) ran forever: a device never ends.
TEST(LineReader, DevZeroIsRefusedInsteadOfReadForever) {
  auto r = LineReader::Open("/dev/zero");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/dev/zero is a character device, not a file or a pipe"), std::string::npos)
      << r.status().message();
}

TEST(LineReader, DevNullReadsAsAnEmptyInput) {
  auto r = LineReader::Open("/dev/null");
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::string_view line;
  EXPECT_FALSE((*r)->Next(&line));
  EXPECT_TRUE((*r)->status().ok());
}

}  // namespace
}  // namespace dyad
