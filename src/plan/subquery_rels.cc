// Subquery rels; see subquery_rels.h.
#include "subquery_rels.h"

#include "add_path.h"
#include "costing.h"
#include "dbopt/bind/pg_type.h"
#include "dbopt/cost/other_scan_cost.h"
#include "join_tree.h"
#include "planner_global.h"

namespace dbopt::plan {
namespace {

// The width of one subquery output column: a plain column's pg_stats.avg_width (or its type's
// width), any other expression its type's average width.
int OutputWidth(const bind::Query& sub, const bind::BoundExpr& expr) {
  if (expr.kind == bind::BoundKind::kVar && expr.levelsup == 0 && expr.varno >= 1 &&
      expr.varno <= static_cast<int>(sub.rtable.size()) && expr.attno > 0) {
    const bind::RangeTblEntry& rte = sub.rtable[expr.varno - 1];
    if (rte.table != nullptr && expr.attno <= static_cast<int>(rte.table->columns.size())) {
      const catalog::Column& column = rte.table->columns[expr.attno - 1];
      auto it = rte.table->column_stats.find(column.name);
      if (it != rte.table->column_stats.end() && it->second.avg_width > 0) {
        return it->second.avg_width;
      }
    }
  }
  return bind::TypeAverageWidth(expr.type);
}

}  // namespace

Status BuildSubqueryRels(PlannerInfo& root, const LevelPlanner& plan_level) {
  const std::vector<int> refs = RangeRefs(root.query->jointree);
  for (int rtindex : refs) {
    const bind::RangeTblEntry& rte = root.query->rtable[rtindex - 1];
    if (rte.kind != bind::RteKind::kSubquery || !rte.subquery) continue;
    if (rte.lateral) {
      return Error::BadInput("not supported: LATERAL subqueries in explain");
    }
    Result<LevelResult> planned = plan_level(*root.global, *rte.subquery, 0.0);
    if (!planned.ok()) return std::move(planned).error();
    RelOptInfo* rel = root.NewRel();
    rel->kind = RelKind::kBase;
    rel->rtindex = rtindex;
    rel->relids = Relids::Of(rtindex);
    rel->subquery_plan = std::move(planned->plan);
    rel->tuples = rel->subquery_plan->rows;
    const bind::Query& sub = *rte.subquery;
    rel->attr_widths.assign(1, 0);
    for (const bind::TargetEntry& te : sub.targets) {
      if (te.resjunk) continue;
      rel->attr_widths.push_back(OutputWidth(sub, *te.expr));
    }
    rel->attr_needed.assign(rel->attr_widths.size(), Relids());
    root.simple_rels[rtindex] = rel;
    root.all_baserels.Add(rtindex);
    stats::RelEstimate& est = root.estimation.rels[rtindex];
    est.subquery = rte.subquery.get();
    est.tuples = rel->tuples;
    est.rows = rel->tuples;
    for (std::string& note : planned->notes) root.estimation.warnings.push_back(std::move(note));
  }
  return Ok{};
}

// cost_subqueryscan: the subplan's cost, plus (cpu_tuple_cost + quals) per subplan row;
// rows = clamp(subplan rows · selectivity of the restriction clauses).
void AddSubqueryScanPath(PlannerInfo& root, RelOptInfo& rel) {
  Path* path = root.NewPath();
  path->kind = PathKind::kSubqueryScan;
  path->parent = &rel;
  const PlanNode& sub = *rel.subquery_plan;
  path->rows = rel.rows;
  cost::SimpleScanInput in;
  in.tuples = rel.tuples;
  in.rows = rel.rows;
  in.quals = rel.baserestrictcost;
  const cost::Cost c =
      cost::CostSubqueryScan(root.params, {sub.startup_cost, sub.total_cost}, sub.rows, in);
  path->startup_cost = c.startup;
  path->total_cost = c.total;
  AddPath(rel, path);
}

}  // namespace dbopt::plan
