// Join and aggregate costing: the planner-side inputs of cost_nestloop, cost_hashjoin,
// cost_mergejoin and cost_agg (semi/anti factors, bucket statistics, approx_tuple_count,
// inner uniqueness), handed to the pure formulas in dbopt::cost.
#include <algorithm>
#include <cmath>

#include "agg_costs.h"
#include "costing.h"
#include "dbopt/cost/agg_cost.h"
#include "dbopt/cost/join_cost.h"
#include "dbopt/cost/material_cost.h"
#include "dbopt/stats/estimator.h"

namespace dbopt::plan {
namespace {

cost::JoinKind KindOf(JoinType type) {
  switch (type) {
    case JoinType::kLeft:
      return cost::JoinKind::kLeft;
    case JoinType::kFull:
      return cost::JoinKind::kFull;
    case JoinType::kRight:
      return cost::JoinKind::kRight;
    case JoinType::kSemi:
      return cost::JoinKind::kSemi;
    case JoinType::kAnti:
      return cost::JoinKind::kAnti;
    default:
      return cost::JoinKind::kInner;
  }
}

cost::JoinSide SideOf(const Path& path) {
  cost::JoinSide side;
  side.cost = {path.startup_cost, path.total_cost};
  side.rows = path.rows;
  side.width = path.parent != nullptr ? path.parent->width : 0;
  side.parallel_workers = path.parallel_workers;
  return side;
}

cost::JoinOutput OutputOf(const Path& path) {
  cost::JoinOutput out;
  out.rows = path.parent->rows;
  out.parallel_workers = path.parallel_workers;
  return out;
}

stats::SpecialJoin InnerJoinOf(const Path& path) {
  stats::SpecialJoin sj;
  sj.join_type = bind::JoinType::kInner;
  sj.min_lefthand = sj.syn_lefthand = path.outer->parent->relids;
  sj.min_righthand = sj.syn_righthand = path.inner->parent->relids;
  return sj;
}

// approx_tuple_count: outer_rows · inner_rows · Π selectivity of each clause as an inner join.
double ApproxTupleCount(const PlannerInfo& root, const Path& path,
                        const std::vector<const RestrictInfo*>& quals) {
  const stats::SpecialJoin sj = InnerJoinOf(path);
  double selec = 1;
  for (const RestrictInfo* rinfo : quals) {
    selec *= stats::ClauseSelectivity(root.estimation, *rinfo->clause, 0, &sj);
  }
  return cost::ClampRowEst(path.outer->rows * path.inner->rows * selec);
}

// compute_semi_anti_join_factors: jsel = selectivity of the join's own quals as a SEMI join,
// nsel = as an inner join (pushed-down quals are excluded for outer joins, not for inner or semi
// joins). `clauses`: every clause of the join pair, including those a parameterized inner path
// enforces (PostgreSQL computes the factors once per pair of input rels). eqjoinsel reads the
// join type from the SpecialJoinInfo, so jsel is a semi/anti selectivity only for a semi or anti
// join (also when unique-ified); for an inner-unique inner or left join it is the inner one.
cost::SemiAntiFactors SemiFactors(const PlannerInfo& root, const Path& path,
                                  const std::vector<const RestrictInfo*>& clauses,
                                  const SpecialJoinInfo* sj) {
  std::vector<const BoundExpr*> quals;
  for (const RestrictInfo* rinfo : clauses) {
    if (path.join_type == JoinType::kInner || path.join_type == JoinType::kSemi ||
        !rinfo->is_pushed_down) {
      quals.push_back(rinfo->clause);
    }
  }
  stats::SpecialJoin semi = InnerJoinOf(path);
  if (sj != nullptr && (sj->estimation.join_type == bind::JoinType::kSemi ||
                        sj->estimation.join_type == bind::JoinType::kAnti)) {
    semi = sj->estimation;
    // eqjoinsel_semi's inner rel: the join input that holds the right side.
    const Relids& rhs = sj->estimation.min_righthand;
    if (path.inner->parent->relids == rhs) semi.inner_rel_rows = path.inner->parent->rows;
    if (path.outer->parent->relids == rhs) semi.inner_rel_rows = path.outer->parent->rows;
  }
  const double jsel = stats::ClauseListSelectivity(root.estimation, quals, 0, &semi);
  const stats::SpecialJoin inner = InnerJoinOf(path);
  const double nsel = stats::ClauseListSelectivity(root.estimation, quals, 0, &inner);
  return cost::ComputeSemiAntiJoinFactors(jsel, nsel, path.inner->parent->rows);
}

cost::RescanKind RescanKindOf(const Path& path) {
  switch (path.kind) {
    case PathKind::kMaterial:
      return cost::RescanKind::kMaterial;
    case PathKind::kSort:
      return cost::RescanKind::kMaterial;
    default:
      return cost::RescanKind::kOther;
  }
}

}  // namespace

void CostNestLoop(PlannerInfo& root, Path& path, const SpecialJoinInfo* sj,
                  const std::vector<const RestrictInfo*>* pair_clauses) {
  cost::NestLoopInput in;
  in.kind = KindOf(path.join_type);
  in.inner_unique = path.inner_unique;
  in.outer = SideOf(*path.outer);
  in.inner = SideOf(*path.inner);
  cost::RescanInput rescan;
  rescan.kind = RescanKindOf(*path.inner);
  rescan.path = {path.inner->startup_cost, path.inner->total_cost};
  rescan.rows = path.inner->rows;
  rescan.width = in.inner.width;
  if (path.inner->kind == PathKind::kMemoize) {
    const Path& sub = *path.inner->subpath;
    cost::MemoizeInput memo;
    memo.input = {sub.startup_cost, sub.total_cost};
    memo.tuples = sub.rows;
    memo.width = rescan.width;
    memo.calls = path.inner->memoize_calls;
    memo.ndistinct = path.inner->memoize_ndistinct;
    in.inner_rescan = cost::CostMemoizeRescan(root.params, memo).rescan;
  } else {
    in.inner_rescan = cost::CostRescan(root.params, rescan);
  }
  if (path.join_type == JoinType::kSemi || path.join_type == JoinType::kAnti || path.inner_unique) {
    in.semifactors =
        SemiFactors(root, path, pair_clauses != nullptr ? *pair_clauses : path.join_restrict, sj);
  }
  // has_indexed_join_quals: a parameterized index scan (not behind a Memoize) enforces them all.
  in.indexed_join_quals = !path.inner->required_outer.IsEmpty() &&
                          path.inner->kind != PathKind::kMemoize && path.join_restrict.empty();
  in.join_quals = QualsCost(path.join_restrict);
  in.output = OutputOf(path);
  const cost::NestLoopWorkspace ws = cost::InitialCostNestLoop(root.params, in);
  const cost::JoinCost jc = cost::FinalCostNestLoop(root.params, in, ws);
  path.startup_cost = jc.cost.startup;
  path.total_cost = jc.cost.total;
  path.rows = jc.rows;
}

void CostHashJoin(PlannerInfo& root, Path& path, const SpecialJoinInfo* sj) {
  cost::HashJoinInput in;
  in.kind = KindOf(path.join_type);
  in.inner_unique = path.inner_unique;
  in.outer = SideOf(*path.outer);
  in.inner = SideOf(*path.inner);
  in.num_hash_clauses = static_cast<int>(path.path_clauses.size());
  in.parallel_hash = path.parallel_aware;
  const cost::HashJoinWorkspace ws = cost::InitialCostHashJoin(root.params, in);
  // estimate_hash_bucket_stats for the inner side of each hash clause; the minimum wins.
  const double nbuckets = static_cast<double>(ws.table.num_buckets) * ws.table.num_batches;
  in.inner_bucket_size = 1;
  in.inner_mcv_freq = 1;
  for (const RestrictInfo* rinfo : path.path_clauses) {
    const BoundExpr& inner_side = rinfo->right_relids.IsSubsetOf(path.inner->parent->relids)
                                      ? *rinfo->clause->args[1]
                                      : *rinfo->clause->args[0];
    const stats::HashBucketStats b =
        stats::EstimateHashBucketStats(root.estimation, inner_side, nbuckets);
    in.inner_bucket_size = std::min(in.inner_bucket_size, b.bucket_size_frac);
    in.inner_mcv_freq = std::min(in.inner_mcv_freq, b.mcv_freq);
  }
  in.hash_quals = QualsCost(path.path_clauses);
  in.join_quals = QualsCost(path.join_restrict);
  if (path.join_type == JoinType::kSemi || path.join_type == JoinType::kAnti || path.inner_unique) {
    in.semifactors = SemiFactors(root, path, path.join_restrict, sj);
  }
  in.hash_join_tuples = ApproxTupleCount(root, path, path.path_clauses);
  in.output = OutputOf(path);
  const cost::JoinCost jc = cost::FinalCostHashJoin(root.params, in, ws);
  path.startup_cost = jc.cost.startup;
  path.total_cost = jc.cost.total;
  path.rows = jc.rows;
  path.hash_batches = static_cast<int>(ws.table.num_batches);
}

void CostMergeJoin(PlannerInfo& root, Path& path, const SpecialJoinInfo* sj) {
  (void)sj;
  cost::MergeJoinInput in;
  in.kind = KindOf(path.join_type);
  in.inner_unique = path.inner_unique;
  in.outer = SideOf(*path.outer);
  in.inner = SideOf(*path.inner);
  in.sort_outer = !path.outer_sort_keys.empty();
  in.sort_inner = !path.inner_sort_keys.empty();
  in.has_merge_clauses = !path.path_clauses.empty();
  if (in.has_merge_clauses) {
    const RestrictInfo* first = path.path_clauses.front();
    const stats::MergeScanSelectivity ms =
        stats::MergeJoinScanSelectivity(root.estimation, *first->clause, false, false);
    const bool outer_left = first->left_relids.IsSubsetOf(path.outer->parent->relids);
    in.outer_start_sel = outer_left ? ms.left_start : ms.right_start;
    in.outer_end_sel = outer_left ? ms.left_end : ms.right_end;
    in.inner_start_sel = outer_left ? ms.right_start : ms.left_start;
    in.inner_end_sel = outer_left ? ms.right_end : ms.left_end;
  }
  in.merge_quals = QualsCost(path.path_clauses);
  in.join_quals = QualsCost(path.join_restrict);
  in.num_merge_clauses = static_cast<int>(path.path_clauses.size());
  in.num_join_clauses = static_cast<int>(path.join_restrict.size());
  in.merge_join_tuples = ApproxTupleCount(root, path, path.path_clauses);
  in.inner_supports_mark_restore =
      path.inner->kind != PathKind::kHashJoin && path.inner->kind != PathKind::kBitmapHeapScan &&
      path.inner->kind != PathKind::kNestLoop && path.inner->kind != PathKind::kMergeJoin &&
      path.inner->kind != PathKind::kAgg;
  in.output = OutputOf(path);
  const cost::MergeJoinWorkspace ws = cost::InitialCostMergeJoin(root.params, in);
  const cost::MergeJoinCost mc = cost::FinalCostMergeJoin(root.params, in, ws);
  path.startup_cost = mc.join.cost.startup;
  path.total_cost = mc.join.cost.total;
  path.rows = mc.join.rows;
  path.materialize_inner = mc.materialize_inner;
}

void CostAgg(const PlannerInfo& root, Path& path, const Path& input, const AggregateInfo& aggs,
             int group_cols, double groups) {
  cost::AggInput in;
  switch (path.agg_strategy) {
    case AggStrategy::kPlain:
      in.strategy = cost::AggStrategyKind::kPlain;
      break;
    case AggStrategy::kSorted:
      in.strategy = cost::AggStrategyKind::kSorted;
      break;
    case AggStrategy::kHashed:
      in.strategy = cost::AggStrategyKind::kHashed;
      break;
    case AggStrategy::kMixed:
      in.strategy = cost::AggStrategyKind::kMixed;
      break;
  }
  in.aggs = aggs.costs;
  in.num_trans = aggs.num_trans;
  in.num_group_cols = group_cols;
  in.num_groups = groups;
  in.input = {input.startup_cost, input.total_cost};
  in.input_tuples = input.rows;
  in.input_width = input.parent != nullptr ? input.parent->width : 0;
  if (root.query->having && !path.for_distinct) {
    in.has_quals = true;
    RestrictInfo having;
    having.clause = root.query->having.get();
    SetClauseCost(root, having);
    in.quals = having.eval_cost;
    in.qual_selectivity =
        stats::ClauseSelectivity(root.estimation, *root.query->having, 0, nullptr);
  }
  if (path.agg_split == AggSplitMode::kPartial) in.has_quals = false;  // HAVING is applied last
  const cost::AggCost ac = cost::CostAgg(root.params, in);
  path.startup_cost = ac.cost.startup;
  path.total_cost = ac.cost.total;
  path.rows = ac.rows;
}

}  // namespace dbopt::plan
