#include "world/kind_names.h"

namespace dyad::world {

std::string_view StateKindName(StateKind kind) {
  switch (kind) {
    case StateKind::kSovereign: return "sovereign";
    case StateKind::kTerritory: return "territory";
    case StateKind::kFormer: return "former";
  }
  return "";
}

std::string_view NameKindName(NameKind kind) {
  switch (kind) {
    case NameKind::kShort: return "short";
    case NameKind::kOfficial: return "official";
    case NameKind::kCommon: return "common";
    case NameKind::kHistorical: return "historical";
    case NameKind::kDemonym: return "demonym";
    case NameKind::kAdjective: return "adjective";
  }
  return "";
}

}  // namespace dyad::world
