// Per-aggregate costs (PostgreSQL's prepagg.c get_agg_clause_costs) from what pg_aggregate says
// about the built-in aggregates: every transition and final function has procost 1, so an
// aggregate costs cpu_operator_cost per input row (plus its arguments' evaluation), and one more
// per group when it has a final function; by-reference transition states take memory in a hash
// table (transitionSpace).
#pragma once

#include <vector>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/cost/agg_cost.h"
#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"

namespace dbopt::plan {

// cost::AggCosts (transition and final costs, transition space) and how many transition states.
struct AggregateInfo {
  cost::AggCosts costs;
  int num_aggs = 0;
  int num_trans = 0;
  bool partial_ok = true;  // every aggregate has a combine function (parallel aggregation)
};

// Which half of a two-phase (parallel) aggregation is costed: PostgreSQL's AggSplit.
enum class AggPhase { kSimple, kPartial, kFinalize };

// The aggregates (kAggref) found in exprs, outside subqueries. Aggregates dbopt does not know
// are costed like sum() — stated in the returned `unknown` list for a note.
// get_agg_clause_costs: kPartial charges the transition function and arguments per row and the
// serialization function per group (internal states); kFinalize charges the combine (and
// deserialization) function per row and the final function per group.
AggregateInfo AggregateCosts(const cost::CostParams& params,
                             const std::vector<const bind::BoundExpr*>& exprs, AggPhase phase,
                             std::vector<std::string>* unknown);

}  // namespace dbopt::plan
