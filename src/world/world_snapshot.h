// The world snapshot (docs/formats/world-snapshot.md): the registry World::Load assembles
// from the installed JSON data and the project's tables, written once as one binary,
// checksummed file that later commands map and decode instead of parsing ~80 JSON files
// and a dozen tables at every start. The snapshot records where it was loaded from, the
// size and modification time of every input file and an identifier of the loader's own
// source code, so an input that changed, appeared or vanished, other sources, or a
// different loader make it stale; World::LoadDefault then loads the text again and
// republishes the snapshot atomically. A snapshot decodes to the same World as the text
// (tests/world/world_snapshot_test.cc compares every field of every state).
#ifndef DYAD_WORLD_WORLD_SNAPSHOT_H_
#define DYAD_WORLD_WORLD_SNAPSHOT_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "world/world.h"

namespace dyad::world {

// $DYAD_CACHE/world.snapshot, else DataDir()/kb-packs/compiled/world.snapshot (beside the
// knowledge-base snapshot; not committed).
std::string DefaultWorldSnapshotPath();

// Writes `world`, as loaded from `sources`, to `path` (atomically: a reader sees the old
// file or the new one).
Status WriteWorldSnapshot(const World& world, const WorldSources& sources, const std::string& path);

// The world stored at `path`. NotFound when there is no file; FailedPrecondition when it
// is stale (written from other sources or by another loader, or an input file changed);
// Corruption when it is damaged (bad magic, version or checksum, truncated).
Result<std::shared_ptr<const World>> ReadWorldSnapshot(const WorldSources& sources, const std::string& path);

// ReadWorldSnapshot when the snapshot at `path` is fresh; otherwise World::Load(sources),
// then a new snapshot at `path` (best effort: when it cannot be written, the world loaded
// from the text is returned all the same).
Result<std::shared_ptr<const World>> LoadWorldCached(const WorldSources& sources, const std::string& path);

}  // namespace dyad::world

#endif  // DYAD_WORLD_WORLD_SNAPSHOT_H_
