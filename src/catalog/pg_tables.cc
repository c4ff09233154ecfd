// Relations, columns and constraints from pg_class, pg_attribute, pg_attrdef and
// pg_constraint. Every query joins the "rels" CTE, so only user relations are read, and refers
// to relations by oid, so no identifier is ever spliced into SQL text.
#include <string>

#include "dbopt/catalog/pg_array.h"
#include "pg_reader.h"

namespace dbopt::catalog {

namespace {

const char* KindName(const std::string& relkind) {
  if (relkind == "p") return "partitioned";
  if (relkind == "v") return "view";
  if (relkind == "m") return "matview";
  if (relkind == "f") return "foreign";
  return "table";
}

// curpages: the physical size the planner scales by (pg15-cost-model.md 2.1); only tables and
// materialized views have storage of their own.
constexpr char kRelationsSql[] = R"sql(
SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples, c.relpages, c.relallvisible,
       CASE WHEN c.relkind IN ('r', 'm')
            THEN pg_catalog.pg_relation_size(c.oid)
                 / pg_catalog.current_setting('block_size')::bigint
            ELSE 0 END AS curpages
FROM rels
JOIN pg_catalog.pg_class c ON c.oid = rels.oid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
ORDER BY n.nspname, c.relname
)sql";

// Collations are named only when they differ from the type's; schema-qualified outside
// pg_catalog. A generated column's expression is its pg_attrdef entry.
constexpr char kColumnsSql[] = R"sql(
SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull, a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS default_expr,
       CASE WHEN co.oid IS NULL THEN NULL
            WHEN cn.nspname = 'pg_catalog' THEN co.collname::text
            ELSE cn.nspname || '.' || co.collname END AS collation
FROM rels
JOIN pg_catalog.pg_attribute a ON a.attrelid = rels.oid
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co
       ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
)sql";

// Column lists keep the constraint's key order (conkey/confkey), as name[] literals.
constexpr char kConstraintsSql[] = R"sql(
SELECT con.conrelid, con.conname, con.contype, con.convalidated,
       ARRAY(SELECT a.attname
             FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord)::text AS columns,
       fn.nspname AS ref_schema, fc.relname AS ref_table,
       ARRAY(SELECT a.attname
             FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord)::text AS ref_columns,
       CASE WHEN con.contype = 'c'
            THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) END AS check_expr
FROM rels
JOIN pg_catalog.pg_constraint con ON con.conrelid = rels.oid
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c')
ORDER BY con.conrelid, con.conname
)sql";

Table* TableFor(PgImport& import, const PgRows& rows, size_t row, const char* column) {
  const auto it = import.table_by_oid.find(static_cast<uint32_t>(rows.Int(row, column)));
  return it == import.table_by_oid.end() ? nullptr : &import.catalog.tables[it->second];
}

// All queries run on the transaction's one snapshot, so every row belongs to a relation that
// the relation query returned; anything else is a bug.
Error UnknownRelation(const std::string& what) {
  return Error::Internal("PostgreSQL import: a " + what + " of a relation that was not listed");
}

Status ReadRelations(PgImport& import) {
  Result<PgRows> rows =
      import.session->Query("relations", std::string(kUserRelationsCte) + kRelationsSql);
  if (!rows) return std::move(rows).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    Table table;
    table.schema = rows->Text(r, "nspname");
    table.name = rows->Text(r, "relname");
    const std::string relkind = rows->Text(r, "relkind");
    table.kind = KindName(relkind);
    if (relkind != "v") {
      TableStats stats;
      stats.reltuples = rows->Double(r, "reltuples");
      stats.relpages = rows->Int(r, "relpages");
      stats.relallvisible = rows->Int(r, "relallvisible");
      stats.curpages = rows->Int(r, "curpages");
      table.stats = stats;
    }
    import.table_by_oid[static_cast<uint32_t>(rows->Int(r, "oid"))] = import.catalog.tables.size();
    import.catalog.tables.push_back(std::move(table));
  }
  return Ok{};
}

Status ReadColumns(PgImport& import) {
  Result<PgRows> rows =
      import.session->Query("columns", std::string(kUserRelationsCte) + kColumnsSql);
  if (!rows) return std::move(rows).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    Table* table = TableFor(import, *rows, r, "attrelid");
    if (table == nullptr) return UnknownRelation("column");
    Column column;
    column.name = rows->Text(r, "attname");
    column.type = rows->Text(r, "type");
    column.not_null = rows->Bool(r, "attnotnull");
    column.identity = rows->Bool(r, "identity");
    column.collation = rows->OptionalText(r, "collation");
    if (rows->Bool(r, "generated")) {
      column.generated = rows->OptionalText(r, "default_expr");
    } else {
      column.default_expr = rows->OptionalText(r, "default_expr");
    }
    table->columns.push_back(std::move(column));
  }
  return Ok{};
}

Result<std::vector<std::string>> Names(const PgRows& rows, size_t row, const char* column) {
  if (rows.IsNull(row, column)) return std::vector<std::string>();
  return ParsePgTextArray(rows.Text(row, column));
}

Status ReadConstraints(PgImport& import) {
  Result<PgRows> rows =
      import.session->Query("constraints", std::string(kUserRelationsCte) + kConstraintsSql);
  if (!rows) return std::move(rows).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    Table* table = TableFor(import, *rows, r, "conrelid");
    if (table == nullptr) return UnknownRelation("constraint");
    Result<std::vector<std::string>> columns = Names(*rows, r, "columns");
    Result<std::vector<std::string>> ref_columns = Names(*rows, r, "ref_columns");
    if (!columns) return std::move(columns).error();
    if (!ref_columns) return std::move(ref_columns).error();
    const std::string name = rows->Text(r, "conname");
    const std::string type = rows->Text(r, "contype");
    if (!rows->Bool(r, "convalidated")) {
      import.catalog.warnings.push_back("constraint " + name + " on " + table->QualifiedName() +
                                        " is NOT VALID: imported as if it were validated");
    }
    if (type == "p") {
      table->primary_key = Constraint{name, std::move(*columns)};
    } else if (type == "u") {
      table->unique_constraints.push_back(Constraint{name, std::move(*columns)});
    } else if (type == "f") {
      ForeignKey key;
      key.name = name;
      key.columns = std::move(*columns);
      key.ref_schema = rows->Text(r, "ref_schema");
      key.ref_table = rows->Text(r, "ref_table");
      key.ref_columns = std::move(*ref_columns);
      table->foreign_keys.push_back(std::move(key));
    } else {
      table->checks.push_back(CheckConstraint{name, rows->Text(r, "check_expr")});
    }
  }
  return Ok{};
}

}  // namespace

Status ReadTables(PgImport& import) {
  // Relations first: the column and constraint rows are attached to them by oid.
  if (Status status = ReadRelations(import); !status) return status;
  if (Status status = ReadColumns(import); !status) return status;
  return ReadConstraints(import);
}

}  // namespace dbopt::catalog
