// Statistics the advisor infers where the catalog has none. A SQLite file only has statistics
// for indexed columns (sqlite_stat1), so the columns an advisor must judge — the ones without an
// index yet — would get PostgreSQL's default of 200 distinct values, however large the table.
// A single-column foreign key bounds that: its column holds at most as many distinct values as
// the referenced table has rows, and a key column of a child table usually references most of
// them. For such a column without statistics:
//   n_distinct = min(referenced reltuples, reltuples)        (as a count of values)
// Nothing else is invented; every inference is reported as a note.
#pragma once

#include <string>
#include <vector>

#include "dbopt/catalog/catalog.h"

namespace dbopt::advisor {

// A copy of `catalog` with the inferred n_distinct values; `notes` gets one line per column.
catalog::Catalog WithInferredStats(const catalog::Catalog& catalog,
                                   std::vector<std::string>& notes);

}  // namespace dbopt::advisor
