// Issue 10 through the `dyad` binary: never destroy what is not dyad's, never drop input
// silently, check every output, one exit-code rule (0 ok, 1 failed, 2 usage, 3 partial).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../events/gen_util.h"
#include "base/file.h"

#include "../cli_runner.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

using dyad::testing::CmdResult;
using dyad::testing::Sh;

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
void WriteEmbassies(const std::string& dir, const std::string& mission = "Q99999001") {
  fs::create_directories(dir);
  std::ofstream out(dir + "/database_of_embassies_2022-11-16.csv");
  out << "operator;operatorQID;jurisdictions;jurisdictionQIDs;country;countryQID;city;cityQID;address;"
         "latitude;longitude;phone;email;website;facebook;twitter;youtube;picture;pictureAuthor;"
         "pictureLicense;pictureLicenseURL;type;typeQID;creation;QID;\n"
         "Kyrgyzstan;http://www.wikidata.org/entity/Q813;;;United States;http://www.wikidata.org/entity/Q30;"
         "Washington;;;38.9;-77.0;;;;;;;;;;;embassy;http://www.wikidata.org/entity/Q3917681;;"
         "http://www.wikidata.org/entity/" << mission << "\n";
}

TEST_F(Cli, FaultAtEveryWriteFsyncAndRenameOfAPackKeepsThePreviousPack) {
  WriteEmbassies(P("in"));
  const std::vector<std::string> files = {"sources.tsv", "entities.tsv", "facts.tsv", "occurrences.tsv",
                                          "participants.tsv"};
  // The previous pack: the same import of another mission (a pack replaces only a pack).
  WriteEmbassies(P("prev"), "Q99999002");
  for (const std::string kind : {"enospc", "eio", "short"}) {
    fs::remove_all(P("pack"));
    ASSERT_EQ(Sh("$DYAD import embassies " + P("prev") + " --out " + P("pack")).exit_code, 0);
    std::map<std::string, std::string> previous;
    for (const auto& f : files) previous[f] = Slurp(P("pack/" + f));
    ASSERT_THAT(previous["entities.tsv"], HasSubstr("mission:wd-Q99999002"));
    FaultRun run = InjectUntilSuccess(
        kind, P("pack"), "$DYAD import embassies " + P("in") + " --out " + P("pack"), [&](int n, const CmdResult& r) {
          EXPECT_THAT(r.output, HasSubstr(P("pack"))) << kind << " at " << n;
          for (const auto& f : files) EXPECT_EQ(Slurp(P("pack/" + f)), previous[f]) << kind << " at " << n;
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

// ---------------------------------------------------------------------------------------
// Bounds: extreme arguments to `events top`, `events rank` and `facts`.

TEST_F(CliWithStore, EventsTopAndRankTakeExtremeArgumentsWithinTheirBounds) {
  struct Case {
    std::string args;
    int exit_code;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"events top USA KGZ --limit 0", 2, "--limit"},
      {"events rank --month 2019-01 --limit 0", 2, "--limit"},
      {"events top USA KGZ --from 2020 --to 2010", 2, "--from is after --to"},
      {"events top USA KGZ --from 0000", 2, "year outside 1..9999"},
      {"events top USA KGZ --from 10000", 2, "bad date"},
      {"events rank --month 2019-13", 2, "YYYY-MM"},
      {"events rank --month 0000-01", 2, "YYYY-MM"},
      {"events top USA KGZ --from 0001 --to 0001", 0, "code"},             // an empty table
      {"events top USA KGZ --from 9999-12-31 --to 9999-12-31", 0, "code"},
      {"events rank --month 0001-01", 0, "source"},
      {"events rank --month 9999-12 --min 0", 0, "source"},
      {"events rank --month 2013-01 --min 18446744073709551615", 0, "source"},
  };
  for (const Case& c : cases) {
    CmdResult r = Sh("$DYAD " + c.args + Store());
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.says)) << c.args;
  }
  // The largest limit is all there is: at most one row per code of the taxonomy.
  CmdResult all = Sh("$DYAD events top USA KGZ --both --format csv --limit 18446744073709551615" + Store());
  CmdResult some = Sh("$DYAD events top USA KGZ --both --format csv --limit 1000" + Store());
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_EQ(all.output, some.output);
  EXPECT_GT(std::count(all.output.begin(), all.output.end(), '\n'), 2);
}

// CLI11 2.1 reads integers with strtoull in base 0: `--limit -1` was the largest number,
// `--limit 99999999999999999999` too, and `--limit 010` eight.
TEST_F(CliWithStore, IntegerOptionsReadPlainDecimalOnly) {
  for (const std::string& bad : std::vector<std::string>{"-1", "99999999999999999999", "0x10", "1e3", "+5", ""}) {
    CmdResult r = Sh("$DYAD events top USA KGZ --limit '" + bad + "'" + Store());
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("--limit")) << bad;
  }
  CmdResult octal = Sh("$DYAD events top USA KGZ --both --format csv --limit 010" + Store());
  CmdResult ten = Sh("$DYAD events top USA KGZ --both --format csv --limit 10" + Store());
  EXPECT_EQ(octal.exit_code, 0) << octal.output;
  EXPECT_EQ(octal.output, ten.output);
  CmdResult signed_bad = Sh("$DYAD export dyad-years --from 99999999999999999999");
  EXPECT_EQ(signed_bad.exit_code, 2) << signed_bad.output;
  CmdResult port = Sh("$DYAD serve --port -1");
  EXPECT_EQ(port.exit_code, 2) << port.output;
}

