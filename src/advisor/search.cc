// The Extend-style greedy search; formulas in search.h.
#include "dbopt/advisor/search.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

namespace dbopt::advisor {
namespace {

constexpr double kMinStepBytes = 8192;  // one page: a step is charged at least that much

struct Move {
  int index = -1;
  int replaced = -1;
  double benefit = 0;
  double bytes = 0;  // size difference
  double score = 0;
  std::string signature;
};

bool Better(const Move& a, const Move& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.benefit != b.benefit) return a.benefit > b.benefit;
  return a.signature < b.signature;
}

Configuration With(const Configuration& c, int add, int remove) {
  Configuration out = c;
  if (remove >= 0) out.added.erase(std::find(out.added.begin(), out.added.end(), remove));
  out.added.push_back(add);
  std::sort(out.added.begin(), out.added.end());
  return out;
}

bool Plain(const catalog::Index& index) {
  return index.include.empty() && !index.predicate &&
         std::all_of(index.keys.begin(), index.keys.end(),
                     [](const catalog::IndexKey& k) { return k.expression.empty(); });
}

// The columns the workload uses on a table (equality, range, join, OR, sort and grouping), in a
// fixed order: by first use over the statements.
std::vector<std::string> UsedColumns(WhatIfEngine& engine, const catalog::Table* table) {
  std::vector<std::string> out;
  for (size_t i : engine.StatementsOn(table)) {
    for (const TableUsage& u : engine.statements()[i].usage) {
      if (u.table != table) continue;
      std::vector<std::string> all;
      for (const auto* list : {&u.equality, &u.join, &u.range, &u.or_arms, &u.group}) {
        all.insert(all.end(), list->begin(), list->end());
      }
      for (const SortColumn& s : u.order) all.push_back(s.column);
      for (const std::string& c : all) {
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
      }
    }
  }
  return out;
}

}  // namespace

Result<double> ParseByteSize(std::string_view text) {
  auto bad = [&] {
    return Error::Usage(fmt::format(
        "invalid size \"{}\": expected a number with an optional unit B, kB, MB, GB or TB "
        "(e.g. 500MB)",
        text));
  };
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
    ++i;
  if (i == 0) return bad();
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + i, value);
  if (ec != std::errc() || ptr != text.data() + i) return bad();
  std::string unit;
  for (char c : text.substr(i)) {
    if (c != ' ') unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const std::map<std::string, double> units = {{"", 1},
                                               {"b", 1},
                                               {"kb", 1024.0},
                                               {"mb", 1024.0 * 1024},
                                               {"gb", 1024.0 * 1024 * 1024},
                                               {"tb", 1024.0 * 1024 * 1024 * 1024}};
  auto it = units.find(unit);
  if (it == units.end()) return bad();
  return value * it->second;
}

