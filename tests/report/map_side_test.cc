// The locator map's inputs, filled from the world registry.
#include "report/map_side.h"

#include <gtest/gtest.h>

namespace dyad::report {
namespace {

TEST(MapSideTest, FromWorldState) {
  world::State s;
  s.key = "KGZ";
  s.name = "Kyrgyzstan";
  s.capital = "Bishkek";
  s.capital_lat = 42.87;
  s.capital_lon = 74.59;
  s.codes = {{world::Scheme::kIsoNumeric, "417", *Interval::Parse(".."), "test"},
             {world::Scheme::kIso3, "KGZ", *Interval::Parse(".."), "test"}};
  const graphics::MapSide side = MapSideFromState(s);
  EXPECT_EQ(side.iso_numeric, "417");
  EXPECT_EQ(side.iso3, "KGZ");
  EXPECT_EQ(side.name, "Kyrgyzstan");
  EXPECT_EQ(side.capital, "Bishkek");
  EXPECT_EQ(side.capital_lon, 74.59);
}

}  // namespace
}  // namespace dyad::report
