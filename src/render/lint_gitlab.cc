// dbopt lint --format gitlab: a GitLab Code Quality report (the subset of the Code Climate
// format GitLab reads: description, check_name, fingerprint, severity, location.path/lines).
#include <cstdint>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "dbopt/render/lint_output.h"

namespace dbopt::render {
namespace {

const char* Severity(lint::Level level) {
  switch (level) {
    case lint::Level::kError:
      return "critical";
    case lint::Level::kWarning:
      return "major";
    case lint::Level::kInfo:
      return "info";
  }
  return "info";
}

// FNV-1a, 128 bits as two 64-bit halves: GitLab wants a unique fingerprint per issue.
std::string Hash(const std::string& s) {
  uint64_t a = 1469598103934665603ULL;
  uint64_t b = 0x9e3779b97f4a7c15ULL;
  for (unsigned char c : s) {
    a = (a ^ c) * 1099511628211ULL;
    b = (b ^ c) * 0x100000001b3ULL + 0x7f4a7c15ULL;
  }
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return out;
}

}  // namespace

std::string LintGitlab(const lint::LintReport& report) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  std::map<std::string, int> occurrences;
  for (const lint::Finding& f : report.findings) {
    const std::string key = f.rule_id + ":" + f.file + ":" + f.fingerprint;
    const int n = ++occurrences[key];
    nlohmann::ordered_json issue;
    issue["type"] = "issue";
    issue["description"] = f.rule_id + ": " + f.message;
    issue["check_name"] = f.rule_id + " " + f.rule_name;
    issue["fingerprint"] = Hash(key + ":" + std::to_string(n));
    issue["severity"] = Severity(f.level);
    issue["location"] = {{"path", f.file}, {"lines", {{"begin", f.line}}}};
    issues.push_back(std::move(issue));
  }
  return issues.dump(2) + "\n";
}

}  // namespace dbopt::render
