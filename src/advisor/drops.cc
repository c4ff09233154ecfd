// Proposing existing indexes to drop; see drops.h.
#include "dbopt/advisor/drops.h"

#include <algorithm>

#include <fmt/format.h>

namespace dbopt::advisor {
namespace {

constexpr double kDropTolerance = 0.001;  // TUNING: share of the workload cost a drop may add

bool Protected(const catalog::Index& index) {
  return index.primary || index.unique || !index.constraint.empty();
}

bool SameKeys(const catalog::Index& a, const catalog::Index& b, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const catalog::IndexKey& x = a.keys[i];
    const catalog::IndexKey& y = b.keys[i];
    if (x.column != y.column || x.expression != y.expression || x.descending != y.descending ||
        x.opclass != y.opclass || x.collation != y.collation) {
      return false;
    }
  }
  return true;
}

std::string Qualified(const catalog::Index& index) { return index.schema + "." + index.name; }

}  // namespace

DropResult FindDrops(WhatIfEngine& engine, Configuration& config) {
  DropResult result;
  const catalog::Catalog& catalog = engine.catalog();
  // The indexes as loaded: the engine's catalog holds the last evaluated configuration.
  std::vector<const catalog::Index*> existing;
  for (const catalog::Table& table : catalog.tables) {
    Configuration none;
    for (const catalog::Index* index : engine.IndexesOn(table, none)) existing.push_back(index);
  }
  std::vector<std::pair<const catalog::Index*, std::string>> flagged;
  for (const catalog::Index* index : existing) {
    if (Protected(*index)) continue;
    std::string reason;
    for (const catalog::Index* other : existing) {
      if (other == index || other->table != index->table || other->schema != index->schema ||
          other->method != index->method || other->predicate != index->predicate) {
        continue;
      }
      const bool same = other->keys.size() == index->keys.size() &&
                        SameKeys(*index, *other, index->keys.size()) &&
                        other->include == index->include;
      // Of two duplicates the protected one, else the first by name, stays.
      if (same && (Protected(*other) || other->name < index->name)) {
        reason = fmt::format("duplicate of {}", other->name);
        break;
      }
      if (!same && index->method == "btree" && index->include.empty() &&
          other->keys.size() > index->keys.size() && SameKeys(*index, *other, index->keys.size())) {
        reason = fmt::format("its keys are a prefix of {}", other->name);
        break;
      }
    }
    if (reason.empty()) {
      bool used = false;
      for (size_t i = 0; i < engine.statements().size() && !used; ++i) {
        const PlanOutcome& outcome = engine.Plan(i, config);
        used = std::binary_search(outcome.indexes_used.begin(), outcome.indexes_used.end(),
                                  index->name);
      }
      if (used) continue;
      reason = "no statement of the workload uses it";
    }
    flagged.emplace_back(index, reason);
  }
  // Deterministic: by table, then index name.
  std::sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first->schema, a.first->table, a.first->name) <
           std::tie(b.first->schema, b.first->table, b.first->name);
  });
  for (const auto& [index, reason] : flagged) {
    const double before = engine.WorkloadCost(config);
    Configuration without = config;
    without.hidden.push_back(Qualified(*index));
    std::sort(without.hidden.begin(), without.hidden.end());
    const double after = engine.WorkloadCost(without);
    if (after <= before + kDropTolerance * before) {
      result.drops.push_back({*index, reason, after - before});
      config = std::move(without);
    } else {
      result.kept.push_back({index->name, fmt::format("{}, but the workload costs {:.2f} more "
                                                      "without it",
                                                      reason, after - before)});
    }
  }
  return result;
}

}  // namespace dbopt::advisor
