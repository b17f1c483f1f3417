// Issue 10 through the `dyad` binary: never destroy what is not dyad's, never drop input
// silently, check every output, one exit-code rule (0 ok, 1 failed, 2 usage, 3 partial).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

// ---------------------------------------------------------------------------------------
// One exit-code rule for every command: 0 ok, 1 the command ran and failed (an unknown or
// ambiguous state, bad data, I/O), 2 usage error (an option value outside its vocabulary,
// the same state twice in a pair command, a request beyond a documented limit), 3 done
// with rejected rows.

// A fixture with a small event store (states USA, KGZ, RUS, CHN, GEO; no world registry).
class CliWithStore : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    std::string in = Events("events.tsv", 300);
    CmdResult r = Sh("$DYAD ingest tsv " + in + " --store " + P("store") + " --no-world --quiet");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  std::string Store() const { return " --store " + P("store"); }
};

TEST_F(CliWithStore, UnknownStateExitsOneInEveryCommand) {
  const std::vector<std::string> commands = {
      "state Narnia", "convert 99999 --from cow --to iso3", "facts Narnia USA", "facts USA Narnia",
      "envoy Narnia USA", "relations Narnia", "report Narnia USA --no-events",
      "events series Narnia USA" + Store(), "events top USA Narnia" + Store()};
  for (const std::string& cmd : commands) {
    CmdResult r = Sh("$DYAD " + cmd);
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.output;
    EXPECT_THAT(r.output, ::testing::AnyOf(HasSubstr("Narnia"), HasSubstr("99999"))) << cmd;
  }
}

TEST_F(CliWithStore, AmbiguousStateExitsOneInEveryCommand) {
  const std::vector<std::string> commands = {
      "state Congo", "facts Congo USA", "envoy Congo USA", "relations Congo",
      "report Congo USA --no-events", "events series Congo USA" + Store(),
      "events top USA Congo" + Store()};
  for (const std::string& cmd : commands) {
    CmdResult r = Sh("$DYAD " + cmd);
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("ambiguous")) << cmd;
  }
}

TEST_F(CliWithStore, PairCommandsRefuseTheSameStateTwice) {
  const std::vector<std::string> commands = {
      "facts USA USA", "envoy USA 'United States'", "report KGZ Kyrgyzstan --no-events",
      "events series USA USA" + Store(), "events top 'United States' USA" + Store()};
  for (const std::string& cmd : commands) {
    CmdResult r = Sh("$DYAD " + cmd);
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("two different states")) << cmd;
  }
}

TEST_F(CliWithStore, UnsupportedFormatIsRefusedByEveryCommand) {
  const std::vector<std::string> commands = {
      "state KGZ", "facts KGZ USA", "envoy USA KGZ", "relations KGZ", "resolve France",
      "report KGZ USA --no-events", "events series USA KGZ" + Store(), "events top USA KGZ" + Store(),
      "events rank --month 2019-01" + Store(), "events stats" + Store(), "events codes",
      "export dyad-years"};
  for (const std::string& cmd : commands) {
    CmdResult r = Sh("$DYAD " + cmd + " --format xml");
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("xml")) << cmd;
    EXPECT_THAT(r.output, HasSubstr("--format")) << cmd;
  }
}

TEST_F(CliWithStore, EventsSeriesWithAnUnknownOrAmbiguousStateSaysSo) {
  CmdResult unknown = Sh("$DYAD events series Narnia USA" + Store());
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.output, HasSubstr("'Narnia' is not a state dyad knows"));
  EXPECT_THAT(unknown.output, Not(HasSubstr("period")));  // no empty table
  CmdResult ambiguous = Sh("$DYAD events series Congo USA" + Store());
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_THAT(ambiguous.output, HasSubstr("'Congo' is ambiguous"));
  // Names resolve to the store's keys, as in every other command.
  CmdResult names = Sh("$DYAD events series 'United States' Kyrgyzstan --by year --format csv" + Store());
  CmdResult keys = Sh("$DYAD events series USA KGZ --by year --format csv" + Store());
  EXPECT_EQ(names.exit_code, 0) << names.output;
  EXPECT_EQ(names.output, keys.output);
  EXPECT_THAT(keys.output, HasSubstr("period,events"));
}

