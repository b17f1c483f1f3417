// The one writer (base/file.h) and bounded reads: issue 10, "files that are not dyad's".
#include "base/file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "base/rejects.h"
#include "fault_env.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class FileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "dyad-file-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::string Slurp(const std::string& path) const {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::string dir_;
};

TEST_F(FileTest, ReplacesARegularFileAtomicallyAndKeepsItsMode) {
  std::string p = Path("out.md");
  ASSERT_TRUE(WriteFileAtomic(p, "old").ok());
  ::chmod(p.c_str(), 0600);
  ASSERT_TRUE(WriteFileAtomic(p, "new").ok());
  EXPECT_EQ(Slurp(p), "new");
  struct stat st;
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileTest, ReportOntoDevNullWritesThroughAndLeavesTheDevice) {
  ASSERT_TRUE(WriteFileAtomic("/dev/null", "dossier").ok());
  struct stat st;
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(FileTest, ReportOntoDevFullFails) {
  Status st = WriteFileAtomic("/dev/full", std::string(1 << 16, 'x'));
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("/dev/full"), std::string::npos) << st.message();
  struct stat s;
  ASSERT_EQ(::stat("/dev/full", &s), 0);
  EXPECT_TRUE(S_ISCHR(s.st_mode));
}

TEST_F(FileTest, WriterOntoAFifoWritesThroughIt) {
  std::string fifo = Path("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  std::string got;
  std::thread reader([&] { got = Slurp(fifo); });
  Status st = WriteFileAtomic(fifo, "through the pipe");
  reader.join();
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(got, "through the pipe");
  struct stat s;
  ASSERT_EQ(::lstat(fifo.c_str(), &s), 0);
  EXPECT_TRUE(S_ISFIFO(s.st_mode));
}

TEST_F(FileTest, WriterThroughASymlinkReplacesItsTargetAndKeepsTheLink) {
  std::string target = Path("target.html"), link = Path("link.html");
  ASSERT_TRUE(WriteFileAtomic(target, "old").ok());
  fs::create_symlink(target, link);
  ASSERT_TRUE(WriteFileAtomic(link, "new").ok());
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Slurp(target), "new");
}

TEST_F(FileTest, WriterRefusesADanglingSymlinkADirectoryAndATrailingSlash) {
  std::string link = Path("dangling");
  fs::create_symlink(Path("missing"), link);
  EXPECT_FALSE(WriteFileAtomic(link, "x").ok());
  EXPECT_TRUE(fs::is_symlink(link));
  Status dir = WriteFileAtomic(dir_, "x");
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.message().find("directory"), std::string::npos) << dir.message();
  Status slash = WriteFileAtomic(Path("newdir/"), "x");
  ASSERT_FALSE(slash.ok());
  EXPECT_NE(slash.message().find("directory"), std::string::npos) << slash.message();
}

TEST_F(FileTest, EveryInjectedWriteFaultFailsAndLeavesTheOldContent) {
  std::string p = Path("pack.tsv");
  ASSERT_TRUE(WriteFileAtomic(p, "old").ok());
  for (auto fault : {testing::Fault::kEnospc, testing::Fault::kEio, testing::Fault::kShortWrite}) {
    for (int at = 1; at <= 3; ++at) {  // write, fsync, rename
      testing::FaultEnv env(at, fault);
      Status st = WriteFileAtomic(p, std::string(1000, 'n'), &env);
      ASSERT_TRUE(env.fired());
      EXPECT_FALSE(st.ok()) << "fault at op " << at;
      EXPECT_EQ(Slurp(p), "old") << "fault at op " << at;
    }
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1)
      << "no temporary file is left behind";
}

TEST_F(FileTest, ReadFileRefusesAFifoAndASymlinkToDevZero) {
  std::string fifo = Path("facts.tsv");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  auto r = ReadFile(fifo);  // must not block
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("FIFO"), std::string::npos) << r.status().message();
  std::string zero = Path("entities.tsv");
  fs::create_symlink("/dev/zero", zero);
  auto z = ReadFile(zero);
  ASSERT_FALSE(z.ok());
  EXPECT_NE(z.status().message().find("character device"), std::string::npos);
}

TEST_F(FileTest, ReadFileRefusesFilesBeyondTheLimit) {
  std::string p = Path("big");
  ASSERT_TRUE(WriteFileAtomic(p, std::string(100, 'x')).ok());
  EXPECT_TRUE(ReadFile(p, 100).ok());
  auto r = ReadFile(p, 99);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
}

TEST_F(FileTest, RejectsNeverOverwriteAnInputOfTheSameRun) {
  std::string input = Path("same.tsv");
  ASSERT_TRUE(WriteFileAtomic(input, "precious\n").ok());
  RejectsOptions opt;
  opt.inputs = {input};
  auto sink = RejectSink::Open(input, opt);
  ASSERT_FALSE(sink.ok());
  EXPECT_NE(sink.status().message().find("input"), std::string::npos);
  opt.force = true;  // not even when forced
  EXPECT_FALSE(RejectSink::Open(input, opt).ok());
  EXPECT_EQ(Slurp(input), "precious\n");
}

TEST_F(FileTest, RejectsRefuseToReplaceAFileThatIsNotARejectsFileUnlessForced) {
  std::string csv = Path("data.csv");
  ASSERT_TRUE(WriteFileAtomic(csv, "a,b\n1,2\n").ok());
  auto refused = RejectSink::Open(csv);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("--force"), std::string::npos);
  EXPECT_EQ(Slurp(csv), "a,b\n1,2\n");
  RejectsOptions force;
  force.force = true;
  auto forced = RejectSink::Open(csv, force);
  ASSERT_TRUE(forced.ok());
  ASSERT_TRUE(forced->Close().ok());
  EXPECT_EQ(Slurp(csv).substr(0, 4), "file");
}

TEST_F(FileTest, RejectsReplaceAPreviousRejectsFileAndPublishOnClose) {
  std::string p = Path("rejects.tsv");
  {
    auto sink = RejectSink::Open(p);
    ASSERT_TRUE(sink.ok());
    sink->Reject("in.tsv", 3, 2, "bad-date", "bad date", "raw\trow", nullptr);
    EXPECT_FALSE(FileExists(p)) << "published only on Close";
    ASSERT_TRUE(sink->Close().ok());
  }
  EXPECT_NE(Slurp(p).find("in.tsv\t3\t2\tbad date\traw\\trow"), std::string::npos);
  auto again = RejectSink::Open(p);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_TRUE(again->Close().ok());
  EXPECT_EQ(Slurp(p), std::string(kRejectsHeader) + "\n");
}

}  // namespace
}  // namespace dyad
