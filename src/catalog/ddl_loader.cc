// LoadDdlCatalog: a catalog from a DDL file (CREATE SCHEMA / TABLE / INDEX / STATISTICS, ALTER
// TABLE, DROP), through the sql module's parser. Names follow PostgreSQL: a PRIMARY KEY is backed
// by the index "<table>_pkey", UNIQUE (a, b) by "<table>_a_b_key", a foreign key is named
// "<table>_<cols>_fkey", a CHECK "<table>_<col>_check" (or "<table>_check" for a table CHECK),
// an unnamed index "<table>_<cols>_idx"; a clash gets a number (ChooseRelationName /
// ChooseConstraintName in PostgreSQL). serial columns become integer NOT NULL DEFAULT
// nextval('<table>_<col>_seq'::regclass). DDL has no statistics: one warning says so.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/catalog/identifier.h"
#include "dbopt/catalog/load.h"
#include "dbopt/sql/parser.h"
#include "dbopt/sql/to_sql.h"
#include "dbopt/sql/type_name.h"

namespace dbopt::catalog {
namespace {

std::string JoinUnderscore(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "_") + p;
  return out;
}

Column* MutableColumn(Table& table, const std::string& name) {
  for (Column& c : table.columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

class DdlBuilder {
 public:
  DdlBuilder(const SourceText& source, Catalog* catalog) : source_(source), catalog_(*catalog) {
    schemas_.insert("public");
  }
  Status Apply(const sql::Statement& s, const std::string& default_schema = "public");

 private:
  Error ErrorAt(int location, std::string message, std::string hint = {}) const {
    return Error::At(source_.DiagnosticAt(location < 0 ? 0 : static_cast<size_t>(location),
                                          std::move(message), Severity::kError, std::move(hint)));
  }
  std::string Hint(const std::string& word, const std::vector<std::string>& candidates) const {
    const auto suggestion = DidYouMean(word, candidates);
    return suggestion ? fmt::format("did you mean \"{}\"?", *suggestion) : "";
  }
  std::string SchemaOf(const sql::QualifiedName& n, const std::string& default_schema) const {
    return n.schema.empty() ? default_schema : n.schema;
  }
  Result<Table*> FindTable(const sql::QualifiedName& n, const std::string& default_schema);
  Status CheckColumns(const Table& table, const std::vector<std::string>& columns,
                      int location) const;
  // A name not yet used by an index (same schema) or, with `constraint`, a constraint of `table`.
  std::string ChooseName(const Table& table, const std::string& base_1, const std::string& base_2,
                         const std::string& label) const;
  bool NameTaken(const Table& table, const std::string& name) const;
  Status AddConstraint(Table& table, const sql::TableConstraint& c, const std::string& column);
  Status CreateTable(const sql::CreateTableStmt& s, const std::string& default_schema);
  Status CreateIndex(const sql::CreateIndexStmt& s, const std::string& default_schema);
  Status AlterTable(const sql::AlterTableStmt& s, const std::string& default_schema, int location);
  Status CreateStatistics(const sql::CreateStatisticsStmt& s, const std::string& default_schema);
  Status Drop(const sql::DropStmt& s, const std::string& default_schema, int location);
  Result<Column> MakeColumn(const Table& table, const sql::ColumnDef& def) const;

  const SourceText& source_;
  Catalog& catalog_;
  std::set<std::string> schemas_;
};

Result<Table*> DdlBuilder::FindTable(const sql::QualifiedName& n,
                                     const std::string& default_schema) {
  const std::string schema = SchemaOf(n, default_schema);
  for (Table& t : catalog_.tables) {
    if (t.schema == schema && t.name == n.name) return &t;
  }
  std::vector<std::string> names;
  for (const Table& t : catalog_.tables)
    names.push_back(t.schema == schema ? t.name : t.QualifiedName());
  return ErrorAt(
      n.location,
      fmt::format("unknown table \"{}\"", n.schema.empty() ? n.name : schema + "." + n.name),
      Hint(n.name, names));
}

Status DdlBuilder::CheckColumns(const Table& table, const std::vector<std::string>& columns,
                                int location) const {
  std::vector<std::string> names;
  for (const Column& c : table.columns) names.push_back(c.name);
  for (const std::string& column : columns) {
    if (table.FindColumn(column) == nullptr) {
      return ErrorAt(location,
                     fmt::format("unknown column \"{}\" of table \"{}\"", column, table.name),
                     Hint(column, names));
    }
  }
  return Ok{};
}

bool DdlBuilder::NameTaken(const Table& table, const std::string& name) const {
  for (const Index& i : catalog_.indexes) {
    if (i.schema == table.schema && i.name == name) return true;
  }
  for (const Table& t : catalog_.tables) {
    if (t.schema == table.schema && t.name == name) return true;
  }
  for (const ForeignKey& fk : table.foreign_keys) {
    if (fk.name == name) return true;
  }
  for (const CheckConstraint& c : table.checks) {
    if (c.name == name) return true;
  }
  return false;
}

std::string DdlBuilder::ChooseName(const Table& table, const std::string& base_1,
                                   const std::string& base_2, const std::string& label) const {
  std::string name = MakeObjectName(base_1, base_2, label);
  for (int n = 1; NameTaken(table, name); ++n)
    name = MakeObjectName(base_1, base_2, label + std::to_string(n));
  return name;
}

Status DdlBuilder::AddConstraint(Table& table, const sql::TableConstraint& c,
                                 const std::string& column) {
  const std::vector<std::string> columns =
      column.empty() ? c.columns : std::vector<std::string>{column};
  if (Status s = CheckColumns(table, columns, c.location); !s.ok()) return s;
  switch (c.kind) {
    case sql::ConstraintKind::kPrimaryKey:
    case sql::ConstraintKind::kUnique: {
      const bool primary = c.kind == sql::ConstraintKind::kPrimaryKey;
      if (primary && table.primary_key) {
        return ErrorAt(
            c.location,
            fmt::format("multiple primary keys for table \"{}\" are not allowed", table.name));
      }
      Constraint constraint;
      constraint.name = !c.name.empty() ? c.name
                        : primary       ? ChooseName(table, table.name, "", "pkey")
                                  : ChooseName(table, table.name, JoinUnderscore(columns), "key");
      constraint.columns = columns;
      Index index;
      index.schema = table.schema;
      index.name = constraint.name;
      index.table = table.name;
      for (const std::string& col : columns) {
        IndexKey key;
        key.column = col;
        index.keys.push_back(key);
        if (primary) MutableColumn(table, col)->not_null = true;  // a primary key implies NOT NULL
      }
      index.include = c.include;
      index.unique = true;
      index.primary = primary;
      index.constraint = constraint.name;
      if (NameTaken(table, index.name)) {
        return ErrorAt(c.location, fmt::format("relation \"{}\" already exists", index.name));
      }
      catalog_.indexes.push_back(std::move(index));
      if (primary) {
        table.primary_key = std::move(constraint);
      } else {
        table.unique_constraints.push_back(std::move(constraint));
      }
      return Ok{};
    }
    case sql::ConstraintKind::kForeignKey: {
      Result<Table*> ref = FindTable(c.ref_table, table.schema);
      // A table may reference itself while it is being created (it is not in the catalog yet).
      const bool self =
          c.ref_table.name == table.name && SchemaOf(c.ref_table, table.schema) == table.schema;
      if (!ref.ok() && !self) return ref.error();
      const Table& target = ref.ok() ? **ref : table;
      if (Status s = CheckColumns(target, c.ref_columns, c.location); !s.ok()) return s;
      ForeignKey fk;
      fk.name =
          c.name.empty() ? ChooseName(table, table.name, JoinUnderscore(columns), "fkey") : c.name;
      fk.columns = columns;
      fk.ref_schema = c.ref_table.schema;
      fk.ref_table = c.ref_table.name;
      fk.ref_columns = c.ref_columns;
      table.foreign_keys.push_back(std::move(fk));
      return Ok{};
    }
    case sql::ConstraintKind::kCheck: {
      CheckConstraint check;
      check.name = c.name.empty() ? ChooseName(table, table.name, column, "check") : c.name;
      check.expr = c.check ? sql::ToSql(*c.check) : "";
      table.checks.push_back(std::move(check));
      return Ok{};
    }
    case sql::ConstraintKind::kExclusion:
      return ErrorAt(c.location, "not supported: EXCLUDE constraints in a DDL catalog");
  }
  return Ok{};
}

Result<Column> DdlBuilder::MakeColumn(const Table& table, const sql::ColumnDef& def) const {
  Column column;
  column.name = def.name;
  column.type = sql::FormatType(def.type);
  column.not_null = def.not_null;
  // serial types: an integer column owning a sequence (PostgreSQL's transformColumnDefinition).
  static const std::pair<const char*, const char*> kSerials[] = {
      {"smallserial", "smallint"}, {"serial2", "smallint"}, {"serial", "integer"},
      {"serial4", "integer"},      {"bigserial", "bigint"}, {"serial8", "bigint"}};
  if (def.type.names.size() == 1 && def.type.array_dimensions == 0) {
    for (const auto& [serial, type] : kSerials) {
      if (def.type.names[0] != serial) continue;
      column.type = type;
      column.not_null = true;
      column.default_expr =
          fmt::format("nextval('{}'::regclass)", MakeObjectName(table.name, def.name, "seq"));
    }
  }
  if (def.default_expr) {
    if (column.default_expr)
      return ErrorAt(def.location,
                     fmt::format("multiple default values specified for column \"{}\"", def.name));
    column.default_expr = sql::ToSql(*def.default_expr);
  }
  if (def.identity != sql::IdentityKind::kNone) {
    column.identity = true;
    column.not_null = true;
  }
  if (def.generated) column.generated = sql::ToSql(*def.generated);
  if (!def.collation.empty()) column.collation = JoinUnderscore(def.collation);
  return column;
}

Status DdlBuilder::CreateTable(const sql::CreateTableStmt& s, const std::string& default_schema) {
  Table table;
  table.schema = SchemaOf(s.table, default_schema);
  table.name = s.table.name;
  if (schemas_.count(table.schema) == 0) {
    return ErrorAt(s.table.location, fmt::format("unknown schema \"{}\"", table.schema),
                   Hint(table.schema, std::vector<std::string>(schemas_.begin(), schemas_.end())));
  }
  if (!s.partition_strategy.empty()) table.kind = "partitioned";
  if (NameTaken(table, table.name)) {
    if (s.if_not_exists) {
      catalog_.warnings.push_back(
          fmt::format("ddl catalog: relation \"{}\" already exists, skipping", table.name));
      return Ok{};
    }
    return ErrorAt(s.table.location, fmt::format("relation \"{}\" already exists", table.name));
  }
  // Columns of parents (PARTITION OF, INHERITS, LIKE) come first, as in PostgreSQL.
  std::vector<sql::QualifiedName> sources = s.inherits;
  if (s.partition_of) sources.insert(sources.begin(), *s.partition_of);
  sources.insert(sources.end(), s.like.begin(), s.like.end());
  for (const sql::QualifiedName& parent : sources) {
    Result<Table*> p = FindTable(parent, table.schema);
    if (!p.ok()) return p.error();
    for (const Column& c : (*p)->columns) table.columns.push_back(c);
  }
  for (const sql::ColumnDef& def : s.columns) {
    if (table.FindColumn(def.name)) {
      return ErrorAt(def.location, fmt::format("column \"{}\" specified more than once", def.name));
    }
    Result<Column> column = MakeColumn(table, def);
    if (!column.ok()) return column.error();
    table.columns.push_back(std::move(*column));
  }
  // Constraints need the table's columns, and PK/UNIQUE indexes need the table's name taken.
  for (const sql::ColumnDef& def : s.columns) {
    for (const sql::TableConstraint& c : def.constraints) {
      if (Status st = AddConstraint(table, c, def.name); !st.ok()) return st;
    }
  }
  for (const sql::TableConstraint& c : s.constraints) {
    if (Status st = AddConstraint(table, c, ""); !st.ok()) return st;
  }
  catalog_.tables.push_back(std::move(table));
  return Ok{};
}

Status DdlBuilder::CreateIndex(const sql::CreateIndexStmt& s, const std::string& default_schema) {
  Result<Table*> found = FindTable(s.table, default_schema);
  if (!found.ok()) return found.error();
  const Table& table = **found;
  Index index;
  index.schema = table.schema;
  index.table = table.name;
  index.method = s.method;
  index.unique = s.unique;
  std::vector<std::string> name_parts;  // PostgreSQL's ChooseIndexColumnNames
  for (const sql::IndexKey& k : s.keys) {
    IndexKey key;
    if (k.expr) {
      key.expression = sql::ToSql(*k.expr);
      // FigureColname: a function call is named after the function, anything else "expr".
      name_parts.push_back(k.expr->kind == sql::ExprKind::kFuncCall ? k.expr->names.back()
                                                                    : "expr");
    } else {
      if (Status st = CheckColumns(table, {k.column}, s.location); !st.ok()) return st;
      key.column = k.column;
      name_parts.push_back(k.column);
    }
    key.descending = k.direction == sql::SortDirection::kDesc;
    if (k.nulls != sql::NullsOrder::kDefault) key.nulls_first = k.nulls == sql::NullsOrder::kFirst;
    key.opclass = k.opclass.empty() ? "" : k.opclass.back();
    key.collation = k.collation.empty() ? "" : k.collation.back();
    index.keys.push_back(std::move(key));
  }
  if (Status st = CheckColumns(table, s.include, s.location); !st.ok()) return st;
  index.include = s.include;
  if (s.where) index.predicate = sql::ToSql(*s.where);
  index.name =
      s.name.empty() ? ChooseName(table, table.name, JoinUnderscore(name_parts), "idx") : s.name;
  if (NameTaken(table, index.name)) {
    if (s.if_not_exists) {
      catalog_.warnings.push_back(
          fmt::format("ddl catalog: relation \"{}\" already exists, skipping", index.name));
      return Ok{};
    }
    return ErrorAt(s.location, fmt::format("relation \"{}\" already exists", index.name));
  }
  catalog_.indexes.push_back(std::move(index));
  return Ok{};
}

Status DdlBuilder::AlterTable(const sql::AlterTableStmt& s, const std::string& default_schema,
                              int location) {
  if (s.object_kind != "TABLE") {
    catalog_.warnings.push_back(fmt::format("ddl catalog: ignored ALTER {} at {}:{}", s.object_kind,
                                            source_.name(),
                                            source_.Locate(static_cast<size_t>(location)).line));
    return Ok{};
  }
  Result<Table*> found = FindTable(s.table, default_schema);
  if (!found.ok()) {
    if (s.if_exists) return Ok{};
    return found.error();
  }
  Table& table = **found;
  for (const sql::AlterTableCmd& cmd : s.commands) {
    Column* column = cmd.column.empty() ? nullptr : MutableColumn(table, cmd.column);
    const bool needs_column =
        cmd.kind == sql::AlterKind::kDropColumn || cmd.kind == sql::AlterKind::kAlterColumnType ||
        cmd.kind == sql::AlterKind::kSetDefault || cmd.kind == sql::AlterKind::kDropDefault ||
        cmd.kind == sql::AlterKind::kSetNotNull || cmd.kind == sql::AlterKind::kDropNotNull ||
        cmd.kind == sql::AlterKind::kRenameColumn;
    if (needs_column && column == nullptr) {
      if (cmd.kind == sql::AlterKind::kDropColumn && cmd.if_exists) continue;
      if (Status st = CheckColumns(table, {cmd.column}, s.table.location); !st.ok()) return st;
    }
    switch (cmd.kind) {
      case sql::AlterKind::kAddColumn: {
        if (table.FindColumn(cmd.column_def->name)) {
          if (cmd.if_exists) continue;
          return ErrorAt(cmd.column_def->location,
                         fmt::format("column \"{}\" of relation \"{}\" already exists", cmd.column,
                                     table.name));
        }
        Result<Column> c = MakeColumn(table, *cmd.column_def);
        if (!c.ok()) return c.error();
        table.columns.push_back(std::move(*c));
        for (const sql::TableConstraint& k : cmd.column_def->constraints) {
          if (Status st = AddConstraint(table, k, cmd.column_def->name); !st.ok()) return st;
        }
        break;
      }
      case sql::AlterKind::kDropColumn:
        table.columns.erase(table.columns.begin() + (column - table.columns.data()));
        break;
      case sql::AlterKind::kAlterColumnType:
        column->type = sql::FormatType(*cmd.new_type);
        break;
      case sql::AlterKind::kSetDefault:
        column->default_expr = sql::ToSql(*cmd.expr);
        break;
      case sql::AlterKind::kDropDefault:
        column->default_expr.reset();
        break;
      case sql::AlterKind::kSetNotNull:
        column->not_null = true;
        break;
      case sql::AlterKind::kDropNotNull:
        column->not_null = false;
        break;
      case sql::AlterKind::kRenameColumn:
        column->name = cmd.new_name;
        break;
      case sql::AlterKind::kAddConstraint:
        if (Status st = AddConstraint(table, *cmd.constraint, ""); !st.ok()) return st;
        break;
      case sql::AlterKind::kRenameTable:
        for (Index& i : catalog_.indexes) {
          if (i.schema == table.schema && i.table == table.name) i.table = cmd.new_name;
        }
        table.name = cmd.new_name;
        break;
      default:
        catalog_.warnings.push_back(
            fmt::format("ddl catalog: ignored ALTER TABLE {} {}", table.name, cmd.kind_name));
        break;
    }
  }
  return Ok{};
}

Status DdlBuilder::CreateStatistics(const sql::CreateStatisticsStmt& s,
                                    const std::string& default_schema) {
  Result<Table*> found = FindTable(s.table, default_schema);
  if (!found.ok()) return found.error();
  const Table& table = **found;
  if (Status st = CheckColumns(table, s.columns, s.table.location); !st.ok()) return st;
  ExtendedStats stats;
  stats.schema = s.name.schema.empty() ? table.schema : s.name.schema;
  stats.table = table.name;
  stats.columns = s.columns;
  for (const sql::ExprPtr& e : s.expressions) stats.expressions.push_back(sql::ToSql(*e));
  stats.kinds = s.kinds;
  if (stats.kinds.empty())
    stats.kinds = {"ndistinct", "dependencies", "mcv"};  // all kinds by default
  if (!stats.expressions.empty()) stats.kinds.push_back("expressions");
  // PostgreSQL's ChooseExtendedStatisticName: <table>_<columns>_stat.
  stats.name = s.name.name.empty() ? MakeObjectName(table.name, JoinUnderscore(s.columns), "stat")
                                   : s.name.name;
  for (const ExtendedStats& other : catalog_.extended_stats) {
    if (other.schema == stats.schema && other.name == stats.name) {
      if (s.if_not_exists) return Ok{};
      return ErrorAt(s.table.location,
                     fmt::format("statistics object \"{}\" already exists", stats.name));
    }
  }
  catalog_.extended_stats.push_back(std::move(stats));
  return Ok{};
}

Status DdlBuilder::Drop(const sql::DropStmt& s, const std::string& default_schema, int location) {
  for (const sql::QualifiedName& n : s.names) {
    const std::string schema = SchemaOf(n, default_schema);
    if (s.object_kind == "TABLE") {
      auto it = std::find_if(catalog_.tables.begin(), catalog_.tables.end(), [&](const Table& t) {
        return t.schema == schema && t.name == n.name;
      });
      if (it == catalog_.tables.end()) {
        if (s.if_exists) continue;
        Result<Table*> missing = FindTable(n, default_schema);
        return missing.error();
      }
      catalog_.indexes.erase(
          std::remove_if(catalog_.indexes.begin(), catalog_.indexes.end(),
                         [&](const Index& i) { return i.schema == schema && i.table == n.name; }),
          catalog_.indexes.end());
      catalog_.tables.erase(it);
    } else {
      auto it = std::find_if(catalog_.indexes.begin(), catalog_.indexes.end(), [&](const Index& i) {
        return i.schema == schema && i.name == n.name;
      });
      if (it == catalog_.indexes.end()) {
        if (s.if_exists) continue;
        return ErrorAt(location, fmt::format("index \"{}\" does not exist", n.name));
      }
      catalog_.indexes.erase(it);
    }
  }
  return Ok{};
}

Status DdlBuilder::Apply(const sql::Statement& s, const std::string& default_schema) {
  switch (s.kind) {
    case sql::StatementKind::kCreateSchema: {
      const sql::CreateSchemaStmt& cs = *s.create_schema;
      if (!schemas_.insert(cs.name).second && !cs.if_not_exists) {
        return ErrorAt(s.location, fmt::format("schema \"{}\" already exists", cs.name));
      }
      for (const sql::Statement& element : cs.elements) {
        if (Status st = Apply(element, cs.name); !st.ok()) return st;
      }
      return Ok{};
    }
    case sql::StatementKind::kCreateTable:
      return CreateTable(*s.create_table, default_schema);
    case sql::StatementKind::kCreateIndex:
      return CreateIndex(*s.create_index, default_schema);
    case sql::StatementKind::kAlterTable:
      return AlterTable(*s.alter_table, default_schema, s.location);
    case sql::StatementKind::kCreateStatistics:
      return CreateStatistics(*s.create_statistics, default_schema);
    case sql::StatementKind::kDrop:
      return Drop(*s.drop, default_schema, s.location);
    default: {
      const LineColumn lc = source_.Locate(static_cast<size_t>(std::max(0, s.location)));
      catalog_.warnings.push_back(fmt::format("ddl catalog: ignored {} at {}:{}:{}", s.name,
                                              source_.name(), lc.line, lc.column));
      return Ok{};
    }
  }
}

}  // namespace

Result<Catalog> LoadDdlCatalog(const SourceText& text) {
  const sql::ParsedFile file = sql::ParseFile(text);
  if (!file.ok()) {
    Error error = Error::At(file.errors[0]);
    error.notes.assign(file.errors.begin() + 1, file.errors.end());
    return error;
  }
  Catalog catalog;
  catalog.source.kind = "ddl";
  catalog.source.location = text.name();
  DdlBuilder builder(text, &catalog);
  for (const sql::Statement& statement : file.statements) {
    if (Status st = builder.Apply(statement); !st.ok()) return st.error();
  }
  catalog.warnings.push_back("ddl catalog: no statistics; planner defaults apply");
  return catalog;
}

Status ApplyDdl(Catalog& catalog, const SourceText& text) {
  const sql::ParsedFile file = sql::ParseFile(text);
  if (!file.ok()) {
    Error error = Error::At(file.errors[0]);
    error.notes.assign(file.errors.begin() + 1, file.errors.end());
    return error;
  }
  DdlBuilder builder(text, &catalog);
  for (const sql::Statement& statement : file.statements) {
    if (Status st = builder.Apply(statement); !st.ok()) return st.error();
  }
  return Ok{};
}

}  // namespace dbopt::catalog
