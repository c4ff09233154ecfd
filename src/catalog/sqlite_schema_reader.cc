#include "sqlite_schema_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

#include "dbopt/catalog/sqlite_sql_text.h"

namespace dbopt::catalog::sqlite {

namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// A column's type: its declared type as written, or "BLOB" when it has none. SQLite gives a
// column without declared type the BLOB affinity, exactly as if it were declared BLOB ("Datatypes
// In SQLite" 3.1, rule 3), and a catalog column always has a type (validation, the JSON format).
std::string ColumnType(const Row& row, int column) {
  constexpr const char* kUndeclaredType = "BLOB";
  std::string type = row.Text(column);
  return type.empty() ? kUndeclaredType : type;
}

bool SameNames(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!EqualsIgnoreCase(a[i], b[i])) return false;
  }
  return true;
}

// The message of an error without the "path: " prefix the Database puts in front.
std::string Detail(const Database& db, const Error& error) {
  const std::string prefix = db.path() + ": ";
  const std::string& message = error.message();
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

// The name of the first constraint of `kind` written for `columns` (and `ref_table`), which is
// then removed so that it names one object only; "" when none matches.
std::string TakeConstraintName(std::vector<ConstraintText>* constraints, ConstraintText::Kind kind,
                               const std::vector<std::string>& columns,
                               const std::string& ref_table = {}) {
  for (auto it = constraints->begin(); it != constraints->end(); ++it) {
    if (it->kind != kind || !SameNames(it->columns, columns)) continue;
    if (kind == ConstraintText::Kind::kForeignKey && !EqualsIgnoreCase(it->ref_table, ref_table)) {
      continue;
    }
    std::string name = it->name;
    constraints->erase(it);
    return name;
  }
  return {};
}

// "fts5" for "CREATE VIRTUAL TABLE docs USING fts5(title, body)".
std::string VirtualTableModule(const std::string& sql) {
  Result<std::vector<Token>> tokens = Tokenize(sql);
  if (!tokens) return "?";
  for (size_t i = 0; i + 1 < tokens->size(); ++i) {
    if ((*tokens)[i].IsKeyword("USING")) return (*tokens)[i + 1].value;
  }
  return "?";
}

struct IndexListEntry {
  std::string name;
  bool unique = false;
  std::string origin;  // "c" CREATE INDEX, "u" UNIQUE constraint, "pk" PRIMARY KEY
  bool partial = false;
};

// One index from PRAGMA index_xinfo and, for CREATE INDEX, its stored text. nullopt (with a
// warning) when an expression or predicate is needed and the text cannot be read.
Result<std::optional<Index>> ReadIndex(Database& db, const Table& table,
                                       const std::map<std::string, std::string>& collations,
                                       const IndexListEntry& entry, const std::string& sql,
                                       Catalog* catalog) {
  Index index;
  index.name = entry.name;
  index.table = table.name;
  index.unique = entry.unique;
  index.primary = entry.origin == "pk";
  Result<IndexText> text = sql.empty() ? Result<IndexText>(IndexText{}) : ParseCreateIndex(sql);
  bool needs_text = entry.partial;
  Status s = db.Query(
      "SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?1, 'main') WHERE key "
      "ORDER BY seqno",
      {entry.name}, [&](const Row& row) -> Status {
        IndexKey key;
        const int64_t cid = row.Int(0);
        std::string column_collation = "BINARY";
        if (cid == -2) {
          needs_text = true;
          const size_t position = index.keys.size();
          if (text && position < text->keys.size()) key.expression = text->keys[position];
        } else {
          key.column = cid == -1 ? "rowid" : row.Text(1);
          if (auto it = collations.find(Lower(key.column)); it != collations.end()) {
            column_collation = it->second;
          }
        }
        key.descending = row.Int(2) != 0;
        const std::string collation = row.Text(3);
        if (!EqualsIgnoreCase(collation, column_collation)) key.collation = collation;
        index.keys.push_back(std::move(key));
        return Ok{};
      });
  if (!s) return std::move(s).error();
  if (needs_text && (!text || (entry.partial && !text->predicate))) {
    const std::string why = text ? "no WHERE clause found" : text.error().message();
    catalog->warnings.push_back("index \"" + entry.name + "\" skipped: " + why);
    return std::optional<Index>();
  }
  if (entry.partial) index.predicate = text->predicate;
  return std::optional<Index>(std::move(index));
}

Status ReadView(Database& db, const std::string& name, Catalog* catalog) {
  Table view;
  view.name = name;
  view.kind = "view";
  Status s = db.Query("SELECT name, type FROM pragma_table_xinfo(?1, 'main') ORDER BY cid", {name},
                      [&](const Row& row) -> Status {
                        Column& column = view.columns.emplace_back();
                        column.name = row.Text(0);
                        column.type = ColumnType(row, 1);
                        return Ok{};
                      });
  if (!s) {
    if (s.error().kind != ErrorKind::kBadInput) return s;
    catalog->warnings.push_back("view \"" + name + "\" skipped: its definition does not compile (" +
                                Detail(db, s.error()) + ")");
    return Ok{};
  }
  catalog->tables.push_back(std::move(view));
  return Ok{};
}

// Columns from PRAGMA table_xinfo, with collations and generated expressions from the text.
// Returns the primary key columns in key order.
Result<std::vector<std::string>> ReadColumns(Database& db, const TableText& text, Table* table) {
  std::vector<std::pair<int64_t, std::string>> pk;
  Status s = db.Query(
      "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1, 'main') "
      "WHERE hidden <> 1 ORDER BY cid",
      {table->name}, [&](const Row& row) -> Status {
        Column& column = table->columns.emplace_back();
        column.name = row.Text(0);
        column.type = ColumnType(row, 1);
        column.not_null = row.Int(2) != 0;
        if (!row.IsNull(3)) column.default_expr = row.Text(3);
        if (row.Int(4) > 0) pk.emplace_back(row.Int(4), column.name);
        const ColumnText* written = nullptr;
        for (const ColumnText& c : text.columns) {
          if (EqualsIgnoreCase(c.name, column.name)) written = &c;
        }
        if (written != nullptr && !written->collation.empty() &&
            !EqualsIgnoreCase(written->collation, "BINARY")) {
          column.collation = written->collation;
        }
        const int64_t hidden = row.Int(5);
        if (hidden == 2 || hidden == 3) {
          column.generated = written != nullptr ? written->generated : std::string();
        }
        return Ok{};
      });
  if (!s) return std::move(s).error();
  std::sort(pk.begin(), pk.end());
  std::vector<std::string> pk_columns;
  for (auto& [position, column] : pk) pk_columns.push_back(std::move(column));
  return pk_columns;
}

Status ReadForeignKeys(Database& db, TableText* text, Table* table) {
  // PRAGMA foreign_key_list numbers the constraints last-written first.
  std::map<int64_t, ForeignKey, std::greater<>> by_id;
  Status s = db.Query(
      "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1, 'main') "
      "ORDER BY id, seq",
      {table->name}, [&](const Row& row) -> Status {
        ForeignKey& fk = by_id[row.Int(0)];
        fk.ref_table = row.Text(1);
        fk.columns.push_back(row.Text(2));
        if (!row.IsNull(3)) fk.ref_columns.push_back(row.Text(3));
        return Ok{};
      });
  if (!s) return s;
  for (auto& [id, fk] : by_id) {
    fk.name = TakeConstraintName(&text->constraints, ConstraintText::Kind::kForeignKey, fk.columns,
                                 fk.ref_table);
    table->foreign_keys.push_back(std::move(fk));
  }
  return Ok{};
}

Status ReadTable(Database& db, const std::string& name, const std::string& sql, bool without_rowid,
                 const std::map<std::string, std::string>& index_sql, Catalog* catalog) {
  Table table;
  table.name = name;
  table.without_rowid = without_rowid;
  Result<TableText> parsed = ParseCreateTable(sql);
  if (!parsed) {
    catalog->warnings.push_back("table \"" + name + "\": " + parsed.error().message() +
                                ": its CHECK constraints, column collations, generated-column "
                                "expressions and constraint names are not imported");
  }
  TableText text = parsed ? std::move(parsed).value() : TableText{};
  Result<std::vector<std::string>> pk_columns = ReadColumns(db, text, &table);
  if (!pk_columns) return std::move(pk_columns).error();
  for (const ConstraintText& c : text.constraints) {
    if (c.kind == ConstraintText::Kind::kCheck) table.checks.push_back({c.name, c.expr});
  }
  std::map<std::string, std::string> collations;  // lower-case column name -> collation
  for (const Column& column : table.columns) {
    collations[Lower(column.name)] = column.collation.value_or("BINARY");
  }

  std::vector<IndexListEntry> entries;
  Status s =
      db.Query("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1, 'main')",
               {name}, [&](const Row& row) -> Status {
                 entries.push_back({row.Text(0), row.Int(1) != 0, row.Text(2), row.Int(3) != 0});
                 return Ok{};
               });
  if (!s) return s;
  std::sort(entries.begin(), entries.end(),
            [](const IndexListEntry& a, const IndexListEntry& b) { return a.name < b.name; });

  bool pk_has_index = false;
  std::vector<Index> indexes;
  for (const IndexListEntry& entry : entries) {
    auto it = index_sql.find(Lower(entry.name));
    const std::string sql_text = entry.origin == "c" && it != index_sql.end() ? it->second : "";
    Result<std::optional<Index>> index = ReadIndex(db, table, collations, entry, sql_text, catalog);
    if (!index) return std::move(index).error();
    if (!index->has_value()) continue;
    Index& found = **index;
    std::vector<std::string> key_columns;
    for (const IndexKey& key : found.keys) key_columns.push_back(key.column);
    if (entry.origin == "pk") {
      pk_has_index = true;
      std::string constraint =
          TakeConstraintName(&text.constraints, ConstraintText::Kind::kPrimaryKey, *pk_columns);
      found.constraint = constraint.empty() ? found.name : constraint;
      table.primary_key = Constraint{found.constraint, *pk_columns};
    } else if (entry.origin == "u") {
      std::string constraint =
          TakeConstraintName(&text.constraints, ConstraintText::Kind::kUnique, key_columns);
      found.constraint = constraint.empty() ? found.name : constraint;
      table.unique_constraints.push_back({found.constraint, key_columns});
    }
    indexes.push_back(std::move(found));
  }
  if (!pk_columns->empty() && !pk_has_index) {
    // INTEGER PRIMARY KEY: the column is the rowid; SQLite keeps no index for it.
    table.primary_key = Constraint{
        TakeConstraintName(&text.constraints, ConstraintText::Kind::kPrimaryKey, *pk_columns),
        *pk_columns};
    for (Column& column : table.columns) {
      if (EqualsIgnoreCase(column.name, pk_columns->front())) {
        column.not_null = true;
        column.identity = true;
      }
    }
  }
  if (Status fk = ReadForeignKeys(db, &text, &table); !fk) return fk;
  catalog->tables.push_back(std::move(table));
  for (Index& index : indexes) catalog->indexes.push_back(std::move(index));
  return Ok{};
}

}  // namespace