TEST_F(Cli, FactsTakeExtremeDatesWithinTheirBounds) {
  struct Case {
    std::string args;
    int exit_code;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"facts KGZ USA --as-of 0001-01-01", 0, "KGZ did not exist on that date"},
      {"facts KGZ USA --as-of 9999-12-31", 0, "nothing is known"},
      {"facts KGZ USA --from 9999-12-31", 0, "No facts or occurrences"},
      {"facts KGZ USA --from 2020 --to 2010", 2, "before it starts"},
      {"facts KGZ USA --as-of 0000", 2, "year outside 1..9999"},
      {"facts KGZ USA --as-of 10000-01-01", 2, "bad date"},
      {"facts KGZ USA --as-of 2020 --from 2010", 2, "cannot be combined"},
      {"facts KGZ USA --kind bogus", 2, "unknown kind 'bogus'"},
  };
  for (const Case& c : cases) {
    CmdResult r = Sh("$DYAD " + c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.says)) << c.args;
  }
  // The widest period is every fact: the same rows as no period at all.
  CmdResult widest = Sh("$DYAD facts KGZ USA --from 0001 --to 9999 --format csv");
  CmdResult all = Sh("$DYAD facts KGZ USA --format csv");
  ASSERT_EQ(widest.exit_code, 0) << widest.output.substr(0, 300);
  EXPECT_EQ(widest.output, all.output);
}

// ---------------------------------------------------------------------------------------
// The commands added since the first reliability pass: code, ingest text, export
// dyad-years, compile, cite, import <relations dataset>, serve.

TEST_F(Cli, NewCommandsCheckStandardOutputAndReadPipes) {
  std::ofstream(P("t.txt")) << "Japan protested to China over ships near the Senkaku islands.\n";
  for (const std::string& cmd : std::vector<std::string>{"code " + P("t.txt") + " --no-kb", "cite", "cite unvotes",
                                "export dyad-years --from 2000 --to 2000", "serve --print-limits"}) {
    CmdResult r = Sh("{ $DYAD " + cmd + " > /dev/full; }");
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("standard output")) << cmd;
  }
  CmdResult piped = Sh("cat " + P("t.txt") + " | $DYAD code - --no-kb --format tsv");
  EXPECT_EQ(piped.exit_code, 0) << piped.output;
  EXPECT_THAT(piped.output, HasSubstr("114"));
  CmdResult stored = Sh("cat " + P("t.txt") + " | $DYAD ingest text - --date 2016-09-05 --store " + P("store"));
  EXPECT_EQ(stored.exit_code, 0) << stored.output;
  EXPECT_THAT(stored.output, HasSubstr("1 stored"));
}

