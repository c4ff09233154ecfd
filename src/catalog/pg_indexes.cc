// Indexes from pg_index, pg_class and pg_am: keys (columns or expressions), INCLUDE columns,
// ordering options, operator classes, collations, predicate and size; B-tree heights from the
// metapage through pageinspect when that is installed and usable, estimated otherwise.
#include <string>
#include <vector>

#include "dbopt/catalog/pg_array.h"
#include "dbopt/catalog/pg_btree_height.h"
#include "pg_reader.h"

namespace dbopt::catalog {

namespace {

// pg_index.indoption bits (PG15 src/include/catalog/pg_index.h).
constexpr int64_t kIndexOptionDesc = 0x0001;
constexpr int64_t kIndexOptionNullsFirst = 0x0002;

// pages: the physical size (pg15-cost-model.md 2.2); partitioned indexes (relkind 'I') have no
// storage. The backing constraint is the one on the same table that names this index.
constexpr char kIndexesSql[] = R"sql(
SELECT i.indexrelid, n.nspname, ic.relname, tc.relname AS table_name, am.amname, ic.relkind,
       i.indisunique, i.indisprimary, i.indisvalid, i.indnkeyatts,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate, ic.reltuples,
       CASE WHEN ic.relkind = 'i'
            THEN pg_catalog.pg_relation_size(ic.oid)
                 / pg_catalog.current_setting('block_size')::bigint
            ELSE 0 END AS pages,
       (SELECT con.conname FROM pg_catalog.pg_constraint con
        WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
          AND con.contype IN ('p', 'u', 'x')) AS constraint_name
FROM rels
JOIN pg_catalog.pg_index i ON i.indrelid = rels.oid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
ORDER BY n.nspname, ic.relname
)sql";

// One row per index column, key columns first (indkey order). indoption, indclass and
// indcollation cover the key columns only. An operator class is named only when it is not the
// default for its type; a collation only when it differs from the column's (for expressions:
// from the database default, oid 100).
constexpr char kIndexKeysSql[] = R"sql(
SELECT i.indexrelid, k.ord, a.attname,
       CASE WHEN i.indkey[k.ord - 1] = 0
            THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord, true) END AS expression,
       COALESCE(i.indoption[k.ord - 1], 0) AS options,
       CASE WHEN opc.opcdefault THEN NULL
            WHEN opn.nspname = 'pg_catalog' THEN opc.opcname::text
            ELSE opn.nspname || '.' || opc.opcname END AS opclass,
       CASE WHEN co.oid IS NULL THEN NULL
            WHEN cn.nspname = 'pg_catalog' THEN co.collname::text
            ELSE cn.nspname || '.' || co.collname END AS collation
FROM rels
JOIN pg_catalog.pg_index i ON i.indrelid = rels.oid
CROSS JOIN LATERAL pg_catalog.generate_series(1, i.indnatts::int) AS k(ord)
LEFT JOIN pg_catalog.pg_attribute a
       ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1] AND a.attnum > 0
LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.ord - 1]
LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace
LEFT JOIN pg_catalog.pg_collation co
       ON co.oid = i.indcollation[k.ord - 1]
      AND co.oid <> COALESCE(a.attcollation, 100)
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
ORDER BY i.indexrelid, k.ord
)sql";

constexpr char kPageinspectSql[] = R"sql(
SELECT n.nspname
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'pageinspect'
)sql";

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// What the later steps need to know about the indexes read.
struct IndexFacts {
  std::map<uint32_t, int64_t> key_columns;  // indnkeyatts by index oid
  std::vector<uint32_t> btrees;             // B-trees with storage, by oid
};

Status ReadIndexRows(PgImport& import, IndexFacts* facts) {
  Result<PgRows> rows =
      import.session->Query("indexes", std::string(kUserRelationsCte) + kIndexesSql);
  if (!rows) return std::move(rows).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    Index index;
    index.schema = rows->Text(r, "nspname");
    index.name = rows->Text(r, "relname");
    index.table = rows->Text(r, "table_name");
    if (!rows->Bool(r, "indisvalid")) {
      import.catalog.warnings.push_back(
          "index " + index.schema + "." + index.name +
          " is invalid (an interrupted CREATE INDEX CONCURRENTLY?): not imported, the planner "
          "ignores it");
      continue;
    }
    index.method = rows->Text(r, "amname");
    index.unique = rows->Bool(r, "indisunique");
    index.primary = rows->Bool(r, "indisprimary");
    index.constraint = rows->Text(r, "constraint_name");
    index.predicate = rows->OptionalText(r, "predicate");
    index.pages = rows->Int(r, "pages");
    index.tuples = rows->Double(r, "reltuples");
    const auto oid = static_cast<uint32_t>(rows->Int(r, "indexrelid"));
    facts->key_columns[oid] = rows->Int(r, "indnkeyatts");
    if (index.method == "btree" && rows->Text(r, "relkind") == "i") facts->btrees.push_back(oid);
    import.index_by_oid[oid] = import.catalog.indexes.size();
    import.catalog.indexes.push_back(std::move(index));
  }
  return Ok{};
}

