// Importers of the open relations datasets (../shared/data/relations, pairs-b's part):
// Wikidata embassies and consulates, treaties (manytreaties, manytrade), leaders
// (Archigos, LEAD, REIGN) and the CIA World Factbook. Each turns the files in the forms
// they come in into one knowledge-base pack (docs/formats/packs.md); the mapping of each
// is in docs/formats/relations-import.md.
//
// Common contract:
//   - `dir` is the folder of the dataset's files (e.g. ../shared/data/relations/embassies).
//   - Every code (Wikidata QID, COW, G-W, manystates, GEC) is mapped through the world
//     registry or the resolver as of the row's date; codes that do not map are listed in
//     ImportResult::unmapped with a reason, and their rows rejected.
//   - Every row of the pack keeps `record` = "<file>:<line>" (plus the dataset's own id);
//     every dataset has one source row whose `date` is its currency (the last day the
//     dataset speaks for) and whose note holds the upstream version and commit.
//   - Rows that cannot be used go to the RejectSink with file, line, column and reason.
//   - Dates go through ParseMessyDate: never more precise than the text.
#ifndef DYAD_INGEST_KB_DATASETS_IMPORT_H_
#define DYAD_INGEST_KB_DATASETS_IMPORT_H_

#include <map>
#include <string>

#include "base/rejects.h"
#include "base/status.h"
#include "ingest/code_map.h"
#include "kb/model.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::ingest {

struct ImportResult {
  kb::PackData pack;
  // Per kind of record ("embassies/row", "leaders/archigos", ...).
  std::map<std::string, ReadCounts> counts;
  // Per code scheme ("Wikidata QID", "COW ccode"): code -> reason and rows.
  std::map<std::string, std::map<std::string, UnmappedCode>> unmapped;
  // Per code scheme: code -> rows mapped although not valid on the row's date in the
  // registry, because the code only ever named one state (CodeMap::Map).
  std::map<std::string, std::map<std::string, uint64_t>> outside_validity;
  // How each mapped code was mapped, for --print-keys: "scheme code" -> "KEY (how)".
  std::map<std::string, std::string> mapped;
};

struct ImportInputs {
  std::string dir;
  const world::World* world = nullptr;
  const world::Resolver* resolver = nullptr;  // embassies (QIDs via labels), factbook
  RejectSink* rejects = nullptr;
};

// embassies/database_of_embassies_<YYYY-MM-DD>.csv[.gz]: pack "embassies".
Result<ImportResult> ImportEmbassies(const ImportInputs& in);
// The name ImportEmbassies gives a mission: "Embassy of the United States in Bishkek" for
// type "embassy" or "Embassy of the United States", sender "United States" (the world
// registry's name), place "Bishkek".
std::string MissionName(std::string type, const std::string& sender, const std::string& place);
// leaders/archigos.csv, LEAD.csv, reign_leaderlist_*.csv: pack "leaders".
Result<ImportResult> ImportLeaders(const ImportInputs& in);
// factbook/<region>/<gec>.json: pack "factbook".
Result<ImportResult> ImportFactbook(const ImportInputs& in);
// manytreaties/ and manytrade/ (dir is their parent): pack "treaties".
Result<ImportResult> ImportTreaties(const ImportInputs& in);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_KB_DATASETS_IMPORT_H_
