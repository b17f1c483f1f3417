// The API answer cache: LRU within its byte limit (answer_cache_bytes), oversized answers
// not kept, replacement of a key.
#include "server/answer_cache.h"

#include <gtest/gtest.h>

namespace dyad::server {
namespace {

std::shared_ptr<const CachedAnswer> AnswerOf(size_t body_bytes) {
  auto a = std::make_shared<CachedAnswer>();
  a->body = std::string(body_bytes, 'x');
  return a;
}

TEST(AnswerCache, KeepsAnswersAndFindsThemByKey) {
  AnswerCache cache(8000);
  EXPECT_EQ(cache.Find("a"), nullptr);
  ASSERT_TRUE(cache.Put("a", AnswerOf(100)));
  ASSERT_NE(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("a")->body.size(), 100u);
  EXPECT_EQ(cache.bytes(), 101u);  // the body and the key
}

TEST(AnswerCache, StaysWithinItsLimitByDroppingTheLeastRecentlyUsed) {
  AnswerCache cache(8000);  // entries up to 1000 bytes
  for (char k = 'a'; k <= 'h'; ++k) ASSERT_TRUE(cache.Put(std::string(1, k), AnswerOf(899)));
  EXPECT_EQ(cache.bytes(), 8 * 900u);
  ASSERT_NE(cache.Find("a"), nullptr);  // "a" is now the most recently used; "b" the least
  ASSERT_TRUE(cache.Put("i", AnswerOf(899)));
  EXPECT_LE(cache.bytes(), cache.max_bytes());
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_NE(cache.Find("a"), nullptr);
  EXPECT_NE(cache.Find("i"), nullptr);
  EXPECT_EQ(cache.entries(), 8u);
}

TEST(AnswerCache, AnAnswerOverAnEighthOfTheLimitIsNotKept) {
  AnswerCache cache(8000);
  EXPECT_TRUE(cache.Put("k", AnswerOf(999)));    // 1000 bytes with the key: at the bound
  EXPECT_FALSE(cache.Put("l", AnswerOf(1000)));  // one byte more
  EXPECT_EQ(cache.Find("l"), nullptr);
  EXPECT_EQ(cache.entries(), 1u);
}

TEST(AnswerCache, PuttingAKeyAgainReplacesItsAnswer) {
  AnswerCache cache(8000);
  ASSERT_TRUE(cache.Put("a", AnswerOf(10)));
  ASSERT_TRUE(cache.Put("a", AnswerOf(20)));
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_EQ(cache.bytes(), 21u);
  EXPECT_EQ(cache.Find("a")->body.size(), 20u);
}

}  // namespace
}  // namespace dyad::server
