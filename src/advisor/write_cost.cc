// Index maintenance costs of INSERT/UPDATE/DELETE; formulas in write_cost.h.
#include "dbopt/advisor/write_cost.h"

#include <algorithm>
#include <cmath>

namespace dbopt::advisor {
namespace {

// An identifier-ish word of an SQL text (an expression key or predicate) equal to `column`.
bool MentionsColumn(const std::string& text, const std::string& column) {
  size_t pos = 0;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  while ((pos = text.find(column, pos)) != std::string::npos) {
    const bool left = pos == 0 || !word(text[pos - 1]);
    const size_t end = pos + column.size();
    const bool right = end >= text.size() || !word(text[end]);
    if (left && right) return true;
    pos = end;
  }
  return false;
}

}  // namespace

double IndexEntryCost(const catalog::Table& table, const catalog::Index& index,
                      const cost::CostParams& params) {
  const double entries = std::max(2.0, index.tuples > 0 ? index.tuples : table.KnownRows());
  const double height = std::max(0, index.tree_height);
  double correlation = 0;
  if (!index.keys.empty() && !index.keys[0].column.empty()) {
    auto it = table.column_stats.find(index.keys[0].column);
    if (it != table.column_stats.end() && it->second.correlation) {
      correlation = *it->second.correlation;
    }
  }
  const double c2 = correlation * correlation;
  const double leaf_pages = std::max<double>(1, static_cast<double>(index.pages) - 1);
  const double per_leaf = std::max(1.0, entries / leaf_pages);
  const double descent =
      params.cpu_operator_cost * (std::ceil(std::log2(entries)) + 50 * (height + 1));
  const double leaf_write =
      params.random_page_cost * (1 - c2) + params.seq_page_cost * c2 / per_leaf;
  return params.cpu_index_tuple_cost + descent + leaf_write;
}

bool IndexCoversColumn(const catalog::Index& index, const std::vector<std::string>& columns) {
  for (const std::string& column : columns) {
    for (const catalog::IndexKey& key : index.keys) {
      if (key.column == column) return true;
      if (!key.expression.empty() && MentionsColumn(key.expression, column)) return true;
    }
    if (std::find(index.include.begin(), index.include.end(), column) != index.include.end()) {
      return true;
    }
    if (index.predicate && MentionsColumn(*index.predicate, column)) return true;
  }
  return false;
}

double MaintenanceCost(const TableUsage& target, double rows,
                       const std::vector<const catalog::Index*>& indexes,
                       const cost::CostParams& params) {
  const catalog::Table& table = *target.table;
  double total = 0;
  switch (target.command) {
    case bind::CommandType::kInsert:
      for (const catalog::Index* index : indexes) {
        const double share = index->predicate && table.KnownRows() > 0
                                 ? std::min(1.0, std::max(0.0, index->tuples) / table.KnownRows())
                                 : 1.0;
        total += rows * share * IndexEntryCost(table, *index, params);
      }
      return total;
    case bind::CommandType::kUpdate: {
      const bool hot = std::none_of(indexes.begin(), indexes.end(), [&](const catalog::Index* i) {
        return IndexCoversColumn(*i, target.updated);
      });
      if (hot) return 0;
      for (const catalog::Index* index : indexes)
        total += rows * IndexEntryCost(table, *index, params);
      return total;
    }
    case bind::CommandType::kDelete:
      return rows * params.cpu_index_tuple_cost * static_cast<double>(indexes.size());
    case bind::CommandType::kSelect:
      return 0;
  }
  return 0;
}

}  // namespace dbopt::advisor
