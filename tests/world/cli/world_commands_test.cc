// Runs the built `dyad` binary (path from CMake: DYAD_BINARY) on the world commands.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "../../cli_runner.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using dyad::testing::CmdResult;
using dyad::testing::Dyad;

TEST(StateCommand, ShowsKyrgyzstanWithCodesCapitalAndPredecessors) {
  CmdResult r = Dyad("state Kyrgyzstan");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("Kyrgyzstan (KGZ)"));
  EXPECT_THAT(r.output, HasSubstr("Bishkek (42.8761, 74.6037)"));
  EXPECT_THAT(r.output, HasSubstr("gw        703    1991-08-31/.."));
  EXPECT_THAT(r.output, HasSubstr("SU-KG  Kirghiz SSR"));
}

TEST(StateCommand, FindsHistoricalNamesAndCodesOfOtherSchemes) {
  EXPECT_THAT(Dyad("state Kirghizia").output, HasSubstr("Kyrgyzstan (KGZ)"));
  EXPECT_THAT(Dyad("state KYR").output, HasSubstr("Kyrgyzstan (KGZ)"));
  EXPECT_THAT(Dyad("state SU-KG").output, HasSubstr("Kirghiz SSR (SU-KG)"));
}

TEST(StateCommand, AsOfShowsOnlyTheCodesValidThen) {
  CmdResult r = Dyad("state DEU --as-of 1970");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("Codes on 1970"));
  EXPECT_THAT(r.output, Not(HasSubstr("cow       255")));
}

TEST(StateCommand, JsonHasCodesNamesAndLinks) {
  CmdResult r = Dyad("state KGZ --format json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("\"key\": \"KGZ\""));
  EXPECT_THAT(r.output, HasSubstr("\"kind\": \"predecessor\""));
}

TEST(StateCommand, AmbiguityListsCandidatesAndExitsOne) {
  CmdResult r = Dyad("state Congo");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("COD"));
  EXPECT_THAT(r.output, HasSubstr("COG"));
}

TEST(StateCommand, UnknownNameIsAClearErrorWithSuggestions) {
  CmdResult r = Dyad("state Germny");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("no state matches 'Germny'; did you mean Germany (DEU)"));
}

TEST(StateCommand, BadDateAndFormatAreUsageErrors) {
  CmdResult r = Dyad("state KGZ --as-of 2024-02-30");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("2024-02-30"));
  EXPECT_EQ(Dyad("state KGZ --format xml").exit_code, 2);
}

TEST(ConvertCommand, ConvertsBetweenSchemesAsOfADate) {
  EXPECT_EQ(Dyad("convert 703 --from cow --to iso3").output, "KGZ\n");
  EXPECT_EQ(Dyad("convert KG --from fips --to cameo").output, "KGZ\n");
  EXPECT_EQ(Dyad("convert 345 --from cow --to iso4 --on 1980").output, "YUCS\n");
  CmdResult r = Dyad("convert 260 --from cow --to iso3 --on 2000");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("cow code '260' is not valid on 2000"));
}

TEST(ConvertCommand, UnknownSchemeIsAUsageError) {
  CmdResult r = Dyad("convert 703 --from klingon --to iso3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("unknown code scheme 'klingon'"));
}

}  // namespace
