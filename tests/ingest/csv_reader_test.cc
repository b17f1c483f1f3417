// The interim CSV reader and the lenient date reader as specifications.
#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include "ingest/messy_date.h"

namespace dyad::ingest {
namespace {

std::unique_ptr<CsvReader> Csv(std::string text, CsvOptions o = {}) {
  return CsvReader::FromString(std::move(text), "t.csv", o);
}

TEST(CsvReader, QuotedFieldKeepsNewlinesAndDoubledQuotes) {
  auto csv = Csv("a,b\n\"x\ny\",\"say \"\"hi\"\"\"\nz,w\n");
  ASSERT_TRUE(csv->Next());
  ASSERT_TRUE(csv->Next());
  EXPECT_EQ(csv->line(), 2u);
  ASSERT_EQ(csv->size(), 2u);
  EXPECT_EQ(csv->field(0), "x\ny");
  EXPECT_EQ(csv->field(1), "say \"hi\"");
  ASSERT_TRUE(csv->Next());
  EXPECT_EQ(csv->line(), 4u);
  EXPECT_EQ(csv->field(0), "z");
  EXPECT_FALSE(csv->Next());
}

TEST(CsvReader, TheStringNaIsDataAndAnEmptyUnquotedFieldIsMissing) {
  auto csv = Csv("\"NA\",,\"\"\n");
  ASSERT_TRUE(csv->Next());
  ASSERT_EQ(csv->size(), 3u);
  EXPECT_EQ(csv->field(0), "NA");
  EXPECT_TRUE(csv->quoted(0));
  EXPECT_EQ(csv->field(1), "");
  EXPECT_FALSE(csv->quoted(1));
  EXPECT_TRUE(csv->quoted(2));
}

TEST(CsvReader, TrailingDelimiterMakesAnEmptyLastField) {
  auto csv = Csv("a;b;\n", CsvOptions{';', false});
  ASSERT_TRUE(csv->Next());
  ASSERT_EQ(csv->size(), 3u);
  EXPECT_EQ(csv->field(2), "");
}

TEST(CsvReader, UnquotedModeKeepsQuotesAsText) {
  auto csv = Csv("a \"b\";c\n", CsvOptions{';', false});
  ASSERT_TRUE(csv->Next());
  EXPECT_EQ(csv->field(0), "a \"b\"");
  EXPECT_TRUE(csv->error().empty());
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnErrorWithItsColumn) {
  auto csv = Csv("1,\"ab\"c,3\n4,5,6\n");
  ASSERT_TRUE(csv->Next());
  EXPECT_EQ(csv->error(), "text after the closing quote of a field");
  EXPECT_EQ(csv->error_column(), 2);
  ASSERT_TRUE(csv->Next());
  EXPECT_TRUE(csv->error().empty());
}

TEST(CsvReader, AQuoteLeftOpenAtEndOfInputIsAnError) {
  auto csv = Csv("1,\"never closed\n2,3\n");
  ASSERT_TRUE(csv->Next());
  EXPECT_EQ(csv->error(), "quoted field not closed before end of input");
  EXPECT_FALSE(csv->Next());
}

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
