// DB505 ddl-lock-risk-by-size: ALTER TABLE subcommands that hold an ACCESS EXCLUSIVE lock while
// they scan, rewrite or index the whole table, graded by the table's size from the catalog.
// The DDL that the migration rules already report (CREATE INDEX: DB201, FOREIGN KEY/CHECK:
// DB202, ALTER COLUMN TYPE: DB203, volatile defaults: DB204) is left to them — they grade by
// size and name the size in their messages — so that one statement is never reported twice.
#include <string>

#include "../catalog_facts.h"
#include "../file_facts.h"
#include "rule_base.h"
#include "size_text.h"

namespace dbopt::lint {
namespace {

// TUNING: from a million rows or 1 GB (131,072 pages of 8 kB) a full scan or rewrite takes
// minutes, during which every query on the table queues behind the lock: graded as error.
constexpr double kMajorRows = 1e6;
constexpr double kMajorPages = 131072;

// What the subcommand does under its ACCESS EXCLUSIVE lock; empty when it is quick (or is
// reported by another rule).
std::string LockedWork(const sql::AlterTableCmd& cmd) {
  switch (cmd.kind) {
    case sql::AlterKind::kSetNotNull:
      return "SET NOT NULL on \"" + cmd.column + "\" scans every row";
    case sql::AlterKind::kAddConstraint: {
      if (!cmd.constraint || !cmd.constraint->using_index.empty()) return {};
      const sql::ConstraintKind k = cmd.constraint->kind;
      if (k == sql::ConstraintKind::kPrimaryKey) return "ADD PRIMARY KEY builds its index";
      if (k == sql::ConstraintKind::kUnique) return "ADD UNIQUE builds its index";
      if (k == sql::ConstraintKind::kExclusion) return "ADD EXCLUDE builds its index";
      return {};
    }
    case sql::AlterKind::kOther:
      if (cmd.kind_name == "AT_SetTableSpace") return "SET TABLESPACE copies the table";
      if (cmd.kind_name == "AT_SetLogged" || cmd.kind_name == "AT_SetUnLogged")
        return "SET LOGGED/UNLOGGED rewrites the table";
      return {};
    default:
      return {};
  }
}

std::string Fix(const sql::AlterTableCmd& cmd) {
  if (cmd.kind == sql::AlterKind::kSetNotNull)
    return "ADD CONSTRAINT ... CHECK (" + cmd.column +
           " IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (no scan)";
  if (cmd.kind == sql::AlterKind::kAddConstraint)
    return "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX";
  return "schedule it in a maintenance window, or copy the data to a new table online";
}

class DdlLockRiskBySize : public RuleBase {
 public:
  DdlLockRiskBySize()
      : RuleBase({"DB505", "ddl-lock-risk-by-size", RuleLevel::kPlan, Level::kWarning,
                  "DDL lock risk graded by table size",
                  "ALTER TABLE ... SET NOT NULL (a full scan), ADD PRIMARY KEY/UNIQUE/EXCLUDE "
                  "without USING INDEX (an index build), SET TABLESPACE and SET LOGGED/UNLOGGED "
                  "(a rewrite) hold an ACCESS EXCLUSIVE lock for as long as the table takes to "
                  "read: every query on it waits. Graded by the catalog's statistics: info below "
                  "min_rows (default 10000), error from major_rows (1000000) rows or major_pages "
                  "(131072, 1 GB) pages, warning between; low precision without statistics. "
                  "CREATE INDEX, FOREIGN KEY/CHECK, type changes and volatile defaults are "
                  "DB201-DB204's, which name the table's size in their messages."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind != sql::StatementKind::kAlterTable || !context.catalog) return;
    if (s.alter_table->object_kind != "TABLE") return;
    const std::string& name = s.alter_table->table.name;
    if (context.file.CreatedTable(name, s.begin)) return;
    const catalog::Table* table = context.catalog->FindTable(s.alter_table->table.schema, name);
    if (!table) return;
    for (const sql::AlterTableCmd& cmd : s.alter_table->commands) {
      const std::string work = LockedWork(cmd);
      if (work.empty()) continue;
      std::string size = TableSizeText(*table);
      Grade grade = Grade::kLowPrecision;
      if (!size.empty()) {
        const double rows = table->stats->reltuples;
        const double pages = static_cast<double>(table->stats->relpages);
        grade = rows >= context.settings.Number("major_rows", kMajorRows) ||
                        pages >= context.settings.Number("major_pages", kMajorPages)
                    ? Grade::kMajor
                : rows < context.settings.Number("min_rows", kLargeTableRows) ? Grade::kMinor
                                                                              : Grade::kDefault;
      } else {
        size = "size unknown: no statistics, low precision";
      }
      const int location =
          cmd.constraint && cmd.constraint->location >= 0 ? cmd.constraint->location : s.location;
      reporter.Report(location,
                      "ALTER TABLE \"" + name + "\" (" + size + "): " + work +
                          " under an ACCESS EXCLUSIVE lock, so reads and writes wait",
                      grade, Fix(cmd));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDdlLockRiskBySize() { return std::make_unique<DdlLockRiskBySize>(); }

}  // namespace dbopt::lint
