// reduce_outer_joins (PostgreSQL's prepjointree.c): a LEFT or RIGHT join whose nullable side a
// strict WHERE clause filters is really an inner join; a LEFT join followed by `right_col IS NULL`
// on a column its own clause is strict on is an anti join.
#pragma once

#include "dbopt/bind/query.h"

namespace dbopt::plan {

void ReduceOuterJoins(bind::Query& query);

}  // namespace dbopt::plan
