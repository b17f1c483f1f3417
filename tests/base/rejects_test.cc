#include "base/rejects.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

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

// Issue 10: the dyad-year and knowledge-base importers read every file under their DIR;
// a rejects file inside it is an input, refused even with --force.
TEST(RejectSink, AFileInsideAnInputDirectoryIsRefusedEvenWithForce) {
  std::string dir = testing::TempDir() + "/rejects-in-XXXXXX";
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  std::filesystem::create_directories(dir + "/atop");
  { std::ofstream(dir + "/atop/atop.csv") << "a,b\n"; }
  RejectsOptions options;
  options.inputs = {dir};
  options.force = true;
  for (const std::string& path : {dir + "/atop/atop.csv", dir + "/atop/new.tsv", dir + "/./atop/../atop/atop.csv"}) {
    auto sink = RejectSink::Open(path, options);
    ASSERT_FALSE(sink.ok()) << path;
    EXPECT_NE(sink.status().message().find("also an input"), std::string::npos) << sink.status().message();
  }
  EXPECT_EQ(*ReadFile(dir + "/atop/atop.csv"), "a,b\n");
  // Beside the directory is fine.
  auto beside = RejectSink::Open(dir + "-rejects.tsv", options);
  EXPECT_TRUE(beside.ok()) << beside.status().message();
  if (beside.ok()) {
    EXPECT_TRUE(beside->Close().ok());
  }
  std::filesystem::remove(dir + "-rejects.tsv");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dyad
