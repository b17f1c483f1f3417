// Resolver: free text to states.
//
// Resolve("the Kyrgyz Republic's") answers with the state, the alias it matched and how;
// or an ambiguity with the candidates; or no match. It never returns a state for a
// non-state ("Fergana Valley", "European Union"), and a partial word never matches
// ("Peru" is not in "Perugia"; "Niger" is not "Nigeria").
// FindMentions scans a sentence for state mentions, longest match on word boundaries.
//
// Thread-safety: a Resolver is immutable after construction.
#ifndef DYAD_WORLD_RESOLVER_H_
#define DYAD_WORLD_RESOLVER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "world/world.h"

namespace dyad::world {

enum class MatchKind : uint8_t {
  kCode,        // a code in some scheme (explicit or auto-detected)
  kName,        // an official, short or common name in any language
  kHistorical,  // a former name (Burma, Zaire)
  kDemonym,     // a demonym or adjective (Kyrgyz, American)
};

struct Match {
  const State* state = nullptr;
  std::string alias;   // the alias as stored ("Kyrgyz Republic")
  MatchKind kind = MatchKind::kName;
  std::string how;     // human explanation: "official name (en)", "COW code valid 1991-12-26/.."
};

struct Resolution {
  enum class Outcome : uint8_t { kMatch, kAmbiguous, kNoMatch };
  Outcome outcome = Outcome::kNoMatch;
  std::vector<Match> candidates;  // one for kMatch, two or more for kAmbiguous
  const Match* best() const { return outcome == Outcome::kMatch ? &candidates.front() : nullptr; }
};

struct ResolveOptions {
  std::optional<Scheme> scheme;  // explicit code mode: only codes of this scheme
  std::optional<Date> on;        // date-aware codes and historical names
  bool allow_codes = true;       // auto-detect codes (KGZ, KG, 417) in name mode
  bool allow_demonyms = true;
};

struct Mention {
  size_t begin = 0, end = 0;  // byte offsets in the sentence, [begin, end)
  Match match;
};

class Resolver {
 public:
  explicit Resolver(std::shared_ptr<const World> world);
  ~Resolver();

  Resolution Resolve(std::string_view text, const ResolveOptions& options = {}) const;
  // Every state mention in `sentence`, left to right, longest match first, non-overlapping.
  std::vector<Mention> FindMentions(std::string_view sentence,
                                    const ResolveOptions& options = {}) const;
  const World& world() const { return *world_; }

 private:
  struct Impl;
  std::shared_ptr<const World> world_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::world

#endif  // DYAD_WORLD_RESOLVER_H_
