#include "dbopt/sim/top_k.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace dbopt::sim {

// Heap moves touch only the slot/position arrays, never the key map.
void SpaceSaving::Swap(size_t a, size_t b) {
  std::swap(heap_[a], heap_[b]);
  position_[heap_[a]] = a;
  position_[heap_[b]] = b;
}

void SpaceSaving::SiftDown(size_t i) {
  for (;;) {
    size_t smallest = i;
    for (size_t child = 2 * i + 1; child <= 2 * i + 2 && child < heap_.size(); ++child) {
      if (CountAt(child) < CountAt(smallest)) smallest = child;
    }
    if (smallest == i) return;
    Swap(i, smallest);
    i = smallest;
  }
}

void SpaceSaving::SiftUp(size_t i) {
  while (i > 0 && CountAt((i - 1) / 2) > CountAt(i)) {
    Swap(i, (i - 1) / 2);
    i = (i - 1) / 2;
  }
}

void SpaceSaving::Add(const Key& key, uint64_t hash) {
  const uint32_t found = slot_.Find(hash, [&](uint32_t s) { return entries_[s].key == key; });
  if (found != FlatIndex::kNone) {
    ++entries_[found].count;  // a count only grows: restore the min-heap below it
    SiftDown(position_[found]);
    return;
  }
  if (entries_.size() < capacity_) {
    const size_t slot = entries_.size();
    entries_.push_back(HotKey{key, 1, 0});
    hashes_.push_back(hash);
    heap_.push_back(slot);
    position_.push_back(heap_.size() - 1);
    slot_.Insert(hash, static_cast<uint32_t>(slot));
    SiftUp(heap_.size() - 1);
    return;
  }
  if (capacity_ == 0) return;
  // Replace the minimum (the heap's root): the newcomer inherits its count as error.
  const size_t slot = heap_[0];
  slot_.Erase(hashes_[slot], [slot](uint32_t s) { return s == slot; });
  slot_.Insert(hash, static_cast<uint32_t>(slot));
  hashes_[slot] = hash;
  const uint64_t floor = entries_[slot].count;
  entries_[slot] = HotKey{key, floor + 1, floor};
  SiftDown(0);
}

std::vector<HotKey> SpaceSaving::Top(size_t k) const {
  std::vector<HotKey> out = entries_;
  std::sort(out.begin(), out.end(), [](const HotKey& a, const HotKey& b) {
    return a.count != b.count ? a.count > b.count : a.key < b.key;
  });
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace dbopt::sim
