// DB202 constraint-without-not-valid: ALTER TABLE ... ADD CONSTRAINT (FOREIGN KEY / CHECK)
// validated in the same step, scanning the table under a strong lock.
#include "../file_facts.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class ConstraintWithoutNotValid : public RuleBase {
 public:
  ConstraintWithoutNotValid()
      : RuleBase({"DB202", "constraint-without-not-valid", RuleLevel::kSyntax, Level::kWarning,
                  "ADD CONSTRAINT FOREIGN KEY/CHECK without NOT VALID scans the table under lock",
                  "Adding a FOREIGN KEY or CHECK constraint validates every existing row while "
                  "holding a lock that blocks writes (SHARE ROW EXCLUSIVE for a foreign key, "
                  "ACCESS EXCLUSIVE for a CHECK). Add it NOT VALID (instant), then VALIDATE "
                  "CONSTRAINT in a later statement, which only takes SHARE UPDATE EXCLUSIVE. "
                  "Tables created earlier in the same file are exempt; with a catalog, small "
                  "tables are graded as info (setting: min_rows)."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind != sql::StatementKind::kAlterTable) return;
    const std::string& table = s.alter_table->table.name;
    if (context.file.CreatedTable(table, s.begin)) return;
    for (const sql::AlterTableCmd& cmd : s.alter_table->commands) {
      if (cmd.kind != sql::AlterKind::kAddConstraint || !cmd.constraint) continue;
      const sql::TableConstraint& c = *cmd.constraint;
      const bool fk = c.kind == sql::ConstraintKind::kForeignKey;
      if ((!fk && c.kind != sql::ConstraintKind::kCheck) || c.not_valid) continue;
      reporter.Report(
          c.location,
          std::string(fk ? "FOREIGN KEY" : "CHECK") +
              " constraint added without NOT VALID: every row of \"" + table +
              "\" is checked while writes are blocked" + TableSizeNote(context, table),
          GradeByTableSize(context, table, context.settings.Number("min_rows", kLargeTableRows)),
          "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeConstraintWithoutNotValid() {
  return std::make_unique<ConstraintWithoutNotValid>();
}

}  // namespace dbopt::lint
