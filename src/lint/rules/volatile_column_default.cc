// DB204 volatile-column-default: ADD COLUMN with a volatile DEFAULT (or serial) rewrites the
// table; a constant or stable default (now()) is instant since PostgreSQL 11.
#include <set>
#include <string>

#include "../ast_walk.h"
#include "../file_facts.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

// Volatile built-in functions (pg_proc.provolatile = 'v') commonly used as defaults.
const std::set<std::string>& VolatileFunctions() {
  static const std::set<std::string> kNames = {
      "random",           "random_normal",      "clock_timestamp",  "timeofday", "gen_random_uuid",
      "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "nextval",   "txid_current",
      "setseed",          "pg_current_xact_id"};
  return kNames;
}

class CallFinder : public AstVisitor {
 public:
  void Expression(const sql::Expr& e, Clause, bool) override {
    if (!found && VolatileFunctions().count(FunctionName(e))) found = &e;
  }
  const sql::Expr* found = nullptr;
};

bool IsSerial(const std::string& type) {
  return type == "serial" || type == "bigserial" || type == "smallserial" || type == "serial2" ||
         type == "serial4" || type == "serial8";
}

class VolatileColumnDefault : public RuleBase {
 public:
  VolatileColumnDefault()
      : RuleBase({"DB204", "volatile-column-default", RuleLevel::kSyntax, Level::kWarning,
                  "ADD COLUMN with a volatile DEFAULT rewrites the table",
                  "Since PostgreSQL 11, ADD COLUMN with a constant or stable default (0, 'x', "
                  "now()) only updates the catalog. A volatile default (random(), "
                  "clock_timestamp(), gen_random_uuid(), nextval() - also implied by serial) must "
                  "be computed per row, so the table is rewritten under an ACCESS EXCLUSIVE "
                  "lock. Add the column without a default, set the default, backfill in "
                  "batches."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind != sql::StatementKind::kAlterTable) return;
    const std::string& table = s.alter_table->table.name;
    if (context.file.CreatedTable(table, s.begin)) return;
    for (const sql::AlterTableCmd& cmd : s.alter_table->commands) {
      if (cmd.kind != sql::AlterKind::kAddColumn || !cmd.column_def) continue;
      const sql::ColumnDef& def = *cmd.column_def;
      const std::string hint = "add the column without a default, then backfill in batches";
      if (IsSerial(BaseTypeName(def.type))) {
        reporter.Report(def.type.location,
                        "ADD COLUMN " + def.name + " " + BaseTypeName(def.type) +
                            " fills every row from a sequence: the table is rewritten" +
                            TableSizeNote(context, table),
                        Grade::kDefault, hint);
        continue;
      }
      if (!def.default_expr) continue;
      CallFinder finder;
      WalkExpr(*def.default_expr, Clause::kDdl, finder);
      if (!finder.found) continue;
      reporter.Report(finder.found->location,
                      "ADD COLUMN " + def.name + " with the volatile default " +
                          FunctionName(*finder.found) + "() rewrites the whole table" +
                          TableSizeNote(context, table),
                      Grade::kDefault, hint);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeVolatileColumnDefault() {
  return std::make_unique<VolatileColumnDefault>();
}

}  // namespace dbopt::lint
