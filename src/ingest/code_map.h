// Dataset codes (COW, G-W, ISO, manystates, Wikidata QIDs, GEC) to world state keys, as of
// the row's date, through the one world registry (world::World::ByCode). Every code that
// does not map is remembered with its reason and a count, for the importer's report.
#ifndef DYAD_INGEST_CODE_MAP_H_
#define DYAD_INGEST_CODE_MAP_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/status.h"
#include "world/world.h"

namespace dyad::ingest {

struct UnmappedCode {
  std::string reason;
  uint64_t rows = 0;
};

class CodeMap {
 public:
  // `label` names the dataset's scheme in messages ("COW ccode", "Wikidata QID").
  CodeMap(const world::World& world, world::Scheme scheme, std::string label)
      : world_(world), scheme_(scheme), label_(std::move(label)) {}

  // The state whose code is `code` on `on` (any time when nullopt). A code that is not
  // valid on `on` but has only ever named one state maps to that state (the registry's
  // code spells follow system membership, while leaders and treaties precede it: San
  // Marino's Captains Regent before 1992); such rows are counted in outside_validity().
  // A code that named several states, none on `on`, maps to nothing.
  // An ISO or manystates code of a continuator on a row of its predecessor's time is the
  // predecessor's: "RUS" on a 1964 treaty row is the Soviet Union, which holds Russia's COW
  // code 365 that day (the datasets write the continuator's code for the whole span).
  Result<std::string> Map(std::string_view code, std::optional<Date> on = std::nullopt);
  // code -> rows mapped through the one-state-ever rule above.
  const std::map<std::string, uint64_t>& outside_validity() const { return outside_; }

  // Every code that failed, "code" -> reason and rows.
  const std::map<std::string, UnmappedCode>& unmapped() const { return unmapped_; }
  const std::string& label() const { return label_; }

 private:
  Status Fail(std::string_view code, std::string reason);
  std::string AsOf(const world::State& s, std::optional<Date> on) const;

  const world::World& world_;
  world::Scheme scheme_;
  std::string label_;
  std::map<std::string, UnmappedCode> unmapped_;
  std::map<std::string, uint64_t> outside_;
};

// "http://www.wikidata.org/entity/Q889" -> "Q889"; other text unchanged.
std::string_view StripWikidataPrefix(std::string_view url);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_CODE_MAP_H_
