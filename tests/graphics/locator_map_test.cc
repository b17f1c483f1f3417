#include "graphics/locator_map.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "graphics/projection.h"
#include "svg_check.h"

namespace dyad::graphics {
namespace {

const MapData& Data() {
  static const MapData data = [] {
    auto d = LoadDefaultMapData();
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : MapData{};
  }();
  return data;
}

MapSide Kgz() { return {"417", "KGZ", "Kyrgyzstan", "Bishkek", 42.87, 74.59}; }
MapSide Usa() { return {"840", "USA", "United States", "Washington, D.C.", 38.9, -77.04}; }
MapSide Kaz() { return {"398", "KAZ", "Kazakhstan", "Astana", 51.17, 71.45}; }

TEST(LocatorMapTest, FarPairGetsWorldViewAndInset) {
  ASSERT_NE(Data().detail, nullptr);
  LocatorMapSpec spec{Kgz(), Usa()};
  auto map = RenderLocatorMap(spec, Data());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_TRUE(map->has_inset);
  EXPECT_NE(map->projection.find("Equal Earth"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(ParsesAsXml(map->svg, &doc));
  const auto svg = doc.child("svg");
  ExpectAccessibleSvg(svg);
  EXPECT_NE(std::string(svg.child("desc").text().get()).find("Bishkek"), std::string::npos);
  EXPECT_TRUE(svg.find_node([](pugi::xml_node n) { return std::string(n.attribute("class").value()) == "dy-a"; }));
  EXPECT_TRUE(svg.find_node([](pugi::xml_node n) { return std::string(n.attribute("class").value()) == "dy-inset"; }));
  size_t capitals = 0;
  for (auto n : svg.select_nodes("//g[@class='dy-capital']")) {
    (void)n;
    ++capitals;
  }
  EXPECT_EQ(capitals, 2u);
  EXPECT_LT(map->svg.size(), 150'000u);
}

TEST(LocatorMapTest, NeighboursGetAzimuthalViewWithoutInset) {
  auto map = RenderLocatorMap({Kgz(), Kaz()}, Data());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_FALSE(map->has_inset);
  EXPECT_NE(map->projection.find("azimuthal"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(ParsesAsXml(map->svg, &doc));
  ExpectAccessibleSvg(doc.child("svg"));
}

TEST(LocatorMapTest, CapitalsLandInsideTheFrameNorthUp) {
  auto map = RenderLocatorMap({Kgz(), Kaz()}, Data());
  ASSERT_TRUE(map.ok());
  pugi::xml_document doc;
  ASSERT_TRUE(ParsesAsXml(map->svg, &doc));
  double bishkek_y = 0, astana_y = 0;
  for (auto g : doc.select_nodes("//g[@class='dy-capital']")) {
    const std::string label = g.node().child("text").text().get();
    const double y = g.node().child("circle").attribute("cy").as_double();
    (label == "Bishkek" ? bishkek_y : astana_y) = y;
  }
  EXPECT_GT(bishkek_y, astana_y);  // Astana is north of Bishkek: higher on the page
}

TEST(LocatorMapTest, AntimeridianStatesDrawWithoutStreaks) {
  // Russia and Fiji cross 180°; the USA's Aleutians too. No subpath may span the map.
  const MapSide rus{"643", "RUS", "Russia", "Moscow", 55.75, 37.62};
  const MapSide fji{"242", "FJI", "Fiji", "Suva", -18.14, 178.44};
  for (const auto& [a, b] : {std::pair{rus, Usa()}, std::pair{fji, Kgz()}, std::pair{rus, fji}}) {
    auto map = RenderLocatorMap({a, b}, Data());
    ASSERT_TRUE(map.ok()) << map.status().ToString();
    pugi::xml_document doc;
    ASSERT_TRUE(ParsesAsXml(map->svg, &doc)) << a.name << "–" << b.name;
  }
}

TEST(LocatorMapTest, KosovoByAlpha3AndMissingStatesByCapital) {
  const MapSide kos{"", "XKX", "Kosovo", "Pristina", 42.67, 21.17};
  const MapSide srb{"688", "SRB", "Serbia", "Belgrade", 44.82, 20.46};
  auto map = RenderLocatorMap({kos, srb}, Data());
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_TRUE(map->note.empty()) << map->note;

  const MapSide nowhere{"999", "ZZZ", "Atlantis", "Poseidonia", 30.0, -30.0};
  auto partial = RenderLocatorMap({nowhere, srb}, Data());
  ASSERT_TRUE(partial.ok());
  EXPECT_NE(partial->note.find("Atlantis"), std::string::npos);

  const MapSide lost{"999", "ZZZ", "Atlantis", "", std::nullopt, std::nullopt};
  EXPECT_EQ(RenderLocatorMap({lost, srb}, Data()).status().code(), StatusCode::kNotFound);
}

TEST(LocatorMapTest, HostileNamesAreEscaped) {
  MapSide a = Kgz();
  a.name = "<script>alert('x')</script> & \"Co\"";
  a.capital = "B<i>shkek";
  auto map = RenderLocatorMap({a, Usa()}, Data());
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->svg.find("<script>"), std::string::npos);
  EXPECT_EQ(map->svg.find("<i>"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(ParsesAsXml(map->svg, &doc));
}

TEST(LocatorMapTest, RendersFastOnceTheAtlasIsLoaded) {
  ASSERT_NE(Data().detail, nullptr);
  double best = 1e9;
  for (const auto& pair : {std::pair{Kgz(), Usa()}, std::pair{Kgz(), Kaz()}}) {
    for (int i = 0; i < 5; ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      auto map = RenderLocatorMap({pair.first, pair.second}, Data());
      ASSERT_TRUE(map.ok());
      best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("locator map %s–%s: best of 5 %.2f ms\n", pair.first.iso3.c_str(), pair.second.iso3.c_str(), best);
    EXPECT_LT(best, 50.0);  // generous: the budget for the whole dossier is 100 ms
    best = 1e9;
  }
}

}  // namespace
}  // namespace dyad::graphics

namespace dyad::graphics {
namespace {

}  // namespace
}  // namespace dyad::graphics

namespace dyad::graphics {
namespace {

}  // namespace
}  // namespace dyad::graphics
