// The checksum that names one state of the data a server answers from (its ETags).
//
// It covers the dyad binary itself (/proc/self/exe: answers change with the code) and
// every regular file under the given paths (the data directory, the packs, the event
// store's MANIFEST, which names its immutable segments with their CRC32s), in sorted
// path order, each as its relative path, size and bytes. 16 hex digits (CRC32 and
// Adler-32 of the stream). A compiled knowledge-base snapshot's own checksum can be
// passed as one more path once it exists.
#ifndef DYAD_SERVER_SNAPSHOT_H_
#define DYAD_SERVER_SNAPSHOT_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace dyad::server {

Result<std::string> SnapshotChecksum(const std::vector<std::string>& paths);

}  // namespace dyad::server

#endif  // DYAD_SERVER_SNAPSHOT_H_