TEST_F(Cli, NewCommandsRefuseUnsupportedFormatsAndEchoControlCharactersEscaped) {
  for (const std::string& cmd : std::vector<std::string>{"code - --format xml", "export dyad-years --format xml", "cite unvotes --format json"}) {
    CmdResult r = Sh("$DYAD " + cmd + " < /dev/null");
    EXPECT_EQ(r.exit_code, 2) << cmd << ": " << r.output;
  }
  const std::string esc = "\"$(printf 'x\\033[31m')\"";
  for (const std::string& cmd : std::vector<std::string>{"code " + esc + " --no-kb", "cite " + esc, "import unvotes " + esc + " --out " + P("o"),
                                "ingest text " + esc + " --store " + P("s"), "serve --bind " + esc + " --port 0",
                                "serve --limit " + esc + "=1", "compile --pack " + esc}) {
    CmdResult r = Sh("$DYAD " + cmd);
    EXPECT_NE(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.output, Not(HasSubstr("\033"))) << cmd;
    EXPECT_THAT(r.output, HasSubstr("\\x1b[31m")) << cmd;
  }
}

TEST_F(Cli, NewCommandsRefuseADirectoryAsAnOutputFile) {
  CmdResult r = Sh("$DYAD export dyad-years --from 2000 --to 2000 -o " + dir_ + "/");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("directory"));
  CmdResult dev = Sh("$DYAD export dyad-years --from 2000 --to 2000 -o /dev/null");
  EXPECT_EQ(dev.exit_code, 0) << dev.output;
  struct stat st;
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  CmdResult full = Sh("$DYAD export dyad-years --from 2000 --to 2000 -o /dev/full");
  EXPECT_EQ(full.exit_code, 1) << full.output;
}

// `export dyad-years -o X.NDJSON` wrote CSV; the extension now picks the format, as
// `report -o X.JSON` does (an explicit --format still wins).
TEST_F(Cli, ExportDyadYearsFormatFollowsTheOutputExtension) {
  ASSERT_EQ(Sh("$DYAD export dyad-years --from 2000 --to 2000 -o " + P("x.NDJSON")).exit_code, 0);
  EXPECT_EQ(Slurp(P("x.NDJSON")).substr(0, 1), "{");
  ASSERT_EQ(Sh("$DYAD export dyad-years --from 2000 --to 2000 -o " + P("x.tsv")).exit_code, 0);
  EXPECT_THAT(Slurp(P("x.tsv")).substr(0, 20), HasSubstr("year\ta\tb"));
  ASSERT_EQ(Sh("$DYAD export dyad-years --from 2000 --to 2000 --format csv -o " + P("y.tsv")).exit_code, 0);
  EXPECT_THAT(Slurp(P("y.tsv")).substr(0, 20), HasSubstr("year,a,b"));
}

