#include "dbopt/sim/key_sample.h"

#include <algorithm>
#include <vector>

namespace dbopt::sim {

uint32_t KeySample::NewSlot(const Key& key) {
  uint32_t slot;
  if (!free_.empty()) {
    slot = free_.back();
    free_.pop_back();
  } else {
    slot = static_cast<uint32_t>(entries_.size());
    entries_.emplace_back();
    texts_.emplace_back();
  }
  entries_[slot] = Entry{key.integer, 0, 0, key.is_text};
  if (key.is_text) texts_[slot] = key.text;
  return slot;
}

void KeySample::EvictTop() {
  const auto below = [this](const Ranked& a, const Ranked& b) { return Below(a, b); };
  std::pop_heap(by_hash_.begin(), by_hash_.end(), below);
  const Ranked top = by_hash_.back();
  by_hash_.pop_back();
  index_.Erase(top.hash, [top](uint32_t s) { return s == top.slot; });
  if (entries_[top.slot].is_text) texts_[top.slot].clear();
  entries_[top.slot] = Entry{};
  free_.push_back(top.slot);
  --size_;
  evicted_ = true;
}

void KeySample::Add(const Key& key, uint64_t hash, double busy_ms) {
  if (capacity_ == 0) return;
  // Strictly above the largest hash kept: the key holding that hash is still counted.
  if (size_ >= capacity_ && hash > by_hash_.front().hash) return;
  uint32_t slot = index_.Find(hash, [&](uint32_t s) { return Same(s, key); });
  const bool inserted = slot == FlatIndex::kNone;
  if (inserted) {
    slot = NewSlot(key);
    index_.Insert(hash, slot);
    ++size_;
  }
  ++entries_[slot].queries;
  entries_[slot].busy_ms += busy_ms;
  if (!inserted) return;
  by_hash_.push_back(Ranked{hash, slot});
  std::push_heap(by_hash_.begin(), by_hash_.end(),
                 [this](const Ranked& a, const Ranked& b) { return Below(a, b); });
  if (size_ > capacity_) EvictTop();
}

std::vector<KeyLoad> KeySample::Keys() const {
  std::vector<KeyLoad> out;
  out.reserve(size_);
  std::vector<char> freed(entries_.size(), 0);
  for (uint32_t slot : free_) freed[slot] = 1;
  for (size_t s = 0; s < entries_.size(); ++s) {
    if (freed[s]) continue;
    const Entry& e = entries_[s];
    out.push_back(
        KeyLoad{e.is_text ? Key::Text(texts_[s]) : Key::Int(e.integer), e.queries, e.busy_ms});
  }
  std::sort(out.begin(), out.end(),
            [](const KeyLoad& a, const KeyLoad& b) { return a.key < b.key; });
  return out;
}

}  // namespace dbopt::sim
