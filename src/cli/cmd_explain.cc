// dbopt explain --catalog SOURCE [--format text|json|dot] [--why] [--summary]
//               [--set NAME=VALUE]... [--index "CREATE INDEX ..."]... [--drop-index NAME]...
//               (SQL | -f FILE)
// Explains every SELECT of the input the way PostgreSQL 15 would plan it. Statements that are
// not queries are reported as "not analysed" and skipped. Exit 0 when every query was planned,
// 2 when any statement failed (bad SQL, unknown names, constructs not supported yet) or the
// usage/catalog was wrong; the other statements are still explained.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "command.h"
#include "dbopt/bind/binder.h"
#include "dbopt/catalog/load.h"
#include "dbopt/catalog/what_if.h"
#include "dbopt/plan/planner.h"
#include "dbopt/render/explain.h"
#include "dbopt/sql/parser.h"

namespace dbopt::cli {
namespace {

struct ExplainOptions {
  std::string catalog;
  std::string sql;
  std::string file;
  std::string format = "text";
  bool why = false;
  bool summary = false;
  std::vector<std::string> settings;
  std::vector<std::string> indexes;
  std::vector<std::string> drop_indexes;
};

Result<std::map<std::string, std::string>> ParseSettings(const std::vector<std::string>& sets) {
  std::map<std::string, std::string> out;
  for (const std::string& s : sets) {
    const size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Error::Usage("--set expects NAME=VALUE, got \"" + s + "\"");
    }
    out[s.substr(0, eq)] = s.substr(eq + 1);
  }
  return out;
}

bool IsQuery(const sql::Statement& s) {
  return s.kind == sql::StatementKind::kSelect || s.kind == sql::StatementKind::kInsert ||
         s.kind == sql::StatementKind::kUpdate || s.kind == sql::StatementKind::kDelete;
}

int Run(const ExplainOptions& options) {
  if (options.sql.empty() == options.file.empty()) {
    return ReportError(
        Error::Usage("explain: give either SQL text or -f FILE (\"-\" reads standard input)"));
  }
  Result<std::map<std::string, std::string>> settings = ParseSettings(options.settings);
  if (!settings.ok()) return ReportError(settings.error());
  Result<catalog::Catalog> loaded = catalog::LoadCatalog(options.catalog);
  if (!loaded.ok()) return ReportError(loaded.error());
  Result<catalog::Catalog> catalog =
      catalog::ApplyWhatIf(*loaded, {options.indexes, options.drop_indexes});
  if (!catalog.ok()) return ReportError(catalog.error());
  // What the catalog's loader noticed (no statistics, tables never analysed, ...), once.
  for (const std::string& warning : catalog->warnings) {
    std::cerr << "note: " << warning << "\n";
  }
  Result<SourceText> source = options.file.empty()
                                  ? Result<SourceText>(SourceText("<command line>", options.sql))
                                  : SourceText::ReadFile(options.file);
  if (!source.ok()) return ReportError(source.error());

  plan::PlannerOptions planner_options;
  planner_options.settings = *settings;
  planner_options.collect_why = options.why;
  render::TextOptions text_options;
  text_options.summary = options.summary;
  text_options.why = options.why;
  text_options.notes = true;
  render::JsonOptions json_options;
  json_options.summary = options.summary;

  const sql::ParsedFile file = sql::ParseFile(*source);
  for (const Diagnostic& d : file.errors) std::cerr << d.Render();
  bool failed = !file.ok();
  bool first = true;
  for (const sql::Statement& statement : file.statements) {
    if (!IsQuery(statement)) {
      const LineColumn lc = source->Locate(statement.begin);
      std::cerr << source->name() << ":" << lc.line << ":" << lc.column
                << ": note: not analysed: " << statement.name << "\n";
      continue;
    }
    Result<std::shared_ptr<bind::Query>> query = bind::Bind(*catalog, statement, *source);
    if (!query.ok()) {
      std::cerr << query.error().Render();
      failed = true;
      continue;
    }
    Result<plan::PlannedStatement> planned = plan::PlanQuery(*catalog, **query, planner_options);
    if (!planned.ok()) {
      Error error = std::move(planned).error();
      if (error.diagnostic.file.empty()) {
        const LineColumn lc = source->Locate(statement.begin);
        error.diagnostic.file = source->name();
        error.diagnostic.line = lc.line;
        error.diagnostic.column = lc.column;
      }
      std::cerr << error.Render();
      failed = true;
      continue;
    }
    Result<std::string> out = options.format == "json" ? render::RenderJson(*planned, json_options)
                              : options.format == "dot"
                                  ? render::RenderDot(*planned)
                                  : render::RenderText(*planned, text_options);
    if (!out.ok()) {
      std::cerr << out.error().Render();
      failed = true;
      continue;
    }
    if (!first && options.format == "text") std::cout << "\n";
    first = false;
    std::cout << *out;
  }
  return failed ? 2 : 0;
}

}  // namespace

Command AddExplain(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  Command command;
  command.app = app.add_subcommand(
      "explain", "Show the plan PostgreSQL 15 would choose, offline, from a catalog's statistics");
  command.app->add_option("sql", options->sql, "SQL text (one or more statements)");
  command.app->add_option("-f,--file", options->file, "read SQL from FILE (\"-\": standard input)");
  command.app
      ->add_option("--catalog", options->catalog,
                   "catalog SOURCE: JSON, SQLite file, DDL file or PostgreSQL URI/conninfo")
      ->required();
  command.app->add_option("--format", options->format, "output format: text (default), json or dot")
      ->check(CLI::IsMember({"text", "json", "dot"}));
  command.app->add_flag("--why", options->why,
                        "show the alternatives the planner considered and why they lost");
  command.app->add_flag("--summary", options->summary,
                        "print the planning time, as EXPLAIN (SUMMARY)");
  // One value per occurrence, so that the SQL argument after them is not swallowed.
  command.app
      ->add_option("--set", options->settings,
                   "planner setting NAME=VALUE (repeatable), e.g. work_mem=64MB")
      ->allow_extra_args(false);
  command.app
      ->add_option("--index", options->indexes,
                   "hypothetical index: a CREATE INDEX statement (repeatable)")
      ->allow_extra_args(false);
  command.app
      ->add_option("--drop-index", options->drop_indexes,
                   "hide an existing index by NAME (repeatable)")
      ->allow_extra_args(false);
  command.app->footer(
      "Exit codes: 0 every query planned; 2 a statement failed (syntax, unknown names, not "
      "supported) or bad usage/catalog.");
  command.run = [options] { return Run(*options); };
  return command;
}

}  // namespace dbopt::cli