TEST_F(CliWithStore, SeriesByDayOverTenThousandYearsIsRefusedAtOnce) {
  auto t0 = std::chrono::steady_clock::now();
  CmdResult r = Sh("$DYAD events series USA KGZ --by day --from 0001-01-01 --to 9999-12-31 --format json" +
                   Store());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("3652059 periods, more than the limit of 100000"));
  EXPECT_LT(seconds, 20);
  EXPECT_LT(r.output.size(), 1000u);
  // By year the same range is 9,999 periods: within the limit, one valid JSON array.
  CmdResult years = Sh("$DYAD events series USA KGZ --by year --from 0001 --to 9999 --format json" + Store());
  ASSERT_EQ(years.exit_code, 0) << years.output.substr(0, 500);
  nlohmann::json j = nlohmann::json::parse(years.output, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j.size(), 9999u);
  EXPECT_EQ(j.front()["period"], "0001");
}

TEST_F(CliWithStore, EventsJsonIsTheSameDocumentWrittenRowByRow) {
  CmdResult r = Sh("$DYAD events series USA KGZ --both --by month --format json" + Store());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  nlohmann::json j = nlohmann::json::parse(r.output, nullptr, false);
  ASSERT_TRUE(j.is_array());
  ASSERT_FALSE(j.empty());
  EXPECT_EQ(r.output, j.dump(2) + "\n");  // byte for byte the array dumped at once
  CmdResult none = Sh("$DYAD events top USA CHN --from 1700 --to 1700 --format json" + Store());
  EXPECT_EQ(none.exit_code, 0) << none.output;
  EXPECT_EQ(none.output, "[]\n");
}

TEST_F(Cli, BareNumberSaysWhichSchemeItWasReadIn) {
  // COW 260 is West Germany; ISO numeric 260 the French Southern Territories.
  CmdResult both = Sh("$DYAD state 260 --as-of 1980");
  EXPECT_EQ(both.exit_code, 1) << both.output;
  EXPECT_THAT(both.output, HasSubstr("'260' is ambiguous"));
  EXPECT_THAT(both.output, HasSubstr("H-GFR"));
  EXPECT_THAT(both.output, HasSubstr("cow code"));
  EXPECT_THAT(both.output, HasSubstr("ATF"));
  EXPECT_THAT(both.output, HasSubstr("isonum code"));
  CmdResult one = Sh("$DYAD state 2 --as-of 1980");
  EXPECT_EQ(one.exit_code, 0) << one.output;
  EXPECT_THAT(one.output, HasSubstr("'2' read as: cow code, gw code"));
  EXPECT_THAT(one.output, HasSubstr("United States (USA)"));
  CmdResult json = Sh("$DYAD state 2 --as-of 1980 --format json");
  EXPECT_THAT(json.output, HasSubstr("\"found_by\": \"cow code, gw code\""));
  // Commands that take a state through the resolver read ISO numeric, and say so.
  CmdResult report = Sh("$DYAD report 260 USA --no-events --as-of 1980 --format json");
  EXPECT_EQ(report.exit_code, 0) << report.output.substr(0, 400);
  EXPECT_THAT(report.output, HasSubstr("read '260' as an ISO numeric code"));
  EXPECT_THAT(report.output, HasSubstr("West Germany (H-GFR)"));
}

TEST_F(Cli, ReadmeConvertExamplesWork) {
  CmdResult gfr = Sh("$DYAD convert 260 --from cow --to cowc --on 1980");
  EXPECT_EQ(gfr.exit_code, 0) << gfr.output;
  EXPECT_EQ(gfr.output, "GFR\n");
  CmdResult deu = Sh("$DYAD convert 255 --from cow --to iso3 --on 2000");
  EXPECT_EQ(deu.exit_code, 0) << deu.output;
  EXPECT_EQ(deu.output, "DEU\n");
}

