// Prints a planned statement the way PostgreSQL 15's EXPLAIN (costs on, not VERBOSE, not
// ANALYZE) does — text and FORMAT JSON byte for byte — or as a Graphviz digraph. The planner
// has computed everything; printing only formats. Formats: docs/explain-output.md.
#pragma once

#include <string>

#include "dbopt/base/result.h"
#include "dbopt/plan/plan_node.h"

namespace dbopt::render {

struct TextOptions {
  bool summary = false;  // "Planning Time: 0.123 ms" (EXPLAIN (SUMMARY))
  bool why = false;      // after the plan, the planner's reasons per node (dbopt's --why)
  bool notes = false;    // after the plan, PlannedStatement::notes as "Note: ..." lines
};

struct JsonOptions {
  bool summary = false;      // "Planning Time" (EXPLAIN (FORMAT JSON, SUMMARY))
  bool dbopt_extras = true;  // "dbopt Why" per node and "dbopt Notes", when not empty
};

// Every line ends with "\n", as psql prints EXPLAIN's rows (without psql's leading space).
Result<std::string> RenderText(const plan::PlannedStatement& statement, const TextOptions& options);

// EXPLAIN (FORMAT JSON)'s single value, followed by "\n".
Result<std::string> RenderJson(const plan::PlannedStatement& statement, const JsonOptions& options);

// A Graphviz digraph: one box per node (its EXPLAIN line, costs, and text properties), edges
// from parent to child labelled with the relationship, drawn with the arrow towards the parent
// (rows flow upwards). Node ids follow EXPLAIN's printing order, so output is deterministic.
Result<std::string> RenderDot(const plan::PlannedStatement& statement);

}  // namespace dbopt::render
