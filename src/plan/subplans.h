// SubLinks that flattening left in expressions become SubPlans and InitPlans (PostgreSQL's
// subselect.c make_subplan): each subquery is planned on its own, as a separate query level;
// an uncorrelated scalar, EXISTS or ARRAY subquery runs once as an InitPlan whose result is a
// Param ($n); an uncorrelated IN / op ANY may probe a hash table of the subquery's rows; the
// rest run per outer row as SubPlans. cost_subplan decides what each costs its parent.
#pragma once

#include <functional>
#include <memory>
#include <unordered_set>

#include "dbopt/base/result.h"
#include "dbopt/bind/query.h"
#include "planner_global.h"

namespace dbopt::plan {

// Plans one query level: the statement, or a subquery. tuple_fraction as PostgreSQL's: 0 = all
// rows, (0, 1) a fraction, >= 1 an absolute number of rows the caller will fetch.
struct LevelResult {
  std::unique_ptr<PlanNode> plan;
  std::vector<std::string> notes;
};
using LevelPlanner =
    std::function<Result<LevelResult>(PlannerGlobal&, const bind::Query&, double tuple_fraction)>;

// Replaces every SubLink of query's expressions (this level only) by a kSubPlan or an InitPlan
// Param, planning the subqueries with plan_level. Outer references inside a subquery's plan are
// printed as Params too.
Status ConvertSubLinks(PlannerGlobal& global, bind::Query& query, const LevelPlanner& plan_level);

// cost_qual_eval's share of SubPlans: the cost of the SubPlans referenced in expr.
cost::QualCost SubPlanCost(const PlannerGlobal& global, const bind::BoundExpr& expr);

// Moves the SubPlans referenced by node's expressions under node (sub_plans), and, at the top of
// a query level, the InitPlans created for it (init_plans), charging their cost as PostgreSQL's
// SS_charge_for_initplans does.
void AttachSubPlans(PlannerGlobal& global, PlanNode& node);
void AttachInitPlans(PlannerGlobal& global, PlanNode& top, int first_subplan_id);
// The SubPlans of the level's target list, under the topmost node that computes it (below
// Sort, Limit, Unique and the other nodes that cannot project).
void AttachTargetSubPlans(PlannerGlobal& global, PlanNode& top,
                          const std::vector<bind::TargetEntry>& targets);

// setrefs' flattening of range tables: every scan's entry and every Var of this level
// (levelsup 0) in the plan tree, its InitPlans and SubPlans, moves from index i to map(i).
// Nodes in `skip` — plans of other levels, numbered already — are left alone with their
// subtrees.
void RenumberRangeTable(PlanNode& node, const std::function<int(int)>& map,
                        const std::unordered_set<const PlanNode*>* skip = nullptr);

}  // namespace dbopt::plan
