// A small hand-made World for kb tests: the states the KGZ–USA pack and the tests name.
#ifndef DYAD_TESTS_KB_TEST_WORLD_H_
#define DYAD_TESTS_KB_TEST_WORLD_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "world/world_builder.h"

namespace dyad::kb::testing {

inline std::shared_ptr<const world::World> TestWorld() {
  static const std::vector<std::pair<std::string, std::string>> kStates = {
      {"USA", "United States"}, {"KGZ", "Kyrgyzstan"},  {"RUS", "Russia"},
      {"CHN", "China"},         {"KAZ", "Kazakhstan"},  {"UZB", "Uzbekistan"},
      {"TJK", "Tajikistan"},    {"TUR", "Turkey"},      {"BTN", "Bhutan"},
      {"IRN", "Iran"},          {"PRK", "North Korea"}, {"SYR", "Syria"},
      {"PSE", "Palestine"},     {"XKX", "Kosovo"},      {"FRA", "France"},
      {"CUB", "Cuba"},          {"SUHH", "Soviet Union"}};
  world::WorldBuilder b;
  for (const auto& [key, name] : kStates) {
    world::State s;
    s.key = key;
    s.name = name;
    s.un_member = key != "PSE" && key != "XKX" && key != "SUHH";
    if (key == "SUHH") s.kind = world::StateKind::kFormer;
    b.Add(std::move(s));
  }
  return b.Build().value();
}

}  // namespace dyad::kb::testing

#endif  // DYAD_TESTS_KB_TEST_WORLD_H_
