// dbopt catalog import|show|validate|diff: options and exit codes; the work is in dbopt_core
// (catalog/load.h, describe.h, validate.h, diff.h).
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "dbopt/catalog/describe.h"
#include "dbopt/catalog/diff.h"
#include "dbopt/catalog/load.h"
#include "dbopt/catalog/validate.h"

namespace dbopt::cli {

namespace {

using catalog::Catalog;

constexpr char kSourceHelp[] =
    "Catalog source: a dbopt JSON catalog, a SQLite database, a DDL file, or a PostgreSQL "
    "connection (postgresql://... or \"host=... dbname=...\"); the kind is detected";

struct CatalogOptions {
  std::string source;
  std::string second_source;
  std::string output = "-";
  std::string format = "text";
  std::vector<std::string> tables;
  bool strict = false;
  double threshold = 0.1;
};

Status WriteOutput(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text << std::flush;
    return Ok{};
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error::Io(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  out << text;
  out.close();
  if (!out) return Error::Io(fmt::format("{}: write error: {}", path, std::strerror(errno)));
  return Ok{};
}

int RunImport(const CatalogOptions& o) {
  Result<Catalog> c = catalog::LoadCatalog(o.source);
  if (!c) return ReportError(c.error());
  for (const std::string& warning : c->warnings) std::cerr << "warning: " << warning << "\n";
  Status written = WriteOutput(o.output, catalog::WriteJsonCatalog(*c));
  return written ? 0 : ReportError(written.error());
}

int RunShow(const CatalogOptions& o) {
  Result<Catalog> c = catalog::LoadCatalog(o.source);
  if (!c) return ReportError(c.error());
  std::vector<const catalog::Table*> tables;
  for (const std::string& name : o.tables) {
    Result<const catalog::Table*> t = c->ResolveTable(name);
    if (!t) return ReportError(t.error());
    tables.push_back(*t);
  }
  if (o.format == "json") {
    const Catalog shown = tables.empty() ? *c : catalog::RestrictToTables(*c, tables);
    std::cout << catalog::WriteJsonCatalog(shown);
  } else {
    std::cout << catalog::DescribeCatalog(*c, tables);
  }
  return 0;
}

std::string Plural(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

int RunValidate(const CatalogOptions& o) {
  Result<Catalog> c = catalog::LoadCatalog(o.source);
  if (!c) return ReportError(c.error());
  const std::vector<Diagnostic> findings = catalog::ValidateCatalog(*c);
  for (const Diagnostic& d : findings) std::cout << d.Render();
  const int errors = catalog::CountSeverity(findings, Severity::kError);
  const int warnings = catalog::CountSeverity(findings, Severity::kWarning);
  std::cout << fmt::format("{}: {}, {}\n", o.source, Plural(errors, "error"),
                           Plural(warnings, "warning"));
  return errors > 0 || (o.strict && warnings > 0) ? 1 : 0;
}

int RunDiff(const CatalogOptions& o) {
  Result<Catalog> a = catalog::LoadCatalog(o.source);
  if (!a) return ReportError(a.error());
  Result<Catalog> b = catalog::LoadCatalog(o.second_source);
  if (!b) return ReportError(b.error());
  catalog::DiffOptions options;
  options.threshold = o.threshold;
  const std::vector<catalog::Change> changes = catalog::DiffCatalogs(*a, *b, options);
  if (o.format == "json") {
    std::cout << catalog::RenderDiffJson(changes, o.source, o.second_source);
  } else {
    std::cout << catalog::RenderDiffText(changes);
  }
  return changes.empty() ? 0 : 1;
}

}  // namespace

Command AddCatalog(CLI::App& app) {
  auto o = std::make_shared<CatalogOptions>();
  Command command;
  CLI::App* cat = app.add_subcommand(
      "catalog", "Import, show, validate and diff catalogs (schema + planner statistics)");
  cat->require_subcommand(1);
  command.app = cat;

  CLI::App* import = cat->add_subcommand(
      "import",
      "Read a catalog from any source and write it as dbopt JSON (docs/catalog-format.md)");
  import->add_option("SOURCE", o->source, kSourceHelp)->required();
  import->add_option("-o,--output", o->output,
                     "Write the JSON catalog to this file; \"-\" (the default) is standard output");
  import->footer(
      "The catalog's warnings (e.g. tables never analysed) go to standard error as \"warning: "
      "...\".\n"
      "Exit codes: 0 imported, 2 unreadable or invalid source, 3 internal error.");

  CLI::App* show = cat->add_subcommand(
      "show", "Print a catalog: a summary for a DBA (text) or the catalog JSON");
  show->add_option("SOURCE", o->source, kSourceHelp)->required();
  show->add_option("--format", o->format, "Output format: text (the default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  show->add_option("--table", o->tables,
                   "Show only this table (repeatable); \"name\" looks in schema public first, "
                   "\"schema.name\" is exact, "
                   "unquoted names fold to lower case as in SQL");
  show->footer("Exit codes: 0 shown, 2 unreadable source or unknown table, 3 internal error.");

  CLI::App* validate = cat->add_subcommand(
      "validate", "Check a catalog for unknown references and impossible or suspicious statistics");
  validate->add_option("SOURCE", o->source, kSourceHelp)->required();
  validate->add_flag("--strict", o->strict, "Exit with 1 on warnings too");
  validate->footer(
      "Prints one \"error: ...\" or \"warning: ...\" line per finding, then a count.\n"
      "Exit codes: 0 valid (warnings allowed unless --strict), 1 errors found, 2 unreadable "
      "source, "
      "3 internal error.");

  CLI::App* diff = cat->add_subcommand("diff", "Show what changed between two catalogs");
  diff->add_option("A", o->source, "The old catalog (any source kind)")->required();
  diff->add_option("B", o->second_source, "The new catalog (any source kind)")->required();
  diff->add_option("--format", o->format, "Output format: text (the default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  diff->add_option("--threshold", o->threshold,
                   "Report a statistic (reltuples, relpages, null_frac, n_distinct, ...) only when "
                   "it changed by more "
                   "than this fraction of the larger value; default 0.1, 0 reports every change")
      ->check(CLI::Range(0.0, 1.0));
  diff->footer(
      "Text: one line per change, \"+\" added, \"-\" removed, \"~\" changed; nothing when "
      "identical.\n"
      "Exit codes: 0 identical, 1 different, 2 unreadable source, 3 internal error.");

  command.run = [o, import, show, validate, diff] {
    if (import->parsed()) return RunImport(*o);
    if (show->parsed()) return RunShow(*o);
    if (validate->parsed()) return RunValidate(*o);
    if (diff->parsed()) return RunDiff(*o);
    return ReportError(
        Error::Usage("catalog: a subcommand is required (import, show, validate, diff)"));
  };
  return command;
}

}  // namespace dbopt::cli
