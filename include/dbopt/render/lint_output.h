// The output formats of `dbopt lint`, one file each in src/render/: text for people, JSON
// (docs/lint-json.md), SARIF 2.1.0 for GitHub code scanning, GitHub workflow annotations and
// GitLab Code Quality. Every function is deterministic: same report, same bytes.
#pragma once

#include <string>

#include "dbopt/lint/run.h"

namespace dbopt::render {

// file:line:col: level RULE: message, the line with a caret, the hint; then a summary line.
std::string LintText(const lint::LintReport& report);
// {"format": "dbopt-lint", "version": 1, ...}
std::string LintJson(const lint::LintReport& report);
// `docs_base_url`, when not empty, gives each rule a helpUri of docs_base_url + "<id>.md".
std::string LintSarif(const lint::LintReport& report, const std::string& docs_base_url);
// ::error file=...,line=...,col=...,title=...::message, at most `max_per_level` per level
// (GitHub shows 10 errors and 10 warnings per step), then a summary notice.
std::string LintGithub(const lint::LintReport& report, int max_per_level);
// GitLab Code Quality report (a JSON array of issues).
std::string LintGitlab(const lint::LintReport& report);

// "3 findings (1 error, 2 warnings, 0 info) in 2 files, 120 lines"
std::string LintSummary(const lint::LintReport& report);

}  // namespace dbopt::render
