// The locator map's input for one state (graphics::MapSide), from the world registry.
#ifndef DYAD_REPORT_MAP_SIDE_H_
#define DYAD_REPORT_MAP_SIDE_H_

#include "graphics/locator_map.h"
#include "world/world.h"

namespace dyad::report {

// ISO numeric and alpha-3 codes (the atlas ids), name and capital of `state`.
graphics::MapSide MapSideFromState(const world::State& state);

}  // namespace dyad::report

#endif  // DYAD_REPORT_MAP_SIDE_H_
