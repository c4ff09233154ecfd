// Writes dbopt's catalog JSON (docs/catalog-format.md): fixed key order, 2-space indent, arrays
// of scalars on one line, doubles in their shortest exact form, a trailing newline. Members
// holding their documented default are left out, except those the format lists as always
// written. LoadJsonCatalog(WriteJsonCatalog(c)) == c.
#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "dbopt/catalog/load.h"

namespace dbopt::catalog {

namespace {

class JsonWriter {
 public:
  std::string Take() { return std::move(out_); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // "key": — the value follows.
  void Key(std::string_view key) {
    Separate();
    String(key);
    out_ += ": ";
    after_key_ = true;
  }

  void Value(std::string_view s) {
    Separate();
    String(s);
  }
  void Value(const char* s) { Value(std::string_view(s)); }
  void Value(bool b) {
    Separate();
    out_ += b ? "true" : "false";
  }
  void Value(int64_t n) {
    Separate();
    fmt::format_to(std::back_inserter(out_), "{}", n);
  }
  void Value(int n) { Value(static_cast<int64_t>(n)); }
  // Shortest text that reads back as the same double; non-finite values (which JSON cannot
  // hold) are written as null, which the reader rejects.
  void Value(double d) {
    Separate();
    if (std::isfinite(d)) {
      fmt::format_to(std::back_inserter(out_), "{}", d);
    } else {
      out_ += "null";
    }
  }
  void Null() {
    Separate();
    out_ += "null";
  }
  // A number already in JSON syntax (settings store theirs as text).
  void RawNumber(std::string_view text) {
    Separate();
    out_ += text;
  }

  template <typename T>
  void Field(std::string_view key, const T& value) {
    Key(key);
    Value(value);
  }

  // An array of scalars on one line: ["a", "b"].
  template <typename T>
  void InlineArray(std::string_view key, const std::vector<T>& values) {
    Key(key);
    Separate();
    out_ += '[';
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_ += ", ";
      Scalar(values[i]);
    }
    out_ += ']';
  }

 private:
  struct Level {
    bool empty = true;
  };

  void Scalar(const std::string& s) { String(s); }
  void Scalar(double d) {
    if (std::isfinite(d)) {
      fmt::format_to(std::back_inserter(out_), "{}", d);
    } else {
      out_ += "null";
    }
  }

  void Open(char bracket) {
    Separate();
    out_ += bracket;
    levels_.push_back(Level{});
  }

  void Close(char bracket) {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty) NewLine();
    out_ += bracket;
  }

  // Before a key or a value: a comma and a new line inside containers, nothing after a key.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (levels_.empty()) return;
    if (!levels_.back().empty) out_ += ',';
    levels_.back().empty = false;
    NewLine();
  }

  void NewLine() {
    out_ += '\n';
    out_.append(2 * levels_.size(), ' ');
  }

