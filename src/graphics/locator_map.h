// A locator map: two regions highlighted on a map framed on them (graphics kit).
//
// Input is a small struct (ISO numeric ids, names, capitals): the caller fills it with
// whatever it resolved (the dossier builder from the world registry).
// Projection, framing, clipping and colours are documented in docs/formats/locator-map.md.
// Output is one SVG element: role="img", <title> and <desc>, no external reference, no
// script; colours are presentation attributes plus `dy-*` classes that the HTML page's
// CSS restyles for dark mode.
#ifndef DYAD_GRAPHICS_LOCATOR_MAP_H_
#define DYAD_GRAPHICS_LOCATOR_MAP_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "graphics/svg_path.h"
#include "graphics/topojson.h"

namespace dyad::graphics {

struct MapSide {
  std::string iso_numeric;  // "417"; looked up as the atlas feature id
  std::string iso3;         // "KGZ"; fallback lookup by properties.a3 (Kosovo: XKX)
  std::string name;         // "Kyrgyzstan"
  std::string capital;      // "Bishkek"; no marker when empty or without coordinates
  std::optional<double> capital_lat, capital_lon;
};

enum class InsetMode {
  kAuto,    // far apart: a world inset, or a split view (inset_/split_min_distance_km)
  kAlways,  // one map with a world inset, never split
  kNever,   // one map, no inset, never split
};

struct LocatorMapSpec {
  MapSide a, b;
  int width = 640, height = 400;  // SVG user units (CSS pixels at 100%)
  InsetMode inset = InsetMode::kAuto;
  double inset_min_distance_km = 3000;  // between the two states' representative points
  // From this distance (kAuto) the map is a split view: one panel per state, each framed
  // on its state, side by side, so neither is a speck at the edge of a world map. From
  // inset_min_distance_km it is one too when a state would be a speck on one map (spanning
  // less than 15 % of its shorter side).
  double split_min_distance_km = 6000;
  std::string id_prefix = "map";        // prefix of element ids, unique within a page
  bool embed_style = false;  // add a <style> with the dark-mode rules (standalone files)
};

// The atlases the map draws from: `detail` for the main map (50m), `world` for the inset
// (110m, smaller and enough at inset size). Both are decoded once per process.
struct MapData {
  std::shared_ptr<const Topology> detail;
  std::shared_ptr<const Topology> world;
};
Result<MapData> LoadDefaultMapData();

// One panel of a split view: its box in the map and the box of its state's outline (its
// larger polygons and capital) within it, in SVG user units.
struct MapPanel {
  Rect frame, state;
};

struct LocatorMap {
  std::string svg;
  std::string projection;  // e.g. "Lambert azimuthal equal-area centred on 71.3°N 2.1°W"
  bool has_inset = false;
  bool split = false;      // two panels, one per state (LocatorMapSpec::split_min_distance_km)
  std::vector<MapPanel> panels;  // the split view's two panels (a's, then b's); empty otherwise
  std::string note;        // what could not be drawn ("Tuvalu is not in the atlas: ..."), or ""
};

// NotFound when a state is neither in the atlas nor has capital coordinates.
Result<LocatorMap> RenderLocatorMap(const LocatorMapSpec& spec, const MapData& data);

// CSS rules (light defaults are attributes; these add dark mode) shared with the page.
std::string_view MapCss();

}  // namespace dyad::graphics

#endif  // DYAD_GRAPHICS_LOCATOR_MAP_H_
