// The `dbopt catalog show` text and the DDL-like lines it is made of.
#include "dbopt/catalog/describe.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

#include "dbopt/catalog/identifier.h"

namespace dbopt::catalog {

namespace {

constexpr size_t kShownMcvs = 3;        // most common values shown per column
constexpr size_t kMaxValueLength = 24;  // longer values are cut with "…"

// True when `text` is one parenthesised group "( ... )" or a function call "f( ... )", so
// pg_get_indexdef would print it without another pair of parentheses.
bool IsSelfDelimited(const std::string& text, bool allow_call) {
  size_t start = 0;
  if (allow_call) {
    while (start < text.size() && (std::isalnum(static_cast<unsigned char>(text[start])) ||
                                   text[start] == '_' || text[start] == '.')) {
      ++start;
    }
  }
  if (start >= text.size() || text[start] != '(' || text.back() != ')') return false;
  int depth = 0;
  bool quoted = false;
  for (size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\'') quoted = !quoted;
    if (quoted) continue;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0 && i + 1 != text.size()) return false;
  }
  return depth == 0;
}

std::string KeyDefinition(const IndexKey& key) {
  std::string out =
      !key.column.empty()
          ? QuoteIdentifier(key.column)
          : (IsSelfDelimited(key.expression, true) ? key.expression : "(" + key.expression + ")");
  if (!key.collation.empty()) out += " COLLATE " + QuoteIdentifier(key.collation);
  if (!key.opclass.empty()) out += " " + key.opclass;
  if (key.descending) out += " DESC";
  if (key.nulls_first && *key.nulls_first != key.descending) {
    out += *key.nulls_first ? " NULLS FIRST" : " NULLS LAST";
  }
  return out;
}

std::string Quoted(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const std::string& n : names) quoted.push_back(QuoteIdentifier(n));
  return fmt::format("{}", fmt::join(quoted, ", "));
}

// A number as a DBA reads it: integers without a decimal point, others shortest-exact.
std::string Number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    return fmt::format("{}", static_cast<long long>(v));
  }
  return fmt::format("{}", v);
}

// Fractions and ratios: four significant digits are plenty to read.
std::string Short(double v) { return fmt::format("{:.4g}", v); }

std::string Percent(double fraction) { return fmt::format("{:.1f}%", fraction * 100); }

// An MCV as a literal: numbers bare, anything else in single quotes, long ones cut.
std::string ShownValue(const std::string& value) {
  char* end = nullptr;
  const bool numeric = !value.empty() && (std::strtod(value.c_str(), &end), *end == '\0');
  std::string shown;  // control characters escaped, so one value stays on one line
  for (char c : value) {
    if (c == '\n') {
      shown += "\\n";
    } else if (c == '\t') {
      shown += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      shown += fmt::format("\\x{:02x}", c);
    } else {
      shown += c;
    }
  }
  if (shown.size() > kMaxValueLength) {
    size_t cut = kMaxValueLength;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown = shown.substr(0, cut) + "…";
  }
  return numeric ? shown : "'" + shown + "'";
}

std::string DistinctText(double n_distinct, const Table& table) {
  if (n_distinct == 0) return "unknown";
  if (n_distinct > 0) return Number(n_distinct);
  if (n_distinct == -1) return "-1 (unique)";
  if (n_distinct < -1) return Number(n_distinct);
  if (table.stats && table.stats->reltuples > 0) {
    return fmt::format("{} (≈{})", Short(n_distinct),
                       Number(std::round(-n_distinct * table.stats->reltuples)));
  }
  return Short(n_distinct);
}

