// Pieces create_plan's files share (createplan.c helpers): plan nodes with a path's estimates,
// quals in evaluation order, sort keys from pathkeys. Private to the plan module.
#pragma once

#include <memory>
#include <vector>

#include "planner_info.h"

namespace dbopt::plan {

// A node of `kind` with the path's startup/total cost, rows and width.
std::unique_ptr<PlanNode> MakeNode(PlanKind kind, const Path& path);

// The clauses as printable expressions, cheaper ones first (order_qual_clauses).
std::vector<bind::BoundExprPtr> Exprs(const std::vector<const RestrictInfo*>& quals);

bool Contains(const std::vector<const RestrictInfo*>& list, const RestrictInfo* rinfo);

// The expression to sort by for each key: a member of its class the input can compute (its Vars
// within `available`, when given), preferring one in the target list.
std::vector<SortKey> SortKeysFor(PlannerInfo& root, const PathKeys& keys,
                                 const Relids& available = Relids());

// create_nestloop_plan, create_hashjoin_plan, create_mergejoin_plan.
std::unique_ptr<PlanNode> CreateJoinPlan(PlannerInfo& root, const Path& path);

}  // namespace dbopt::plan
