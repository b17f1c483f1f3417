// Runs the built `dyad` binary (path from CMake: DYAD_BINARY) on `dyad report`: state
// arguments are resolved once, as of --as-of, and failures have their exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace {

using ::testing::HasSubstr;

struct CmdResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CmdResult Dyad(const std::string& args) {
  CmdResult r;
  const std::string cmd = std::string(DYAD_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(ReportCommand, AsOfReachesTheResolver) {
  // Today the name is the united Germany's; in 1980 it was also West Germany's.
  CmdResult today = Dyad("report \"Federal Republic of Germany\" USA --format json --no-events");
  ASSERT_EQ(today.exit_code, 0) << today.output;
  EXPECT_THAT(today.output, HasSubstr("\"key\": \"DEU\""));
  CmdResult then = Dyad("report \"Federal Republic of Germany\" USA --as-of 1980 --format json --no-events");
  EXPECT_EQ(then.exit_code, 2) << then.output;
  EXPECT_THAT(then.output, HasSubstr("ambiguous"));
  EXPECT_THAT(then.output, HasSubstr("H-GFR"));
}

TEST(ReportCommand, FormerNamesResolveAsOfTheirDate) {
  CmdResult zaire = Dyad("report Zaire USA --as-of 1990 --format json --no-events");
  ASSERT_EQ(zaire.exit_code, 0) << zaire.output;
  EXPECT_THAT(zaire.output, HasSubstr("\"key\": \"COD\""));
  EXPECT_THAT(zaire.output, HasSubstr("\"as_of\": \"1990\""));
  CmdResult frg = Dyad("report \"West Germany\" USA --as-of 1980 --format json --no-events");
  ASSERT_EQ(frg.exit_code, 0) << frg.output;
  EXPECT_THAT(frg.output, HasSubstr("\"key\": \"H-GFR\""));
}

TEST(ReportCommand, TheSameStateTwiceIsAUsageError) {
  CmdResult r = Dyad("report Kyrgyzstan KGZ --no-events");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("two different states"));
}

}  // namespace
