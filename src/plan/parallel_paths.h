// Parallel query (PostgreSQL's allpaths.c create_plain_partial_paths, generate_gather_paths,
// generate_useful_gather_paths): partial paths that several workers run side by side, and the
// Gather / Gather Merge that collects their rows. Whether a partial plan wins is decided by cost,
// as in PostgreSQL.
#pragma once

#include "planner_info.h"

namespace dbopt::plan {

// set_rel_consider_parallel: parallel paths are possible for this query and rel.
bool QueryAllowsParallel(const PlannerInfo& root);
void SetConsiderParallel(const PlannerInfo& root, RelOptInfo& rel);

// create_plain_partial_paths: a Parallel Seq Scan with compute_parallel_worker's workers.
void AddPartialScanPaths(PlannerInfo& root, RelOptInfo& rel);

// generate_useful_gather_paths: Gather over the cheapest partial path, and Gather Merge over
// partial paths ordered usefully for the query (sorting the cheapest one when needed).
// override_rows: use the partial path's rows × workers instead of the rel's rows.
void AddGatherPaths(PlannerInfo& root, RelOptInfo& rel, bool override_rows);

// The Gather over one partial path (used by the upper planner too).
Path* MakeGatherPath(PlannerInfo& root, RelOptInfo& rel, Path* partial, double rows);
Path* MakeGatherMergePath(PlannerInfo& root, RelOptInfo& rel, Path* partial, double rows);

}  // namespace dbopt::plan