Status ReadIndexKeys(PgImport& import, const IndexFacts& facts) {
  Result<PgRows> rows =
      import.session->Query("index columns", std::string(kUserRelationsCte) + kIndexKeysSql);
  if (!rows) return std::move(rows).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    const auto oid = static_cast<uint32_t>(rows->Int(r, "indexrelid"));
    const auto it = import.index_by_oid.find(oid);
    if (it == import.index_by_oid.end()) continue;  // an invalid index, reported above
    Index& index = import.catalog.indexes[it->second];
    if (rows->Int(r, "ord") > facts.key_columns.at(oid)) {
      index.include.push_back(rows->Text(r, "attname"));
      continue;
    }
    IndexKey key;
    if (rows->IsNull(r, "expression")) {
      key.column = rows->Text(r, "attname");
    } else {
      key.expression = rows->Text(r, "expression");
    }
    // nulls_first is recorded only when it differs from the direction's default
    // (ASC NULLS LAST, DESC NULLS FIRST).
    const int64_t options = rows->Int(r, "options");
    key.descending = (options & kIndexOptionDesc) != 0;
    const bool nulls_first = (options & kIndexOptionNullsFirst) != 0;
    if (nulls_first != key.descending) key.nulls_first = nulls_first;
    key.opclass = rows->Text(r, "opclass");
    key.collation = rows->Text(r, "collation");
    index.keys.push_back(std::move(key));
  }
  return Ok{};
}

// Reads btm_fastlevel with pageinspect's bt_metap, all B-trees in one statement under a
// savepoint: pageinspect's functions need superuser (or a grant), and a failure must not end
// the import's transaction. False when the heights could not be read.
Result<bool> ReadHeightsFromMetapages(PgImport& import, const std::vector<uint32_t>& btrees) {
  Result<PgRows> schema = import.session->Query("the pageinspect extension", kPageinspectSql);
  if (!schema) return std::move(schema).error();
  if (schema->empty()) {
    import.catalog.warnings.push_back(
        "the pageinspect extension is not installed in this database: B-tree heights are "
        "estimated from index sizes");
    return false;
  }
  if (btrees.empty()) return true;
  std::vector<std::string> oids;
  for (const uint32_t oid : btrees) oids.push_back(std::to_string(oid));
  const std::string sql = "SELECT o.oid, (" + QuoteIdentifier(schema->Text(0, "nspname")) +
                          ".bt_metap(o.oid::pg_catalog.regclass::text)).fastlevel AS fastlevel "
                          "FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS o(oid)";
  if (Status saved = import.session->Execute("a savepoint", "SAVEPOINT dbopt_btree_height");
      !saved) {
    return std::move(saved).error();
  }
  std::string sqlstate;
  Result<PgRows> rows =
      import.session->QueryWithState("B-tree metapages", sql, {FormatPgTextArray(oids)}, &sqlstate);
  if (!rows) {
    import.catalog.warnings.push_back("pageinspect is installed but bt_metap failed (" +
                                      rows.error().message() +
                                      "): B-tree heights are estimated from index sizes");
    Status restored =
        import.session->Execute("a savepoint", "ROLLBACK TO SAVEPOINT dbopt_btree_height");
    if (!restored) return std::move(restored).error();
    return false;
  }
  Status released = import.session->Execute("a savepoint", "RELEASE SAVEPOINT dbopt_btree_height");
  if (!released) return std::move(released).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    Index& index =
        import.catalog.indexes[import.index_by_oid.at(static_cast<uint32_t>(rows->Int(r, "oid")))];
    index.tree_height = static_cast<int>(rows->Int(r, "fastlevel"));
    index.height_estimated = false;
  }
  return true;
}

}  // namespace

Status ReadIndexes(PgImport& import) {
  IndexFacts facts;
  if (Status status = ReadIndexRows(import, &facts); !status) return status;
  if (Status status = ReadIndexKeys(import, facts); !status) return status;
  Result<bool> from_metapages = ReadHeightsFromMetapages(import, facts.btrees);
  if (!from_metapages) return std::move(from_metapages).error();
  if (!*from_metapages) {
    for (const uint32_t oid : facts.btrees) {
      Index& index = import.catalog.indexes[import.index_by_oid.at(oid)];
      index.tree_height = EstimateBtreeHeight(index.pages, index.tuples);
      index.height_estimated = true;
    }
  }
  return Ok{};
}

}  // namespace dbopt::catalog
