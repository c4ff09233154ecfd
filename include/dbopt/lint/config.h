// .dbopt.toml: per-rule levels (or off) and thresholds, path excludes, the catalog and the
// --fail-on level. Found by walking up from each linted file; documented in docs/lint-config.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"
#include "dbopt/lint/finding.h"
#include "dbopt/lint/rule.h"

namespace dbopt::lint {

constexpr const char* kConfigFileName = ".dbopt.toml";

struct RuleConfig {
  bool off = false;
  std::optional<Level> level;  // overrides the rule's default level
  RuleSettings settings;
};

struct Config {
  std::string path;  // the file it was read from; empty: the built-in defaults
  std::string dir;   // its directory: excludes and the catalog are relative to it
  std::map<std::string, RuleConfig> rules;  // by rule id ("DB109")
  std::vector<std::string> exclude;         // glob patterns: *, ** and ?
  std::string catalog;                      // as written; empty: none
  std::optional<Level> fail_on;

  const RuleConfig* ForRule(const std::string& id) const {
    auto it = rules.find(id);
    return it == rules.end() ? nullptr : &it->second;
  }
  // The catalog source resolved against `dir` (unless absolute or a connection string).
  std::string CatalogSource() const;
  // True when `file` (a path as found) matches an exclude pattern, relative to `dir`.
  bool Excludes(const std::string& file) const;
};

Result<Config> ParseConfig(const SourceText& source);
Result<Config> LoadConfig(const std::string& path);
// The nearest .dbopt.toml in the directory of `file` or above it; empty when none.
std::string FindConfig(const std::string& file);
// Glob matching: `*` any run of characters but '/', `**` any run including '/', `?` one character.
bool GlobMatch(const std::string& pattern, const std::string& path);

}  // namespace dbopt::lint
