#include "file_facts.h"

#include <algorithm>
#include <cctype>

#include "dbopt/sql/to_sql.h"
#include "dbopt/sql/type_name.h"

namespace dbopt::lint {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "SET [SESSION|LOCAL] lock_timeout ..." (case-insensitive, as written).
bool SetsLockTimeout(const std::string& statement_text) {
  const std::string t = Lower(statement_text);
  if (t.compare(0, 3, "set") != 0) return false;
  return t.find("lock_timeout") != std::string::npos;
}

bool IsPrimaryKey(const sql::ColumnDef& def) {
  return std::any_of(
      def.constraints.begin(), def.constraints.end(),
      [](const sql::TableConstraint& c) { return c.kind == sql::ConstraintKind::kPrimaryKey; });
}

}  // namespace

catalog::Column ColumnOf(const sql::ColumnDef& def) {
  catalog::Column c;
  c.name = def.name;
  c.type = sql::FormatType(def.type);
  c.not_null = def.not_null || IsPrimaryKey(def);
  if (def.default_expr) c.default_expr = sql::ToSql(*def.default_expr);
  c.identity = def.identity != sql::IdentityKind::kNone;
  return c;
}

IndexShape ShapeOf(const sql::CreateIndexStmt& index, size_t offset) {
  IndexShape shape;
  shape.name = index.name;
  shape.table = index.table.name;
  shape.method = Lower(index.method);
  shape.unique = index.unique;
  for (const sql::IndexKey& k : index.keys) {
    std::string key = k.expr ? sql::ToSql(*k.expr) : k.column;
    if (k.direction == sql::SortDirection::kDesc) key += " DESC";
    shape.keys.push_back(key);
  }
  if (index.where) {
    shape.partial = true;
    shape.predicate = sql::ToSql(*index.where);
  }
  shape.offset = offset;
  return shape;
}

IndexShape ShapeOf(const catalog::Index& index) {
  IndexShape shape;
  shape.name = index.name;
  shape.table = index.table;
  shape.method = Lower(index.method);
  shape.unique = index.unique || index.primary;
  for (const catalog::IndexKey& k : index.keys) {
    std::string key = k.column.empty() ? k.expression : k.column;
    if (k.descending) key += " DESC";
    shape.keys.push_back(key);
  }
  if (index.predicate) {
    shape.partial = true;
    shape.predicate = *index.predicate;
  }
  return shape;
}

FileFacts::FileFacts(const SourceText& source, const std::vector<sql::Statement>& statements) {
  for (const sql::Statement& s : statements)
    Scan(s, source.text().substr(s.begin, s.end - s.begin));
}

void FileFacts::Scan(const sql::Statement& s, const std::string& text) {
  using sql::StatementKind;
  if (s.kind == StatementKind::kOther && SetsLockTimeout(text)) {
    lock_timeout_offset_ = std::min(lock_timeout_offset_, s.begin);
  }
  bool locking = false;
  if (s.kind == StatementKind::kCreateTable) {
    catalog::Table t;
    t.name = s.create_table->table.name;
    for (const sql::ColumnDef& c : s.create_table->columns) t.columns.push_back(ColumnOf(c));
    created_.push_back({s.begin, std::move(t)});
  } else if (s.kind == StatementKind::kCreateIndex) {
    indexes_.push_back(ShapeOf(*s.create_index, s.begin));
    locking = !s.create_index->concurrently &&
              !CreatedAnywhereBefore(s.create_index->table.name, s.begin);
  } else if (s.kind == StatementKind::kAlterTable) {
    const std::string& table = s.alter_table->table.name;
    for (const sql::AlterTableCmd& cmd : s.alter_table->commands) {
      if (cmd.kind == sql::AlterKind::kAddColumn && cmd.column_def)
        added_.push_back({s.begin, table, ColumnOf(*cmd.column_def)});
    }
    locking = s.alter_table->object_kind == "TABLE" && !CreatedAnywhereBefore(table, s.begin);
  } else if (s.kind == StatementKind::kDrop) {
    locking = !s.drop->concurrently;
  }
  if (locking) first_locking_ddl_ = std::min(first_locking_ddl_, s.begin);
}

bool FileFacts::CreatedAnywhereBefore(const std::string& name, size_t offset) const {
  return CreatedTable(name, offset) != nullptr;
}

const catalog::Table* FileFacts::CreatedTable(const std::string& name, size_t offset) const {
  const catalog::Table* found = nullptr;
  for (const Created& c : created_) {
    if (c.offset < offset && c.table.name == name) found = &c.table;
  }
  return found;
}

std::vector<const catalog::Column*> FileFacts::AddedColumns(const std::string& table,
                                                            size_t offset) const {
  std::vector<const catalog::Column*> out;
  for (const Added& a : added_) {
    if (a.offset < offset && a.table == table) out.push_back(&a.column);
  }
  return out;
}

}  // namespace dbopt::lint
