// The rules of `dbopt catalog validate`, in the order they are applied to each object.
#include "dbopt/catalog/validate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/catalog/describe.h"

namespace dbopt::catalog {

namespace {

// Sums of frequencies may exceed 1 by float rounding in pg_statistic (real, 6 digits).
constexpr double kFrequencyTolerance = 1e-4;

class Validator {
 public:
  explicit Validator(const Catalog& catalog) : catalog_(catalog) {}

  std::vector<Diagnostic> Run() {
    CheckSource();
    std::set<std::pair<std::string, std::string>> relations;
    for (const Table& t : catalog_.tables) {
      if (!relations.insert({t.schema, t.name}).second) {
        Add(Severity::kError, "", fmt::format("duplicate table {}", DisplayName(t.schema, t.name)));
      }
      CheckTable(t);
    }
    for (const Index& i : catalog_.indexes) {
      if (!relations.insert({i.schema, i.name}).second) {
        Add(Severity::kError, "",
            fmt::format("index {}: a table or index with this name already exists",
                        DisplayName(i.schema, i.name)));
      }
      CheckIndex(i);
    }
    std::set<std::pair<std::string, std::string>> statistics;
    for (const ExtendedStats& s : catalog_.extended_stats) {
      if (!statistics.insert({s.schema, s.name}).second) {
        Add(Severity::kError, "",
            fmt::format("duplicate statistics object {}", DisplayName(s.schema, s.name)));
      }
      CheckExtendedStats(s);
    }
    return std::move(out_);
  }

 private:
  void Add(Severity severity, const std::string& prefix, const std::string& message) {
    Diagnostic d;
    d.severity = severity;
    d.message = prefix + message;
    out_.push_back(std::move(d));
  }

  static std::string Suggest(const std::string& word, const std::vector<std::string>& candidates) {
    auto suggestion = DidYouMean(word, candidates);
    return suggestion ? fmt::format(" — did you mean \"{}\"?", *suggestion) : "";
  }

  static std::string UnknownColumn(const Table& t, const std::string& column) {
    std::vector<std::string> names;
    for (const Column& c : t.columns) names.push_back(c.name);
    return fmt::format("unknown column \"{}\"{}", column, Suggest(column, names));
  }

  const Table* FindOrReport(const std::string& schema, const std::string& name,
                            const std::string& prefix) {
    if (const Table* t = catalog_.FindTable(schema, name)) return t;
    std::vector<std::string> names;
    for (const Table& t : catalog_.tables) {
      if (t.schema == schema) names.push_back(t.name);
    }
    Add(Severity::kError, prefix,
        fmt::format("unknown table \"{}\"{}", DisplayName(schema, name), Suggest(name, names)));
    return nullptr;
  }

  void CheckColumns(const Table& t, const std::vector<std::string>& columns,
                    const std::string& prefix) {
    for (const std::string& c : columns) {
      if (t.FindColumn(c) == nullptr) Add(Severity::kError, prefix, UnknownColumn(t, c));
    }
  }

  void CheckSource() {
    const int v = catalog_.source.server_version_num;
    if (catalog_.source.kind == "postgres" && v != 0 && v / 10000 != 15) {
      Add(Severity::kWarning, "",
          fmt::format("the catalog comes from PostgreSQL {} (server_version_num {}); dbopt plans "
                      "as PostgreSQL 15 does",
                      v / 10000, v));
    }
  }

  void CheckTable(const Table& t) {
    const std::string prefix = fmt::format("table {}: ", DisplayName(t.schema, t.name));
    std::set<std::string> seen;
    for (const Column& c : t.columns) {
      if (!seen.insert(c.name).second)
        Add(Severity::kError, prefix, fmt::format("duplicate column \"{}\"", c.name));
      if (c.type.empty())
        Add(Severity::kError, prefix, fmt::format("column \"{}\" has no type", c.name));
    }
    if (t.primary_key) {
      CheckColumns(t, t.primary_key->columns, prefix + "primary key: ");
      if (t.primary_key->columns.empty())
        Add(Severity::kError, prefix, "primary key has no columns");
      for (const std::string& name : t.primary_key->columns) {
        const Column* c = t.FindColumn(name);
        if (c != nullptr && !c->not_null) {
          Add(Severity::kWarning, prefix,
              fmt::format("primary key column \"{}\" is not marked NOT NULL", name));
        }
      }
    }
    for (const Constraint& u : t.unique_constraints) {
      CheckColumns(t, u.columns,
                   prefix + (u.name.empty() ? "unique constraint: "
                                            : fmt::format("unique constraint {}: ", u.name)));
    }
    for (const ForeignKey& fk : t.foreign_keys) CheckForeignKey(t, fk, prefix);
    if (t.stats) CheckTableStats(*t.stats, prefix);
    const double reltuples = t.stats ? t.stats->reltuples : -1;
    for (const auto& [column, stats] : t.column_stats) {
      if (t.FindColumn(column) == nullptr) {
        Add(Severity::kError, prefix, "statistics for " + UnknownColumn(t, column));
        continue;
      }
      CheckColumnStats(stats, reltuples, prefix + fmt::format("column {}: ", column));
    }
  }

