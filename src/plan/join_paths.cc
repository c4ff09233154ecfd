// Join paths; see join_paths.h.
#include "join_paths.h"

#include "add_path.h"
#include "costing.h"
#include "dbopt/stats/estimator.h"
#include "distribute_quals.h"
#include "equivalence.h"
#include "scan_paths.h"
#include "unique_paths.h"

namespace dbopt::plan {
namespace {

// swapped: the join's nullable side is the outer input, so a LEFT join runs as a RIGHT join.
JoinType PlanJoinType(const SpecialJoinInfo* sj, bool swapped) {
  if (sj == nullptr) return JoinType::kInner;
  switch (sj->estimation.join_type) {
    case bind::JoinType::kLeft:
      return swapped ? JoinType::kRight : JoinType::kLeft;
    case bind::JoinType::kSemi:
      return JoinType::kSemi;
    case bind::JoinType::kAnti:
      return JoinType::kAnti;
    case bind::JoinType::kFull:
      return JoinType::kFull;
    default:
      return JoinType::kInner;
  }
}

struct JoinInputs {
  PlannerInfo& root;
  RelOptInfo& joinrel;
  RelOptInfo& outer;
  RelOptInfo& inner;
  const SpecialJoinInfo* sj;
  std::vector<const RestrictInfo*> restrict;  // every clause evaluated at this join
  bool inner_unique = false;
  bool swapped = false;  // outer join run from its nullable side (RIGHT)
  SemiUnique unique = SemiUnique::kNone;
  // The cheapest inputs: a rel's cheapest total path, or its unique-ified form.
  Path* outer_total = nullptr;
  Path* inner_total = nullptr;
};

Path* NewJoinPath(JoinInputs& in, PathKind kind, Path* outer, Path* inner) {
  Path* path = in.root.NewPath();
  path->kind = kind;
  path->parent = &in.joinrel;
  path->join_type =
      in.unique == SemiUnique::kNone ? PlanJoinType(in.sj, in.swapped) : JoinType::kInner;
  path->outer = outer;
  path->inner = inner;
  path->join_restrict = in.restrict;
  path->rows = in.joinrel.rows;
  path->required_outer =
      outer->required_outer.Union(inner->required_outer).Minus(in.joinrel.relids);
  path->inner_unique = in.inner_unique;
  path->parallel_safe =
      in.joinrel.consider_parallel && outer->parallel_safe && inner->parallel_safe;
  return path;
}

// The clauses usable as hash or merge clauses: equalities with one side in each input.
std::vector<const RestrictInfo*> EquiClauses(const JoinInputs& in) {
  std::vector<const RestrictInfo*> out;
  for (const RestrictInfo* rinfo : in.restrict) {
    if (!rinfo->hashjoinable) continue;
    const bool forward = rinfo->left_relids.IsSubsetOf(in.outer.relids) &&
                         rinfo->right_relids.IsSubsetOf(in.inner.relids);
    const bool backward = rinfo->left_relids.IsSubsetOf(in.inner.relids) &&
                          rinfo->right_relids.IsSubsetOf(in.outer.relids);
    if (forward || backward) out.push_back(rinfo);
  }
  return out;
}

void AddHashJoin(JoinInputs& in, Path* outer, Path* inner,
                 const std::vector<const RestrictInfo*>& hash_clauses, bool partial = false,
                 bool parallel_hash = false) {
  Path* path = NewJoinPath(in, PathKind::kHashJoin, outer, inner);
  path->path_clauses = hash_clauses;
  if (partial) {
    path->parallel_workers = outer->parallel_workers;
    path->parallel_safe = true;
    path->parallel_aware = parallel_hash;
  }
  CostHashJoin(in.root, *path, in.sj);
  if (partial) {
    AddPartialPath(in.joinrel, path);
  } else {
    AddPath(in.joinrel, path);
  }
}

void AddNestLoop(JoinInputs& in, Path* outer, Path* inner, bool partial = false) {
  Path* path = NewJoinPath(in, PathKind::kNestLoop, outer, inner);
  if (partial) {
    path->parallel_workers = outer->parallel_workers;
    path->parallel_safe = true;
  }
  // Clauses the parameterized inner enforces as index conditions are not rechecked above it.
  if (!inner->required_outer.IsEmpty()) {
    const Path* scan = inner->kind == PathKind::kMemoize ? inner->subpath : inner;
    std::vector<const RestrictInfo*> rest;
    for (const RestrictInfo* rinfo : in.restrict) {
      bool used = false;
      for (const IndexClause& ic : scan->index_clauses) used = used || ic.rinfo == rinfo;
      // EC-derived join clauses are regenerated per join: compare by parent class.
      for (const IndexClause& ic : scan->index_clauses) {
        used = used || (rinfo->parent_ec >= 0 && ic.rinfo->parent_ec == rinfo->parent_ec);
      }
      if (!used) rest.push_back(rinfo);
    }
    path->join_restrict = rest;
  }
  CostNestLoop(in.root, *path, in.sj, &in.restrict);
  if (partial) {
    AddPartialPath(in.joinrel, path);
  } else {
    AddPath(in.joinrel, path);
  }
}

// The sort order each input of a merge join needs: per merge clause, the equivalence class of
// the clause's side that input computes (initialize_mergeclause_eclasses: an outer join's
// clause is not in a shared class, so each side gets its own).
PathKeys MergeKeys(PlannerInfo& root, const std::vector<const RestrictInfo*>& clauses,
                   const Relids& side) {
  PathKeys keys;
  for (const RestrictInfo* rinfo : clauses) {
    int ec = rinfo->parent_ec;
    if (ec < 0) {
      const bool left = rinfo->left_relids.IsSubsetOf(side);
      ec = GetEquivalenceClass(root, *rinfo->clause->args[left ? 0 : 1]);
    }
    PathKey key;
    key.ec = ec;
    keys.push_back(key);
  }
  return keys;
}

void AddMergeJoin(JoinInputs& in, Path* outer, Path* inner,
                  const std::vector<const RestrictInfo*>& merge_clauses) {
  Path* path = NewJoinPath(in, PathKind::kMergeJoin, outer, inner);
  path->path_clauses = merge_clauses;
  const PathKeys outer_keys = MergeKeys(in.root, merge_clauses, in.outer.relids);
  const PathKeys inner_keys = MergeKeys(in.root, merge_clauses, in.inner.relids);
  if (!PathKeysContain(outer->pathkeys, outer_keys)) path->outer_sort_keys = outer_keys;
  if (!PathKeysContain(inner->pathkeys, inner_keys)) path->inner_sort_keys = inner_keys;
  path->pathkeys = outer_keys;
  CostMergeJoin(in.root, *path, in.sj);
  AddPath(in.joinrel, path);
}

// The partial (parallel) join paths: the outer side is a partial path, the inner either a
// parallel-safe complete path every worker scans (a per-worker hash table or a nested loop's
// inner), or — for a Parallel Hash — a partial path whose rows all workers load into one shared
// hash table (hash_inner_and_outer, consider_parallel_nestloop).
void AddPartialJoinPaths(JoinInputs& in, const std::vector<const RestrictInfo*>& equi) {
  if (!in.joinrel.consider_parallel || in.outer.partial_pathlist.empty()) return;
  // PG15 builds no partial RIGHT or FULL joins (Parallel Hash Right/Full Join came in 16), and
  // none over a unique-ified outer (a partial path's rows cannot be made unique).
  const bool right_or_full =
      in.swapped || (in.sj != nullptr && (in.sj->estimation.join_type == bind::JoinType::kFull ||
                                          in.sj->estimation.join_type == bind::JoinType::kRight));
  if (right_or_full || in.unique == SemiUnique::kOuter) return;
  const bool unique_inner = in.unique == SemiUnique::kInner;
  Path* outer = in.outer.partial_pathlist.front();
  Path* safe_inner = in.inner_total;
  if (safe_inner != nullptr && !safe_inner->parallel_safe) safe_inner = nullptr;
  if (!equi.empty() && in.root.params.enable_hashjoin) {
    // A shared (Parallel Hash) table cannot be unique-ified.
    if (!unique_inner && !in.inner.partial_pathlist.empty() &&
        in.root.params.enable_parallel_hash) {
      AddHashJoin(in, outer, in.inner.partial_pathlist.front(), equi, true, true);
    }
    if (safe_inner != nullptr) AddHashJoin(in, outer, safe_inner, equi, true);
  }
  // consider_parallel_nestloop: a unique-ified inner only in its one (unparameterized) form.
  if (unique_inner) {
    if (safe_inner != nullptr) AddNestLoop(in, outer, safe_inner, true);
    return;
  }
  for (Path* inner : in.inner.pathlist) {
    if (!inner->parallel_safe) continue;
    if (!inner->required_outer.IsEmpty()) continue;  // parameterized inners: below
    AddNestLoop(in, outer, inner, true);
  }
  if (in.inner.kind == RelKind::kBase) {
    for (Path* param : MakeParameterizedIndexPaths(in.root, in.inner, in.outer.relids)) {
      param->parallel_safe = true;
      AddNestLoop(in, outer, param, true);
    }
  }
}

// get_memoize_path: a Memoize over a parameterized inner caches its results per distinct
// parameter value, so repeated outer keys do not rescan the inner. Only when every parameter
// clause is a hashable equality, the outer is expected to produce 2+ rows, and an inner-unique
// join is not better served by its plain form (PostgreSQL's conditions).
Path* MakeMemoizePath(JoinInputs& in, Path* outer, Path* inner) {
  PlannerInfo& root = in.root;
  if (!root.params.enable_memoize || outer->parent->rows < 2) return nullptr;
  std::vector<const BoundExpr*> keys;
  for (const IndexClause& ic : inner->index_clauses) {
    if (ic.rinfo->clause_relids.IsSubsetOf(inner->parent->relids)) continue;  // restriction
    const BoundExpr& q = *ic.index_qual;
    if (q.kind != bind::BoundKind::kOp || q.op_class != bind::OpClass::kEq) return nullptr;
    keys.push_back(q.args[1].get());  // the outer side: index quals have the key on the left
  }
  if (keys.empty()) return nullptr;
  if (in.inner_unique && keys.size() < in.restrict.size()) return nullptr;
  Path* memo = root.NewPath();
  memo->kind = PathKind::kMemoize;
  memo->parent = inner->parent;
  memo->subpath = inner;
  memo->required_outer = inner->required_outer;
  memo->rows = inner->rows;
  memo->parallel_safe = inner->parallel_safe;
  memo->cache_keys = keys;
  // create_memoize_path: a small charge for caching the first entry; rescans are costed by
  // cost_memoize_rescan in the nested loop.
  memo->startup_cost = inner->startup_cost + root.params.cpu_tuple_cost;
  memo->total_cost = inner->total_cost + root.params.cpu_tuple_cost;
  memo->memoize_calls = outer->rows;
  memo->memoize_ndistinct = stats::EstimateNumGroups(root.estimation, keys, outer->rows);
  return memo;
}

}  // namespace

void AddJoinPaths(PlannerInfo& root, RelOptInfo& joinrel, RelOptInfo& outer, RelOptInfo& inner,
                  const SpecialJoinInfo* sj, bool set_size, bool swapped, SemiUnique unique) {
  JoinInputs in{root, joinrel, outer, inner, sj, {}};
  in.swapped = swapped;
  in.unique = unique;
  if (set_size) joinrel.consider_parallel = outer.consider_parallel && inner.consider_parallel;
  in.restrict = JoinClausesFor(root, outer.relids, inner.relids);
  for (const RestrictInfo* rinfo : JoinImpliedEqualities(root, outer.relids, inner.relids)) {
    in.restrict.push_back(rinfo);
  }
  if (set_size) joinrel.rows = JoinRelRows(root, outer, inner, sj, in.restrict);
  // Inner uniqueness: unproven for semi and anti joins (the executor stops at the first match
  // anyway); a unique-ified inner is unique for an outer holding the whole left side; a
  // unique-ified outer leaves the question to the inner rel as for an inner join.
  const bool semi_or_anti = sj != nullptr && (sj->estimation.join_type == bind::JoinType::kSemi ||
                                              sj->estimation.join_type == bind::JoinType::kAnti);
  if (unique == SemiUnique::kInner) {
    in.inner_unique = sj->estimation.min_lefthand.IsSubsetOf(outer.relids);
  } else {
    in.inner_unique =
        (unique == SemiUnique::kOuter || !semi_or_anti) && InnerIsUnique(inner, in.restrict);
  }
  if (outer.cheapest_total == nullptr || inner.cheapest_total == nullptr) return;
  in.outer_total = unique == SemiUnique::kOuter ? outer.cheapest_unique : outer.cheapest_total;
  in.inner_total = unique == SemiUnique::kInner ? inner.cheapest_unique : inner.cheapest_total;
  if (in.outer_total == nullptr || in.inner_total == nullptr) return;

  const std::vector<const RestrictInfo*> equi = EquiClauses(in);
  // sort_inner_and_outer: merge join of the cheapest inputs, explicitly sorted.
  if (!equi.empty() && root.params.enable_mergejoin) {
    AddMergeJoin(in, in.outer_total, in.inner_total, equi);
  }
  // match_unsorted_outer: nested loops with the cheapest inner, a materialized inner, and
  // parameterized inner index scans; a unique-ified inner only as it is. No nested loops for
  // RIGHT or FULL joins.
  if (unique == SemiUnique::kInner) {
    AddNestLoop(in, in.outer_total, in.inner_total);
  } else if (!swapped && (sj == nullptr || sj->estimation.join_type != bind::JoinType::kFull)) {
    AddNestLoop(in, in.outer_total, inner.cheapest_total);
    if (root.params.enable_material && inner.cheapest_total->kind != PathKind::kMaterial) {
      Path* mat = root.NewPath();
      mat->kind = PathKind::kMaterial;
      mat->parent = &inner;
      mat->subpath = inner.cheapest_total;
      mat->rows = inner.cheapest_total->rows;
      mat->parallel_safe = inner.cheapest_total->parallel_safe;
      CostMaterial(root, *mat, *inner.cheapest_total);
      AddNestLoop(in, in.outer_total, mat);
    }
    if (inner.kind == RelKind::kBase) {
      for (Path* param : MakeParameterizedIndexPaths(root, inner, outer.relids)) {
        AddNestLoop(in, in.outer_total, param);
        if (Path* memo = MakeMemoizePath(in, in.outer_total, param)) {
          AddNestLoop(in, in.outer_total, memo);
        }
      }
    }
  }
  // hash_inner_and_outer.
  if (!equi.empty() && root.params.enable_hashjoin) {
    AddHashJoin(in, in.outer_total, in.inner_total, equi);
  }
  AddPartialJoinPaths(in, equi);
}

}  // namespace dbopt::plan
