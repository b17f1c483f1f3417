// The kind vocabulary shared by `dyad facts --kind` and the API's facts?kind=.
#include <gtest/gtest.h>

#include "kb/fact_kinds.h"

namespace dyad::kb {
namespace {

Fact FactOf(Relation r) {
  Fact f;
  f.relation = r;
  return f;
}

TEST(FactKinds, AFamilyMatchesItsRelationsAndNoOthers) {
  EXPECT_TRUE(FactMatchesKind("envoys", FactOf(Relation::kChiefOfMission)));
  EXPECT_TRUE(FactMatchesKind("envoys", FactOf(Relation::kPostVacant)));
  EXPECT_FALSE(FactMatchesKind("envoys", FactOf(Relation::kRelationsEstablished)));
  EXPECT_TRUE(FactMatchesKind("relations", FactOf(Relation::kRelationsSevered)));
  EXPECT_TRUE(FactMatchesKind("chief_of_mission", FactOf(Relation::kChiefOfMission)));
  EXPECT_FALSE(FactMatchesKind("chief_of_mission", FactOf(Relation::kPostVacant)));
}

TEST(FactKinds, FactsAndOccurrencesSelectOneSide) {
  EXPECT_TRUE(KindWantsFacts("facts"));
  EXPECT_FALSE(KindWantsOccurrences("facts"));
  for (const char* k : {"occurrences", "events"}) {
    EXPECT_FALSE(KindWantsFacts(k)) << k;
    EXPECT_TRUE(KindWantsOccurrences(k)) << k;
  }
  EXPECT_TRUE(KindWantsFacts("") && KindWantsOccurrences(""));
  Occurrence visit;
  visit.kind = "visit";
  visit.cameo = "042";
  EXPECT_TRUE(OccurrenceMatchesKind("visit", visit));
  EXPECT_TRUE(OccurrenceMatchesKind("042", visit));
  EXPECT_FALSE(OccurrenceMatchesKind("protest", visit));
}

TEST(FactKinds, TheVocabularyNamesEveryFamily) {
  for (std::string_view family : RelationFamilies()) {
    EXPECT_NE(KindVocabulary().find(family), std::string_view::npos) << family;
  }
}

}  // namespace
}  // namespace dyad::kb
