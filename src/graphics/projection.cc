#include "graphics/projection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dyad::graphics {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

// Equal Earth polynomial coefficients (Šavrič et al. 2018, eq. 2).
constexpr double kA1 = 1.340264, kA2 = -0.081106, kA3 = 0.000893, kA4 = 0.003796;
const double kM = std::sqrt(3.0) / 2.0;

// Equal Earth's y of the parametric latitude t, and its derivative dy/dt.
double EqualEarthY(double t) {
  const double t2 = t * t, t6 = t2 * t2 * t2;
  return t * (kA1 + kA2 * t2 + t6 * (kA3 + kA4 * t2));
}
double EqualEarthDy(double t) {
  const double t2 = t * t, t6 = t2 * t2 * t2;
  return kA1 + 3 * kA2 * t2 + t6 * (7 * kA3 + 9 * kA4 * t2);
}

// The parametric latitude whose y is `y` (Newton's method, at most 20 steps).
double ParametricLatitude(double y) {
  double t = y;
  for (int i = 0; i < 20; ++i) {
    const double step = (EqualEarthY(t) - y) / EqualEarthDy(t);
    t -= step;
    if (std::abs(step) < 1e-12) break;
  }
  return t;
}

// a·u + b·v
Vec3 Mix(double a, const Vec3& u, double b, const Vec3& v) {
  return {a * u.x + b * v.x, a * u.y + b * v.y, a * u.z + b * v.z};
}

}  // namespace

Vec3 ToUnitVector(const LonLat& p) {
  const double lon = p.lon * kDeg, lat = p.lat * kDeg;
  const double cl = std::cos(lat);
  return {cl * std::cos(lon), cl * std::sin(lon), std::sin(lat)};
}

LonLat FromUnitVector(const Vec3& v) {
  const double h = std::hypot(v.x, v.y);
  return {std::atan2(v.y, v.x) / kDeg, std::atan2(v.z, h) / kDeg};
}

double Dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }

double AngularDistanceDeg(const LonLat& a, const LonLat& b) {
  const Vec3 u = ToUnitVector(a), v = ToUnitVector(b);
  const Vec3 cross{u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x};
  return std::atan2(std::sqrt(Dot(cross, cross)), Dot(u, v)) / kDeg;
}

LonLat GreatCircleMidpoint(const LonLat& a, const LonLat& b) {
  const Vec3 s = Mix(1, ToUnitVector(a), 1, ToUnitVector(b));
  if (Dot(s, s) < 1e-12) return a;
  return FromUnitVector(s);
}

AzimuthalEqualArea::AzimuthalEqualArea(LonLat centre) : centre_(centre) {
  const double l0 = centre.lon * kDeg, p0 = centre.lat * kDeg;
  c_ = ToUnitVector(centre);
  east_ = {-std::sin(l0), std::cos(l0), 0};
  north_ = {-std::sin(p0) * std::cos(l0), -std::sin(p0) * std::sin(l0), std::cos(p0)};
}

Vec2 AzimuthalEqualArea::ForwardUnit(const Vec3& p) const {
  const double cosc = Dot(p, c_);
  if (1 + cosc < 1e-12) return {0, -2};  // the antipode: any direction; put it on the rim
  const double k = std::sqrt(2 / (1 + cosc));
  return {k * Dot(p, east_), k * Dot(p, north_)};
}

std::optional<LonLat> AzimuthalEqualArea::Inverse(const Vec2& v) const {
  const double rho = std::hypot(v.x, v.y);
  if (rho > 2 + 1e-12) return std::nullopt;
  if (rho < 1e-15) return centre_;
  const double c = 2 * std::asin(std::min(1.0, rho / 2));
  const double sc = std::sin(c), cc = std::cos(c);
  // Direction on the tangent plane, then rotate away from the centre by c.
  const Vec3 dir = Mix(v.x / rho, east_, v.y / rho, north_);
  return FromUnitVector(Mix(cc, c_, sc, dir));
}

Vec2 EqualEarth::Forward(const LonLat& p) const {
  const double lambda = p.lon * kDeg, phi = p.lat * kDeg;
  const double t = std::asin(kM * std::sin(phi));
  return {lambda * std::cos(t) / (kM * EqualEarthDy(t)), EqualEarthY(t)};
}

std::optional<LonLat> EqualEarth::Inverse(const Vec2& v) const {
  const double t = ParametricLatitude(v.y);
  const double s = std::sin(t) / kM;
  if (std::abs(s) > 1 + 1e-9) return std::nullopt;
  const double lambda = kM * v.x * EqualEarthDy(t) / std::cos(t);
  if (std::abs(lambda) > std::numbers::pi + 1e-9) return std::nullopt;
  return LonLat{lambda / kDeg, std::asin(std::clamp(s, -1.0, 1.0)) / kDeg};
}

}  // namespace dyad::graphics
