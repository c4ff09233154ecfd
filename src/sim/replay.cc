// ReplayTraces / ReplaySynthetic: the per-event pipeline of `dbopt replay`.
#include "dbopt/sim/replay.h"

#include <cmath>
#include <utility>

#include "dbopt/sim/shard_key_extract.h"
#include "dbopt/trace/prefetch_reader.h"

namespace dbopt::sim {
namespace {

// The configured pool and, with --sweep, one pool per size; every request goes to each.
class PoolFeed {
 public:
  static Result<PoolFeed> Create(const ReplayOptions& options) {
    Result<Pool> pool = Pool::Create(options.pool, options.seed);
    if (!pool) return std::move(pool).error();
    std::optional<PoolSweep> sweep;
    if (options.sweep) {
      Result<PoolSweep> s =
          PoolSweep::Create(options.pool, *options.sweep, options.seed, options.slo);
      if (!s) return std::move(s).error();
      sweep.emplace(std::move(*s));
    }
    return PoolFeed(std::move(*pool), std::move(sweep));
  }

  Status Submit(const Request& request) {
    if (Status s = pool_.Submit(request); !s) return s;
    return sweep_ ? sweep_->Submit(request) : Status(Ok{});
  }

  void Finish(ReplayReport* report) {
    report->pool_settings = pool_.settings();
    report->pool = pool_.Finish();
    if (sweep_) report->sweep = sweep_->Finish();
  }

 private:
  PoolFeed(Pool pool, std::optional<PoolSweep> sweep)
      : pool_(std::move(pool)), sweep_(std::move(sweep)) {}

  Pool pool_;
  std::optional<PoolSweep> sweep_;
};

// The router, fed with keys from the trace's shard_key or extracted from the SQL.
class RouteFeed {
 public:
  explicit RouteFeed(ReplayOptions& options)
      : options_(options), router_(std::move(options.strategy)), extractor_(options.route.key) {}

  void Route(const trace::Event& e, const trace::ShapeInfo* shape,
             const trace::FingerprintCache& cache) {
    const double busy_ms = static_cast<double>(e.duration_us) / 1000.0;
    const ShardKeyPlan* plan = nullptr;
    if (shape != nullptr && !extractor_.column().empty()) {  // every lookup, to stay in sync
      plan = &extractor_.Plan(shape->shape_id, cache.epoch(), cache.parsed(), e.sql, cache.scan());
    }
    if (!e.shard_key.empty()) {
      ++report_.sources.trace_field;
      router_.RouteKey(KeyFromText(e.shard_key), busy_ms);
      return;
    }
    if (shape == nullptr) {
      ++report_.sources.not_routed;
      return;
    }
    const KeyOutcome outcome = Keys(plan, shape, e, cache);
    if (outcome == KeyOutcome::kNotRouted) {
      ++report_.sources.not_routed;
      return;
    }
    Count(outcome);
    if (plan != nullptr && plan->join) {
      ++report_.joins;
      if (keys_.empty() || SpansShards()) ++report_.cross_shard_joins;
    }
    router_.Route(keys_, busy_ms);
  }

  RoutingReport Finish() {
    report_.strategy = router_.strategy().Describe();
    report_.key = options_.route.key;
    report_.metrics = router_.Metrics();
    const std::vector<KeyLoad> keys = router_.sample().Keys();
    report_.sample_complete = router_.sample().complete();
    report_.sampled_keys = keys.size();
    if (options_.reshard_to) {
      report_.reshard = KeyMovement(router_.strategy(), *options_.reshard_to, keys);
      report_.reshard_from = router_.strategy().shards();
      report_.reshard_to = options_.reshard_to->shards();
    }
    if (options_.max_skew) {
      report_.max_skew = *options_.max_skew;
      report_.rebalance =
          options_.route.strategy == "range"
              ? PlanRangeRebalance(router_.strategy(), keys, *options_.max_skew)
              : PlanDirectoryRebalance(router_.strategy(), keys, *options_.max_skew);
    }
    return std::move(report_);
  }

 private:
  KeyOutcome Keys(const ShardKeyPlan* plan, const trace::ShapeInfo* shape, const trace::Event& e,
                  const trace::FingerprintCache& cache) {
    keys_.clear();
    if (shape->fingerprint == trace::kUnparsable) return KeyOutcome::kNotAnalysed;
    if (plan == nullptr) return KeyOutcome::kScatter;  // no key column: only shard_key routes
    const KeyOutcome outcome = KeysOf(*plan, e.sql, cache.scan(), &keys_);
    if (outcome != KeyOutcome::kKeys) keys_.clear();
    return outcome;
  }

