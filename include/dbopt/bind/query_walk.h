// Walking bound expressions across query levels. A SubLink's sub-Query is one level below the
// expression that holds it; so are a Query's subquery range-table entries and its CTEs. Walkers
// that care about outer references (PostgreSQL's pull_varnos, contain_volatile_functions) pass
// the depth so that a Var with levelsup == depth is recognised as pointing back to the start.
#pragma once

#include <functional>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"

namespace dbopt::bind {

using DepthVisitor = std::function<void(const BoundExpr& node, int depth)>;

// Visits every node of expr (depth 0) and, below each SubLink, every node of its sub-Query
// (depth 1, 2, ...), parents before children.
void WalkWithSubqueries(const BoundExpr& expr, const DepthVisitor& visit);

// Visits every expression node of query at `depth` (range-table functions, VALUES rows, join
// quals, targets, HAVING, LIMIT, ...) and of the queries below it, one level deeper each.
void WalkQuery(const Query& query, int depth, const DepthVisitor& visit);

// Calls visit on every top-level expression of this query level (not descending into
// subqueries): targets, returning, join-tree quals, HAVING, LIMIT/OFFSET, range-table functions,
// VALUES rows and join alias Vars.
void ForEachQueryExpr(const Query& query, const std::function<void(const BoundExpr&)>& visit);

}  // namespace dbopt::bind
