// Coding records into CAMEO events: the bundled event store (docs/formats/coded-records.md).
//
// These events are coded from *records* — the Office of the Historian's visits and travels,
// recognitions, establishments, breaks and resumptions of relations, missions opened and
// closed, treaty signatures, COW MID dispute onsets and UCDP/PRIO conflict onsets — never
// from news. One record gives one event per direction it speaks for (a visit: 042 visitor →
// host and 043 host → visitor; a symmetric record such as an establishment of relations: one
// event each way). Each event keeps the source id and the record id it was coded from and
// the precision of the record's date; the day stored is the first day of that date (a MID
// onset known only to the year is stored on 1 January with precision "year").
//
// The store columns a coded record fills (dataset `records`):
//   src_country/tgt_country  the state's CAMEO code on the event's day (its key when none)
//   src_state/tgt_state      world keys
//   src_actor/tgt_actor      country + sector (USAGOV; USAMIL for MID and UCDP)
//   src_role/tgt_role        GOV or MIL
//   code, quad, goldstein    the taxonomy's (Goldstein: GDELT's scale)
//   id                       FNV-1a 64 of source, record, code and direction
//   url                      the record reference "PRECISION SOURCE RECORD" (RecordRef)
//   mentions, sources, articles, tone, lat, lon, geo_*: 0 / NaN / empty (news measures)
#ifndef DYAD_EVENTS_RECORDS_H_
#define DYAD_EVENTS_RECORDS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "events/query.h"
#include "events/segment.h"
#include "events/taxonomy.h"
#include "kb/knowledge_base.h"
#include "relations/relations.h"
#include "world/world.h"

namespace dyad::events {

// One event coded from one record.
struct CodedRecord {
  int32_t day = 0;                               // first day of the record's date
  DatePrecision precision = DatePrecision::kDay;  // of the record's date
  std::string src_state, tgt_state;              // world keys
  std::string code;                              // CAMEO code, in the taxonomy
  std::string source;  // source id: historian:travels:secretary-travels, relations:mid, …
  std::string record;  // the record inside the source: file#id, file row N
  std::string rule;    // the mapping rule that coded it (docs/formats/coded-records.md)
  bool military = false;  // the actors are armed forces (MID, UCDP), else governments
};

// What the coder reads. `relations` may be null (no MID/UCDP events then).
struct RecordInputs {
  const world::World* world = nullptr;
  const kb::KnowledgeBase* kb = nullptr;
  const relations::Relations* relations = nullptr;
  const Taxonomy* taxonomy = nullptr;
};

// How many records each rule coded, and why the others were left out.
struct RecordCounts {
  std::map<std::string, uint64_t> events_by_rule;
  std::map<std::string, uint64_t> skipped_by_reason;
  uint64_t duplicates = 0;  // the same event from a second source (kept once)
};

// The CAMEO code of a COW MID highest action (0-21), or "" for 0 (no militarized action)
// and unknown values; `hostlev` (2-5) decides when the action is missing (-9).
std::string_view CameoOfMidAction(int hiact, int hostlev);

// Events of one knowledge-base occurrence (visits, signings, the curated pack's coded
// happenings): every acting state toward every target state, with the occurrence's code.
std::vector<CodedRecord> CodeOccurrence(const kb::KnowledgeBase& kb, const kb::Occurrence& occ,
                                        RecordCounts* counts);
// Events of one fact: recognition, relations established/resumed/severed/suspended,
// mission opened/closed, a bilateral agreement signed. Empty for other relations.
std::vector<CodedRecord> CodeFact(const kb::KnowledgeBase& kb, const kb::Fact& fact,
                                  RecordCounts* counts);
// Dispute onsets (COW MID, directed) and conflict onsets (UCDP/PRIO), year precision.
std::vector<CodedRecord> CodeDisputes(const relations::Relations& rel, RecordCounts* counts);
std::vector<CodedRecord> CodeConflicts(const relations::Relations& rel, RecordCounts* counts);

// Everything above, in a fixed order (occurrences, facts, MID, UCDP), with codes checked
// against the taxonomy and cross-source duplicates dropped; sorted by day.
std::vector<CodedRecord> CodeAllRecords(const RecordInputs& in, RecordCounts* counts);

// The `url` column of a coded event: "PRECISION SOURCE RECORD" (precision day|month|year;
// the source id holds no space; the record is the rest of the text).
struct RecordRef {
  DatePrecision precision = DatePrecision::kDay;
  std::string source, record;
};
std::string FormatRecordRef(const CodedRecord& r);
Result<RecordRef> ParseRecordRef(std::string_view url);

struct BundleReport {
  RecordCounts counts;
  uint64_t rows = 0, bytes = 0;
};
// Codes every record and publishes the events as an event store at `dir`, replacing any
// store there atomically (built beside it, then swapped in with one rename).
Result<BundleReport> BuildRecordStore(const RecordInputs& in, const std::string& dir);

// The stored events of the directed dyad a → b (and b → a with `both`) in `range`, by
// day, at most `limit` (the earliest): every field, for listing records with their
// references (`dyad events records`).
Result<std::vector<StoredEvent>> DyadEvents(const Store& store, const std::string& a, const std::string& b,
                                            bool both, DayRange range, size_t limit);

// Where the bundled store is: $DYAD_CACHE/events-records, else DataDir()/events/records.
std::string BundledStoreDir();
// The store a user loads with `dyad ingest` by default: DataDir()/events/store.
std::string UserStoreDir();
// How a dossier or an answer names the store it read: `dir`, and for the bundled store
// "DIR: events coded from records, not from news".
std::string StoreLabel(const std::string& dir);
// The store commands read when given no --store: the user's store once it holds a
// MANIFEST (events were ingested), else the bundled store of coded records.
std::string DefaultQueryStoreDir();

}  // namespace dyad::events

#endif  // DYAD_EVENTS_RECORDS_H_
