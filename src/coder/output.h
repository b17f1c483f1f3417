// Renderings of coded events (docs/formats/coder-output.md): JSON Lines and TSV, and the
// native event-store TSV row that `dyad ingest text` loads. Pure functions of the events.
#ifndef DYAD_CODER_OUTPUT_H_
#define DYAD_CODER_OUTPUT_H_

#include <string>

#include "coder/facts.h"
#include "world/world.h"

namespace dyad::coder {

// One JSON object (no newline) with every field of the event.
std::string EventJson(const LocatedEvent& e);
// The TSV header (with newline) and one row (with newline); fields escaped as in packs.
std::string EventTsvHeader();
std::string EventTsvRow(const LocatedEvent& e);
// A row of the event store's native TSV (docs/formats/event-store.md), or "" when the
// event has no date to the day (the store keeps days; "in July 2015" is not invented
// into 2015-07-01). `id` identifies the event in dataset "native".
std::string NativeTsvRow(const LocatedEvent& e, uint64_t id, const world::World& world);
std::string NativeTsvHeader();

}  // namespace dyad::coder

#endif  // DYAD_CODER_OUTPUT_H_
