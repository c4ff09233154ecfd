// The PostgreSQL loader's readers (private to src/catalog), one per part of the catalog. Each
// runs a few queries in the import's read-only transaction and fills a PgImport; the loader
// (postgres_loader.cc) calls them in order and sorts the result.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "dbopt/base/result.h"
#include "dbopt/catalog/catalog.h"
#include "pg_session.h"

namespace dbopt::catalog {

// The relations dbopt imports, as a CTE named "rels" (oid, relkind): tables, partitioned
// tables, views, materialized views and foreign tables outside the system schemas, without
// temporary tables (they belong to other sessions).
inline constexpr char kUserRelationsCte[] = R"sql(
WITH rels AS (
  SELECT c.oid, c.relkind
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm', 'v', 'f')
    AND c.relpersistence <> 't'
    AND n.nspname <> 'information_schema'
    AND n.nspname NOT LIKE 'pg\_%'
)
)sql";

struct PgImport {
  PgSession* session = nullptr;
  Catalog catalog;
  // pg_class oid → position in catalog.tables / catalog.indexes (before the final sort).
  std::map<uint32_t, size_t> table_by_oid;
  std::map<uint32_t, size_t> index_by_oid;
};

// pg_tables.cc: relations with their columns, constraints and pg_class sizes.
Status ReadTables(PgImport& import);
// pg_indexes.cc: indexes of the imported relations, with key details and B-tree heights.
Status ReadIndexes(PgImport& import);
// pg_statistics.cc: pg_stats rows for tables and expression indexes.
Status ReadColumnStats(PgImport& import);
// pg_extended_stats.cc: CREATE STATISTICS objects and their analysed data.
Status ReadExtendedStats(PgImport& import);

}  // namespace dbopt::catalog
