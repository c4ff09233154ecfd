#include "rule_base.h"

#include <algorithm>
#include <cctype>

#include "../catalog_facts.h"
#include "size_text.h"

namespace dbopt::lint {

Grade GradeByTableSize(const RuleContext& context, const std::string& table, double threshold) {
  if (!context.catalog) return Grade::kDefault;
  const catalog::Table* t = context.catalog->FindTable("", table);
  if (!t) return Grade::kDefault;
  if (!CatalogFacts::HasStats(*t)) return Grade::kLowPrecision;
  return t->stats->reltuples >= threshold ? Grade::kDefault : Grade::kMinor;
}

std::string TableSizeNote(const RuleContext& context, const std::string& table) {
  if (!context.catalog) return {};
  const catalog::Table* t = context.catalog->FindTable("", table);
  if (!t || !CatalogFacts::HasStats(*t)) return {};
  return " (" + table + ": " + TableSizeText(*t) + ")";
}

void ForEachDeclaredType(const sql::Statement& statement,
                         const std::function<void(const sql::TypeName&)>& fn) {
  if (statement.kind == sql::StatementKind::kCreateTable) {
    for (const sql::ColumnDef& c : statement.create_table->columns) fn(c.type);
  } else if (statement.kind == sql::StatementKind::kAlterTable) {
    for (const sql::AlterTableCmd& cmd : statement.alter_table->commands) {
      if (cmd.column_def) fn(cmd.column_def->type);
      if (cmd.new_type) fn(*cmd.new_type);
    }
  }
}

void DeclaredTypeRule::Check(const RuleContext& context, Reporter& reporter) const {
  ForEachDeclaredType(context.statement, [&](const sql::TypeName& type) {
    if (match_(BaseTypeName(type), type))
      reporter.Report(type.location, message_, Grade::kDefault, hint_);
  });
}

std::string BaseTypeName(const sql::TypeName& type) {
  if (type.names.empty()) return {};
  std::string name = type.names.back();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

}  // namespace dbopt::lint
