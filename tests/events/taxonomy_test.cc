// The CAMEO taxonomy as specified by issue 4: string codes, GDELT's quad classes, three
// Goldstein variants, PLOVER types, errors for invalid codes.
#include "events/taxonomy.h"

#include <gtest/gtest.h>

namespace dyad::events {
namespace {

const Taxonomy& Tax() {
  static auto tax = Taxonomy::LoadDefault();
  EXPECT_TRUE(tax.ok()) << tax.status().ToString();
  return **tax;
}

TEST(Taxonomy, LoadsEveryCode) {
  EXPECT_EQ(Tax().codes().size(), 318u);
  const CameoCode* c = Tax().Find("0231");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->root, "02");
  EXPECT_EQ(c->level, "sub");
  EXPECT_EQ(c->label, "Appeal for economic aid");
  EXPECT_NE(c->source.find("gdelt=gdelt-goldsteinscale"), std::string::npos);
}

TEST(Taxonomy, QuadClassIsGdelts) {
  EXPECT_EQ(Tax().Find("010")->quad, 1);
  EXPECT_EQ(Tax().Find("057")->quad, 1);
  EXPECT_EQ(Tax().Find("061")->quad, 2);
  EXPECT_EQ(Tax().Find("090")->quad, 2);  // investigate: material cooperation in GDELT
  EXPECT_EQ(Tax().Find("100")->quad, 3);
  EXPECT_EQ(Tax().Find("140")->quad, 3);  // protest: verbal conflict in GDELT
  EXPECT_EQ(Tax().Find("150")->quad, 4);
  EXPECT_EQ(Tax().Find("1384")->quad, 3);
  EXPECT_EQ(Tax().Find("20")->quad, 4);
  for (int root = 1; root <= 20; ++root) {
    EXPECT_EQ(QuadClassOfRoot(root), root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);
  }
  for (const auto& c : Tax().codes()) EXPECT_EQ(c.quad, QuadClassOfRoot(std::stoi(c.root))) << c.code;
}

TEST(Taxonomy, GoldsteinVariantsDisagreeWhereDocumented) {
  auto g = [](const char* code, GoldsteinScale s) { return *Tax().Goldstein(*Tax().Find(code), s); };
  EXPECT_DOUBLE_EQ(g("016", GoldsteinScale::kGdelt), -2.0);
  EXPECT_DOUBLE_EQ(g("016", GoldsteinScale::kIcews), -5.0);
  EXPECT_DOUBLE_EQ(g("016", GoldsteinScale::kPhoenix), 3.4);
  EXPECT_DOUBLE_EQ(g("022", GoldsteinScale::kGdelt), 3.2);
  EXPECT_DOUBLE_EQ(g("022", GoldsteinScale::kIcews), 3.4);
  EXPECT_DOUBLE_EQ(g("163", GoldsteinScale::kGdelt), -8.0);
  EXPECT_DOUBLE_EQ(g("163", GoldsteinScale::kPhoenix), -6.5);
  EXPECT_DOUBLE_EQ(g("164", GoldsteinScale::kIcews), -6.5);
  EXPECT_DOUBLE_EQ(g("165", GoldsteinScale::kGdelt), -6.5);
  EXPECT_DOUBLE_EQ(g("166", GoldsteinScale::kPhoenix), -8.0);
  EXPECT_DOUBLE_EQ(g("190", GoldsteinScale::kGdelt), -10.0);
  // 0110 is only in the Phoenix table; GDELT falls back to 011.
  EXPECT_DOUBLE_EQ(g("0110", GoldsteinScale::kGdelt), -0.1);
}

TEST(Taxonomy, PloverTypes) {
  EXPECT_EQ(Tax().Find("0312")->plover, "AGREE");
  EXPECT_EQ(Tax().Find("0312")->plover_context, "military");
  EXPECT_EQ(Tax().Find("042")->plover, "CONSULT");
  EXPECT_EQ(Tax().Find("1823")->plover, "ASSAULT");
  EXPECT_EQ(Tax().Find("010")->plover, "");  // CAMEO 01 has no PLOVER type
  EXPECT_EQ(Tax().Find("084")->plover, "RETREAT");
  EXPECT_EQ(Tax().Find("081")->plover, "CONCEDE");
}

TEST(Taxonomy, InvalidCodesAreErrors) {
  for (const char* bad : {"13y", "0000", "", "1", "21", "00", "12345", " 01", "010 "}) {
    auto r = Tax().Lookup(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(Tax().Find(bad), nullptr) << bad;
  }
  auto unknown = Tax().Lookup("0999");
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Tax().Lookup("010").ok());
}

TEST(Taxonomy, GoldsteinScaleNames) {
  EXPECT_EQ(*ParseGoldsteinScale("icews"), GoldsteinScale::kIcews);
  EXPECT_FALSE(ParseGoldsteinScale("cameo").ok());
}

}  // namespace
}  // namespace dyad::events
