// CTE scans; see cte_scans.h.
#include "cte_scans.h"

#include <map>

#include "add_path.h"
#include "dbopt/bind/pg_type.h"
#include "dbopt/cost/other_scan_cost.h"
#include "join_tree.h"
#include "planner_global.h"

namespace dbopt::plan {
Status BuildCteRels(PlannerInfo& root, const LevelPlanner& plan_level) {
  const std::vector<int> refs = RangeRefs(root.query->jointree);
  std::map<int, int> planned;  // cte_index → subplan id
  for (int rtindex : refs) {
    const bind::RangeTblEntry& rte = root.query->rtable[rtindex - 1];
    if (rte.kind != bind::RteKind::kCte) continue;
    if (rte.cte_levelsup != 0 || rte.cte_index < 0) {
      return Error::BadInput("not supported: a reference to an outer query's WITH query");
    }
    const bind::CommonTable& cte = root.query->ctes[rte.cte_index];
    if (cte.recursive || rte.self_reference) {
      return Error::BadInput("not supported: WITH RECURSIVE in explain");
    }
    if (!cte.query || cte.query->command != bind::CommandType::kSelect) {
      return Error::BadInput("not supported: a data-modifying WITH query in explain");
    }
    auto it = planned.find(rte.cte_index);
    if (it == planned.end()) {
      Result<LevelResult> level = plan_level(*root.global, *cte.query, 0.0);
      if (!level.ok()) return std::move(level).error();
      PlannerGlobal& global = *root.global;
      SubPlanInfo info;
      info.id = static_cast<int>(global.subplans.size()) + 1;
      info.init_plan = true;
      info.type = bind::SubLinkType::kCte;
      info.plan = std::move(level->plan);
      info.plan->subplan_name = "CTE " + cte.name;
      info.plan->relationship = ParentRelationship::kInitPlan;
      // cost_subplan for a CTE: run once, its whole cost charged to the level (SS_charge_for_
      // initplans).
      info.cost.per_tuple = info.plan->total_cost;
      it = planned.emplace(rte.cte_index, info.id).first;
      global.subplans.push_back(std::move(info));
    }
    const SubPlanInfo& info = root.global->subplans[it->second - 1];
    RelOptInfo* rel = root.NewRel();
    rel->kind = RelKind::kBase;
    rel->rtindex = rtindex;
    rel->relids = Relids::Of(rtindex);
    rel->cte_name = cte.name;
    rel->tuples = info.plan != nullptr ? info.plan->rows : 0;
    rel->attr_widths.assign(1, 0);
    for (const bind::TargetEntry& te : cte.query->targets) {
      if (!te.resjunk) rel->attr_widths.push_back(bind::TypeAverageWidth(te.expr->type));
    }
    rel->attr_needed.assign(rel->attr_widths.size(), Relids());
    root.simple_rels[rtindex] = rel;
    root.all_baserels.Add(rtindex);
    stats::RelEstimate& est = root.estimation.rels[rtindex];
    est.subquery = cte.query.get();
    est.tuples = rel->tuples;
    est.rows = rel->tuples;
  }
  return Ok{};
}

// cost_ctescan: (cpu_tuple_cost + quals) per CTE row.
void AddCteScanPath(PlannerInfo& root, RelOptInfo& rel) {
  Path* path = root.NewPath();
  path->kind = PathKind::kCteScan;
  path->parent = &rel;
  path->rows = rel.rows;
  cost::SimpleScanInput in;
  in.tuples = rel.tuples;
  in.rows = rel.rows;
  in.quals = rel.baserestrictcost;
  const cost::Cost c = cost::CostCteScan(root.params, in);
  path->startup_cost = c.startup;
  path->total_cost = c.total;
  AddPath(rel, path);
}

}  // namespace dbopt::plan
