// Per-column statistics from pg_stats, for tables and for expression indexes (whose pg_stats
// rows carry the index name as tablename). The anyarray columns arrive as array literals in
// the column type's output syntax and are split with the element type's delimiter.
#include <string>

#include "dbopt/catalog/pg_array.h"
#include "pg_reader.h"

namespace dbopt::catalog {

namespace {

// pg_stats has no oids: it is joined back to pg_class by (schema, relation, column) names.
// inherited = false except for partitioned tables, which only have inherited statistics (the
// ones the planner uses for them). Element arrays (most_common_elems) of array columns use the
// element type's delimiter; tsvector lexemes are text.
constexpr char kColumnStatsSql[] = R"sql(
SELECT c.oid AS relid, c.relkind, s.attname, s.null_frac, s.avg_width, s.n_distinct,
       s.most_common_vals::text AS most_common_vals,
       s.most_common_freqs::text AS most_common_freqs,
       s.histogram_bounds::text AS histogram_bounds, s.correlation,
       s.most_common_elems::text AS most_common_elems,
       s.most_common_elem_freqs::text AS most_common_elem_freqs,
       s.elem_count_histogram::text AS elem_count_histogram,
       t.typdelim AS delimiter,
       CASE WHEN t.typcategory = 'A' THEN et.typdelim ELSE ',' END AS elem_delimiter
FROM pg_catalog.pg_stats s
JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = s.attname
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem
WHERE s.inherited = (c.relkind = 'p')
  AND (c.oid IN (SELECT oid FROM rels)
       OR c.oid IN (SELECT i.indexrelid FROM pg_catalog.pg_index i
                    WHERE i.indrelid IN (SELECT oid FROM rels)))
ORDER BY c.oid, a.attnum
)sql";

class StatsRow {
 public:
  StatsRow(const PgRows& rows, size_t row, std::string where)
      : rows_(rows), row_(row), where_(std::move(where)) {}

  Result<ColumnStats> Read() const {
    ColumnStats stats;
    stats.null_frac = rows_.Double(row_, "null_frac");
    stats.avg_width = static_cast<int>(rows_.Int(row_, "avg_width"));
    stats.n_distinct = rows_.Double(row_, "n_distinct");
    if (!rows_.IsNull(row_, "correlation")) stats.correlation = rows_.Double(row_, "correlation");
    const char delimiter = Delimiter("delimiter");
    const char elem_delimiter = Delimiter("elem_delimiter");
    if (Status s = Values("most_common_vals", delimiter, &stats.most_common_vals); !s)
      return s.error();
    if (Status s = Values("histogram_bounds", delimiter, &stats.histogram_bounds); !s)
      return s.error();
    if (Status s = Values("most_common_elems", elem_delimiter, &stats.most_common_elems); !s) {
      return s.error();
    }
    if (Status s = Numbers("most_common_freqs", &stats.most_common_freqs); !s) return s.error();
    if (Status s = Numbers("most_common_elem_freqs", &stats.most_common_elem_freqs); !s) {
      return s.error();
    }
    if (Status s = Numbers("elem_count_histogram", &stats.elem_count_histogram); !s) {
      return s.error();
    }
    return stats;
  }

 private:
  char Delimiter(const char* column) const {
    const std::string& text = rows_.Text(row_, column);
    return text.size() == 1 ? text[0] : ',';
  }

  Error Bad(const char* column, const Error& error) const {
    return Error::Io("pg_stats." + std::string(column) + " of " + where_ + ": " + error.message());
  }

  Status Values(const char* column, char delimiter, std::vector<std::string>* out) const {
    if (rows_.IsNull(row_, column)) return Ok{};
    Result<std::vector<std::string>> values = ParsePgTextArray(rows_.Text(row_, column), delimiter);
    if (!values) return Bad(column, values.error());
    *out = std::move(*values);
    return Ok{};
  }

  Status Numbers(const char* column, std::vector<double>* out) const {
    if (rows_.IsNull(row_, column)) return Ok{};
    Result<std::vector<double>> values = ParsePgFloatArray(rows_.Text(row_, column));
    if (!values) return Bad(column, values.error());
    *out = std::move(*values);
    return Ok{};
  }

  const PgRows& rows_;
  size_t row_;
  std::string where_;
};

}  // namespace

Status ReadColumnStats(PgImport& import) {
  Result<PgRows> rows =
      import.session->Query("column statistics", std::string(kUserRelationsCte) + kColumnStatsSql);
  if (!rows) return std::move(rows).error();
  for (size_t r = 0; r < rows->size(); ++r) {
    const auto oid = static_cast<uint32_t>(rows->Int(r, "relid"));
    const std::string column = rows->Text(r, "attname");
    const auto table = import.table_by_oid.find(oid);
    const auto index = import.index_by_oid.find(oid);
    std::map<std::string, ColumnStats>* target = nullptr;
    std::string where;
    if (table != import.table_by_oid.end()) {
      Table& t = import.catalog.tables[table->second];
      target = &t.column_stats;
      where = t.QualifiedName() + "." + column;
    } else if (index != import.index_by_oid.end()) {
      Index& i = import.catalog.indexes[index->second];
      target = &i.expression_stats;
      where = i.schema + "." + i.name + "." + column;
    } else if (rows->Text(r, "relkind") == "i") {
      continue;  // an invalid index: not imported, with a warning
    } else {
      return Error::Internal("PostgreSQL import: statistics of a relation that was not listed");
    }
    Result<ColumnStats> stats = StatsRow(*rows, r, where).Read();
    if (!stats) return std::move(stats).error();
    (*target)[column] = std::move(*stats);
  }
  return Ok{};
}

}  // namespace dbopt::catalog
