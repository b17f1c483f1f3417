// Completion: states whose names begin with what a user has typed so far, for the search
// box ("Kyrgyz Rep" -> Kyrgyz Republic -> Kyrgyzstan). It complements the resolver, which
// matches whole words only; the resolver's answer always comes first (routes_world.cc).
// Names and typed text are folded the resolver's way (base/unicode.h FoldForMatch).
#ifndef DYAD_SERVER_COMPLETION_H_
#define DYAD_SERVER_COMPLETION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "world/world.h"

namespace dyad::server {

struct Completed {
  const world::State* state = nullptr;
  std::string name;  // the name that matched, as written
};

class Completion {
 public:
  // Indexes every name of every state (short, official, common, historical).
  explicit Completion(const world::World& world);
  // Up to `limit` states, one entry each: names that start with `text`, then names with a
  // later word that does; states that exist on `on` (or now) first, then sovereign states.
  std::vector<Completed> Complete(std::string_view text, const std::optional<Date>& on,
                                  size_t limit) const;

 private:
  struct Entry {
    std::string folded;  // the whole name, folded
    const world::State* state;
    const world::Name* name;
    bool word_start;     // entry for a later word of the name, not its start
  };
  std::vector<Entry> entries_;  // sorted by folded
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_COMPLETION_H_
