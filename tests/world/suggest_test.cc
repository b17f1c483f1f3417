// SuggestStates: the "did you mean" of the CLI and of /api/resolve, one function.
#include "world/suggest.h"

#include <gtest/gtest.h>

#include <chrono>

namespace dyad::world {
namespace {

class SuggestStatesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto w = World::LoadDefault();
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    world_ = new std::shared_ptr<const World>(*w);
  }
  static const World& world() { return **world_; }
  static std::shared_ptr<const World>* world_;
};
std::shared_ptr<const World>* SuggestStatesTest::world_ = nullptr;

TEST_F(SuggestStatesTest, AMisspelledNameSuggestsTheStateFirst) {
  std::vector<const State*> s = SuggestStates(world(), "Kyrgyztan");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0]->key, "KGZ");
}

TEST_F(SuggestStatesTest, TheStartOfANameCountsAsOneEdit) {
  std::vector<const State*> s = SuggestStates(world(), "kyrgyz");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0]->key, "KGZ");
}

TEST_F(SuggestStatesTest, NothingCloseSuggestsNothing) {
  EXPECT_TRUE(SuggestStates(world(), "").empty());
  EXPECT_TRUE(SuggestStates(world(), "qqqqqqqqqqqqqqqqqqqqqq").empty());
}

TEST_F(SuggestStatesTest, AtMostLimitClosestFirst) {
  std::vector<const State*> s = SuggestStates(world(), "Guinea", 2);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0]->name, "Guinea");
}

// Only kMaxSuggestInput bytes are compared, so a huge argument costs what a short one does.
TEST_F(SuggestStatesTest, AHugeInputIsCutToTheBound) {
  const std::string huge(1'000'000, 'k');
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(SuggestStates(world(), huge).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(5));
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

}  // namespace
}  // namespace dyad::world