SearchResult GreedySearch(WhatIfEngine& engine, const std::vector<Candidate>& candidates,
                          const SearchOptions& options, const SearchProgress& progress) {
  SearchResult result;
  const catalog::Catalog& catalog = engine.catalog();
  result.cost_before = engine.WorkloadCost(result.config);
  double cost = result.cost_before;
  double bytes = 0;

  auto table_of = [&](int id) {
    const catalog::Index& index = engine.Hypothetical(id);
    return catalog.FindTable(index.schema, index.table);
  };
  // Workload cost change of moving from `from` to `to`, over the statements on `table`.
  auto delta = [&](const Configuration& from, const Configuration& to,
                   const catalog::Table* table) {
    const std::vector<size_t>& on = engine.StatementsOn(table);
    return engine.WorkloadCost(to, &on) - engine.WorkloadCost(from, &on);
  };

  // Candidates that lower no statement's cost on their own are dropped up front. The steps left
  // — additions (id, -1) and widenings (wider id, chosen id) — keep their last computed saving
  // and the round it was computed in (0: never).
  struct Known {
    double benefit = 0;
    int round = 0;
  };
  std::map<std::pair<int, int>, Known> known;
  for (const Candidate& c : candidates) {
    const int id = engine.Register(c.index);
    if (std::find(options.banned.begin(), options.banned.end(), id) != options.banned.end()) {
      continue;
    }
    const double d = delta(result.config, With(result.config, id, -1), table_of(id));
    if (d < -1e-9 * std::max(1.0, cost)) {
      known[{id, -1}] = {-d, 0};
    } else {
      result.rejected.push_back(
          {IndexSignature(c.index), d > 1e-9 ? fmt::format("its maintenance outweighs any gain "
                                                           "(+{:.2f} workload cost)",
                                                           d)
                                             : "no statement's plan gets cheaper with it"});
    }
  }
  auto chosen = [&](int id) {
    return std::binary_search(result.config.added.begin(), result.config.added.end(), id);
  };
  auto size_of = [&](int id, int replaced) {
    return IndexBytes(engine.Hypothetical(id)) -
           (replaced >= 0 ? IndexBytes(engine.Hypothetical(replaced)) : 0.0);
  };
  auto make_move = [&](int id, int replaced, double benefit) {
    Move m{
        id, replaced, benefit, size_of(id, replaced), 0, IndexSignature(engine.Hypothetical(id))};
    m.score = m.benefit / std::max(m.bytes, kMinStepBytes);
    return m;
  };
  // The widenings of a newly chosen plain index by one more column the workload uses.
  std::map<const catalog::Table*, std::vector<std::string>> used_columns;
  auto add_widenings = [&](int base_id) {
    const catalog::Index base = engine.Hypothetical(base_id);
    if (!Plain(base) || static_cast<int>(base.keys.size()) >= options.max_width) return;
    const catalog::Table* table = table_of(base_id);
    auto [it, fresh] = used_columns.emplace(table, std::vector<std::string>{});
    if (fresh) it->second = UsedColumns(engine, table);
    for (const std::string& column : it->second) {
      const bool has = std::any_of(base.keys.begin(), base.keys.end(),
                                   [&](const catalog::IndexKey& k) { return k.column == column; });
      if (has) continue;
      std::vector<catalog::IndexKey> keys = base.keys;
      catalog::IndexKey key;
      key.column = column;
      keys.push_back(key);
      const int id = engine.Register(
          MakeHypotheticalIndex(catalog, *table, std::move(keys), {}, std::nullopt, -1));
      if (std::find(options.banned.begin(), options.banned.end(), id) == options.banned.end()) {
        known[{id, base_id}] = {std::numeric_limits<double>::infinity(), 0};
      }
    }
  };
  const auto worse = [](const Move& a, const Move& b) { return Better(b, a); };

  std::set<int> over_budget;
  for (int round = 1;; ++round) {
    const double threshold = options.min_improvement * cost;
    const bool room = options.max_indexes <= 0 ||
                      static_cast<int>(result.config.added.size()) < options.max_indexes;
    // The heap orders the admissible steps by their last computed score; its top is recomputed
    // until a freshly computed one stays on top.
    std::vector<Move> heap;
    for (const auto& [key, k] : known) {
      const auto [id, replaced] = key;
      if (chosen(id) || (replaced < 0 && !room) || (replaced >= 0 && !chosen(replaced))) continue;
      if (bytes + size_of(id, replaced) > options.budget_bytes) {
        if (replaced < 0) over_budget.insert(id);
        continue;
      }
      heap.push_back(make_move(id, replaced, k.benefit));
    }
    std::make_heap(heap.begin(), heap.end(), worse);
    std::optional<Move> best;
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), worse);
      const Move top = heap.back();
      heap.pop_back();
      Known& k = known[{top.index, top.replaced}];
      if (k.round == round) {
        best = top;
        break;
      }
      const double d =
          delta(result.config, With(result.config, top.index, top.replaced), table_of(top.index));
      k = {-d, round};
      if (-d <= threshold) continue;  // not worth a step now, nor (savings shrink) later
      heap.push_back(make_move(top.index, top.replaced, -d));
      std::push_heap(heap.begin(), heap.end(), worse);
    }
    if (progress) progress(round, engine.evaluations());
    if (!best) break;
    result.config = With(result.config, best->index, best->replaced);
    known.erase({best->index, best->replaced});
    if (best->replaced >= 0) {
      // The narrower index is gone, and its other widenings with it.
      for (auto it = known.begin(); it != known.end();) {
        it = it->first.second == best->replaced ? known.erase(it) : std::next(it);
      }
    }
    add_widenings(best->index);
    cost -= best->benefit;
    bytes += best->bytes;
    over_budget.erase(best->index);
    result.steps.push_back({best->index, best->replaced, cost, bytes});
  }
  const bool full = options.max_indexes > 0 &&
                    static_cast<int>(result.config.added.size()) >= options.max_indexes;
  for (const auto& [key, k] : known) {
    const int id = key.first;
    if (key.second >= 0 || over_budget.count(id) != 0 || chosen(id)) continue;
    result.rejected.push_back(
        {IndexSignature(engine.Hypothetical(id)),
         full ? fmt::format("--max-indexes {} reached", options.max_indexes)
         : k.benefit > 0
             ? fmt::format("with the chosen indexes it saves {:.2f} of {:.2f} (under the {:.2g}% "
                           "threshold)",
                           k.benefit, cost, 100 * options.min_improvement)
             : fmt::format("with the chosen indexes it adds {:.2f} to the workload cost "
                           "(maintenance)",
                           -k.benefit)});
  }
  result.cost_after = engine.WorkloadCost(result.config);
  for (int id : over_budget) {
    if (std::binary_search(result.config.added.begin(), result.config.added.end(), id)) continue;
    result.rejected.push_back({IndexSignature(engine.Hypothetical(id)),
                               fmt::format("does not fit the budget ({:.0f} bytes)",
                                           IndexBytes(engine.Hypothetical(id)))});
  }
  return result;
}

}  // namespace dbopt::advisor
