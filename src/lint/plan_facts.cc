#include "plan_facts.h"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <utility>
#include <vector>

#include "catalog_facts.h"
#include "dbopt/bind/binder.h"
#include "dbopt/catalog/what_if.h"
#include "dbopt/plan/planner.h"

namespace dbopt::lint {
namespace {

bool IsPlannable(const sql::Statement& s) {
  return s.kind == sql::StatementKind::kSelect || s.kind == sql::StatementKind::kInsert ||
         s.kind == sql::StatementKind::kUpdate || s.kind == sql::StatementKind::kDelete;
}

// DBOPT_LINT_DEBUG=1: say on stderr why a statement was not planned.
void DebugNote(const SourceText& source, const sql::Statement& s, const std::string& why) {
  static const bool kDebug = [] {
    const char* v = std::getenv("DBOPT_LINT_DEBUG");
    return v && *v && std::string(v) != "0";
  }();
  if (!kDebug) return;
  const LineColumn lc = source.Locate(s.begin);
  std::cerr << source.name() << ":" << lc.line << ":" << lc.column
            << ": debug: plan-aware rules skipped: " << why << "\n";
}

// Binds and plans `statement` against `catalog`; the error's message when it cannot. The
// binder, planner and cost code return errors as values, but a std::exception from a library
// underneath (fmt, json) must not end the lint run either.
Result<plan::PlannedStatement> BindAndPlan(const catalog::Catalog& catalog,
                                           const sql::Statement& statement,
                                           const SourceText& source) {
  try {
    Result<std::shared_ptr<bind::Query>> query = bind::Bind(catalog, statement, source);
    if (!query.ok()) return query.error();
    return plan::PlanQuery(catalog, **query, plan::PlannerOptions{});
  } catch (const std::exception& e) {
    return Error::Internal(std::string("planner: ") + e.what());
  }
}

}  // namespace

PlanFacts::PlanFacts(const catalog::Catalog& catalog, const sql::Statement& statement,
                     const SourceText& source, plan::PlannedStatement planned,
                     cost::CostParams params)
    : catalog_(catalog),
      statement_(statement),
      source_(source),
      planned_(std::move(planned)),
      params_(params) {}

std::unique_ptr<PlanFacts> PlanFacts::Make(const catalog::Catalog& catalog,
                                           const sql::Statement& statement,
                                           const SourceText& source) {
  if (!IsPlannable(statement)) return nullptr;
  Result<cost::CostParams> params = cost::CostParamsFromSettings(catalog.settings);
  if (!params.ok()) {
    DebugNote(source, statement, params.error().diagnostic.message);
    return nullptr;
  }
  Result<plan::PlannedStatement> planned = BindAndPlan(catalog, statement, source);
  if (!planned.ok()) {
    DebugNote(source, statement, planned.error().diagnostic.message);
    return nullptr;
  }
  if (!planned->plan) return nullptr;
  return std::unique_ptr<PlanFacts>(
      new PlanFacts(catalog, statement, source, std::move(planned).value(), *params));
}

void PlanFacts::ForEachNode(
    const std::function<void(const plan::PlanNode&, const plan::PlanNode*)>& fn) const {
  std::vector<std::pair<const plan::PlanNode*, const plan::PlanNode*>> stack{{&root(), nullptr}};
  while (!stack.empty()) {
    const auto [node, parent] = stack.back();
    stack.pop_back();
    fn(*node, parent);
    // Pushed in reverse so that they are visited in EXPLAIN's order.
    for (auto it = node->sub_plans.rbegin(); it != node->sub_plans.rend(); ++it)
      stack.push_back({it->get(), nullptr});
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it)
      stack.push_back({it->get(), node});
    for (auto it = node->init_plans.rbegin(); it != node->init_plans.rend(); ++it)
      stack.push_back({it->get(), nullptr});
  }
}

const catalog::Table* PlanFacts::TableOf(const plan::PlanNode& node) const {
  const int rt = node.scan_rtindex;
  if (rt < 1 || rt > static_cast<int>(planned_.rtable.size())) return nullptr;
  const bind::RangeTblEntry& rte = planned_.rtable[static_cast<size_t>(rt - 1)];
  return rte.kind == bind::RteKind::kRelation ? rte.table : nullptr;
}

bool PlanFacts::LacksStatistics(const plan::PlanNode& subtree) const {
  if (const catalog::Table* t = TableOf(subtree); t && !CatalogFacts::HasStats(*t)) return true;
  for (const auto& c : subtree.children)
    if (LacksStatistics(*c)) return true;
  for (const auto& c : subtree.init_plans)
    if (LacksStatistics(*c)) return true;
  for (const auto& c : subtree.sub_plans)
    if (LacksStatistics(*c)) return true;
  return false;
}

std::optional<PlanFacts::WhatIfPlan> PlanFacts::PlanWithIndex(const std::string& create_index,
                                                              const std::string& index_name) const {
  Result<catalog::Catalog> what_if = catalog::ApplyWhatIf(catalog_, {{create_index}, {}});
  if (!what_if.ok()) return std::nullopt;
  // The Query points into the catalog it was bound against: bind again against the copy.
  Result<plan::PlannedStatement> planned = BindAndPlan(*what_if, statement_, source_);
  if (!planned.ok() || !planned->plan) return std::nullopt;
  WhatIfPlan out;
  out.total_cost = planned->plan->total_cost;
  std::vector<const plan::PlanNode*> stack{planned->plan.get()};
  while (!stack.empty() && !out.uses_index) {
    const plan::PlanNode* node = stack.back();
    stack.pop_back();
    if (node->index_name == index_name) out.uses_index = true;
    for (const auto& list : {&node->children, &node->init_plans, &node->sub_plans})
      for (const auto& c : *list) stack.push_back(c.get());
  }
  return out;
}

}  // namespace dbopt::lint
