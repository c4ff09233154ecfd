// Path → PlanNode; see create_plan.h.
#include "create_plan.h"

#include <algorithm>

#include "costing.h"
#include "create_plan_parts.h"
#include "equivalence.h"
#include "index_match.h"
#include "why.h"

namespace dbopt::plan {

std::vector<bind::BoundExprPtr> Exprs(const std::vector<const RestrictInfo*>& quals) {
  std::vector<bind::BoundExprPtr> out;
  for (const RestrictInfo* rinfo : OrderQuals(quals)) out.push_back(bind::Clone(*rinfo->clause));
  return out;
}

bool Contains(const std::vector<const RestrictInfo*>& list, const RestrictInfo* rinfo) {
  return std::find(list.begin(), list.end(), rinfo) != list.end();
}

namespace {

void CopyEstimates(const Path& path, PlanNode& node) {
  node.startup_cost = path.startup_cost;
  node.total_cost = path.total_cost;
  node.rows = path.rows;
  node.width = path.parent != nullptr ? path.parent->width : 0;
  node.parallel_aware = path.parallel_aware;
}

}  // namespace

// The expression to sort by for each key: the first non-constant member of its class that the
// input can compute (its Vars are within `available`, when given).
std::vector<SortKey> SortKeysFor(PlannerInfo& root, const PathKeys& keys, const Relids& available) {
  std::vector<SortKey> out;
  for (const PathKey& key : keys) {
    const EquivalenceClass& ec = root.ecs[key.ec];
    const BoundExpr* expr = nullptr;
    // prepare_sort_from_pathkeys: a member that is in the target list first.
    for (const EquivalenceMember& m : ec.members) {
      if (m.is_const || !(available.IsEmpty() || m.relids.IsSubsetOf(available))) continue;
      for (const bind::TargetEntry& te : root.query->targets) {
        if (expr == nullptr && bind::Equal(*te.expr, *m.expr)) expr = m.expr;
      }
    }
    for (const EquivalenceMember& m : ec.members) {
      if (expr != nullptr) break;
      if (!m.is_const && (available.IsEmpty() || m.relids.IsSubsetOf(available))) {
        expr = m.expr;
        break;
      }
    }
    if (expr == nullptr) continue;
    SortKey sk;
    sk.expr = bind::Clone(*expr);
    sk.descending = key.descending;
    sk.nulls_first = key.nulls_first;
    out.push_back(std::move(sk));
  }
  return out;
}

std::unique_ptr<PlanNode> MakeNode(PlanKind kind, const Path& path) {
  auto node = std::make_unique<PlanNode>();
  node->kind = kind;
  CopyEstimates(path, *node);
  return node;
}

namespace {

std::unique_ptr<PlanNode> IndexScanNode(PlannerInfo& root, const Path& path) {
  (void)root;
  auto node = MakeNode(
      path.kind == PathKind::kIndexOnlyScan ? PlanKind::kIndexOnlyScan : PlanKind::kIndexScan,
      path);
  node->scan_rtindex = path.parent->rtindex;
  node->index = path.index->index;
  node->index_name = path.index->name;
  node->direction = path.direction;
  for (const IndexClause& ic : path.index_clauses) {
    node->index_cond.push_back(bind::Clone(*ic.index_qual));
  }
  node->filter = Exprs(NonIndexQuals(path));
  return node;
}

std::unique_ptr<PlanNode> BitmapTree(PlannerInfo& root, const Path& path,
                                     std::vector<bind::BoundExprPtr>& recheck) {
  if (path.kind == PathKind::kBitmapAnd || path.kind == PathKind::kBitmapOr) {
    auto node = MakeNode(
        path.kind == PathKind::kBitmapAnd ? PlanKind::kBitmapAnd : PlanKind::kBitmapOr, path);
    node->startup_cost = path.total_cost;  // BitmapAnd/Or show their cost as both numbers
    node->width = 0;
    node->rows = 0;
    if (path.kind == PathKind::kBitmapAnd) {
      for (const Path* child : path.bitmap_children) {
        node->children.push_back(BitmapTree(root, *child, recheck));
      }
      return node;
    }
    // create_bitmap_subplan: a BitmapOr rechecks the OR of its arms' conditions (each arm's
    // ANDed); an arm without conditions makes the whole OR need none.
    std::vector<bind::BoundExprPtr> arms;
    bool arm_without_quals = false;
    for (const Path* child : path.bitmap_children) {
      std::vector<bind::BoundExprPtr> arm;
      node->children.push_back(BitmapTree(root, *child, arm));
      node->children.back()->relationship = ParentRelationship::kMember;
      if (arm.empty()) arm_without_quals = true;
      if (arm.size() == 1) {
        arms.push_back(std::move(arm[0]));
      } else if (!arm.empty()) {
        arms.push_back(bind::MakeBool(bind::BoundKind::kAnd, std::move(arm)));
      }
    }
    if (arm_without_quals) return node;
    if (arms.size() == 1) {
      recheck.push_back(std::move(arms[0]));
    } else if (!arms.empty()) {
      recheck.push_back(bind::MakeBool(bind::BoundKind::kOr, std::move(arms)));
    }
    return node;
  }
  auto node = MakeNode(PlanKind::kBitmapIndexScan, path);
  node->scan_rtindex = path.parent->rtindex;
  node->index = path.index->index;
  node->index_name = path.index->name;
  node->startup_cost = 0;
  node->total_cost = path.index_total_cost;
  node->width = 0;
  for (const IndexClause& ic : path.index_clauses) {
    node->index_cond.push_back(bind::Clone(*ic.index_qual));
    recheck.push_back(bind::Clone(*ic.index_qual));
  }
  return node;
}

}  // namespace

std::vector<const RestrictInfo*> OrderQuals(std::vector<const RestrictInfo*> quals) {
  std::stable_sort(quals.begin(), quals.end(), [](const RestrictInfo* a, const RestrictInfo* b) {
    return a->eval_cost.per_tuple < b->eval_cost.per_tuple;
  });
  return quals;
}

std::unique_ptr<PlanNode> CreatePlanNode(PlannerInfo& root, const Path& path);

std::unique_ptr<PlanNode> CreatePlan(PlannerInfo& root, const Path& path) {
  std::unique_ptr<PlanNode> node = CreatePlanNode(root, path);
  // --why: the node that implements a rel's chosen path lists the rel's alternatives.
  if (root.collect_why && node && path.parent != nullptr && !path.parent->considered.empty() &&
      !path.parent->why_reported) {
    path.parent->why_reported = true;
    node->why = WhyLines(root, path);
  }
  return node;
}

std::unique_ptr<PlanNode> CreatePlanNode(PlannerInfo& root, const Path& path) {
  switch (path.kind) {
    case PathKind::kSeqScan: {
      auto node = MakeNode(PlanKind::kSeqScan, path);
      node->scan_rtindex = path.parent->rtindex;
      node->filter =
          Exprs({path.parent->baserestrictinfo.begin(), path.parent->baserestrictinfo.end()});
      return node;
    }
    case PathKind::kIndexScan:
    case PathKind::kIndexOnlyScan:
      return IndexScanNode(root, path);
    case PathKind::kBitmapHeapScan: {
      auto node = MakeNode(PlanKind::kBitmapHeapScan, path);
      node->scan_rtindex = path.parent->rtindex;
      node->children.push_back(BitmapTree(root, *path.bitmap_children[0], node->recheck_cond));
      node->children[0]->relationship = ParentRelationship::kOuter;
      std::vector<const RestrictInfo*> rest;
      std::vector<const RestrictInfo*> in_bitmap;
      std::vector<const IndexInfo*> indexes;
      std::vector<const Path*> stack{path.bitmap_children[0]};
      while (!stack.empty()) {
        const Path* p = stack.back();
        stack.pop_back();
        for (const IndexClause& ic : p->index_clauses) in_bitmap.push_back(ic.rinfo);
        // A BitmapOr enforces the OR clause it was built from.
        for (const RestrictInfo* rinfo : p->path_clauses) in_bitmap.push_back(rinfo);
        if (p->index != nullptr) indexes.push_back(p->index);
        for (const Path* c : p->bitmap_children) stack.push_back(c);
      }
      for (const RestrictInfo* rinfo : path.parent->baserestrictinfo) {
        bool implied = false;  // by a partial index's predicate
        for (const IndexInfo* index : indexes) {
          implied = implied || ImpliedByIndexPredicate(*index, *rinfo);
        }
        if (!Contains(in_bitmap, rinfo) && !implied) rest.push_back(rinfo);
      }
      node->filter = Exprs(rest);
      return node;
    }
    case PathKind::kNestLoop:
    case PathKind::kHashJoin:
    case PathKind::kMergeJoin:
      return CreateJoinPlan(root, path);
    case PathKind::kSort:
    case PathKind::kIncrementalSort: {
      auto node = MakeNode(
          path.kind == PathKind::kSort ? PlanKind::kSort : PlanKind::kIncrementalSort, path);
      node->sort_keys = SortKeysFor(root, path.pathkeys);
      node->presorted_keys = path.presorted_keys;
      auto child = CreatePlan(root, *path.subpath);
      node->width = child->width;
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kMaterial: {
      auto node = MakeNode(PlanKind::kMaterialize, path);
      auto child = CreatePlan(root, *path.subpath);
      node->width = child->width;
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kAgg: {
      auto node = MakeNode(PlanKind::kAggregate, path);
      node->agg_strategy = path.agg_strategy;
      node->agg_split = path.agg_split;
      if (path.for_set_op) {
        for (const bind::TargetEntry& te : root.query->targets) {
          node->group_keys.push_back(bind::Clone(*te.expr));
        }
      }
      const auto& keys = path.for_distinct ? root.query->distinct : root.query->group_by;
      for (const bind::SortGroupClause& sgc : path.for_set_op ? decltype(keys){} : keys) {
        if (const bind::TargetEntry* te = root.query->FindSortGroupTarget(sgc.tle_ref)) {
          node->group_keys.push_back(bind::Clone(*te->expr));
        }
      }
      if (root.query->having && !path.for_distinct && !path.for_set_op) {
        node->filter.push_back(bind::Clone(*root.query->having));
      }
      auto child = CreatePlan(root, *path.subpath);
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kGather:
    case PathKind::kGatherMerge: {
      auto node = MakeNode(
          path.kind == PathKind::kGather ? PlanKind::kGather : PlanKind::kGatherMerge, path);
      node->workers_planned = path.parallel_workers;
      auto child = CreatePlan(root, *path.subpath);
      if (path.kind == PathKind::kGatherMerge) {
        node->sort_keys = SortKeysFor(root, path.pathkeys);
      }
      node->width = child->width;
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kResult:
      return MakeNode(PlanKind::kResult, path);
    case PathKind::kCteScan: {
      auto node = MakeNode(PlanKind::kCteScan, path);
      node->scan_rtindex = path.parent->rtindex;
      node->cte_name = path.parent->cte_name;
      node->filter =
          Exprs({path.parent->baserestrictinfo.begin(), path.parent->baserestrictinfo.end()});
      return node;
    }
    case PathKind::kAppend: {
      auto node = MakeNode(PlanKind::kAppend, path);
      for (const Path* sub : path.subpaths) {
        auto child = CreatePlan(root, *sub);
        child->relationship = ParentRelationship::kMember;
        node->children.push_back(std::move(child));
      }
      return node;
    }
    case PathKind::kSetOp: {
      auto node = MakeNode(PlanKind::kSetOp, path);
      node->setop_command = path.setop_command;
      node->setop_strategy = path.setop_strategy;
      auto child = CreatePlan(root, *path.subpath);
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kMemoize: {
      auto node = MakeNode(PlanKind::kMemoize, path);
      for (const BoundExpr* key : path.cache_keys) node->cache_keys.push_back(bind::Clone(*key));
      auto child = CreatePlan(root, *path.subpath);
      node->width = child->width;
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kWindowAgg: {
      auto node = MakeNode(PlanKind::kWindowAgg, path);
      for (const bind::WindowClause& w : root.query->windows) {
        if (w.win_ref == path.win_ref) node->window_name = w.name;
      }
      auto child = CreatePlan(root, *path.subpath);
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kSubqueryScan: {
      RelOptInfo& rel = *path.parent;
      std::vector<const RestrictInfo*> quals(rel.baserestrictinfo.begin(),
                                             rel.baserestrictinfo.end());
      if (quals.empty() && !rel.keep_subquery_scan) {
        // setrefs.c trivial_subqueryscan: a SubqueryScan that only passes rows through is
        // removed; the subquery's plan takes its place.
        return std::move(rel.subquery_plan);
      }
      auto node = MakeNode(PlanKind::kSubqueryScan, path);
      node->scan_rtindex = rel.rtindex;
      node->filter = Exprs(quals);
      rel.subquery_plan->relationship = ParentRelationship::kSubquery;
      node->children.push_back(std::move(rel.subquery_plan));
      return node;
    }
    case PathKind::kModifyTable: {
      auto node = MakeNode(PlanKind::kModifyTable, path);
      node->width = 0;
      node->rows = 0;
      switch (root.query->command) {
        case bind::CommandType::kInsert:
          node->operation = ModifyOperation::kInsert;
          break;
        case bind::CommandType::kUpdate:
          node->operation = ModifyOperation::kUpdate;
          break;
        default:
          node->operation = ModifyOperation::kDelete;
          break;
      }
      node->scan_rtindex = root.query->result_relation;
      auto child = CreatePlan(root, *path.subpath);
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kUnique: {
      auto node = MakeNode(PlanKind::kUnique, path);
      auto child = CreatePlan(root, *path.subpath);
      node->unique_columns = static_cast<int>(root.query->distinct.size());
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    case PathKind::kUniquify: {
      // create_unique_plan: nothing over an input already unique; else a HashAggregate, or a
      // Unique over a Sort (costed by cost_sort on the input), grouping on the semi join's
      // right-hand expressions.
      auto child = CreatePlan(root, *path.subpath);
      if (path.unique_method == UniqueMethod::kNoop) return child;
      child->relationship = ParentRelationship::kOuter;
      if (path.unique_method == UniqueMethod::kHash) {
        auto node = MakeNode(PlanKind::kAggregate, path);
        node->agg_strategy = AggStrategy::kHashed;
        for (const BoundExpr* e : path.uniq_exprs) node->group_keys.push_back(bind::Clone(*e));
        node->children.push_back(std::move(child));
        return node;
      }
      Path sort_path;
      sort_path.kind = PathKind::kSort;
      sort_path.parent = path.parent;
      CostSort(root, sort_path, *path.subpath, -1);
      auto sort = MakeNode(PlanKind::kSort, sort_path);
      sort->width = child->width;
      for (const BoundExpr* e : path.uniq_exprs) {
        SortKey key;
        key.expr = bind::Clone(*e);
        sort->sort_keys.push_back(std::move(key));
      }
      sort->children.push_back(std::move(child));
      sort->relationship = ParentRelationship::kOuter;
      auto node = MakeNode(PlanKind::kUnique, path);
      node->unique_columns = static_cast<int>(path.uniq_exprs.size());
      node->children.push_back(std::move(sort));
      return node;
    }
    case PathKind::kLimit: {
      auto node = MakeNode(PlanKind::kLimit, path);
      auto child = CreatePlan(root, *path.subpath);
      node->width = child->width;
      if (root.query->limit_count) node->limit_count = bind::Clone(*root.query->limit_count);
      if (root.query->limit_offset) node->limit_offset = bind::Clone(*root.query->limit_offset);
      child->relationship = ParentRelationship::kOuter;
      node->children.push_back(std::move(child));
      return node;
    }
    default:
      break;
  }
  auto node = std::make_unique<PlanNode>();
  node->kind = PlanKind::kResult;
  node->why.push_back("internal: path kind without a plan node");
  return node;
}

}  // namespace dbopt::plan
