// Flattening before planning (PostgreSQL's prepjointree.c): join alias Vars are replaced by the
// columns they stand for; correlated EXISTS / NOT EXISTS in WHERE become semi / anti joins
// (pull_up_sublinks); simple subqueries in FROM, and CTEs referenced once, are merged into the
// parent query (pull_up_subqueries, and PostgreSQL 12+'s CTE inlining). What is not flattened is
// left for the planner, which may refuse it as not supported.
#pragma once

#include <memory>

#include "dbopt/bind/query.h"

namespace dbopt::plan {

// Returns a flattened copy of query; the input is not changed.
std::shared_ptr<bind::Query> FlattenQuery(const bind::Query& query);

}  // namespace dbopt::plan
