// DB404 foreign-key-without-index: a foreign key whose referencing columns lead no index.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "../catalog_facts.h"
#include "../file_facts.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

// True when the first keys of `keys` are exactly the columns `columns` (in any order).
bool Leads(const std::vector<std::string>& keys, const std::vector<std::string>& columns) {
  if (keys.size() < columns.size()) return false;
  std::set<std::string> lead(keys.begin(), keys.begin() + static_cast<long>(columns.size()));
  return lead == std::set<std::string>(columns.begin(), columns.end());
}

class ForeignKeyWithoutIndex : public RuleBase {
 public:
  ForeignKeyWithoutIndex()
      : RuleBase({"DB404", "foreign-key-without-index", RuleLevel::kCatalog, Level::kWarning,
                  "foreign key whose columns lead no index",
                  "PostgreSQL indexes the referenced key but not the referencing columns. Without "
                  "an index on them, every DELETE or key UPDATE on the referenced table scans the "
                  "referencing table, and joins along the key cannot use an index. Counts as "
                  "covered: an index (in the catalog or created anywhere in the file), primary "
                  "key or unique constraint whose leading columns are the foreign key's. Graded "
                  "by the referencing table's size; without statistics it is a low-precision "
                  "note (setting: min_rows, default 10000)."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind == sql::StatementKind::kCreateTable) {
      const sql::CreateTableStmt& ct = *s.create_table;
      std::vector<std::vector<std::string>> keys = FileKeys(context, ct.table.name);
      for (const sql::TableConstraint& c : ct.constraints) {
        if (c.kind == sql::ConstraintKind::kPrimaryKey || c.kind == sql::ConstraintKind::kUnique)
          keys.push_back(c.columns);
      }
      for (const sql::ColumnDef& col : ct.columns) {
        for (const sql::TableConstraint& c : col.constraints) {
          if (c.kind == sql::ConstraintKind::kPrimaryKey || c.kind == sql::ConstraintKind::kUnique)
            keys.push_back({col.name});
        }
      }
      for (const sql::ColumnDef& col : ct.columns) {
        for (const sql::TableConstraint& c : col.constraints)
          if (c.kind == sql::ConstraintKind::kForeignKey)
            Check(ct.table.name, {col.name}, c.location, keys, Grade::kDefault, reporter);
      }
      for (const sql::TableConstraint& c : ct.constraints) {
        if (c.kind == sql::ConstraintKind::kForeignKey)
          Check(ct.table.name, c.columns, c.location, keys, Grade::kDefault, reporter);
      }
    } else if (s.kind == sql::StatementKind::kAlterTable) {
      const std::string& table = s.alter_table->table.name;
      std::vector<std::vector<std::string>> keys = FileKeys(context, table);
      const catalog::Table* known = context.catalog->FindTable("", table);
      if (known) {
        for (const IndexShape& index : context.catalog->IndexesOf(*known))
          keys.push_back(index.keys);
        if (known->primary_key) keys.push_back(known->primary_key->columns);
        for (const catalog::Constraint& u : known->unique_constraints) keys.push_back(u.columns);
      }
      const Grade grade =
          known ? GradeByTableSize(context, table,
                                   context.settings.Number("min_rows", kLargeTableRows))
                : Grade::kDefault;
      for (const sql::AlterTableCmd& cmd : s.alter_table->commands) {
        if (cmd.kind == sql::AlterKind::kAddConstraint && cmd.constraint &&
            cmd.constraint->kind == sql::ConstraintKind::kForeignKey)
          Check(table, cmd.constraint->columns, cmd.constraint->location, keys, grade, reporter);
      }
    }
  }

 private:
  static std::vector<std::vector<std::string>> FileKeys(const RuleContext& context,
                                                        const std::string& table) {
    std::vector<std::vector<std::string>> keys;
    for (const IndexShape& index : context.file.indexes())
      if (index.table == table && !index.partial) keys.push_back(index.keys);
    return keys;
  }

  static void Check(const std::string& table, const std::vector<std::string>& columns, int location,
                    const std::vector<std::vector<std::string>>& keys, Grade grade,
                    Reporter& reporter) {
    if (columns.empty()) return;
    for (const auto& k : keys)
      if (Leads(k, columns)) return;
    std::string list;
    for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + c;
    reporter.Report(location,
                    "foreign key " + table + " (" + list +
                        ") has no index: deletes and key updates on the referenced table scan \"" +
                        table + "\"",
                    grade, "CREATE INDEX CONCURRENTLY ON " + table + " (" + list + ")");
  }
};

}  // namespace

std::unique_ptr<Rule> MakeForeignKeyWithoutIndex() {
  return std::make_unique<ForeignKeyWithoutIndex>();
}

}  // namespace dbopt::lint
