// The Office of the Historian import: intermediate records (historian_xml.h) to a
// knowledge-base pack (kb/model.h), every row with its provenance.
//
// Mapping (docs/formats/historian-import.md has the full table and what is left out):
//   pocom chiefs        -> chief_of_mission facts (person -> US mission to the country or
//                          organization), role=, appointed=, arrived=, credentials=
//   pocom principals    -> holds_office facts (person -> office of the Department)
//   pocom concurrent    -> concurrent_with= / resident_at= qualifiers on those chief facts
//   gsh posts, locales  -> mission and place entities, mission_opened / mission_closed /
//                          mission_located_at, located_in (with lat=, lon=)
//   gsh regions         -> responsible_for facts of the geographic bureaus
//   gsh territories     -> named facts of the state the territory id resolves to
//   rdcr timeline       -> recognized, relations_* and mission_* facts; treaties as
//                          agreement occurrences (CAMEO 057)
//   visits, travels     -> visit occurrences (CAMEO 042, actor the visiting side)
// Provenance: one source row per dataset folder, id historian:<dataset>:<folder>, whose
// url and note name the source commit; each row's `record` is "<file>#<record id>".
//
// Records that cannot be mapped (unknown country id, bad date, unclassified rdcr heading,
// nominee who never served, ...) are written to the RejectSink with a reason and counted.
#ifndef DYAD_INGEST_HISTORIAN_IMPORT_H_
#define DYAD_INGEST_HISTORIAN_IMPORT_H_

#include <map>
#include <string>

#include "base/interval.h"
#include "base/rejects.h"
#include "ingest/historian_xml.h"
#include "ingest/territory_keys.h"
#include "kb/model.h"

namespace dyad::ingest {

// Counts per kind of record: "pocom/chief", "pocom/org-chief", "pocom/principal",
// "pocom/concurrent", "gsh/region-territory",
// "gsh/territory", "gsh/post", "gsh/region", "rdcr/entry", "visits/visit",
// "travels/trip", "files" (XML files read / unreadable) and "facts/merged-duplicates"
// (identical facts from two records merged into one row, counted in `duplicates`).
using KindCounts = std::map<std::string, ReadCounts>;

// A period rule (data/historian/territory_periods.tsv): a record of `historian_id` dated
// within `period` (an rdcr entry by its date, a pocom chief by the start of the term; an
// undated record never matches a bounded rule) whose heading or note contains `match`
// (ASCII case-insensitive; empty matches any) belongs to World state `key`, and its US
// mission is mission:usa-to-<slug>. The first matching rule wins.
struct PeriodRule {
  std::string historian_id;
  Interval period;
  std::string match, key, slug, source;
};
Result<std::vector<PeriodRule>> ReadPeriodRules(const std::string& path);

// Maps everything in `data`. `rejects` receives every unmapped record (file, line, reason,
// record id); `counts` the per-kind counts. The pack is named "historian-us".
kb::PackData MapHistorian(const HistorianData& data, const TerritoryKeys& keys,
                          RejectSink* rejects, KindCounts* counts);
// The same with period rules: former states, successors and rival governments kept apart.
kb::PackData MapHistorian(const HistorianData& data, const TerritoryKeys& keys,
                          const std::vector<PeriodRule>& periods, RejectSink* rejects,
                          KindCounts* counts);

// The date forms of the historian files: "" (none), "1992", "1992-02", "1992-02-01";
// "9999" (gsh "still valid") is none as well. Other text is an error.
Result<std::optional<Date>> ParseHistorianDate(std::string_view text);

// The first English date in `text` ("February 1, 1992", "March 1992") whose year is `year`
// (any year when 0). nullopt when there is none.
std::optional<Date> FindEnglishDate(std::string_view text, int year);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_HISTORIAN_IMPORT_H_
