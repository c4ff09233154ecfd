// `dbopt catalog diff`: objects are matched by name (schema, name), never by position.
#include "dbopt/catalog/diff.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "dbopt/catalog/describe.h"
#include "dbopt/catalog/identifier.h"

namespace dbopt::catalog {

namespace {

std::string Num(double v) { return fmt::format("{}", v); }

// Objects of two catalogs paired by a sort key; either side may be missing.
template <typename T>
using Pairs = std::map<std::string, std::pair<const T*, const T*>>;

template <typename T, typename KeyFn>
Pairs<T> Pair(const std::vector<T>& a, const std::vector<T>& b, KeyFn key) {
  Pairs<T> pairs;
  for (const T& x : a) pairs[key(x)].first = &x;
  for (const T& x : b) pairs[key(x)].second = &x;
  return pairs;
}

// A constraint as a line of DDL, to compare and to show.
std::string ConstraintText(const std::string& kind, const std::vector<std::string>& columns) {
  return fmt::format("{} ({})", kind, fmt::join(columns, ", "));
}

std::map<std::string, std::string> Constraints(const Table& t) {
  std::map<std::string, std::string> out;  // name (or definition when unnamed) → definition
  auto add = [&](const std::string& name, const std::string& text) {
    out[name.empty() ? text : name] = text;
  };
  if (t.primary_key)
    add(t.primary_key->name, ConstraintText("PRIMARY KEY", t.primary_key->columns));
  for (const Constraint& u : t.unique_constraints) add(u.name, ConstraintText("UNIQUE", u.columns));
  for (const ForeignKey& fk : t.foreign_keys) {
    std::string text = ConstraintText("FOREIGN KEY", fk.columns) + " REFERENCES " +
                       (fk.ref_schema.empty() ? fk.ref_table : fk.ref_schema + "." + fk.ref_table);
    if (!fk.ref_columns.empty()) text += fmt::format(" ({})", fmt::join(fk.ref_columns, ", "));
    add(fk.name, text);
  }
  for (const CheckConstraint& c : t.checks) add(c.name, "CHECK (" + c.expr + ")");
  return out;
}

std::string ColumnText(const Column& c) {
  std::string text = c.type;
  if (c.collation) text += " COLLATE " + QuoteIdentifier(*c.collation);
  if (c.not_null) text += " NOT NULL";
  if (c.default_expr) text += " DEFAULT " + *c.default_expr;
  if (c.generated) text += " GENERATED ALWAYS AS (" + *c.generated + ") STORED";
  if (c.identity) text += " GENERATED AS IDENTITY";
  return text;
}

std::string ExtendedStatsText(const ExtendedStats& s) {
  std::vector<std::string> items = s.columns;
  for (const std::string& e : s.expressions) items.push_back("(" + e + ")");
  return fmt::format("({}) ON {}", fmt::join(s.kinds, ", "), fmt::join(items, ", "));
}

class Differ {
 public:
  explicit Differ(const DiffOptions& options) : options_(options) {}

  std::vector<Change> Run(const Catalog& a, const Catalog& b) {
    for (const SettingDef& def : KnownSettings()) {
      const std::string& x = a.settings.Get(def.name);
      const std::string& y = b.settings.Get(def.name);
      if (x != y) Changed("setting", def.name, "", ShowSetting(def, x), ShowSetting(def, y));
    }
    auto qualified = [](const auto& x) { return x.schema + '\x01' + x.name; };
    for (const auto& [key, pair] : Pair(a.tables, b.tables, qualified)) {
      const auto [x, y] = pair;
      if (x == nullptr || y == nullptr) {
        AddedOrRemoved("table", x != nullptr ? *x : *y, x == nullptr);
      } else {
        DiffTable(*x, *y);
      }
    }
    for (const auto& [key, pair] : Pair(a.indexes, b.indexes, qualified)) {
      const auto [x, y] = pair;
      if (x == nullptr || y == nullptr) {
        AddedOrRemoved("index", x != nullptr ? *x : *y, x == nullptr);
      } else {
        DiffIndex(*x, *y);
      }
    }
    for (const auto& [key, pair] : Pair(a.extended_stats, b.extended_stats, qualified)) {
      const auto [x, y] = pair;
      if (x == nullptr || y == nullptr) {
        AddedOrRemoved("statistics", x != nullptr ? *x : *y, x == nullptr);
      } else if (x->table != y->table || ExtendedStatsText(*x) != ExtendedStatsText(*y)) {
        Changed("statistics", DisplayName(x->schema, x->name), "definition",
                x->table + " " + ExtendedStatsText(*x), y->table + " " + ExtendedStatsText(*y));
      }
    }
    return std::move(changes_);
  }