  // RFC 8259 escaping; invalid UTF-8 bytes (JSON cannot carry them) become U+FFFD.
  void String(std::string_view s) {
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) continue;
      if (c >= 0x80) {
        const size_t length = ValidUtf8Length(s, i);
        if (length > 0) {
          i += length - 1;
          continue;
        }
      }
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        default:
          if (c < 0x20) {
            fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
          } else {
            out_ += "\xEF\xBF\xBD";
          }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  static size_t ValidUtf8Length(std::string_view s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (s.size() - i < length) return 0;
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return 0;
    for (size_t k = 2; k < length; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    }
    return length;
  }

  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

void WriteSource(JsonWriter& w, const Source& source) {
  w.Key("source");
  w.BeginObject();
  w.Field("kind", source.kind);
  w.Field("location", source.location);
  w.Field("server_version_num", source.server_version_num);
  w.Field("server_version", source.server_version);
  w.EndObject();
}

void WriteSettings(JsonWriter& w, const Settings& settings) {
  w.Key("settings");
  w.BeginObject();
  for (const auto& [name, value] : settings.NonDefault()) {
    w.Key(name);
    switch (FindSetting(name)->type) {
      case SettingType::kBool:
        w.Value(value == "on");
        break;
      case SettingType::kInteger:
      case SettingType::kReal:
        w.RawNumber(value);
        break;
      case SettingType::kEnum:
        w.Value(value);
        break;
    }
  }
  w.EndObject();
}

void WriteConstraint(JsonWriter& w, const Constraint& c) {
  w.BeginObject();
  if (!c.name.empty()) w.Field("name", c.name);
  w.InlineArray("columns", c.columns);
  w.EndObject();
}

void WriteColumnStats(JsonWriter& w, const ColumnStats& s) {
  w.BeginObject();
  w.Field("null_frac", s.null_frac);
  w.Field("avg_width", s.avg_width);
  w.Field("n_distinct", s.n_distinct);
  if (!s.most_common_vals.empty()) w.InlineArray("most_common_vals", s.most_common_vals);
  if (!s.most_common_freqs.empty()) w.InlineArray("most_common_freqs", s.most_common_freqs);
  if (!s.histogram_bounds.empty()) w.InlineArray("histogram_bounds", s.histogram_bounds);
  if (s.correlation) w.Field("correlation", *s.correlation);
  if (!s.most_common_elems.empty()) w.InlineArray("most_common_elems", s.most_common_elems);
  if (!s.most_common_elem_freqs.empty()) {
    w.InlineArray("most_common_elem_freqs", s.most_common_elem_freqs);
  }
  if (!s.elem_count_histogram.empty()) {
    w.InlineArray("elem_count_histogram", s.elem_count_histogram);
  }
  w.EndObject();
}

void WriteStatsMap(JsonWriter& w, std::string_view key,
                   const std::map<std::string, ColumnStats>& m) {
  w.Key(key);
  w.BeginObject();
  for (const auto& [name, stats] : m) {
    w.Key(name);
    WriteColumnStats(w, stats);
  }
  w.EndObject();
}

void WriteColumn(JsonWriter& w, const Column& c) {
  w.BeginObject();
  w.Field("name", c.name);
  w.Field("type", c.type);
  w.Field("not_null", c.not_null);
  if (c.default_expr) w.Field("default", *c.default_expr);
  if (c.collation) w.Field("collation", *c.collation);
  if (c.generated) w.Field("generated", *c.generated);
  if (c.identity) w.Field("identity", true);
  w.EndObject();
}

void WriteTable(JsonWriter& w, const Table& t) {
  w.BeginObject();
  w.Field("schema", t.schema);
  w.Field("name", t.name);
  w.Field("kind", t.kind);
  w.Key("columns");
  w.BeginArray();
  for (const Column& c : t.columns) WriteColumn(w, c);
  w.EndArray();
  if (t.primary_key) {
    w.Key("primary_key");
    WriteConstraint(w, *t.primary_key);
  }
  if (!t.unique_constraints.empty()) {
    w.Key("unique_constraints");
    w.BeginArray();
    for (const Constraint& c : t.unique_constraints) WriteConstraint(w, c);
    w.EndArray();
  }
  if (!t.foreign_keys.empty()) {
    w.Key("foreign_keys");
    w.BeginArray();
    for (const ForeignKey& fk : t.foreign_keys) {
      w.BeginObject();
      if (!fk.name.empty()) w.Field("name", fk.name);
      w.InlineArray("columns", fk.columns);
      if (!fk.ref_schema.empty()) w.Field("ref_schema", fk.ref_schema);
      w.Field("ref_table", fk.ref_table);
      if (!fk.ref_columns.empty()) w.InlineArray("ref_columns", fk.ref_columns);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!t.checks.empty()) {
    w.Key("checks");
    w.BeginArray();
    for (const CheckConstraint& c : t.checks) {
      w.BeginObject();
      if (!c.name.empty()) w.Field("name", c.name);
      w.Field("expr", c.expr);
      w.EndObject();
    }
    w.EndArray();
  }
  if (t.without_rowid) w.Field("without_rowid", true);
  if (t.stats) {
    w.Key("stats");
    w.BeginObject();
    w.Field("reltuples", t.stats->reltuples);
    w.Field("relpages", t.stats->relpages);
    w.Field("curpages", t.stats->curpages);
    w.Field("relallvisible", t.stats->relallvisible);
    w.EndObject();
  }
  if (!t.column_stats.empty()) WriteStatsMap(w, "column_stats", t.column_stats);
  w.EndObject();
}

void WriteIndexKey(JsonWriter& w, const IndexKey& k) {
  w.BeginObject();
  if (!k.column.empty()) w.Field("column", k.column);
  if (!k.expression.empty()) w.Field("expression", k.expression);
  if (k.descending) w.Field("descending", true);
  if (k.nulls_first) w.Field("nulls_first", *k.nulls_first);
  if (!k.opclass.empty()) w.Field("opclass", k.opclass);
  if (!k.collation.empty()) w.Field("collation", k.collation);
  w.EndObject();
}

void WriteIndex(JsonWriter& w, const Index& i) {
  w.BeginObject();
  w.Field("schema", i.schema);
  w.Field("name", i.name);
  w.Field("table", i.table);
  w.Field("method", i.method);
  w.Key("keys");
  w.BeginArray();
  for (const IndexKey& k : i.keys) WriteIndexKey(w, k);
  w.EndArray();
  if (!i.include.empty()) w.InlineArray("include", i.include);
  w.Field("unique", i.unique);
  if (i.primary) w.Field("primary", true);
  if (!i.constraint.empty()) w.Field("constraint", i.constraint);
  if (i.predicate) w.Field("predicate", *i.predicate);
  w.Field("pages", i.pages);
  w.Field("tuples", i.tuples);
  w.Field("tree_height", i.tree_height);
  if (i.height_estimated) w.Field("height_estimated", true);
  if (!i.expression_stats.empty()) WriteStatsMap(w, "expression_stats", i.expression_stats);
  w.EndObject();
}

void WriteExtendedStats(JsonWriter& w, const ExtendedStats& s) {
  w.BeginObject();
  w.Field("schema", s.schema);
  w.Field("name", s.name);
  w.Field("table", s.table);
  w.InlineArray("kinds", s.kinds);
  w.InlineArray("columns", s.columns);
  if (!s.expressions.empty()) w.InlineArray("expressions", s.expressions);
  if (!s.n_distinct.empty()) w.Field("n_distinct", s.n_distinct);
  if (!s.dependencies.empty()) w.Field("dependencies", s.dependencies);
  w.EndObject();
}

}  // namespace

std::string WriteJsonCatalog(const Catalog& catalog) {
  JsonWriter w;
  w.BeginObject();
  w.Field("format", "dbopt-catalog");
  w.Field("version", 1);
  WriteSource(w, catalog.source);
  WriteSettings(w, catalog.settings);
  w.Key("tables");
  w.BeginArray();
  for (const Table& t : catalog.tables) WriteTable(w, t);
  w.EndArray();
  w.Key("indexes");
  w.BeginArray();
  for (const Index& i : catalog.indexes) WriteIndex(w, i);
  w.EndArray();
  w.Key("extended_stats");
  w.BeginArray();
  for (const ExtendedStats& s : catalog.extended_stats) WriteExtendedStats(w, s);
  w.EndArray();
  w.Key("warnings");
  w.BeginArray();
  for (const std::string& warning : catalog.warnings) w.Value(warning);
  w.EndArray();
  w.EndObject();
  std::string out = w.Take();
  out += '\n';
  return out;
}

}  // namespace dbopt::catalog
