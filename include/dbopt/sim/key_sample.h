// A uniform sample of the distinct keys seen, with their exact counts and busy time, in
// bounded memory: bottom-k sampling by key hash (keep the `capacity` keys with the smallest
// KeyHash64). A key in the final sample had a hash below every threshold the sample ever had,
// so it was admitted at its first occurrence and its totals are exact. While fewer than
// `capacity` distinct keys were seen the sample is every key. Resharding and rebalancing are
// simulated over it.
//
// Every routed key passes through Add, so the sample is kept small in cache: 32-byte entries in a
// dense vector (an integer key inline; a text key's bytes in a side vector touched only for text
// keys) indexed by a FlatIndex on the key hash (no node per key), and an eviction heap of
// (hash, slot) pairs ordered as (hash, key), so that equal hashes still have one maximum.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dbopt/base/flat_index.h"
#include "dbopt/sim/shard_key.h"

namespace dbopt::sim {

struct KeyLoad {
  Key key;
  uint64_t queries = 0;
  double busy_ms = 0;
};

class KeySample {
 public:
  explicit KeySample(size_t capacity) : capacity_(capacity) {}
  // `hash` is KeyHash64(key).
  void Add(const Key& key, uint64_t hash, double busy_ms);
  // Sorted by key.
  std::vector<KeyLoad> Keys() const;
  bool complete() const { return !evicted_; }  // every distinct key is in the sample

 private:
  struct Ranked {
    uint64_t hash;
    uint32_t slot;
  };
  struct Entry {
    int64_t integer = 0;  // the key when it is an integer
    uint64_t queries = 0;
    double busy_ms = 0;
    bool is_text = false;  // the key is texts_[slot]
  };
  bool Same(uint32_t slot, const Key& key) const {
    const Entry& e = entries_[slot];
    return e.is_text == key.is_text &&
           (key.is_text ? texts_[slot] == key.text : e.integer == key.integer);
  }
  // Key order (integers first, then texts bytewise), as Key::operator<.
  bool KeyBelow(uint32_t a, uint32_t b) const {
    const Entry& x = entries_[a];
    const Entry& y = entries_[b];
    if (x.is_text != y.is_text) return !x.is_text;
    return x.is_text ? texts_[a] < texts_[b] : x.integer < y.integer;
  }
  // The max-heap order: by hash, then by key.
  bool Below(const Ranked& a, const Ranked& b) const {
    return a.hash != b.hash ? a.hash < b.hash : KeyBelow(a.slot, b.slot);
  }
  uint32_t NewSlot(const Key& key);
  void EvictTop();

  size_t capacity_;
  bool evicted_ = false;
  size_t size_ = 0;                 // keys in the sample
  std::vector<Entry> entries_;      // by slot; freed slots are reused
  std::vector<std::string> texts_;  // by slot: the text keys
  std::vector<uint32_t> free_;      // freed slots
  FlatIndex index_;                 // KeyHash64 → slot
  std::vector<Ranked> by_hash_;     // max-heap: the eviction candidate on top
};

}  // namespace dbopt::sim
