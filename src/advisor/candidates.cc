// Index candidates from column usage; see candidates.h.
#include "dbopt/advisor/candidates.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "dbopt/catalog/identifier.h"
#include "dbopt/catalog/what_if.h"
#include "dbopt/stats/estimator.h"

namespace dbopt::advisor {
namespace {

// TUNING: a partial index pays when its predicate keeps at most this share of the rows.
constexpr double kPartialMaxSelectivity = 0.10;
// TUNING: a partial index's constant must be a value of a low-cardinality column (a status, a
// type): over more distinct values, each literal would need an index of its own.
constexpr double kPartialMaxDistinct = 50;
// TUNING: INCLUDE candidates carry at most this many extra columns.
constexpr size_t kMaxIncludeColumns = 4;

// Distinct values of a column (pg_stats n_distinct, negative = a share of the rows); 0: unknown.
double Distinct(const catalog::Table& table, const std::string& column) {
  auto it = table.column_stats.find(column);
  if (it == table.column_stats.end()) return 0;
  return it->second.DistinctCount(table.KnownRows());
}

catalog::IndexKey Key(const std::string& column, bool descending = false) {
  catalog::IndexKey key;
  key.column = column;
  key.descending = descending;
  return key;
}

class Generator {
 public:
  Generator(const catalog::Catalog& catalog, const CandidateOptions& options)
      : catalog_(catalog), options_(options) {}

  void FromUsage(const TableUsage& usage) {
    const catalog::Table& table = *usage.table;
    if (table.kind != "table" && table.kind != "matview") return;
    for (const auto* list :
         {&usage.equality, &usage.range, &usage.join, &usage.or_arms, &usage.group}) {
      for (const std::string& column : *list) Add(table, {Key(column)}, {}, {}, "single column");
    }
    if (!usage.order.empty()) Add(table, {Key(usage.order[0].column)}, {}, {}, "single column");

    // Equality and join columns, most distinct values first (ties: first used first).
    std::vector<std::string> equal = usage.equality;
    for (const std::string& c : usage.join) {
      if (std::find(equal.begin(), equal.end(), c) == equal.end()) equal.push_back(c);
    }
    std::stable_sort(equal.begin(), equal.end(), [&](const std::string& a, const std::string& b) {
      return Distinct(table, a) > Distinct(table, b);
    });
    // An equality on a unique column finds one row: wider keys add nothing to that.
    for (const std::string& c : equal) {
      if (Unique(table, c)) return;
    }
    std::vector<std::vector<catalog::IndexKey>> composites;
    std::vector<catalog::IndexKey> prefix;
    for (const std::string& c : equal) prefix.push_back(Key(c));
    if (prefix.size() > 1) composites.push_back(prefix);
    for (const std::string& c : usage.range) {
      if (std::find(equal.begin(), equal.end(), c) != equal.end()) continue;
      auto keys = prefix;
      keys.push_back(Key(c));
      composites.push_back(keys);
    }
    if (!usage.order.empty()) {
      // A btree scans backwards as well: only mixed directions need DESC keys.
      const bool all_desc = std::all_of(usage.order.begin(), usage.order.end(),
                                        [](const SortColumn& s) { return s.descending; });
      auto keys = prefix;
      for (const SortColumn& s : usage.order) {
        const bool in_prefix = std::any_of(keys.begin(), keys.end(),
                                           [&](const auto& k) { return k.column == s.column; });
        if (!in_prefix) keys.push_back(Key(s.column, all_desc ? false : s.descending));
      }
      composites.push_back(keys);
    }
    if (!usage.group.empty() && usage.group.size() <= static_cast<size_t>(options_.max_width)) {
      std::vector<catalog::IndexKey> keys;
      for (const std::string& c : usage.group) keys.push_back(Key(c));
      if (keys.size() > 1) composites.push_back(keys);
    }
    for (auto& keys : composites) {
      if (keys.size() > static_cast<size_t>(options_.max_width)) keys.resize(options_.max_width);
      if (keys.size() > 1) Add(table, keys, {}, {}, "equality first, then range or sort");
    }
    if (options_.include_columns) AddCovering(usage, composites, equal);
    if (options_.expressions) {
      for (const ExpressionUse& e : usage.expressions) {
        catalog::IndexKey key;
        key.expression = e.expression;
        Add(table, {key}, {}, {}, "expression in a predicate");
      }
    }
    if (options_.partial) AddPartial(usage, equal);
  }

