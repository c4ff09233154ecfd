#include "dbopt/sim/pool_settings.h"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/sim/units.h"

namespace dbopt::sim {
namespace {

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

Error UnknownName(std::string_view what, std::string_view name,
                  const std::vector<std::string>& names) {
  return UnknownNameError(what, name, names);
}

Result<int> ParseCount(std::string_view key, std::string_view value, bool allow_unlimited) {
  if (allow_unlimited && value == "unlimited") return kUnlimited;
  int n = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || ptr != value.data() + value.size() || n < 0) {
    return Error::BadInput("pool setting " + std::string(key) + ": invalid count " + Quoted(value) +
                           (allow_unlimited ? " (expected a number or unlimited)" : ""));
  }
  return n;
}

Result<double> ParseTimeSetting(std::string_view key, std::string_view value) {
  if (value == "none" || value == "off" || value == "inf") return kNever;
  Result<double> ms = ParseDurationMs(value, /*bare_is_ms=*/true);
  if (!ms) {
    Error error = std::move(ms).error();
    error.diagnostic.message = "pool setting " + std::string(key) + ": " + error.message();
    return error;
  }
  return *ms;
}

// One key=value pair applied to `s`.
Status ApplySetting(std::string_view key, std::string_view value, PoolSettings& s) {
  static const std::vector<std::string> kKeys = {
      "max",          "min_idle",   "max_idle", "acquire_timeout", "idle_timeout",
      "max_lifetime", "connect_ms", "mode",     "order",           "reuse"};
  auto choose = [&](const std::vector<std::string>& names, auto& field, auto... values) -> Status {
    using T = std::remove_reference_t<decltype(field)>;
    const T options[] = {values...};
    for (size_t i = 0; i < names.size(); ++i) {
      if (value == names[i]) {
        field = options[i];
        return Ok{};
      }
    }
    return UnknownName("pool " + std::string(key), value, names);
  };
  auto count = [&](int& field, bool unlimited) -> Status {
    Result<int> n = ParseCount(key, value, unlimited);
    if (!n) return std::move(n).error();
    field = *n;
    return Ok{};
  };
  auto time = [&](double& field) -> Status {
    Result<double> ms = ParseTimeSetting(key, value);
    if (!ms) return std::move(ms).error();
    field = *ms;
    return Ok{};
  };
  if (key == "max") return count(s.max, true);
  if (key == "min_idle") return count(s.min_idle, false);
  if (key == "max_idle") return count(s.max_idle, true);
  if (key == "acquire_timeout") return time(s.acquire_timeout_ms);
  if (key == "idle_timeout") return time(s.idle_timeout_ms);
  if (key == "max_lifetime") return time(s.max_lifetime_ms);
  if (key == "connect_ms") return time(s.connect_ms);
  if (key == "mode") {
    return choose({"statement", "transaction", "session"}, s.mode, PoolMode::kStatement,
                  PoolMode::kTransaction, PoolMode::kSession);
  }
  if (key == "order") {
    return choose({"fifo", "lifo", "random"}, s.order, WaiterOrder::kFifo, WaiterOrder::kLifo,
                  WaiterOrder::kRandom);
  }
  if (key == "reuse") return choose({"lifo", "fifo"}, s.reuse, IdleReuse::kLifo, IdleReuse::kFifo);
  return UnknownName("pool setting", key, kKeys);
}

std::string FormatMs(double ms) {
  if (std::isinf(ms)) return "none";
  char buffer[64];
  const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, ms);
  return std::string(buffer, ptr) + "ms";
}

}  // namespace

const char* PoolModeName(PoolMode mode) {
  switch (mode) {
    case PoolMode::kStatement:
      return "statement";
    case PoolMode::kTransaction:
      return "transaction";
    case PoolMode::kSession:
      return "session";
  }
  return "?";
}

const char* WaiterOrderName(WaiterOrder order) {
  switch (order) {
    case WaiterOrder::kFifo:
      return "fifo";
    case WaiterOrder::kLifo:
      return "lifo";
    case WaiterOrder::kRandom:
      return "random";
  }
  return "?";
}

const char* IdleReuseName(IdleReuse reuse) { return reuse == IdleReuse::kLifo ? "lifo" : "fifo"; }