 private:
  template <typename T>
  void AddedOrRemoved(const char* object, const T& x, bool added) {
    Change c;
    c.kind = added ? ChangeKind::kAdded : ChangeKind::kRemoved;
    c.object = object;
    c.name = DisplayName(x.schema, x.name);
    changes_.push_back(std::move(c));
  }

  void Simple(ChangeKind kind, const std::string& object, const std::string& name) {
    changes_.push_back(Change{kind, object, name, "", "", ""});
  }

  void Changed(const std::string& object, const std::string& name, const std::string& property,
               const std::string& from, const std::string& to) {
    changes_.push_back(Change{ChangeKind::kChanged, object, name, property, from, to});
  }

  void Stat(const std::string& object, const std::string& name, const char* property, double x,
            double y) {
    if (x == y) return;
    if (std::fabs(y - x) > options_.threshold * std::max(std::fabs(x), std::fabs(y))) {
      Changed(object, name, property, Num(x), Num(y));
    }
  }

  void DiffTable(const Table& x, const Table& y) {
    const std::string name = DisplayName(x.schema, x.name);
    if (x.kind != y.kind) Changed("table", name, "kind", x.kind, y.kind);
    if (x.without_rowid != y.without_rowid) {
      Changed("table", name, "without_rowid", x.without_rowid ? "true" : "false",
              y.without_rowid ? "true" : "false");
    }
    DiffColumns(x, y, name);
    const auto cx = Constraints(x), cy = Constraints(y);
    std::map<std::string, std::pair<const std::string*, const std::string*>> constraints;
    for (const auto& [k, v] : cx) constraints[k].first = &v;
    for (const auto& [k, v] : cy) constraints[k].second = &v;
    for (const auto& [k, pair] : constraints) {
      const std::string full = name + "." + k;
      if (pair.first == nullptr) {
        Changed("constraint", full, "", "", *pair.second);
        changes_.back().kind = ChangeKind::kAdded;
      } else if (pair.second == nullptr) {
        Changed("constraint", full, "", *pair.first, "");
        changes_.back().kind = ChangeKind::kRemoved;
      } else if (*pair.first != *pair.second) {
        Changed("constraint", full, "definition", *pair.first, *pair.second);
      }
    }
    DiffTableStats(x, y, name);
  }

  void DiffColumns(const Table& x, const Table& y, const std::string& table) {
    for (const Column& c : x.columns) {
      const Column* other = y.FindColumn(c.name);
      const std::string name = table + "." + c.name;
      if (other == nullptr) {
        Simple(ChangeKind::kRemoved, "column", name);
      } else if (ColumnText(c) != ColumnText(*other)) {
        Changed("column", name, "definition", ColumnText(c), ColumnText(*other));
      }
    }
    for (const Column& c : y.columns) {
      if (x.FindColumn(c.name) == nullptr)
        Simple(ChangeKind::kAdded, "column", table + "." + c.name);
    }
  }

  void DiffTableStats(const Table& x, const Table& y, const std::string& name) {
    if (x.stats.has_value() != y.stats.has_value()) {
      Changed("table", name, "statistics", x.stats ? "analysed" : "none",
              y.stats ? "analysed" : "none");
    } else if (x.stats) {
      Stat("table", name, "reltuples", x.stats->reltuples, y.stats->reltuples);
      Stat("table", name, "relpages", static_cast<double>(x.stats->relpages),
           static_cast<double>(y.stats->relpages));
      Stat("table", name, "curpages", static_cast<double>(x.stats->curpages),
           static_cast<double>(y.stats->curpages));
      Stat("table", name, "relallvisible", static_cast<double>(x.stats->relallvisible),
           static_cast<double>(y.stats->relallvisible));
    }
    for (const Column& c : x.columns) {
      if (y.FindColumn(c.name) == nullptr) continue;
      DiffColumnStats(x.column_stats, y.column_stats, c.name, "column", name + "." + c.name);
    }
  }

