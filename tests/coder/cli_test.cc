// `dyad code` and `dyad ingest text` through the built binary: output, exit codes and bad
// input (never a crash).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

struct CliRun {
  int code = -1;
  std::string out, err;
};

CliRun Dyad(const std::string& args) {
  std::string dir = ::testing::TempDir();
  std::string cmd = std::string(DYAD_BINARY) + " " + args + " >" + dir + "/cli.out 2>" + dir + "/cli.err";
  CliRun r;
  int st = std::system(cmd.c_str());
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  auto slurp = [](const std::string& p) {
    std::ifstream f(p);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  };
  r.out = slurp(dir + "/cli.out");
  r.err = slurp(dir + "/cli.err");
  return r;
}

std::string Write(const std::string& name, const std::string& data) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << data;
  return path;
}

TEST(DyadCode, CodesTextToJsonLinesAndTsv) {
  std::string in = Write("news.txt", "@date 2015-10-31\nWashington warned Bishkek on Tuesday.\n");
  CliRun r = Dyad("code " + in + " --no-kb");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"source\":\"USA\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"date\":\"2015-10-27\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"where\":\"" + in + ":2\""), std::string::npos) << r.out;
  r = Dyad("code " + in + " --no-kb --format tsv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 11), "where\tdate\t");
  EXPECT_NE(r.out.find("\tUSA\tGOV\tKGZ\tGOV\t130\t"), std::string::npos) << r.out;
}

// Bug: each line was coded alone, so a hard-wrapped sentence lost its event.
TEST(DyadCode, HardWrappedTextIsOneParagraphAndEachEventNamesItsSentencesLine) {
  std::string in = Write("wrapped.txt", "@date 2008-05-02\nThe talks ended.\nRussia expelled\nGeorgian "
                                        "diplomats on May 1, 2008.\n");
  CliRun r = Dyad("code " + in + " --no-kb");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"code\":\"161\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"where\":\"" + in + ":3\""), std::string::npos) << r.out;
}

TEST(DyadCode, BadInputIsSkippedAndCountedOrAClearError) {
  std::string mixed = Write("mixed.txt", "Russia expelled Georgian diplomats on May 1, 2008.\n"
                                         "bad \xc3\x28 byte\n" + std::string(10u << 20, 'x') + "\n" +
                                         std::string("\x00\x01\x02 binary\n", 11));
  CliRun r = Dyad("code " + mixed + " --no-kb");
  EXPECT_EQ(r.code, 3) << r.err;  // done, some lines skipped
  EXPECT_NE(r.out.find("\"code\":\"161\""), std::string::npos);
  EXPECT_NE(r.err.find(mixed + ":2:5: invalid UTF-8 (skipped)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(mixed + ":3:1048577: line longer than 1048576 bytes (skipped)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(mixed + ":4:1: binary data"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 of 4 lines skipped"), std::string::npos) << r.err;

  r = Dyad("code " + Write("empty.txt", "") + " --no-kb");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("empty.txt: empty input"), std::string::npos) << r.err;
  r = Dyad("code " + ::testing::TempDir() + "/no-such-file.txt --no-kb");
  EXPECT_EQ(r.code, 1);
  r = Dyad("code " + mixed + " --date 2015-02-30");
  EXPECT_EQ(r.code, 2) << r.err;
}

TEST(DyadCode, CandidateFactsPassDyadCheck) {
  std::string in = Write("facts.txt", "The United States recognized Kyrgyzstan on December 26, 1991.\n"
                                      "Georgia severed diplomatic relations with Russia on August 29, 2008.\n");
  std::string pack = ::testing::TempDir() + "/coded-pack";
  CliRun r = Dyad("code " + in + " --no-kb --facts " + pack);
  ASSERT_EQ(r.code, 0) << r.err;
  r = Dyad("check " + pack);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  std::ifstream facts(pack + "/facts.tsv");
  std::string all((std::istreambuf_iterator<char>(facts)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("USA\trecognized\tKGZ"), std::string::npos) << all;
  EXPECT_NE(all.find("GEO\trelations_severed\tRUS"), std::string::npos) << all;
}

TEST(DyadIngestText, CodedEventsGoIntoTheStoreWithFileAndLine) {
  std::string in = Write("ingest.txt", "@date 2018-03-14\nBritain's ally Canada expelled Russian diplomats on Wednesday.\n"
                                       "Russia criticized Canada in March 2018.\n");
  std::string store = ::testing::TempDir() + "/coded-store";
  std::system(("rm -rf " + store).c_str());
  CliRun r = Dyad("ingest text " + in + " --store " + store);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("coded 2 events"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 stored"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 not dated to the day"), std::string::npos) << r.out;
  r = Dyad("ingest text " + in + " --store " + store);  // again: nothing twice
  EXPECT_NE(r.out.find("0 stored, 1 already in the store"), std::string::npos) << r.out;
  r = Dyad("events top CAN RUS --store " + store + " --format csv");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("161"), std::string::npos) << r.out;
}

}  // namespace
