// Demonyms and adjectives, typed, from data/world/nationality.tsv (the World Factbook's
// "Nationality" noun and adjective; docs/formats/world-tables.md), on the real World.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "world/resolver.h"
#include "world/world.h"

namespace dyad::world {
namespace {

class Nationality : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto world = World::LoadDefault();
    if (!world.ok()) return;
    world_ = *world;
    auto resolver = Resolver::LoadDefault(*world);
    if (resolver.ok()) resolver_ = std::move(resolver).value().release();
  }
  void SetUp() override {
    if (resolver_ == nullptr) GTEST_SKIP() << "World or resolver aliases unavailable";
  }
  static bool Has(std::string_view key, std::string_view text, NameKind kind) {
    for (const Name& n : world_->Find(key)->names)
      if (n.text == text && n.kind == kind && n.lang == "en") return true;
    return false;
  }
  static std::string Key(std::string_view text) {
    const Resolution r = resolver_->Resolve(text);
    return r.best() != nullptr ? r.best()->state->key : "";
  }
  static inline std::shared_ptr<const World> world_;
  static inline Resolver* resolver_ = nullptr;
};

TEST_F(Nationality, BritonIsTheDemonymAndBritishTheAdjectiveOfTheUnitedKingdom) {
  EXPECT_TRUE(Has("GBR", "Briton", NameKind::kDemonym));
  EXPECT_TRUE(Has("GBR", "British", NameKind::kAdjective));
  EXPECT_TRUE(Has("DNK", "Dane", NameKind::kDemonym));
  EXPECT_TRUE(Has("DNK", "Danish", NameKind::kAdjective));
  EXPECT_TRUE(Has("KGZ", "Kyrgyzstani", NameKind::kAdjective));
  EXPECT_TRUE(Has("PHL", "Philippine", NameKind::kAdjective));
  EXPECT_TRUE(Has("PHL", "Filipino", NameKind::kDemonym));
}

TEST_F(Nationality, TheFactbooksFormsResolveToTheirState) {
  EXPECT_EQ(Key("Briton"), "GBR");
  EXPECT_EQ(Key("Dane"), "DNK");
  EXPECT_EQ(Key("Philippine"), "PHL");
  EXPECT_EQ(Key("Dutchman"), "NLD");
}

TEST_F(Nationality, AFormAnotherStateHoldsStaysThatStates) {
  EXPECT_EQ(Key("Chinese"), "CHN");  // the Factbook's adjective for Taiwan too
  EXPECT_EQ(Key("Dutch"), "NLD");    // and for Curacao
  EXPECT_FALSE(Has("TWN", "Chinese", NameKind::kAdjective));
}

}  // namespace
}  // namespace dyad::world
