// Equivalence classes (PostgreSQL's equivclass.c): equalities in WHERE and inner-join ON clauses
// merge their operands into classes; from a class the planner derives restriction clauses
// (a = b AND b = 5 gives a = 5 and b = 5) and, per join, one join clause per class.
#pragma once

#include <vector>

#include "planner_info.h"

namespace dbopt::plan {

// process_equivalence: if rinfo is an equality the planner may use transitively, records it in
// an equivalence class and returns true (the clause is then not used directly).
bool AddEquivalence(PlannerInfo& root, RestrictInfo* rinfo);

// generate_base_implied_equalities: restriction clauses implied by each class (member = constant,
// or member = member within one rel), added to the base rels' baserestrictinfo.
void GenerateBaseImpliedEqualities(PlannerInfo& root);

// generate_join_implied_equalities: the join clauses a join of outer and inner needs so that every
// class spanning both sides stays enforced. Returned clauses are owned by root.
std::vector<const RestrictInfo*> JoinImpliedEqualities(PlannerInfo& root, const Relids& outer,
                                                       const Relids& inner);

// True when some class has members on both sides (have_relevant_eclass_joinclause).
bool HaveEquivalenceJoin(const PlannerInfo& root, const Relids& a, const Relids& b);

// The class whose members include expr (by structural equality), or -1.
int FindEquivalenceClass(const PlannerInfo& root, const BoundExpr& expr);
// Like FindEquivalenceClass, but creates a single-member class when none matches (as
// make_pathkey_from_sortinfo does for sort keys).
int GetEquivalenceClass(PlannerInfo& root, const BoundExpr& expr);

// Builds a RestrictInfo for clause, computing its relids and join-ability.
RestrictInfo* MakeRestrictInfo(PlannerInfo& root, const BoundExpr* clause, bool is_pushed_down);

}  // namespace dbopt::plan