  CandidateSet Finish() { return std::move(set_); }

 private:
  // Index-only scans: the statement's other columns of this table as INCLUDE columns.
  void AddCovering(const TableUsage& usage,
                   const std::vector<std::vector<catalog::IndexKey>>& comps,
                   const std::vector<std::string>& equal) {
    std::vector<std::vector<catalog::IndexKey>> bases = comps;
    if (!equal.empty()) bases.push_back({Key(equal[0])});
    if (!usage.range.empty()) bases.push_back({Key(usage.range[0])});
    for (const auto& keys : bases) {
      std::vector<std::string> include;
      for (const std::string& c : usage.referenced) {
        const bool is_key =
            std::any_of(keys.begin(), keys.end(), [&](const auto& k) { return k.column == c; });
        if (!is_key) include.push_back(c);
      }
      if (include.empty() || include.size() > kMaxIncludeColumns) continue;
      Add(*usage.table, keys, include, {}, "covering: index-only scan");
    }
  }

  // The column holds distinct values (n_distinct -1) or has a unique single-column index.
  bool Unique(const catalog::Table& table, const std::string& column) const {
    auto it = table.column_stats.find(column);
    if (it != table.column_stats.end() && it->second.n_distinct == -1) return true;
    for (const catalog::Index* index : catalog_.IndexesOf(table)) {
      if (index->unique && !index->predicate && index->keys.size() == 1 &&
          index->keys[0].column == column) {
        return true;
      }
    }
    return false;
  }

  void AddPartial(const TableUsage& usage, const std::vector<std::string>& equal) {
    const catalog::Table& table = *usage.table;
    for (const ConstantPredicate& c : usage.constants) {
      const double distinct = Distinct(table, c.column);
      if (distinct <= 0 || distinct > kPartialMaxDistinct) continue;
      stats::EstimationContext ctx;
      ctx.catalog = &catalog_;
      ctx.query = c.query;
      ctx.rels.resize(c.query->rtable.size() + 1);
      ctx.rels[static_cast<size_t>(c.rtindex)] =
          stats::MakeTableRel(catalog_, table, table.KnownRows());
      const double selectivity = stats::ClauseSelectivity(ctx, *c.clause, c.rtindex, nullptr);
      if (!(selectivity > 0) || selectivity > kPartialMaxSelectivity) continue;
      std::vector<catalog::IndexKey> keys;
      for (const std::string& col : equal) {
        if (col != c.column) keys.push_back(Key(col));
      }
      for (const std::string& col : usage.range) {
        if (col != c.column && keys.size() < static_cast<size_t>(options_.max_width)) {
          keys.push_back(Key(col));
          break;
        }
      }
      if (keys.empty()) {
        for (const SortColumn& s : usage.order) {
          if (s.column != c.column) keys.push_back(Key(s.column));
        }
      }
      if (keys.empty()) continue;  // the plain index on the column does the same job
      if (keys.size() > static_cast<size_t>(options_.max_width)) keys.resize(options_.max_width);
      Add(table, keys, {}, c.predicate,
          fmt::format("partial: {} keeps {:.1f}% of the rows", c.predicate, 100 * selectivity),
          selectivity * table.KnownRows());
    }
  }

  void Add(const catalog::Table& table, std::vector<catalog::IndexKey> keys,
           std::vector<std::string> include, std::optional<std::string> predicate,
           const std::string& origin, double tuples = -1) {
    catalog::Index index = MakeHypotheticalIndex(catalog_, table, std::move(keys),
                                                 std::move(include), std::move(predicate), tuples);
    const std::string signature = IndexSignature(index);
    if (!seen_.insert(signature).second) return;
    for (const catalog::Index* existing : catalog_.IndexesOf(table)) {
      if (ProvidedBy(index, *existing)) {
        set_.rejected.push_back(
            {signature, fmt::format("provided by existing index {}", existing->name)});
        return;
      }
    }
    // Names stay unique among the candidates too.
    std::string name = index.name;
    for (int n = 1; !names_.insert(name).second; ++n) {
      name = catalog::MakeObjectName(index.name.substr(0, index.name.size() - 4), "",
                                     "idx" + std::to_string(n));
    }
    index.name = name;
    set_.candidates.push_back({std::move(index), origin});
  }

