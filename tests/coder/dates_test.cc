#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coder/dates.h"

namespace dyad::coder {
namespace {

std::vector<std::string> DatesIn(const std::string& sentence, const std::string& document = "",
                                 const std::string& anchor = "") {
  DateContext ctx;
  if (!document.empty()) ctx.document = *Date::ParseIso(document);
  if (!anchor.empty()) ctx.anchor = *Date::ParseIso(anchor);
  std::vector<std::string> out;
  for (const DateMention& d : FindDates(Tokenize(sentence), ctx)) out.push_back(d.date.ToString());
  return out;
}

TEST(FindDates, AbsoluteDatesKeepTheirPrecision) {
  EXPECT_EQ(DatesIn("The United States recognized Kyrgyzstan on December 26, 1991."),
            std::vector<std::string>{"1991-12-26"});
  EXPECT_EQ(DatesIn("It opened in December 2001 and closed on 3 June 2014."),
            (std::vector<std::string>{"2001-12", "2014-06-03"}));
  EXPECT_EQ(DatesIn("a treaty signed by the two countries in 1993"), std::vector<std::string>{"1993"});
  EXPECT_EQ(DatesIn("By Dec. 1998 it had joined."), std::vector<std::string>{"1998-12"});
}

TEST(FindDates, AYearThatModifiesANounIsNoDate) {
  EXPECT_TRUE(DatesIn("Kyrgyzstan ended the 1993 treaty and its 2014 award.").empty());
}

TEST(FindDates, DeicticDatesNeedTheDocumentDate) {
  // 2015-10-31 was a Saturday.
  EXPECT_EQ(DatesIn("Washington warned Bishkek on Tuesday.", "2015-10-31"),
            std::vector<std::string>{"2015-10-27"});
  EXPECT_EQ(DatesIn("It happened on Saturday.", "2015-10-31"), std::vector<std::string>{"2015-10-31"});
  EXPECT_EQ(DatesIn("Last year Russia objected.", "2015-10-31"), std::vector<std::string>{"2014"});
  EXPECT_EQ(DatesIn("They met yesterday.", "2015-10-31"), std::vector<std::string>{"2015-10-30"});
  EXPECT_EQ(DatesIn("They met two years ago.", "2015-10-31"), std::vector<std::string>{"2013-10"});
  EXPECT_TRUE(DatesIn("Washington warned Bishkek on Tuesday.").empty());
}

TEST(FindDates, AnaphoricDatesCountFromTheAnchor) {
  EXPECT_EQ(DatesIn("Three months later, Kerry visited Kyrgyzstan.", "", "2015-07"),
            std::vector<std::string>{"2015-10"});
  EXPECT_EQ(DatesIn("This led to relaxation the following month.", "", "1994-01"),
            std::vector<std::string>{"1994-02"});
  EXPECT_EQ(DatesIn("A year later they met.", "", "1993"), std::vector<std::string>{"1994"});
  EXPECT_EQ(DatesIn("The next day they met.", "", "2000-02-28"), std::vector<std::string>{"2000-02-29"});
  EXPECT_EQ(DatesIn("In July the talks resumed.", "", "2015-03"), std::vector<std::string>{"2015-07"});
}

TEST(FindDates, TheModalMayIsNoMonth) {
  EXPECT_TRUE(DatesIn("Pakistan may expel diplomats.", "2019-11-20").empty());
  EXPECT_EQ(DatesIn("It introduced the som in May 1993."), std::vector<std::string>{"1993-05"});
}

}  // namespace
}  // namespace dyad::coder
