// dbopt lint [--catalog SOURCE] [--format F] [--fail-on LEVEL] [--config FILE]
//            [--baseline FILE] [--write-baseline FILE] PATHS...
// Exit 0 when no finding reaches the fail-on level, 1 when one does, 2 on bad usage or input.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "dbopt/lint/baseline.h"
#include "dbopt/lint/registry.h"
#include "dbopt/lint/run.h"
#include "dbopt/render/lint_output.h"

namespace dbopt::cli {
namespace {

// TUNING: GitHub shows at most 10 error and 10 warning annotations per step.
constexpr int kDefaultMaxAnnotations = 10;

struct LintOptions {
  std::vector<std::string> paths;
  std::string catalog;
  std::string format = "text";
  std::string fail_on;
  std::string config;
  std::string baseline;
  std::string write_baseline;
  std::string docs_url;
  int max_annotations = kDefaultMaxAnnotations;
  bool list_rules = false;
};

int ListRules() {
  for (const lint::RuleInfo& r : lint::AllRuleInfos()) {
    std::cout << r.id << "  " << r.name << "  (" << lint::RuleLevelName(r.level) << ", "
              << lint::LevelName(r.default_level) << ")  " << r.summary << "\n";
  }
  return 0;
}

Status WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Error::Io(path + ": cannot write");
  return Ok{};
}

std::string Render(const LintOptions& o, const lint::LintReport& report) {
  if (o.format == "json") return render::LintJson(report);
  if (o.format == "sarif") return render::LintSarif(report, o.docs_url);
  if (o.format == "github") return render::LintGithub(report, o.max_annotations);
  if (o.format == "gitlab") return render::LintGitlab(report);
  return render::LintText(report);
}

int Run(const LintOptions& o) {
  if (o.list_rules) return ListRules();
  if (o.paths.empty())
    return ReportError(Error::Usage("lint: give at least one file or directory"));
  lint::LintRequest request;
  request.paths = o.paths;
  request.catalog = o.catalog;
  request.config = o.config;
  if (!o.fail_on.empty()) request.fail_on = lint::ParseLevel(o.fail_on);
  Result<lint::LintReport> report = lint::RunLint(request);
  if (!report.ok()) return ReportError(report.error());
  if (!o.write_baseline.empty()) {
    const lint::Baseline baseline = lint::Baseline::FromFindings(report->findings);
    Status written = WriteFile(o.write_baseline, baseline.ToJson());
    if (!written.ok()) return ReportError(written.error());
    std::cerr << "dbopt lint: wrote " << report->findings.size() << " findings to "
              << o.write_baseline << "\n";
    return 0;
  }
  if (!o.baseline.empty()) {
    Result<lint::Baseline> baseline = lint::Baseline::Load(o.baseline);
    if (!baseline.ok()) return ReportError(baseline.error());
    report->findings = baseline->Filter(report->findings);
    lint::CountFailing(*report, request);
  }
  std::cout << Render(o, *report);
  return report->failing > 0 ? 1 : 0;
}

}  // namespace

Command AddLint(CLI::App& app) {
  auto o = std::make_shared<LintOptions>();
  Command command;
  command.app = app.add_subcommand(
      "lint", "Lint SQL files: syntax rules, and catalog-aware rules with --catalog");
  CLI::App& c = *command.app;
  c.add_option("paths", o->paths, "SQL files, or directories searched recursively for *.sql");
  c.add_option("--catalog", o->catalog,
               "catalog SOURCE (JSON, SQLite, DDL file or PostgreSQL conninfo): enables the "
               "catalog-aware rules");
  c.add_option("--format", o->format, "output: text (default), json, sarif, github or gitlab")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab"}));
  c.add_option("--fail-on", o->fail_on,
               "exit 1 when a finding is at least this level: error (default), warning or info")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  c.add_option("--config", o->config,
               "use this .dbopt.toml for every file instead of searching upwards from each");
  c.add_option("--baseline", o->baseline, "ignore the findings recorded in this baseline file");
  c.add_option("--write-baseline", o->write_baseline,
               "record every current finding in this baseline file and exit 0");
  c.add_option("--max-annotations", o->max_annotations,
               "github format: annotations per level before the summary (default 10)")
      ->check(CLI::PositiveNumber);
  c.add_option("--docs-url", o->docs_url,
               "sarif format: base URL of the rule pages (helpUri = URL + ID.md)");
  c.add_flag("--list-rules", o->list_rules, "list every rule with its id, level and summary");
  c.footer(
      "Exit codes: 0 no finding at or above --fail-on; 1 some; 2 bad usage, config, catalog or "
      "unreadable file.\nConfiguration: .dbopt.toml (docs/lint-config.md); rules: "
      "docs/lint/README.md.");
  command.run = [o] { return Run(*o); };
  return command;
}

}  // namespace dbopt::cli
