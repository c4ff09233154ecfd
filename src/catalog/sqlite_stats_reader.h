// The statistics half of the SQLite loader: row counts and distinct counts from sqlite_stat1,
// most common values from sqlite_stat4, table and index sizes from the dbstat virtual table (or
// an estimate from the file size), converted to PostgreSQL's shape. docs/sqlite-import.md
// describes every mapping. Private to src/catalog/.
#pragma once

#include "dbopt/base/result.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/catalog/sqlite_loader.h"
#include "sqlite_db.h"

namespace dbopt::catalog::sqlite {

// Fills stats, column_stats, index sizes and expression_stats of the tables and indexes that
// ReadSqliteSchema put in `catalog`, and adds warnings (never-analysed tables, estimated sizes,
// unreadable samples).
Status ReadSqliteStatistics(Database& db, const SqliteLoadOptions& options, Catalog* catalog);

}  // namespace dbopt::catalog::sqlite
