// dbopt recommend-index: candidates (candidates.h) → budgeted greedy over what-if plans
// (search.h) → for a SQLite catalog, SQLite's own planner must agree (sqlite_check.h) → drops
// (drops.h) → the report: per index its DDL, size, benefit and leave-one-out benefit and the
// statements it serves; per statement its cost and plan before and after; the rejected
// candidates with their reasons; the cost-versus-size frontier of the search.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dbopt/advisor/candidates.h"
#include "dbopt/advisor/drops.h"
#include "dbopt/advisor/search.h"
#include "dbopt/advisor/what_if_engine.h"
#include "dbopt/advisor/workload.h"
#include "dbopt/base/result.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/plan/plan_node.h"

namespace dbopt::advisor {

struct AdvisorOptions {
  SearchOptions search;
  int max_width = 3;
  bool drops = true;
  plan::PlannerOptions planner;
  SearchProgress progress;  // called once per search round
};

struct IndexRecommendation {
  catalog::Index index;
  std::string origin;          // the candidate rule that proposed it
  double benefit = 0;          // workload cost saved when the search added it
  double leave_one_out = 0;    // cost(all but this one) − cost(all)
  std::vector<size_t> serves;  // statements whose final plan uses it
};

struct StatementOutcome {
  const WorkloadStatement* source = nullptr;
  double cost_before = 0;  // one execution: plan + index maintenance
  double cost_after = 0;
  std::vector<std::string> indexes_before;  // used by the plan
  std::vector<std::string> indexes_after;
  std::shared_ptr<plan::PlannedStatement> plan_before;
  std::shared_ptr<plan::PlannedStatement> plan_after;
};

struct FrontierPoint {
  double bytes = 0;
  double cost = 0;
  std::string step;  // "+ orders (customer_id)" or "orders (a) → orders (a, b)"
};

struct Recommendation {
  bool postgres = true;  // DDL dialect: PostgreSQL (CONCURRENTLY, INCLUDE) or SQLite
  double cost_before = 0;
  double cost_after = 0;
  double budget_bytes = 0;  // infinity: none
  std::vector<IndexRecommendation> indexes;
  std::vector<DropProposal> drops;
  std::vector<Rejection> kept;      // flagged for dropping, kept after a what-if
  std::vector<Rejection> rejected;  // candidates not recommended
  std::vector<StatementOutcome> statements;
  std::vector<SkippedStatement> skipped;
  std::vector<std::string> not_analysed;
  std::vector<FrontierPoint> frontier;  // the empty configuration first, then each step
  long candidates = 0;
  long evaluations = 0;  // what-if plans made
  long cache_hits = 0;
  // The catalogs the plans point into (before: as loaded; after: with the recommendations).
  std::shared_ptr<const catalog::Catalog> catalog_before;
  std::shared_ptr<const catalog::Catalog> catalog_after;
};

// Statements that fail to bind (unknown names, type errors) are left out and their diagnostics
// appended to `errors`; the result is an error only when the catalog's settings or the SQLite
// file cannot be read.
Result<Recommendation> Recommend(const catalog::Catalog& catalog, const Workload& workload,
                                 const AdvisorOptions& options, std::vector<Diagnostic>& errors);

// The statement that creates the index: CREATE INDEX CONCURRENTLY name ON schema.table USING
// btree (...) INCLUDE (...) WHERE ... for PostgreSQL, CREATE INDEX name ON table (...) WHERE ...
// for SQLite.
std::string CreateIndexSql(const catalog::Index& index, bool postgres);
std::string DropIndexSql(const catalog::Index& index, bool postgres);

}  // namespace dbopt::advisor
