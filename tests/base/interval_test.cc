#include "base/interval.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

int32_t Day(std::string_view text) { return Date::Parse(text)->first_day(); }

TEST(Interval, ParsesEdtfWithOpenEnds) {
  EXPECT_EQ(Interval::Parse("1991-12-25/1994-10-11")->ToString(), "1991-12-25/1994-10-11");
  EXPECT_TRUE(Interval::Parse("1998-12-20/..")->open_end());
  EXPECT_TRUE(Interval::Parse("../2015-07")->open_start());
  EXPECT_EQ(Interval::Parse("..")->ToString(), "..");
  EXPECT_FALSE(Interval::Parse("1998").ok());
  EXPECT_FALSE(Interval::Parse("1998-02-30/..").ok());
}

TEST(Interval, RejectsEndBeforeStart) {
  Result<Interval> i = Interval::Parse("2015-07/2001");
  ASSERT_FALSE(i.ok());
  EXPECT_NE(i.status().message().find("before it starts"), std::string::npos);
  // A partial start may still share days with a precise end.
  EXPECT_TRUE(Interval::Parse("1998-12/1998-12-05").ok());
}

TEST(Interval, PossibleAndDefiniteContainment) {
  Interval since_dec = *Interval::Parse("1998-12/..");
  EXPECT_TRUE(since_dec.ContainsDay(Day("1998-12-05")));
  EXPECT_FALSE(since_dec.DefinitelyContainsDay(Day("1998-12-05")));
  EXPECT_TRUE(since_dec.DefinitelyContainsDay(Day("1999-01-01")));
  EXPECT_FALSE(since_dec.ContainsDay(Day("1998-11-30")));

  Interval until_july = *Interval::Parse("1993/2015-07");
  EXPECT_TRUE(until_july.ContainsDay(Day("2015-07-31")));
  EXPECT_FALSE(until_july.ContainsDay(Day("2015-08-01")));
  EXPECT_TRUE(until_july.ContainsDay(Day("1993-01-01")));
}

TEST(Interval, EndIsInclusive) {
  Interval term = *Interval::Parse("1992-09-17/1994-10-11");
  EXPECT_TRUE(term.ContainsDay(Day("1994-10-11")));
  EXPECT_FALSE(term.ContainsDay(Day("1994-10-12")));
}

TEST(Interval, Overlaps) {
  Interval a = *Interval::Parse("1992/1994");
  EXPECT_TRUE(a.Overlaps(*Interval::Parse("1994-12/..")));
  EXPECT_FALSE(a.Overlaps(*Interval::Parse("1995/..")));
  EXPECT_TRUE(Interval::Always().Overlaps(a));
  EXPECT_TRUE(a.ContainsDate(*Date::Parse("1993-06")));
}

}  // namespace
}  // namespace dyad
