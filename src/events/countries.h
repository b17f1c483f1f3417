// How event readers turn actor and place codes into states.
//
// GDELT actors carry CAMEO country codes (KGZ), GDELT places FIPS 10-4 codes (KG), ICEWS
// rows English country names (Kyrgyzstan). A CountryMap answers, for each, the state key
// of world/world.h, "" for a known code that is not a state (CAMEO regions such as AFR,
// listed in data/cameo/cameo-regions.tsv), or nullopt when the code is unknown or a name
// is ambiguous (the row is then rejected as "unknown-country"; never a silent guess).
//
// Codes go through World::ByCode; names through the one world::Resolver (names only: no
// codes, demonyms or other languages), after the dataset's own conventions, which are
// data (data/cameo/icews-country-names.tsv, docs/formats/cameo-taxonomy.md): ICEWS writes
// "Congo" for the Republic of the Congo and "Democratic Republic of Congo" for the DR
// Congo, so "Congo", ambiguous to the resolver, is the Republic of the Congo there.
#ifndef DYAD_EVENTS_COUNTRIES_H_
#define DYAD_EVENTS_COUNTRIES_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/status.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::events {

class CountryMap {
 public:
  virtual ~CountryMap() = default;
  virtual std::optional<std::string> Cameo(std::string_view code) const = 0;
  virtual std::optional<std::string> Fips(std::string_view code) const = 0;
  virtual std::optional<std::string> Name(std::string_view name) const = 0;
};

// Codes of data/cameo/cameo-regions.tsv (AFR, EUR, WST ...): valid, not states.
Result<std::unordered_set<std::string>> LoadCameoRegions(const std::string& path);

// Extra English country names (data/cameo/icews-country-names.tsv): name -> state key.
Result<std::unordered_map<std::string, std::string>> LoadCountryNameAliases(
    const std::string& path);

// Through a World: World::ByCode(kCameo / kFips) for codes; for names first the dataset's
// `aliases` (matched case-insensitively), then `resolver` (whose World it uses).
std::unique_ptr<CountryMap> MakeWorldCountryMap(
    std::shared_ptr<const world::Resolver> resolver, std::unordered_set<std::string> regions,
    const std::unordered_map<std::string, std::string>& aliases = {});

// Without a World: any three upper-case letters are a CAMEO state whose key is the code
// itself, any two upper-case letters a FIPS code mapped to itself, names are unknown.
// Used when no world is loaded (benchmarks on synthetic data, tests).
std::unique_ptr<CountryMap> MakeCodeShapeCountryMap(std::unordered_set<std::string> regions);

}  // namespace dyad::events

#endif  // DYAD_EVENTS_COUNTRIES_H_
