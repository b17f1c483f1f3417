// TerritoryKeys: Office of the Historian country and territory ids -> World state keys.
//
// The historian datasets name places by slugs: country ids ("kyrgyzstan", "korea-south",
// "czechoslovakia") and gsh territory ids, which carry an end year for former incarnations
// ("kirgiziya-1991", "czechoslovakia-1993"). Resolution, first answer wins:
//   1. the override table (data/historian/territory_keys.tsv):
//        historian_id <TAB> key <TAB> source
//      with a header line; key "-" means "deliberately unmapped" and the source column
//      then says why (a German state before 1871 has no World key);
//   2. the English names of the id: gsh territory short and long names, gsh country label,
//      or (for ids gsh lacks) the rdcr article title or the visits/travels country label,
//      resolved by the one world::Resolver (World's names plus data/world/resolver_aliases.tsv)
//      as exact names only: in English, no codes, demonyms or alternate readings. A former
//      gsh territory (an end year other than 9999) is read strictly as of 1 January of its
//      last year, else 31 December of the year before, else mid-way through its years: a
//      name or state not valid then does not answer ("formosa-1683" is no Taiwan,
//      "republic-of-china-1949" is China, not Taiwan; a colony is not the state that
//      succeeded it, "belgian-congo-1960" is not the DR Congo). An ambiguous name does not
//      resolve ("Korea" is both Koreas since 1948: the Korean Empire's id is an override);
//   3. the ISO 3166-1 alpha-2 code gsh gives the country (countries-old/*.xml; pseudo codes
//      starting with "x" are skipped), looked up in World. Names come first because
//      gsh's code column holds a few FIPS codes ("cw", Cook Islands, is Curacao in ISO).
// Anything else is unmapped, with a reason naming what was tried.
//
// Thread-safety: immutable after Make, except for an internal memo (not thread-safe).
#ifndef DYAD_INGEST_TERRITORY_KEYS_H_
#define DYAD_INGEST_TERRITORY_KEYS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/historian_xml.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::ingest {

struct KeyResolution {
  std::string key;  // World key (KGZ, SUHH)
  std::string how;  // "override (source)", "iso2 KG", "name 'Kyrgyzstan'"
};

struct OverrideRow {
  std::string id, key, source;
  uint64_t line = 0;
};

// Parses the override table. Errors name the file and line.
Result<std::vector<OverrideRow>> ReadOverrides(const std::string& path);

class TerritoryKeys {
 public:
  // `resolver` may be null: then only overrides resolve. `overrides` from ReadOverrides.
  // The resolver must outlive the TerritoryKeys.
  static TerritoryKeys Make(const HistorianData& data, const world::Resolver* resolver,
                            std::vector<OverrideRow> overrides);

  // The World key of a historian id, or NotFound with the reason.
  Result<KeyResolution> Resolve(std::string_view id) const;

  // Every id resolved or attempted so far, with its outcome (for reports and the
  // territory_keys table).
  const std::map<std::string, Result<KeyResolution>, std::less<>>& memo() const { return memo_; }
  const world::World* world() const { return world_; }
  const world::Resolver* resolver() const { return resolver_; }  // may be null

 private:
  Result<KeyResolution> ResolveUncached(const std::string& id) const;
  std::string ByName(std::string_view id, std::string_view name) const;  // "" when none or ambiguous

  const world::Resolver* resolver_ = nullptr;
  const world::World* world_ = nullptr;
  std::map<std::string, OverrideRow, std::less<>> overrides_;
  std::map<std::string, std::string, std::less<>> iso2_;  // country id -> iso2 (upper)
  std::map<std::string, std::vector<std::string>, std::less<>> names_;  // id -> names
  std::set<std::string, std::less<>> extra_;  // ids named only by rdcr / visits / travels
  std::map<std::string, std::vector<Date>, std::less<>> dates_;  // former territory id -> dates its names are read at
  mutable std::map<std::string, Result<KeyResolution>, std::less<>> memo_;
};

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_TERRITORY_KEYS_H_
