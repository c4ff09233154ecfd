// dbopt lint --format sarif: SARIF 2.1.0 as GitHub code scanning reads it (rules with help,
// levels, partialFingerprints, relative artifact URIs).
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "dbopt/base/version.h"
#include "dbopt/lint/registry.h"
#include "dbopt/render/lint_output.h"

namespace dbopt::render {
namespace {

using Json = nlohmann::ordered_json;

const char* SarifLevel(lint::Level level) {
  switch (level) {
    case lint::Level::kError:
      return "error";
    case lint::Level::kWarning:
      return "warning";
    case lint::Level::kInfo:
      return "note";
  }
  return "note";
}

const char* ProblemSeverity(lint::Level level) {
  return level == lint::Level::kInfo ? "recommendation" : lint::LevelName(level);
}

// A relative URI reference for a path: '/' separators, no "./", unsafe bytes %-encoded.
std::string PathUri(std::string path) {
  while (path.compare(0, 2, "./") == 0) path.erase(0, 2);
  std::string out;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    const bool safe =
        std::isalnum(c) || std::string("-._~/").find(static_cast<char>(c)) != std::string::npos;
    if (safe) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Json RuleJson(const lint::RuleInfo& info, const std::string& docs_base_url) {
  Json r;
  r["id"] = info.id;
  r["name"] = info.name;
  r["shortDescription"] = {{"text", info.summary}};
  r["fullDescription"] = {{"text", info.help}};
  r["help"] = {{"text", info.help},
               {"markdown", std::string("**") + info.id + " " + info.name + "**: " + info.help +
                                "\n\nSee docs/lint/" + info.id + ".md."}};
  if (!docs_base_url.empty()) r["helpUri"] = docs_base_url + info.id + ".md";
  r["defaultConfiguration"] = {{"level", SarifLevel(info.default_level)}};
  r["properties"] = {{"tags", Json::array({lint::RuleLevelName(info.level), "sql"})},
                     {"precision", "high"},
                     {"problem.severity", ProblemSeverity(info.default_level)}};
  return r;
}

}  // namespace

std::string LintSarif(const lint::LintReport& report, const std::string& docs_base_url) {
  Json rules = Json::array();
  std::map<std::string, int> rule_index;
  for (const lint::RuleInfo& info : lint::AllRuleInfos()) {
    rule_index[info.id] = static_cast<int>(rules.size());
    rules.push_back(RuleJson(info, docs_base_url));
  }
  Json results = Json::array();
  std::map<std::string, int> occurrences;  // same rule, file and statement: number them
  for (const lint::Finding& f : report.findings) {
    const std::string key = f.rule_id + ":" + f.file + ":" + f.fingerprint;
    const int occurrence = ++occurrences[key];
    Json r;
    r["ruleId"] = f.rule_id;
    r["ruleIndex"] = rule_index[f.rule_id];
    r["level"] = SarifLevel(f.level);
    r["message"] = {{"text", f.hint.empty() ? f.message : f.message + " (hint: " + f.hint + ")"}};
    Json region = {{"startLine", f.line}, {"startColumn", f.column}};
    r["locations"] =
        Json::array({{{"physicalLocation",
                       {{"artifactLocation", {{"uri", PathUri(f.file)}}}, {"region", region}}}}});
    r["partialFingerprints"] = {
        {"dbopt/statement/v1", f.fingerprint + ":" + f.rule_id + ":" + std::to_string(occurrence)}};
    r["properties"] = {{"precision", lint::PrecisionName(f.precision)}};
    results.push_back(std::move(r));
  }
  Json driver;
  driver["name"] = "dbopt";
  driver["semanticVersion"] = kVersion;
  driver["rules"] = std::move(rules);
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  Json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = Json::array({std::move(run)});
  return sarif.dump(2) + "\n";
}

}  // namespace dbopt::render
