#include "dbopt/sim/key_sample.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dbopt::sim {

// The sample must be exactly the `capacity` distinct keys with the smallest (KeyHash64, key),
// each with its full totals (a key in the final sample was admitted at its first occurrence).
// That includes the key with the largest hash in the full sample (an earlier version stopped
// counting it once the sample filled up).
TEST_CASE("KeySample keeps the bottom-k keys by hash with exact totals, integer and text keys") {
  constexpr size_t kCapacity = 200;
  KeySample sample(kCapacity);
  std::map<std::pair<uint64_t, Key>, std::pair<uint64_t, double>> all;  // (hash, key) -> totals
  uint64_t state = 7;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int i = 0; i < 20000; ++i) {
    const uint64_t r = next();
    const Key key = r % 4 == 0 ? Key::Text("k" + std::to_string(r % 300))
                               : Key::Int(static_cast<int64_t>(r % 700) - 100);
    const double busy = static_cast<double>(r % 7);
    const uint64_t hash = KeyHash64(key);
    sample.Add(key, hash, busy);
    auto& totals = all[{hash, key}];
    ++totals.first;
    totals.second += busy;
  }
  CHECK_FALSE(sample.complete());
  std::vector<KeyLoad> expected;
  for (const auto& [hash_key, totals] : all) {
    if (expected.size() == kCapacity) break;
    expected.push_back(KeyLoad{hash_key.second, totals.first, totals.second});
  }
  REQUIRE(all.size() > kCapacity);
  std::sort(expected.begin(), expected.end(),
            [](const KeyLoad& a, const KeyLoad& b) { return a.key < b.key; });
  const std::vector<KeyLoad> keys = sample.Keys();
  REQUIRE(keys.size() == expected.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    CHECK(keys[i].key == expected[i].key);
    CHECK(keys[i].queries == expected[i].queries);
    CHECK(keys[i].busy_ms == expected[i].busy_ms);
  }
}

TEST_CASE("KeySample below its capacity holds every key and is complete") {
  KeySample sample(10);
  sample.Add(Key::Text("b"), KeyHash64(Key::Text("b")), 1);
  sample.Add(Key::Int(5), KeyHash64(Key::Int(5)), 2);
  sample.Add(Key::Text("b"), KeyHash64(Key::Text("b")), 3);
  const std::vector<KeyLoad> keys = sample.Keys();
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].key == Key::Int(5));  // integers before texts
  CHECK(keys[1].key == Key::Text("b"));
  CHECK(keys[1].queries == 2);
  CHECK(keys[1].busy_ms == 4);
  CHECK(sample.complete());
}

}  // namespace dbopt::sim
