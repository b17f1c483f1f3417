#include "base/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cstdlib>

namespace dyad {
namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
constexpr size_t kLargestHeapBlock = size_t{32} << 20;  // glibc's ceiling for M_MMAP_THRESHOLD

}  // namespace

void PreferHugePageHeap(size_t bytes) {
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLargestHeapBlock));
  mallopt(M_TRIM_THRESHOLD, INT_MAX);  // never shrink: what was advised stays the heap
  mallopt(M_TOP_PAD, static_cast<int>(bytes));
  // A block larger than the free top, so the heap grows by it plus the pad (volatile: the
  // compiler may not drop the pair as unused).
  void* volatile grow = std::malloc(mallinfo2().keepcost + kHugePage);
  std::free(grow);
  const uintptr_t end = reinterpret_cast<uintptr_t>(sbrk(0));
  const uintptr_t start = (end - mallinfo2().arena + kHugePage - 1) & ~(kHugePage - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
}

}  // namespace dyad