  void CheckForeignKey(const Table& t, const ForeignKey& fk, const std::string& table_prefix) {
    const std::string prefix =
        table_prefix +
        (fk.name.empty() ? "foreign key: " : fmt::format("foreign key {}: ", fk.name));
    CheckColumns(t, fk.columns, prefix);
    const Table* target =
        FindOrReport(fk.ref_schema.empty() ? t.schema : fk.ref_schema, fk.ref_table, prefix);
    if (target == nullptr) return;
    std::vector<std::string> ref_columns = fk.ref_columns;
    if (ref_columns.empty()) {
      if (!target->primary_key) {
        Add(Severity::kError, prefix,
            fmt::format("referenced table {} has no primary key",
                        DisplayName(target->schema, target->name)));
        return;
      }
      ref_columns = target->primary_key->columns;
    }
    CheckColumns(*target, ref_columns, prefix + "referenced ");
    if (ref_columns.size() != fk.columns.size()) {
      Add(Severity::kError, prefix,
          fmt::format("{} referencing columns but {} referenced columns", fk.columns.size(),
                      ref_columns.size()));
      return;
    }
    if (!IsUniqueKey(*target, ref_columns)) {
      Add(Severity::kWarning, prefix,
          fmt::format("no primary key, unique constraint or unique index of {} covers exactly ({})",
                      DisplayName(target->schema, target->name), fmt::join(ref_columns, ", ")));
    }
  }

  // PostgreSQL requires the referenced columns to be a primary key or unique constraint
  // (any column order); a unique index without predicate serves too.
  bool IsUniqueKey(const Table& t, std::vector<std::string> columns) const {
    std::sort(columns.begin(), columns.end());
    auto same = [&](std::vector<std::string> other) {
      std::sort(other.begin(), other.end());
      return other == columns;
    };
    if (t.primary_key && same(t.primary_key->columns)) return true;
    for (const Constraint& u : t.unique_constraints) {
      if (same(u.columns)) return true;
    }
    for (const Index* i : catalog_.IndexesOf(t)) {
      if (!i->unique || i->predicate) continue;
      std::vector<std::string> keys;
      for (const IndexKey& k : i->keys)
        keys.push_back(k.column.empty() ? "(" + k.expression + ")" : k.column);
      if (same(keys)) return true;
    }
    return false;
  }

  void CheckTableStats(const TableStats& s, const std::string& prefix) {
    if (!std::isfinite(s.reltuples) || s.reltuples < -1) {
      Add(Severity::kError, prefix,
          fmt::format("reltuples {} is not a row count (-1: unknown)", s.reltuples));
    }
    if (s.relpages < 0 || s.curpages < 0 || s.relallvisible < 0) {
      Add(Severity::kError, prefix, "relpages, curpages and relallvisible cannot be negative");
      return;
    }
    if (s.relallvisible > s.relpages) {
      Add(Severity::kWarning, prefix,
          fmt::format("relallvisible {} is larger than relpages {}", s.relallvisible, s.relpages));
    }
    if (s.reltuples > 0 && s.relpages == 0) {
      Add(Severity::kWarning, prefix,
          fmt::format("reltuples is {} but relpages is 0", s.reltuples));
    }
  }

  void CheckFraction(double value, const char* what, const std::string& prefix) {
    if (!(value >= 0 && value <= 1))
      Add(Severity::kError, prefix, fmt::format("{} {} is outside [0, 1]", what, value));
  }

