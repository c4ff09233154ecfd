// State shared by every query level of one statement (PostgreSQL's PlannerGlobal): settings,
// the flattened range table EXPLAIN resolves Vars against, the SubPlans and InitPlans planned
// so far, and parameter numbering ($0, $1, ...).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"
#include "dbopt/plan/plan_node.h"
#include "dbopt/plan/planner.h"

namespace dbopt::plan {

// A planned subquery of a SubLink: its plan and what costing it in the parent needs.
struct SubPlanInfo {
  int id = 0;  // 1-based, "SubPlan 1" / "InitPlan 1"
  std::unique_ptr<PlanNode> plan;
  bool init_plan = false;  // uncorrelated scalar/EXISTS/ARRAY: run once, result in a Param
  int output_param = -1;   // InitPlan: the $n it returns
  bool hashed = false;     // ANY over a hash table of the subquery's rows
  bind::SubLinkType type = bind::SubLinkType::kExpr;
  bool correlated = false;
  cost::QualCost cost;    // cost_subplan: what evaluating it costs the parent
  bool attached = false;  // already placed under a plan node
};

struct PlannerGlobal {
  const catalog::Catalog* catalog = nullptr;
  const PlannerOptions* options = nullptr;
  cost::CostParams params;
  std::vector<bind::RangeTblEntry> rtable;  // every level's entries, flattened
  // One entry per planned query level, for putting the flattened range table in PostgreSQL's
  // order at the end (see planner.cc FlatRangeTableOrder).
  struct Level {
    int parent = -1;       // the level it was planned for, -1 for the statement
    bool subplan = false;  // a SubPlan, InitPlan or CTE (glob->subplans), not a FROM subquery
    int offset = 0;        // its entries in `rtable`: [offset, offset + size)
    int size = 0;
    int finished = -1;  // order in which the levels were finished
  };
  std::vector<Level> levels;
  int current_level = -1;
  int finished_levels = 0;
  std::vector<SubPlanInfo> subplans;
  int next_param = 0;
  std::vector<std::string> notes;
};

}  // namespace dbopt::plan
