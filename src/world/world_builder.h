// WorldBuilder: assembles a World from States. The loaders (world_loader.cc) use it, and
// so do tests that need a small hand-made world.
#ifndef DYAD_WORLD_WORLD_BUILDER_H_
#define DYAD_WORLD_WORLD_BUILDER_H_

#include <memory>
#include <vector>

#include "base/status.h"
#include "world/world.h"

namespace dyad::world {

class WorldBuilder {
 public:
  // Adds a state; its key must be unique (checked in Build).
  void Add(State state) { states_.push_back(std::move(state)); }
  // Mutable access while building, nullptr if absent.
  State* Mutable(std::string_view key);
  std::vector<State>& states() { return states_; }

  // Validates (unique non-empty keys, links to known keys, spells well formed) and
  // indexes. Errors name the state key.
  Result<std::shared_ptr<const World>> Build();

 private:
  std::vector<State> states_;
};

}  // namespace dyad::world

#endif  // DYAD_WORLD_WORLD_BUILDER_H_
