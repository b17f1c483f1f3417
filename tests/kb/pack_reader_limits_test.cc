// ReadPack on hostile packs (issue 10): a FIFO or a symlink to /dev/zero as a pack file,
// a byte order mark, invalid UTF-8 in a name, overlong lines, a compressed facts file.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "kb/pack.h"

namespace dyad::kb {
namespace {

namespace fs = std::filesystem;

class PackLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::path(::testing::TempDir()) /
            ("packlimits-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())))
               .string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("sources.tsv", "id\ttitle\nt:src\tTest source\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
  }
  // The kinds of every diagnostic of ReadPack on the pack.
  std::vector<std::string> Kinds(PackData* out = nullptr) {
    LoadReport report;
    auto pack = ReadPack(dir_, &report);
    EXPECT_TRUE(pack.ok()) << pack.status().ToString();
    if (out && pack.ok()) *out = *pack;
    std::vector<std::string> kinds;
    for (const auto& d : report.diagnostics) kinds.push_back(d.kind + ":" + std::to_string(d.column));
    return kinds;
  }
  std::string dir_;
};

TEST_F(PackLimits, FifoAsAPackFileIsRefusedWithoutHanging) {
  ASSERT_EQ(::mkfifo((dir_ + "/facts.tsv").c_str(), 0644), 0);
  EXPECT_EQ(Kinds(), (std::vector<std::string>{"io:0"}));
}

TEST_F(PackLimits, SymlinkToDevZeroIsRefused) {
  fs::create_symlink("/dev/zero", dir_ + "/entities.tsv");
  EXPECT_EQ(Kinds(), (std::vector<std::string>{"io:0"}));
}

TEST_F(PackLimits, ByteOrderMarkIsAWarningAndTheHeaderIsRead) {
  Write("sources.tsv", "\xEF\xBB\xBF" "id\ttitle\nt:src\tTest source\n");
  PackData pack;
  EXPECT_EQ(Kinds(&pack), (std::vector<std::string>{"bom:0"}));
  EXPECT_EQ(pack.sources.size(), 1u);
}

TEST_F(PackLimits, InvalidUtf8InANameIsAnErrorInItsField) {
  Write("entities.tsv", "id\tkind\tname\tsources\norg:x\torganization\tBad\xFFName\tt:src\n");
  PackData pack;
  std::vector<std::string> kinds = Kinds(&pack);
  ASSERT_FALSE(kinds.empty());
  EXPECT_EQ(kinds[0], "invalid-utf8:3");
  EXPECT_TRUE(pack.entities.empty());
}

TEST_F(PackLimits, OverlongLineIsAnError) {
  Write("entities.tsv", "id\tkind\tname\tsources\norg:x\torganization\t" +
                            std::string(kMaxPackLineBytes, 'x') + "\tt:src\n");
  std::vector<std::string> kinds = Kinds();
  ASSERT_FALSE(kinds.empty());
  EXPECT_EQ(kinds[0], "line-too-long:0");
}

// A pack holding only facts.tsv.gz used to load 0 facts with no word. A gzip pack file is
// read when its plain twin is absent; a cut gzip stream is an error; other compressions say so.
TEST_F(PackLimits, PackWithOnlyFactsTsvGzSaysSo) {
  Write("facts.tsv.gz", "\x1f\x8b");
  std::vector<std::string> kinds = Kinds();
  ASSERT_EQ(kinds.size(), 1u);
  EXPECT_EQ(kinds[0], "io:0");
}

TEST_F(PackLimits, PackWithOnlyFactsTsvZstSaysSo) {
  Write("facts.tsv.zst", "\x28\xb5\x2f\xfd");
  EXPECT_EQ(Kinds(), (std::vector<std::string>{"compressed-file:0"}));
}

}  // namespace
}  // namespace dyad::kb
