// Small readers of a bound query's join tree and quals, shared by the planner's steps.
#pragma once

#include <vector>

#include "dbopt/bind/query.h"
#include "dbopt/bind/relids.h"

namespace dbopt::plan {

// make_ands_implicit: the conjuncts of an AND tree (expr itself when it is not an AND; nothing
// for null).
void Conjuncts(const bind::BoundExpr* expr, std::vector<const bind::BoundExpr*>& out);

// The range-table indexes of the leaves under node, in join-tree order.
std::vector<int> RangeRefs(const bind::JoinNode& node);

// The same as a set (PostgreSQL's get_relids_in_jointree).
bind::Relids LeafRelids(const bind::JoinNode& node);

}  // namespace dbopt::plan
