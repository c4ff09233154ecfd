// Foreign-key bounds for columns without statistics; see inferred_stats.h.
#include "dbopt/advisor/inferred_stats.h"

#include <algorithm>

#include <fmt/format.h>

namespace dbopt::advisor {

catalog::Catalog WithInferredStats(const catalog::Catalog& catalog,
                                   std::vector<std::string>& notes) {
  catalog::Catalog out = catalog;
  for (catalog::Table& table : out.tables) {
    const double rows = table.KnownRows();
    if (rows <= 0) continue;
    for (const catalog::ForeignKey& fk : table.foreign_keys) {
      if (fk.columns.size() != 1) continue;
      const std::string& column = fk.columns[0];
      auto it = table.column_stats.find(column);
      if (it != table.column_stats.end() && it->second.n_distinct != 0) continue;
      const catalog::Table* parent =
          catalog.FindTable(fk.ref_schema.empty() ? table.schema : fk.ref_schema, fk.ref_table);
      if (parent == nullptr || parent->KnownRows() <= 0) continue;
      const double distinct = std::min(parent->KnownRows(), rows);
      catalog::ColumnStats& stats = table.column_stats[column];
      stats.n_distinct = distinct;
      notes.push_back(fmt::format(
          "{}.{} has no statistics: {:.0f} distinct values assumed from its foreign key to {}",
          table.name, column, distinct, parent->name));
    }
  }
  return out;
}

}  // namespace dbopt::advisor
