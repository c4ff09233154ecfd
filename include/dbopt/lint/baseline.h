// Baselines: a file listing the findings a project has accepted, so that CI fails only on new
// ones. Entries are keyed by rule id, file and the statement's fingerprint (not line numbers),
// with a count, so edits that move statements keep matching. Format: docs/lint-config.md.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/lint/finding.h"

namespace dbopt::lint {

class Baseline {
 public:
  static Result<Baseline> Load(const std::string& path);
  static Baseline FromFindings(const std::vector<Finding>& findings);

  // The JSON text: deterministic, sorted by file, rule, fingerprint.
  std::string ToJson() const;
  // The findings the baseline does not cover (each entry covers up to `count` findings).
  std::vector<Finding> Filter(const std::vector<Finding>& findings) const;
  size_t size() const { return counts_.size(); }

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // file, rule, fingerprint
  std::map<Key, int> counts_;
};

}  // namespace dbopt::lint
