// Copies of bound queries and the expression rewrites that flattening needs (PostgreSQL's
// rewriteManip.c: OffsetVarNodes, IncrementVarSublevelsUp, ReplaceVarsFromTargetList).
// The planner flattens a private copy; the binder's Query is never changed.
#pragma once

#include <functional>
#include <memory>

#include "dbopt/bind/query.h"

namespace dbopt::plan {

// A deep copy: expressions, join tree, range table and upper clauses are copied; subqueries of
// SubLinks, RTEs and CTEs stay shared (they are read-only).
std::shared_ptr<bind::Query> CloneQuery(const bind::Query& query);
std::unique_ptr<bind::JoinNode> CloneJoinNode(const bind::JoinNode& node);

// Calls rewrite on every Var (at any levelsup) of expr, outside SubLink subqueries; a non-null
// result replaces the Var. Iterative, so deep trees do not recurse on the C++ stack.
void RewriteVars(bind::BoundExprPtr& expr,
                 const std::function<bind::BoundExprPtr(const bind::BoundExpr& var)>& rewrite);

// Every expression slot of a query level (targets, join-tree quals, having, limit, RTE
// functions/values, join alias vars), for rewriting in place.
void ForEachExprSlot(bind::Query& query, const std::function<void(bind::BoundExprPtr&)>& visit);

}  // namespace dbopt::plan
