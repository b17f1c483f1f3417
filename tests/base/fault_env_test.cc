// The fault-injecting Env (base/fault_env.h) that the store, pack, output and rejects
// fault tests rely on: it must fail exactly the operation it is told to, on the paths it
// is told to, and a mistyped DYAD_FAULT_INJECT must never inject nothing.
#include "base/fault_env.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "base/file.h"

namespace dyad {
namespace {

TEST(FaultEnv, SpecNamesTheKindTheCountAndThePath) {
  auto f = ParseFaultSpec("enospc:3:out.md");
  ASSERT_TRUE(f.ok()) << f.status().message();
  auto e = ParseFaultSpec("eio:1");
  ASSERT_TRUE(e.ok());
  auto s = ParseFaultSpec("short:12:/tmp/pack");
  ASSERT_TRUE(s.ok());
  for (const char* bad : {"", "enospc", "enospc:", "enospc:0", "enospc:-1", "full:3", "eio:3x", "eio:1e3"}) {
    EXPECT_FALSE(ParseFaultSpec(bad).ok()) << bad;
  }
}

TEST(FaultEnv, CountsOnlyOperationsOnPathsWithTheFilter) {
  const std::string dir = testing::TempDir();
  FaultEnv env(1, Fault::kEnospc, false, "target.txt");
  ASSERT_TRUE(WriteFileAtomic(dir + "/other.txt", "x", &env).ok());  // not counted
  EXPECT_EQ(env.ops(), 0);
  Status st = WriteFileAtomic(dir + "/target.txt", "x", &env);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(env.fired());
  EXPECT_NE(st.message().find("target.txt"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("No space left"), std::string::npos) << st.message();
  ::unlink((dir + "/other.txt").c_str());
}

TEST(FaultEnv, ShortWriteWritesHalfThenTheDiskIsFull) {
  const std::string path = testing::TempDir() + "/short.txt";
  FaultEnv env(1, Fault::kShortWrite);
  auto fd = env.Open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_TRUE(fd.ok());
  auto first = env.Write(*fd, "abcdef", 6, path);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, 3u);
  EXPECT_FALSE(env.Write(*fd, "def", 3, path).ok());
  EXPECT_TRUE(env.Close(*fd, path).ok());
  EXPECT_EQ(*ReadFile(path), "abc");
  ::unlink(path.c_str());
}

}  // namespace
}  // namespace dyad
