#include "graphics/locator_map.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "graphics/markup.h"
#include "graphics/projection.h"
#include "graphics/svg_path.h"

namespace dyad::graphics {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;
constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kMinorPolygonShare = 0.02;  // polygons smaller than this share of the
                                             // largest do not move the frame (Hawaii)
constexpr double kMarginShare = 0.08;        // frame margin on each side
constexpr double kMinExtent = 0.12;          // sphere units (about 7°) at least in view
constexpr double kDensifyDeg = 1.0;          // longer source edges get extra points
constexpr double kFontSize = 12;
constexpr double kCoarseKmPerPx = 7;         // above this, draw from the 110m atlas
constexpr double kWorldViewKm = 4000;        // farther pairs get the Equal Earth view
constexpr double kSmallStatePx = 24;         // smaller states get a locator ring

// Colours of the light theme; MapCss() overrides them for dark mode. Blue/orange is the
// Okabe–Ito pair that stays distinct under the common colour-vision deficiencies.
constexpr const char* kSea = "#dde8f0";
constexpr const char* kLand = "#e7e4dd";
constexpr const char* kColourA = "#3b88c9";
constexpr const char* kColourB = "#e69f00";
constexpr const char* kEdgeA = "#174f80";
constexpr const char* kEdgeB = "#7d5200";

struct SideGeo {
  const Feature* feature = nullptr;
  std::vector<Vec3> frame;  // unit vectors that must be in view
  LonLat rep;               // a representative point (centroid of the largest polygon)
  std::optional<LonLat> capital;
};

double RingArea(std::vector<LonLat> ring, LonLat* centroid) {
  // Planar shoelace in degrees scaled by cos(latitude): enough to rank polygons. Rings
  // that cross the antimeridian (Russia, Fiji) are unwrapped first.
  for (size_t i = 1; i < ring.size(); ++i) {
    while (ring[i].lon - ring[i - 1].lon > 180) ring[i].lon -= 360;
    while (ring[i].lon - ring[i - 1].lon < -180) ring[i].lon += 360;
  }
  double a = 0, cx = 0, cy = 0;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const double cross = ring[j].lon * ring[i].lat - ring[i].lon * ring[j].lat;
    a += cross;
    cx += (ring[j].lon + ring[i].lon) * cross;
    cy += (ring[j].lat + ring[i].lat) * cross;
  }
  if (centroid != nullptr && std::abs(a) > 1e-12) {
    double lon = std::fmod(cx / (3 * a) + 540.0, 360.0) - 180;
    *centroid = {lon, cy / (3 * a)};
  }
  double lat_sum = 0;
  for (const auto& p : ring) lat_sum += p.lat;
  return std::abs(a / 2) * std::cos(lat_sum / static_cast<double>(ring.size()) * kDeg);
}

Result<SideGeo> ResolveSide(const MapSide& side, const Topology& topo) {
  SideGeo g;
  g.feature = side.iso_numeric.empty() ? nullptr : topo.FindById(side.iso_numeric);
  if (g.feature == nullptr) g.feature = topo.FindByA3(side.iso3);
  if (side.capital_lat && side.capital_lon) g.capital = LonLat{*side.capital_lon, *side.capital_lat};
  if (g.feature != nullptr) {
    std::vector<std::vector<LonLat>> outers;
    std::vector<double> areas;
    std::vector<LonLat> centroids;
    for (const auto& poly : g.feature->polygons) {
      outers.push_back(topo.RingPoints(poly[0]));
      LonLat c = outers.back().front();
      areas.push_back(RingArea(outers.back(), &c));
      centroids.push_back(c);
    }
    const size_t largest = static_cast<size_t>(std::max_element(areas.begin(), areas.end()) - areas.begin());
    g.rep = centroids[largest];
    for (size_t i = 0; i < outers.size(); ++i) {
      if (areas[i] < kMinorPolygonShare * areas[largest]) continue;
      for (const LonLat& p : outers[i]) g.frame.push_back(ToUnitVector(p));
    }
  } else if (g.capital) {
    g.rep = *g.capital;
  } else {
    return Status::NotFound(fmt::format(
        "{} ({}) is not in the map atlas and has no capital coordinates", side.name,
        side.iso3.empty() ? side.iso_numeric : side.iso3));
  }
  if (g.capital) g.frame.push_back(ToUnitVector(*g.capital));
  g.frame.push_back(ToUnitVector(g.rep));
  return g;
}

// How the main map is drawn: near pairs on an azimuthal equal-area projection centred on
// them; far pairs (and the inset) on Equal Earth with its central meridian between them.
enum class ViewKind { kAzimuthal, kEqualEarth };

// A view: projection, then scale/translate to SVG pixels (y down).
struct View {
  ViewKind kind = ViewKind::kAzimuthal;
  AzimuthalEqualArea proj{LonLat{}};
  EqualEarth ee;
  double lon0 = 0;  // Equal Earth central meridian
  double scale = 1, cx = 0, cy = 0, width = 0, height = 0;
  double cos_cap = -1, cap_radius = 2;  // azimuthal clip cap (see ProjectPoint)

  Vec2 ToPx(const Vec2& v) const {
    return {(v.x - cx) * scale + width / 2, height / 2 - (v.y - cy) * scale};
  }
  Vec2 FromPx(const Vec2& p) const {
    return {(p.x - width / 2) / scale + cx, (height / 2 - p.y) / scale + cy};
  }
  // Longitude relative to the central meridian, in [-180, 180).
  double Rotate(double lon) const {
    double l = std::fmod(lon - lon0 + 540.0, 360.0);
    if (l < 0) l += 360;
    return l - 180;
  }
  // Planar (unscaled) position of a point; for Equal Earth `p.lon` is already rotated.
  Vec2 PlanarRotated(const LonLat& p) const { return ee.Forward(p); }
  Vec2 Planar(const Vec3& p) const {
    if (kind == ViewKind::kAzimuthal) return proj.ForwardUnit(p);
    LonLat ll = FromUnitVector(p);
    ll.lon = Rotate(ll.lon);
    return ee.Forward(ll);
  }
  std::optional<LonLat> Inverse(const Vec2& px) const {
    const Vec2 v = FromPx(px);
    if (kind == ViewKind::kAzimuthal) return proj.Inverse(v);
    auto ll = ee.Inverse(v);
    if (ll) ll->lon = ll->lon + lon0 > 180 ? ll->lon + lon0 - 360 : ll->lon + lon0 < -180 ? ll->lon + lon0 + 360 : ll->lon + lon0;
    return ll;
  }
  // Azimuthal: projects a unit vector. Points beyond the clip cap (farther from the
  // centre than anything in view) are pulled radially onto the cap's rim, which lies
  // outside the view rectangle, so rings that leave the cap follow its rim and then get
  // clipped to the rectangle. Returns false for such points.
  // Equal Earth: projects and returns true.
  bool ProjectPoint(const Vec3& p, Vec2* out) const {
    if (kind == ViewKind::kEqualEarth) {
      *out = ToPx(Planar(p));
      return true;
    }
    if (proj.CosDistance(p) >= cos_cap) {
      *out = ToPx(proj.ForwardUnit(p));
      return true;
    }
    Vec2 v = proj.ForwardUnit(p);
    const double r = std::hypot(v.x, v.y);
    v = r < 1e-12 ? Vec2{0, -cap_radius} : Vec2{v.x / r * cap_radius, v.y / r * cap_radius};
    *out = ToPx(v);
    return false;
  }
};

