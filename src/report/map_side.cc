#include "report/map_side.h"

namespace dyad::report {

graphics::MapSide MapSideFromState(const world::State& state) {
  graphics::MapSide side;
  side.iso_numeric = state.Code(world::Scheme::kIsoNumeric).value_or("");
  side.iso3 = state.Code(world::Scheme::kIso3).value_or(state.key);
  side.name = state.name;
  side.capital = state.capital;
  side.capital_lat = state.capital_lat;
  side.capital_lon = state.capital_lon;
  return side;
}

}  // namespace dyad::report
