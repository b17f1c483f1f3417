// Issue 10 through the `dyad` binary: never destroy what is not dyad's, never drop input
// silently, check every output, one exit-code rule (0 ok, 1 failed, 2 usage, 3 partial).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "../events/gen_util.h"
#include "base/file.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

struct CmdResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `sh -c` on `script`, where $DYAD is the binary.
CmdResult Sh(const std::string& script) {
  CmdResult r;
  const std::string cmd = "DYAD='" + std::string(DYAD_BINARY) + "'; " + script + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "dyad-cli-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const std::string& name) const { return dir_ + "/" + name; }
  // A native TSV of `n` events.
  std::string Events(const std::string& name, size_t n) {
    std::ofstream out(P(name));
    out << dyad::events::testing::NativeHeader();
    for (const auto& e : dyad::events::testing::RandomEvents(9, n)) {
      out << dyad::events::testing::NativeRow(e);
    }
    return P(name);
  }
  std::string dir_;
};

TEST_F(Cli, StdoutOnAFullDiskExitsOne) {
  for (const char* cmd : {"state Kyrgyzstan", "resolve France", "events codes",
                          "report KGZ USA --format md --no-events", "facts KGZ USA"}) {
    CmdResult r = Sh(std::string("{ $DYAD ") + cmd + " > /dev/full; }");
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("cannot write standard output")) << cmd;
  }
}

TEST_F(Cli, ReportOntoDevNullDoesNotReplaceTheDevice) {
  CmdResult r = Sh("$DYAD report KGZ USA --format md --no-events -o /dev/null");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  struct stat st;
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  CmdResult full = Sh("$DYAD report KGZ USA --format md --no-events -o /dev/full");
  EXPECT_EQ(full.exit_code, 1) << full.output;
}

TEST_F(Cli, ReportIntoADirectoryPathSaysItIsADirectory) {
  CmdResult r = Sh("$DYAD report KGZ USA --no-events -o " + dir_ + "/");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("directory"));
}

TEST_F(Cli, UnknownSubcommandIsNamed) {
  CmdResult r = Sh("$DYAD bogus");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("unknown command 'bogus'"));
}

TEST_F(Cli, ControlCharactersInArgumentsAreEchoedEscaped) {
  CmdResult r = Sh("$DYAD state \"$(printf 'X\\033[31mred')\"");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, Not(HasSubstr("\033")));
  EXPECT_THAT(r.output, HasSubstr("\\x1b[31mred"));
}

TEST_F(Cli, VeryLongArgumentsAreCutInErrors) {
  CmdResult r = Sh("$DYAD state \"$(head -c 100000 /dev/zero | tr '\\0' x)\"");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_LT(r.output.size(), 5000u);
  EXPECT_THAT(r.output, HasSubstr("more bytes"));
}

TEST_F(Cli, ResolveFromAPipeLosesNoBytes) {
  CmdResult r = Sh("printf 'France\\nGermany\\n' | $DYAD resolve --file -");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("FRA"));
  EXPECT_THAT(r.output, HasSubstr("DEU"));
}

TEST_F(Cli, IngestFromAGzipPipeReadsEveryRow) {
  std::string in = Events("in.tsv", 40);
  CmdResult r = Sh("gzip -c " + in + " | $DYAD ingest tsv - --store " + P("store") +
                   " --no-world --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("read 40, accepted 40"));
}

TEST_F(Cli, IngestOfATruncatedGzipFails) {
  std::string in = Events("in.tsv", 400);
  Sh("gzip -c " + in + " > " + P("in.tsv.gz"));
  fs::resize_file(P("in.tsv.gz"), fs::file_size(P("in.tsv.gz")) - 10);
  CmdResult r = Sh("$DYAD ingest tsv " + P("in.tsv.gz") + " --store " + P("store") + " --no-world --quiet");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("truncated gzip"));
  EXPECT_THAT(r.output, HasSubstr("in.tsv.gz"));
}

