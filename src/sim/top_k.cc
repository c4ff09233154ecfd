#include "dbopt/sim/top_k.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace dbopt::sim {

void SpaceSaving::Swap(size_t a, size_t b) {
  std::swap(heap_[a], heap_[b]);
  index_[heap_[a].key] = a;
  index_[heap_[b].key] = b;
}

void SpaceSaving::SiftDown(size_t i) {
  for (;;) {
    size_t smallest = i;
    for (size_t child = 2 * i + 1; child <= 2 * i + 2 && child < heap_.size(); ++child) {
      if (heap_[child].count < heap_[smallest].count) smallest = child;
    }
    if (smallest == i) return;
    Swap(i, smallest);
    i = smallest;
  }
}

void SpaceSaving::Add(const Key& key, uint64_t /*hash*/) {
  auto it = index_.find(key);
  if (it != index_.end()) {
    ++heap_[it->second].count;  // a count only grows: restore the min-heap below it
    SiftDown(it->second);
    return;
  }
  if (heap_.size() < capacity_) {
    // New keys start at 1, the smallest possible count: sift up to keep the heap.
    heap_.push_back(HotKey{key, 1, 0});
    size_t i = heap_.size() - 1;
    index_[key] = i;
    while (i > 0 && heap_[(i - 1) / 2].count > heap_[i].count) {
      Swap(i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
    return;
  }
  // Replace the minimum (the root).
  index_.erase(heap_[0].key);
  const uint64_t floor = heap_[0].count;
  heap_[0] = HotKey{key, floor + 1, floor};
  index_[key] = 0;
  SiftDown(0);
}

std::vector<HotKey> SpaceSaving::Top(size_t k) const {
  std::vector<HotKey> out = heap_;
  std::sort(out.begin(), out.end(), [](const HotKey& a, const HotKey& b) {
    return a.count != b.count ? a.count > b.count : a.key < b.key;
  });
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace dbopt::sim
