// The what-if engine: plans each workload statement with dbopt's planner over the catalog plus a
// set of hypothetical indexes (and minus hidden existing ones), and caches the result per
// (statement, the part of the configuration relevant to it), as Extend's cost-request cache
// does. An index is relevant to a statement when it is on a table the statement reads and its
// leading column is one the statement uses; other indexes do not change its plan in practice
// (PostgreSQL could still scan such an index whole, for an index-only scan of a covering index
// or for its order, which the candidates never aim at).
//
// A statement's cost is its plan's total cost plus, for INSERT/UPDATE/DELETE, the cost of
// maintaining the configuration's indexes on the target table (write_cost.h).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "dbopt/advisor/column_usage.h"
#include "dbopt/advisor/workload.h"
#include "dbopt/base/result.h"
#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/cost/params.h"
#include "dbopt/plan/planner.h"

namespace dbopt::advisor {

// Hypothetical indexes by id (WhatIfEngine::Register) and existing indexes hidden by name.
struct Configuration {
  std::vector<int> added;           // sorted ids
  std::vector<std::string> hidden;  // sorted "schema.name"
};

struct StatementInfo {
  const WorkloadStatement* source = nullptr;
  std::shared_ptr<bind::Query> query;  // bound against the engine's catalog
  std::vector<TableUsage> usage;
  std::map<const catalog::Table*, std::set<std::string>> columns;  // columns used per table
  const TableUsage* target = nullptr;  // INSERT/UPDATE/DELETE target, else null
  double base_cost = 0;                // plan cost over the catalog as loaded
};

struct PlanOutcome {
  double plan_cost = 0;     // the plan's total cost
  double rows_written = 0;  // INSERT/UPDATE/DELETE: rows the ModifyTable's input produces
  std::vector<std::string> indexes_used;  // index names in the plan, sorted, distinct
};

// A statement the engine could not analyse, with the reason.
struct SkippedStatement {
  const WorkloadStatement* source = nullptr;
  std::string reason;
};

class WhatIfEngine {
 public:
  // Binds and plans every statement once over `base` (a copy is kept). Statements that fail to
  // bind are errors (bad input); those the planner does not support are skipped.
  static Result<std::unique_ptr<WhatIfEngine>> Create(const catalog::Catalog& base,
                                                      const Workload& workload,
                                                      plan::PlannerOptions options);

  const catalog::Catalog& catalog() const { return catalog_; }
  const std::vector<StatementInfo>& statements() const { return statements_; }
  const std::vector<SkippedStatement>& skipped() const { return skipped_; }
  const std::vector<Diagnostic>& bind_errors() const { return bind_errors_; }

  // Registers a hypothetical index; the same signature gets the same id. A name already taken
  // (by an existing or another registered index) gets a number.
  int Register(const catalog::Index& index);
  const catalog::Index& Hypothetical(int id) const {
    return hypothetical_[static_cast<size_t>(id)];
  }

  const PlanOutcome& Plan(size_t statement, const Configuration& config);
  // plan cost + index maintenance, for one execution
  double StatementCost(size_t statement, const Configuration& config);
  // Σ weight · StatementCost over the given statements (all when `only` is null).
  double WorkloadCost(const Configuration& config, const std::vector<size_t>* only = nullptr);
  // The statements that read or write `table`.
  const std::vector<size_t>& StatementsOn(const catalog::Table* table) const;

  // Every index of the configuration on `table`: existing (not hidden) and hypothetical.
  std::vector<const catalog::Index*> IndexesOn(const catalog::Table& table,
                                               const Configuration& config) const;

  long evaluations() const { return evaluations_; }
  long cache_hits() const { return cache_hits_; }

 private:
  WhatIfEngine(const catalog::Catalog& base, plan::PlannerOptions options);
  bool Relevant(const StatementInfo& s, const catalog::Index& index) const;

  catalog::Catalog catalog_;
  std::vector<catalog::Index> existing_;
  plan::PlannerOptions options_;
  cost::CostParams params_;
  std::vector<StatementInfo> statements_;
  std::vector<SkippedStatement> skipped_;
  std::vector<Diagnostic> bind_errors_;
  std::vector<catalog::Index> hypothetical_;
  std::unordered_map<std::string, int> ids_;
  std::set<std::string> names_;  // "schema.name" of existing and registered indexes
  std::unordered_map<std::string, PlanOutcome> cache_;
  std::map<const catalog::Table*, std::vector<size_t>> by_table_;
  long evaluations_ = 0;
  long cache_hits_ = 0;
};

}  // namespace dbopt::advisor
