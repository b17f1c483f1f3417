// Internals shared by the World loaders (world_loader.cc, world_json_sources.cc,
// world_tables.cc). Not part of the world API.
//
// Loading order (World::Load): iso-codes ISO 3166-1, npm world-countries,
// npm i18n-iso-countries, then the project's tables in data/world/ (former states,
// ISO 3166-3 withdrawals, status, COW, G-W, CAMEO, FIPS, historical names, links).
// Each step adds states or fills fields through a LoadContext.
#ifndef DYAD_WORLD_WORLD_LOADER_INTERNAL_H_
#define DYAD_WORLD_WORLD_LOADER_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/interval.h"
#include "base/status.h"
#include "base/tsv_table.h"
#include "world/world.h"
#include "world/world_builder.h"

namespace dyad::world::internal {

// Source ids recorded in State::sources and CodeSpell::source.
inline constexpr std::string_view kIsoCodesSource = "iso-codes (Debian, ISO 3166)";
inline constexpr std::string_view kWorldCountriesSource = "npm world-countries";
inline constexpr std::string_view kI18nSource = "npm i18n-iso-countries";

// Mutable view of the states being built, indexed by key and by ISO alpha-2.
class LoadContext {
 public:
  explicit LoadContext(WorldBuilder* builder) : builder_(builder) {}

  // The state with `key` (case-sensitive, keys are upper-case), nullptr if absent.
  State* Find(std::string_view key);
  // The state with `key`, created empty (kind kSovereign) when absent.
  State& GetOrAdd(const std::string& key);
  // The current state whose ISO alpha-2 is `alpha2`, nullptr if none.
  State* FindByIso2(std::string_view alpha2);
  void IndexIso2(const std::string& alpha2, const std::string& key);
  std::vector<State>& states() { return builder_->states(); }

 private:
  WorldBuilder* builder_;
  std::unordered_map<std::string, size_t> by_key_;
  std::unordered_map<std::string, std::string> iso2_to_key_;
};

// Adds `source` to state.sources unless already there.
void AddSource(State& state, std::string_view source);
void AddCode(State& state, Scheme scheme, std::string code, Interval valid, std::string_view source);
void AddName(State& state, std::string text, std::string lang, NameKind kind,
             std::string_view source, Interval valid = Interval::Always());


// JSON sources (world_json_sources.cc).
Status LoadIsoCodes31661(const std::string& iso_codes_dir, LoadContext& ctx);
Status LoadWorldCountries(const std::string& node_modules_dir, LoadContext& ctx);
Status LoadI18nCountries(const std::string& node_modules_dir, LoadContext& ctx);
// ISO 3166-3 former countries; uses data/world/iso3166_3.tsv to attach renamed
// countries' old codes to the current state.
Status LoadIsoCodes31663(const std::string& iso_codes_dir, const std::string& tables_dir,
                         LoadContext& ctx);

// Project tables (world_tables.cc).
Status LoadFormerStates(const std::string& tables_dir, LoadContext& ctx);
Status LoadStatus(const std::string& tables_dir, LoadContext& ctx);
Status LoadNationality(const std::string& tables_dir, LoadContext& ctx);
Status LoadCapitals(const std::string& tables_dir, LoadContext& ctx);
Status LoadSystemTable(const std::string& tables_dir, std::string_view system, LoadContext& ctx);
Status LoadCodeTable(const std::string& tables_dir, Scheme scheme, LoadContext& ctx);
Status LoadHistoricalNames(const std::string& tables_dir, LoadContext& ctx);
Status LoadLinks(const std::string& tables_dir, LoadContext& ctx);
// Sorts system spells and sets the existence start of current states from their
// earliest system spell.
void FinishStates(std::vector<State>& states);

}  // namespace dyad::world::internal

#endif  // DYAD_WORLD_WORLD_LOADER_INTERNAL_H_