  void Count(KeyOutcome outcome) {
    switch (outcome) {
      case KeyOutcome::kKeys:
        ++report_.sources.sql;
        break;
      case KeyOutcome::kScatter:
        ++report_.sources.scatter;
        break;
      case KeyOutcome::kParameter:
        ++report_.sources.parameter;
        break;
      case KeyOutcome::kNotAnalysed:
        ++report_.sources.not_analysed;
        break;
      case KeyOutcome::kNotRouted:
        ++report_.sources.not_routed;
        break;
    }
  }

  bool SpansShards() const {
    const int first = router_.strategy().ShardOf(keys_[0]);
    for (size_t i = 1; i < keys_.size(); ++i) {
      if (router_.strategy().ShardOf(keys_[i]) != first) return true;
    }
    return false;
  }

  ReplayOptions& options_;
  Router router_;
  ShardKeyExtractor extractor_;
  std::vector<Key> keys_;
  RoutingReport report_;
};

Status CheckOptions(const ReplayOptions& options) {
  if (!(options.time_scale > 0) || !std::isfinite(options.time_scale)) {
    return Error::BadInput("--time-scale: expected a positive number");
  }
  return Ok{};
}

void ReportProgress(const ReplayOptions& options, uint64_t events) {
  if (options.progress && events % kProgressEvents == 0) options.progress(events);
}

}  // namespace

Result<ReplayReport> ReplayTraces(trace::MergedReader& reader, ReplayOptions options) {
  if (Status s = CheckOptions(options); !s) return std::move(s).error();
  Result<PoolFeed> pool = PoolFeed::Create(options);
  if (!pool) return std::move(pool).error();
  std::optional<RouteFeed> route;
  if (options.strategy) route.emplace(options);
  trace::FingerprintCache cache;
  trace::WorkloadSummary summary;
  ReplayReport report;
  trace::Event e;
  const sql::LiteralScan* scan = nullptr;
  uint64_t shape_hash = 0;
  // The trace is read and parsed, and its SQL scanned for literals, on a second thread ahead of
  // this loop (same events, same order, same errors).
  trace::PrefetchReader prefetch(reader);
  while (true) {
    Result<bool> more = prefetch.Next(&e, &scan, &shape_hash);
    if (!more) return std::move(more).error();
    if (!*more) break;
    if (report.events == 0) report.first_start_us = e.start_us;
    report.last_start_us = e.start_us;
    ++report.events;
    // Summary: each distinct shape parsed once (the cache), the event counted per fingerprint.
    const trace::ShapeInfo* shape = nullptr;
    if (e.sql.empty()) {
      summary.AddWithoutSql(e);
    } else {
      shape = &cache.Lookup(e.sql, *scan, shape_hash);
      summary.Add(e, *shape);
    }
    // Pool: the trace's arrival (compressed by the time scale) and duration.
    Request request;
    request.arrival_ms =
        static_cast<double>(e.start_us - report.first_start_us) / 1000.0 / options.time_scale;
    request.hold_ms = static_cast<double>(e.duration_us) / 1000.0;
    request.session = e.session_key;
    request.txn = e.txn_key;
    request.txn_end = e.txn_end;
    if (Status s = pool->Submit(request); !s) return std::move(s).error();
    // Routing: the keys of this statement.
    if (route) route->Route(e, shape, cache);
    ReportProgress(options, report.events);
  }
  for (const auto& r : reader.readers()) {
    report.traces.push_back({r->name(), trace::TraceFormatName(r->format()), r->stats()});
  }
  report.statements = summary.Rows(cache);
  report.unparsable = summary.unparsable();
  report.without_sql = summary.without_sql();
  report.total_ms = summary.total_ms();
  report.unparsable_examples = summary.unparsable_examples();
  report.cache = cache.stats();
  pool->Finish(&report);
  if (route) report.routing = route->Finish();
  report.top = options.top;
  report.time_scale = options.time_scale;
  report.seed = options.seed;
  report.slo = options.slo;
  return report;
}

Result<ReplayReport> ReplaySynthetic(const SyntheticSpec& spec, uint64_t count,
                                     ReplayOptions options) {
  if (Status s = CheckOptions(options); !s) return std::move(s).error();
  if (count == 0) return Error::BadInput("a synthetic run needs at least one request");
  Result<PoolFeed> pool = PoolFeed::Create(options);
  if (!pool) return std::move(pool).error();
  ArrivalGenerator arrivals(spec, options.seed);
  ReplayReport report;
  for (uint64_t i = 0; i < count; ++i) {
    Request request = arrivals.Next();
    request.arrival_ms /= options.time_scale;
    if (Status s = pool->Submit(request); !s) return std::move(s).error();
    ++report.events;
    ReportProgress(options, report.events);
  }
  pool->Finish(&report);
  report.synthetic = FormatSyntheticSpec(spec);
  report.top = options.top;
  report.time_scale = options.time_scale;
  report.seed = options.seed;
  report.slo = options.slo;
  return report;
}

}  // namespace dbopt::sim
