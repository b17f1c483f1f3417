// How the date of the event an rdcr heading names is read from the entry's text.
#include "ingest/historian_dates.h"

#include <gtest/gtest.h>

namespace dyad::ingest {
namespace {

std::string Pick(std::string_view text, RdcrEvent event, std::string_view heading) {
  auto d = PickEventDate(text, event, HeadingYears(heading));
  return d ? d->date.ToString() : "";
}

TEST(HistorianDates, AMonthAndDayWithoutAYearTakesThePreviousDatesYear) {
  auto dates = FindEnglishDates("who had died on November 16, 1797, before. On December 5, "
                                "however, the king received him. In May 1798 he left.", 0);
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].date.ToString(), "1797-11-16");
  EXPECT_EQ(dates[1].date.ToString(), "1797-12-05");
  EXPECT_EQ(dates[2].date.ToString(), "1798-05");
  EXPECT_TRUE(FindEnglishDates("In May the Legation closed.", 0).empty());  // a bare month
}

TEST(HistorianDates, HeadingYearsAreItsLastYearOrRange) {
  EXPECT_EQ(HeadingYears("Reestablishment of Diplomatic Relations, 1921.")->first, 1921);
  auto frg = HeadingYears("Division of Germany and the Establishment of Diplomatic Relations "
                          "with the German Federal Republic (FRG), 1949-1955.");
  ASSERT_TRUE(frg.has_value());
  EXPECT_EQ(frg->first, 1949);
  EXPECT_EQ(frg->second, 1955);
  auto cessation = HeadingYears("Cessation of Relations, 1838-40.");
  EXPECT_EQ(cessation->second, 1840);
  EXPECT_EQ(HeadingYears("U.S. Recognition of Honduran Independence, 1824 & 1853.")->first, 1853);
  EXPECT_FALSE(HeadingYears("Consular Presence").has_value());
}

TEST(HistorianDates, ADateAfterFollowingIsOfAnEarlierEvent) {
  EXPECT_EQ(Pick("Following the German surrender to the Allied powers on May 8, 1945, Germany "
                 "was occupied. The United States established full diplomatic relations with "
                 "the FRG on May 6, 1955, when the FRG Mission was raised to Embassy status.",
                 RdcrEvent::kRelationsUp, "Relations with the FRG, 1945-1955."),
            "1955-05-06");
}

TEST(HistorianDates, EachEventOfAHeadingTakesItsOwnDate) {
  const std::string text =
      "The United States and the GDR established diplomatic relations, which occurred on "
      "September 4, 1974, when the two released a joint communique. The American Embassy in "
      "Berlin was established on December 9, 1974, with a Charge d'Affaires.";
  const std::string head = "Recognition of the GDR, and the Establishment of Diplomatic "
                           "Relations and the American Embassy in Berlin, 1974.";
  EXPECT_EQ(Pick(text, RdcrEvent::kRelationsUp, head), "1974-09-04");
  EXPECT_EQ(Pick(text, RdcrEvent::kMissionOpened, head), "1974-12-09");
}

TEST(HistorianDates, ANominationIsNotTheEstablishment) {
  EXPECT_EQ(Pick("On June 1, 1797, John Quincy Adams was nominated to serve as the Minister to "
                 "Prussia. During a private audience on December 5, however, the new king "
                 "formally recognized Adams as the accredited U.S. Minister.",
                 RdcrEvent::kRelationsUp, "Establishment of Diplomatic Relations with Prussia, 1797."),
            "1797-12-05");
}

TEST(HistorianDates, SeveralMonthsLaterIsNoSeverance) {
  EXPECT_EQ(Pick("On April 8, 1917, Austro-Hungarian Empire severed diplomatic relations with "
                 "the United States. Several months later, on December 7, 1917, the United "
                 "States declared war upon Austria-Hungary.",
                 RdcrEvent::kRelationsDown, "Termination of Diplomatic Relations, 1917."),
            "1917-04-08");
}

TEST(HistorianDates, TheOtherStatesMissionInWashingtonIsNotTheUsMissionsEvent) {
  EXPECT_EQ(Pick("The U.S. Liaison Office was established on June 28, 2004. Libyan diplomats "
                 "opened the Libyan Interests Section in Washington on July 8, 2004.",
                 RdcrEvent::kMissionOpened, "Liaison Office Established, 2004."),
            "2004-06-28");
}

TEST(HistorianDates, NoDateInTheHeadingsYearsPicksNothing) {
  EXPECT_EQ(Pick("It was opened on July 13, 1832.", RdcrEvent::kMissionOpened,
                 "Closure of the Consulate, 1946."),
            "");
}

}  // namespace
}  // namespace dyad::ingest
