// Runs the built `dyad` binary (path from CMake: DYAD_BINARY) on `dyad report`: state
// arguments are resolved once, as of --as-of, and failures have their exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "events/segment.h"
#include "events/store.h"

#include "../../cli_runner.h"

namespace {

using ::testing::HasSubstr;

using dyad::testing::CmdResult;
using dyad::testing::Dyad;

TEST(ReportCommand, AsOfReachesTheResolver) {
  // Today the name is the united Germany's; in 1980 it was also West Germany's.
  CmdResult today = Dyad("report \"Federal Republic of Germany\" USA --format json --no-events");
  ASSERT_EQ(today.exit_code, 0) << today.output;
  EXPECT_THAT(today.output, HasSubstr("\"key\": \"DEU\""));
  CmdResult then = Dyad("report \"Federal Republic of Germany\" USA --as-of 1980 --format json --no-events");
  EXPECT_EQ(then.exit_code, 1) << then.output;  // ambiguous: 1 in every command (docs/RELIABILITY.md)
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

// A store holding one KGZ→USA event dated some three million years ago: it opens and
// checks, but the monthly series from then to the dossier's date has more periods than
// events::Series allows, so the event series fails inside BuildDossier. `dyad report`
// reports that reason and exits 1 (not 2, and not a dossier without its events).
std::string StoreWhoseSeriesFails() {
  char tmpl[] = "/tmp/dyad-report-store-XXXXXX";
  const std::string dir = std::string(mkdtemp(tmpl)) + "/store";
  auto store = dyad::events::Store::OpenForWrite(dir);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return dir;
  dyad::events::EventView ev;
  ev.day = -1'000'000'000;
  ev.src_country = "KGZ";
  ev.tgt_country = "USA";
  ev.src_state = "KGZ";
  ev.tgt_state = "USA";
  ev.code = "042";
  ev.quad = 1;
  ev.id = 1;
  dyad::events::SegmentBuilder b;
  b.Add(ev);
  EXPECT_TRUE((*store)->Append(&b).ok());
  return dir;
}

TEST(ReportCommand, AnEventSeriesThatFailsIsExit1WithTheReason) {
  const std::string store = StoreWhoseSeriesFails();
  CmdResult r = Dyad("report KGZ USA --format json --store " + store);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("event series"));
  EXPECT_THAT(r.output, HasSubstr("too many periods"));
  EXPECT_THAT(r.output, ::testing::Not(HasSubstr("\"schema\"")));  // no dossier written
  std::system(("rm -rf '" + store.substr(0, store.rfind('/')) + "'").c_str());
}

}  // namespace
