// Process-wide allocator settings for one-shot commands.
#ifndef DYAD_BASE_HEAP_H_
#define DYAD_BASE_HEAP_H_

#include <cstddef>

namespace dyad {

// Asks the kernel to back the heap with transparent huge pages (2 MiB) where it allows
// them on request (THP mode "madvise", Debian's default): a `dyad report` builds some
// 50 MB of small objects, which otherwise costs ~7,000 page faults, a third of its CPU
// time. Reserves `bytes` of address space for the heap at once (pages never touched cost
// nothing), keeps blocks up to 32 MiB on the heap instead of separate mappings and never
// returns heap memory early, so that what the command allocates lands in the advised
// range. What glibc's tunable glibc.malloc.hugetlb=1 does, without an environment
// variable. Best effort and silent: without THP it only reserves. For processes that end
// soon (not `dyad serve`).
void PreferHugePageHeap(size_t bytes);

}  // namespace dyad

#endif  // DYAD_BASE_HEAP_H_
