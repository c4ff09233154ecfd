// A whole `dbopt lint` run: collect the .sql files under the given paths (recursively, sorted),
// find each file's .dbopt.toml (or use --config), skip excluded files, load each catalog once,
// lint, and count the findings at or above the fail-on level.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/lint/finding.h"

namespace dbopt::lint {

struct LintRequest {
  std::vector<std::string> paths;  // files (any name) and directories (their *.sql files)
  std::string catalog;             // --catalog; empty: the config's, or none
  std::string config;              // --config; empty: discover .dbopt.toml per file
  std::optional<Level> fail_on;    // --fail-on; empty: the config's, or error
};

struct LintReport {
  std::vector<Finding> findings;   // sorted
  std::vector<std::string> files;  // linted, in order
  size_t lines = 0;                // lines linted
  size_t failing = 0;              // findings at or above their fail-on level
};

// Files under `paths`: a directory contributes its *.sql files, recursively, sorted by path.
Result<std::vector<std::string>> CollectSqlFiles(const std::vector<std::string>& paths);

Result<LintReport> RunLint(const LintRequest& request);

// Recounts `failing` (e.g. after a baseline removed findings).
void CountFailing(LintReport& report, const LintRequest& request);

}  // namespace dbopt::lint
