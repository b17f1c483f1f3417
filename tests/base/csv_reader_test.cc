#include "base/csv_reader.h"

#include <gtest/gtest.h>

#include "base/file.h"
#include "base/paths.h"

namespace dyad {
namespace {

std::unique_ptr<CsvReader> Read(std::string text, RejectSink* sink = nullptr, CsvOptions o = {}) {
  auto r = CsvReader::FromString(std::move(text), "t.csv", o, sink);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return std::move(r).value();
}

TEST(CsvReader, QuotedFieldsHoldDelimitersDoubledQuotesAndNewlines) {
  auto r = Read("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n3,4,5\n");
  CsvRow row;
  ASSERT_TRUE(r->Next(&row));
  EXPECT_EQ(row[0], "x,1");
  EXPECT_EQ(row[1], "say \"hi\"");
  EXPECT_EQ(row[2], "two\nlines");
  EXPECT_EQ(r->line(), 2u);
  ASSERT_TRUE(r->Next(&row));
  EXPECT_EQ(row[2], "5");
  EXPECT_EQ(r->line(), 4u) << "the second record starts after the two-line field";
  EXPECT_EQ(r->row(), 2u);
  EXPECT_FALSE(r->Next(&row));
}

TEST(CsvReader, UnquotedEmptyIsMissingQuotedEmptyIsEmptyAndNaIsData) {
  auto r = Read("code,name,x\nNA,\"\",\n\"NA\",Namibia,1\n");
  CsvRow row;
  ASSERT_TRUE(r->Next(&row));
  EXPECT_EQ(row[0], "NA");
  EXPECT_FALSE(row.missing(0));
  EXPECT_EQ(row[1], "");
  EXPECT_FALSE(row.missing(1)) << "\"\" is the empty string, not missing";
  EXPECT_TRUE(row.missing(2));
  EXPECT_EQ(row.Int(2), std::nullopt);
  ASSERT_TRUE(r->Next(&row));
  EXPECT_EQ(row[0], "NA");
  EXPECT_EQ(row.Int(2), 1);
}

TEST(CsvReader, KeepsSpacesCrlfAndDropsBom) {
  auto r = Read("\xEF\xBB\xBFid,v\r\n 1 , a \r\n");
  EXPECT_EQ(r->header()[0], "id");
  EXPECT_EQ(r->Column("v"), 1);
  CsvRow row;
  ASSERT_TRUE(r->Next(&row));
  EXPECT_EQ(row[0], " 1 ");
  EXPECT_EQ(row[1], " a ");
  EXPECT_EQ(row.Int(0), std::nullopt) << "numbers are not trimmed into validity";
}

TEST(CsvReader, RejectsBadRowsWithFileLineColumnReasonAndGoesOn) {
  std::string path = testing::TempDir() + "/csv_rejects.tsv";
  auto sink = RejectSink::Open(path);
  ASSERT_TRUE(sink.ok());
  auto r = Read("a,b\n1,2,3\n4\n\"bad\"x,5\n6,\xff\n7,8\n", &*sink);
  CsvRow row;
  ASSERT_TRUE(r->Next(&row));
  EXPECT_EQ(row[0], "7") << "every bad row before it is rejected, the good one survives";
  EXPECT_EQ(r->line(), 6u);
  EXPECT_EQ(r->row(), 5u);
  EXPECT_FALSE(r->Next(&row));
  ASSERT_TRUE(sink->Close().ok());
  EXPECT_EQ(r->counts().read, 5u);
  EXPECT_EQ(r->counts().rejected, 4u);
  EXPECT_EQ(r->counts().rejected_by_reason.at("column-count"), 2u);
  EXPECT_EQ(r->counts().rejected_by_reason.at("bad-quote"), 1u);
  EXPECT_EQ(r->counts().rejected_by_reason.at("bad-utf8"), 1u);
  std::string text = *ReadFile(path);
  EXPECT_NE(text.find("t.csv\t2\t3\t3 fields, the header has 2\t1,2,3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("t.csv\t3\t2\t1 fields, the header has 2\t4\n"), std::string::npos) << text;
  EXPECT_NE(text.find("t.csv\t4\t1\tbad quoting"), std::string::npos) << text;
  EXPECT_NE(text.find("t.csv\t5\t2\tinvalid UTF-8"), std::string::npos) << text;
}

TEST(CsvReader, UnterminatedQuoteAtEndIsRejectedNotLost) {
  auto r = Read("a,b\n1,2\n3,\"open\n");
  CsvRow row;
  ASSERT_TRUE(r->Next(&row));
  EXPECT_FALSE(r->Next(&row));
  EXPECT_TRUE(r->status().ok());
  EXPECT_EQ(r->counts().rejected_by_reason.at("bad-quote"), 1u);
}

TEST(CsvReader, CallerRejectsAFieldThatDoesNotParse) {
  auto r = Read("year\n19x6\n");
  CsvRow row;
  ASSERT_TRUE(r->Next(&row));
  ASSERT_EQ(row.Int(0), std::nullopt);
  r->Reject(1, "bad-year", "not a year");
  EXPECT_EQ(r->counts().rejected_by_reason.at("bad-year"), 1u);
}

TEST(CsvReader, SemicolonsWithoutQuotingAndATrailingEmptyHeaderName) {
  CsvOptions o;
  o.delimiter = ';';
  o.quote = '\0';
  o.allow_trailing_empty_header = true;
  auto r = Read("op;author;\nFrance;<a href=\"x\">me</a>\n", nullptr, o);
  ASSERT_EQ(r->header().size(), 2u);
  CsvRow row;
  ASSERT_TRUE(r->Next(&row));
  EXPECT_EQ(row[1], "<a href=\"x\">me</a>");
}

TEST(CsvReader, MissingHeaderColumnIsNamed) {
  auto r = Read("a,b\n");
  auto cols = r->Columns({"a", "zz"});
  ASSERT_FALSE(cols.ok());
  EXPECT_NE(cols.status().message().find("'zz'"), std::string::npos);
}

// Real files from ../shared: the TFDD agreements hold quoted newlines; the UN votes hold
// Namibia's "NA". Row counts are those SOURCES.tsv gives.
TEST(CsvReader, RealFilesReadWithTheirDocumentedRowCounts) {
  std::string dir = SharedDir() + "/data/relations";
  if (!FileExists(dir + "/manytreaties/agreements_TFDD.csv")) GTEST_SKIP() << "shared data absent: " << dir;
  auto r = CsvReader::Open(dir + "/manytreaties/agreements_TFDD.csv");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  CsvRow row;
  bool saw_newline = false;
  while ((*r)->Next(&row))
    for (size_t i = 0; i < row.size(); ++i) saw_newline |= row[i].find('\n') != std::string_view::npos;
  EXPECT_EQ((*r)->counts().read, 953u);
  EXPECT_EQ((*r)->counts().rejected, 0u);
  EXPECT_TRUE(saw_newline);

  auto v = CsvReader::Open(dir + "/unvotes/un_roll_calls.csv.gz");
  ASSERT_TRUE(v.ok());
  while ((*v)->Next(&row)) {}
  EXPECT_EQ((*v)->counts().read, 6203u);
  EXPECT_EQ((*v)->counts().rejected, 0u);
}

}  // namespace
}  // namespace dyad
