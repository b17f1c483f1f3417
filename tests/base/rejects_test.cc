#include "base/rejects.h"

#include <gtest/gtest.h>

#include "base/file.h"

namespace dyad {
namespace {

TEST(RejectSink, WritesOneEscapedLinePerRejectAndCounts) {
  std::string path = testing::TempDir() + "/rejects.tsv";
  auto sink = RejectSink::Open(path);
  ASSERT_TRUE(sink.ok());
  ReadCounts counts;
  sink->Reject("in.tsv", 7, 3, "bad-date", "bad date '2024-02-30'", "a\tb\\c", &counts);
  sink->Reject("in.tsv", 9, 0, "column-count", "expected 5 columns, found 2", "x", &counts);
  ASSERT_TRUE(sink->Close().ok());
  EXPECT_EQ(counts.rejected, 2u);
  EXPECT_EQ(counts.rejected_by_reason["bad-date"], 1u);
  std::string text = *ReadFile(path);
  EXPECT_EQ(text,
            "file\tline\tcolumn\treason\traw\n"
            "in.tsv\t7\t3\tbad date '2024-02-30'\ta\\tb\\\\c\n"
            "in.tsv\t9\t0\texpected 5 columns, found 2\tx\n");
  EXPECT_EQ(sink->first_messages()[0], "in.tsv:7:3: bad date '2024-02-30'");
}

}  // namespace
}  // namespace dyad
