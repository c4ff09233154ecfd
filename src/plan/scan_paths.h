// Access paths of a base rel (PostgreSQL's allpaths.c set_plain_rel_pathlist and indxpath.c
// create_index_paths): a sequential scan, index scans and index-only scans for indexes with
// usable clauses or a useful sort order, and bitmap heap scans over one or more indexes.
// Parameterized index paths for the inner side of nested loops are made in join_paths.cc
// through MakeParameterizedIndexPaths.
#pragma once

#include <vector>

#include "planner_info.h"

namespace dbopt::plan {

void AddBaseRelPaths(PlannerInfo& root, RelOptInfo& rel);

// Index paths of `rel` that use join clauses with rels in `outer` as index conditions, costed
// for get_loop_count's repetitions (from the base rels they take parameters from); their rows
// are per loop.
std::vector<Path*> MakeParameterizedIndexPaths(PlannerInfo& root, RelOptInfo& rel,
                                               const Relids& outer);

// build_index_pathkeys: the sort order an index scan in `direction` delivers, truncated at the
// first column without an equivalence class (useless for the query).
PathKeys IndexPathKeys(PlannerInfo& root, const IndexInfo& index, ScanDirection direction);

}  // namespace dbopt::plan
