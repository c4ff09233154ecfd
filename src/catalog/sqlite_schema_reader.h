// The schema half of the SQLite loader: tables, views, columns, constraints and indexes of the
// main schema, from sqlite_schema, PRAGMA table_list / table_xinfo / index_list / index_xinfo /
// foreign_key_list and, for what the pragmas do not report, the stored CREATE text
// (sqlite_sql_text.h). Private to src/catalog/.
#pragma once

#include "dbopt/base/result.h"
#include "dbopt/catalog/catalog.h"
#include "sqlite_db.h"

namespace dbopt::catalog::sqlite {

// Appends the tables and views (by name) and their indexes (by name) to `catalog`, and a warning
// for every object it skips (virtual tables, their shadow tables, views that do not compile,
// indexes whose CREATE INDEX text cannot be read).
Status ReadSqliteSchema(Database& db, Catalog* catalog);

// The name PostgreSQL gives the index column of an expression key (ChooseIndexColumnNames):
// the function's name for a call such as "lower(email)", otherwise "expr"; repeated names get
// a number ("expr", "expr1"). `taken` holds the names already used in the index.
std::string ExpressionColumnName(const std::string& expression, std::vector<std::string>* taken);

}  // namespace dbopt::catalog::sqlite