// The projection centre: the midpoint in longitude (the short way round) and in
// latitude. For neighbours it is the great-circle midpoint to within a hair; for far pairs
// at similar latitudes it does not swing to the pole.
LonLat FrameCentre(const LonLat& a, const LonLat& b) {
  double dlon = b.lon - a.lon;
  if (dlon > 180) dlon -= 360;
  if (dlon < -180) dlon += 360;
  double lon = a.lon + dlon / 2;
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  return {lon, (a.lat + b.lat) / 2};
}

// Fits the planar box [x0,x1]×[y0,y1] (plus margins) into width×height.
void Fit(View& view, double x0, double x1, double y0, double y1, double margin, double min_extent) {
  double w = std::max(x1 - x0, min_extent), h = std::max(y1 - y0, min_extent);
  view.cx = (x0 + x1) / 2;
  view.cy = (y0 + y1) / 2;
  w *= 1 + 2 * margin;
  h *= 1 + 2 * margin;
  view.scale = std::min(view.width / w, view.height / h);
}

View FrameView(const SideGeo& a, const SideGeo& b, double width, double height, ViewKind kind) {
  View view;
  view.kind = kind;
  const LonLat centre = FrameCentre(a.rep, b.rep);
  view.proj = AzimuthalEqualArea(centre);
  view.lon0 = centre.lon;
  view.width = width;
  view.height = height;
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (const SideGeo* s : {&a, &b}) {
    for (const Vec3& p : s->frame) {
      const Vec2 v = view.Planar(p);
      x0 = std::min(x0, v.x);
      x1 = std::max(x1, v.x);
      y0 = std::min(y0, v.y);
      y1 = std::max(y1, v.y);
    }
  }
  // The height follows the frame's shape, between half the width and the given height,
  // so a wide pair does not get bands of empty sea.
  const double fw = std::max(x1 - x0, kMinExtent), fh = std::max(y1 - y0, kMinExtent);
  view.height = std::round(std::clamp(width * fh / fw, std::min(height, width * 0.5), height));
  Fit(view, x0, x1, y0, y1, kMarginShare, kMinExtent);
  if (kind == ViewKind::kEqualEarth) {  // keep the view inside the world's outline vertically
    const double half = view.height / 2 / view.scale, kTop = 1.3173;
    if (half >= kTop) view.cy = 0;
    else view.cy = std::clamp(view.cy, -kTop + half, kTop - half);
  }
  // The clip cap: a little beyond the farthest corner of the view.
  double rho = 0;
  for (double sx : {-1.0, 1.0})
    for (double sy : {-1.0, 1.0})
      rho = std::max(rho, std::hypot(view.cx + sx * width / 2 / view.scale,
                                     view.cy + sy * height / 2 / view.scale));
  const double corner = rho >= 2 ? std::numbers::pi : 2 * std::asin(rho / 2);
  const double cap = std::min(corner + 8 * kDeg, 179.5 * kDeg);
  view.cos_cap = std::cos(cap);
  view.cap_radius = 2 * std::sin(cap / 2);
  return view;
}

// A view of the whole world in Equal Earth (central meridian 0) fitted to width×height.
View WorldView(double width, double height) {
  View view;
  view.kind = ViewKind::kEqualEarth;
  view.width = width;
  view.height = height;
  Fit(view, -2.7066, 2.7066, -1.3173, 1.3173, 0, 0);
  return view;
}

struct ProjectedArc {
  std::vector<Vec2> px;
  std::vector<uint8_t> in;  // 1 when the point is inside the clip cap
  bool any_in = false;
  Rect box{1e9, 1e9, -1e9, -1e9};
};

// Projects every arc through `project(Vec3, Vec2*) -> bool`, adding points along source
// edges longer than kDensifyDeg (Natural Earth edges are straight in longitude/latitude,
// e.g. the 49th parallel, and must bend in the projection).
template <typename Project>
std::vector<ProjectedArc> ProjectArcs(const Topology& topo, Project project) {
  std::vector<ProjectedArc> out(topo.arcs.size());
  for (size_t a = 0; a < topo.arcs.size(); ++a) {
    const auto& ll = topo.arcs[a];
    const auto& xyz = topo.arcs_xyz[a];
    ProjectedArc& pa = out[a];
    pa.px.reserve(ll.size());
    auto add = [&](const Vec3& p) {
      Vec2 v;
      const bool in = project(p, &v);
      pa.px.push_back(v);
      pa.in.push_back(in ? 1 : 0);
      pa.any_in |= in;
      pa.box.x0 = std::min(pa.box.x0, v.x);
      pa.box.x1 = std::max(pa.box.x1, v.x);
      pa.box.y0 = std::min(pa.box.y0, v.y);
      pa.box.y1 = std::max(pa.box.y1, v.y);
    };
    for (size_t i = 0; i < ll.size(); ++i) {
      if (i > 0) {
        // The data is stitched across the antimeridian (topojson), so an edge from
        // 179.9° to -179.9° is 0.2° long: take the short way round.
        double dlon = ll[i].lon - ll[i - 1].lon;
        if (dlon > 180) dlon -= 360;
        if (dlon < -180) dlon += 360;
        const double dlat = ll[i].lat - ll[i - 1].lat;
        const double step = std::max(std::abs(dlon), std::abs(dlat));
        if (step > kDensifyDeg) {
          const int n = static_cast<int>(std::ceil(step / kDensifyDeg));
          for (int k = 1; k < n; ++k) {
            const double t = static_cast<double>(k) / n;
            add(ToUnitVector({ll[i - 1].lon + t * dlon, ll[i - 1].lat + t * dlat}));
          }
        }
      }
      add(xyz[i]);
    }
  }
  return out;
}

