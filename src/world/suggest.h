// SuggestStates: "did you mean" for a name no state answers to.
//
// The states whose English name is within a few edits of the text: Unicode-folded on both
// sides (base/unicode.h FoldForMatch), Levenshtein distance at most max(2, length / 3),
// and a name that starts with the text counts as one edit ("kyrgyz" → Kyrgyzstan, for
// autocomplete). Closest first; equal distances by name, then key. Only the first
// kMaxSuggestInput bytes of the text are compared, so the work per call is bounded
// (names × kMaxSuggestInput) whatever a client sends. The CLI's "not a state dyad knows"
// errors and the server's /api/resolve "no match" answers both come from here.
#ifndef DYAD_WORLD_SUGGEST_H_
#define DYAD_WORLD_SUGGEST_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "world/world.h"

namespace dyad::world {

inline constexpr size_t kMaxSuggestInput = 200;

// Up to `limit` states, closest first.
std::vector<const State*> SuggestStates(const World& world, std::string_view text, size_t limit = 3);

// Levenshtein distance between two byte strings (insert, delete, substitute: 1 each).
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace dyad::world

#endif  // DYAD_WORLD_SUGGEST_H_