  void CheckColumnStats(const ColumnStats& s, double reltuples, const std::string& prefix) {
    CheckFraction(s.null_frac, "null_frac", prefix);
    if (s.avg_width < 0)
      Add(Severity::kError, prefix, fmt::format("avg_width {} is negative", s.avg_width));
    if (!std::isfinite(s.n_distinct) || s.n_distinct < -1) {
      Add(Severity::kError, prefix, fmt::format("n_distinct {} is below -1", s.n_distinct));
    } else if (reltuples >= 0 && s.n_distinct > reltuples) {
      Add(Severity::kWarning, prefix,
          fmt::format("n_distinct {} is larger than reltuples {}", s.n_distinct, reltuples));
    }
    if (s.correlation && !(*s.correlation >= -1 && *s.correlation <= 1)) {
      Add(Severity::kError, prefix,
          fmt::format("correlation {} is outside [-1, 1]", *s.correlation));
    }
    if (s.most_common_vals.size() != s.most_common_freqs.size()) {
      Add(Severity::kError, prefix,
          fmt::format("{} most_common_vals but {} most_common_freqs", s.most_common_vals.size(),
                      s.most_common_freqs.size()));
    }
    double sum = s.null_frac;
    for (size_t i = 0; i < s.most_common_freqs.size(); ++i) {
      const double f = s.most_common_freqs[i];
      CheckFraction(f, fmt::format("most_common_freqs[{}]", i).c_str(), prefix);
      sum += f;
      if (i > 0 && f > s.most_common_freqs[i - 1]) {
        Add(Severity::kWarning, prefix,
            fmt::format("most_common_freqs are not in descending order (at [{}])", i));
      }
    }
    if (s.null_frac >= 0 && s.null_frac <= 1 && sum > 1 + kFrequencyTolerance) {
      Add(Severity::kWarning, prefix,
          fmt::format("null_frac plus most_common_freqs is {}, more than 1", sum));
    }
    if (s.histogram_bounds.size() == 1) {
      Add(Severity::kWarning, prefix,
          "histogram_bounds has a single value (PostgreSQL stores at least 2)");
    }
    // pg_stats: the element frequencies, then their minimum, maximum and (since 9.3) the null
    // element frequency.
    const size_t elems = s.most_common_elems.size(), freqs = s.most_common_elem_freqs.size();
    if ((elems > 0 || freqs > 0) && freqs != elems + 2 && freqs != elems + 3) {
      Add(Severity::kError, prefix,
          fmt::format("{} most_common_elems need {} or {} most_common_elem_freqs, found {}", elems,
                      elems + 2, elems + 3, freqs));
    }
  }

  void CheckIndex(const Index& i) {
    std::string prefix = fmt::format("index {}: ", DisplayName(i.schema, i.name));
    const Table* t = FindOrReport(i.schema, i.table, prefix);
    if (t != nullptr)
      prefix = fmt::format("table {}: index {}: ", DisplayName(t->schema, t->name), i.name);
    if (i.keys.empty()) Add(Severity::kError, prefix, "no key columns");
    for (const IndexKey& k : i.keys) {
      if (k.column.empty() == k.expression.empty()) {
        Add(Severity::kError, prefix, "a key must have exactly one of a column and an expression");
      } else if (t != nullptr && !k.column.empty() && t->FindColumn(k.column) == nullptr) {
        Add(Severity::kError, prefix, UnknownColumn(*t, k.column));
      }
    }
    if (t != nullptr) CheckColumns(*t, i.include, prefix + "INCLUDE: ");
    if (i.unique && i.method != "btree") {
      Add(Severity::kError, prefix,
          fmt::format("access method \"{}\" does not support unique indexes", i.method));
    }
    if (!i.include.empty() && i.method != "btree" && i.method != "gist" && i.method != "spgist") {
      Add(Severity::kError, prefix,
          fmt::format("access method \"{}\" does not support included columns", i.method));
    }
    if (i.primary && t != nullptr && !t->primary_key) {
      Add(Severity::kWarning, prefix, "marked primary but the table has no primary key");
    }
    if (i.pages < 0) Add(Severity::kError, prefix, fmt::format("pages {} is negative", i.pages));
    if (!std::isfinite(i.tuples) || i.tuples < -1) {
      Add(Severity::kError, prefix,
          fmt::format("tuples {} is not a row count (-1: unknown)", i.tuples));
    }
    if (i.tree_height < -1)
      Add(Severity::kError, prefix, fmt::format("tree_height {} is below -1", i.tree_height));
    if (i.tree_height >= 0 && i.method != "btree") {
      Add(Severity::kWarning, prefix, "tree_height is set but only btree indexes have one");
    }
    for (const auto& [name, stats] : i.expression_stats) {
      CheckColumnStats(stats, i.tuples, prefix + fmt::format("expression {}: ", name));
    }
  }

  void CheckExtendedStats(const ExtendedStats& s) {
    std::string prefix = fmt::format("statistics {}: ", DisplayName(s.schema, s.name));
    const Table* t = FindOrReport(s.schema, s.table, prefix);
    if (t != nullptr)
      prefix = fmt::format("table {}: statistics {}: ", DisplayName(t->schema, t->name), s.name);
    if (t != nullptr) CheckColumns(*t, s.columns, prefix);
    static const std::vector<std::string> kKinds = {"ndistinct", "dependencies", "mcv",
                                                    "expressions"};
    for (const std::string& kind : s.kinds) {
      if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
        Add(Severity::kError, prefix,
            fmt::format("unknown statistics kind \"{}\"{}", kind, Suggest(kind, kKinds)));
      }
    }
    const size_t items = s.columns.size() + s.expressions.size();
    if (items < 2 && !(s.columns.empty() && s.expressions.size() == 1)) {
      Add(Severity::kError, prefix, "extended statistics require at least 2 columns");
    }
  }

  const Catalog& catalog_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<Diagnostic> ValidateCatalog(const Catalog& catalog) { return Validator(catalog).Run(); }

int CountSeverity(const std::vector<Diagnostic>& findings, Severity severity) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Diagnostic& d) {
    return d.severity == severity;
  }));
}

}  // namespace dbopt::catalog
