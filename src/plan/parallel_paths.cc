// Parallel paths; see parallel_paths.h.
#include "parallel_paths.h"

#include "add_path.h"
#include "costing.h"
#include "dbopt/cost/parallel_cost.h"

namespace dbopt::plan {

bool QueryAllowsParallel(const PlannerInfo& root) {
  // standard_planner: parallel plans only for SELECT, with workers allowed at all.
  return root.query->command == bind::CommandType::kSelect && !root.query->has_for_update &&
         root.params.max_parallel_workers_per_gather > 0;
}

void SetConsiderParallel(const PlannerInfo& root, RelOptInfo& rel) {
  rel.consider_parallel = false;
  if (!QueryAllowsParallel(root)) return;
  // Volatile functions are parallel-restricted or unsafe in PostgreSQL (random(), nextval()).
  for (const RestrictInfo* rinfo : rel.baserestrictinfo) {
    if (bind::ContainsVolatile(*rinfo->clause)) return;
  }
  rel.consider_parallel = true;
}

void AddPartialScanPaths(PlannerInfo& root, RelOptInfo& rel) {
  if (!rel.consider_parallel) return;
  cost::ParallelWorkerInput in;
  in.heap_pages = rel.pages;
  in.rel_parallel_workers = rel.rel_parallel_workers;
  in.max_workers = root.params.max_parallel_workers_per_gather;
  const int workers = cost::ComputeParallelWorker(root.params, in);
  if (workers <= 0) return;
  Path* path = root.NewPath();
  path->kind = PathKind::kSeqScan;
  path->parent = &rel;
  path->parallel_aware = true;
  path->parallel_safe = true;
  path->parallel_workers = workers;
  CostSeqScan(root, *path);
  AddPartialPath(rel, path);
}

Path* MakeGatherPath(PlannerInfo& root, RelOptInfo& rel, Path* partial, double rows) {
  Path* gather = root.NewPath();
  gather->kind = PathKind::kGather;
  gather->parent = &rel;
  gather->subpath = partial;
  gather->parallel_workers = partial->parallel_workers;
  gather->rows = rows;
  const cost::Cost c =
      cost::CostGather(root.params, {partial->startup_cost, partial->total_cost}, rows);
  gather->startup_cost = c.startup;
  gather->total_cost = c.total;
  return gather;
}

Path* MakeGatherMergePath(PlannerInfo& root, RelOptInfo& rel, Path* partial, double rows) {
  Path* gather = root.NewPath();
  gather->kind = PathKind::kGatherMerge;
  gather->parent = &rel;
  gather->subpath = partial;
  gather->pathkeys = partial->pathkeys;
  gather->parallel_workers = partial->parallel_workers;
  gather->rows = rows;
  const cost::Cost c = cost::CostGatherMerge(
      root.params, {partial->startup_cost, partial->total_cost}, rows, partial->parallel_workers);
  gather->startup_cost = c.startup;
  gather->total_cost = c.total;
  return gather;
}

void AddGatherPaths(PlannerInfo& root, RelOptInfo& rel, bool override_rows) {
  if (rel.partial_pathlist.empty()) return;
  Path* cheapest = rel.partial_pathlist.front();
  const double rows = override_rows ? cheapest->rows * cheapest->parallel_workers : rel.rows;
  AddPath(rel, MakeGatherPath(root, rel, cheapest, rows));
  // Gather Merge over partial paths already sorted in a way the query can use.
  for (Path* partial : rel.partial_pathlist) {
    if (partial->pathkeys.empty()) continue;
    const double r = override_rows ? partial->rows * partial->parallel_workers : rel.rows;
    AddPath(rel, MakeGatherMergePath(root, rel, partial, r));
  }
  // generate_useful_gather_paths: the cheapest partial path sorted by the query's order.
  if (!root.query_pathkeys.empty() && root.params.enable_gathermerge) {
    bool have = false;
    for (Path* partial : rel.partial_pathlist) {
      have = have || (partial->pathkeys.size() >= root.query_pathkeys.size() &&
                      std::equal(root.query_pathkeys.begin(), root.query_pathkeys.end(),
                                 partial->pathkeys.begin()));
    }
    bool keys_available = true;
    for (const PathKey& key : root.query_pathkeys) {
      const EquivalenceClass& ec = root.ecs[key.ec];
      bool found = false;
      for (const EquivalenceMember& m : ec.members) {
        found = found || (!m.is_const && !m.relids.IsEmpty() && m.relids.IsSubsetOf(rel.relids));
      }
      keys_available = keys_available && found;
    }
    if (!have && keys_available) {
      Path* sort = root.NewPath();
      sort->kind = PathKind::kSort;
      sort->parent = &rel;
      sort->subpath = cheapest;
      sort->pathkeys = root.query_pathkeys;
      sort->parallel_workers = cheapest->parallel_workers;
      sort->parallel_safe = true;
      CostSort(root, *sort, *cheapest, -1);
      AddPath(rel, MakeGatherMergePath(root, rel, sort, rows));
    }
  }
}

}  // namespace dbopt::plan
