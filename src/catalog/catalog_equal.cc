// Member-wise equality of the catalog model. Every member is compared: when a member is added
// to catalog.h it must be added here (the JSON round-trip test sets every member and would
// miss it otherwise).
#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

bool operator==(const Source& a, const Source& b) {
  return a.kind == b.kind && a.location == b.location &&
         a.server_version_num == b.server_version_num && a.server_version == b.server_version;
}

bool operator==(const Column& a, const Column& b) {
  return a.name == b.name && a.type == b.type && a.not_null == b.not_null &&
         a.default_expr == b.default_expr && a.collation == b.collation &&
         a.generated == b.generated && a.identity == b.identity;
}

bool operator==(const ColumnStats& a, const ColumnStats& b) {
  return a.null_frac == b.null_frac && a.avg_width == b.avg_width && a.n_distinct == b.n_distinct &&
         a.most_common_vals == b.most_common_vals && a.most_common_freqs == b.most_common_freqs &&
         a.histogram_bounds == b.histogram_bounds && a.correlation == b.correlation &&
         a.most_common_elems == b.most_common_elems &&
         a.most_common_elem_freqs == b.most_common_elem_freqs &&
         a.elem_count_histogram == b.elem_count_histogram;
}

bool operator==(const TableStats& a, const TableStats& b) {
  return a.reltuples == b.reltuples && a.relpages == b.relpages && a.curpages == b.curpages &&
         a.relallvisible == b.relallvisible;
}

bool operator==(const Constraint& a, const Constraint& b) {
  return a.name == b.name && a.columns == b.columns;
}

bool operator==(const ForeignKey& a, const ForeignKey& b) {
  return a.name == b.name && a.columns == b.columns && a.ref_schema == b.ref_schema &&
         a.ref_table == b.ref_table && a.ref_columns == b.ref_columns;
}

bool operator==(const CheckConstraint& a, const CheckConstraint& b) {
  return a.name == b.name && a.expr == b.expr;
}

bool operator==(const Table& a, const Table& b) {
  return a.schema == b.schema && a.name == b.name && a.kind == b.kind && a.columns == b.columns &&
         a.primary_key == b.primary_key && a.unique_constraints == b.unique_constraints &&
         a.foreign_keys == b.foreign_keys && a.checks == b.checks &&
         a.without_rowid == b.without_rowid && a.stats == b.stats &&
         a.column_stats == b.column_stats;
}

bool operator==(const IndexKey& a, const IndexKey& b) {
  return a.column == b.column && a.expression == b.expression && a.descending == b.descending &&
         a.nulls_first == b.nulls_first && a.opclass == b.opclass && a.collation == b.collation;
}

bool operator==(const Index& a, const Index& b) {
  return a.schema == b.schema && a.name == b.name && a.table == b.table && a.method == b.method &&
         a.keys == b.keys && a.include == b.include && a.unique == b.unique &&
         a.primary == b.primary && a.constraint == b.constraint && a.predicate == b.predicate &&
         a.pages == b.pages && a.tuples == b.tuples && a.tree_height == b.tree_height &&
         a.height_estimated == b.height_estimated && a.expression_stats == b.expression_stats;
}

bool operator==(const ExtendedStats& a, const ExtendedStats& b) {
  return a.schema == b.schema && a.name == b.name && a.table == b.table && a.kinds == b.kinds &&
         a.columns == b.columns && a.expressions == b.expressions && a.n_distinct == b.n_distinct &&
         a.dependencies == b.dependencies;
}

bool operator==(const Catalog& a, const Catalog& b) {
  return a.source == b.source && a.settings == b.settings && a.tables == b.tables &&
         a.indexes == b.indexes && a.extended_stats == b.extended_stats && a.warnings == b.warnings;
}

}  // namespace dbopt::catalog
