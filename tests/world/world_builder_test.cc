#include "world/world_builder.h"

#include <gtest/gtest.h>

namespace dyad::world {
namespace {

CodeSpell Spell(Scheme scheme, std::string code, std::string_view interval) {
  return CodeSpell{scheme, std::move(code), *Interval::Parse(interval), "test"};
}

std::shared_ptr<const World> GermanyWorld() {
  WorldBuilder b;
  State deu;
  deu.key = "DEU";
  deu.name = "Germany";
  deu.codes = {Spell(Scheme::kCowNumeric, "255", "1816/1945-05-08"),
               Spell(Scheme::kCowNumeric, "255", "1990-10-03/.."),
               Spell(Scheme::kIso3, "DEU", "..")};
  State brd;
  brd.key = "DEUW";
  brd.name = "West Germany";
  brd.kind = StateKind::kFormer;
  brd.codes = {Spell(Scheme::kCowNumeric, "260", "1955-05-05/1990-10-02")};
  brd.links = {Link{LinkKind::kSuccessor, "DEU", Date::Parse("1990-10-03").value(), "unification", "test"}};
  b.Add(deu);
  b.Add(brd);
  return b.Build().value();
}

TEST(World, FindsByKeyCaseInsensitively) {
  auto w = GermanyWorld();
  ASSERT_NE(w->Find("deu"), nullptr);
  EXPECT_EQ(w->Find("deu")->name, "Germany");
  EXPECT_EQ(w->Find("XXX"), nullptr);
}

TEST(World, CodesAreDateAware) {
  auto w = GermanyWorld();
  Result<std::string> west = w->Convert("260", Scheme::kCowNumeric, Scheme::kIso3, Date::Parse("1980").value());
  ASSERT_FALSE(west.ok());
  EXPECT_NE(west.status().message().find("has no iso3 code"), std::string::npos);
  EXPECT_EQ(w->ByCode(Scheme::kCowNumeric, "255", Date::Parse("1970").value()).size(), 0u);
  EXPECT_EQ(w->ByCode(Scheme::kCowNumeric, "255", Date::Parse("2000").value()).size(), 1u);
  Result<std::string> bad = w->Convert("260", Scheme::kCowNumeric, Scheme::kIso3, Date::Parse("2000").value());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not valid on 2000"), std::string::npos);
}

TEST(World, NumericCodesIgnoreLeadingZeros) {
  auto w = GermanyWorld();
  EXPECT_EQ(w->ByCode(Scheme::kCowNumeric, "0255").size(), 1u);
}

TEST(World, BuildRejectsDuplicateKeysAndDanglingLinks) {
  WorldBuilder dup;
  State a;
  a.key = "AAA";
  dup.Add(a);
  dup.Add(a);
  EXPECT_EQ(dup.Build().status().code(), StatusCode::kAlreadyExists);
  WorldBuilder dangling;
  a.links = {Link{LinkKind::kSuccessor, "ZZZ", std::nullopt, "", "test"}};
  dangling.Add(a);
  EXPECT_FALSE(dangling.Build().ok());
}

TEST(Scheme, ParsesNamesAndAliases) {
  EXPECT_EQ(*ParseScheme("cow"), Scheme::kCowNumeric);
  EXPECT_EQ(*ParseScheme("ISO3C"), Scheme::kIso3);
  EXPECT_EQ(*ParseScheme("fips"), Scheme::kFips);
  Result<Scheme> bad = ParseScheme("klingon");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("klingon"), std::string::npos);
}

}  // namespace
}  // namespace dyad::world
