// Map projections used by the locator map (docs/formats/locator-map.md says why).
//
// Both work on the unit sphere; outputs are in sphere units with y pointing north (the
// SVG writer flips y). Angles in degrees at the interface, radians inside.
#ifndef DYAD_GRAPHICS_PROJECTION_H_
#define DYAD_GRAPHICS_PROJECTION_H_

#include <optional>

#include "graphics/topojson.h"

namespace dyad::graphics {

struct Vec2 {
  double x = 0, y = 0;
};

Vec3 ToUnitVector(const LonLat& p);
LonLat FromUnitVector(const Vec3& v);  // v need not be normalised; v != 0
double Dot(const Vec3& a, const Vec3& b);
// Great-circle distance in degrees.
double AngularDistanceDeg(const LonLat& a, const LonLat& b);
// The midpoint of the great circle from a to b; a itself when they are antipodal.
LonLat GreatCircleMidpoint(const LonLat& a, const LonLat& b);

// Oblique Lambert azimuthal equal-area, centred on `centre`. Areas are true everywhere
// and directions from the centre are true; a point at angular distance c from the
// centre lands at radius 2 sin(c/2) (so the whole sphere fits in a disk of radius 2,
// the antipode being its rim). No meridian is cut: the only singular point is the
// antipode of the centre.
class AzimuthalEqualArea {
 public:
  explicit AzimuthalEqualArea(LonLat centre);
  Vec2 Forward(const LonLat& p) const { return ForwardUnit(ToUnitVector(p)); }
  // p must be a unit vector; undefined at the antipode (returns the rim, radius 2).
  Vec2 ForwardUnit(const Vec3& p) const;
  // Cosine of the angular distance from the centre.
  double CosDistance(const Vec3& p) const { return Dot(p, c_); }
  std::optional<LonLat> Inverse(const Vec2& v) const;  // nullopt outside radius 2
  const LonLat& centre() const { return centre_; }

 private:
  LonLat centre_;
  Vec3 c_, east_, north_;
};

// Equal Earth (Šavrič, Patterson, Jenny 2018), central meridian 0: an equal-area
// pseudocylindrical world projection. x in [-2.7, 2.7], y in [-1.32, 1.32] roughly.
class EqualEarth {
 public:
  Vec2 Forward(const LonLat& p) const;
  std::optional<LonLat> Inverse(const Vec2& v) const;  // Newton iteration on the latitude
};

}  // namespace dyad::graphics

#endif  // DYAD_GRAPHICS_PROJECTION_H_
