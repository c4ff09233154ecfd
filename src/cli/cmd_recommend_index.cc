// dbopt recommend-index --catalog SOURCE --workload FILE... [--budget SIZE] [--max-indexes N]
//                       [--max-width N] [--min-improvement PCT] [--format text|json|sql]
//                       [--curve FILE.svg] [--no-drops] [--no-plans] [--fail-on-recommendation]
// Recommends indexes for a whole workload within a storage budget, and indexes to drop, using
// dbopt's planner as the what-if engine. Exit 0 done; 1 with --fail-on-recommendation when there
// is something to create or drop; 2 bad usage or input (the report is still printed when the
// rest of the workload could be analysed).
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "command.h"
#include "dbopt/advisor/advisor.h"
#include "dbopt/catalog/load.h"
#include "dbopt/render/recommend_report.h"
#include "dbopt/trace/pg_stat_statements.h"

namespace dbopt::cli {
namespace {

struct RecommendOptions {
  std::string catalog;
  std::vector<std::string> workloads;
  std::string workload_format = "auto";
  std::string budget;
  int max_indexes = 0;
  int max_width = 3;
  double min_improvement_pct = 0.3;
  std::string format = "text";
  std::string curve;
  bool no_drops = false;
  bool no_plans = false;
  bool fail_on_recommendation = false;
};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Status ReadWorkload(const RecommendOptions& o, advisor::Workload& workload) {
  for (const std::string& path : o.workloads) {
    std::string kind = o.workload_format;
    if (kind == "auto") {
      kind = EndsWith(path, ".csv") ? "pgss-csv" : EndsWith(path, ".json") ? "pgss-json" : "sql";
    }
    if (kind == "sql") {
      Result<SourceText> text = SourceText::ReadFile(path);
      if (!text.ok()) return std::move(text).error();
      advisor::AppendSqlWorkload(std::make_shared<const SourceText>(std::move(*text)), workload);
      continue;
    }
    Result<std::vector<trace::PgssRow>> rows =
        trace::ReadPgStatStatements(path, kind == "pgss-json" ? "json" : "csv");
    if (!rows.ok()) return std::move(rows).error();
    for (const trace::PgssRow& row : *rows) {
      advisor::AppendStatement(fmt::format("{}:{}", path, row.line), row.query, row.calls,
                               workload);
    }
  }
  return Ok{};
}

int Run(const RecommendOptions& o) {
  if (o.workloads.empty()) return ReportError(Error::Usage("recommend-index: give --workload FILE"));
  advisor::AdvisorOptions options;
  if (!o.budget.empty()) {
    Result<double> budget = advisor::ParseByteSize(o.budget);
    if (!budget.ok()) return ReportError(budget.error());
    options.search.budget_bytes = *budget;
  }
  options.search.max_indexes = o.max_indexes;
  options.search.min_improvement = o.min_improvement_pct / 100;
  options.max_width = o.max_width;
  options.drops = !o.no_drops;
  if (isatty(STDERR_FILENO)) {
    options.progress = [](int round, long evaluations) {
      std::cerr << fmt::format("\rrecommend-index: round {}, {} what-if plans", round, evaluations)
                << std::flush;
    };
  }

  Result<catalog::Catalog> catalog = catalog::LoadCatalog(o.catalog);
  if (!catalog.ok()) return ReportError(catalog.error());
  for (const std::string& warning : catalog->warnings) std::cerr << "note: " << warning << "\n";
  advisor::Workload workload;
  if (Status s = ReadWorkload(o, workload); !s.ok()) return ReportError(s.error());
  std::vector<Diagnostic> errors = workload.errors;
  Result<advisor::Recommendation> r = advisor::Recommend(*catalog, workload, options, errors);
  if (options.progress) std::cerr << "\n";
  for (const Diagnostic& d : errors) std::cerr << d.Render();
  if (!r.ok()) return ReportError(r.error());
  if (r->statements.empty()) {
    return ReportError(Error::BadInput("recommend-index: no statement of the workload could be "
                                       "analysed"));
  }
  if (!o.curve.empty()) {
    std::ofstream svg(o.curve, std::ios::binary);
    svg << render::RenderRecommendCurveSvg(*r);
    if (!svg) return ReportError(Error::Io(fmt::format("cannot write {}", o.curve)));
  }
  if (o.format == "json") {
    std::cout << render::RenderRecommendJson(*r);
  } else if (o.format == "sql") {
    std::cout << render::RenderRecommendSql(*r);
  } else {
    render::RecommendTextOptions text;
    text.plans = !o.no_plans;
    text.curve = !o.curve.empty();
    std::cout << render::RenderRecommendText(*r, text);
  }
  if (!errors.empty()) return 2;
  if (o.fail_on_recommendation && (!r->indexes.empty() || !r->drops.empty())) return 1;
  return 0;
}

}  // namespace

Command AddRecommendIndex(CLI::App& app) {
  auto o = std::make_shared<RecommendOptions>();
  Command command;
  command.app = app.add_subcommand(
      "recommend-index",
      "Recommend indexes for a whole workload within a storage budget, and indexes to drop");
  command.app
      ->add_option("--catalog", o->catalog,
                   "catalog SOURCE: JSON, SQLite file, DDL file or PostgreSQL URI/conninfo")
      ->required();
  command.app
      ->add_option("-w,--workload", o->workloads,
                   "workload FILE (repeatable): .sql with optional \"-- dbopt: calls=N\" "
                   "comments, or a pg_stat_statements export (.csv or .json)")
      ->allow_extra_args(false);
  command.app
      ->add_option("--workload-format", o->workload_format,
                   "how to read the workload files: auto (by extension), sql, pgss-csv or pgss-json")
      ->check(CLI::IsMember({"auto", "sql", "pgss-csv", "pgss-json"}));
  command.app->add_option("--budget", o->budget,
                          "storage budget for the new indexes, e.g. 500MB (default: none)");
  command.app->add_option("--max-indexes", o->max_indexes, "at most N new indexes (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  command.app->add_option("--max-width", o->max_width, "at most N key columns per index (default 3)")
      ->check(CLI::Range(1, 32));
  command.app
      ->add_option("--min-improvement", o->min_improvement_pct,
                   "stop when the best step saves less than PCT % of the workload cost "
                   "(default 0.3)")
      ->check(CLI::Range(0.0, 100.0));
  command.app->add_option("--format", o->format, "output format: text (default), json or sql")
      ->check(CLI::IsMember({"text", "json", "sql"}));
  command.app->add_option("--curve", o->curve,
                          "write the cost-versus-size frontier as an SVG to FILE (and print it "
                          "as a table in the text report)");
  command.app->add_flag("--no-drops", o->no_drops, "do not look for indexes to drop");
  command.app->add_flag("--no-plans", o->no_plans,
                        "text report: leave out the plans before and after");
  command.app->add_flag("--fail-on-recommendation", o->fail_on_recommendation,
                        "exit 1 when there is an index to create or drop (for CI)");
  command.app->footer(
      "Exit codes: 0 done; 1 --fail-on-recommendation and something to create or drop; 2 bad "
      "usage or input (statements that failed are reported, the rest still analysed).");
  command.run = [o] { return Run(*o); };
  return command;
}

}  // namespace dbopt::cli
