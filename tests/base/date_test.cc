#include "base/date.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

Date D(std::string_view text) {
  Result<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text << ": " << d.status().ToString();
  return d.ok() ? *d : Date();
}

TEST(Date, ParsesIsoAtEachPrecision) {
  EXPECT_EQ(D("1998").ToString(), "1998");
  EXPECT_EQ(D("1998").precision(), DatePrecision::kYear);
  EXPECT_EQ(D("1998-12").ToString(), "1998-12");
  EXPECT_EQ(D("1998-12").precision(), DatePrecision::kMonth);
  EXPECT_EQ(D("1998-12-20").ToString(), "1998-12-20");
  EXPECT_EQ(D("1998-12-20").precision(), DatePrecision::kDay);
}

TEST(Date, ParsesEdtfQualifiers) {
  Date d = D("2001-12~");
  EXPECT_TRUE(d.approximate());
  EXPECT_FALSE(d.uncertain());
  EXPECT_EQ(d.ToString(), "2001-12~");
  EXPECT_TRUE(D("2001?").uncertain());
  EXPECT_EQ(D("2001%").ToString(), "2001%");
}

TEST(Date, ParsesEnglishFormsFoundInSources) {
  EXPECT_EQ(D("December 26, 1991").ToString(), "1991-12-26");
  EXPECT_EQ(D("26 December 1991").ToString(), "1991-12-26");
  EXPECT_EQ(D("Dec. 1998").ToString(), "1998-12");
  EXPECT_EQ(D("Dec 26 1991").ToString(), "1991-12-26");
  EXPECT_EQ(D("July 2015").ToString(), "2015-07");
  EXPECT_EQ(D("Sept. 2001").ToString(), "2001-09");
  EXPECT_EQ(D("1993").ToString(), "1993");
  EXPECT_EQ(D("1st March 2004").ToString(), "2004-03-01");
  EXPECT_EQ(D("c. 1993").ToString(), "1993~");
}

TEST(Date, AcceptsWikidataAndCompactForms) {
  EXPECT_EQ(D("+2001-12-31T00:00:00Z").ToString(), "2001-12-31");
  EXPECT_EQ(Date::ParseCompact("19911225")->ToString(), "1991-12-25");
  EXPECT_EQ(Date::ParseCompact("201507")->ToString(), "2015-07");
  EXPECT_FALSE(Date::ParseCompact("20150732").ok());
}

TEST(Date, RejectsImpossibleDatesWithAClearMessage) {
  Result<Date> d = Date::Parse("2024-02-30");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(d.status().message().find("2024-02-30"), std::string::npos);
  EXPECT_NE(d.status().message().find("February 2024"), std::string::npos);
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
  EXPECT_FALSE(Date::Parse("2023-02-29").ok());
  EXPECT_FALSE(Date::Parse("1998-13").ok());
  EXPECT_FALSE(Date::Parse("1998-00").ok());
  EXPECT_FALSE(Date::Parse("0000").ok());
  EXPECT_FALSE(Date::Parse("").ok());
  EXPECT_FALSE(Date::Parse("Smarch 1998").ok());
  EXPECT_FALSE(Date::Parse("31 June 2001").ok());
  EXPECT_FALSE(Date::Parse("98-12-20").ok());
}

TEST(Date, PartialDatesCompareAsRangesOfDays) {
  EXPECT_EQ(D("1998-12").Compare(D("1998-12-20")), DateRelation::kContains);
  EXPECT_EQ(D("1998-12-20").Compare(D("1998-12")), DateRelation::kWithin);
  EXPECT_EQ(D("1998-11").Compare(D("1998-12-20")), DateRelation::kBefore);
  EXPECT_EQ(D("1999").Compare(D("1998-12-20")), DateRelation::kAfter);
  EXPECT_EQ(D("1998").Compare(D("1998")), DateRelation::kSame);
  EXPECT_TRUE(D("1998-11").DefinitelyBefore(D("1998-12-20")));
  EXPECT_FALSE(D("1998-12").DefinitelyBefore(D("1998-12-20")));
}

TEST(Date, TotalOrderPutsCoarserFirstAtTheSameStart) {
  EXPECT_LT(D("1998"), D("1998-01"));
  EXPECT_LT(D("1998-01"), D("1998-01-01"));
  EXPECT_LT(D("1998-01-01"), D("1998-01-02"));
  EXPECT_LT(D("1998-12-31"), D("1999"));
  EXPECT_LT(D("1998-01-01"), D("1998-01-01~"));
}

TEST(Date, DayArithmeticRoundTrips) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(D("1991-12-25").first_day(), DaysFromCivil(1991, 12, 25));
  EXPECT_EQ(D("2000-02").last_day() - D("2000-02").first_day(), 28);
  for (int32_t day = -800000; day < 3000000; day += 997) {
    EXPECT_EQ(Date::FromDays(day).first_day(), day);
  }
}

TEST(Date, WritesEnglish) {
  EXPECT_EQ(D("1991-12-25").ToEnglish(), "25 December 1991");
  EXPECT_EQ(D("2015-07").ToEnglish(), "July 2015");
  EXPECT_EQ(D("1993~").ToEnglish(), "c. 1993");
}

}  // namespace
}  // namespace dyad
