// world::StateInText: how a state's name reads inside an English sentence.
#include "world/prose_name.h"

#include <gtest/gtest.h>

namespace dyad::world {
namespace {

TEST(StateInText, NamesEnglishWritesWithTheArticleTakeIt) {
  EXPECT_EQ(StateInText("United States"), "the United States");
  EXPECT_EQ(StateInText("United States of America"), "the United States of America");
  EXPECT_EQ(StateInText("Gambia"), "the Gambia");
  EXPECT_EQ(StateInText("Holy See"), "the Holy See");
  EXPECT_EQ(StateInText("Soviet Union"), "the Soviet Union");
}

TEST(StateInText, CookIslandsAndOtherPluralNamesTakeTheArticle) {
  EXPECT_EQ(StateInText("Cook Islands"), "the Cook Islands");
  EXPECT_EQ(StateInText("Marshall Islands"), "the Marshall Islands");
  EXPECT_EQ(StateInText("Solomon Islands"), "the Solomon Islands");
  EXPECT_EQ(StateInText("United Arab Emirates"), "the United Arab Emirates");
}

TEST(StateInText, FormalNamesTakeTheArticle) {
  EXPECT_EQ(StateInText("Republic of the Congo"), "the Republic of the Congo");
  EXPECT_EQ(StateInText("Democratic Republic of the Congo"),
            "the Democratic Republic of the Congo");
  EXPECT_EQ(StateInText("Czech Republic"), "the Czech Republic");
  EXPECT_EQ(StateInText("Federated States of Micronesia"), "the Federated States of Micronesia");
  EXPECT_EQ(StateInText("Kingdom of Spain"), "the Kingdom of Spain");
}

TEST(StateInText, OrdinaryNamesAreUnchanged) {
  EXPECT_EQ(StateInText("Kyrgyzstan"), "Kyrgyzstan");
  EXPECT_EQ(StateInText("Israel"), "Israel");
  EXPECT_EQ(StateInText("Iceland"), "Iceland");
  EXPECT_EQ(StateInText("Seychelles"), "Seychelles");
}

TEST(StateInText, ANameThatAlreadyHasTheArticleGetsNoSecondOne) {
  EXPECT_EQ(StateInText("the Netherlands"), "the Netherlands");
}

}  // namespace
}  // namespace dyad::world