// Rows of cells printed as left-aligned columns two spaces apart, without trailing spaces.
std::string Columns(const std::vector<std::vector<std::string>>& rows, const std::string& indent) {
  std::vector<size_t> widths;
  auto width_of = [](const std::string& s) {
    return static_cast<size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = indent;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - width_of(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::vector<std::string> ColumnRow(const Table& table, const Column& column) {
  std::vector<std::string> row = {column.name, column.type, column.not_null ? "not null" : ""};
  auto it = table.column_stats.find(column.name);
  if (it == table.column_stats.end()) {
    row.insert(row.end(), {"-", "-", "-"});
    return row;
  }
  const ColumnStats& s = it->second;
  row.push_back(Short(s.null_frac));
  row.push_back(DistinctText(s.n_distinct, table));
  row.push_back(s.correlation ? fmt::format("{:.3f}", *s.correlation) : "-");
  std::vector<std::string> mcvs;
  for (size_t i = 0; i < s.most_common_vals.size() && i < kShownMcvs; ++i) {
    std::string mcv = ShownValue(s.most_common_vals[i]);
    if (i < s.most_common_freqs.size()) mcv += " " + Percent(s.most_common_freqs[i]);
    mcvs.push_back(mcv);
  }
  if (s.most_common_vals.size() > kShownMcvs) {
    mcvs.push_back(fmt::format("… ({} in all)", s.most_common_vals.size()));
  }
  row.push_back(fmt::format("{}", fmt::join(mcvs, ", ")));
  return row;
}

std::string SizeLine(const Table& table, int64_t block_size) {
  if (!table.stats) return "  no statistics: never analysed\n";
  const TableStats& s = *table.stats;
  std::string out =
      fmt::format("  rows {}, pages {} ({})", s.reltuples < 0 ? "unknown" : Number(s.reltuples),
                  s.relpages, PrettySize(s.relpages * block_size));
  if (s.curpages != s.relpages) out += fmt::format(", current pages {}", s.curpages);
  out += fmt::format(", all-visible {}", s.relallvisible);
  if (s.relpages > 0) out += fmt::format(" ({:.0f}%)", 100.0 * s.relallvisible / s.relpages);
  return out + "\n";
}

std::string ConstraintLines(const Table& t) {
  std::string out;
  auto named = [](const std::string& name) { return name.empty() ? std::string() : name + " "; };
  if (t.primary_key)
    out += fmt::format("  Primary key: {}({})\n", named(t.primary_key->name),
                       Quoted(t.primary_key->columns));
  for (const Constraint& u : t.unique_constraints) {
    out += fmt::format("  Unique: {}({})\n", named(u.name), Quoted(u.columns));
  }
  for (const ForeignKey& fk : t.foreign_keys) {
    const std::string target = fk.ref_schema.empty() ? QuoteIdentifier(fk.ref_table)
                                                     : QuoteQualified(fk.ref_schema, fk.ref_table);
    out += fmt::format("  Foreign key: {}({}) REFERENCES {}", named(fk.name), Quoted(fk.columns),
                       target);
    out += fk.ref_columns.empty() ? "\n" : fmt::format(" ({})\n", Quoted(fk.ref_columns));
  }
  for (const CheckConstraint& c : t.checks) {
    out += fmt::format("  Check: {}CHECK {}\n", named(c.name),
                       IsSelfDelimited(c.expr, false) ? c.expr : "(" + c.expr + ")");
  }
  return out;
}

std::string IndexLines(const Catalog& catalog, const Table& t, int64_t block_size) {
  std::string out;
  const std::vector<const Index*> indexes = catalog.IndexesOf(t);
  if (!indexes.empty()) out += "  Indexes:\n";
  for (const Index* i : indexes) {
    out += "    " + IndexDefinition(*i) + "\n";
    std::string size =
        fmt::format("      {} pages ({})", i->pages, PrettySize(i->pages * block_size));
    if (i->tuples >= 0) size += fmt::format(", {} tuples", Number(i->tuples));
    if (i->tree_height >= 0) {
      size +=
          fmt::format(", height {}{}", i->tree_height, i->height_estimated ? " (estimated)" : "");
    }
    out += size + "\n";
  }
  return out;
}

std::string ExtendedStatsLines(const Catalog& catalog, const Table& t) {
  std::string out;
  for (const ExtendedStats& s : catalog.extended_stats) {
    if (s.schema != t.schema || s.table != t.name) continue;
    if (out.empty()) out += "  Extended statistics:\n";
    std::vector<std::string> items;
    for (const std::string& c : s.columns) items.push_back(QuoteIdentifier(c));
    for (const std::string& e : s.expressions) items.push_back("(" + e + ")");
    out += fmt::format("    {} ({}) ON {}{}\n", s.name, fmt::join(s.kinds, ", "),
                       fmt::join(items, ", "),
                       s.n_distinct.empty() && s.dependencies.empty() ? "" : ", analysed");
  }
  return out;
}

std::string DescribeTable(const Catalog& catalog, const Table& t) {
  const int64_t block_size = catalog.settings.GetInteger("block_size");
  std::string out = fmt::format("Table {} ({}{})\n", QuoteQualified(t.schema, t.name), t.kind,
                                t.without_rowid ? ", WITHOUT ROWID" : "");
  out += SizeLine(t, block_size);
  std::vector<std::vector<std::string>> rows = {
      {"column", "type", "null?", "null_frac", "n_distinct", "correlation", "most common values"}};
  for (const Column& c : t.columns) rows.push_back(ColumnRow(t, c));
  out += Columns(rows, "  ");
  out += ConstraintLines(t);
  out += IndexLines(catalog, t, block_size);
  out += ExtendedStatsLines(catalog, t);
  return out;
}

std::string Header(const Catalog& catalog) {
  const Source& s = catalog.source;
  std::string out =
      fmt::format("Catalog {} ({}", s.location.empty() ? "(unnamed)" : s.location, s.kind);
  if (!s.server_version.empty()) out += " " + s.server_version;
  out += ")\n";
  out += fmt::format("{} tables, {} indexes, {} extended statistics\n", catalog.tables.size(),
                     catalog.indexes.size(), catalog.extended_stats.size());
  const auto changed = catalog.settings.NonDefault();
  if (changed.empty()) return out + "Settings: PostgreSQL 15 defaults\n";
  out += "Settings: PostgreSQL 15 defaults, except\n";
  for (const auto& [name, value] : changed) {
    out += fmt::format("  {} = {}\n", name, ShowSetting(*FindSetting(name), value));
  }
  return out;
}

}  // namespace

std::string IndexDefinition(const Index& index) {
  std::vector<std::string> keys;
  for (const IndexKey& k : index.keys) keys.push_back(KeyDefinition(k));
  std::string out =
      fmt::format("CREATE {}INDEX {} ON {} USING {} ({})", index.unique ? "UNIQUE " : "",
                  QuoteIdentifier(index.name), QuoteQualified(index.schema, index.table),
                  index.method, fmt::join(keys, ", "));
  if (!index.include.empty()) out += fmt::format(" INCLUDE ({})", Quoted(index.include));
  if (index.predicate) {
    out += " WHERE " + (IsSelfDelimited(*index.predicate, false) ? *index.predicate
                                                                 : "(" + *index.predicate + ")");
  }
  return out;
}

std::string PrettySize(int64_t bytes) {
  // PG15 dbsize.c: each unit is used below 20 * 1024 of itself, rounding half away from zero.
  constexpr int64_t kLimit = 10 * 1024;
  constexpr int64_t kLimit2 = 2 * kLimit - 1;
  if (std::llabs(bytes) < kLimit) return fmt::format("{} bytes", bytes);
  int64_t size = bytes / 512;  // half-kilobytes: one extra bit for rounding
  const char* units[] = {"kB", "MB", "GB", "TB", "PB"};
  for (size_t i = 0;; ++i) {
    if (std::llabs(size) < kLimit2 || i + 1 == std::size(units)) {
      return fmt::format("{} {}", (size + (size < 0 ? -1 : 1)) / 2, units[i]);
    }
    size /= 1024;
  }
}

std::string DisplayName(const std::string& schema, const std::string& name) {
  return schema == "public" ? name : schema + "." + name;
}

std::string DescribeCatalog(const Catalog& catalog, const std::vector<const Table*>& tables) {
  std::string out = Header(catalog);
  std::vector<const Table*> shown = tables;
  if (shown.empty()) {
    for (const Table& t : catalog.tables) shown.push_back(&t);
  }
  for (const Table* t : shown) out += "\n" + DescribeTable(catalog, *t);
  if (!catalog.warnings.empty()) {
    out += "\nWarnings:\n";
    for (const std::string& w : catalog.warnings) out += "  " + w + "\n";
  }
  return out;
}

Catalog RestrictToTables(const Catalog& catalog, const std::vector<const Table*>& tables) {
  Catalog out;
  out.source = catalog.source;
  out.settings = catalog.settings;
  out.warnings = catalog.warnings;
  for (const Table* t : tables) {
    out.tables.push_back(*t);
    for (const Index* i : catalog.IndexesOf(*t)) out.indexes.push_back(*i);
    for (const ExtendedStats& s : catalog.extended_stats) {
      if (s.schema == t->schema && s.table == t->name) out.extended_stats.push_back(s);
    }
  }
  return out;
}

}  // namespace dbopt::catalog
