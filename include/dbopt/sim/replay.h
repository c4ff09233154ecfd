// `dbopt replay`'s core, shared by the CLI and bench/replay_bench: one pass over the events of
// one or more traces (or a synthetic arrival stream) that feeds, per event,
//   the fingerprint cache and workload summary (trace module),
//   the connection-pool simulation (and the pool-size sweep), and
//   the shard router with keys extracted from the SQL or the trace's shard_key,
// and then the resharding and rebalancing analyses over the router's key sample. Memory does
// not grow with the trace's length. Deterministic for a given seed. The sim module consumes
// trace events here (sim uses trace, never the reverse); opening the files is the caller's.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/sim/pool.h"
#include "dbopt/sim/pool_sweep.h"
#include "dbopt/sim/reshard.h"
#include "dbopt/sim/route_config.h"
#include "dbopt/sim/router.h"
#include "dbopt/sim/slo.h"
#include "dbopt/sim/synthetic.h"
#include "dbopt/trace/fingerprint_cache.h"
#include "dbopt/trace/merged_reader.h"
#include "dbopt/trace/workload_summary.h"

namespace dbopt::sim {

inline constexpr uint64_t kProgressEvents = 1 << 16;  // progress callback period, in events

struct ReplayOptions {
  PoolSettings pool;
  std::optional<SizeRange> sweep;
  std::optional<Slo> slo;
  double time_scale = 1.0;  // arrivals compressed by this factor (2: twice the load)
  uint64_t seed = 1;
  size_t top = 10;  // statements in ReplayReport::top
  // Routing, when `strategy` is set: keys from SQL by route.key, or the trace's shard_key.
  RouteConfig route;
  std::unique_ptr<Strategy> strategy;
  std::unique_ptr<Strategy> reshard_to;  // --reshard shards=N
  std::optional<double> max_skew;        // --max-skew: a rebalancing plan
  std::function<void(uint64_t events)> progress;
};

struct TraceInfo {
  std::string name;
  std::string format;
  trace::ReadStats stats;
};

struct KeySources {
  uint64_t trace_field = 0;   // the trace's shard_key
  uint64_t sql = 0;           // extracted from the SQL
  uint64_t scatter = 0;       // a query without a condition on the key
  uint64_t parameter = 0;     // the key compared with a parameter: scattered
  uint64_t not_analysed = 0;  // unparsable SQL, statements dbopt's AST lacks, undecodable keys
  uint64_t not_routed = 0;    // utility statements (BEGIN, SET, …) and events without SQL
};

struct RoutingReport {
  std::string strategy;  // Strategy::Describe()
  std::string key;       // the key column
  RoutingMetrics metrics;
  KeySources sources;
  uint64_t joins = 0;              // routed queries that read more than one relation
  uint64_t cross_shard_joins = 0;  // … and touch more than one shard
  bool sample_complete = true;     // every distinct key is in the resharding sample
  size_t sampled_keys = 0;
  std::optional<Movement> reshard;
  int reshard_from = 0;
  int reshard_to = 0;
  std::optional<RebalancePlan> rebalance;
  double max_skew = 0;
};

struct ReplayReport {
  uint64_t events = 0;
  std::vector<TraceInfo> traces;  // empty for a synthetic run
  std::string synthetic;          // the synthetic spec; empty for traces
  int64_t first_start_us = 0;     // trace time of the first event (arrival 0 ms)
  int64_t last_start_us = 0;
  double time_scale = 1.0;
  uint64_t seed = 1;
  // Workload summary (traces only).
  std::vector<trace::StatementRow> statements;  // every fingerprint, by total time
  size_t top = 10;
  uint64_t unparsable = 0;
  uint64_t without_sql = 0;
  double total_ms = 0;
  std::vector<Diagnostic> unparsable_examples;
  trace::FingerprintCacheStats cache;
  // Pool.
  PoolSettings pool_settings;
  PoolMetrics pool;
  std::optional<SweepResult> sweep;
  std::optional<Slo> slo;
  std::optional<RoutingReport> routing;
};

// Replays `reader`'s events. Errors: the reader's (strict mode, truncated gzip, an empty trace),
// bad options (time scale), the pool's.
Result<ReplayReport> ReplayTraces(trace::MergedReader& reader, ReplayOptions options);

// Replays `count` synthetic requests (no SQL: no summary, no routing).
Result<ReplayReport> ReplaySynthetic(const SyntheticSpec& spec, uint64_t count,
                                     ReplayOptions options);

}  // namespace dbopt::sim
