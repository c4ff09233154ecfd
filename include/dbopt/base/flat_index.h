// An open-addressing hash index from a 64-bit hash to a dense slot number: the lookup structure
// of the per-event tables of `dbopt replay` (shape cache, key sample, hot keys), where
// std::unordered_map's node per entry costs an allocation and a cache miss per lookup.
//
// The caller keeps its entries in a vector and the index maps hash → slot; equality is the
// caller's (a predicate on the slot), so any key type works and the hash is computed once.
// Linear probing over 8-byte cells (the tables are probed once per event, so their size in cache
// matters): a 32-bit tag folded from the hash, which also gives the home cell (tag mod size, so
// growing needs no rehash), and the slot; most mismatches cost one compare. Load factor at most
// 1/2, backward-shift deletion (no tombstones).
//
//   FlatIndex index;
//   uint32_t slot = index.Find(hash, [&](uint32_t s) { return keys[s] == key; });
//   if (slot == FlatIndex::kNone) { index.Insert(hash, keys.size()); keys.push_back(key); }
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dbopt {

class FlatIndex {
 public:
  static constexpr uint32_t kNone = 0xffffffffu;

  // Room for `expected` entries before the first growth.
  explicit FlatIndex(size_t expected = 8) { Reset(expected); }

  // The slot with this hash for which `same(slot)` holds, or kNone.
  template <typename Same>
  uint32_t Find(uint64_t hash, Same same) const {
    const uint32_t tag = Tag(hash);
    for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
      const Cell& c = cells_[i];
      if (c.slot == kNone) return kNone;
      if (c.tag == tag && same(c.slot)) return c.slot;
    }
  }

  // Adds hash → slot (the caller has checked that the key is absent).
  void Insert(uint64_t hash, uint32_t slot) {
    if (2 * (size_ + 1) > cells_.size()) Grow();
    Place(Tag(hash), slot);
    ++size_;
  }

  // Removes the entry of this hash for which `same(slot)` holds; false when there is none.
  template <typename Same>
  bool Erase(uint64_t hash, Same same) {
    const uint32_t tag = Tag(hash);
    for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
      const Cell& c = cells_[i];
      if (c.slot == kNone) return false;
      if (c.tag == tag && same(c.slot)) {
        RemoveAt(i);
        return true;
      }
    }
  }

  void Clear() { Reset(8); }
  size_t size() const { return size_; }

 private:
  struct Cell {
    uint32_t tag = 0;
    uint32_t slot = kNone;
  };

  // Both halves of the hash, so that hashes differing only in their high bits spread too.
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash ^ (hash >> 32)); }

  void Reset(size_t expected);
  void Grow();
  void Place(uint32_t tag, uint32_t slot);
  void RemoveAt(size_t hole);

  std::vector<Cell> cells_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace dbopt
