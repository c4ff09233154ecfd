// Base relations of a query level: sizes, needed columns, widths (see base_rels.cc).
#pragma once

#include "planner_info.h"

namespace dbopt::plan {

// Creates a RelOptInfo for each table in the range table, with pages/tuples/allvisfrac and
// per-column widths, and registers it in root.estimation.
void BuildBaseRels(PlannerInfo& root);

// Records that the Vars of expr are needed by the rels in `where` (bit 0: the query's output).
void MarkNeeded(PlannerInfo& root, const BoundExpr& expr, const Relids& where);
Relids TopLevelRelids();

// set_rel_width / build_joinrel_tlist: the width of the columns of `rel`'s base rels that are
// needed outside `joined` (the rel itself, or a join containing it).
int RelWidthAbove(const PlannerInfo& root, const RelOptInfo& rel, const Relids& joined);

}  // namespace dbopt::plan
