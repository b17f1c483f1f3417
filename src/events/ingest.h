// Loading event files into a store, batch by batch.
//
// Rows are read (reader.h) into a SegmentBuilder; every `batch_rows` accepted rows the
// batch becomes one segment and is published (store.h). `on_ack` runs after each publish
// with the number of rows durable so far: a crash after it loses nothing of those rows.
// Memory is bounded by the batch: about 90 bytes per row plus the row's strings (actor
// codes, URL), plus the serialized segment while it is written, plus the duplicate set
// (reader.h). A second thread sorts and writes a full batch while the next one fills, so
// two batches can be in memory. With the default 1,048,576 rows of GDELT 1.0 this
// measured under 700 MB resident (docs/BENCHMARKS.md).
#ifndef DYAD_EVENTS_INGEST_H_
#define DYAD_EVENTS_INGEST_H_

#include <functional>
#include <string>
#include <vector>

#include "base/rejects.h"
#include "events/reader.h"
#include "events/store.h"

namespace dyad::events {

struct IngestOptions {
  size_t batch_rows = size_t{1} << 20;
  ReadOptions read;
  std::function<void(uint64_t durable_rows)> on_ack;
};

struct IngestReport {
  ReadCounts counts;
  uint64_t segments_written = 0;
  uint64_t already_stored = 0;  // rows dropped because the store holds them (also duplicates)
};

// Before reading, the identities (dataset, id; ICEWS: id and day) of every event already
// in the store are loaded into the reader, chunk by chunk, so a file ingested twice, or
// an ingest resumed after a crash, adds no event twice. This costs one decode of the
// store's id columns per ingest into a non-empty store.

Result<IngestReport> IngestFiles(Store* store, const std::vector<std::string>& files,
                                 InputFormat format, const Taxonomy& taxonomy,
                                 const CountryMap& countries, RejectSink* rejects,
                                 const IngestOptions& options);

}  // namespace dyad::events

#endif  // DYAD_EVENTS_INGEST_H_
