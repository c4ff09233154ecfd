// Expressions printed the way PostgreSQL 15's EXPLAIN prints them: ruleutils.c's
// deparse_expression() with EXPLAIN's settings (no pretty-printing, so every operator, boolean
// and test is fully parenthesized; implicit casts shown below operators and function calls but
// not at the top; constants as get_const_expr prints them: 42, 2.5, '-3'::integer, 'F'::bpchar,
// '{1,2,3}'::integer[]).
#pragma once

#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"

namespace dbopt::render {

struct DeparseContext {
  // The statement's range table (Vars index it 1-based) and the name EXPLAIN uses for each
  // entry (see UniqueRefNames); both may be null, then a Var prints its own column_name.
  const std::vector<bind::RangeTblEntry>* rtable = nullptr;
  const std::vector<std::string>* refnames = nullptr;
  // explain.c's useprefix: print Vars as "alias.column".
  bool use_prefix = false;
  // For scan quals (useprefix false): the scanned entry. A Var of any other entry is a
  // nestloop or subplan parameter, which ruleutils.c prints with its prefix (get_parameter).
  int scan_rtindex = 0;
  // SubPlans that EXPLAIN calls "(hashed SubPlan N)": their N.
  std::vector<int> hashed_subplans;
};

// One expression. Errors: "not supported: ..." for expressions that cannot occur in a plan
// (an unplanned sub-select).
Result<std::string> DeparseExpr(const bind::BoundExpr& expr, const DeparseContext& context);

// A node's qual list as EXPLAIN's show_qual prints it: one qual alone, several as one AND.
// Empty input gives an empty string.
Result<std::string> DeparseQual(const std::vector<bind::BoundExprPtr>& quals,
                                const DeparseContext& context);

// The names EXPLAIN gives range-table entries (ruleutils.c set_rtable_names): the alias, or the
// relation name; a name already taken by an earlier entry of `used` (1-based rtindexes of the
// entries the plan scans) gets "_1", "_2", ... appended. Index i holds rtindex i + 1.
std::vector<std::string> UniqueRefNames(const std::vector<bind::RangeTblEntry>& rtable,
                                        const std::vector<int>& used);

}  // namespace dbopt::render
