// The planner explaining itself (--why): every path offered to a rel is remembered when the user
// asks, and the plan node that implements the rel lists the alternatives with their costs and
// why they lost, e.g.
//   chosen: Index Scan using orders_custkey_idx, cost 8.30, 0.1% of rows match
//   Seq Scan: cost 1840.00 (+1840.0 = 22169%)
#pragma once

#include <string>
#include <vector>

#include "planner_info.h"

namespace dbopt::plan {

// A short description of what the path does: "Seq Scan", "Index Scan using idx",
// "Hash Join of (o) and (c)", ...
std::string DescribePath(const PlannerInfo& root, const Path& path);

// The why lines for the rel that `chosen` belongs to: the chosen path first, then the other
// candidates (one per description, the cheapest of each), cheapest first.
std::vector<std::string> WhyLines(const PlannerInfo& root, const Path& chosen);

}  // namespace dbopt::plan