// `dyad code --facts DIR` replaced the facts.tsv of a folder that was not a pack.
TEST_F(Cli, CodeFactsIntoADirectoryThatIsNotAPackIsRefused) {
  std::ofstream(P("t.txt")) << "2015-10-31\tU.S. Secretary of State John Kerry visited Kyrgyzstan.\n";
  fs::create_directories(P("mine"));
  std::ofstream(P("mine/facts.tsv")) << "my own facts\n";
  CmdResult r = Sh("$DYAD code " + P("t.txt") + " --no-kb --facts " + P("mine"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("not a pack"));
  EXPECT_EQ(Slurp(P("mine/facts.tsv")), "my own facts\n");
  CmdResult file = Sh("$DYAD code " + P("t.txt") + " --no-kb --facts " + P("t.txt"));
  EXPECT_EQ(file.exit_code, 1) << file.output;
  EXPECT_THAT(Slurp(P("t.txt")), HasSubstr("Kerry"));
  CmdResult fresh = Sh("$DYAD code " + P("t.txt") + " --no-kb --facts " + P("new"));
  EXPECT_EQ(fresh.exit_code, 0) << fresh.output;
  EXPECT_TRUE(fs::exists(P("new/facts.tsv")));
  CmdResult again = Sh("$DYAD code " + P("t.txt") + " --no-kb --facts " + P("new"));
  EXPECT_EQ(again.exit_code, 0) << again.output;  // a previous pack is replaced
}

// `ingest text` ignored --rejects, --batch-rows 0, --resume, ... without a word; the
// other formats ignored --date.
TEST_F(Cli, IngestRefusesOptionsItsFormatDoesNotUse) {
  std::ofstream(P("t.txt")) << "2016-09-05\tJapan protested to China over ships near the Senkaku islands.\n";
  for (const std::string& opt : std::vector<std::string>{"--rejects " + P("r.tsv"), "--batch-rows 0", "--resume", "--duplicates keep",
                                "--goldstein gdelt", "--ack-file " + P("ack"), "--no-world", "--compact", "--force"}) {
    CmdResult r = Sh("$DYAD ingest text " + P("t.txt") + " --store " + P("store") + " " + opt);
    EXPECT_EQ(r.exit_code, 2) << opt << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("does not apply to `ingest text`")) << opt;
  }
  EXPECT_FALSE(fs::exists(P("store")));
  EXPECT_FALSE(fs::exists(P("r.tsv")));
  std::string in = Events("in.tsv", 5);
  CmdResult date = Sh("$DYAD ingest tsv " + in + " --store " + P("store") + " --no-world --date 2016-01-01");
  EXPECT_EQ(date.exit_code, 2) << date.output;
  EXPECT_THAT(date.output, HasSubstr("--date does not apply to `ingest tsv`"));
}

// Every reader ran forever on /dev/zero (an endless device); `ingest` created the store first.
TEST_F(Cli, ReadersRefuseAnEndlessDeviceInsteadOfReadingForever) {
  auto t0 = std::chrono::steady_clock::now();
  for (const std::string& cmd : std::vector<std::string>{"code /dev/zero --no-kb", "resolve --file /dev/zero",
                                "ingest tsv /dev/zero --no-world --store " + P("store"),
                                "ingest text /dev/zero --store " + P("store")}) {
    CmdResult r = Sh("timeout 60 $DYAD " + cmd);
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("/dev/zero")) << cmd;
  }
  EXPECT_FALSE(fs::exists(P("store")));
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 120);
}

// A tiny unvotes input: roll calls and votes, but no ideal points, so the import fails
// after it has made its first table.
void WriteUnvotesWithoutIdealPoints(const std::string& dir) {
  fs::create_directories(dir + "/unvotes");
  Sh("printf 'rcid,session,importantvote,date,unres,amend,para,short,descr\\n3,1,0,1946-01-01,R/1/66,1,0,x,y\\n' | "
     "gzip > " + dir + "/unvotes/un_roll_calls.csv.gz");
  Sh("printf 'rcid,country,country_code,vote\\n3,United States,US,yes\\n3,Canada,CA,no\\n' | gzip > " + dir +
     "/unvotes/un_votes.csv.gz");
}

