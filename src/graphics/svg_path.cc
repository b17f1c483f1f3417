#include "graphics/svg_path.h"

#include <cmath>
#include <cstdlib>

namespace dyad::graphics {
namespace {

// Clips `in` against one half-plane: inside(p) and the crossing of segment a-b.
template <typename Inside, typename Cross>
std::vector<Vec2> ClipEdge(const std::vector<Vec2>& in, Inside inside, Cross cross) {
  std::vector<Vec2> out;
  if (in.empty()) return out;
  out.reserve(in.size() + 4);
  Vec2 prev = in.back();
  bool prev_in = inside(prev);
  for (const Vec2& cur : in) {
    const bool cur_in = inside(cur);
    if (cur_in) {
      if (!prev_in) out.push_back(cross(prev, cur));
      out.push_back(cur);
    } else if (prev_in) {
      out.push_back(cross(prev, cur));
    }
    prev = cur;
    prev_in = cur_in;
  }
  return out;
}

Vec2 AtX(const Vec2& a, const Vec2& b, double x) {
  const double t = (x - a.x) / (b.x - a.x);
  return {x, a.y + t * (b.y - a.y)};
}

Vec2 AtY(const Vec2& a, const Vec2& b, double y) {
  const double t = (y - a.y) / (b.y - a.y);
  return {a.x + t * (b.x - a.x), y};
}

// Appends a tenths-of-pixel integer as a decimal ("123" -> "12.3", "-5" -> "-0.5").
// A leading space separates it from the previous number unless a minus sign does.
void AppendTenths(std::string& s, long v, bool separate) {
  char buf[24];
  char* end = buf + sizeof(buf);
  char* p = end;
  const bool negative = v < 0;
  unsigned long u = negative ? static_cast<unsigned long>(-v) : static_cast<unsigned long>(v);
  const unsigned long frac = u % 10;
  u /= 10;
  if (frac != 0) {
    *--p = static_cast<char>('0' + frac);
    *--p = '.';
  }
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (negative) *--p = '-';
  else if (separate) *--p = ' ';
  s.append(p, static_cast<size_t>(end - p));
}

}  // namespace

std::vector<Vec2> ClipRing(const std::vector<Vec2>& ring, const Rect& r) {
  bool all_in = true;
  for (const Vec2& p : ring) {
    if (!r.Contains(p)) {
      all_in = false;
      break;
    }
  }
  if (all_in) return ring;
  auto out = ClipEdge(ring, [&](const Vec2& p) { return p.x >= r.x0; },
                      [&](const Vec2& a, const Vec2& b) { return AtX(a, b, r.x0); });
  out = ClipEdge(out, [&](const Vec2& p) { return p.x <= r.x1; },
                 [&](const Vec2& a, const Vec2& b) { return AtX(a, b, r.x1); });
  out = ClipEdge(out, [&](const Vec2& p) { return p.y >= r.y0; },
                 [&](const Vec2& a, const Vec2& b) { return AtY(a, b, r.y0); });
  out = ClipEdge(out, [&](const Vec2& p) { return p.y <= r.y1; },
                 [&](const Vec2& a, const Vec2& b) { return AtY(a, b, r.y1); });
  return out;
}

std::vector<std::vector<Vec2>> ClipPolyline(const std::vector<Vec2>& line, const Rect& r) {
  std::vector<std::vector<Vec2>> out;
  std::vector<Vec2> run;
  auto flush = [&] {
    if (run.size() >= 2) out.push_back(std::move(run));
    run.clear();
  };
  for (size_t i = 1; i < line.size(); ++i) {
    // Liang–Barsky on segment a-b.
    const Vec2 a = line[i - 1], b = line[i];
    const double dx = b.x - a.x, dy = b.y - a.y;
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - r.x0, r.x1 - a.x, a.y - r.y0, r.y1 - a.y};
    bool visible = true;
    for (int k = 0; k < 4 && visible; ++k) {
      if (p[k] == 0) {
        if (q[k] < 0) visible = false;
      } else {
        const double t = q[k] / p[k];
        if (p[k] < 0) {
          if (t > t1) visible = false;
          else if (t > t0) t0 = t;
        } else {
          if (t < t0) visible = false;
          else if (t < t1) t1 = t;
        }
      }
    }
    if (!visible) {
      flush();
      continue;
    }
    const Vec2 s{a.x + t0 * dx, a.y + t0 * dy}, e{a.x + t1 * dx, a.y + t1 * dy};
    if (t0 > 0) flush();
    if (run.empty()) run.push_back(s);
    run.push_back(e);
    if (t1 < 1) flush();
  }
  flush();
  return out;
}

void PathEncoder::Add(const std::vector<Vec2>& points, bool closed) {
  if (points.size() < (closed ? 3u : 2u)) return;
  std::vector<std::pair<long, long>> kept;
  kept.reserve(points.size());
  Vec2 last{};
  for (size_t i = 0; i < points.size(); ++i) {
    const Vec2& p = points[i];
    const bool is_end = i + 1 == points.size();
    if (!kept.empty()) {
      const double dx = p.x - last.x, dy = p.y - last.y;
      if (dx * dx + dy * dy < min_step2_ && !(is_end && !closed)) continue;
    }
    const std::pair<long, long> q{std::lround(p.x * 10), std::lround(p.y * 10)};
    if (!kept.empty() && kept.back() == q) continue;
    kept.push_back(q);
    last = p;
  }
  if (closed && kept.size() > 1 && kept.front() == kept.back()) kept.pop_back();
  if (kept.size() < (closed ? 3u : 2u)) return;
  d_ += 'M';
  AppendTenths(d_, kept[0].first, false);
  AppendTenths(d_, kept[0].second, true);
  d_ += 'l';
  for (size_t i = 1; i < kept.size(); ++i) {
    AppendTenths(d_, kept[i].first - kept[i - 1].first, i > 1);
    AppendTenths(d_, kept[i].second - kept[i - 1].second, true);
  }
  if (closed) d_ += 'z';
}

}  // namespace dyad::graphics
