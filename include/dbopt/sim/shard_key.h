// A shard-key value as routers see it: a 64-bit integer or a text. Extraction from SQL is the
// caller's job; the router takes key sets that are already extracted.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace dbopt::sim {

struct Key {
  bool is_text = false;
  int64_t integer = 0;
  std::string text;

  static Key Int(int64_t v) { return Key{false, v, {}}; }
  static Key Text(std::string s) { return Key{true, 0, std::move(s)}; }

  // The value's text: decimal for integers (the bytes Vitess' xxhash vindex hashes).
  std::string ToText() const;

  bool operator==(const Key& o) const {
    return is_text == o.is_text && (is_text ? text == o.text : integer == o.integer);
  }
  // Integers before texts; integers numerically, texts bytewise.
  bool operator<(const Key& o) const {
    if (is_text != o.is_text) return !is_text;
    return is_text ? text < o.text : integer < o.integer;
  }
};

// XXH64 (seed 0) of the key's text bytes: the key hash of the ring, jump, rendezvous and mod
// strategies, the top-k sketch and the key sample.
uint64_t KeyHash64(const Key& key);

// For in-memory maps: cheap and well mixed (splitmix64's finaliser for integers).
struct KeyHasher {
  size_t operator()(const Key& key) const {
    if (key.is_text) return std::hash<std::string>()(key.text);
    uint64_t x = static_cast<uint64_t>(key.integer);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<size_t>(x ^ (x >> 31));
  }
};

}  // namespace dbopt::sim
