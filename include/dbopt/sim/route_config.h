// What `dbopt replay --route strategy=…,shards=N,key=COLUMN[,vnodes=N][,fn=…]` asks for, and the
// tables of the range and directory strategies read from text (docs/routing-model.md
// "Split-point and directory files"). The sim module reads no files: the caller passes their
// text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"
#include "dbopt/sim/strategy.h"

namespace dbopt::sim {

using Directory = std::unordered_map<Key, int, KeyHasher>;

struct RouteConfig {
  std::string strategy;  // "hash", "range", …
  int shards = 8;
  bool shards_given = false;
  std::string key;     // the key column; empty: only the trace's shard_key field
  std::string vnodes;  // as written, for ring ("": default)
  std::string fn;      // as written, for hash ("": default)
};

// Errors: not key=value, unknown option (with "did you mean"), a missing strategy.
Result<RouteConfig> ParseRouteConfig(std::string_view spec);

// One split point per line: an integer, or a text ('quoted' to keep digits a text); blank
// lines and lines starting with '#' are skipped. Points must ascend (integers before texts).
Result<std::vector<Key>> ParseSplitPoints(const SourceText& source);

// One "key,shard" (or "key shard") per line, shard in [0, shards); same skipping and key rules.
Result<Directory> ParseDirectory(const SourceText& source, int shards);

// The strategy with `shards` shards (config.shards, or another count for --reshard). range
// needs `splits` (and then has splits.size() + 1 shards), directory needs `directory`.
Result<std::unique_ptr<Strategy>> BuildStrategy(const RouteConfig& config, int shards,
                                                const std::vector<Key>* splits,
                                                const Directory* directory);

}  // namespace dbopt::sim
