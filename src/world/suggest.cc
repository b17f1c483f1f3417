#include "world/suggest.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "base/unicode.h"

namespace dyad::world {
namespace {

// A candidate: its distance, then name and key for a stable order.
struct Scored {
  size_t distance;
  const State* state;
  bool operator<(const Scored& o) const {
    return std::tie(distance, state->name, state->key) < std::tie(o.distance, o.state->name, o.state->key);
  }
};

// The distance of `name` from the folded text; a name starting with the text is 1 away.
size_t NameDistance(const std::string& folded, const std::string& name) {
  const size_t d = EditDistance(folded, name);
  return name.rfind(folded, 0) == 0 ? std::min<size_t>(d, 1) : d;
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::vector<const State*> SuggestStates(const World& world, std::string_view text, size_t limit) {
  Result<std::string> folded = FoldForMatch(text.substr(0, kMaxSuggestInput));
  if (!folded.ok() || folded->empty()) return {};
  const size_t max_distance = std::max<size_t>(2, folded->size() / 3);
  std::vector<Scored> scored;
  for (const State& s : world.states()) {
    Result<std::string> name = FoldForMatch(s.name);
    if (!name.ok()) continue;
    if (size_t d = NameDistance(*folded, *name); d <= max_distance) scored.push_back({d, &s});
  }
  std::sort(scored.begin(), scored.end());
  std::vector<const State*> out;
  for (size_t i = 0; i < scored.size() && out.size() < limit; ++i) out.push_back(scored[i].state);
  return out;
}

}  // namespace dyad::world
