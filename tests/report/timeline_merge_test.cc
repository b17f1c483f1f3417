// The rule for one line per occurrence (report/timeline_merge.h), on hand-made items.
#include "report/timeline_merge.h"

#include <gtest/gtest.h>

namespace dyad::report {
namespace {

OccurrenceStatement Visit(const std::string& id, const std::string& when, const std::string& text, Cites cite) {
  OccurrenceStatement o;
  o.id = id;
  o.kind = "visit";
  o.start = Date::ParseIso("2015-10-31").value();
  o.when = when;
  o.text = text;
  o.cite = std::move(cite);
  o.states = {"KGZ", "USA"};
  return o;
}

TimelineItem Item(OccurrenceStatement o) { return {std::nullopt, std::move(o)}; }

OccurrenceStatement WithVisitor(OccurrenceStatement o, const std::string& name) {
  o.people.push_back({"person:x", name, "visitor"});
  return o;
}

TEST(TimelineMergeTest, OneVisitFromTwoSourcesIsOneStatementWithBothCitations) {
  auto items = MergeSameOccurrences({Item(WithVisitor(Visit("a", "31 October 2015", "Kerry visits", {1}), "John Forbes Kerry")),
                                     Item(WithVisitor(Visit("b", "31 October 2015", "John Kerry visited Bishkek", {2}), "John Kerry"))});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].occurrence->id, "b");  // the sentence that says more
  EXPECT_EQ(items[0].occurrence->cite, (Cites{2, 1}));
  EXPECT_EQ(items[0].occurrence->same_as, std::vector<std::string>{"a"});
  EXPECT_TRUE(items[0].occurrence->also.empty());  // same dates: no "another source gives"
}

TEST(TimelineMergeTest, OtherDatesOfTheSameVisitAreKeptAsAnotherSourceGives) {
  auto items = MergeSameOccurrences({Item(Visit("a", "31 October 2015 – 1 November 2015", "short", {1})),
                                     Item(Visit("b", "31 October 2015", "the longer sentence", {2}))});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].occurrence->also.size(), 1u);
  EXPECT_EQ(items[0].occurrence->also[0].when, "31 October 2015 – 1 November 2015");
  EXPECT_EQ(items[0].occurrence->also[0].cite, Cites{1});
}

TEST(TimelineMergeTest, TwoVisitorsOnOneDayAreTwoVisits) {
  auto items = MergeSameOccurrences({Item(WithVisitor(Visit("a", "d", "x", {1}), "John Kerry")),
                                     Item(WithVisitor(Visit("b", "d", "y", {2}), "Hillary Rodham Clinton"))});
  EXPECT_EQ(items.size(), 2u);
}

TEST(TimelineMergeTest, OneSourceNeverRepeatsItself) {
  auto items = MergeSameOccurrences({Item(Visit("a", "d", "x", {1})), Item(Visit("b", "d", "y", {1, 2}))});
  EXPECT_EQ(items.size(), 2u);
}

TEST(TimelineMergeTest, AVisitThereIsNotAVisitHere) {
  OccurrenceStatement there = Visit("a", "d", "x", {1}), here = Visit("b", "d", "y", {2});
  there.place_state = "KGZ";
  here.place_state = "USA";
  EXPECT_EQ(MergeSameOccurrences({Item(there), Item(here)}).size(), 2u);
}

TEST(TimelineMergeTest, OtherStatesOrKindsOrDaysAreOtherOccurrences) {
  OccurrenceStatement other_states = Visit("b", "d", "y", {2}), other_kind = Visit("c", "d", "z", {3}),
                      other_day = Visit("e", "d", "w", {4});
  other_states.states = {"KAZ", "USA"};
  other_kind.kind = "meeting";
  other_day.start = Date::ParseIso("2015-10").value();  // a month is not the day
  EXPECT_EQ(MergeSameOccurrences({Item(Visit("a", "d", "x", {1})), Item(other_states), Item(other_kind), Item(other_day)})
                .size(),
            4u);
}

TEST(TimelineMergeTest, AnAgreementsRecordedEndAndTheAccountOfItAreOneLine) {
  FactStatement f;
  f.relation = kb::Relation::kAgreementTerminated;
  f.subject = "agr:x";
  f.start = Date::ParseIso("2015-07").value();
  f.when = "July 2015";
  f.text = "The agreement of 1993 was terminated by Kyrgyzstan";
  f.cite = {4};
  OccurrenceStatement o = Visit("occ:end", "July 2015", "Kyrgyzstan ended it", {4, 12});
  o.kind = "termination";
  o.start = f.start;
  o.participants.push_back({"agr:x", "The agreement", "subject"});
  OccurrenceStatement unrelated = o;
  unrelated.participants.clear();
  auto items = MergeSameOccurrences({TimelineItem{f, std::nullopt}, Item(o), Item(unrelated)});
  ASSERT_EQ(items.size(), 2u);
  ASSERT_TRUE(items[0].fact.has_value());
  EXPECT_EQ(items[0].fact->cite, (Cites{4, 12}));
}

TEST(TimelineMergeTest, TheSameLineTwiceFromOneSourceIsOneLine) {
  auto items = MergeSameOccurrences({Item(Visit("a", "28 February 1988", "Shultz visits Israel", {1})),
                                     Item(Visit("b", "28 February 1988", "Shultz visits Israel", {1}))});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].occurrence->same_as, std::vector<std::string>{"b"});
}

}  // namespace
}  // namespace dyad::report
