// Preprocessing of a flattened query level before planning (PostgreSQL's subquery_planner):
// constant folding and the removal of GROUP BY columns a grouped primary key determines.
#pragma once

#include "dbopt/bind/query.h"

namespace dbopt::plan {

// preprocess_expression's eval_const_expressions over every expression of this level
// (subqueries are folded when their own level is planned).
void FoldLevelConstants(bind::Query& query);

// remove_useless_groupby_columns: GROUP BY columns of a table whose primary key is grouped by
// are functionally dependent on it and are dropped from the grouping keys.
void RemoveUselessGroupByColumns(bind::Query& query);

}  // namespace dbopt::plan
