// Constant folding: the part of PostgreSQL's eval_const_expressions (clauses.c) that matters to
// estimates. Immutable operators, functions and casts over constants become constants (integer,
// numeric and float arithmetic with PostgreSQL's result formatting, date ± integer, date ±
// interval, timestamp ± interval, literal casts); AND/OR with constant arguments simplify, nested
// ANDs/ORs flatten, and NOT is pushed into comparisons through their negators (negate_clause).
// Stable and volatile functions (now(), random()) are left alone, and so is anything whose value
// PostgreSQL would compute differently from dbopt (such expressions simply stay unfolded).
#pragma once

#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"

namespace dbopt::bind {

BoundExprPtr FoldConstants(BoundExprPtr expr);

// Folds every expression of the query and of the queries below it (subqueries, CTEs, SubLinks).
void FoldConstants(Query& query);

}  // namespace dbopt::bind