// Stitches a ring from projected arcs; false when no point of it is inside the cap.
bool StitchRing(const ArcRing& ring, const std::vector<ProjectedArc>& arcs, std::vector<Vec2>* out,
                Rect* box) {
  out->clear();
  bool any_in = false;
  for (int32_t ref : ring) {
    const ProjectedArc& pa = arcs[Topology::ArcIndex(ref)];
    any_in |= pa.any_in;
    box->x0 = std::min(box->x0, pa.box.x0);
    box->x1 = std::max(box->x1, pa.box.x1);
    box->y0 = std::min(box->y0, pa.box.y0);
    box->y1 = std::max(box->y1, pa.box.y1);
    const size_t skip = out->empty() ? 0 : 1;
    if (ref >= 0) out->insert(out->end(), pa.px.begin() + static_cast<std::ptrdiff_t>(skip), pa.px.end());
    else out->insert(out->end(), pa.px.rbegin() + static_cast<std::ptrdiff_t>(skip), pa.px.rend());
  }
  return any_in;
}

void AddFeatureFill(const Feature& f, const std::vector<ProjectedArc>& arcs, const Rect& clip,
                    PathEncoder* enc) {
  std::vector<Vec2> ring;
  for (const auto& poly : f.polygons) {
    for (const auto& r : poly) {
      Rect box{1e9, 1e9, -1e9, -1e9};
      if (!StitchRing(r, arcs, &ring, &box) || !clip.Intersects(box)) continue;
      enc->Add(ClipRing(ring, clip), true);
    }
  }
}

// Adds an arc as open polylines: split where it leaves the cap, clipped to the view.
void AddArcStroke(const ProjectedArc& pa, const Rect& clip, PathEncoder* enc) {
  if (!pa.any_in || !clip.Intersects(pa.box)) return;
  std::vector<Vec2> run;
  auto flush = [&] {
    for (const auto& piece : ClipPolyline(run, clip)) enc->Add(piece, false);
    run.clear();
  };
  for (size_t i = 0; i < pa.px.size(); ++i) {
    if (!pa.in[i]) {
      flush();
      continue;
    }
    run.push_back(pa.px[i]);
  }
  flush();
}

void WritePath(MarkupWriter& w, std::string_view cls, const PathEncoder& enc,
               std::initializer_list<Attr> style) {
  if (enc.empty()) return;
  std::string open = fmt::format("<path class=\"{}\"", cls);
  for (const auto& [k, v] : style) open += fmt::format(" {}=\"{}\"", k, v);
  w.Raw(open);
  w.Raw(" d=\"");
  w.Raw(enc.d());
  w.Raw("\"/>");
}

double TextWidth(std::string_view text, double size) {
  size_t chars = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
  return 0.56 * size * static_cast<double>(chars);
}

std::string Degrees(const LonLat& p) {
  return fmt::format("{}°{} {}°{}", Num(std::abs(p.lat), 1), p.lat >= 0 ? "N" : "S",
                     Num(std::abs(p.lon), 1), p.lon >= 0 ? "E" : "W");
}

int CountInside(const Rect& r, const std::vector<Vec2>& pts) {
  int n = 0;
  for (const Vec2& p : pts) n += r.Contains(p) ? 1 : 0;
  return n;
}

// Picks the corner (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right) for a box
// of w×h that covers the fewest of `pts`, skipping `taken`; ties prefer `order`.
int PickCorner(double W, double H, double w, double h, const std::vector<Vec2>& pts, int taken,
               std::array<int, 4> order) {
  int best = -1, best_n = 0;
  for (int c : order) {
    if (c == taken) continue;
    const double x = (c % 2 == 0) ? 0 : W - w, y = (c < 2) ? 0 : H - h;
    const int n = CountInside({x, y, x + w, y + h}, pts);
    if (best < 0 || n < best_n) {
      best = c;
      best_n = n;
    }
  }
  return best;
}

Rect CornerRect(int c, double W, double H, double w, double h, double pad) {
  const double x = (c % 2 == 0) ? pad : W - w - pad, y = (c < 2) ? pad : H - h - pad;
  return {x, y, x + w, y + h};
}

struct CapitalMark {
  Vec2 at;
  std::string label;
  bool left = false;
};

void PlaceLabels(std::vector<CapitalMark>& marks, double W) {
  for (auto& m : marks) m.left = m.at.x + 7 + TextWidth(m.label, kFontSize) > W - 4;
  if (marks.size() == 2) {
    auto& m0 = marks[0];
    auto& m1 = marks[1];
    const bool close_y = std::abs(m0.at.y - m1.at.y) < kFontSize + 2;
    if (close_y && std::abs(m0.at.x - m1.at.x) <
                       std::max(TextWidth(m0.label, kFontSize), TextWidth(m1.label, kFontSize)) + 14) {
      CapitalMark& l = m0.at.x <= m1.at.x ? m0 : m1;
      CapitalMark& r = m0.at.x <= m1.at.x ? m1 : m0;
      l.left = true;
      r.left = false;
    }
  }
}

void WriteCapital(MarkupWriter& w, const CapitalMark& m) {
  w.Open("g", {{"class", "dy-capital"}});
  w.Void("circle", {{"cx", Num(m.at.x)}, {"cy", Num(m.at.y)}, {"r", "3.5"}, {"fill", "#ffffff"},
                    {"stroke", "#111111"}, {"stroke-width", "1.6"}});
  const std::string x = Num(m.left ? m.at.x - 7 : m.at.x + 7), y = Num(m.at.y + 4);
  w.Element("text", m.label,
            {{"x", x}, {"y", y}, {"text-anchor", m.left ? "end" : "start"}, {"class", "dy-label"},
             {"fill", "#111111"}, {"stroke", "#ffffff"}, {"stroke-width", "3"},
             {"stroke-linejoin", "round"}, {"paint-order", "stroke"}});
  w.Close();
}

constexpr double kLegendRow = 18;

double LegendWidth(const LocatorMapSpec& spec) {
  return 30 + std::max(TextWidth(spec.a.name, kFontSize), TextWidth(spec.b.name, kFontSize));
}

void WriteLegend(MarkupWriter& w, const Rect& r, const LocatorMapSpec& spec) {
  w.Open("g", {{"class", "dy-legend"}});
  w.Void("rect", {{"x", Num(r.x0)}, {"y", Num(r.y0)}, {"width", Num(r.x1 - r.x0)},
                  {"height", Num(r.y1 - r.y0)}, {"rx", "3"}, {"class", "dy-panel"},
                  {"fill", "#ffffff"}, {"fill-opacity", "0.85"}, {"stroke", "#8a9aa6"},
                  {"stroke-width", "0.5"}});
  const std::pair<const MapSide*, int> rows[] = {{&spec.a, 0}, {&spec.b, 1}};
  for (const auto& [side, i] : rows) {
    const double y = r.y0 + 6 + i * kLegendRow;
    w.Void("rect", {{"x", Num(r.x0 + 6)}, {"y", Num(y)}, {"width", "14"}, {"height", "12"},
                    {"class", i == 0 ? "dy-a" : "dy-b"}, {"fill", i == 0 ? kColourA : kColourB},
                    {"stroke", i == 0 ? kEdgeA : kEdgeB}, {"stroke-width", "1"}});
    w.Element("text", side->name,
              {{"x", Num(r.x0 + 26)}, {"y", Num(y + 10.5)}, {"class", "dy-label"}, {"fill", "#111111"}});
  }
  w.Close();
}

