// A compact, deterministic text form of bound expressions and queries for tests and debugging
// (not EXPLAIN's format; the render module owns that). Constants follow ruleutils.c's labelling:
// 5, 5.0, '5'::numeric, '1995-01-01'::date, 'F'::bpchar; Vars print as alias.column (with
// "^n" for an outer reference n levels up) when the query is given, else as "$varno.column".
#pragma once

#include <string>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"

namespace dbopt::bind {

std::string DebugString(const BoundExpr& expr, const Query* query = nullptr);

// One line per part: range table, join tree with quals, targets, grouping, ordering, limits.
std::string DebugString(const Query& query);

}  // namespace dbopt::bind
