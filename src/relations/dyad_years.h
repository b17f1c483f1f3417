// The research export: one row per directed dyad-year of states in the COW state system
// that year (peacesciencer's create_dyadyears + add_* is the model), joined with every
// bundled dataset. Columns and their meaning: docs/formats/dyad-years.md.
#ifndef DYAD_RELATIONS_DYAD_YEARS_H_
#define DYAD_RELATIONS_DYAD_YEARS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "relations/relations.h"
#include "world/world.h"

namespace dyad::relations {

enum class ExportFormat : uint8_t { kCsv, kTsv, kNdjson };
Result<ExportFormat> ParseExportFormat(std::string_view name);

struct DyadYearsOptions {
  int from = 1946;
  int to = 2014;
  bool undirected = false;  // only cow_a < cow_b
  ExportFormat format = ExportFormat::kCsv;
};

// The column names, in order (exactly those of the issue).
const std::vector<std::string_view>& DyadYearColumns();

// A state in the COW system in a year, with its COW code then.
struct SystemMember {
  std::string key;
  int cow = 0;
};
// Members of the COW state system at any time in `year`, by COW code.
std::vector<SystemMember> CowSystem(const world::World& world, int year);

// Writes the export in chunks to `sink` (header first). Returns the row count.
Result<uint64_t> WriteDyadYears(const world::World& world, const Relations& rel, const DyadYearsOptions& options,
                                const std::function<Status(std::string_view)>& sink);

}  // namespace dyad::relations

#endif  // DYAD_RELATIONS_DYAD_YEARS_H_
