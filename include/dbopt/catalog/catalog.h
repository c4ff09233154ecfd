// The catalog: schema and planner statistics, as PostgreSQL's planner sees them.
// Statistic names follow pg_class / pg_stats (and PG 18's pg_restore_*_stats arguments),
// so a catalog can be compared with, or replayed into, a real server.
// The JSON form is documented in docs/catalog-format.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/catalog/settings.h"

namespace dbopt::catalog {

// Where a catalog came from. Never holds a password.
struct Source {
  std::string kind;            // "json" | "sqlite" | "ddl" | "postgres"
  std::string location;        // file path, or a conninfo with the password removed
  int server_version_num = 0;  // e.g. 150020 for PostgreSQL 15.20; 0 when not known
  std::string server_version;  // e.g. "15.20" or "3.40.1" (SQLite)
};

struct Column {
  std::string name;
  std::string
      type;  // as format_type() prints it: "integer", "character varying(25)", "numeric(15,2)"
  bool not_null = false;
  std::optional<std::string> default_expr;  // SQL text of the DEFAULT expression
  std::optional<std::string> collation;     // only when not the default
  std::optional<std::string> generated;     // SQL text of GENERATED ALWAYS AS (...) STORED
  bool identity = false;                    // GENERATED ... AS IDENTITY, serial-like
};

// pg_stats, one row per column (inherited = false). Values are kept as text in the column
// type's output syntax, exactly as PostgreSQL prints them, so they round-trip losslessly.
struct ColumnStats {
  double null_frac = 0;
  int avg_width = 0;
  // > 0: number of distinct values; < 0: minus the fraction of rows (-1 = unique);
  // 0: unknown.
  double n_distinct = 0;
  std::vector<std::string> most_common_vals;
  std::vector<double> most_common_freqs;
  std::vector<std::string> histogram_bounds;
  std::optional<double> correlation;
  // Array and tsvector columns.
  std::vector<std::string> most_common_elems;
  std::vector<double> most_common_elem_freqs;
  std::vector<double> elem_count_histogram;

  // The number of distinct values among `rows` rows (n_distinct resolved); 0: unknown.
  double DistinctCount(double rows) const {
    return n_distinct < 0 ? -n_distinct * rows : n_distinct;
  }
};

// pg_class for a table, plus the physical size that PostgreSQL's planner really uses.
struct TableStats {
  double reltuples = -1;  // -1: never vacuumed or analysed (PG 14+)
  int64_t relpages = 0;
  int64_t curpages = 0;  // pg_relation_size / block_size at import time
  int64_t relallvisible = 0;
};

struct Constraint {
  std::string name;  // may be empty when the source does not name it
  std::vector<std::string> columns;
};

struct ForeignKey {
  std::string name;
  std::vector<std::string> columns;
  std::string ref_schema;  // empty: the referencing table's schema
  std::string ref_table;
  std::vector<std::string> ref_columns;  // empty: the referenced table's primary key
};

struct CheckConstraint {
  std::string name;
  std::string expr;  // SQL text
};

struct Table {
  std::string schema = "public";
  std::string name;
  std::string kind = "table";  // "table" | "partitioned" | "view" | "matview" | "foreign"
  std::vector<Column> columns;
  std::optional<Constraint> primary_key;
  std::vector<Constraint> unique_constraints;
  std::vector<ForeignKey> foreign_keys;
  std::vector<CheckConstraint> checks;
  bool without_rowid = false;                       // SQLite WITHOUT ROWID
  std::optional<TableStats> stats;                  // absent: no statistics were available
  std::map<std::string, ColumnStats> column_stats;  // by column name