// Cuts a closed ring (degrees; edges may cross the antimeridian, as in stitched
// topologies) into rings within [-180, 180] for a world map centred on 0°: unwrap the
// longitudes, close rings that circle a pole along that pole, and clip copies shifted
// by -360°, 0° and 360° to the longitude range. Results are (lon, lat) as Vec2.
std::vector<std::vector<Vec2>> CutAtAntimeridian(const std::vector<LonLat>& ring) {
  std::vector<std::vector<Vec2>> out;
  if (ring.size() < 4) return out;
  std::vector<Vec2> u;
  u.reserve(ring.size() + 2);
  double offset = 0, lat_sum = 0;
  u.push_back({ring[0].lon, ring[0].lat});
  for (size_t i = 1; i < ring.size(); ++i) {
    const double d = ring[i].lon - ring[i - 1].lon;
    if (d > 180) offset -= 360;
    if (d < -180) offset += 360;
    u.push_back({ring[i].lon + offset, ring[i].lat});
    lat_sum += ring[i].lat;
  }
  if (offset != 0) {  // circles a pole: close the ring along it
    const double pole = lat_sum < 0 ? -90 : 90;
    u.push_back({u.back().x, pole});
    u.push_back({u.front().x, pole});
  }
  double x0 = 1e9, x1 = -1e9;
  for (const Vec2& p : u) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
  }
  for (double shift : {-360.0, 0.0, 360.0}) {
    if (x1 + shift < -180 || x0 + shift > 180) continue;
    std::vector<Vec2> s = u;
    for (Vec2& p : s) p.x += shift;
    auto clipped = ClipRing(s, Rect{-180, -90, 180, 90});
    if (clipped.size() >= 3) out.push_back(std::move(clipped));
  }
  return out;
}

// Equal Earth drawing: rings are rotated to the central meridian, cut there, densified
// (cut edges follow the curved edge meridian) and clipped to the view.
std::vector<Vec2> ProjectCutRing(const std::vector<Vec2>& piece, const View& view) {
  std::vector<Vec2> px;
  px.reserve(piece.size());
  for (size_t i = 0; i < piece.size(); ++i) {
    if (i > 0) {
      const double step = std::max(std::abs(piece[i].x - piece[i - 1].x), std::abs(piece[i].y - piece[i - 1].y));
      if (step > kDensifyDeg) {
        const int n = static_cast<int>(std::ceil(step / kDensifyDeg));
        for (int k = 1; k < n; ++k) {
          const double t = static_cast<double>(k) / n;
          px.push_back(view.ToPx(view.PlanarRotated({piece[i - 1].x + t * (piece[i].x - piece[i - 1].x),
                                                     piece[i - 1].y + t * (piece[i].y - piece[i - 1].y)})));
        }
      }
    }
    px.push_back(view.ToPx(view.PlanarRotated({piece[i].x, piece[i].y})));
  }
  return px;
}

void AddFeatureFillCut(const Feature& f, const Topology& topo, const View& view, const Rect& clip,
                       PathEncoder* enc) {
  for (const auto& poly : f.polygons) {
    for (const auto& ring : poly) {
      std::vector<LonLat> pts = topo.RingPoints(ring);
      for (LonLat& p : pts) p.lon = view.Rotate(p.lon);
      for (const auto& piece : CutAtAntimeridian(pts)) enc->Add(ClipRing(ProjectCutRing(piece, view), clip), true);
    }
  }
}

void AddArcStrokeCut(const std::vector<LonLat>& arc, const View& view, const Rect& clip, PathEncoder* enc) {
  std::vector<Vec2> run;  // rotated lon/lat
  auto flush = [&] {
    if (run.size() >= 2)
      for (const auto& piece : ClipPolyline(ProjectCutRing(run, view), clip)) enc->Add(piece, false);
    run.clear();
  };
  for (const LonLat& p : arc) {
    const Vec2 q{view.Rotate(p.lon), p.lat};
    if (!run.empty() && std::abs(q.x - run.back().x) > 180) flush();
    run.push_back(q);
  }
  flush();
}

// The whole sphere's outline in `view`, filled as sea.
void WriteSphere(MarkupWriter& w, const View& view) {
  std::vector<Vec2> outline;
  for (int lat = -90; lat <= 90; lat += 5) outline.push_back(view.ToPx(view.PlanarRotated({-180, double(lat)})));
  for (int lat = 90; lat >= -90; lat -= 5) outline.push_back(view.ToPx(view.PlanarRotated({180, double(lat)})));
  PathEncoder sphere(0.3);
  sphere.Add(outline, true);
  WritePath(w, "dy-sea", sphere, {{"fill", kSea}});
}

// Every country of `world` as land, with fa and fb in their sides' colours.
void WriteWorldLand(MarkupWriter& w, const Topology& world, const View& view, const Feature* fa, const Feature* fb) {
  const Rect all{-1e9, -1e9, 1e9, 1e9};
  PathEncoder land(1.4), pa(0.8), pb(0.8);
  for (const Feature& f : world.features)
    AddFeatureFillCut(f, world, view, all, &f == fa ? &pa : &f == fb ? &pb : &land);
  WritePath(w, "dy-land", land, {{"fill", kLand}});
  WritePath(w, "dy-a", pa, {{"fill", kColourA}});
  WritePath(w, "dy-b", pb, {{"fill", kColourB}});
}

// A state with no shape, or whose box is under 4 pixels both ways in `view`.
bool TinyIn(const View& view, const Feature* f) {
  if (f == nullptr) return true;
  const Vec2 p0 = view.ToPx(view.PlanarRotated({f->bbox.west, f->bbox.south}));
  const Vec2 p1 = view.ToPx(view.PlanarRotated({f->bbox.east, f->bbox.north}));
  return std::abs(p1.x - p0.x) < 4 && std::abs(p1.y - p0.y) < 4;
}

// The dot of side i (0: a, 1: b) at its representative point.
void WriteSideDot(MarkupWriter& w, const View& view, const SideGeo& g, size_t i) {
  const Vec2 c = view.ToPx(view.PlanarRotated(g.rep));
  w.Void("circle", {{"cx", Num(c.x)}, {"cy", Num(c.y)}, {"r", "2.5"}, {"class", i == 0 ? "dy-a" : "dy-b"},
                    {"fill", i == 0 ? kColourA : kColourB}, {"stroke", i == 0 ? kEdgeA : kEdgeB},
                    {"stroke-width", "0.8"}});
}

