// add_path (PostgreSQL's pathnode.c): keeps a new path only if no existing path of the rel
// dominates it, and drops the existing paths it dominates. Dominance compares total and startup
// cost with a 1% fuzz factor, pathkeys, parameterization, rows and parallel safety.
#pragma once

#include "planner_info.h"

namespace dbopt::plan {

// PG15: STD_FUZZ_FACTOR in pathnode.c.
constexpr double kStdFuzzFactor = 1.01;

// True when `a` sorts by `b` or by a longer list starting with `b` (pathkeys_contained_in(b, a)).
bool PathKeysContain(const PathKeys& a, const PathKeys& b);

void AddPath(RelOptInfo& rel, Path* path);
void AddPartialPath(RelOptInfo& rel, Path* path);

// set_cheapest: the cheapest-total and cheapest-startup unparameterized paths of the rel.
void SetCheapest(RelOptInfo& rel);

// compare_fractional_path_costs: cost of fetching `fraction` of the rows (fraction <= 0 or >= 1:
// total cost).
double FractionalCost(const Path& path, double fraction);

}  // namespace dbopt::plan