// ---------------------------------------------------------------------------------------
// Faults injected (DYAD_FAULT_INJECT, base/fault_env.h) at every write, fsync and rename of
// one output: the command exits 1 naming the file, and the previous file is intact.

struct FaultRun {
  int first_success = 0;  // the first N at which the fault no longer fires
};

// Runs `script` with the Nth counted operation on paths containing `filter` failing, for
// N = 1, 2, ... until the command succeeds; `check` runs after every failed run.
template <typename Check>
FaultRun InjectUntilSuccess(const std::string& kind, const std::string& filter, const std::string& script,
                            Check check) {
  FaultRun out;
  for (int n = 1; n <= 60; ++n) {
    CmdResult r = Sh("export DYAD_FAULT_INJECT=" + kind + ":" + std::to_string(n) + ":" + filter + "; " + script);
    if (r.exit_code == 0) {
      out.first_success = n;
      return out;
    }
    EXPECT_EQ(r.exit_code, 1) << kind << " at " << n << ": " << r.output;
    check(n, r);
  }
  return out;
}

bool HasTemporaryFiles(const std::string& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  }
  return false;
}

TEST_F(Cli, FaultAtEveryWriteFsyncAndRenameOfReportOutputKeepsThePreviousFile) {
  for (const std::string kind : {"enospc", "eio", "short"}) {
    std::ofstream(P("out.md")) << "previous dossier\n";
    FaultRun run = InjectUntilSuccess(
        kind, "out.md", "$DYAD report KGZ USA --no-events -o " + P("out.md"), [&](int n, const CmdResult& r) {
          EXPECT_THAT(r.output, HasSubstr(P("out.md"))) << kind << " at " << n;
          EXPECT_EQ(Slurp(P("out.md")), "previous dossier\n") << kind << " at " << n;
          EXPECT_FALSE(HasTemporaryFiles(dir_)) << kind << " at " << n;
        });
    EXPECT_GE(run.first_success, 4) << kind << ": at least a write, the fsync and the rename failed";
    EXPECT_THAT(Slurp(P("out.md")), HasSubstr("Kyrgyzstan"));
  }
}

TEST_F(Cli, FaultAtEveryWriteFsyncAndRenameOfARejectsFileKeepsThePreviousFile) {
  std::string in = Events("in.tsv", 20);
  { std::ofstream(in, std::ios::app) << "gdelt1\tnot-a-number\n"; }
  const std::string previous = "file\tline\tcolumn\treason\traw\nold\t1\t0\tx\ty\n";
  for (const std::string kind : {"enospc", "eio", "short"}) {
    std::ofstream(P("rej.tsv")) << previous;
    fs::remove_all(P("store"));
    FaultRun run = InjectUntilSuccess(
        kind, "rej.tsv",
        "{ $DYAD ingest tsv " + in + " --no-world --quiet --store " + P("store") + " --rejects " + P("rej.tsv") +
            " 2>&1; test $? -eq 3; }",
        [&](int n, const CmdResult& r) {
          EXPECT_THAT(r.output, HasSubstr(P("rej.tsv"))) << kind << " at " << n;
          EXPECT_EQ(Slurp(P("rej.tsv")), previous) << kind << " at " << n;
          EXPECT_FALSE(HasTemporaryFiles(dir_)) << kind << " at " << n;
        });
    EXPECT_GE(run.first_success, 4) << kind;
    EXPECT_THAT(Slurp(P("rej.tsv")), HasSubstr("not-a-number"));
  }
}

