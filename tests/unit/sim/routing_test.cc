#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "dbopt/sim/hash.h"
#include "dbopt/sim/reshard.h"
#include "dbopt/sim/router.h"
#include "dbopt/sim/strategy.h"

namespace dbopt::sim {
namespace {

std::vector<KeyLoad> IntKeys(int64_t n) {
  std::vector<KeyLoad> keys;
  for (int64_t k = 1; k <= n; ++k) keys.push_back(KeyLoad{Key::Int(k), 1, 0});
  return keys;
}

}  // namespace

TEST_SUITE("sim routing") {
  TEST_CASE("hash strategies follow Vitess keyspace ranges and Citus hash ranges") {
    auto vitess = MakeHashStrategy(2, HashFunction::kVitess);
    CHECK(vitess->ShardOf(Key::Int(29999)) == 1);  // keyspace id fcd6… is in shard 80-
    CHECK(vitess->ShardOf(Key::Int(397)) == 0);    // 5584… is in -80
    CHECK(vitess->ShardOf(Key::Int(1)) == 0);      // 166b…
    auto citus = MakeHashStrategy(32);
    CHECK(citus->ShardOf(Key::Int(1)) == CitusShardIndex(-1905060026, 32));
    CHECK(citus->ShardOf(Key::Int(1)) == 1);
    CHECK(citus->ShardOf(Key::Text("a")) == CitusShardIndex(1075015857, 32));
    auto jump = MakeJumpStrategy(60);
    CHECK(jump->ShardOf(Key::Text("k")) == JumpConsistentHash(XxHash64("k"), 60));
    CHECK(jump->ShardOf(Key::Int(12)) == JumpConsistentHash(XxHash64("12"), 60));
  }

  TEST_CASE("adding an 11th shard: jump and rendezvous move ~1/11 of keys, mod ~10/11") {
    const std::vector<KeyLoad> keys = IntKeys(100000);
    // Binomial noise at 10^5 keys: σ = sqrt(p(1-p)/n) ≈ 0.0009; tolerance 0.005.
    const Movement jump = KeyMovement(*MakeJumpStrategy(10), *MakeJumpStrategy(11), keys);
    CHECK(jump.optimum == doctest::Approx(1.0 / 11));
    CHECK(std::fabs(jump.key_fraction - 1.0 / 11) < 0.005);
    const Movement hrw =
        KeyMovement(*MakeRendezvousStrategy(10), *MakeRendezvousStrategy(11), keys);
    CHECK(std::fabs(hrw.key_fraction - 1.0 / 11) < 0.005);
    const Movement mod = KeyMovement(*MakeModStrategy(10), *MakeModStrategy(11), keys);
    CHECK(std::fabs(mod.key_fraction - 10.0 / 11) < 0.005);
    // A ring's movement depends on where the new shard's points fall: loose bounds.
    const Movement ring = KeyMovement(*MakeRingStrategy(10), *MakeRingStrategy(11), keys);
    CHECK(ring.key_fraction > 0.04);
    CHECK(ring.key_fraction < 0.15);
    CHECK(jump.load_fraction == jump.key_fraction);  // one query per key
    // Jump and rendezvous only ever move keys to the new shard.
    auto j10 = MakeJumpStrategy(10);
    auto j11 = MakeJumpStrategy(11);
    auto h10 = MakeRendezvousStrategy(10);
    auto h11 = MakeRendezvousStrategy(11);
    int strays = 0;
    for (const KeyLoad& k : keys) {
      if (j10->ShardOf(k.key) != j11->ShardOf(k.key) && j11->ShardOf(k.key) != 10) ++strays;
      if (h10->ShardOf(k.key) != h11->ShardOf(k.key) && h11->ShardOf(k.key) != 10) ++strays;
    }
    CHECK(strays == 0);
  }

  TEST_CASE("skew of hand-made loads") {
    CHECK(SkewOf({10, 10, 10, 10}).max_over_mean == 1);
    CHECK(SkewOf({10, 10, 10, 10}).cv == 0);
    CHECK(SkewOf({40, 0, 0, 0}).max_over_mean == 4);
    CHECK(SkewOf({40, 0, 0, 0}).cv == doctest::Approx(std::sqrt(3.0)));
    CHECK(SkewOf({3, 1}).max_over_mean == 1.5);
    CHECK(SkewOf({3, 1}).cv == doctest::Approx(0.5));
  }

  TEST_CASE("a router counts single-shard, IN-list and scatter queries") {
    std::unordered_map<Key, int, KeyHasher> map = {
        {Key::Int(1), 0}, {Key::Int(2), 1}, {Key::Int(3), 1}};
    Result<std::unique_ptr<Strategy>> directory = MakeDirectoryStrategy(3, map);
    REQUIRE(directory.ok());
    Router router(std::move(directory).value());
    router.Route({Key::Int(1)}, 10);
    router.Route({Key::Int(2), Key::Int(3)}, 4);  // both on shard 1: single-shard
    router.Route({Key::Int(1), Key::Int(2)}, 6);  // shards 0 and 1
    router.Route({}, 2);                          // scatter
    const RoutingMetrics m = router.Metrics();
    CHECK(m.queries == 4);
    CHECK(m.single_shard == 2);
    CHECK(m.multi_shard == 1);
    CHECK(m.scatter == 1);
    CHECK(m.scatter_fraction == 0.25);
    CHECK(m.shards[0].queries == 3);
    CHECK(m.shards[0].busy_ms == 18);
    CHECK(m.shards[1].queries == 3);
    CHECK(m.shards[1].busy_ms == 12);
    CHECK(m.shards[2].queries == 1);
    CHECK(m.query_skew.max_over_mean == doctest::Approx(3 / (7.0 / 3)));
  }

  TEST_CASE("hot keys come out of the Space-Saving sketch with bounds") {
    Router router(MakeJumpStrategy(8), RouterOptions{16, 3, 1000});
    for (int i = 0; i < 5000; ++i) {
      router.RouteKey(Key::Int(i), 1);
      if (i % 5 == 0) router.RouteKey(Key::Text("hot"), 1);
      if (i % 10 == 0) router.RouteKey(Key::Text("warm"), 1);
    }
    const RoutingMetrics m = router.Metrics();
    REQUIRE(m.hot_keys.size() == 3);
    CHECK(m.hot_keys[0].key == Key::Text("hot"));
    CHECK(m.hot_keys[0].count >= 1000);
    CHECK(m.hot_keys[0].count - m.hot_keys[0].error <= 1000);
    CHECK(m.hot_keys[1].key == Key::Text("warm"));
    CHECK_FALSE(router.sample().complete());
    CHECK(router.sample().Keys().size() == 1000);
  }

  TEST_CASE("directory rebalancing moves hot keys until max/mean is under the target") {
    std::unordered_map<Key, int, KeyHasher> map;
    std::vector<KeyLoad> keys;
    for (int k = 0; k < 40; ++k) {
      map[Key::Int(k)] = k < 20 ? 0 : 1 + k % 3;  // shard 0 holds half of the keys
      keys.push_back(KeyLoad{Key::Int(k), static_cast<uint64_t>(10 + k % 7), 0});
    }
    auto directory = MakeDirectoryStrategy(4, map);
    REQUIRE(directory.ok());
    const RebalancePlan plan = PlanDirectoryRebalance(**directory, keys, 1.1);
    CHECK(plan.skew_before > 1.5);
    CHECK(plan.reached_target);
    CHECK(plan.skew_after <= 1.1);
    CHECK(!plan.moves.empty());
    for (const KeyMove& move : plan.moves) CHECK(move.from == 0);
  }

  TEST_CASE("range rebalancing recuts split points by load") {
    std::vector<KeyLoad> keys = IntKeys(100);
    keys[0].queries = 30;  // one hot key cannot be split
    auto skewed = MakeRangeStrategy({Key::Int(90), Key::Int(95), Key::Int(98)});
    REQUIRE(skewed.ok());
    const RebalancePlan plan = PlanRangeRebalance(**skewed, keys, 1.25);
    CHECK(plan.skew_before > 3);
    REQUIRE(plan.splits.size() == 3);
    CHECK(plan.skew_after < 1.25);
    CHECK(plan.reached_target);
    auto recut = MakeRangeStrategy(plan.splits);
    REQUIRE(recut.ok());
  }

  TEST_CASE("route specs and their errors") {
    Result<std::unique_ptr<Strategy>> ring = ParseRouteSpec("strategy=ring,shards=4,vnodes=10");
    REQUIRE(ring.ok());
    CHECK((*ring)->Describe() == "ring shards=4 vnodes=10");
    CHECK((*ParseRouteSpec("strategy=hash,fn=vitess,shards=2"))->Describe() ==
          "hash fn=vitess shards=2");
    Result<std::unique_ptr<Strategy>> typo = ParseRouteSpec("strategy=jumps,shards=4");
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().message() ==
          "unknown route strategy \"jumps\" (expected one of: hash, mod, range, directory, ring, "
          "jump, rendezvous)");
    CHECK(typo.error().diagnostic.hint == "did you mean \"jump\"?");
    Result<std::unique_ptr<Strategy>> zero = ParseRouteSpec("strategy=jump,shards=0");
    REQUIRE_FALSE(zero.ok());
    CHECK(zero.error().message() == "route shards: expected a positive integer, got \"0\"");
    Result<std::unique_ptr<Strategy>> unordered = MakeRangeStrategy({Key::Int(5), Key::Int(5)});
    REQUIRE_FALSE(unordered.ok());
    CHECK(unordered.error().message() ==
          "range split points must be strictly ascending: \"5\" follows \"5\"");
  }
}

}  // namespace dbopt::sim
