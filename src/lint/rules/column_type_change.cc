// DB203 column-type-change: ALTER COLUMN ... TYPE that rewrites the table.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "../catalog_facts.h"
#include "dbopt/sql/type_name.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

// "character varying(12)" → {"character varying", 12}; no length → -1.
std::pair<std::string, long> SplitLength(const std::string& type) {
  const size_t open = type.find('(');
  if (open == std::string::npos) return {type, -1};
  return {type.substr(0, open), std::strtol(type.c_str() + open + 1, nullptr, 10)};
}

bool IsVarcharOrText(const std::string& base) {
  return base == "character varying" || base == "varchar" || base == "text";
}

// PostgreSQL skips the rewrite for binary-coercible changes that only relax the type:
// varchar(n) → varchar(m ≥ n), varchar → text / unbounded varchar, numeric(p,s) → numeric.
bool IsBinaryCoercible(std::string from, const std::string& to) {
  std::transform(from.begin(), from.end(), from.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (from == to) return true;
  const auto [from_base, from_len] = SplitLength(from);
  const auto [to_base, to_len] = SplitLength(to);
  if (IsVarcharOrText(from_base) && IsVarcharOrText(to_base)) {
    if (to_base == "text" || to_len < 0) return true;
    return from_base != "text" && from_len >= 0 && to_len >= from_len;
  }
  return from_base == "numeric" && to == "numeric";
}

class ColumnTypeChange : public RuleBase {
 public:
  ColumnTypeChange()
      : RuleBase({"DB203", "column-type-change", RuleLevel::kSyntax, Level::kWarning,
                  "ALTER COLUMN TYPE rewrites the table and its indexes",
                  "Changing a column's type rewrites every row and rebuilds every index of the "
                  "table under an ACCESS EXCLUSIVE lock, unless the change is binary coercible "
                  "(varchar(n) to a longer varchar or to text, numeric(p,s) to numeric). With a "
                  "catalog the old type is known and such free changes are not reported; "
                  "without one every type change is reported. Safer: add a new column, "
                  "backfill in batches, switch over."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind != sql::StatementKind::kAlterTable) return;
    const std::string& table = s.alter_table->table.name;
    if (context.file.CreatedTable(table, s.begin)) return;
    const catalog::Table* known = context.catalog ? context.catalog->FindTable("", table) : nullptr;
    for (const sql::AlterTableCmd& cmd : s.alter_table->commands) {
      if (cmd.kind != sql::AlterKind::kAlterColumnType || !cmd.new_type) continue;
      const std::string to = sql::FormatType(*cmd.new_type);
      const catalog::Column* column = known ? known->FindColumn(cmd.column) : nullptr;
      std::string message = "changing the type of \"" + table + "." + cmd.column + "\"";
      if (column) {
        if (IsBinaryCoercible(column->type, to)) continue;
        message += " from " + column->type;
      }
      message += " to " + to + " rewrites the table and rebuilds its indexes" +
                 TableSizeNote(context, table);
      reporter.Report(cmd.new_type->location, message, Grade::kDefault,
                      "add a new column, backfill it in batches, then switch over");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeColumnTypeChange() { return std::make_unique<ColumnTypeChange>(); }

}  // namespace dbopt::lint
