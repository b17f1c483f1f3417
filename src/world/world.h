// World: the registry of states over time, and their codes in every scheme.
//
// Every module that keys data by states goes through World, so a code mismatch is fixed
// once. A State is identified by its `key`:
//   - current states and territories: ISO 3166-1 alpha-3 (KGZ, USA), Kosovo XKX;
//   - former states: ISO 3166-3 alpha-4 where one exists (SUHH for the USSR, DDDE for the
//     GDR), otherwise a project key with a hyphen, so it never collides with ISO codes:
//     SU-KG for the Kirghiz SSR (SU- plus the successor's alpha-2), H-GFR for West Germany
//     (H- plus the COW or G-W letters). See docs/formats/world-tables.md.
// Codes in other schemes are *spells*: a code with the interval it was valid (Germany is
// COW 255 until 1945, 260 for West Germany, 255 again from 1990-10-03). Lookups by code
// take an optional date; without one, any spell matches and several states may answer.
//
// Thread-safety: a loaded World is immutable and safe to share between threads.
#ifndef DYAD_WORLD_WORLD_H_
#define DYAD_WORLD_WORLD_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/interval.h"
#include "base/status.h"

namespace dyad::world {

// Code schemes users meet. Names are those of the CLI (`--from cow`): see SchemeName.
enum class Scheme : uint8_t {
  kIso2,        // "iso2"   ISO 3166-1 alpha-2 (KG)
  kIso3,        // "iso3"   ISO 3166-1 alpha-3 (KGZ)
  kIsoNumeric,  // "isonum" ISO 3166-1 numeric, 3 digits (417)
  kIso4,        // "iso4"   ISO 3166-3 alpha-4 of former countries (SUHH)
  kCowNumeric,  // "cow"    Correlates of War ccode (703)
  kCowAlpha,    // "cowc"   Correlates of War abbreviation (KYR)
  kGwNumeric,   // "gw"     Gleditsch-Ward number (703)
  kGwAlpha,     // "gwc"    Gleditsch-Ward letters (KYR)
  kCameo,       // "cameo"  CAMEO / GDELT actor country code (KGZ)
  kFips,        // "fips"   FIPS 10-4 / GEC, GDELT's place codes (KG)
  kWikidata,    // "wikidata" Wikidata item (Q813)
};
inline constexpr int kSchemeCount = 11;

std::string_view SchemeName(Scheme scheme);
// Accepts the names above plus common spellings (iso3c, iso2c, iso3n, cown, gwn, ccode, fips104).
Result<Scheme> ParseScheme(std::string_view name);

struct Source {
  std::string id;  // e.g. "iso-codes:4.15.0", "cow:states2016", "dyad:data/world/fips.tsv"
};

// One code of a state in one scheme, valid over `valid`.
struct CodeSpell {
  Scheme scheme;
  std::string code;
  Interval valid;
  std::string source;
};

enum class NameKind : uint8_t {
  kShort,       // "Kyrgyzstan"
  kOfficial,    // "Kyrgyz Republic"
  kCommon,      // other common forms ("Kirghizia")
  kHistorical,  // former names valid over an interval ("Burma" until 1989)
  kDemonym,     // "Kyrgyz", "Kyrgyzstani", "American"
  kAdjective,   // "Kyrgyz", "American"
};

struct Name {
  std::string text;
  std::string lang;  // ISO 639-1 where known ("en", "ru", "ky"), "" if unknown
  NameKind kind;
  Interval valid;    // Always() unless the name is historical
  std::string source;
};

// A spell of membership in a state system (COW or G-W): when a polity counts as a state.
struct SystemSpell {
  std::string system;  // "cow" or "gw"
  Interval valid;
  std::string source;
};

enum class LinkKind : uint8_t { kPredecessor, kSuccessor };

struct Link {
  LinkKind kind;
  std::string other;  // key of the other state
  std::optional<Date> date;
  std::string note;   // "independence declared", "dissolution", "unification"
  std::string source;
};

enum class StateKind : uint8_t {
  kSovereign,      // a current UN member or observer or widely treated as a state (Kosovo, Taiwan)
  kTerritory,      // a current ISO 3166-1 entry that is not sovereign (Puerto Rico)
  kFormer,         // a state that no longer exists (USSR, Yugoslavia, the Kirghiz SSR)
};

struct State {
  std::string key;
  std::string name;           // English short name
  std::string official_name;  // English official name, may equal name
  StateKind kind = StateKind::kSovereign;
  Interval existence;         // open start when "always" for our purposes
  std::string capital;
  std::optional<double> capital_lat, capital_lon;
  std::optional<double> lat, lon;     // a representative point of the country
  std::vector<std::string> borders;   // keys of land neighbours
  std::string region, subregion;
  bool un_member = false;
  std::vector<CodeSpell> codes;
  std::vector<Name> names;
  std::vector<SystemSpell> spells;
  std::vector<Link> links;
  std::vector<std::string> sources;   // every source that contributed a field

  bool current() const { return kind != StateKind::kFormer; }
  // The code in `scheme` valid on `on` (any spell when nullopt, latest first).
  std::optional<std::string> Code(Scheme scheme, std::optional<Date> on = std::nullopt) const;
  bool ExistsOn(const Date& on) const { return existence.ContainsDate(on); }
};

// Where World::Load reads from. Defaults come from base/paths.h.
struct WorldSources {
  std::string iso_codes_dir;      // /usr/share/iso-codes/json
  std::string node_modules_dir;   // <home>/node_modules
  std::string tables_dir;         // <home>/data/world (the project's crosswalk tables)
  static WorldSources Default();
};

class World {
 public:
  // Builds the registry from Debian iso-codes, npm world-countries and
  // i18n-iso-countries, and the project's tables. Errors name the file and line.
  // Takes about 20-30 ms of CPU in Release (simdjson; 315 states, ~29k names).
  static Result<std::shared_ptr<const World>> Load(const WorldSources& sources);
  static Result<std::shared_ptr<const World>> LoadDefault();

  const std::vector<State>& states() const { return states_; }
  // By key (ISO alpha-3 or former-state key), case-insensitive. nullptr if unknown.
  const State* Find(std::string_view key) const;
  // States whose code in `scheme` is `code` on `on` (any time when nullopt). More than one
  // answer is possible without a date (COW 255: Germany and, before 1945, the German Reich).
  std::vector<const State*> ByCode(Scheme scheme, std::string_view code,
                                   std::optional<Date> on = std::nullopt) const;
  // The former state that held `key`'s place on `on`: when `key` has Correlates of War
  // spells, none of them covers `on` but an earlier one does (a gap, not before its
  // birth), and one of its predecessors (a former state linked to it) existed on `on`.
  // Russia in 1980 is stood in for by the Soviet Union, Germany in 1980 by West Germany
  // (the first predecessor listed); nullptr when `key` itself is the state of that day.
  const State* StandIn(std::string_view key, const Date& on) const;
  // Converts a code between schemes, as of `on`. NotFound / InvalidArgument with a message
  // that says which step failed ("COW 260 is not valid on 2000-01-01").
  Result<std::string> Convert(std::string_view code, Scheme from, Scheme to,
                              std::optional<Date> on = std::nullopt) const;

 private:
  friend class WorldBuilder;
  std::vector<State> states_;
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace dyad::world

#endif  // DYAD_WORLD_WORLD_H_
