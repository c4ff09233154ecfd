// deconstruct_jointree (PostgreSQL's initsplan.c): walks the join tree, splits WHERE and ON
// clauses into conjuncts, turns each into a RestrictInfo, feeds equalities to the equivalence
// classes and attaches the rest to base rels (restrictions) or as join clauses; records the
// join-order restrictions of outer joins (SpecialJoinInfo).
#pragma once

#include "dbopt/base/result.h"
#include "planner_info.h"

namespace dbopt::plan {

// Fails with "not supported: ..." for join-tree shapes the planner does not handle yet.
Status DistributeQuals(PlannerInfo& root);

// Every clause that can be evaluated at a join of outer and inner but not below it (from the
// join clauses of the base rels), excluding equivalence-derived ones.
std::vector<const RestrictInfo*> JoinClausesFor(const PlannerInfo& root, const Relids& outer,
                                                const Relids& inner);

}  // namespace dbopt::plan
