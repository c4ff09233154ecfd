// Base rel access paths; see scan_paths.h.
#include "scan_paths.h"

#include <algorithm>

#include "add_path.h"
#include "costing.h"
#include "dbopt/cost/parallel_cost.h"
#include "dbopt/stats/estimator.h"
#include "equivalence.h"
#include "index_match.h"

namespace dbopt::plan {
namespace {

Path* NewScanPath(PlannerInfo& root, RelOptInfo& rel, PathKind kind) {
  Path* path = root.NewPath();
  path->kind = kind;
  path->parent = &rel;
  path->rows = rel.rows;
  path->parallel_safe = rel.consider_parallel;
  return path;
}

// truncate_useless_pathkeys: keep the prefix of keys that the query's ordering wants.
PathKeys UsefulPrefix(const PlannerInfo& root, const PathKeys& keys) {
  size_t n = 0;
  while (n < keys.size() && n < root.query_pathkeys.size() && keys[n] == root.query_pathkeys[n]) {
    ++n;
  }
  // pathkeys_useful_for_ordering counts only a prefix that matches the query's keys from the start.
  return PathKeys(keys.begin(), keys.begin() + static_cast<long>(n));
}

Path* MakeIndexPath(PlannerInfo& root, RelOptInfo& rel, const IndexInfo& index,
                    std::vector<IndexClause> clauses, bool index_only, ScanDirection direction,
                    PathKeys pathkeys, double loop_count, const Relids& required_outer = Relids()) {
  Path* path = NewScanPath(root, rel, index_only ? PathKind::kIndexOnlyScan : PathKind::kIndexScan);
  path->required_outer = required_outer;  // before costing: a parameterized path's rows
  path->index = &index;
  path->index_clauses = std::move(clauses);
  path->direction = direction;
  path->pathkeys = std::move(pathkeys);
  CostIndexScan(root, *path, loop_count);
  return path;
}

Path* MakeBitmapHeapPath(PlannerInfo& root, RelOptInfo& rel, Path* bitmap, double loop_count) {
  Path* path = NewScanPath(root, rel, PathKind::kBitmapHeapScan);
  path->bitmap_children.push_back(bitmap);
  path->required_outer = bitmap->required_outer;
  CostBitmapHeapScan(root, *path, loop_count);
  return path;
}

// choose_bitmap_and, simplified to PostgreSQL's first step: the candidate bitmap leaves sorted
// by cost, then greedily ANDed while each addition lowers the heap scan's total cost. As in
// PostgreSQL, a leaf whose clauses overlap the clauses already chosen is skipped: ANDing the same
// condition twice filters nothing.
Path* ChooseBitmapAnd(PlannerInfo& root, RelOptInfo& rel, std::vector<Path*> leaves,
                      double loop_count) {
  if (leaves.empty()) return nullptr;
  std::stable_sort(leaves.begin(), leaves.end(), [](const Path* a, const Path* b) {
    return a->index_total_cost < b->index_total_cost;
  });
  Path* best = leaves[0];
  Path* best_heap = MakeBitmapHeapPath(root, rel, best, loop_count);
  std::vector<Path*> chosen{best};
  std::vector<const RestrictInfo*> clauses_so_far;
  auto add_clauses = [&](const Path* leaf) {
    for (const IndexClause& c : leaf->index_clauses) clauses_so_far.push_back(c.rinfo);
  };
  add_clauses(best);
  for (size_t i = 1; i < leaves.size(); ++i) {
    const bool overlaps =
        std::any_of(leaves[i]->index_clauses.begin(), leaves[i]->index_clauses.end(),
                    [&](const IndexClause& c) {
                      return std::find(clauses_so_far.begin(), clauses_so_far.end(), c.rinfo) !=
                             clauses_so_far.end();
                    });
    if (overlaps) continue;
    Path* and_path = root.NewPath();
    and_path->kind = PathKind::kBitmapAnd;
    and_path->parent = &rel;
    and_path->bitmap_children = chosen;
    and_path->bitmap_children.push_back(leaves[i]);
    CostBitmapAndOr(root, *and_path);
    Path* heap = MakeBitmapHeapPath(root, rel, and_path, loop_count);
    if (heap->total_cost < best_heap->total_cost) {
      chosen.push_back(leaves[i]);
      add_clauses(leaves[i]);
      best_heap = heap;
    }
  }
  return best_heap;
}

// A bitmap index leaf: the index scanned with `clauses` for a bitmap.
Path* MakeBitmapLeaf(PlannerInfo& root, RelOptInfo& rel, const IndexInfo& index,
                     std::vector<IndexClause> clauses) {
  Path* leaf = NewScanPath(root, rel, PathKind::kIndexScan);
  leaf->index = &index;
  leaf->index_clauses = std::move(clauses);
  leaf->bitmap_leaf = true;
  CostIndexScan(root, *leaf, 1);
  return leaf;
}

// generate_bitmap_or_paths for the rel's own restrictions: an OR clause each of whose arms
// (its conjuncts, when the arm is an AND) some index can search becomes a BitmapOr of each
// arm's best bitmap (build_paths_for_OR: the arm's index leaves combined as choose_bitmap_and
// would). Null when some arm has no usable index.
Path* MakeBitmapOrPath(PlannerInfo& root, RelOptInfo& rel, const RestrictInfo& or_clause) {
  std::vector<Path*> arms;
  for (const auto& arm : or_clause.clause->args) {
    std::vector<const RestrictInfo*> arm_clauses;
    if (arm->kind == bind::BoundKind::kAnd) {
      for (const auto& conjunct : arm->args) {
        arm_clauses.push_back(MakeRestrictInfo(root, conjunct.get(), true));
      }
    } else {
      arm_clauses.push_back(MakeRestrictInfo(root, arm.get(), true));
    }
    std::vector<Path*> leaves;
    for (const IndexInfo& index : rel.indexes) {
      if (index.partial && !index.predicate_ok) continue;
      std::vector<IndexClause> clauses = MatchClausesToIndex(root, rel, index, arm_clauses);
      if (clauses.empty()) continue;
      leaves.push_back(MakeBitmapLeaf(root, rel, index, std::move(clauses)));
    }
    Path* best = ChooseBitmapAnd(root, rel, leaves, 1);
    if (best == nullptr) return nullptr;
    arms.push_back(best->bitmap_children[0]);
  }
  if (arms.size() < 2) return nullptr;
  Path* path = root.NewPath();
  path->kind = PathKind::kBitmapOr;
  path->parent = &rel;
  path->bitmap_children = std::move(arms);
  path->path_clauses = {&or_clause};
  CostBitmapAndOr(root, *path);
  path->index_total_cost = path->total_cost;  // what choose_bitmap_and orders candidates by
  return path;
}

// get_loop_count: a parameterized scan repeats once per row of its outer side, estimated as the
// smallest row count among the base rels it takes parameters from (not the joined outer path's
// rows). adjust_rowcount_for_semijoins: an outer rel inside a semi join's right side, with this
// rel on its left, is capped at the number of distinct rhs values it could be made unique to; the
// raw rhs size is the base rel's rows, or their product for a multi-rel rhs (approximate).
double ParamLoopCount(const PlannerInfo& root, const RelOptInfo& rel, const Relids& outer) {
  const int cur = rel.relids.Singleton();
  double result = 0.0;
  for (int relid : outer.Members()) {
    if (relid < 0 || static_cast<size_t>(relid) >= root.simple_rels.size()) continue;
    const RelOptInfo* outer_rel = root.simple_rels[static_cast<size_t>(relid)];
    if (outer_rel == nullptr || outer_rel->rows <= 0) continue;
    double rows = outer_rel->rows;
    for (const SpecialJoinInfo& sj : root.join_infos) {
      if (sj.estimation.join_type != bind::JoinType::kSemi ||
          !sj.estimation.syn_lefthand.Contains(cur) ||
          !sj.estimation.syn_righthand.Contains(relid)) {
        continue;
      }
      double nraw = 1.0;
      for (int r : sj.estimation.syn_righthand.Members()) {
        const RelOptInfo* rhs = static_cast<size_t>(r) < root.simple_rels.size()
                                    ? root.simple_rels[static_cast<size_t>(r)]
                                    : nullptr;
        if (rhs != nullptr) nraw *= rhs->rows;
      }
      rows = std::min(rows, stats::EstimateNumGroups(root.estimation, sj.semi_rhs_exprs, nraw));
    }
    if (result == 0.0 || rows < result) result = rows;
  }
  return result > 0.0 ? result : 1.0;
}

// create_partial_bitmap_paths: the chosen bitmap heap scan as a Parallel Bitmap Heap Scan, with
// compute_parallel_worker's workers for the heap pages it reads (no index size limit: the bitmap
// is built by one process).
void AddPartialBitmapPath(PlannerInfo& root, RelOptInfo& rel, const Path& bitmap_heap) {
  cost::ParallelWorkerInput in;
  in.heap_pages = BitmapHeapPagesFetched(root, bitmap_heap);
  in.rel_parallel_workers = rel.rel_parallel_workers;
  in.max_workers = root.params.max_parallel_workers_per_gather;
  const int workers = cost::ComputeParallelWorker(root.params, in);
  if (workers <= 0) return;
  Path* path = NewScanPath(root, rel, PathKind::kBitmapHeapScan);
  path->bitmap_children = bitmap_heap.bitmap_children;
  path->parallel_aware = true;
  path->parallel_safe = true;
  path->parallel_workers = workers;
  CostBitmapHeapScan(root, *path, 1.0);
  AddPartialPath(rel, path);
}

}  // namespace

PathKeys IndexPathKeys(PlannerInfo& root, const IndexInfo& index, ScanDirection direction) {
  PathKeys keys;
  if (!index.amcanorder) return keys;
  for (int col = 0; col < index.key_columns; ++col) {
    const int ec = FindEquivalenceClass(root, *index.key_exprs[col]);
    if (ec < 0) break;
    PathKey key;
    key.ec = ec;
    const bool reverse = direction == ScanDirection::kBackward;
    key.descending = index.reverse_sort[col] != reverse;
    key.nulls_first = index.nulls_first[col] != reverse;
    // A class with a constant (col = 5) is redundant in a sort order: skip it, keep going.
    if (root.ecs[ec].has_const) continue;
    keys.push_back(key);
  }
  return keys;
}

void AddBaseRelPaths(PlannerInfo& root, RelOptInfo& rel) {
  Path* seq = NewScanPath(root, rel, PathKind::kSeqScan);
  CostSeqScan(root, *seq);
  AddPath(rel, seq);

  std::vector<const RestrictInfo*> restrictions(rel.baserestrictinfo.begin(),
                                                rel.baserestrictinfo.end());
  std::vector<Path*> bitmap_leaves;
  for (const IndexInfo& index : rel.indexes) {
    std::vector<IndexClause> clauses = MatchClausesToIndex(root, rel, index, restrictions);
    const bool index_only = IndexCoversRel(rel, index) && root.params.enable_indexonlyscan;
    const PathKeys forward =
        UsefulPrefix(root, IndexPathKeys(root, index, ScanDirection::kForward));
    // build_index_paths: worth a path with usable clauses, a useful order, an index-only scan,
    // or a partial index whose predicate the query implies (useful_predicate).
    if (!clauses.empty() || !forward.empty() || index_only || index.partial) {
      AddPath(rel, MakeIndexPath(root, rel, index, clauses, index_only, ScanDirection::kForward,
                                 forward, 1));
    }
    const PathKeys backward =
        UsefulPrefix(root, IndexPathKeys(root, index, ScanDirection::kBackward));
    if (!backward.empty()) {
      AddPath(rel, MakeIndexPath(root, rel, index, clauses, index_only, ScanDirection::kBackward,
                                 backward, 1));
    }
    if ((!clauses.empty() || index.partial) && root.params.enable_bitmapscan) {
      bitmap_leaves.push_back(MakeBitmapLeaf(root, rel, index, clauses));
    }
  }
  if (root.params.enable_bitmapscan && !rel.indexes.empty()) {
    for (const RestrictInfo* rinfo : rel.baserestrictinfo) {
      if (rinfo->clause->kind != bind::BoundKind::kOr) continue;
      if (Path* or_path = MakeBitmapOrPath(root, rel, *rinfo)) bitmap_leaves.push_back(or_path);
    }
  }
  if (Path* bitmap = ChooseBitmapAnd(root, rel, bitmap_leaves, 1)) {
    AddPath(rel, bitmap);
    if (rel.consider_parallel) AddPartialBitmapPath(root, rel, *bitmap);
  }
}

std::vector<Path*> MakeParameterizedIndexPaths(PlannerInfo& root, RelOptInfo& rel,
                                               const Relids& outer) {
  std::vector<Path*> result;
  // Candidate join clauses: this rel's join clauses with the outer rels, and the equalities
  // the equivalence classes imply between them.
  std::vector<const RestrictInfo*> clauses;
  for (const RestrictInfo* rinfo : rel.joininfo) {
    // A clause delayed by an outer join (required_relids beyond what it mentions) is not
    // movable into a scan (join_clause_is_movable_to).
    if (rinfo->required_relids != rinfo->clause_relids) continue;
    if (rinfo->required_relids.Minus(rel.relids).IsSubsetOf(outer)) clauses.push_back(rinfo);
  }
  for (const RestrictInfo* rinfo : JoinImpliedEqualities(root, outer, rel.relids)) {
    clauses.push_back(rinfo);
  }
  for (const RestrictInfo* rinfo : rel.baserestrictinfo) clauses.push_back(rinfo);
  for (const IndexInfo& index : rel.indexes) {
    std::vector<IndexClause> matched = MatchClausesToIndex(root, rel, index, clauses);
    Relids required;
    for (const IndexClause& ic : matched) {
      required = required.Union(ic.rinfo->clause_relids.Minus(rel.relids));
    }
    if (required.IsEmpty()) continue;  // no join clause among them: not parameterized
    const bool index_only = IndexCoversRel(rel, index) && root.params.enable_indexonlyscan;
    Path* path = MakeIndexPath(root, rel, index, matched, index_only, ScanDirection::kForward, {},
                               ParamLoopCount(root, rel, required), required);
    result.push_back(path);
  }
  return result;
}

}  // namespace dbopt::plan