// Point k of kSteps along side `side` (top, right, bottom, left) of the main map, in pixels.
Vec2 BorderPoint(const View& main, int side, int k, int steps) {
  const double t = static_cast<double>(k) / steps;
  const double x = side == 0 ? t * main.width : side == 1 ? main.width : side == 2 ? (1 - t) * main.width : 0;
  const double y = side == 0 ? 0 : side == 1 ? t * main.height : side == 2 ? main.height : (1 - t) * main.height;
  return {x, y};
}

// The main map's border, unprojected to longitude and latitude, closed.
std::vector<LonLat> MainBorder(const View& main) {
  std::vector<LonLat> border;
  const int kSteps = 48;
  for (int side = 0; side < 4; ++side)
    for (int k = 0; k < kSteps; ++k)
      if (auto ll = main.Inverse(BorderPoint(main, side, k, kSteps))) border.push_back(*ll);
  if (!border.empty()) border.push_back(border.front());
  return border;
}

// Extent of the main map: its border drawn in the inset's projection, split where it
// crosses the antimeridian.
void WriteExtent(MarkupWriter& w, const View& view, const View& main) {
  PathEncoder extent(1.0);
  AddArcStrokeCut(MainBorder(main), view, Rect{-1e9, -1e9, 1e9, 1e9}, &extent);
  WritePath(w, "dy-extent", extent,
            {{"fill", "none"}, {"stroke", "#c0392b"}, {"stroke-width", "1"}, {"stroke-linejoin", "round"}});
}

// The inset: the whole world in Equal Earth, both states highlighted (a dot where a state
// is too small to see), and the main map's extent outlined.
void WriteInset(MarkupWriter& w, const Rect& r, const Topology& world, const Feature* fa,
                const Feature* fb, const SideGeo& ga, const SideGeo& gb, const View& main) {
  const double pad = 3;
  const View view = WorldView(r.x1 - r.x0 - 2 * pad, r.y1 - r.y0 - 2 * pad);
  w.Open("g", {{"class", "dy-inset"}});
  w.Void("rect", {{"x", Num(r.x0)}, {"y", Num(r.y0)}, {"width", Num(r.x1 - r.x0)},
                  {"height", Num(r.y1 - r.y0)}, {"rx", "3"}, {"class", "dy-panel"}, {"fill", "#ffffff"},
                  {"stroke", "#8a9aa6"}, {"stroke-width", "0.5"}});
  w.Open("g", {{"transform", fmt::format("translate({} {})", Num(r.x0 + pad), Num(r.y0 + pad))}});
  WriteSphere(w, view);
  WriteWorldLand(w, world, view, fa, fb);
  if (TinyIn(view, fa)) WriteSideDot(w, view, ga, 0);
  if (TinyIn(view, fb)) WriteSideDot(w, view, gb, 1);
  WriteExtent(w, view, main);
  w.Close();
  w.Close();
}

void WriteGraticule(MarkupWriter& w, const View& view, const Rect& clip) {
  PathEncoder enc(6.0);
  auto add_line = [&](auto point_at, int n) {
    if (view.kind == ViewKind::kEqualEarth) {
      std::vector<LonLat> line;
      for (int k = 0; k <= n; ++k) line.push_back(point_at(k));
      AddArcStrokeCut(line, view, clip, &enc);
      return;
    }
    ProjectedArc pa;
    for (int k = 0; k <= n; ++k) {
      Vec2 v;
      const bool in = view.ProjectPoint(ToUnitVector(point_at(k)), &v);
      pa.px.push_back(v);
      pa.in.push_back(in ? 1 : 0);
      pa.any_in |= in;
    }
    pa.box = {-1e9, -1e9, 1e9, 1e9};
    AddArcStroke(pa, clip, &enc);
  };
  for (int lon = -180; lon < 180; lon += 30)
    add_line([lon](int k) { return LonLat{double(lon), -80.0 + k}; }, 160);
  for (int lat = -60; lat <= 60; lat += 30)
    add_line([lat](int k) { return LonLat{-180.0 + k, double(lat)}; }, 360);
  WritePath(w, "dy-grat", enc, {{"fill", "none"}, {"stroke", "#5b7083"}, {"stroke-opacity", "0.25"},
                                {"stroke-width", "0.5"}});
}

}  // namespace

Result<MapData> LoadDefaultMapData() {
  MapData data;
  DYAD_ASSIGN_OR_RETURN(data.detail, LoadTopology(DefaultAtlasPath(AtlasDetail::k50m)));
  DYAD_ASSIGN_OR_RETURN(data.world, LoadTopology(DefaultAtlasPath(AtlasDetail::k110m)));
  return data;
}

