// The reference index selection: Extend (Schlosser, Kossmann, Boissier, ICDE 2019), as
// hyrise/index_selection_evaluation's extend_algorithm.py implements it, with PostgreSQL 15 +
// HypoPG as the what-if engine (see /work/shared/reference/index-advisors.md §1.4).
//
// Candidates: one single-column index per column of a table the workload references whose name
// appears in a statement's text (Extend's "indexable columns": a column name that appears in
// the query text, on a table the query references; names are compared as whole words).
//
// Each round, with C the chosen configuration, cost(C) the weighted workload cost and |C| its
// size, every step below is costed as a whole configuration C':
//   (a) C' = C ∪ {s} for every single-column candidate s ∉ C;
//   (b) C' = C \ {i} ∪ {i + a} for every chosen i narrower than max_width and every candidate
//       column a of i's table not in i (the extension replaces i; its size delta is charged).
// A step qualifies when cost(C') × 1.003 < cost(C) (min_cost_improvement) and |C'| ≤ budget;
// the qualifying step with the highest (cost(C) − cost(C')) / (|C'| − |C|) is taken (the first
// in candidate order on ties; a size delta ≤ 0 counts as 1 byte). It stops when none qualifies.
// Unlike the hyrise code, costs are weighted by calls= (its TODO).
#pragma once

#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "what_if.h"

namespace dbopt::bench {

// The lower-case identifier words of a statement.
inline std::set<std::string> Words(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (char c : text + " ") {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '_') {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
  }
  return words;
}

struct Candidates {
  std::vector<std::set<std::string>> statement_tables;      // per statement
  std::map<std::string, std::vector<std::string>> columns;  // table -> candidate columns
  std::vector<IndexKey> singles;                            // in (table, column) order
};

// schema: (table, column) pairs of the database's user tables, in attnum order.
inline Candidates FindCandidates(const std::vector<WorkloadStatement>& statements,
                                 const Rows& schema) {
  Candidates out;
  std::set<std::pair<std::string, std::string>> chosen;
  for (const WorkloadStatement& s : statements) {
    const std::set<std::string> words = Words(s.text);
    std::set<std::string> tables;
    for (const auto& row : schema) {
      if (words.count(row[0])) tables.insert(row[0]);
    }
    for (const auto& row : schema) {
      if (tables.count(row[0]) && words.count(row[1])) chosen.insert({row[0], row[1]});
    }
    out.statement_tables.push_back(tables);
  }
  for (const auto& row : schema) {  // attnum order within a table
    if (chosen.count({row[0], row[1]})) out.columns[row[0]].push_back(row[1]);
  }
  for (const auto& [table, columns] : out.columns) {
    for (const std::string& c : columns) out.singles.push_back(IndexKey{table, {c}});
  }
  return out;
}

struct ExtendResult {
  Configuration chosen;
  double cost_before = 0;
  double cost_after = 0;
  double bytes = 0;  // HypoPG's estimate
  int rounds = 0;
};

inline Result<ExtendResult> RunExtend(WhatIf& what_if, const Candidates& candidates,
                                      double budget_bytes, int max_width) {
  constexpr double kMinCostImprovement = 1.003;  // extend_algorithm.py's default
  ExtendResult out;
  Result<double> base = what_if.WorkloadCost({});
  if (!base.ok()) return base.error();
  out.cost_before = out.cost_after = *base;
  while (true) {
    struct Step {
      Configuration config;
      double cost = 0, bytes = 0, ratio = -std::numeric_limits<double>::infinity();
    } best;
    bool found = false;
    auto consider = [&](Configuration config, double size_delta) -> Status {
      const double bytes = out.bytes + size_delta;
      if (bytes > budget_bytes) return Ok{};
      Result<double> cost = what_if.WorkloadCost(config);
      if (!cost.ok()) return cost.error();
      if (*cost * kMinCostImprovement >= out.cost_after) return Ok{};
      const double ratio = (out.cost_after - *cost) / std::max(size_delta, 1.0);
      if (!found || ratio > best.ratio) best = Step{std::move(config), *cost, bytes, ratio};
      found = true;
      return Ok{};
    };
    for (const IndexKey& single : candidates.singles) {  // (a) add a single-column index
      if (out.chosen.count(single)) continue;
      Result<double> size = what_if.Size(single);
      if (!size.ok()) return size.error();
      Configuration config = out.chosen;
      config.insert(single);
      Status s = consider(std::move(config), *size);
      if (!s.ok()) return s.error();
    }
    for (const IndexKey& index : out.chosen) {  // (b) extend a chosen index by one column
      if (static_cast<int>(index.columns.size()) >= max_width) continue;
      for (const std::string& column : candidates.columns.at(index.table)) {
        if (std::find(index.columns.begin(), index.columns.end(), column) != index.columns.end())
          continue;
        IndexKey wider = index;
        wider.columns.push_back(column);
        if (out.chosen.count(wider)) continue;
        Result<double> old_size = what_if.Size(index);
        Result<double> new_size = what_if.Size(wider);
        if (!old_size.ok()) return old_size.error();
        if (!new_size.ok()) return new_size.error();
        Configuration config = out.chosen;
        config.erase(index);
        config.insert(wider);
        Status s = consider(std::move(config), *new_size - *old_size);
        if (!s.ok()) return s.error();
      }
    }
    if (!found) break;
    out.chosen = std::move(best.config);
    out.cost_after = best.cost;
    out.bytes = best.bytes;
    ++out.rounds;
  }
  return out;
}

}  // namespace dbopt::bench