std::string ExpressionColumnName(const std::string& expression, std::vector<std::string>* taken) {
  std::string name = "expr";
  Result<std::vector<Token>> tokens = Tokenize(expression);
  if (tokens && tokens->size() >= 3 && (*tokens)[1].IsSymbol('(') &&
      (*tokens)[0].kind != Token::Kind::kString && (*tokens)[0].kind != Token::Kind::kNumber &&
      expression.find_last_not_of(" \t\r\n") + 1 == tokens->back().end &&
      tokens->back().IsSymbol(')')) {
    const Token& head = (*tokens)[0];
    name = head.kind == Token::Kind::kWord ? Lower(head.value) : head.value;
    if (head.IsKeyword("CAST")) {
      // PostgreSQL names a cast after a plain column inside it, else after the type.
      size_t as = 2;
      while (as < tokens->size() && !(*tokens)[as].IsKeyword("AS")) ++as;
      const bool plain = as == 3 && (*tokens)[2].kind != Token::Kind::kString &&
                         (*tokens)[2].kind != Token::Kind::kNumber;
      const size_t source = plain ? 2 : as + 1;
      name = source < tokens->size() ? Lower((*tokens)[source].value) : "expr";
    }
  } else if (tokens && !tokens->empty() && (*tokens)[0].IsKeyword("CASE")) {
    name = "case";
  }
  std::string candidate = name;
  for (int i = 1; std::find(taken->begin(), taken->end(), candidate) != taken->end(); ++i) {
    candidate = name + std::to_string(i);
  }
  taken->push_back(candidate);
  return candidate;
}

