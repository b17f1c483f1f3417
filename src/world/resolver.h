// Resolver: free text to states.
//
// Resolve("the Kyrgyz Republic's") answers with the state, the alias it matched and how;
// or an ambiguity with the candidates; or no match. It never returns a state for a
// non-state ("Fergana Valley", "European Union"), and a partial word never matches
// ("Peru" is not in "Perugia"; "Niger" is not "Nigeria").
// FindMentions scans a sentence for state mentions, longest match on word boundaries.
//
// Aliases: every name of every state in the World (short, official, common, historical,
// demonyms and adjectives, in every language the World has), plus the resolver's own
// table data/world/resolver_aliases.tsv (docs/formats/resolver_aliases.md). Text is
// normalised by the rules of resolver_text.h on both sides, then matched token by token
// in a trie, so whole words only.
//
// Resolve (one name, e.g. a table cell) in name mode:
//   1. The whole text as written, then, only if that finds nothing (and the text is not
//      blocked by the alias table), these readings in order: mojibake repaired
//      ("CÃ´te d'Ivoire"); "X excluding Y" as X; "X, Y" or "X: Y" as "Y X" ("Korea,
//      Republic of"); "X (Y)" as "Y X", then as "X" unless Y names a subdivision or part
//      ("Georgia (US state)", "Ireland (North)") or is another state's demonym; the same
//      words in any order ("Korea DPR", "Bonaire, Saba and Sint Eustatius"); leading or
//      trailing state-form words dropped ("Republic of Türkiye", "Kingdom of Eswatini",
//      "Fiji Islands"; never "democratic", "people", "united", "arab" or a compass word,
//      which tell states apart); and "X, Y" where one is a territory and the other a
//      sovereign state as the territory ("Hong Kong, China").
//   2. Codes are auto-detected only when the whole input is one word that no name
//      matches: 2 letters = ISO alpha-2, 3 letters = ISO alpha-3, 1-3 digits = ISO
//      numeric, 4 capitals = ISO 3166-3 alpha-4. Other schemes (COW, G-W, CAMEO, FIPS,
//      Wikidata) collide with ISO ("AU" is Australia in ISO, Austria in FIPS), so they need
//      explicit mode (ResolveOptions::scheme).
//   3. When several aliases match, the best tier wins: names in English (or without a
//      language) of a state that exists, then names in other languages, then historical
//      names, then demonyms. With `on`, an alias or state not valid on that date drops
//      behind every valid one (it still answers when nothing else does: "Zaire" on 2020
//      is the DR Congo, with `how` saying the name was valid until 1997); without `on`,
//      former states rank after current ones. For demonyms a sovereign state beats
//      territories ("American"). Two or more states left in the best tier: ambiguous.
// FindMentions (prose) is stricter, since "us", "turkey" and "IN" are ordinary words:
//   - codes are never detected in prose;
//   - an alias written with a capital matches only text that starts with a capital
//     (or a non-ASCII letter): "Turkey" but not "turkey";
//   - an alias that is one word in capitals (USA, UAE, DPRK) matches only text in capitals
//     or dotted initials ("U.S."), and two-letter ones only for "US" and "UK";
//   - a match directly preceded by a capitalised "New" or followed by a capitalised "City"
//     is part of another place's name ("New Mexico", "New Jersey", "Mexico City").
// Known limits: names that are also persons' or US states' names ("Chad", "Jordan",
// "Georgia") match in prose; inflected forms ("Кыргызстана") and scripts written
// without spaces (Chinese, Japanese) are found only when written as a whole word.
//
// Thread-safety: a Resolver is immutable after construction; Resolve and FindMentions
// may be called from several threads (each thread keeps its own scratch buffers).
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

// alias and how view strings owned by the Resolver (or its World): they stay valid as
// long as the Resolver that answered lives. Copy them to keep them longer.
struct Match {
  const State* state = nullptr;
  std::string_view alias;  // the alias as stored ("Kyrgyz Republic")
  MatchKind kind = MatchKind::kName;
  std::string_view how;    // explanation: "official name (en)", "cow code valid 1991-12-26/.."
};

struct Resolution {
  enum class Outcome : uint8_t { kMatch, kAmbiguous, kNoMatch };
  Outcome outcome = Outcome::kNoMatch;
  std::vector<Match> candidates;  // one for kMatch, two or more for kAmbiguous
  const Match* best() const { return outcome == Outcome::kMatch ? &candidates.front() : nullptr; }
};

std::string_view MatchKindName(MatchKind kind);        // "code", "name", ...
std::string_view OutcomeName(Resolution::Outcome outcome);  // "match", "ambiguous", "none"

struct ResolveOptions {
  std::optional<Scheme> scheme;  // explicit code mode: only codes of this scheme
  std::optional<Date> on;        // date-aware codes and historical names
  bool allow_codes = true;       // auto-detect codes (KGZ, KG, 417) in name mode
  bool allow_demonyms = true;
  bool other_languages = true;   // names in languages other than English
  // Only the whole text as written: no codes, no alternate readings (step 1's "X, Y",
  // "X (Y)", word bags, form words, mojibake, plurals). For dataset ids' names.
  bool exact = false;
  // With `on`: an alias or state not valid on that date is excluded instead of ranked
  // behind ("Formosa" on 1683 is no state: Taiwan exists from 1949-12-08).
  bool strict_dates = false;
};

struct Mention {
  size_t begin = 0, end = 0;  // byte offsets in the sentence, [begin, end)
  Resolution resolution;      // kMatch or kAmbiguous ("Dominican" in prose)
  const Match* best() const { return resolution.best(); }
};

// One row of the resolver's own alias table (see docs/formats/resolver_aliases.md).
struct ResolverAlias {
  std::string text;       // "Congo-Kinshasa"
  std::string state_key;  // World key: "COD"; "-" marks a place that is no state
                          // ("Micronesia", the region): that exact text never resolves
  NameKind kind = NameKind::kCommon;
  std::string lang;       // "en", or "" when the form is language-neutral
  Interval valid;         // when the alias names the state (Always() by default)
  std::string source;     // why the row exists: a citation or "dyad: ..." note
};

// Reads a resolver alias table. Errors name the file and line; unknown state keys are
// checked by Resolver::Create.
Result<std::vector<ResolverAlias>> LoadResolverAliases(const std::string& path);

class Resolver {
 public:
  // Indexes the World's names plus `extra` aliases (rows naming unknown states are
  // skipped; use Create to have them reported).
  explicit Resolver(std::shared_ptr<const World> world, std::vector<ResolverAlias> extra = {});
  ~Resolver();

  // Checks that every alias names a state of `world`, then builds the resolver.
  static Result<std::unique_ptr<Resolver>> Create(std::shared_ptr<const World> world,
                                                  std::vector<ResolverAlias> extra);
  // The World plus DataDir()/world/resolver_aliases.tsv (absent file: no extra aliases).
  static Result<std::unique_ptr<Resolver>> LoadDefault(std::shared_ptr<const World> world);

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