// A one-row Database of Embassies file (the import's `;`-separated format): Kyrgyzstan's
// embassy in the United States, with made-up coordinates and mission id.
void WriteEmbassies(const std::string& dir) {
  fs::create_directories(dir);
  std::ofstream out(dir + "/database_of_embassies_2022-11-16.csv");
  out << "operator;operatorQID;jurisdictions;jurisdictionQIDs;country;countryQID;city;cityQID;address;"
         "latitude;longitude;phone;email;website;facebook;twitter;youtube;picture;pictureAuthor;"
         "pictureLicense;pictureLicenseURL;type;typeQID;creation;QID;\n"
         "Kyrgyzstan;http://www.wikidata.org/entity/Q813;;;United States;http://www.wikidata.org/entity/Q30;"
         "Washington;;;38.9;-77.0;;;;;;;;;;;embassy;http://www.wikidata.org/entity/Q3917681;;"
         "http://www.wikidata.org/entity/Q99999001\n";
}

TEST_F(Cli, FaultAtEveryWriteFsyncAndRenameOfAPackKeepsThePreviousPack) {
  WriteEmbassies(P("in"));
  const std::vector<std::string> files = {"sources.tsv", "entities.tsv", "facts.tsv", "occurrences.tsv",
                                          "participants.tsv"};
  for (const std::string kind : {"enospc", "eio", "short"}) {
    fs::remove_all(P("pack"));
    fs::create_directories(P("pack"));
    for (const auto& f : files) std::ofstream(P("pack/" + f)) << "previous " << f << "\n";
    FaultRun run = InjectUntilSuccess(
        kind, P("pack"), "$DYAD import embassies " + P("in") + " --out " + P("pack"), [&](int n, const CmdResult& r) {
          EXPECT_THAT(r.output, HasSubstr(P("pack"))) << kind << " at " << n;
          for (const auto& f : files) EXPECT_EQ(Slurp(P("pack/" + f)), "previous " + f + "\n") << kind << " at " << n;
          EXPECT_FALSE(HasTemporaryFiles(dir_)) << kind << " at " << n;
        });
    // Five files: each written, fsynced (twice: staged, then published) and renamed.
    EXPECT_GE(run.first_success, 16) << kind;
    EXPECT_THAT(Slurp(P("pack/entities.tsv")), HasSubstr("mission:wd-Q99999001"));
  }
}

// ---------------------------------------------------------------------------------------
// Rejects never overwrite an input: every import names its inputs (DIR and what it reads).

TEST_F(Cli, ImportRejectsOntoAFileOfItsInputDirectoryIsRefusedEvenWithForce) {
  WriteEmbassies(P("in"));
  const std::string input = P("in/database_of_embassies_2022-11-16.csv");
  const std::string before = Slurp(input);
  CmdResult kb = Sh("$DYAD import embassies " + P("in") + " --rejects " + input + " --force");
  EXPECT_EQ(kb.exit_code, 1) << kb.output;
  EXPECT_THAT(kb.output, HasSubstr("also an input"));
  EXPECT_EQ(Slurp(input), before);
  // The dyad-year importers (src/cli/relations_commands.cc) read DIR and the peacesciencer
  // tables: neither may be overwritten.
  fs::create_directories(P("rel/atop"));
  std::ofstream(P("rel/atop/atop.csv")) << "a,b\n";
  CmdResult rel = Sh("$DYAD import atop " + P("rel") + " --out " + P("out") + " --rejects " +
                     P("rel/atop/atop.csv") + " --force");
  EXPECT_EQ(rel.exit_code, 1) << rel.output;
  EXPECT_THAT(rel.output, HasSubstr("also an input"));
  EXPECT_EQ(Slurp(P("rel/atop/atop.csv")), "a,b\n");
  fs::create_directories(P("world/peacesciencer"));
  std::ofstream(P("world/peacesciencer/t.csv")) << "x\n";
  CmdResult ps = Sh("$DYAD import atop " + P("rel") + " --out " + P("out") + " --rejects " +
                    P("world/peacesciencer/t.csv") + " --force");
  EXPECT_EQ(ps.exit_code, 1) << ps.output;
  EXPECT_EQ(Slurp(P("world/peacesciencer/t.csv")), "x\n");
}

}  // namespace