// `dyad import unvotes` wrote unvotes.dyt.zst into --out and then failed (exit 1) on the
// missing ideal points: a failed import leaves the previous tables untouched.
TEST_F(Cli, FailedRelationsImportLeavesThePreviousTablesUntouched) {
  WriteUnvotesWithoutIdealPoints(P("in"));
  fs::create_directories(P("out"));
  std::ofstream(P("out/unvotes.dyt.zst")) << "previous table";
  CmdResult r = Sh("$DYAD import unvotes " + P("in") + " --out " + P("out"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("IdealpointestimatesAll"));
  EXPECT_EQ(Slurp(P("out/unvotes.dyt.zst")), "previous table");
  EXPECT_FALSE(fs::exists(P("out/unvotes.unmapped.tsv")));
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
  CmdResult level = Sh("$DYAD import unvotes " + P("in") + " --out " + P("out") + " --zstd-level 99");
  EXPECT_EQ(level.exit_code, 2) << level.output;
  EXPECT_THAT(level.output, HasSubstr("--zstd-level"));
  CmdResult onto_file = Sh("$DYAD import unvotes " + P("in") + " --out " + P("out/unvotes.dyt.zst"));
  EXPECT_EQ(onto_file.exit_code, 1) << onto_file.output;
  EXPECT_THAT(onto_file.output, HasSubstr("is not a directory"));
}

// `dyad compile --cache FILE` said "compiled ... -> FILE" and wrote nothing.
TEST_F(Cli, CompileIntoACacheThatCannotBeWrittenFails) {
  std::ofstream(P("file")) << "not a directory";
  CmdResult r = Sh("$DYAD compile --cache " + P("file"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("cannot create the cache directory"));
  EXPECT_EQ(Slurp(P("file")), "not a directory");
  CmdResult missing = Sh("$DYAD compile --pack " + P("nowhere") + " --cache " + P("cache"));
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
}

TEST_F(Cli, ServeOptionsAreCheckedBeforeListening) {
  struct Case {
    std::string args;
    int exit_code;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"serve --port 70000", 2, "--port"},
      {"serve --limit bogus=1", 2, "unknown limit 'bogus'"},
      {"serve --limit max_body=-5", 2, "max_body"},
      {"serve --bind 999.1.1.1 --port 0", 1, "not a numeric address"},
      {"serve --web " + P("nowhere") + " --port 0", 1, "nowhere"},
      {"serve --store " + P("nowhere") + " --port 0", 1, "no event store"},
      {"serve --packs " + P("nowhere") + " --port 0", 1, "nowhere"},
  };
  for (const Case& c : cases) {
    CmdResult r = Sh("timeout 60 $DYAD " + c.args);
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr(c.says)) << c.args;
  }
}

}  // namespace

// `serve` loaded the world, the packs and the knowledge base (~10 s) before it found that
// --bind, --web or --store was wrong, or that the port was taken. With the world's data
// made unreadable (DYAD_ISO_CODES), each bad argument must still be the error reported:
// it was checked before anything was loaded.
TEST_F(Cli, ServeRejectsABadBindWebStoreOrBusyPortBeforeLoadingItsData) {
  int busy = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(busy, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::bind(busy, reinterpret_cast<sockaddr*>(&addr), len), 0);
  ASSERT_EQ(::listen(busy, 1), 0);
  ASSERT_EQ(::getsockname(busy, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const std::string port = std::to_string(ntohs(addr.sin_port));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"serve --bind 999.1.1.1 --port 0", "not a numeric address"},
      {"serve --port " + port, "cannot listen on 127.0.0.1:" + port},
      {"serve --web " + P("nowhere") + " --port 0", "cannot load the web app"},
      {"serve --store " + P("nowhere") + " --port 0", "no event store"},
  };
  for (const auto& [args, says] : cases) {
    CmdResult r = Sh("DYAD_ISO_CODES=" + P("no-iso-codes") + " timeout 60 $DYAD " + args);
    EXPECT_EQ(r.exit_code, 1) << args << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr(says)) << args;
    EXPECT_THAT(r.output, Not(HasSubstr("world registry"))) << args << ": loaded before checking";
  }
  CmdResult loads = Sh("DYAD_ISO_CODES=" + P("no-iso-codes") + " timeout 60 $DYAD serve --port 0");
  EXPECT_THAT(loads.output, HasSubstr("world registry")) << "the probe must make the load fail";
  ::close(busy);
}

// `ingest text` wrote its scratch copy of the coded events into /tmp whatever TMPDIR said.
// With TMPDIR a directory that does not exist the ingest must fail naming it; with TMPDIR
// an empty directory it succeeds and leaves nothing there.
TEST_F(Cli, IngestTextKeepsItsTemporaryFileUnderTmpdir) {
  std::ofstream(P("t.txt")) << "Japan protested to China over ships near the Senkaku islands.\n";
  const std::string ingest = " $DYAD ingest text " + P("t.txt") + " --date 2016-09-05 --store " + P("store");
  CmdResult missing = Sh("TMPDIR=" + P("no-such-tmp") + ingest);
  EXPECT_EQ(missing.exit_code, 1) << missing.output;
  EXPECT_THAT(missing.output, HasSubstr(P("no-such-tmp")));
  fs::create_directories(P("tmp"));
  CmdResult ok = Sh("TMPDIR=" + P("tmp") + ingest);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_THAT(ok.output, HasSubstr("1 stored"));
  EXPECT_TRUE(fs::is_empty(P("tmp"))) << "the temporary file is removed";
}

