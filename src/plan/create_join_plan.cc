// Join plan nodes; see create_plan_parts.h.
#include "create_plan_parts.h"

#include "costing.h"
#include "create_plan.h"

namespace dbopt::plan {
namespace {

// get_switched_clauses: hash and merge clauses are printed with the outer side on the left,
// commuting `inner = outer` into `outer = inner`.
std::vector<bind::BoundExprPtr> OuterFirst(const std::vector<const RestrictInfo*>& quals,
                                           const Relids& outer) {
  std::vector<bind::BoundExprPtr> out;
  for (const RestrictInfo* rinfo : quals) {
    const BoundExpr& c = *rinfo->clause;
    if (c.args.size() == 2 && !rinfo->left_relids.IsSubsetOf(outer) &&
        rinfo->right_relids.IsSubsetOf(outer)) {
      const std::string op = bind::CommutatorOf(c.name);
      out.push_back(bind::MakeOp(op.empty() ? c.name : op, c.op_class, c.type,
                                 bind::Clone(*c.args[1]), bind::Clone(*c.args[0])));
    } else {
      out.push_back(bind::Clone(c));
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<PlanNode> CreateJoinPlan(PlannerInfo& root, const Path& path) {
  const PlanKind kind = path.kind == PathKind::kNestLoop   ? PlanKind::kNestLoop
                        : path.kind == PathKind::kHashJoin ? PlanKind::kHashJoin
                                                           : PlanKind::kMergeJoin;
  auto node = MakeNode(kind, path);
  node->join_type = path.join_type;
  node->inner_unique = path.inner_unique;
  auto outer = CreatePlan(root, *path.outer);
  auto inner = CreatePlan(root, *path.inner);
  // extract_actual_join_clauses: at an outer join, clauses pushed down from above are the
  // node's Filter, its own clauses the Join Filter; at an inner or semi join all are the
  // Join Filter.
  const bool outer_join = path.join_type == JoinType::kLeft || path.join_type == JoinType::kRight ||
                          path.join_type == JoinType::kFull || path.join_type == JoinType::kAnti;
  std::vector<const RestrictInfo*> other;
  std::vector<const RestrictInfo*> pushed;
  for (const RestrictInfo* rinfo : path.join_restrict) {
    if (Contains(path.path_clauses, rinfo)) continue;
    if (outer_join && rinfo->is_pushed_down) {
      pushed.push_back(rinfo);
    } else {
      other.push_back(rinfo);
    }
  }
  if (kind == PlanKind::kHashJoin) {
    node->hash_cond = OuterFirst(path.path_clauses, path.outer->parent->relids);
    auto hash = std::make_unique<PlanNode>();
    hash->kind = PlanKind::kHash;
    hash->startup_cost = inner->total_cost;
    hash->total_cost = inner->total_cost;
    hash->rows = inner->rows;
    hash->width = inner->width;
    hash->parallel_aware = path.parallel_aware;
    inner->relationship = ParentRelationship::kOuter;
    hash->children.push_back(std::move(inner));
    inner = std::move(hash);
  } else if (kind == PlanKind::kMergeJoin) {
    node->merge_cond = OuterFirst(path.path_clauses, path.outer->parent->relids);
    // Explicit sorts of the inputs, and a Materialize over the inner when costing chose it.
    auto wrap_sort = [&](std::unique_ptr<PlanNode> child, const PathKeys& keys, const Path& input) {
      if (keys.empty()) return child;
      Path sort_path;
      sort_path.kind = PathKind::kSort;
      sort_path.parent = input.parent;
      CostSort(root, sort_path, input, -1);
      auto sort = MakeNode(PlanKind::kSort, sort_path);
      sort->sort_keys = SortKeysFor(root, keys, input.parent->relids);
      child->relationship = ParentRelationship::kOuter;
      sort->children.push_back(std::move(child));
      return sort;
    };
    outer = wrap_sort(std::move(outer), path.outer_sort_keys, *path.outer);
    inner = wrap_sort(std::move(inner), path.inner_sort_keys, *path.inner);
    if (path.materialize_inner) {
      auto mat = std::make_unique<PlanNode>();
      mat->kind = PlanKind::kMaterialize;
      mat->startup_cost = inner->startup_cost;
      // createplan.c: the Materialize shows its input's cost plus cpu_operator_cost a row.
      mat->total_cost = inner->total_cost + root.params.cpu_operator_cost * inner->rows;
      mat->rows = inner->rows;
      mat->width = inner->width;
      inner->relationship = ParentRelationship::kOuter;
      mat->children.push_back(std::move(inner));
      inner = std::move(mat);
    }
  }
  node->join_filter = Exprs(other);
  node->filter = Exprs(pushed);
  outer->relationship = ParentRelationship::kOuter;
  inner->relationship = ParentRelationship::kInner;
  node->children.push_back(std::move(outer));
  node->children.push_back(std::move(inner));
  return node;
}

}  // namespace dbopt::plan
