// The lenient date reader of the relations importers as a specification.
#include "ingest/messy_date.h"

#include <gtest/gtest.h>

namespace dyad::ingest {
namespace {

std::string Read(std::string_view text) {
  MessyDate d = ParseMessyDate(text);
  switch (d.kind) {
    case MessyDate::Kind::kMissing: return "missing";
    case MessyDate::Kind::kDate: return d.date->ToString();
    case MessyDate::Kind::kPlaceholder: return "placeholder";
    case MessyDate::Kind::kUnparsed: return "unparsed";
  }
  return "";
}

TEST(MessyDate, PlainFormsKeepTheirPrecision) {
  EXPECT_EQ(Read(""), "missing");
  EXPECT_EQ(Read("1998"), "1998");
  EXPECT_EQ(Read("1998-12"), "1998-12");
  EXPECT_EQ(Read("1998-12-20"), "1998-12-20");
  EXPECT_EQ(Read("1927-01-01T00:00:00Z"), "1927-01-01");
}

TEST(MessyDate, MarkersBecomeFlags) {
  EXPECT_EQ(Read("1890-12-20?"), "1890-12-20?");
  EXPECT_EQ(Read("1961-01-26~"), "1961-01-26~");
  EXPECT_EQ(Read("1961-01%"), "1961-01%");
}

TEST(MessyDate, UnspecifiedPartsAndRangesGiveNoMorePrecisionThanTheText) {
  EXPECT_EQ(Read("1964-XX-16"), "1964");
  EXPECT_EQ(Read("2010-XX-XX-"), "2010");
  EXPECT_EQ(Read("1990-05-XX"), "1990-05");
  EXPECT_EQ(Read("1981-09..1981-10"), "1981");
  EXPECT_EQ(Read("1981-09-01..1981-09-20"), "1981-09");
  EXPECT_EQ(Read("1981..1983"), "unparsed");
}

TEST(MessyDate, PlaceholdersAreNoDate) {
  EXPECT_EQ(Read("9999-12-31"), "placeholder");
  EXPECT_EQ(Read("2899-01-01"), "placeholder");
  EXPECT_EQ(Read("0004"), "placeholder");
}

TEST(MessyDate, GarbageIsUnparsedWithAReason) {
  MessyDate d = ParseMessyDate("0014-022005");
  EXPECT_EQ(d.kind, MessyDate::Kind::kPlaceholder);  // a year before 1000 is no date
  d = ParseMessyDate("1964-022005");
  EXPECT_TRUE(d.bad());
  EXPECT_NE(d.reason.find("1964-022005"), std::string::npos);
  EXPECT_TRUE(ParseMessyDate("1991-02-30").bad());
  EXPECT_TRUE(ParseMessyDate("soon").bad());
}

}  // namespace
}  // namespace dyad::ingest