// A full disk on standard output printed two messages (the command's and main's) for
// `code` and `export dyad-years`: one message, exit 1, for every command.
TEST_F(Cli, FullDiskOnStandardOutputIsOneMessage) {
  std::ofstream(P("t.txt")) << "Japan protested to China over ships near the Senkaku islands.\n";
  for (const std::string& cmd : std::vector<std::string>{
           "code " + P("t.txt") + " --no-kb", "code " + P("t.txt") + " --no-kb --format tsv",
           "export dyad-years --from 2000 --to 2000", "cite", "cite unvotes", "serve --print-limits",
           "state Kyrgyzstan", "events codes", "facts KGZ USA"}) {
    CmdResult r = Sh("{ $DYAD " + cmd + " > /dev/full; }");
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.output;
    EXPECT_EQ(r.output, "dyad: cannot write standard output: No space left on device\n") << cmd;
  }
}

// `code --facts DIR` coded every paragraph (and printed the events) before it found that
// DIR could not take a pack. The destination is checked first: nothing is coded.
TEST_F(Cli, CodeFactsChecksItsDestinationBeforeCoding) {
  std::ofstream(P("t.txt")) << "2015-10-31\tU.S. Secretary of State John Kerry visited Kyrgyzstan.\n";
  fs::create_directories(P("mine"));
  std::ofstream(P("mine/notes.txt")) << "my own notes\n";
  struct Case {
    std::string dir, says;
  };
  const std::vector<Case> cases = {
      {P("mine"), "not a pack"},                   // someone's folder
      {P("t.txt"), "not a directory"},             // a file
      {P("t.txt") + "/sub", "cannot write into"},  // under a file
      {"/proc/dyad-facts", "cannot write into /proc"},  // a file system that takes no file, even as root
  };
  for (const Case& c : cases) {
    CmdResult r = Sh("{ $DYAD code " + P("t.txt") + " --no-kb --facts " + c.dir + " 2>" + P("err") + "; }");
    EXPECT_EQ(r.exit_code, 1) << c.dir << ": " << r.output;
    EXPECT_EQ(r.output, "") << c.dir << ": events were coded before the check";
    EXPECT_THAT(Slurp(P("err")), HasSubstr(c.says)) << c.dir;
  }
  if (::geteuid() != 0) {  // permission bits bind only a user other than root
    fs::create_directories(P("locked"));
    fs::permissions(P("locked"), fs::perms::owner_read | fs::perms::owner_exec);
    CmdResult r = Sh("{ $DYAD code " + P("t.txt") + " --no-kb --facts " + P("locked/pack") + " 2>" + P("err") + "; }");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_EQ(r.output, "");
    EXPECT_THAT(Slurp(P("err")), HasSubstr("cannot write into " + P("locked")));
    fs::permissions(P("locked"), fs::perms::owner_all);
  }
  CmdResult fresh = Sh("{ $DYAD code " + P("t.txt") + " --no-kb --facts " + P("new/pack") + " 2>/dev/null; }");
  EXPECT_EQ(fresh.exit_code, 0) << fresh.output;
  EXPECT_THAT(fresh.output, HasSubstr("Kerry"));
  EXPECT_TRUE(fs::exists(P("new/pack/facts.tsv")));
  EXPECT_FALSE(fs::exists(P("new/pack/.dyad-write-probe-0")));
  for (const auto& e : fs::directory_iterator(P("new/pack")))
    EXPECT_THAT(e.path().filename().string(), Not(HasSubstr("probe")));
}
