// ParseRouteConfig, the split-point and directory tables, BuildStrategy.
#include "dbopt/sim/route_config.h"

#include <charconv>
#include <utility>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/sim/shard_key_extract.h"

namespace dbopt::sim {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A key as a table file writes it: 'text' (quotes kept out, '' a quote), else KeyFromText.
Key TableKey(std::string_view token) {
  if (token.size() >= 2 && token.front() == '\'' && token.back() == '\'') {
    std::string text;
    for (size_t i = 1; i + 1 < token.size(); ++i) {
      text.push_back(token[i]);
      if (token[i] == '\'' && token[i + 1] == '\'') ++i;
    }
    return Key::Text(std::move(text));
  }
  return KeyFromText(token);
}

// Calls `f(line_text, line_offset)` for each line that is not blank or a comment.
template <typename F>
Status ForEachEntry(const SourceText& source, F f) {
  const std::string& text = source.text();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty() && line.front() != '#') {
      const size_t offset = static_cast<size_t>(line.data() - text.data());
      if (Status s = f(line, offset); !s) return s;
    }
    start = end + 1;
  }
  return Ok{};
}

}  // namespace

Result<RouteConfig> ParseRouteConfig(std::string_view spec) {
  RouteConfig config;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = spec.substr(start, comma - start);
    start = comma + 1;
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return Error::BadInput("invalid route option \"" + std::string(item) +
                             "\": expected key=value");
    }
    const std::string_view name = item.substr(0, eq);
    const std::string value(item.substr(eq + 1));
    if (name == "strategy") {
      config.strategy = value;
    } else if (name == "key") {
      config.key = value;
    } else if (name == "vnodes") {
      config.vnodes = value;
    } else if (name == "fn") {
      config.fn = value;
    } else if (name == "shards") {
      const auto [ptr, ec] =
          std::from_chars(value.data(), value.data() + value.size(), config.shards);
      if (ec != std::errc() || ptr != value.data() + value.size() || config.shards < 1) {
        return Error::BadInput("route shards: expected a positive integer, got \"" + value + "\"");
      }
      config.shards_given = true;
    } else {
      return UnknownNameError("route option", name, {"strategy", "shards", "key", "vnodes", "fn"});
    }
  }
  if (config.strategy.empty()) return Error::BadInput("route: missing strategy=<name>");
  return config;
}

Result<std::vector<Key>> ParseSplitPoints(const SourceText& source) {
  std::vector<Key> splits;
  Status status = ForEachEntry(source, [&](std::string_view line, size_t offset) -> Status {
    Key key = TableKey(line);
    if (!splits.empty() && !(splits.back() < key)) {
      return Error::At(source.DiagnosticAt(offset, "split points must ascend: \"" +
                                                       std::string(line) + "\" is not after \"" +
                                                       splits.back().ToText() + "\""));
    }
    splits.push_back(std::move(key));
    return Ok{};
  });
  if (!status) return std::move(status).error();
  return splits;
}

Result<Directory> ParseDirectory(const SourceText& source, int shards) {
  Directory directory;
  Status status = ForEachEntry(source, [&](std::string_view line, size_t offset) -> Status {
    size_t sep = line.rfind(',');
    if (sep == std::string_view::npos) sep = line.find_last_of(" \t");
    const std::string_view shard_text =
        sep == std::string_view::npos ? "" : Trim(line.substr(sep + 1));
    int shard = -1;
    const auto [ptr, ec] =
        std::from_chars(shard_text.data(), shard_text.data() + shard_text.size(), shard);
    if (sep == std::string_view::npos || ec != std::errc() ||
        ptr != shard_text.data() + shard_text.size() || shard < 0 || shard >= shards) {
      return Error::At(source.DiagnosticAt(
          offset, "expected \"key,shard\" with a shard in 0.." + std::to_string(shards - 1)));
    }
    directory[TableKey(Trim(line.substr(0, sep)))] = shard;
    return Ok{};
  });
  if (!status) return std::move(status).error();
  return directory;
}

Result<std::unique_ptr<Strategy>> BuildStrategy(const RouteConfig& config, int shards,
                                                const std::vector<Key>* splits,
                                                const Directory* directory) {
  if (config.strategy == "range") {
    if (splits == nullptr) return Error::Usage("route strategy=range needs --range-splits FILE");
    if (config.shards_given && static_cast<size_t>(shards) != splits->size() + 1) {
      return Error::BadInput("route shards=" + std::to_string(shards) +
                             " but the split points make " + std::to_string(splits->size() + 1) +
                             " shards");
    }
    return MakeRangeStrategy(*splits);
  }
  if (config.strategy == "directory") {
    if (directory == nullptr)
      return Error::Usage("route strategy=directory needs --directory FILE");
    return MakeDirectoryStrategy(shards, *directory);
  }
  std::string spec = "strategy=" + config.strategy + ",shards=" + std::to_string(shards);
  if (!config.vnodes.empty()) spec += ",vnodes=" + config.vnodes;
  if (!config.fn.empty()) spec += ",fn=" + config.fn;
  return ParseRouteSpec(spec);
}

}  // namespace dbopt::sim
