// WritePack never replaces what is not a pack's (issue 10, "files that are not dyad's"):
// `dyad code --facts DIR` replaced the facts.tsv of a folder of the user's own files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kb/pack.h"

namespace dyad::kb {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void Put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

PackData OneSource() {
  PackData pack;
  Source s;
  s.id = "t:s";
  s.title = "A source";
  pack.sources.push_back(s);
  return pack;
}

class PackWriterOwnership : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(PackWriterOwnership, ANonEmptyDirectoryThatIsNotAPackIsRefusedAndKept) {
  Put(dir_ / "facts.tsv", "my own notes\n");
  Put(dir_ / "notes.txt", "keep\n");
  Status st = WritePack(OneSource(), dir_.string());
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(st.message().find("is not a pack"), std::string::npos) << st.message();
  EXPECT_EQ(Slurp(dir_ / "facts.tsv"), "my own notes\n");
  EXPECT_FALSE(fs::exists(dir_ / "sources.tsv"));
}

TEST_F(PackWriterOwnership, AFileInPlaceOfAPackFileIsNotReplaced) {
  ASSERT_TRUE(WritePack(OneSource(), dir_.string()).ok());
  Put(dir_ / "entities.tsv", "name,age\nAda,36\n");  // someone's CSV under a pack file's name
  Status st = WritePack(OneSource(), dir_.string());
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("entities.tsv is not a pack file"), std::string::npos) << st.message();
  EXPECT_EQ(Slurp(dir_ / "entities.tsv"), "name,age\nAda,36\n");
}

TEST_F(PackWriterOwnership, APreviousPackAndAnEmptyOrNewDirectoryAreWritten) {
  ASSERT_TRUE(WritePack(OneSource(), dir_.string()).ok());  // empty directory
  PackData two = OneSource();
  two.sources.push_back(two.sources[0]);
  two.sources[1].id = "t:s2";
  ASSERT_TRUE(WritePack(two, dir_.string()).ok());  // a pack: replaced
  EXPECT_NE(Slurp(dir_ / "sources.tsv").find("t:s2"), std::string::npos);
  ASSERT_TRUE(WritePack(two, (dir_ / "new" / "pack").string()).ok());  // a new directory
  EXPECT_TRUE(fs::exists(dir_ / "new" / "pack" / "participants.tsv"));
}

TEST_F(PackWriterOwnership, ADanglingSymlinkInPlaceOfAPackFileIsRefused) {
  ASSERT_TRUE(WritePack(OneSource(), dir_.string()).ok());
  fs::remove(dir_ / "facts.tsv");
  fs::create_symlink(dir_ / "nowhere", dir_ / "facts.tsv");
  EXPECT_FALSE(WritePack(OneSource(), dir_.string()).ok());
  EXPECT_TRUE(fs::is_symlink(dir_ / "facts.tsv"));
}

}  // namespace
}  // namespace dyad::kb
