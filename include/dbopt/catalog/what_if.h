// What-ifs over a catalog: hypothetical indexes (`--index "CREATE INDEX ..."`) sized by a btree
// size model, and hidden indexes (`--drop-index NAME`). The planner then sees the changed
// catalog as if it were real; nothing is written anywhere.
#pragma once

#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::catalog {

struct WhatIf {
  std::vector<std::string> create_indexes;  // CREATE INDEX statements
  std::vector<std::string> drop_indexes;    // index names, optionally schema-qualified
};

// A copy of base with the hypothetical indexes added (named as PostgreSQL would name them when
// the statement has no name) and the dropped ones removed. Unknown tables, columns or index
// names are errors with a suggestion.
Result<Catalog> ApplyWhatIf(const Catalog& base, const WhatIf& what_if);

// The btree size model used for hypothetical indexes (docs/what-if.md):
//   entry    = MAXALIGN(8 + Σ key and INCLUDE column widths) + 4        (tuple header + line
//   pointer) leaf     = ceil(tuples / floor((8192 − 24 − 16) · fillfactor / entry)),  fillfactor
//   0.90 internal = ceil(level below / floor((8192 − 24 − 16) · 0.70 / entry)) per level, up to one
//   root pages    = 1 (metapage) + leaf + Σ internal;  tree_height = number of internal levels
// Column widths are pg_stats.avg_width, or the type's average width without statistics.
// `tuples` < 0 takes the table's reltuples; a partial index passes its predicate's share of them.
void EstimateBtreeSize(const Catalog& catalog, Index& index, double tuples = -1);

}  // namespace dbopt::catalog
