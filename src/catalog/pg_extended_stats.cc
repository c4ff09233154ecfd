// CREATE STATISTICS objects from pg_statistic_ext and, once ANALYZE has filled them, their
// n-distinct and functional-dependency data from pg_stats_ext (as text).
#include <string>

#include "dbopt/catalog/pg_array.h"
#include "pg_reader.h"

namespace dbopt::catalog {

namespace {

// pg_statistic_ext.stxkind letters (PG15 src/include/catalog/pg_statistic_ext.h).
const char* KindName(const std::string& letter) {
  if (letter == "d") return "ndistinct";
  if (letter == "f") return "dependencies";
  if (letter == "m") return "mcv";
  if (letter == "e") return "expressions";
  return nullptr;
}

// Statistics expressions appeared in PostgreSQL 14, pg_stats_ext.inherited in 15; older
// servers get the query without them. As for pg_stats, partitioned tables only have inherited
// data.
std::string ExtendedStatsSql(int server_version_num) {
  const bool has_expressions = server_version_num >= 140000;
  const bool has_inherited = server_version_num >= 150000;
  return std::string(kUserRelationsCte) + R"sql(
SELECT sn.nspname AS schema, s.stxname, tn.nspname AS table_schema, c.relname AS table_name,
       s.stxkind::text AS kinds,
       ARRAY(SELECT a.attname
             FROM pg_catalog.unnest(s.stxkeys::pg_catalog.int2[]) AS k(attnum)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = k.attnum
             ORDER BY k.attnum)::text AS columns,
       )sql" +
         (has_expressions ? "pg_catalog.pg_get_statisticsobjdef_expressions(s.oid)::text"
                          : "NULL::text") +
         R"sql( AS expressions,
       d.n_distinct::text AS n_distinct, d.dependencies::text AS dependencies
FROM rels
JOIN pg_catalog.pg_statistic_ext s ON s.stxrelid = rels.oid
JOIN pg_catalog.pg_namespace sn ON sn.oid = s.stxnamespace
JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_stats_ext d
       ON d.statistics_schemaname = sn.nspname AND d.statistics_name = s.stxname)sql" +
         (has_inherited ? " AND d.inherited = (c.relkind = 'p')" : "") + R"sql(
ORDER BY sn.nspname, s.stxname
)sql";
}

Result<std::vector<std::string>> Array(const PgRows& rows, size_t row, const char* column) {
  if (rows.IsNull(row, column)) return std::vector<std::string>();
  Result<std::vector<std::string>> values = ParsePgTextArray(rows.Text(row, column));
  if (!values) {
    return Error::Io("pg_statistic_ext " + rows.Text(row, "stxname") + ": " + column + ": " +
                     values.error().message());
  }
  return values;
}

}  // namespace

Status ReadExtendedStats(PgImport& import) {
  Result<PgRows> rows = import.session->Query(
      "extended statistics", ExtendedStatsSql(import.session->server_version_num()));
  if (!rows) return std::move(rows).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    ExtendedStats stats;
    stats.schema = rows->Text(r, "schema");
    stats.name = rows->Text(r, "stxname");
    // The table is named as Catalog::FindTable reads it: bare in the statistics object's
    // schema, qualified otherwise.
    const std::string table_schema = rows->Text(r, "table_schema");
    stats.table = rows->Text(r, "table_name");
    if (table_schema != stats.schema) stats.table = table_schema + "." + stats.table;
    Result<std::vector<std::string>> kinds = Array(*rows, r, "kinds");
    Result<std::vector<std::string>> columns = Array(*rows, r, "columns");
    Result<std::vector<std::string>> expressions = Array(*rows, r, "expressions");
    if (!kinds) return std::move(kinds).error();
    if (!columns) return std::move(columns).error();
    if (!expressions) return std::move(expressions).error();
    for (const std::string& letter : *kinds) {
      const char* kind = KindName(letter);
      if (kind == nullptr) {
        import.catalog.warnings.push_back("statistics object " + stats.schema + "." + stats.name +
                                          " has an unknown kind '" + letter + "': ignored");
        continue;
      }
      stats.kinds.emplace_back(kind);
    }
    stats.columns = std::move(*columns);
    stats.expressions = std::move(*expressions);
    stats.n_distinct = rows->Text(r, "n_distinct");
    stats.dependencies = rows->Text(r, "dependencies");
    import.catalog.extended_stats.push_back(std::move(stats));
  }
  return Ok{};
}

}  // namespace dbopt::catalog
