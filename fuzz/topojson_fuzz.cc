// Fuzzes the TopoJSON decoder (graphics/topojson.h): any text decodes or is a Status, and
// a decoded topology's rings resolve without reading outside its arcs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "graphics/topojson.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  dyad::Result<dyad::graphics::Topology> t = dyad::graphics::DecodeTopology(text);
  if (!t.ok()) return 0;
  size_t points = t->point_count();
  for (size_t a = 0; a < t->arcs.size(); ++a) points += t->OnAntimeridian(a) ? 1 : 0;
  for (const auto& feature : t->features) {
    if (!feature.id.empty() && t->FindById(feature.id) == nullptr) std::abort();  // ids are findable
    for (const auto& polygon : feature.polygons) {
      for (const auto& ring : polygon) points += t->RingPoints(ring).size();
    }
  }
  return points == SIZE_MAX ? 1 : 0;
}
