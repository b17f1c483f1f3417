#include "graphics/projection.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dyad::graphics {
namespace {

TEST(AzimuthalEqualAreaTest, RoundTripsAcrossTheSphere) {
  const AzimuthalEqualArea proj({74.6, 42.9});
  for (double lat = -85; lat <= 85; lat += 17) {
    for (double lon = -180; lon < 180; lon += 23) {
      if (AngularDistanceDeg({lon, lat}, proj.centre()) > 170) continue;  // near the antipode
      const auto back = proj.Inverse(proj.Forward({lon, lat}));
      ASSERT_TRUE(back.has_value());
      EXPECT_NEAR(back->lat, lat, 1e-9);
      EXPECT_NEAR(std::remainder(back->lon - lon, 360), 0, 1e-9) << lon << "," << lat;
    }
  }
}

TEST(AzimuthalEqualAreaTest, NorthIsUpAndEastIsRight) {
  const AzimuthalEqualArea proj({0, 0});
  const Vec2 c = proj.Forward({0, 0});
  EXPECT_NEAR(c.x, 0, 1e-12);
  EXPECT_NEAR(c.y, 0, 1e-12);
  EXPECT_GT(proj.Forward({0, 10}).y, 0);
  EXPECT_GT(proj.Forward({10, 0}).x, 0);
  // Radius 2 sin(c/2): a point 90° away lands at sqrt(2).
  EXPECT_NEAR(proj.Forward({90, 0}).x, std::sqrt(2.0), 1e-12);
  EXPECT_FALSE(proj.Inverse({2.5, 0}).has_value());
}

TEST(EqualEarthTest, RoundTripsAndKnownExtent) {
  const EqualEarth ee;
  for (double lat = -90; lat <= 90; lat += 15) {
    for (double lon = -180; lon <= 180; lon += 30) {
      const auto back = ee.Inverse(ee.Forward({lon, lat}));
      ASSERT_TRUE(back.has_value());
      EXPECT_NEAR(back->lat, lat, 1e-7);
      if (std::abs(lat) < 90) {
        EXPECT_NEAR(back->lon, lon, 1e-7);
      }
    }
  }
  EXPECT_NEAR(ee.Forward({180, 0}).x, 2.7066, 1e-3);
  EXPECT_NEAR(ee.Forward({0, 90}).y, 1.3173, 1e-3);
  EXPECT_FALSE(ee.Inverse({3.0, 1.3}).has_value());
}

TEST(SphereTest, DistancesAndMidpoints) {
  // Bishkek–Washington is about 10,500 km.
  const double km = AngularDistanceDeg({74.59, 42.87}, {-77.04, 38.9}) * M_PI / 180 * 6371.0;
  EXPECT_NEAR(km, 10450, 250);
  const LonLat mid = GreatCircleMidpoint({0, 0}, {90, 0});
  EXPECT_NEAR(mid.lon, 45, 1e-9);
  EXPECT_NEAR(mid.lat, 0, 1e-9);
}

}  // namespace
}  // namespace dyad::graphics