  // Exact match on the stored (folded) name; nullptr when there is no such column.
  const Column* FindColumn(const std::string& column) const;
  std::string QualifiedName() const { return schema + "." + name; }
  // pg_class.reltuples when known (positive), else 0.
  double KnownRows() const { return stats && stats->reltuples > 0 ? stats->reltuples : 0; }
};

// One key of an index: a column or an expression.
struct IndexKey {
  std::string column;      // set for a plain column
  std::string expression;  // SQL text, set for an expression key
  bool descending = false;
  std::optional<bool> nulls_first;  // absent: the default for the direction
  std::string opclass;              // empty: the default operator class
  std::string collation;            // empty: the column's collation
};

struct Index {
  std::string schema = "public";
  std::string name;
  std::string table;             // in the same schema as the index
  std::string method = "btree";  // btree | hash | gin | gist | spgist | brin
  std::vector<IndexKey> keys;
  std::vector<std::string> include;  // INCLUDE columns (btree, gist, spgist)
  bool unique = false;
  bool primary = false;                  // backs the primary key
  std::string constraint;                // name of the constraint it backs, if any
  std::optional<std::string> predicate;  // partial index: SQL text of WHERE
  int64_t pages = 0;                     // physical size in blocks
  double tuples = -1;                    // pg_class.reltuples of the index; -1: unknown
  int tree_height = -1;                  // btree metapage fastlevel; -1: unknown / not btree
  bool height_estimated = false;         // tree_height was estimated, not read from the metapage
  // Index expressions have statistics of their own (pg_stats rows keyed by the index name).
  std::map<std::string, ColumnStats> expression_stats;
};

// CREATE STATISTICS objects and, when analysed, their data (pg_stats_ext).
struct ExtendedStats {
  std::string schema = "public";
  std::string name;
  std::string table;
  std::vector<std::string> kinds;  // "ndistinct", "dependencies", "mcv", "expressions"
  std::vector<std::string> columns;
  std::vector<std::string> expressions;  // SQL text
  // Analysed data, as pg_stats_ext prints it (text), empty when not analysed.
  std::string n_distinct;    // e.g. {"1, 2": 4, ...}
  std::string dependencies;  // e.g. {"1 => 2": 1.0, ...}
};

struct Catalog {
  Source source;
  Settings settings;  // PostgreSQL 15 defaults unless the source says otherwise
  std::vector<Table> tables;
  std::vector<Index> indexes;
  std::vector<ExtendedStats> extended_stats;
  std::vector<std::string> warnings;  // e.g. "table orders was never analysed: default statistics"

  // Lookup by name in SQL syntax (see identifier.h: unquoted names fold to lower case):
  // "name" searches the "public" schema, then any schema where exactly one table has that
  // name; "schema.name" is exact. nullptr when not found or ambiguous.
  const Table* FindTable(const std::string& name) const;
  // Exact lookup of stored names; an empty schema searches as above.
  const Table* FindTable(const std::string& schema, const std::string& name) const;
  // As FindTable(name), with a message when not found (with a "did you mean") or ambiguous.
  Result<const Table*> ResolveTable(const std::string& name) const;
  // The table's indexes, in catalog order (loaders keep PostgreSQL's index OID order).
  std::vector<const Index*> IndexesOf(const Table& table) const;
};

// Member-wise equality (doubles compare with ==), used to check JSON round trips.
bool operator==(const Source& a, const Source& b);
bool operator==(const Column& a, const Column& b);
bool operator==(const ColumnStats& a, const ColumnStats& b);
bool operator==(const TableStats& a, const TableStats& b);
bool operator==(const Constraint& a, const Constraint& b);
bool operator==(const ForeignKey& a, const ForeignKey& b);
bool operator==(const CheckConstraint& a, const CheckConstraint& b);
bool operator==(const Table& a, const Table& b);
bool operator==(const IndexKey& a, const IndexKey& b);
bool operator==(const Index& a, const Index& b);
bool operator==(const ExtendedStats& a, const ExtendedStats& b);
bool operator==(const Catalog& a, const Catalog& b);
inline bool operator!=(const Source& a, const Source& b) { return !(a == b); }
inline bool operator!=(const Column& a, const Column& b) { return !(a == b); }
inline bool operator!=(const ColumnStats& a, const ColumnStats& b) { return !(a == b); }
inline bool operator!=(const TableStats& a, const TableStats& b) { return !(a == b); }
inline bool operator!=(const Constraint& a, const Constraint& b) { return !(a == b); }
inline bool operator!=(const ForeignKey& a, const ForeignKey& b) { return !(a == b); }
inline bool operator!=(const CheckConstraint& a, const CheckConstraint& b) { return !(a == b); }
inline bool operator!=(const Table& a, const Table& b) { return !(a == b); }
inline bool operator!=(const IndexKey& a, const IndexKey& b) { return !(a == b); }
inline bool operator!=(const Index& a, const Index& b) { return !(a == b); }
inline bool operator!=(const ExtendedStats& a, const ExtendedStats& b) { return !(a == b); }
inline bool operator!=(const Catalog& a, const Catalog& b) { return !(a == b); }

}  // namespace dbopt::catalog
