#include "base/line_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
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

}  // namespace
}  // namespace dyad
