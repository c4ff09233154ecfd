#include "dbopt/base/flat_index.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <vector>

namespace dbopt {

TEST_CASE("FlatIndex finds, inserts and erases slots by hash with the caller's equality") {
  std::vector<int> keys;
  FlatIndex index;
  auto find = [&](uint64_t hash, int key) {
    return index.Find(hash, [&](uint32_t s) { return keys[s] == key; });
  };
  CHECK(find(7, 1) == FlatIndex::kNone);
  keys.push_back(1);
  index.Insert(7, 0);
  keys.push_back(2);
  index.Insert(7, 1);  // the same hash, another key: equality tells them apart
  CHECK(find(7, 1) == 0);
  CHECK(find(7, 2) == 1);
  CHECK(find(8, 1) == FlatIndex::kNone);
  CHECK(index.Erase(7, [&](uint32_t s) { return keys[s] == 1; }));
  CHECK_FALSE(index.Erase(7, [&](uint32_t s) { return keys[s] == 1; }));
  CHECK(find(7, 1) == FlatIndex::kNone);
  CHECK(find(7, 2) == 1);
  CHECK(index.size() == 1);
  index.Clear();
  CHECK(index.size() == 0);
  CHECK(find(7, 2) == FlatIndex::kNone);
}

TEST_CASE("FlatIndex agrees with std::map under growth, colliding hashes and erasure") {
  // Hashes from a small range collide in long probe runs that wrap around the table's end, so
  // backward-shift deletion is exercised at every position.
  FlatIndex index;
  std::map<uint64_t, uint32_t> model;  // key (= its own hash here) -> slot
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int step = 0; step < 20000; ++step) {
    const uint64_t key = next() % 300;
    const uint64_t hash = key * 0x10001ULL;  // home cells cluster, and wrap in small tables
    auto same = [&](uint32_t s) { return model.count(key) && model[key] == s; };
    if (next() % 3 == 0) {
      CHECK(index.Erase(hash, same) == (model.count(key) == 1));
      model.erase(key);
    } else if (!model.count(key)) {
      model[key] = static_cast<uint32_t>(step);
      index.Insert(hash, static_cast<uint32_t>(step));
    }
    REQUIRE(index.size() == model.size());
  }
  for (uint64_t key = 0; key < 300; ++key) {
    const uint32_t expected = model.count(key) ? model[key] : FlatIndex::kNone;
    CHECK(index.Find(key * 0x10001ULL, [&](uint32_t s) { return s == expected; }) == expected);
  }
}

}  // namespace dbopt