std::string_view MapCss() {
  return R"css(@media (prefers-color-scheme: dark) {
  .dy-sea { fill: #14212c; }
  .dy-land { fill: #3a3f46; }
  .dy-a { fill: #56b4e9; stroke: #bfe4f8; }
  .dy-b { fill: #f0a830; stroke: #ffe0a3; }
  .dy-edge-a { stroke: #d7f0ff; }
  .dy-edge-b { stroke: #fff0cc; }
  .dy-border { stroke: #1d2329; }
  .dy-land { stroke: #6f8494; }
  .dy-void { fill: #101418; }
  .dy-grat { stroke: #9fb3c4; }
  .dy-panel { fill: #1e252c; stroke: #6f8494; }
  .dy-label { fill: #f2f4f5; stroke: #0b0f13; }
  .dy-legend .dy-label { stroke: none; }
  .dy-capital circle { fill: #0b0f13; stroke: #f2f4f5; }
  .dy-extent { stroke: #ff7b6b; }
}
)css";
}

namespace {

// Step 1: both sides located in an atlas, the kind of view, and its frame.
struct Framing {
  SideGeo a, b;
  ViewKind kind = ViewKind::kAzimuthal;
  View view;
  const Topology* topo = nullptr;
  double distance_km = 0;
};

// At small scales the coarse atlas looks the same, draws in a fraction of the time and
// bytes; it lacks some small states, so use it only when it has both.
void PreferCoarseAtlas(const LocatorMapSpec& spec, const MapData& data, Framing* f) {
  if (data.world == nullptr || kEarthRadiusKm / f->view.scale <= kCoarseKmPerPx) return;
  auto wa = ResolveSide(spec.a, *data.world);
  auto wb = ResolveSide(spec.b, *data.world);
  if (!wa.ok() || !wb.ok() || (wa->feature != nullptr) != (f->a.feature != nullptr) ||
      (wb->feature != nullptr) != (f->b.feature != nullptr))
    return;
  f->a = std::move(wa).value();
  f->b = std::move(wb).value();
  f->view = FrameView(f->a, f->b, spec.width, spec.height, f->kind);
  f->topo = data.world.get();
}

Result<Framing> FrameMap(const LocatorMapSpec& spec, const MapData& data) {
  Framing f;
  DYAD_ASSIGN_OR_RETURN(f.a, ResolveSide(spec.a, *data.detail));
  DYAD_ASSIGN_OR_RETURN(f.b, ResolveSide(spec.b, *data.detail));
  f.distance_km = AngularDistanceDeg(f.a.rep, f.b.rep) * kDeg * kEarthRadiusKm;
  f.kind = f.distance_km > kWorldViewKm ? ViewKind::kEqualEarth : ViewKind::kAzimuthal;
  f.view = FrameView(f.a, f.b, spec.width, spec.height, f.kind);
  f.topo = data.detail.get();
  PreferCoarseAtlas(spec, data, &f);
  return f;
}

std::string ProjectionName(const Framing& f) {
  if (f.kind == ViewKind::kAzimuthal) return "Lambert azimuthal equal-area centred on " + Degrees(f.view.proj.centre());
  return fmt::format("Equal Earth with central meridian {}°{}", Num(std::abs(f.view.lon0), 1), f.view.lon0 >= 0 ? "E" : "W");
}

std::string MissingNote(const LocatorMapSpec& spec, const Framing& f) {
  std::vector<std::string> missing;
  if (f.a.feature == nullptr) missing.push_back(spec.a.name);
  if (f.b.feature == nullptr) missing.push_back(spec.b.name);
  if (missing.empty()) return "";
  return fmt::format("not in the map atlas, shown by its capital only: {}", fmt::join(missing, ", "));
}

// Step 2: the land, both states and the borders as SVG paths.
struct Layers {
  PathEncoder land{1.2}, fill_a{0.6}, fill_b{0.6}, border{1.2}, edge_a{0.6}, edge_b{0.6};
};

void AddFills(const Framing& f, const std::vector<ProjectedArc>& arcs, const Rect& clip, Layers* l) {
  for (const Feature& feat : f.topo->features) {
    PathEncoder* enc = &feat == f.a.feature ? &l->fill_a : &feat == f.b.feature ? &l->fill_b : &l->land;
    if (f.kind == ViewKind::kAzimuthal) AddFeatureFill(feat, arcs, clip, enc);
    else AddFeatureFillCut(feat, *f.topo, f.view, clip, enc);
  }
}

int32_t FeatureIndex(const Topology& topo, const Feature* f) {
  return f == nullptr ? -1 : static_cast<int32_t>(f - topo.features.data());
}

// Coasts are the fills' own strokes; only land borders are drawn as lines.
void AddBorders(const Framing& f, const std::vector<ProjectedArc>& arcs, const Rect& clip, Layers* l) {
  const Topology& topo = *f.topo;
  const int32_t ia = FeatureIndex(topo, f.a.feature), ib = FeatureIndex(topo, f.b.feature);
  for (size_t i = 0; i < topo.arcs.size(); ++i) {
    const auto [u0, u1] = topo.arc_users[i];
    if (u0 < 0) continue;
    const bool shared = u1 >= 0;
    if (!shared && topo.OnAntimeridian(i)) continue;
    std::vector<PathEncoder*> targets;
    if (shared) targets.push_back(&l->border);
    // A side without a feature (a split view's absent side, a state not in the atlas) has
    // no edge: its index -1 would match every coast's missing second user.
    if (ia >= 0 && (u0 == ia || u1 == ia)) targets.push_back(&l->edge_a);
    if (ib >= 0 && (u0 == ib || u1 == ib)) targets.push_back(&l->edge_b);
    for (PathEncoder* enc : targets) {
      if (f.kind == ViewKind::kAzimuthal) AddArcStroke(arcs[i], clip, enc);
      else AddArcStrokeCut(topo.arcs[i], f.view, clip, enc);
    }
  }
}

void DrawLayers(const Framing& f, const Rect& clip, Layers* l) {
  std::vector<ProjectedArc> arcs;
  if (f.kind == ViewKind::kAzimuthal)
    arcs = ProjectArcs(*f.topo, [&](const Vec3& p, Vec2* out) { return f.view.ProjectPoint(p, out); });
  AddFills(f, arcs, clip, l);
  AddBorders(f, arcs, clip, l);
}

// Step 3: capitals in pixels, and the points the legend and inset should not cover.
struct Placement {
  std::vector<CapitalMark> marks;
  std::vector<Vec2> avoid;
};

void PlaceSide(const SideGeo& g, const MapSide& side, const View& view, double W, double H, Placement* p) {
  for (size_t k = 0; k < g.frame.size(); k += std::max<size_t>(1, g.frame.size() / 200)) {
    Vec2 v;
    if (view.ProjectPoint(g.frame[k], &v)) p->avoid.push_back(v);
  }
  if (!g.capital || side.capital.empty()) return;
  Vec2 v;
  if (!view.ProjectPoint(ToUnitVector(*g.capital), &v) || !Rect{0, 0, W, H}.Contains(v)) return;
  p->marks.push_back({v, side.capital});
  for (int k = 0; k < 25; ++k) p->avoid.push_back(v);  // weigh capitals heavily
}

Placement PlaceCapitals(const LocatorMapSpec& spec, const Framing& f, double W, double H) {
  Placement p;
  PlaceSide(f.a, spec.a, f.view, W, H, &p);
  PlaceSide(f.b, spec.b, f.view, W, H, &p);
  PlaceLabels(p.marks, W);
  return p;
}

// States only a few pixels across get a ring in their colour so the eye finds them.
struct Ring {
  Vec2 at;
  double r;
  int side;
};

// The pixel box of a side's frame points in view (x0 > x1 when none is).
Rect FrameBox(const SideGeo& g, const View& view) {
  Rect box{1e9, 1e9, -1e9, -1e9};
  for (const Vec3& p : g.frame) {
    Vec2 v;
    if (!view.ProjectPoint(p, &v)) continue;
    box = {std::min(box.x0, v.x), std::min(box.y0, v.y), std::max(box.x1, v.x), std::max(box.y1, v.y)};
  }
  return box;
}

std::optional<Ring> RingFor(const SideGeo& g, const View& view, int side) {
  const Rect box = FrameBox(g, view);
  const double size = std::max(box.x1 - box.x0, box.y1 - box.y0);
  if (box.x0 > box.x1 || size >= kSmallStatePx) return std::nullopt;
  return Ring{{(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2}, size / 2 + 7, side};
}

std::vector<Ring> SmallStateRings(const Framing& f) {
  std::vector<Ring> rings;
  if (auto r = RingFor(f.a, f.view, 0)) rings.push_back(*r);
  if (auto r = RingFor(f.b, f.view, 1)) rings.push_back(*r);
  return rings;
}

// Step 4: the text alternative.
std::string MapDescription(const LocatorMapSpec& spec, const Framing& f, const LocatorMap& result,
                           const std::vector<CapitalMark>& marks) {
  std::string desc = fmt::format("{} (blue) and {} (orange) highlighted; other countries grey.", spec.a.name, spec.b.name);
  if (!marks.empty()) {
    std::vector<std::string> caps;
    for (const auto& m : marks) caps.push_back(m.label);
    desc += fmt::format(" Capitals marked: {}.", fmt::join(caps, ", "));
  }
  desc += fmt::format(" Distance between the two: about {} km.", Num(std::round(f.distance_km / 100) * 100, 0));
  desc += " Projection: " + result.projection + ".";
  if (result.has_inset) desc += " Inset: the world in the Equal Earth projection, the main map's area outlined in red.";
  if (result.split) desc += " Split view: the two are far apart, so each has its own panel at its own scale.";
  if (!result.note.empty()) desc += " Note: " + result.note + ".";
  return desc + " Map data: Natural Earth (public domain).";
}

// Step 5: the SVG.
void OpenMapSvg(MarkupWriter& w, const LocatorMapSpec& spec, double W, double H, const std::string& desc) {
  const std::string title_id = spec.id_prefix + "-title", desc_id = spec.id_prefix + "-desc";
  w.Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                 {"viewBox", fmt::format("0 0 {} {}", Num(W), Num(H))},
                 {"width", Num(W)},
                 {"height", Num(H)},
                 {"role", "img"},
                 {"aria-labelledby", title_id + " " + desc_id},
                 {"class", "dy-map"},
                 {"font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
                 {"font-size", Num(kFontSize)}});
  w.Element("title", fmt::format("Locator map of {} and {}", spec.a.name, spec.b.name), {{"id", title_id}});
  w.Element("desc", desc, {{"id", desc_id}});
  if (spec.embed_style) w.Element("style", MapCss());
}

// The sea: in the world view the world's outline is the sea, and beyond it nothing.
void WriteSea(MarkupWriter& w, const Framing& f, double W, double H, const Rect& clip) {
  if (f.kind != ViewKind::kEqualEarth) {
    w.Void("rect", {{"width", Num(W)}, {"height", Num(H)}, {"class", "dy-sea"}, {"fill", kSea}});
    return;
  }
  w.Void("rect", {{"width", Num(W)}, {"height", Num(H)}, {"class", "dy-void"}, {"fill", "#ffffff"}});
  std::vector<Vec2> outline;
  for (int lat = -90; lat <= 90; lat += 2) outline.push_back(f.view.ToPx(f.view.PlanarRotated({-180, double(lat)})));
  for (int lat = 90; lat >= -90; lat -= 2) outline.push_back(f.view.ToPx(f.view.PlanarRotated({180, double(lat)})));
  PathEncoder sphere(0.5);
  sphere.Add(ClipRing(outline, clip), true);
  WritePath(w, "dy-sea", sphere, {{"fill", kSea}});
}

void WriteLayers(MarkupWriter& w, const Layers& l) {
  WritePath(w, "dy-land", l.land, {{"fill", kLand}, {"fill-rule", "evenodd"}, {"stroke", "#8a9aa6"},
                                   {"stroke-width", "0.5"}, {"stroke-linejoin", "round"}});
  WritePath(w, "dy-a", l.fill_a, {{"fill", kColourA}, {"fill-rule", "evenodd"}});
  WritePath(w, "dy-b", l.fill_b, {{"fill", kColourB}, {"fill-rule", "evenodd"}});
  WritePath(w, "dy-border", l.border, {{"fill", "none"}, {"stroke", "#ffffff"}, {"stroke-width", "0.7"}, {"stroke-linejoin", "round"}});
  WritePath(w, "dy-edge-a", l.edge_a, {{"fill", "none"}, {"stroke", kEdgeA}, {"stroke-width", "1"}, {"stroke-linejoin", "round"}});
  WritePath(w, "dy-edge-b", l.edge_b, {{"fill", "none"}, {"stroke", kEdgeB}, {"stroke-width", "1"}, {"stroke-linejoin", "round"}});
}

void WriteRings(MarkupWriter& w, const std::vector<Ring>& rings) {
  for (const auto& r : rings)
    w.Void("circle", {{"cx", Num(r.at.x)}, {"cy", Num(r.at.y)}, {"r", Num(r.r)}, {"fill", "none"},
                      {"class", r.side == 0 ? "dy-edge-a" : "dy-edge-b"}, {"stroke", r.side == 0 ? kEdgeA : kEdgeB},
                      {"stroke-width", "1.5"}});
}

const Feature* WorldFeature(const Topology& world, const MapSide& side) {
  const Feature* f = world.FindById(side.iso_numeric);
  return f != nullptr ? f : world.FindByA3(side.iso3);
}

// The inset and the legend, each in a corner that covers neither state nor capital.
void WriteCorners(MarkupWriter& w, const LocatorMapSpec& spec, const MapData& data, const Framing& f,
                  const LocatorMap& result, const std::vector<Vec2>& avoid, double W, double H) {
  const double inset_w = std::round(W * 0.3), inset_h = std::round(inset_w * 0.5);
  const double legend_w = LegendWidth(spec), legend_h = 2 * kLegendRow + 6;
  const int inset_corner =
      result.has_inset ? PickCorner(W, H, inset_w + 8, inset_h + 8, avoid, -1, {2, 3, 1, 0}) : -1;
  const int legend_corner = PickCorner(W, H, legend_w + 8, legend_h + 8, avoid, inset_corner, {2, 3, 0, 1});
  if (result.has_inset)
    WriteInset(w, CornerRect(inset_corner, W, H, inset_w, inset_h, 6), *data.world, WorldFeature(*data.world, spec.a),
               WorldFeature(*data.world, spec.b), f.a, f.b, f.view);
  WriteLegend(w, CornerRect(legend_corner, W, H, legend_w, legend_h, 6), spec);
}

bool WantsInset(const LocatorMapSpec& spec, const MapData& data, const Framing& f) {
  return data.world != nullptr && (spec.inset == InsetMode::kAlways ||
                                   (spec.inset == InsetMode::kAuto && f.distance_km >= spec.inset_min_distance_km));
}

// ---- the split view: one panel per state ---------------------------------------------------

// A side spanning less than this share of the map's shorter dimension is a speck on it.
constexpr double kSpeckShare = 0.15;

bool Speck(const SideGeo& g, const View& view) {
  const Rect box = FrameBox(g, view);
  return std::max(box.x1 - box.x0, box.y1 - box.y0) < kSpeckShare * std::min(view.width, view.height);
}

// Far apart, or apart enough for an inset while one of them would be a speck on the joint
// map (Gambia and Israel: a ring at one edge, a sliver at the other).
bool WantsSplit(const LocatorMapSpec& spec, const Framing& f) {
  if (spec.inset != InsetMode::kAuto) return false;
  return f.distance_km >= spec.split_min_distance_km ||
         (f.distance_km >= spec.inset_min_distance_km && (Speck(f.a, f.view) || Speck(f.b, f.view)));
}

// A panel framed on one side alone (the other side absent from it: no fill, no capital).
Framing PanelFraming(const Framing& f, int side, double width, double height) {
  Framing p = f;
  (side == 0 ? p.b : p.a) = SideGeo{};
  const SideGeo& g = side == 0 ? p.a : p.b;
  p.kind = ViewKind::kAzimuthal;
  p.view = FrameView(g, g, width, height, p.kind);
  return p;
}

// The state's name over its panel, in its colour's edge, on a light plate.
void WritePanelTitle(MarkupWriter& w, const std::string& name, int side, double W) {
  const double tw = TextWidth(name, kFontSize) + 12;
  w.Void("rect", {{"x", Num((W - tw) / 2)}, {"y", "4"}, {"width", Num(tw)}, {"height", "18"}, {"rx", "3"},
                  {"class", "dy-panel"}, {"fill", "#ffffff"}, {"fill-opacity", "0.85"}, {"stroke", side == 0 ? kEdgeA : kEdgeB},
                  {"stroke-width", "1"}});
  w.Element("text", name, {{"x", Num(W / 2)}, {"y", "17"}, {"text-anchor", "middle"}, {"class", "dy-label"},
                           {"fill", "#111111"}, {"font-weight", "600"}});
}

// One panel: a nested <svg> (it clips to its box) at x, vertically centred in H.
void WritePanel(MarkupWriter& w, const LocatorMapSpec& spec, const Framing& p, int side, double x, double H) {
  const double W = p.view.width, h = p.view.height;
  w.Open("svg", {{"x", Num(x)}, {"y", Num(std::round((H - h) / 2))}, {"width", Num(W)}, {"height", Num(h)},
                 {"viewBox", fmt::format("0 0 {} {}", Num(W), Num(h))}, {"class", "dy-map-panel"}});
  const Rect clip{-2, -2, W + 2, h + 2};
  Layers layers;
  DrawLayers(p, clip, &layers);
  WriteSea(w, p, W, h, clip);
  WriteGraticule(w, p.view, clip);
  WriteLayers(w, layers);
  WriteRings(w, SmallStateRings(p));
  for (const auto& m : PlaceCapitals(spec, p, W, h).marks) WriteCapital(w, m);
  WritePanelTitle(w, side == 0 ? spec.a.name : spec.b.name, side, W);
  w.Close();
}

// Where a panel sits and where its state lies in it, in the map's pixels.
MapPanel PanelOf(const Framing& p, int side, double x) {
  Rect box = FrameBox(side == 0 ? p.a : p.b, p.view);
  box = {box.x0 + x, box.y0, box.x1 + x, box.y1};
  return {Rect{x, 0, x + p.view.width, p.view.height}, box};
}

std::string SplitProjection(const std::array<Framing, 2>& panels, const LocatorMapSpec& spec) {
  return fmt::format("two panels, Lambert azimuthal equal-area centred on {} ({}) and on {} ({})",
                     Degrees(panels[0].view.proj.centre()), spec.a.name, Degrees(panels[1].view.proj.centre()),
                     spec.b.name);
}

// Both panels' capitals, for the description.
std::vector<CapitalMark> SplitMarks(const LocatorMapSpec& spec, const std::array<Framing, 2>& panels) {
  std::vector<CapitalMark> marks;
  for (const Framing& p : panels)
    for (const auto& m : PlaceCapitals(spec, p, p.view.width, p.view.height).marks) marks.push_back(m);
  return marks;
}

Result<LocatorMap> RenderSplit(const LocatorMapSpec& spec, const MapData& data, Framing f) {
  DYAD_ASSIGN_OR_RETURN(f.a, ResolveSide(spec.a, *data.detail));  // panels are large-scale: the detail atlas
  DYAD_ASSIGN_OR_RETURN(f.b, ResolveSide(spec.b, *data.detail));
  f.topo = data.detail.get();
  const double half = std::floor((spec.width - 4) / 2.0);
  std::array<Framing, 2> panels{PanelFraming(f, 0, half, spec.height), PanelFraming(f, 1, half, spec.height)};
  const double W = spec.width, H = std::max(panels[0].view.height, panels[1].view.height);
  for (Framing& p : panels) p.view.height = H;  // one height: the shorter panel shows more around its state
  LocatorMap result;
  result.split = true;
  result.panels = {PanelOf(panels[0], 0, 0), PanelOf(panels[1], 1, W - half)};
  result.projection = SplitProjection(panels, spec);
  result.note = MissingNote(spec, f);
  MarkupWriter w;
  OpenMapSvg(w, spec, W, H, MapDescription(spec, f, result, SplitMarks(spec, panels)));
  w.Void("rect", {{"width", Num(W)}, {"height", Num(H)}, {"class", "dy-void"}, {"fill", "#ffffff"}});
  WritePanel(w, spec, panels[0], 0, 0, H);  // both panels are H tall: y = 0
  WritePanel(w, spec, panels[1], 1, W - half, H);
  result.svg = w.Finish();
  return result;
}

}  // namespace

Result<LocatorMap> RenderLocatorMap(const LocatorMapSpec& spec, const MapData& data) {
  if (data.detail == nullptr) return Status::InvalidArgument("locator map: no atlas given");
  DYAD_ASSIGN_OR_RETURN(Framing f, FrameMap(spec, data));
  if (WantsSplit(spec, f)) return RenderSplit(spec, data, std::move(f));
  const double W = spec.width, H = f.view.height;
  LocatorMap result;
  result.projection = ProjectionName(f);
  result.has_inset = WantsInset(spec, data, f);
  result.note = MissingNote(spec, f);
  const Rect clip{-2, -2, W + 2, H + 2};
  Layers layers;
  DrawLayers(f, clip, &layers);
  const Placement placed = PlaceCapitals(spec, f, W, H);
  MarkupWriter w;
  OpenMapSvg(w, spec, W, H, MapDescription(spec, f, result, placed.marks));
  WriteSea(w, f, W, H, clip);
  WriteGraticule(w, f.view, clip);
  WriteLayers(w, layers);
  WriteRings(w, SmallStateRings(f));
  for (const auto& m : placed.marks) WriteCapital(w, m);
  WriteCorners(w, spec, data, f, result, placed.avoid, W, H);
  result.svg = w.Finish();
  return result;
}

}  // namespace dyad::graphics
