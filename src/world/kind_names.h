// The lower-case names dyad's outputs (CLI JSON, the HTTP API) give the registry's enums:
// StateKind "sovereign" | "territory" | "former"; NameKind "short" | "official" |
// "common" | "historical" | "demonym" | "adjective". One place, so every output agrees.
#ifndef DYAD_WORLD_KIND_NAMES_H_
#define DYAD_WORLD_KIND_NAMES_H_

#include <string_view>

#include "world/world.h"

namespace dyad::world {

std::string_view StateKindName(StateKind kind);
std::string_view NameKindName(NameKind kind);

}  // namespace dyad::world

#endif  // DYAD_WORLD_KIND_NAMES_H_
