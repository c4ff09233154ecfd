// Semi-join unique-ification; see unique_paths.h.
#include "unique_paths.h"

#include <algorithm>

#include "dbopt/cost/agg_cost.h"
#include "dbopt/cost/sort_cost.h"
#include "dbopt/stats/estimator.h"
#include "equivalence.h"

namespace dbopt::plan {
namespace {

Relids RelidsOf(const BoundExpr& expr) {
  Relids relids;
  for (int varno : bind::VarNos(expr)) relids.Add(varno);
  return relids;
}

// The inner-side expression of an equality join clause, or null.
const BoundExpr* InnerSideOf(const RestrictInfo& rinfo, const Relids& inner) {
  if (!rinfo.mergejoinable) return nullptr;
  if (rinfo.right_relids.IsSubsetOf(inner) && !rinfo.left_relids.Overlaps(inner)) {
    return rinfo.clause->args[1].get();
  }
  if (rinfo.left_relids.IsSubsetOf(inner) && !rinfo.right_relids.Overlaps(inner)) {
    return rinfo.clause->args[0].get();
  }
  return nullptr;
}

}  // namespace

void ComputeSemiJoinInfo(const cost::CostParams& params, SpecialJoinInfo& sj,
                         const std::vector<const BoundExpr*>& quals) {
  sj.semi_can_btree = false;
  sj.semi_can_hash = false;
  sj.semi_rhs_exprs.clear();
  if (sj.estimation.join_type != bind::JoinType::kSemi) return;
  const Relids& rhs = sj.estimation.syn_righthand;
  std::vector<const BoundExpr*> rhs_exprs;
  for (const BoundExpr* q : quals) {
    const Relids all = RelidsOf(*q);
    // A clause of one side only drops to that side; it does not stop unique-ification.
    if (!all.Overlaps(rhs) || all.IsSubsetOf(rhs)) {
      if (bind::ContainsVolatile(*q)) return;
      continue;
    }
    // Both sides: it must be an equality `lhs = rhs` (either way round). Every built-in
    // equality dbopt binds is both mergejoinable and hashjoinable.
    if (q->kind != bind::BoundKind::kOp || q->args.size() != 2 ||
        q->op_class != bind::OpClass::kEq) {
      return;
    }
    const Relids left = RelidsOf(*q->args[0]);
    const Relids right = RelidsOf(*q->args[1]);
    if (!right.IsEmpty() && right.IsSubsetOf(rhs) && !left.Overlaps(rhs)) {
      rhs_exprs.push_back(q->args[1].get());
    } else if (!left.IsEmpty() && left.IsSubsetOf(rhs) && !right.Overlaps(rhs)) {
      rhs_exprs.push_back(q->args[0].get());
    } else {
      return;  // mixed membership
    }
  }
  if (rhs_exprs.empty()) return;
  for (const BoundExpr* e : rhs_exprs) {
    if (bind::ContainsVolatile(*e)) return;
  }
  sj.semi_can_btree = true;
  sj.semi_can_hash = params.enable_hashagg;
  sj.semi_rhs_exprs = std::move(rhs_exprs);
}

bool HasUniqueIndexFor(const RelOptInfo& rel, const std::vector<const BoundExpr*>& exprs) {
  if (rel.kind != RelKind::kBase || rel.table == nullptr) return false;
  std::vector<const BoundExpr*> equated = exprs;
  for (const RestrictInfo* rinfo : rel.baserestrictinfo) {
    const BoundExpr& c = *rinfo->clause;
    if (c.kind != bind::BoundKind::kOp || c.op_class != bind::OpClass::kEq) continue;
    if (c.args.size() != 2) continue;
    if (bind::VarNos(*c.args[1]).empty()) equated.push_back(c.args[0].get());
    if (bind::VarNos(*c.args[0]).empty()) equated.push_back(c.args[1].get());
  }
  if (equated.empty()) return false;
  for (const IndexInfo& index : rel.indexes) {
    if (!index.unique || !index.predicate_ok) continue;
    bool all = true;
    for (const BoundExpr* key : index.key_exprs) {
      bool found = false;
      for (const BoundExpr* e : equated) found = found || bind::Equal(*e, *key);
      all = all && found;
    }
    if (all) return true;
  }
  return false;
}

bool InnerIsUnique(const RelOptInfo& inner, const std::vector<const RestrictInfo*>& restrict) {
  if (inner.kind != RelKind::kBase) return false;
  std::vector<const BoundExpr*> equated;
  for (const RestrictInfo* rinfo : restrict) {
    if (const BoundExpr* e = InnerSideOf(*rinfo, inner.relids)) equated.push_back(e);
  }
  if (equated.empty()) return false;
  return HasUniqueIndexFor(inner, equated);
}

Path* CreateUniquePath(PlannerInfo& root, RelOptInfo& rel, SpecialJoinInfo& sj) {
  if (rel.unique_tried) return rel.cheapest_unique;
  if (!(sj.semi_can_btree || sj.semi_can_hash)) return nullptr;
  Path* subpath = rel.cheapest_total;
  if (subpath == nullptr) return nullptr;
  rel.unique_tried = true;
  Path* path = root.NewPath();
  path->kind = PathKind::kUniquify;
  path->parent = &rel;
  path->subpath = subpath;
  path->required_outer = subpath->required_outer;
  path->parallel_safe = rel.consider_parallel && subpath->parallel_safe;
  path->parallel_workers = subpath->parallel_workers;
  path->uniq_exprs = sj.semi_rhs_exprs;
  // A unique index proving the rows distinct on the rhs expressions: nothing to do.
  if (sj.semi_can_btree && HasUniqueIndexFor(rel, sj.semi_rhs_exprs)) {
    path->unique_method = UniqueMethod::kNoop;
    path->rows = rel.rows;
    path->startup_cost = subpath->startup_cost;
    path->total_cost = subpath->total_cost;
    path->pathkeys = subpath->pathkeys;
    rel.cheapest_unique = path;
    return path;
  }
  path->rows = stats::EstimateNumGroups(root.estimation, sj.semi_rhs_exprs, rel.rows);
  const int num_cols = static_cast<int>(sj.semi_rhs_exprs.size());
  cost::Cost sorted;
  if (sj.semi_can_btree) {
    // Sort + Unique: cost_sort of the input, plus one cpu_operator_cost per input row per
    // column for the comparisons of Unique.
    sorted = cost::CostSort(root.params, subpath->total_cost, rel.rows, rel.width, 0.0, -1);
    sorted.total += root.params.cpu_operator_cost * rel.rows * num_cols;
  }
  cost::Cost hashed;
  if (sj.semi_can_hash) {
    // A hash table entry takes the row's width plus 64 bytes of overhead; no hashing when the
    // groups would not fit in hash_mem (remembered in the SpecialJoinInfo).
    const double entry_size = static_cast<double>(rel.width + 64);
    if (entry_size * path->rows > root.params.HashMemBytes()) {
      sj.semi_can_hash = false;
    } else {
      cost::AggInput in;
      in.strategy = cost::AggStrategyKind::kHashed;
      in.num_group_cols = num_cols;
      in.num_groups = path->rows;
      in.input = {subpath->startup_cost, subpath->total_cost};
      in.input_tuples = rel.rows;
      in.input_width = rel.width;
      hashed = cost::CostAgg(root.params, in).cost;
    }
  }
  if (sj.semi_can_btree && sj.semi_can_hash) {
    path->unique_method = hashed.total < sorted.total ? UniqueMethod::kHash : UniqueMethod::kSort;
  } else if (sj.semi_can_btree) {
    path->unique_method = UniqueMethod::kSort;
  } else if (sj.semi_can_hash) {
    path->unique_method = UniqueMethod::kHash;
  } else {
    return nullptr;
  }
  const cost::Cost& chosen = path->unique_method == UniqueMethod::kHash ? hashed : sorted;
  path->startup_cost = chosen.startup;
  path->total_cost = chosen.total;
  rel.cheapest_unique = path;
  return path;
}

void ReduceUniqueSemiJoins(PlannerInfo& root) {
  auto& infos = root.join_infos;
  for (auto it = infos.begin(); it != infos.end();) {
    const stats::SpecialJoin& e = it->estimation;
    const int rtindex = e.min_righthand.Singleton();
    RelOptInfo* inner = rtindex > 0 ? root.simple_rels[rtindex] : nullptr;
    if (e.join_type != bind::JoinType::kSemi || inner == nullptr || inner->kind != RelKind::kBase) {
      ++it;
      continue;
    }
    // The join clauses between the semi join's left side and its inner rel: implied
    // equalities and the inner rel's own join clauses, each with one side on either input.
    std::vector<const RestrictInfo*> clauses =
        JoinImpliedEqualities(root, e.min_lefthand, inner->relids);
    for (const RestrictInfo* rinfo : inner->joininfo) clauses.push_back(rinfo);
    std::vector<const RestrictInfo*> usable;
    for (const RestrictInfo* rinfo : clauses) {
      if (!rinfo->can_join || !rinfo->mergejoinable) continue;
      const bool forward = rinfo->left_relids.IsSubsetOf(e.min_lefthand) &&
                           rinfo->right_relids.IsSubsetOf(inner->relids);
      const bool backward = rinfo->left_relids.IsSubsetOf(inner->relids) &&
                            rinfo->right_relids.IsSubsetOf(e.min_lefthand);
      if (forward || backward) usable.push_back(rinfo);
    }
    if (InnerIsUnique(*inner, usable)) {
      it = infos.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace dbopt::plan
