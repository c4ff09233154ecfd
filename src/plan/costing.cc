// The planner's bridge to the cost module; see costing.h.
#include "costing.h"

#include <algorithm>
#include <cmath>

#include "dbopt/bind/pg_type.h"

#include "dbopt/cost/append_cost.h"
#include "dbopt/cost/bitmap_cost.h"
#include "dbopt/cost/index_am_cost.h"
#include "dbopt/cost/material_cost.h"
#include "dbopt/cost/qual_cost.h"
#include "dbopt/cost/scan_cost.h"
#include "dbopt/cost/sort_cost.h"
#include "dbopt/stats/estimator.h"
#include "index_match.h"
#include "subplans.h"

namespace dbopt::plan {
namespace {

using bind::BoundKind;

// A cast's evaluation (cost_qual_eval_walker): binary-compatible casts between string types
// (RelabelType) are free, a cast from a string to another category goes through the type's I/O
// functions (CoerceViaIO), anything else calls one cast function.
cost::QualCost CastCost(const cost::CostParams& params, const BoundExpr& cast) {
  const bind::Type& to = cast.type;
  const bind::Type& from = cast.args[0]->type;
  const auto category = [](const bind::Type& t) { return bind::CategoryOf(t); };
  if (from.id == to.id && from.array == to.array) return {};
  const bool from_string = category(from) == bind::TypeCategory::kString;
  const bool to_string = category(to) == bind::TypeCategory::kString;
  if (from_string && to_string) {
    // varchar/text relabel for free; bpchar → text/varchar strips blanks (rtrim1).
    return from.id == bind::TypeId::kBpchar ? cost::FunctionCallCost(params) : cost::QualCost{};
  }
  if (from_string || to_string || from.id == bind::TypeId::kUnknown) {
    return cost::CoerceViaIoCost(params);
  }
  return cost::FunctionCallCost(params);
}

// cost_qual_eval_walker over a whole expression, node by node, with the cost module's per-node
// costs. Vars, constants, Params and AND/OR/NOT are free; aggregates and window functions are
// paid by their Agg/WindowAgg nodes.
cost::QualCost ExprCost(const cost::CostParams& params, const BoundExpr& expr) {
  cost::QualCost qc;
  bind::Walk(expr, [&](const BoundExpr& node) {
    switch (node.kind) {
      case BoundKind::kOp:
      case BoundKind::kFunc:
      case BoundKind::kDistinct:
      case BoundKind::kNullIf:
        qc += cost::FunctionCallCost(params);
        break;
      case BoundKind::kScalarArrayOp:
        qc += cost::ScalarArrayOpCost(params, stats::EstimateArrayLength(*node.args[1]));
        break;
      case BoundKind::kMinMax:
      case BoundKind::kSqlValue:
      case BoundKind::kGroupingFunc:
        qc += cost::FixedNodeCost(params);
        break;
      case BoundKind::kCast:
        if (!node.args.empty()) qc += CastCost(params, node);
        break;
      default:
        break;
    }
  });
  return qc;
}

std::vector<const BoundExpr*> ClausesOf(const std::vector<const RestrictInfo*>& quals) {
  std::vector<const BoundExpr*> out;
  out.reserve(quals.size());
  for (const RestrictInfo* rinfo : quals) out.push_back(rinfo->clause);
  return out;
}

double TotalTablePages(const PlannerInfo& root) {
  double pages = 0;
  for (int rtindex : root.all_baserels.Members()) pages += root.simple_rels[rtindex]->pages;
  return pages;
}

// The index's boundary quals (btcostestimate): index columns in order while each has an '='
// (or IS NULL) clause, plus the clauses of the first column without one.
std::vector<const IndexClause*> BoundaryQuals(const Path& path, bool* eq_on_all_keys,
                                              double* sa_scans) {
  std::vector<const IndexClause*> out;
  *eq_on_all_keys = true;
  *sa_scans = 1;
  int col = 0;
  bool found_eq = true;
  for (; col < path.index->key_columns && found_eq; ++col) {
    found_eq = false;
    bool any = false;
    for (const IndexClause& ic : path.index_clauses) {
      if (ic.column != col) continue;
      any = true;
      out.push_back(&ic);
      const BoundExpr& q = *ic.index_qual;
      if (q.kind == BoundKind::kOp && q.op_class == bind::OpClass::kEq) found_eq = true;
      if (q.kind == BoundKind::kNullTest && !q.negated) {
        found_eq = true;
        *eq_on_all_keys = false;
      }
      if (q.kind == BoundKind::kScalarArrayOp) {
        found_eq = q.op_class == bind::OpClass::kEq;
        *eq_on_all_keys = false;
        const int len = stats::EstimateArrayLength(*q.args[1]);
        if (len > 1) *sa_scans *= len;
      }
    }
    if (!any) found_eq = false;
    if (!found_eq) *eq_on_all_keys = false;
  }
  if (col < path.index->key_columns) *eq_on_all_keys = false;
  return out;
}

}  // namespace

void SetClauseCost(const PlannerInfo& root, RestrictInfo& rinfo) {
  rinfo.eval_cost = ExprCost(root.params, *rinfo.clause);
  if (root.global != nullptr) rinfo.eval_cost += SubPlanCost(*root.global, *rinfo.clause);
}

cost::QualCost QualsCost(const std::vector<const RestrictInfo*>& quals) {
  cost::QualCost total;
  for (const RestrictInfo* rinfo : quals) total += rinfo->eval_cost;
  return total;
}

cost::QualCost QualsCost(const std::vector<RestrictInfo*>& quals) {
  cost::QualCost total;
  for (const RestrictInfo* rinfo : quals) total += rinfo->eval_cost;
  return total;
}

double RestrictionSelectivity(const PlannerInfo& root,
                              const std::vector<const RestrictInfo*>& quals, int rtindex) {
  return stats::ClauseListSelectivity(root.estimation, ClausesOf(quals), rtindex, nullptr);
}

void SetBaseRelSize(PlannerInfo& root, RelOptInfo& rel) {
  for (RestrictInfo* rinfo : rel.baserestrictinfo) SetClauseCost(root, *rinfo);
  for (RestrictInfo* rinfo : rel.joininfo) SetClauseCost(root, *rinfo);
  const std::vector<const RestrictInfo*> quals(rel.baserestrictinfo.begin(),
                                               rel.baserestrictinfo.end());
  const double sel = RestrictionSelectivity(root, quals, rel.rtindex);
  rel.rows = cost::ClampRowEst(rel.tuples * sel);
  rel.baserestrictcost = QualsCost(rel.baserestrictinfo);
  root.estimation.rels[rel.rtindex].rows = rel.rows;
}

double JoinRelRows(PlannerInfo& root, const RelOptInfo& outer, const RelOptInfo& inner,
                   const SpecialJoinInfo* sj, const std::vector<const RestrictInfo*>& clauses) {
  // calc_joinrel_size_estimate (stats): for an outer join (LEFT, FULL, ANTI; not SEMI), its own
  // clauses give the join selectivity and clauses pushed down from above filter afterwards; a
  // semi join's clauses all count towards its selectivity.
  const bool outer_join = sj != nullptr && sj->estimation.join_type != bind::JoinType::kSemi;
  std::vector<const BoundExpr*> join_quals, pushed;
  for (const RestrictInfo* rinfo : clauses) {
    SetClauseCost(root, *const_cast<RestrictInfo*>(rinfo));
    if (outer_join && rinfo->is_pushed_down) {
      pushed.push_back(rinfo->clause);
    } else {
      join_quals.push_back(rinfo->clause);
    }
  }
  stats::SpecialJoin inner_join;
  inner_join.join_type = bind::JoinType::kInner;
  inner_join.min_lefthand = inner_join.syn_lefthand = outer.relids;
  inner_join.min_righthand = inner_join.syn_righthand = inner.relids;
  stats::SpecialJoin join = sj != nullptr ? sj->estimation : inner_join;
  if (join.join_type == bind::JoinType::kSemi || join.join_type == bind::JoinType::kAnti) {
    join.inner_rel_rows = inner.rows;
  }
  return stats::JoinRelSize(root.estimation, outer.rows, inner.rows, outer.relids, inner.relids,
                            join, join_quals, pushed);
}

void CostSeqScan(const PlannerInfo& root, Path& path) {
  const RelOptInfo& rel = *path.parent;
  cost::SeqScanInput in;
  in.pages = rel.pages;
  in.tuples = rel.tuples;
  in.rows = rel.rows;
  in.quals = rel.baserestrictcost;
  in.parallel_workers = path.parallel_workers;
  const cost::ScanCost sc = cost::CostSeqScan(root.params, in);
  path.startup_cost = sc.cost.startup;
  path.total_cost = sc.cost.total;
  path.rows = sc.rows;
}

void CostIndexScan(const PlannerInfo& root, Path& path, double loop_count) {
  const RelOptInfo& rel = *path.parent;
  const IndexInfo& index = *path.index;
  std::vector<const BoundExpr*> index_quals;
  for (const IndexClause& ic : path.index_clauses) index_quals.push_back(ic.index_qual);
  // add_predicate_to_index_quals: a partial index's predicate conjuncts that the quals do not
  // already state count towards the selectivity (the index holds only those rows).
  std::vector<const BoundExpr*> predicate_quals;
  for (const BoundExpr* p : index.predicate) {
    bool stated = false;
    for (const BoundExpr* q : index_quals) stated = stated || bind::Equal(*p, *q);
    if (!stated) predicate_quals.push_back(p);
  }
  std::vector<const BoundExpr*> selectivity_quals = index_quals;
  selectivity_quals.insert(selectivity_quals.end(), predicate_quals.begin(), predicate_quals.end());

  cost::BtreeCostInput bt;
  bt.generic.index_pages = index.pages;
  bt.generic.index_tuples = index.tuples;
  bt.generic.rel_tuples = rel.tuples;
  bt.generic.selectivity =
      stats::ClauseListSelectivity(root.estimation, selectivity_quals, rel.rtindex, nullptr);
  bt.generic.num_index_quals = static_cast<int>(index_quals.size());
  bt.generic.loop_count = loop_count;
  bt.generic.total_table_pages = TotalTablePages(root);
  double sa_scans = 1;
  for (const BoundExpr* q : index_quals) {
    if (q->kind == BoundKind::kScalarArrayOp) {
      const int len = stats::EstimateArrayLength(*q->args[1]);
      if (len > 1) sa_scans *= len;
    }
    // Operands that are not constants are evaluated once per scan (e.g. outer Vars: free).
  }
  bt.generic.num_sa_scans = sa_scans;
  bool eq_all = false;
  double boundary_sa = 1;
  std::vector<const BoundExpr*> boundary;
  for (const IndexClause* ic : BoundaryQuals(path, &eq_all, &boundary_sa)) {
    boundary.push_back(ic->index_qual);
  }
  boundary.insert(boundary.end(), predicate_quals.begin(), predicate_quals.end());
  bt.unique_equal_on_all_keys = index.unique && eq_all;
  bt.boundary_selectivity =
      stats::ClauseListSelectivity(root.estimation, boundary, rel.rtindex, nullptr);
  bt.boundary_sa_scans = boundary_sa;
  bt.tree_height = index.tree_height;
  bt.key_columns = index.key_columns;
  bt.leading_descending = !index.reverse_sort.empty() && index.reverse_sort[0];
  if (index.key_attnos[0] > 0) {
    const std::string& column = rel.table->columns[index.key_attnos[0] - 1].name;
    auto it = rel.table->column_stats.find(column);
    if (it != rel.table->column_stats.end() && it->second.correlation) {
      bt.has_correlation = true;
      bt.leading_correlation = *it->second.correlation;
    }
  }
  const cost::IndexAmCost am = cost::BtCostEstimate(root.params, bt);
  path.index_total_cost = am.total;
  path.index_selectivity = am.selectivity;

  // Parameterized paths return the rows that match the join clauses too (ppi_rows).
  double rows = rel.rows;
  std::vector<const RestrictInfo*> qpquals = NonIndexQuals(path);
  if (!path.required_outer.IsEmpty()) {
    std::vector<const BoundExpr*> all;
    for (const RestrictInfo* rinfo : rel.baserestrictinfo) all.push_back(rinfo->clause);
    for (const IndexClause& ic : path.index_clauses) {
      if (!ic.rinfo->clause_relids.IsSubsetOf(rel.relids)) all.push_back(ic.rinfo->clause);
    }
    rows = cost::ClampRowEst(
        rel.tuples * stats::ClauseListSelectivity(root.estimation, all, rel.rtindex, nullptr));
  }
  if (path.bitmap_leaf) {
    path.rows = rel.rows;
    path.startup_cost = am.startup;
    path.total_cost = am.total;
    return;
  }
  cost::IndexScanInput in;
  in.am = am;
  in.rel_pages = rel.pages;
  in.rel_tuples = rel.tuples;
  in.rows = rows;
  in.allvisfrac = rel.allvisfrac;
  in.index_pages = index.pages;
  in.total_table_pages = TotalTablePages(root);
  in.index_only = path.kind == PathKind::kIndexOnlyScan;
  in.loop_count = loop_count;
  in.qpquals = QualsCost(qpquals);
  const cost::IndexScanCost ic = cost::CostIndex(root.params, in);
  path.startup_cost = ic.scan.cost.startup;
  path.total_cost = ic.scan.cost.total;
  path.rows = ic.scan.rows;
}

namespace {

cost::BitmapNode BitmapNodeOf(const PlannerInfo& root, const Path& path) {
  if (path.kind == PathKind::kIndexScan) {
    cost::IndexAmCost am;
    am.startup = path.startup_cost;
    am.total = path.index_total_cost;
    am.selectivity = path.index_selectivity;
    return cost::BitmapIndexLeaf(root.params, am, path.rows, path.index->pages);
  }
  std::vector<cost::BitmapNode> children;
  for (const Path* child : path.bitmap_children) children.push_back(BitmapNodeOf(root, *child));
  return path.kind == PathKind::kBitmapAnd ? cost::BitmapAnd(root.params, children)
                                           : cost::BitmapOr(root.params, children);
}

}  // namespace

void CostBitmapAndOr(const PlannerInfo& root, Path& path) {
  const cost::BitmapNode node = BitmapNodeOf(root, path);
  path.startup_cost = node.cost;
  path.total_cost = node.cost;
  path.bitmap_selectivity = node.selectivity;
  path.rows = path.parent->rows;
}

double BitmapHeapPagesFetched(const PlannerInfo& root, const Path& path) {
  const RelOptInfo& rel = *path.parent;
  return cost::ComputeBitmapPages(root.params, BitmapNodeOf(root, *path.bitmap_children[0]),
                                  rel.pages, rel.tuples, 1.0, TotalTablePages(root))
      .pages_fetched;
}

void CostBitmapHeapScan(const PlannerInfo& root, Path& path, double loop_count) {
  const RelOptInfo& rel = *path.parent;
  cost::BitmapHeapInput in;
  in.bitmap = BitmapNodeOf(root, *path.bitmap_children[0]);
  in.rel_pages = rel.pages;
  in.rel_tuples = rel.tuples;
  in.rows = rel.rows;
  in.loop_count = loop_count;
  in.total_table_pages = TotalTablePages(root);
  in.quals = rel.baserestrictcost;
  in.parallel_workers = path.parallel_workers;
  const cost::ScanCost sc = cost::CostBitmapHeapScan(root.params, in);
  path.startup_cost = sc.cost.startup;
  path.total_cost = sc.cost.total;
  path.rows = sc.rows;
}

void CostSort(const PlannerInfo& root, Path& path, const Path& input, double limit_tuples) {
  // cost_sort: comparison cost 2·cpu_operator_cost per comparison, no extra.
  const int width = input.parent != nullptr ? input.parent->width : 0;
  const cost::Cost c =
      cost::CostSort(root.params, input.total_cost, input.rows, width, 0.0, limit_tuples);
  path.startup_cost = c.startup;
  path.total_cost = c.total;
  path.rows = input.rows;
}

void CostMaterial(const PlannerInfo& root, Path& path, const Path& input) {
  const int width = input.parent != nullptr ? input.parent->width : 0;
  const cost::Cost c =
      cost::CostMaterial(root.params, {input.startup_cost, input.total_cost}, input.rows, width);
  path.startup_cost = c.startup;
  path.total_cost = c.total;
  path.rows = input.rows;
}

// adjust_limit_rows_costs via the cost module; preprocess_limit's estimates: a constant LIMIT
// n is n (LIMIT 0 counts as 1), OFFSET k is k, anything else -1 (10% of the rows).
void CostLimit(const PlannerInfo& root, Path& path, const Path& input, bool has_count,
               bool has_offset) {
  (void)root;
  int64_t count_est = 0;
  if (has_count) {
    count_est = path.limit_count < 0 ? -1 : static_cast<int64_t>(path.limit_count);
    if (count_est == 0) count_est = 1;
  }
  int64_t offset_est = 0;
  if (has_offset) offset_est = path.limit_offset < 0 ? -1 : static_cast<int64_t>(path.limit_offset);
  const cost::LimitCost lc = cost::AdjustLimitRowsCosts({input.startup_cost, input.total_cost},
                                                        input.rows, offset_est, count_est);
  path.startup_cost = lc.cost.startup;
  path.total_cost = lc.cost.total;
  path.rows = lc.rows;
}

}  // namespace dbopt::plan
