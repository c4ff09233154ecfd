// SubPlans and InitPlans; see subplans.h.
#include "subplans.h"

#include <map>
#include <tuple>
#include <unordered_set>

#include "dbopt/bind/query_walk.h"
#include "dbopt/cost/qual_cost.h"
#include "dbopt/cost/width.h"
#include "query_copy.h"

namespace dbopt::plan {
namespace {

using bind::BoundExpr;
using bind::BoundExprPtr;
using bind::BoundKind;
using bind::SubLinkType;

// Every expression slot of a plan node (not of its children).
void ForEachNodeExpr(PlanNode& node, const std::function<void(BoundExprPtr&)>& visit) {
  for (auto* list : {&node.index_cond, &node.recheck_cond, &node.filter, &node.order_by,
                     &node.join_filter, &node.hash_cond, &node.merge_cond, &node.group_keys,
                     &node.cache_keys, &node.one_time_filter, &node.output, &node.run_condition}) {
    for (BoundExprPtr& e : *list) visit(e);
  }
  for (SortKey& key : node.sort_keys) visit(key.expr);
  if (node.limit_count) visit(node.limit_count);
  if (node.limit_offset) visit(node.limit_offset);
}

void ForEachPlanNode(PlanNode& node, const std::function<void(PlanNode&)>& visit) {
  visit(node);
  for (auto& child : node.children) ForEachPlanNode(*child, visit);
}

// The subquery mentions Vars of the level that holds the SubLink (levelsup 1 at its top).
bool IsCorrelated(const bind::Query& sub) {
  bool found = false;
  bind::WalkQuery(sub, 0, [&](const BoundExpr& node, int depth) {
    found = found || (node.kind == BoundKind::kVar && node.levelsup == depth + 1);
  });
  return found;
}

// Outer references in a subquery's plan become exec Params, numbered in order of appearance.
void ParamsForOuterVars(PlannerGlobal& global, PlanNode& plan) {
  std::map<std::tuple<int, int, int>, int> ids;
  ForEachPlanNode(plan, [&](PlanNode& node) {
    ForEachNodeExpr(node, [&](BoundExprPtr& slot) {
      RewriteVars(slot, [&](const BoundExpr& var) -> BoundExprPtr {
        if (var.levelsup == 0) return nullptr;
        const auto key = std::make_tuple(var.levelsup, var.varno, var.attno);
        auto it = ids.find(key);
        if (it == ids.end()) it = ids.emplace(key, global.next_param++).first;
        auto param = std::make_unique<BoundExpr>(BoundKind::kParam);
        param->type = var.type;
        param->param_kind = bind::ParamKind::kExec;
        param->param_id = it->second;
        return param;
      });
    });
  });
}

// ExecMaterializesOutput: nodes whose output a rescan can re-read without recomputing.
bool MaterializesOutput(PlanKind kind) {
  return kind == PlanKind::kMaterialize || kind == PlanKind::kFunctionScan ||
         kind == PlanKind::kCteScan || kind == PlanKind::kWorkTableScan || kind == PlanKind::kSort;
}

// cost_subplan through the cost module; the test expression costs one operator per compared
// column.
cost::QualCost CostSubPlan(const cost::CostParams& params, const SubPlanInfo& info,
                           const BoundExpr& link) {
  cost::SubPlanInput in;
  if (link.sublink_type == SubLinkType::kAny || link.sublink_type == SubLinkType::kAll ||
      link.sublink_type == SubLinkType::kRowCompare) {
    in.testexpr = cost::FunctionCallCost(params);
  }
  in.use_hash_table = info.hashed;
  in.plan = {info.plan->startup_cost, info.plan->total_cost};
  in.plan_rows = info.plan->rows;
  in.kind = link.sublink_type == SubLinkType::kExists ? cost::SubLinkKind::kExists
            : (link.sublink_type == SubLinkType::kAny || link.sublink_type == SubLinkType::kAll)
                ? cost::SubLinkKind::kAnyAll
                : cost::SubLinkKind::kOther;
  in.startup_once = !info.correlated && MaterializesOutput(info.plan->kind);
  return cost::CostSubplan(params, in);
}

// subplan_is_hashable: the subquery's rows fit in hash_mem.
bool FitsInHashTable(const cost::CostParams& params, const PlanNode& plan) {
  const double size =
      plan.rows * (cost::MaxAlign(plan.width) + cost::MaxAlign(cost::kSizeofHeapTupleHeader));
  return size <= params.HashMemBytes();
}

bool TestIsHashable(const BoundExpr& link) {
  // The comparison must be an equality (a hashable operator) — PostgreSQL checks each column.
  return link.sublink_type == SubLinkType::kAny && (link.name.empty() || link.name == "=");
}

Result<BoundExprPtr> MakeSubPlan(PlannerGlobal& global, const BoundExpr& link,
                                 const LevelPlanner& plan_level) {
  const bind::Query& sub = *link.subquery;
  SubPlanInfo info;
  info.type = link.sublink_type;
  info.correlated = IsCorrelated(sub);
  const double fraction =
      link.sublink_type == SubLinkType::kExists                                            ? 1.0
      : (link.sublink_type == SubLinkType::kAny || link.sublink_type == SubLinkType::kAll) ? 0.5
                                                                                           : 0.0;
  Result<LevelResult> planned = plan_level(global, sub, fraction);
  if (!planned.ok()) return std::move(planned).error();
  info.plan = std::move(planned->plan);
  for (std::string& note : planned->notes) global.notes.push_back(std::move(note));
  ParamsForOuterVars(global, *info.plan);
  info.id = static_cast<int>(global.subplans.size()) + 1;
  info.init_plan =
      !info.correlated &&
      (link.sublink_type == SubLinkType::kExpr || link.sublink_type == SubLinkType::kExists ||
       link.sublink_type == SubLinkType::kArray || link.sublink_type == SubLinkType::kRowCompare);
  info.hashed = !info.correlated && !info.init_plan && TestIsHashable(link) &&
                FitsInHashTable(global.params, *info.plan);
  BoundExprPtr replacement;
  if (info.init_plan) {
    info.output_param = global.next_param++;
    info.plan->subplan_name = "InitPlan " + std::to_string(info.id) + " (returns $" +
                              std::to_string(info.output_param) + ")";
    info.plan->relationship = ParentRelationship::kInitPlan;
    replacement = std::make_unique<BoundExpr>(BoundKind::kParam);
    replacement->param_kind = bind::ParamKind::kExec;
    replacement->param_id = info.output_param;
    replacement->type = link.type;
  } else {
    info.plan->subplan_name = "SubPlan " + std::to_string(info.id);
    info.plan->relationship = ParentRelationship::kSubPlan;
    info.plan->use_hash_table = info.hashed;
    replacement = std::make_unique<BoundExpr>(BoundKind::kSubPlan);
    replacement->subplan_id = info.id;
    replacement->type = link.type;
    replacement->sublink_type = link.sublink_type;
    replacement->name = link.name;
    for (const auto& arg : link.args) replacement->args.push_back(bind::Clone(*arg));
  }
  info.cost = CostSubPlan(global.params, info, link);
  global.subplans.push_back(std::move(info));
  return replacement;
}

}  // namespace

Status ConvertSubLinks(PlannerGlobal& global, bind::Query& query, const LevelPlanner& plan_level) {
  Status status = Ok{};
  ForEachExprSlot(query, [&](BoundExprPtr& root_slot) {
    if (!status.ok() || !root_slot) return;
    std::vector<BoundExprPtr*> stack{&root_slot};
    while (!stack.empty() && status.ok()) {
      BoundExprPtr* slot = stack.back();
      stack.pop_back();
      if (!*slot) continue;
      BoundExpr& node = **slot;
      if (node.kind == BoundKind::kSubLink && node.subquery) {
        Result<BoundExprPtr> replacement = MakeSubPlan(global, node, plan_level);
        if (!replacement.ok()) {
          status = std::move(replacement).error();
          return;
        }
        *slot = std::move(*replacement);
        continue;
      }
      for (auto& arg : node.args) stack.push_back(&arg);
      if (node.agg_filter) stack.push_back(&node.agg_filter);
      for (auto& o : node.agg_order) stack.push_back(&o);
    }
  });
  if (status.ok()) query.has_sublinks = false;
  return status;
}

cost::QualCost SubPlanCost(const PlannerGlobal& global, const BoundExpr& expr) {
  cost::QualCost qc;
  bind::Walk(expr, [&](const BoundExpr& node) {
    if (node.kind != BoundKind::kSubPlan) return;
    if (node.subplan_id >= 1 && node.subplan_id <= static_cast<int>(global.subplans.size())) {
      qc += global.subplans[node.subplan_id - 1].cost;
    }
  });
  return qc;
}

void AttachSubPlans(PlannerGlobal& global, PlanNode& node) {
  ForEachPlanNode(node, [&](PlanNode& n) {
    std::vector<int> ids;
    ForEachNodeExpr(n, [&](BoundExprPtr& slot) {
      if (!slot) return;
      bind::Walk(*slot, [&](const BoundExpr& e) {
        if (e.kind == BoundKind::kSubPlan) ids.push_back(e.subplan_id);
      });
    });
    for (int id : ids) {
      if (id < 1 || id > static_cast<int>(global.subplans.size())) continue;
      SubPlanInfo& info = global.subplans[id - 1];
      if (info.attached || info.init_plan || !info.plan) continue;
      info.attached = true;
      n.sub_plans.push_back(std::move(info.plan));
    }
  });
}

void AttachTargetSubPlans(PlannerGlobal& global, PlanNode& top,
                          const std::vector<bind::TargetEntry>& targets) {
  // is_projection_capable_plan: these nodes pass their input's rows through unchanged.
  PlanNode* node = &top;
  for (;;) {
    const PlanKind k = node->kind;
    const bool passes = k == PlanKind::kHash || k == PlanKind::kMaterialize ||
                        k == PlanKind::kMemoize || k == PlanKind::kSort ||
                        k == PlanKind::kIncrementalSort || k == PlanKind::kUnique ||
                        k == PlanKind::kSetOp || k == PlanKind::kLockRows ||
                        k == PlanKind::kLimit || k == PlanKind::kModifyTable;
    if (!passes || node->children.empty()) break;
    node = node->children[0].get();
  }
  for (const bind::TargetEntry& te : targets) {
    if (!te.expr) continue;
    bind::Walk(*te.expr, [&](const BoundExpr& e) {
      if (e.kind != BoundKind::kSubPlan) return;
      const int id = e.subplan_id;
      if (id < 1 || id > static_cast<int>(global.subplans.size())) return;
      SubPlanInfo& info = global.subplans[id - 1];
      if (info.attached || info.init_plan || !info.plan) return;
      info.attached = true;
      node->sub_plans.push_back(std::move(info.plan));
    });
  }
}

void AttachInitPlans(PlannerGlobal& global, PlanNode& top, int first_subplan_id) {
  for (size_t i = static_cast<size_t>(first_subplan_id - 1); i < global.subplans.size(); ++i) {
    SubPlanInfo& info = global.subplans[i];
    if (!info.init_plan || info.attached || !info.plan) continue;
    // SS_charge_for_initplans: the InitPlan runs once, before the level's first row.
    const double charge = info.cost.startup + info.cost.per_tuple;
    top.startup_cost += charge;
    top.total_cost += charge;
    info.attached = true;
    top.init_plans.push_back(std::move(info.plan));
  }
}

void RenumberRangeTable(PlanNode& node, const std::function<int(int)>& map,
                        const std::unordered_set<const PlanNode*>* skip) {
  if (skip != nullptr && skip->count(&node) > 0) return;
  if (node.scan_rtindex > 0) node.scan_rtindex = map(node.scan_rtindex);
  ForEachNodeExpr(node, [&](BoundExprPtr& slot) {
    RewriteVars(slot, [&](const BoundExpr& var) -> BoundExprPtr {
      if (var.levelsup != 0) return nullptr;
      auto copy = bind::Clone(var);
      copy->varno = map(var.varno);
      return copy;
    });
  });
  for (auto* list : {&node.children, &node.init_plans, &node.sub_plans}) {
    for (auto& child : *list) RenumberRangeTable(*child, map, skip);
  }
}

}  // namespace dbopt::plan
