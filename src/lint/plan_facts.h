// The plan-aware rules' view of one statement: bound (bind::Bind) and planned (plan::PlanQuery)
// once against the catalog, exactly as `dbopt explain` does, plus what-if planning with a
// hypothetical index (catalog::ApplyWhatIf) for the rules that propose one.
//
// Only SELECT, INSERT, UPDATE and DELETE are planned. A statement the binder or the planner
// refuses (unknown names, tables created earlier in the same file, "not supported: ...") has no
// plan: PlanFacts::Make returns nullptr and the plan-aware rules skip it silently; the reason is
// kept for `DBOPT_LINT_DEBUG=1`, which prints it to stderr.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "dbopt/base/source_text.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/cost/params.h"
#include "dbopt/plan/plan_node.h"
#include "dbopt/sql/ast_statement.h"

namespace dbopt::lint {

class PlanFacts {
 public:
  // nullptr when the statement is not a query or does not bind or plan (see above).
  static std::unique_ptr<PlanFacts> Make(const catalog::Catalog& catalog,
                                         const sql::Statement& statement, const SourceText& source);

  const catalog::Catalog& catalog() const { return catalog_; }
  const plan::PlannedStatement& planned() const { return planned_; }
  const plan::PlanNode& root() const { return *planned_.plan; }
  const cost::CostParams& params() const { return params_; }

  // Every node of the plan, InitPlans and SubPlans included, parents before children;
  // `parent` is null for the root and for the roots of InitPlans and SubPlans.
  void ForEachNode(const std::function<void(const plan::PlanNode& node,
                                            const plan::PlanNode* parent)>& fn) const;
  // The catalog table a scan (or ModifyTable) node reads; nullptr for other nodes.
  const catalog::Table* TableOf(const plan::PlanNode& node) const;
  // True when some table scanned in the subtree has no statistics (the planner fell back on
  // default estimates there, so sizes derived from it are low precision).
  bool LacksStatistics(const plan::PlanNode& subtree) const;

  struct WhatIfPlan {
    double total_cost = 0;    // the root's total cost with the index
    bool uses_index = false;  // some node of the new plan scans `index_name`
  };
  // Plans the statement again with the hypothetical index `create_index` (a CREATE INDEX
  // statement naming `index_name`); nullopt when the what-if, binding or planning fails.
  std::optional<WhatIfPlan> PlanWithIndex(const std::string& create_index,
                                          const std::string& index_name) const;

 private:
  PlanFacts(const catalog::Catalog& catalog, const sql::Statement& statement,
            const SourceText& source, plan::PlannedStatement planned, cost::CostParams params);

  const catalog::Catalog& catalog_;
  const sql::Statement& statement_;
  const SourceText& source_;
  plan::PlannedStatement planned_;
  cost::CostParams params_;
};

}  // namespace dbopt::lint