Status ValidatePoolSettings(const PoolSettings& s) {
  if (s.max == 0 || s.max < kUnlimited) {
    return Error::BadInput("pool max must be at least 1 (or unlimited)");
  }
  if (s.max != kUnlimited && s.min_idle > s.max) {
    return Error::BadInput("pool min_idle (" + std::to_string(s.min_idle) +
                           ") must not exceed max (" + std::to_string(s.max) + ")");
  }
  if (s.max_idle != kUnlimited && s.min_idle > s.max_idle) {
    return Error::BadInput("pool min_idle (" + std::to_string(s.min_idle) +
                           ") must not exceed max_idle (" + std::to_string(s.max_idle) + ")");
  }
  if (s.min_idle < 0) return Error::BadInput("pool min_idle must not be negative");
  if (s.max_idle < kUnlimited) return Error::BadInput("pool max_idle must not be negative");
  const double times[] = {s.acquire_timeout_ms, s.idle_timeout_ms, s.max_lifetime_ms, s.connect_ms};
  for (double t : times) {
    if (std::isnan(t) || t < 0) return Error::BadInput("pool times must not be negative");
  }
  if (std::isinf(s.connect_ms)) return Error::BadInput("pool connect_ms must be finite");
  if (s.idle_timeout_ms == 0 || s.max_lifetime_ms == 0) {
    return Error::BadInput("pool idle_timeout and max_lifetime must be positive (or none)");
  }
  if (s.timeline_buckets < 2) return Error::BadInput("pool timeline needs at least 2 buckets");
  return Ok{};
}

std::vector<std::string> PoolPresetNames() { return {"hikaricp", "pgbouncer", "go-sql"}; }

// Values and their sources: docs/pool-model.md "Presets".
Result<PoolSettings> PoolPreset(std::string_view name) {
  PoolSettings s;
  if (name == "hikaricp") {
    s.max = 10;                       // maximumPoolSize, DEFAULT_POOL_SIZE
    s.min_idle = 10;                  // minimumIdle defaults to maximumPoolSize
    s.acquire_timeout_ms = 30000;     // connectionTimeout
    s.idle_timeout_ms = 600000;       // idleTimeout (inert while min_idle == max)
    s.max_lifetime_ms = 1800000;      // maxLifetime
    s.mode = PoolMode::kTransaction;  // the application borrows per transaction
    s.order = WaiterOrder::kFifo;     // fair SynchronousQueue hand-off
    s.reuse = IdleReuse::kLifo;       // thread-local list of recently used connections first
  } else if (name == "pgbouncer") {
    s.max = 20;                     // default_pool_size
    s.min_idle = 0;                 // min_pool_size
    s.acquire_timeout_ms = 120000;  // query_wait_timeout
    s.idle_timeout_ms = 600000;     // server_idle_timeout
    s.max_lifetime_ms = 3600000;    // server_lifetime (unused connections only)
    s.mode = PoolMode::kSession;    // pool_mode
    s.order = WaiterOrder::kFifo;   // waiting_client_list: append, serve first
    s.reuse = IdleReuse::kLifo;     // server_round_robin = 0: idle servers prepended
  } else if (name == "go-sql") {
    s.max = kUnlimited;               // SetMaxOpenConns: 0 = unlimited
    s.min_idle = 0;                   // no such knob
    s.max_idle = 2;                   // defaultMaxIdleConns
    s.mode = PoolMode::kTransaction;  // a Tx holds its conn; a plain Query one statement
    s.order = WaiterOrder::kRandom;   // connRequests.TakeRandom()
    s.reuse = IdleReuse::kLifo;       // freeConn[last]
  } else {
    return UnknownName("pool preset", name, PoolPresetNames());
  }
  return s;
}

Result<PoolSettings> ParsePoolSpec(std::string_view spec, PoolSettings base) {
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = spec.substr(start, comma - start);
    const size_t eq = item.find('=');
    if (item.empty() || eq == std::string_view::npos || eq == 0 || eq + 1 == item.size()) {
      return Error::BadInput("invalid pool setting " + Quoted(item) + ": expected key=value");
    }
    Status applied = ApplySetting(item.substr(0, eq), item.substr(eq + 1), base);
    if (!applied) return std::move(applied).error();
    start = comma + 1;
  }
  Status valid = ValidatePoolSettings(base);
  if (!valid) return std::move(valid).error();
  return base;
}

std::string FormatPoolSettings(const PoolSettings& s) {
  auto count = [](int n) { return n == kUnlimited ? std::string("unlimited") : std::to_string(n); };
  return "max=" + count(s.max) + ",min_idle=" + std::to_string(s.min_idle) +
         ",max_idle=" + count(s.max_idle) + ",acquire_timeout=" + FormatMs(s.acquire_timeout_ms) +
         ",idle_timeout=" + FormatMs(s.idle_timeout_ms) +
         ",max_lifetime=" + FormatMs(s.max_lifetime_ms) + ",connect_ms=" + FormatMs(s.connect_ms) +
         ",mode=" + PoolModeName(s.mode) + ",order=" + WaiterOrderName(s.order) +
         ",reuse=" + IdleReuseName(s.reuse);
}

}  // namespace dbopt::sim