  const catalog::Catalog& catalog_;
  const CandidateOptions& options_;
  CandidateSet set_;
  std::set<std::string> seen_;
  std::set<std::string> names_;
};

}  // namespace

catalog::Index MakeHypotheticalIndex(const catalog::Catalog& catalog, const catalog::Table& table,
                                     std::vector<catalog::IndexKey> keys,
                                     std::vector<std::string> include,
                                     std::optional<std::string> predicate, double tuples) {
  catalog::Index index;
  index.schema = table.schema;
  index.table = table.name;
  index.keys = std::move(keys);
  index.include = std::move(include);
  index.predicate = std::move(predicate);
  // PostgreSQL's ChooseIndexName: table_col1_col2_idx; an expression contributes its function
  // name; numbered while the name is taken.
  std::string columns;
  for (const catalog::IndexKey& key : index.keys) {
    std::string part = key.column;
    if (part.empty()) part = key.expression.substr(0, key.expression.find('('));
    columns += (columns.empty() ? "" : "_") + part;
  }
  std::string name = catalog::MakeObjectName(table.name, columns, "idx");
  auto taken = [&](const std::string& n) {
    return std::any_of(
        catalog.indexes.begin(), catalog.indexes.end(),
        [&](const catalog::Index& i) { return i.schema == table.schema && i.name == n; });
  };
  for (int n = 1; taken(name); ++n)
    name = catalog::MakeObjectName(table.name, columns, "idx" + std::to_string(n));
  index.name = name;
  catalog::EstimateBtreeSize(catalog, index, tuples);
  return index;
}

std::string KeyList(const catalog::Index& index) {
  std::string out;
  for (const catalog::IndexKey& key : index.keys) {
    if (!out.empty()) out += ", ";
    out += key.column.empty() ? key.expression : catalog::QuoteIdentifier(key.column);
    if (key.descending) out += " DESC";
  }
  return out;
}

std::string IndexSignature(const catalog::Index& index) {
  std::string out =
      catalog::QuoteQualified(index.schema, index.table) + " (" + KeyList(index) + ")";
  if (!index.include.empty()) {
    out += " INCLUDE (";
    for (size_t i = 0; i < index.include.size(); ++i) {
      out += (i > 0 ? ", " : "") + catalog::QuoteIdentifier(index.include[i]);
    }
    out += ")";
  }
  if (index.predicate) out += " WHERE " + *index.predicate;
  return out;
}

bool ProvidedBy(const catalog::Index& candidate, const catalog::Index& existing) {
  if (existing.method != candidate.method || existing.predicate != candidate.predicate ||
      existing.schema != candidate.schema || existing.table != candidate.table ||
      existing.keys.size() < candidate.keys.size()) {
    return false;
  }
  for (size_t i = 0; i < candidate.keys.size(); ++i) {
    const catalog::IndexKey& a = candidate.keys[i];
    const catalog::IndexKey& b = existing.keys[i];
    if (a.column != b.column || a.expression != b.expression || a.descending != b.descending) {
      return false;
    }
  }
  for (const std::string& column : candidate.include) {
    const bool covered =
        std::any_of(existing.keys.begin(), existing.keys.end(),
                    [&](const catalog::IndexKey& k) { return k.column == column; }) ||
        std::find(existing.include.begin(), existing.include.end(), column) !=
            existing.include.end();
    if (!covered) return false;
  }
  return true;
}

CandidateSet GenerateCandidates(const catalog::Catalog& catalog,
                                const std::vector<std::vector<TableUsage>>& usages,
                                const CandidateOptions& options) {
  Generator generator(catalog, options);
  for (const auto& statement : usages) {
    for (const TableUsage& usage : statement) generator.FromUsage(usage);
  }
  return generator.Finish();
}

}  // namespace dbopt::advisor
