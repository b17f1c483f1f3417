#include "events/ingest.h"

namespace dyad::events {

Result<IngestReport> IngestFiles(Store* store, const std::vector<std::string>& files,
                                 InputFormat format, const Taxonomy& taxonomy,
                                 const CountryMap& countries, RejectSink* rejects,
                                 const IngestOptions& options) {
  IngestReport report;
  EventReader reader(taxonomy, countries, rejects, options.read);
  SegmentBuilder builder;
  uint64_t durable = store->rows();
  auto flush = [&]() -> Status {
    if (builder.rows() == 0) return Status::OK();
    uint64_t n = builder.rows();
    DYAD_RETURN_IF_ERROR(store->Append(&builder));
    durable += n;
    ++report.segments_written;
    if (options.on_ack) options.on_ack(durable);
    return Status::OK();
  };
  auto sink = [&](const EventView& ev) -> Status {
    builder.Add(ev);
    if (builder.rows() >= options.batch_rows || builder.DictionaryFull()) return flush();
    return Status::OK();
  };
  for (const auto& file : files) {
    DYAD_RETURN_IF_ERROR(reader.Read(file, format, sink));
  }
  DYAD_RETURN_IF_ERROR(flush());
  report.counts = reader.counts();
  return report;
}

}  // namespace dyad::events