TEST_F(Cli, IngestingAMissingFileCreatesNothing) {
  CmdResult r = Sh("$DYAD ingest gdelt " + P("missing.CSV") + " --store " + P("store"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("missing.CSV"));
  EXPECT_FALSE(fs::exists(P("store")));
}

TEST_F(Cli, StoreOnADirectoryThatIsNotAStoreIsRefused) {
  fs::create_directory(P("photos"));
  std::ofstream(P("photos/seg-001.jpg")) << "jpeg";
  std::string in = Events("in.tsv", 5);
  CmdResult r = Sh("$DYAD ingest tsv " + in + " --store " + P("photos") + " --no-world");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("not an event store"));
  EXPECT_EQ(Slurp(P("photos/seg-001.jpg")), "jpeg");
  EXPECT_FALSE(fs::exists(P("photos/MANIFEST")));
}

TEST_F(Cli, RejectsOntoTheInputIsRefusedAndTheInputKept) {
  std::string in = Events("same.tsv", 5);
  std::string before = Slurp(in);
  CmdResult r = Sh("$DYAD ingest tsv " + in + " --rejects " + in + " --store " + P("store") + " --no-world");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("also an input"));
  EXPECT_EQ(Slurp(in), before);
}

TEST_F(Cli, RejectsOntoAnotherFileNeedsForce) {
  std::string in = Events("in.tsv", 5);
  std::ofstream(P("data.csv")) << "a,b\n1,2\n";
  CmdResult r = Sh("$DYAD ingest tsv " + in + " --rejects " + P("data.csv") + " --store " + P("store") + " --no-world");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Slurp(P("data.csv")), "a,b\n1,2\n");
  CmdResult forced = Sh("$DYAD ingest tsv " + in + " --rejects " + P("data.csv") + " --force --store " +
                        P("store") + " --no-world");
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
}

TEST_F(Cli, ReingestAndResumeNeverDoubleCount) {
  std::string in = Events("in.tsv", 50);
  std::string store = " --store " + P("store") + " --no-world --quiet";
  EXPECT_EQ(Sh("$DYAD ingest tsv " + in + store).exit_code, 0);
  CmdResult again = Sh("$DYAD ingest tsv " + in + store);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_THAT(again.output, HasSubstr("duplicates 50"));
  EXPECT_THAT(again.output, HasSubstr("store " + P("store") + ": 50 rows"));
  CmdResult resumed = Sh("$DYAD ingest tsv " + in + store + " --resume");
  EXPECT_THAT(resumed.output, HasSubstr("resumed: skipped 50 rows"));
  EXPECT_EQ(Sh("$DYAD ingest tsv " + in + " --store " + P("nostore") + " --resume").exit_code, 1);
}

TEST_F(Cli, BatchRowsZeroOrNegativeIsAUsageError) {
  std::string in = Events("in.tsv", 5);
  EXPECT_EQ(Sh("$DYAD ingest tsv " + in + " --batch-rows 0 --store " + P("s")).exit_code, 2);
  EXPECT_EQ(Sh("$DYAD ingest tsv " + in + " --batch-rows -1 --store " + P("s")).exit_code, 2);
  EXPECT_FALSE(fs::exists(P("s")));
}

TEST_F(Cli, AckFileWriteFailureFailsTheIngest) {
  std::string in = Events("in.tsv", 5);
  CmdResult r = Sh("$DYAD ingest tsv " + in + " --ack-file /dev/full --store " + P("s") + " --no-world");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("ack-file"));
}

TEST_F(Cli, ImportOfAWrongDirectoryLeavesThePreviousPackUntouched) {
  fs::create_directories(P("pack"));
  std::ofstream(P("pack/facts.tsv")) << "previous";
  fs::create_directories(P("empty"));
  CmdResult r = Sh("$DYAD import historian " + P("empty") + " --out " + P("pack"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("read no records"));
  EXPECT_EQ(Slurp(P("pack/facts.tsv")), "previous");
}

TEST_F(Cli, UppercaseJsonExtensionWritesJson) {
  CmdResult r = Sh("$DYAD report KGZ USA --no-events -o " + P("X.JSON"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Slurp(P("X.JSON")).substr(0, 1), "{");
}

}  // namespace
