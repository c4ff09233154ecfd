// The settings of a simulated connection pool, the presets that reproduce HikariCP, pgbouncer and
// Go database/sql defaults, and the `key=value,...` spec users write (docs/pool-model.md).
#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::sim {

inline constexpr double kNever = std::numeric_limits<double>::infinity();
inline constexpr int kUnlimited = -1;

// How long a client keeps a connection (pgbouncer pool_mode).
enum class PoolMode {
  kStatement,    // one statement
  kTransaction,  // first statement of a transaction to its end, think time included
  kSession,      // first statement of a session to its last
};

// Which waiter gets a connection that becomes free.
enum class WaiterOrder { kFifo, kLifo, kRandom };

// Which idle connection a request gets: the most recently returned (LIFO) or the oldest (FIFO).
enum class IdleReuse { kLifo, kFifo };

struct PoolSettings {
  int max = 10;                        // connections, idle + in use + opening; kUnlimited: none
  int min_idle = 0;                    // the pool keeps at least this many open connections
  int max_idle = kUnlimited;           // a returned connection beyond this many idle is closed
  double acquire_timeout_ms = kNever;  // a waiter gives up after this; 0: never wait
  double idle_timeout_ms = kNever;     // idle connections above min_idle close after this
  double max_lifetime_ms = kNever;     // connections close at this age (in-use ones on return)
  double connect_ms = 0;               // time to open a connection
  PoolMode mode = PoolMode::kStatement;
  WaiterOrder order = WaiterOrder::kFifo;
  IdleReuse reuse = IdleReuse::kLifo;
  int timeline_buckets = 256;  // fixed number of timeline buckets
};

const char* PoolModeName(PoolMode mode);
const char* WaiterOrderName(WaiterOrder order);
const char* IdleReuseName(IdleReuse reuse);

// Rejects impossible combinations (negative sizes, min_idle > max, ...).
Status ValidatePoolSettings(const PoolSettings& settings);

// "hikaricp", "pgbouncer" or "go-sql" with those pools' defaults (sources in docs/pool-model.md).
Result<PoolSettings> PoolPreset(std::string_view name);
std::vector<std::string> PoolPresetNames();

// Applies "max=20,min_idle=5,acquire_timeout=30s,idle_timeout=10m,max_lifetime=30m,connect_ms=3,
// mode=transaction,order=lifo,reuse=fifo,max_idle=2" on top of `base`. Durations take a unit
// (a bare number is ms) or none/off for "disabled"; max and max_idle take "unlimited".
Result<PoolSettings> ParsePoolSpec(std::string_view spec, PoolSettings base);

// The settings as a spec string that ParsePoolSpec reads back.
std::string FormatPoolSettings(const PoolSettings& settings);

}  // namespace dbopt::sim
