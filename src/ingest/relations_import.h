// Importers of the relations datasets (`dyad import unvotes|atop|cow-trade|igos|mid|ucdp|
// contiguity DIR --out PACK`): each reads the upstream files with CsvReader, maps every
// state code through world as of the row's date, and writes compiled tables
// (relations/dyad_table.h) as PACK/NAME.dyt.zst plus PACK/NAME.unmapped.tsv.
//
// DIR is the folder of the prepared datasets (../shared/data/relations); the COW IGO,
// contiguity and capitals files are read from the peacesciencer folder
// (DIR/../world/peacesciencer unless given). Every table row keeps its source file index
// and 1-based data row (column src_row; for unvotes, which aggregates roll calls, the
// table's files list the inputs); the table metadata holds dataset, upstream version,
// currency date and files. Format of the tables: docs/formats/dyad-table.md.
#ifndef DYAD_INGEST_RELATIONS_IMPORT_H_
#define DYAD_INGEST_RELATIONS_IMPORT_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/rejects.h"
#include "base/status.h"
#include "relations/dyad_table.h"
#include "world/resolver.h"
#include "world/world.h"

namespace dyad::ingest {

// Maps upstream codes to world keys as of a date, remembering every code it could not map.
class CodeMapper {
 public:
  explicit CodeMapper(const world::World& world, const world::Resolver* resolver = nullptr);
  // The state holding `code` in `scheme` at some time in `year` that existed then (the
  // holder on 1 July when several did). When the holder did not exist then, the state
  // holding its COW code then (COW's continuity: unvotes' "RU" in 1950 is the USSR, "YU"
  // in 2010 is Serbia), else a predecessor that existed. "" when unmapped (counted, with
  // the reason).
  std::string_view Map(world::Scheme scheme, std::string_view code, int year);
  // The same as of one day (`on` at day precision; a roll call's date).
  std::string_view Map(world::Scheme scheme, std::string_view code, const Date& on);
  // The code, else the name (both missing: one miss, noted under the code).
  std::string_view MapCodeOrName(world::Scheme scheme, std::string_view code, std::string_view name, const Date& on);
  // A name through the one resolver, as of `on` ("" when it does not resolve to one state;
  // when several do, the one that was a member of a state system then).
  std::string_view MapName(std::string_view name, const Date& on);

  struct Miss {
    std::string scheme, code, reason;
    int first_year = 0, last_year = 0;
    uint64_t rows = 0;
  };
  const std::map<std::string, Miss>& misses() const { return misses_; }
  uint64_t unmapped_rows() const;
  // scheme <TAB> code <TAB> first_year <TAB> last_year <TAB> rows <TAB> reason, with a header.
  std::string MissesTsv() const;

 private:
  std::string_view Lookup(world::Scheme scheme, std::string_view code, const Date& on, std::string* reason);
  static std::string CacheId(world::Scheme scheme, std::string_view code, const Date& on);
  void Note(std::string_view scheme, std::string_view code, int year, const std::string& reason);
  const world::World& world_;
  const world::Resolver* resolver_;
  std::map<std::string, std::string> cache_;  // "scheme|code|year" -> key ("" = miss)
  std::map<std::string, std::string> reasons_;
  std::map<std::string, Miss> misses_;
  bool quiet_ = false;
};

struct ImportOptions {
  std::string dir;           // ../shared/data/relations
  std::string peacesciencer; // ../shared/data/world/peacesciencer ("" = DIR/../world/peacesciencer)
  std::string out;           // the pack directory to write
  RejectSink* rejects = nullptr;
  int zstd_level = 19;
};

struct ImportReport {
  std::string dataset;
  ReadCounts counts;              // over every input file
  std::map<std::string, uint64_t> table_rows;  // table name -> rows written
  uint64_t unmapped_rows = 0;
  std::vector<std::string> written;  // files written
};

struct RelationsImporter {
  std::string name;         // "unvotes"
  std::string description;  // one line for --help
  std::function<Result<ImportReport>(const ImportOptions&, const world::World&, const world::Resolver&)> run;
};

// Every importer, in the order of docs/DATA.md.
const std::vector<RelationsImporter>& RelationsImporters();

// Writes `table` zstd-compressed and atomically as DIR/NAME.dyt.zst.
Status WriteTable(const relations::DyadTableBuilder& table, const std::string& dir,
                  std::string_view name, int zstd_level, std::vector<std::string>* written);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_RELATIONS_IMPORT_H_
