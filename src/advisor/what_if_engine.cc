// Planning statements over hypothetical configurations, cached; see what_if_engine.h.
#include "dbopt/advisor/what_if_engine.h"

#include <algorithm>

#include <fmt/format.h>

#include "dbopt/advisor/candidates.h"
#include "dbopt/advisor/write_cost.h"
#include "dbopt/bind/binder.h"
#include "dbopt/catalog/identifier.h"

namespace dbopt::advisor {
namespace {

void CollectIndexNames(const plan::PlanNode& node, std::vector<std::string>& out) {
  if (!node.index_name.empty()) out.push_back(node.index_name);
  for (const auto& child : node.children) CollectIndexNames(*child, out);
  for (const auto& child : node.init_plans) CollectIndexNames(*child, out);
  for (const auto& child : node.sub_plans) CollectIndexNames(*child, out);
}

std::string QualifiedIndexName(const catalog::Index& index) {
  return index.schema + "." + index.name;
}

}  // namespace

WhatIfEngine::WhatIfEngine(const catalog::Catalog& base, plan::PlannerOptions options)
    : catalog_(base), existing_(base.indexes), options_(std::move(options)) {
  for (const catalog::Index& index : existing_) names_.insert(index.schema + "." + index.name);
}

Result<std::unique_ptr<WhatIfEngine>> WhatIfEngine::Create(const catalog::Catalog& base,
                                                           const Workload& workload,
                                                           plan::PlannerOptions options) {
  std::unique_ptr<WhatIfEngine> engine(new WhatIfEngine(base, std::move(options)));
  Result<cost::CostParams> params = cost::CostParamsFromSettings(base.settings);
  if (!params.ok()) return std::move(params).error();
  engine->params_ = *params;
  for (const WorkloadStatement& ws : workload.statements) {
    Result<std::shared_ptr<bind::Query>> query =
        bind::Bind(engine->catalog_, ws.statement, *ws.source);
    if (!query.ok()) {
      const Error& error = query.error();
      if (error.diagnostic.message.rfind("not supported", 0) == 0) {
        engine->skipped_.push_back({&ws, error.diagnostic.message});
      } else {
        engine->bind_errors_.push_back(error.diagnostic);
      }
      continue;
    }
    Result<plan::PlannedStatement> planned =
        plan::PlanQuery(engine->catalog_, **query, engine->options_);
    if (!planned.ok()) {
      engine->skipped_.push_back({&ws, planned.error().diagnostic.message});
      continue;
    }
    StatementInfo info;
    info.source = &ws;
    info.query = *query;
    info.usage = CollectColumnUsage(**query);
    info.base_cost = planned->plan ? planned->plan->total_cost : 0;
    for (const TableUsage& u : info.usage) {
      auto& columns = info.columns[u.table];
      columns.insert(u.referenced.begin(), u.referenced.end());
      for (const auto* list : {&u.equality, &u.range, &u.join, &u.or_arms, &u.group}) {
        columns.insert(list->begin(), list->end());
      }
      for (const SortColumn& s : u.order) columns.insert(s.column);
      for (const ExpressionUse& e : u.expressions) columns.insert(e.column);
    }
    engine->statements_.push_back(std::move(info));
  }
  // Pointers into statements_ are taken once it no longer grows.
  for (size_t i = 0; i < engine->statements_.size(); ++i) {
    StatementInfo& info = engine->statements_[i];
    for (const TableUsage& u : info.usage) {
      if (u.is_target) info.target = &u;
      auto& list = engine->by_table_[u.table];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  return engine;
}

int WhatIfEngine::Register(const catalog::Index& index) {
  const std::string signature = IndexSignature(index);
  auto [it, inserted] = ids_.emplace(signature, static_cast<int>(hypothetical_.size()));
  if (!inserted) return it->second;
  // Plans name the indexes they use: every hypothetical index gets a name of its own.
  catalog::Index named = index;
  const std::string stem =
      index.name.size() > 4 ? index.name.substr(0, index.name.size() - 4) : index.name;
  for (int n = 1; !names_.insert(named.schema + "." + named.name).second; ++n) {
    named.name = catalog::MakeObjectName(stem, "", "idx" + std::to_string(n));
  }
  hypothetical_.push_back(std::move(named));
  return it->second;
}

const std::vector<size_t>& WhatIfEngine::StatementsOn(const catalog::Table* table) const {
  static const std::vector<size_t> kNone;
  auto it = by_table_.find(table);
  return it == by_table_.end() ? kNone : it->second;
}

bool WhatIfEngine::Relevant(const StatementInfo& s, const catalog::Index& index) const {
  const catalog::Table* table = catalog_.FindTable(index.schema, index.table);
  auto it = s.columns.find(table);
  if (it == s.columns.end() || index.keys.empty()) return false;
  // A btree serves a statement through its leading column (a condition, an order, or an
  // index-only scan that reads it): an index whose first column the statement never mentions
  // cannot change its plan in practice.
  const catalog::IndexKey& lead = index.keys[0];
  if (!lead.expression.empty()) return true;  // the statement reads the table; let the planner see
  return it->second.count(lead.column) != 0;
}

std::vector<const catalog::Index*> WhatIfEngine::IndexesOn(const catalog::Table& table,
                                                           const Configuration& config) const {
  std::vector<const catalog::Index*> out;
  for (const catalog::Index& index : existing_) {
    if (index.schema != table.schema || index.table != table.name) continue;
    if (!config.hidden.empty() &&
        std::binary_search(config.hidden.begin(), config.hidden.end(), QualifiedIndexName(index))) {
      continue;
    }
    out.push_back(&index);
  }
  for (int id : config.added) {
    const catalog::Index& index = Hypothetical(id);
    if (index.schema == table.schema && index.table == table.name) out.push_back(&index);
  }
  return out;
}

const PlanOutcome& WhatIfEngine::Plan(size_t statement, const Configuration& config) {
  const StatementInfo& s = statements_[statement];
  std::string key = std::to_string(statement) + ":";
  std::vector<const catalog::Index*> added;
  for (int id : config.added) {
    if (Relevant(s, Hypothetical(id))) {
      key += std::to_string(id) + ",";
      added.push_back(&Hypothetical(id));
    }
  }
  std::vector<std::string> hidden;
  for (size_t i = 0; i < existing_.size() && !config.hidden.empty(); ++i) {
    const std::string name = QualifiedIndexName(existing_[i]);
    if (std::binary_search(config.hidden.begin(), config.hidden.end(), name) &&
        Relevant(s, existing_[i])) {
      key += "-" + name;
      hidden.push_back(name);
    }
  }
  auto cached = cache_.find(key);
  if (cached != cache_.end()) {
    ++cache_hits_;
    return cached->second;
  }
  ++evaluations_;
  catalog_.indexes.clear();
  for (const catalog::Index& index : existing_) {
    if (!std::binary_search(hidden.begin(), hidden.end(), QualifiedIndexName(index))) {
      catalog_.indexes.push_back(index);
    }
  }
  for (const catalog::Index* index : added) catalog_.indexes.push_back(*index);
  PlanOutcome outcome;
  Result<plan::PlannedStatement> planned = plan::PlanQuery(catalog_, *s.query, options_);
  if (planned.ok() && planned->plan) {
    outcome.plan_cost = planned->plan->total_cost;
    const plan::PlanNode& root = *planned->plan;
    if (root.kind == plan::PlanKind::kModifyTable && !root.children.empty()) {
      outcome.rows_written = root.children[0]->rows;
    }
    CollectIndexNames(root, outcome.indexes_used);
    std::sort(outcome.indexes_used.begin(), outcome.indexes_used.end());
    outcome.indexes_used.erase(
        std::unique(outcome.indexes_used.begin(), outcome.indexes_used.end()),
        outcome.indexes_used.end());
  } else {
    // The statement planned over the base catalog; should a configuration fail to plan, it
    // counts as no change, so it can never look like a gain.
    outcome.plan_cost = s.base_cost;
  }
  return cache_.emplace(std::move(key), std::move(outcome)).first->second;
}

double WhatIfEngine::StatementCost(size_t statement, const Configuration& config) {
  const PlanOutcome& outcome = Plan(statement, config);
  double total = outcome.plan_cost;
  const StatementInfo& s = statements_[statement];
  if (s.target != nullptr && s.target->command != bind::CommandType::kSelect) {
    total += MaintenanceCost(*s.target, outcome.rows_written, IndexesOn(*s.target->table, config),
                             params_);
  }
  return total;
}

double WhatIfEngine::WorkloadCost(const Configuration& config, const std::vector<size_t>* only) {
  double total = 0;
  if (only != nullptr) {
    for (size_t i : *only) total += statements_[i].source->weight * StatementCost(i, config);
    return total;
  }
  for (size_t i = 0; i < statements_.size(); ++i) {
    total += statements_[i].source->weight * StatementCost(i, config);
  }
  return total;
}

}  // namespace dbopt::advisor
