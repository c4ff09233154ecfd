#include "dbopt/sim/reshard.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "dbopt/sim/router.h"

namespace dbopt::sim {
namespace {

double MaxOverMean(const std::vector<double>& loads) { return SkewOf(loads).max_over_mean; }

std::vector<double> LoadsOf(const Strategy& s, const std::vector<KeyLoad>& keys) {
  std::vector<double> loads(static_cast<size_t>(s.shards()), 0);
  for (const KeyLoad& k : keys) loads[static_cast<size_t>(s.ShardOf(k.key))] += k.queries;
  return loads;
}

}  // namespace

Movement KeyMovement(const Strategy& from, const Strategy& to, const std::vector<KeyLoad>& keys) {
  Movement m;
  uint64_t queries = 0;
  uint64_t moved_queries = 0;
  for (const KeyLoad& k : keys) {
    ++m.keys;
    queries += k.queries;
    if (from.ShardOf(k.key) != to.ShardOf(k.key)) {
      ++m.moved_keys;
      moved_queries += k.queries;
    }
  }
  if (m.keys > 0) m.key_fraction = static_cast<double>(m.moved_keys) / static_cast<double>(m.keys);
  if (queries > 0)
    m.load_fraction = static_cast<double>(moved_queries) / static_cast<double>(queries);
  const int n = from.shards();
  const int to_n = to.shards();
  m.optimum = static_cast<double>(std::abs(to_n - n)) / std::max(n, to_n);
  return m;
}

RebalancePlan PlanDirectoryRebalance(const Strategy& current, const std::vector<KeyLoad>& keys,
                                     double max_skew) {
  RebalancePlan plan;
  std::vector<double> loads = LoadsOf(current, keys);
  plan.skew_before = MaxOverMean(loads);
  // Keys per shard, heaviest first (ties by key) so every choice is deterministic.
  std::vector<std::vector<KeyLoad>> on(loads.size());
  for (const KeyLoad& k : keys) on[static_cast<size_t>(current.ShardOf(k.key))].push_back(k);
  for (auto& list : on) {
    std::sort(list.begin(), list.end(), [](const KeyLoad& a, const KeyLoad& b) {
      return a.queries != b.queries ? a.queries > b.queries : a.key < b.key;
    });
  }
  while (MaxOverMean(loads) > max_skew) {
    const size_t hi =
        static_cast<size_t>(std::max_element(loads.begin(), loads.end()) - loads.begin());
    const size_t lo =
        static_cast<size_t>(std::min_element(loads.begin(), loads.end()) - loads.begin());
    const double gap = loads[hi] - loads[lo];
    auto& list = on[hi];
    auto pick = std::find_if(list.begin(), list.end(),
                             [&](const KeyLoad& k) { return k.queries <= gap / 2; });
    if (pick == list.end()) {
      pick =
          std::find_if(list.begin(), list.end(), [&](const KeyLoad& k) { return k.queries < gap; });
    }
    if (pick == list.end() || pick->queries == 0) break;  // no move lowers the maximum
    plan.moves.push_back(
        KeyMove{pick->key, static_cast<int>(hi), static_cast<int>(lo), pick->queries});
    loads[hi] -= pick->queries;
    loads[lo] += pick->queries;
    on[lo].push_back(*pick);
    list.erase(pick);
    std::sort(on[lo].begin(), on[lo].end(), [](const KeyLoad& a, const KeyLoad& b) {
      return a.queries != b.queries ? a.queries > b.queries : a.key < b.key;
    });
  }
  plan.skew_after = MaxOverMean(loads);
  plan.reached_target = plan.skew_after <= max_skew;
  return plan;
}

RebalancePlan PlanRangeRebalance(const Strategy& current, const std::vector<KeyLoad>& keys,
                                 double max_skew) {
  RebalancePlan plan;
  const int n = current.shards();
  plan.skew_before = MaxOverMean(LoadsOf(current, keys));
  std::vector<KeyLoad> sorted = keys;
  std::sort(sorted.begin(), sorted.end(),
            [](const KeyLoad& a, const KeyLoad& b) { return a.key < b.key; });
  double total = 0;
  for (const KeyLoad& k : sorted) total += k.queries;
  std::vector<double> loads(static_cast<size_t>(n), 0);
  double running = 0;
  size_t shard = 0;
  for (size_t i = 0; i < sorted.size(); ++i) {
    // Cut before key i when that leaves the running total closer to the next target.
    const double target = total * static_cast<double>(shard + 1) / n;
    const double after = running + sorted[i].queries;
    const bool keys_left = sorted.size() - i >= static_cast<size_t>(n) - shard - 1;
    if (shard + 1 < static_cast<size_t>(n) && i > 0 && keys_left &&
        (std::abs(running - target) < std::abs(after - target) || running >= target)) {
      plan.splits.push_back(sorted[i].key);
      ++shard;
    }
    loads[shard] += sorted[i].queries;
    running = after;
  }
  plan.skew_after = MaxOverMean(loads);
  plan.reached_target = plan.skew_after <= max_skew;
  return plan;
}

}  // namespace dbopt::sim