Status ReadSqliteSchema(Database& db, Catalog* catalog) {
  std::map<std::string, std::pair<std::string, bool>> listed;  // name -> (type, WITHOUT ROWID)
  Status s = db.Query("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'", {},
                      [&](const Row& row) -> Status {
                        listed[Lower(row.Text(0))] = {row.Text(1), row.Int(2) != 0};
                        return Ok{};
                      });
  if (!s) return s;
  struct Object {
    std::string type, name, sql;
  };
  std::vector<Object> objects;
  std::map<std::string, std::string> index_sql;  // lower-case name -> CREATE INDEX text
  s = db.Query("SELECT type, name, sql FROM sqlite_schema ORDER BY name", {},
               [&](const Row& row) -> Status {
                 Object object{row.Text(0), row.Text(1), row.Text(2)};
                 if (object.type == "index") {
                   index_sql[Lower(object.name)] = object.sql;
                 } else if ((object.type == "table" || object.type == "view") &&
                            Lower(object.name).rfind("sqlite_", 0) != 0) {
                   objects.push_back(std::move(object));
                 }
                 return Ok{};
               });
  if (!s) return s;
  for (const Object& object : objects) {
    const auto& [type, without_rowid] = listed[Lower(object.name)];
    if (object.type == "view") {
      s = ReadView(db, object.name, catalog);
    } else if (type == "virtual") {
      catalog->warnings.push_back("virtual table \"" + object.name +
                                  "\" skipped: not supported (module " +
                                  VirtualTableModule(object.sql) + ")");
    } else if (type == "shadow") {
      catalog->warnings.push_back("table \"" + object.name +
                                  "\" skipped: it belongs to a virtual table (shadow table)");
    } else {
      s = ReadTable(db, object.name, object.sql, without_rowid, index_sql, catalog);
    }
    if (!s) return s;
  }
  std::sort(catalog->indexes.begin(), catalog->indexes.end(),
            [](const Index& a, const Index& b) { return a.name < b.name; });
  return Ok{};
}

}  // namespace dbopt::catalog::sqlite