  void DiffColumnStats(const std::map<std::string, ColumnStats>& xs,
                       const std::map<std::string, ColumnStats>& ys, const std::string& key,
                       const std::string& object, const std::string& name) {
    auto xi = xs.find(key), yi = ys.find(key);
    const bool in_x = xi != xs.end(), in_y = yi != ys.end();
    if (in_x != in_y) {
      Changed(object, name, "statistics", in_x ? "analysed" : "none", in_y ? "analysed" : "none");
      return;
    }
    if (!in_x) return;
    const ColumnStats& x = xi->second;
    const ColumnStats& y = yi->second;
    Stat(object, name, "null_frac", x.null_frac, y.null_frac);
    Stat(object, name, "avg_width", x.avg_width, y.avg_width);
    Stat(object, name, "n_distinct", x.n_distinct, y.n_distinct);
    if (x.correlation.has_value() != y.correlation.has_value() ||
        (x.correlation && std::fabs(*x.correlation - *y.correlation) > options_.threshold)) {
      Changed(object, name, "correlation", x.correlation ? Num(*x.correlation) : "none",
              y.correlation ? Num(*y.correlation) : "none");
    }
  }

  void DiffIndex(const Index& x, const Index& y) {
    const std::string name = DisplayName(x.schema, x.name);
    if (IndexDefinition(x) != IndexDefinition(y))
      Changed("index", name, "definition", IndexDefinition(x), IndexDefinition(y));
    Stat("index", name, "pages", static_cast<double>(x.pages), static_cast<double>(y.pages));
    Stat("index", name, "tuples", x.tuples, y.tuples);
    if (x.tree_height != y.tree_height) {
      Changed("index", name, "tree_height", std::to_string(x.tree_height),
              std::to_string(y.tree_height));
    }
    std::map<std::string, int> expressions;
    for (const auto& [k, v] : x.expression_stats) expressions[k] = 0;
    for (const auto& [k, v] : y.expression_stats) expressions[k] = 0;
    for (const auto& [k, unused] : expressions) {
      DiffColumnStats(x.expression_stats, y.expression_stats, k, "index expression",
                      name + "." + k);
    }
  }

  const DiffOptions& options_;
  std::vector<Change> changes_;
};

// "+100.0%" when both values are positive numbers.
std::string RelativeChange(const std::string& from, const std::string& to) {
  char* end_from = nullptr;
  char* end_to = nullptr;
  const double x = std::strtod(from.c_str(), &end_from);
  const double y = std::strtod(to.c_str(), &end_to);
  if (from.empty() || to.empty() || *end_from != '\0' || *end_to != '\0' || x <= 0 || y <= 0)
    return "";
  return fmt::format(" ({:+.1f}%)", (y - x) / x * 100);
}

}  // namespace

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kChanged:
      return "changed";
  }
  return "changed";
}

std::vector<Change> DiffCatalogs(const Catalog& a, const Catalog& b, const DiffOptions& options) {
  return Differ(options).Run(a, b);
}

std::string RenderDiffText(const std::vector<Change>& changes) {
  std::string out;
  for (const Change& c : changes) {
    switch (c.kind) {
      case ChangeKind::kAdded:
        out += fmt::format("+ {} {}{}\n", c.object, c.name, c.to.empty() ? "" : ": " + c.to);
        break;
      case ChangeKind::kRemoved:
        out += fmt::format("- {} {}{}\n", c.object, c.name, c.from.empty() ? "" : ": " + c.from);
        break;
      case ChangeKind::kChanged:
        out += fmt::format("~ {} {}: {}{} → {}{}\n", c.object, c.name,
                           c.property.empty() ? "" : c.property + " ", c.from, c.to,
                           RelativeChange(c.from, c.to));
        break;
    }
  }
  return out;
}

std::string RenderDiffJson(const std::vector<Change>& changes, const std::string& a_name,
                           const std::string& b_name) {
  nlohmann::ordered_json out;
  out["a"] = a_name;
  out["b"] = b_name;
  out["identical"] = changes.empty();
  out["changes"] = nlohmann::ordered_json::array();
  for (const Change& c : changes) {
    nlohmann::ordered_json j;
    j["change"] = ChangeKindName(c.kind);
    j["object"] = c.object;
    j["name"] = c.name;
    j["property"] = c.property;
    j["from"] = c.from;
    j["to"] = c.to;
    out["changes"].push_back(std::move(j));
  }
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace dbopt::catalog
