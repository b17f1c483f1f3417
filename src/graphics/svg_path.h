// Planar helpers for drawing projected geometry as SVG paths: clipping to the view
// rectangle and a compact path encoder. Coordinates are SVG pixels (y down).
#ifndef DYAD_GRAPHICS_SVG_PATH_H_
#define DYAD_GRAPHICS_SVG_PATH_H_

#include <string>
#include <vector>

#include "graphics/projection.h"

namespace dyad::graphics {

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool Contains(const Vec2& p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
  bool Intersects(const Rect& o) const { return o.x0 <= x1 && o.x1 >= x0 && o.y0 <= y1 && o.y1 >= y0; }
};

// Sutherland–Hodgman clip of a closed ring (no repeated closing point needed) to `r`.
// Exact for every ring since the clip region is convex; parts outside become runs along
// the rectangle's edges.
std::vector<Vec2> ClipRing(const std::vector<Vec2>& ring, const Rect& r);

// Clips an open polyline to `r`; each visible run becomes one output polyline.
std::vector<std::vector<Vec2>> ClipPolyline(const std::vector<Vec2>& line, const Rect& r);

// Builds an SVG path "d" with coordinates rounded to 0.1 px, relative commands, and
// points closer than `min_step` px to the previous kept point dropped.
class PathEncoder {
 public:
  explicit PathEncoder(double min_step = 0.5) : min_step2_(min_step * min_step) {}
  // Appends a subpath; `closed` adds "z". Subpaths that shrink below 2 points (3 when
  // closed) are skipped.
  void Add(const std::vector<Vec2>& points, bool closed);
  const std::string& d() const { return d_; }
  bool empty() const { return d_.empty(); }

 private:
  double min_step2_;
  std::string d_;
};

}  // namespace dyad::graphics

#endif  // DYAD_GRAPHICS_SVG_PATH_H_
