// Flat hash tables behind the resolver's token trie: token text -> token id, and
// (node, token id) -> child node. Open addressing with linear probing in power-of-two
// arrays, no per-entry allocation, so a probe is one or two cache lines. Insert-only;
// built once, then read concurrently without locks.
#ifndef DYAD_WORLD_RESOLVER_INDEX_H_
#define DYAD_WORLD_RESOLVER_INDEX_H_

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::world::internal {

inline constexpr uint32_t kNoId = std::numeric_limits<uint32_t>::max();

inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xff51afd7ed558ccdull);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = (h ^ chunk) * 0xff51afd7ed558ccdull;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 32);
}

// Token text -> dense id (0, 1, 2, ... in insertion order).
class TokenTable {
 public:
  TokenTable() : filter_(kFilterBits / 64, 0) { slots_.assign(1024, Slot{}); }

  uint32_t Find(std::string_view word) const {
    const uint64_t h = HashBytes(word);
    const uint64_t bit = (h >> 40) & (kFilterBits - 1);
    if (!(filter_[bit / 64] & (1ull << (bit % 64)))) return kNoId;  // most prose words
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == kNoId) return kNoId;
      if (s.hash == static_cast<uint32_t>(h) && words_[s.id] == word) return s.id;
    }
  }

  uint32_t Insert(std::string_view word) {
    if (uint32_t id = Find(word); id != kNoId) return id;
    if ((words_.size() + 1) * 2 > slots_.size()) Grow();
    const auto id = static_cast<uint32_t>(words_.size());
    words_.emplace_back(word);
    const uint64_t h = HashBytes(word);
    const uint64_t bit = (h >> 40) & (kFilterBits - 1);
    filter_[bit / 64] |= 1ull << (bit % 64);
    Place(id, h);
    return id;
  }

  size_t size() const { return words_.size(); }
  const std::string& word(uint32_t id) const { return words_[id]; }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t id = kNoId;
  };
  void Place(uint32_t id, uint64_t h) {
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].id != kNoId) i = (i + 1) & mask;
    slots_[i] = Slot{static_cast<uint32_t>(h), id};
  }
  void Grow() {
    slots_.assign(slots_.size() * 2, Slot{});
    for (uint32_t id = 0; id < words_.size(); ++id) Place(id, HashBytes(words_[id]));
  }

  static constexpr uint64_t kFilterBits = 1u << 19;  // 64 KiB: a one-hash Bloom filter
  std::vector<Slot> slots_;
  std::vector<std::string> words_;
  std::vector<uint64_t> filter_;
};

// (node, token) -> child node; 0 means "no child" (node 0 is the root, never a child).
class EdgeTable {
 public:
  EdgeTable() { slots_.assign(1024, Slot{}); }

  uint32_t Find(uint32_t node, uint32_t token) const {
    const uint64_t key = Key(node, token);
    const size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.child;
      if (s.key == kEmpty) return 0;
    }
  }

  // The child, created with id `fresh` if absent (*created tells which).
  uint32_t FindOrInsert(uint32_t node, uint32_t token, uint32_t fresh, bool* created) {
    *created = false;
    if (uint32_t child = Find(node, token); child != 0) return child;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place(Key(node, token), fresh);
    ++size_;
    *created = true;
    return fresh;
  }

 private:
  static constexpr uint64_t kEmpty = ~0ull;
  struct Slot {
    uint64_t key = kEmpty;
    uint32_t child = 0;
  };
  static uint64_t Key(uint32_t node, uint32_t token) {
    return (static_cast<uint64_t>(node) << 32) | token;
  }
  static uint64_t Hash(uint64_t key) {
    key *= 0x9E3779B97F4A7C15ull;
    return key ^ (key >> 31);
  }
  void Place(uint64_t key, uint32_t child) {
    const size_t mask = slots_.size() - 1;
    size_t i = Hash(key) & mask;
    while (slots_[i].key != kEmpty) i = (i + 1) & mask;
    slots_[i] = Slot{key, child};
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.key != kEmpty) Place(s.key, s.child);
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace dyad::world::internal

#endif  // DYAD_WORLD_RESOLVER_INDEX_H_
