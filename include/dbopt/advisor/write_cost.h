// What an index costs the workload's writes, in the planner's cost units.
//
// Inserting one entry into a btree index of N entries and height H (leaf level 0) costs
//   entry = cpu_index_tuple_cost
//         + cpu_operator_cost · (ceil(log2 N) + 50 · (H + 1))      descent, as btcostestimate
//         + random_page_cost · (1 − c²) + seq_page_cost · c² / E    the leaf page written back
// where c is the leading key column's correlation (0 when unknown: random keys dirty a leaf page
// per entry; c = ±1: entries arrive in key order and fill one page after the other, E entries
// per leaf page), interpolated with c² as cost_index does between random and sequential I/O.
//   INSERT of r rows:  r · entry per index (a partial index: r · its share of the rows)
//   UPDATE of r rows:  0 while every update can be HOT (no index covers an assigned column);
//                      otherwise r · entry for every index of the table (a non-HOT update
//                      inserts a new entry into each one)
//   DELETE of r rows:  r · cpu_index_tuple_cost per index (VACUUM removing the entries later)
#pragma once

#include <string>
#include <vector>

#include "dbopt/advisor/column_usage.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/cost/params.h"

namespace dbopt::advisor {

double IndexEntryCost(const catalog::Table& table, const catalog::Index& index,
                      const cost::CostParams& params);

// True when the index holds one of `columns` (a key, INCLUDE column, or a column named in an
// expression key or the predicate).
bool IndexCoversColumn(const catalog::Index& index, const std::vector<std::string>& columns);

// The maintenance cost of one execution of a DML statement (target usage) writing `rows` rows,
// over the given indexes of its target table.
double MaintenanceCost(const TableUsage& target, double rows,
                       const std::vector<const catalog::Index*>& indexes,
                       const cost::CostParams& params);

}  // namespace dbopt::advisor
