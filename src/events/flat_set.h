// A set of 64-bit keys with open addressing (linear probing), for the reader's duplicate
// check: 8 bytes per slot at most 50% full, so 16-32 bytes per key, no allocation per key.
#ifndef DYAD_EVENTS_FLAT_SET_H_
#define DYAD_EVENTS_FLAT_SET_H_

#include <cstdint>
#include <vector>

namespace dyad::events {

class FlatU64Set {
 public:
  // Inserts `key`; false when it was present.
  bool Insert(uint64_t key) {
    if (key == 0) {
      bool fresh = !has_zero_;
      has_zero_ = true;
      return fresh;
    }
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    return InsertSlot(key);
  }
  bool Contains(uint64_t key) const {
    if (key == 0) return has_zero_;
    if (slots_.empty()) return false;
    size_t mask = slots_.size() - 1;
    for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }
  uint64_t size() const { return size_ + (has_zero_ ? 1 : 0); }

 private:
  static uint64_t Mix(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
  }
  bool InsertSlot(uint64_t key) {
    size_t mask = slots_.size() - 1;
    for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == key) return false;
      if (slots_[i] == 0) {
        slots_[i] = key;
        ++size_;
        return true;
      }
    }
  }
  void Grow() {
    std::vector<uint64_t> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    size_ = 0;
    for (uint64_t k : old) {
      if (k) InsertSlot(k);
    }
  }
  std::vector<uint64_t> slots_;
  uint64_t size_ = 0;
  bool has_zero_ = false;
};

// A set of ids as a paged bitmap: one bit per id, pages of 65,536 ids allocated when first
// touched. GDELT GLOBALEVENTIDs are dense and increasing, so this costs ~1 bit per event and
// touches memory sequentially. Ids of 2^48 and more go to a FlatU64Set.
class IdBitmap {
 public:
  bool Insert(uint64_t id) {
    if (id >> 48) return overflow_.Insert(id);
    uint64_t page = id >> 16;
    if (page != last_page_) {
      if (page >= pages_.size()) pages_.resize(page + 1);
      if (pages_[page].empty()) pages_[page].assign(1024, 0);
      last_page_ = page;
      last_ = pages_[page].data();
    }
    uint64_t bit = uint64_t{1} << (id & 63);
    uint64_t& word = last_[(id >> 6) & 1023];
    if (word & bit) return false;
    word |= bit;
    return true;
  }
  bool Contains(uint64_t id) const {
    if (id >> 48) return overflow_.Contains(id);
    uint64_t page = id >> 16;
    if (page >= pages_.size() || pages_[page].empty()) return false;
    return (pages_[page][(id >> 6) & 1023] >> (id & 63)) & 1;
  }

 private:
  std::vector<std::vector<uint64_t>> pages_;
  uint64_t last_page_ = ~uint64_t{0};
  uint64_t* last_ = nullptr;
  FlatU64Set overflow_;
};

}  // namespace dyad::events

#endif  // DYAD_EVENTS_FLAT_SET_H_
