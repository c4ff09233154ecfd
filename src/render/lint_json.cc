// dbopt lint --format json (docs/lint-json.md).
#include <nlohmann/json.hpp>

#include "dbopt/render/lint_output.h"

namespace dbopt::render {

std::string LintJson(const lint::LintReport& report) {
  nlohmann::ordered_json j;
  j["format"] = "dbopt-lint";
  j["version"] = 1;
  j["files"] = report.files;
  j["lines"] = report.lines;
  size_t counts[3] = {0, 0, 0};
  for (const lint::Finding& f : report.findings) ++counts[static_cast<size_t>(f.level)];
  j["summary"] = {{"error", counts[0]},
                  {"warning", counts[1]},
                  {"info", counts[2]},
                  {"failing", report.failing}};
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const lint::Finding& f : report.findings) {
    nlohmann::ordered_json e;
    e["rule"] = f.rule_id;
    e["name"] = f.rule_name;
    e["level"] = lint::LevelName(f.level);
    e["precision"] = lint::PrecisionName(f.precision);
    e["file"] = f.file;
    e["line"] = f.line;
    e["column"] = f.column;
    e["message"] = f.message;
    e["hint"] = f.hint;
    e["fingerprint"] = f.fingerprint;
    findings.push_back(std::move(e));
  }
  j["findings"] = std::move(findings);
  return j.dump(2) + "\n";
}

}  // namespace dbopt::render
