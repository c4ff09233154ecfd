// ParseRouteSpec: "strategy=<name>,shards=<n>[,vnodes=<k>][,fn=citus|vitess|xxhash]".
#include <charconv>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/sim/strategy.h"

namespace dbopt::sim {
namespace {

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

Error Unknown(std::string_view what, std::string_view name, const std::vector<std::string>& names) {
  return UnknownNameError(what, name, names);
}

Result<int> PositiveInt(std::string_view key, std::string_view value) {
  int n = 0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || ptr != value.data() + value.size() || n < 1) {
    return Error::BadInput("route " + std::string(key) + ": expected a positive integer, got " +
                           Quoted(value));
  }
  return n;
}

struct RouteOptions {
  std::string strategy;
  int shards = 8;
  int vnodes = 160;
  HashFunction fn = HashFunction::kCitus;
};

Status Apply(std::string_view key, std::string_view value, RouteOptions& o) {
  if (key == "strategy") {
    o.strategy = std::string(value);
    return Ok{};
  }
  if (key == "shards" || key == "vnodes") {
    Result<int> n = PositiveInt(key, value);
    if (!n) return std::move(n).error();
    (key == "shards" ? o.shards : o.vnodes) = *n;
    return Ok{};
  }
  if (key == "fn") {
    const std::vector<std::string> names = {"citus", "vitess", "xxhash"};
    for (size_t i = 0; i < names.size(); ++i) {
      if (value == names[i]) {
        o.fn = static_cast<HashFunction>(i);
        return Ok{};
      }
    }
    return Unknown("hash function", value, names);
  }
  return Unknown("route option", key, {"strategy", "shards", "vnodes", "fn"});
}

}  // namespace

Result<std::unique_ptr<Strategy>> ParseRouteSpec(std::string_view spec) {
  RouteOptions o;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = spec.substr(start, comma - start);
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return Error::BadInput("invalid route option " + Quoted(item) + ": expected key=value");
    }
    Status applied = Apply(item.substr(0, eq), item.substr(eq + 1), o);
    if (!applied) return std::move(applied).error();
    start = comma + 1;
  }
  if (o.strategy == "hash") return MakeHashStrategy(o.shards, o.fn);
  if (o.strategy == "mod") return MakeModStrategy(o.shards);
  if (o.strategy == "jump") return MakeJumpStrategy(o.shards);
  if (o.strategy == "rendezvous") return MakeRendezvousStrategy(o.shards);
  if (o.strategy == "ring") return MakeRingStrategy(o.shards, o.vnodes);
  if (o.strategy == "range" || o.strategy == "directory") {
    return Error::BadInput("route strategy " + o.strategy +
                           " needs its table (split points or key map) from a file");
  }
  if (o.strategy.empty()) return Error::BadInput("route: missing strategy=<name>");
  return Unknown("route strategy", o.strategy,
                 {"hash", "mod", "range", "directory", "ring", "jump", "rendezvous"});
}

}  // namespace dbopt::sim
