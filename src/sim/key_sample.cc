#include "dbopt/sim/key_sample.h"

#include <algorithm>
#include <vector>

namespace dbopt::sim {

void KeySample::Add(const Key& key, uint64_t hash, double busy_ms) {
  if (loads_.size() >= capacity_ && hash >= by_hash_.top().first) return;  // above threshold
  auto [it, inserted] = loads_.try_emplace(key, KeyLoad{key, 0, 0});
  ++it->second.queries;
  it->second.busy_ms += busy_ms;
  if (!inserted) return;
  by_hash_.emplace(hash, key);
  if (loads_.size() > capacity_) {
    loads_.erase(by_hash_.top().second);
    by_hash_.pop();
    evicted_ = true;
  }
}

std::vector<KeyLoad> KeySample::Keys() const {
  std::vector<KeyLoad> out;
  out.reserve(loads_.size());
  for (const auto& [key, load] : loads_) out.push_back(load);
  std::sort(out.begin(), out.end(),
            [](const KeyLoad& a, const KeyLoad& b) { return a.key < b.key; });
  return out;
}

}  // namespace dbopt::sim
