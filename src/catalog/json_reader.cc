// Reads dbopt's catalog JSON (docs/catalog-format.md) straight into the model with a pull
// parser: no document tree, one pass. Strict: unknown keys, duplicate keys, wrong types and
// missing required keys are errors with the JSON path, file:line:col and a caret. Semantic
// checks (unknown columns, inconsistent statistics) are validate.cc's job.
#include <fmt/format.h>

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/catalog/load.h"
#include "json_cursor.h"

namespace dbopt::catalog {

namespace {

constexpr char kFormatName[] = "dbopt-catalog";
constexpr int64_t kSupportedVersion = 1;

// The members an object may have; `required` lists indexes into `keys`.
struct ObjectSpec {
  std::initializer_list<std::string_view> keys;
  uint32_t required = 0;  // bit i: keys[i] is required
};

class CatalogReader {
 public:
  explicit CatalogReader(const SourceText& text) : text_(text), cursor_(text) {}

  Result<Catalog> Read() {
    Catalog catalog;
    catalog.source.kind = "json";
    catalog.source.location = text_.name();
    if (cursor_.Peek() == JsonCursor::Type::kEnd) {
      return Error::At(text_.DiagnosticAt(cursor_.Offset(), "empty file: expected a JSON catalog"));
    }
    if (!ReadTop(&catalog) || !cursor_.ExpectEnd()) return cursor_.TakeError();
    return catalog;
  }

 private:
  // Reads an object of `spec`, calling read_member(index of the key) for each member.
  template <typename ReadMember>
  bool ReadObject(const ObjectSpec& spec, ReadMember read_member) {
    const size_t open = cursor_.Offset();
    if (!cursor_.BeginObject()) return false;
    uint32_t seen = 0;
    while (cursor_.NextMember()) {
      const int index = KeyIndex(spec, cursor_.key());
      if (index < 0) return UnknownKey(spec);
      if (seen & (1u << index))
        return cursor_.FailKey(fmt::format("duplicate key \"{}\"", cursor_.key()));
      seen |= 1u << index;
      if (!read_member(index)) return false;
    }
    if (!cursor_.ok()) return false;
    const uint32_t missing = spec.required & ~seen;
    if (missing != 0) {
      int i = 0;
      while ((missing & (1u << i)) == 0) ++i;
      return cursor_.Fail(open, fmt::format("missing required key \"{}\"", spec.keys.begin()[i]));
    }
    return true;
  }

  static int KeyIndex(const ObjectSpec& spec, std::string_view key) {
    int i = 0;
    for (std::string_view k : spec.keys) {
      if (k == key) return i;
      ++i;
    }
    return -1;
  }

  bool UnknownKey(const ObjectSpec& spec) {
    const std::vector<std::string> candidates(spec.keys.begin(), spec.keys.end());
    const std::string key(cursor_.key());
    std::string hint;
    if (auto suggestion = DidYouMean(key, candidates)) {
      hint = fmt::format("did you mean \"{}\"?", *suggestion);
    } else {
      hint = fmt::format("expected one of: {}", fmt::join(spec.keys, ", "));
    }
    return cursor_.FailKey(fmt::format("unknown key \"{}\"", key), hint);
  }

  // Reads a string that must not be empty (names).
  bool ReadName(std::string* out) {
    const size_t offset = cursor_.Offset();
    if (!cursor_.ReadString(out)) return false;
    if (out->empty()) return cursor_.Fail(offset, "must not be empty");
    return true;
  }

  bool ReadOneOf(std::string* out, std::initializer_list<std::string_view> allowed) {
    const size_t offset = cursor_.Offset();
    if (!cursor_.ReadString(out)) return false;
    for (std::string_view a : allowed) {
      if (*out == a) return true;
    }
    return cursor_.Fail(offset,
                        fmt::format("\"{}\" is not one of {}", *out, fmt::join(allowed, ", ")));
  }

  bool ReadOptionalString(std::optional<std::string>* out) {
    if (cursor_.TryNull()) {
      out->reset();
      return true;
    }
    std::string value;
    if (!cursor_.ReadString(&value)) return false;
    *out = std::move(value);
    return true;
  }

  // Arrays of scalars: one allocation per array instead of one per doubling. Strings are sized
  // by the cursor (views first); numbers are read into a scratch vector that keeps its capacity,
  // then copied into an exactly sized vector.
  bool ReadStrings(std::vector<std::string>* out) {
    out->clear();
    return cursor_.ReadStringArray(out);
  }

  bool ReadNames(std::vector<std::string>* out) {
    if (!cursor_.BeginArray()) return false;
    out->clear();
    while (cursor_.NextElement()) {
      out->emplace_back();
      if (!ReadName(&out->back())) return false;
    }
    return cursor_.ok();
  }

  bool ReadDoubles(std::vector<double>* out) {
    scratch_doubles_.clear();
    if (!cursor_.ReadDoubleArray(&scratch_doubles_)) return false;
    out->assign(scratch_doubles_.begin(), scratch_doubles_.end());
    return true;
  }

  template <typename T, typename ReadElement>
  bool ReadArrayOf(std::vector<T>* out, ReadElement read_element) {
    if (!cursor_.BeginArray()) return false;
    out->clear();
    while (cursor_.NextElement()) {
      out->emplace_back();
      if (!read_element(&out->back())) return false;
    }
    return cursor_.ok();
  }

  // { "name": value, ... } with distinct names.
  template <typename T, typename ReadValue>
  bool ReadMap(std::map<std::string, T>* out, ReadValue read_value) {
    if (!cursor_.BeginObject()) return false;
    out->clear();
    while (cursor_.NextMember()) {
      const std::string name(cursor_.key());
      if (name.empty()) return cursor_.FailKey("a name must not be empty");
      auto [it, inserted] = out->try_emplace(name);
      if (!inserted) return cursor_.FailKey(fmt::format("duplicate key \"{}\"", name));
      if (!read_value(&it->second)) return false;
    }
    return cursor_.ok();
  }

  bool ReadTop(Catalog* catalog);
  bool ReadFormat();
  bool ReadVersion();
  bool ReadSource(Source* source);
  bool ReadSettings(Settings* settings);
  bool ReadTable(Table* table);
  bool ReadColumn(Column* column);
  bool ReadConstraint(Constraint* constraint);
  bool ReadForeignKey(ForeignKey* fk);
  bool ReadCheck(CheckConstraint* check);
  bool ReadTableStats(TableStats* stats);
  bool ReadColumnStats(ColumnStats* stats);
  bool ReadIndex(Index* index);
  bool ReadIndexKey(IndexKey* key);
  bool ReadExtendedStats(ExtendedStats* stats);

  const SourceText& text_;
  JsonCursor cursor_;
  std::vector<double> scratch_doubles_;
};

bool CatalogReader::ReadTop(Catalog* catalog) {
  static const ObjectSpec kSpec{{"format", "version", "source", "settings", "tables", "indexes",
                                 "extended_stats", "warnings", "$schema"},
                                0b11};
  return ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return ReadFormat();
      case 1:
        return ReadVersion();
      case 2:
        return ReadSource(&catalog->source);
      case 3:
        return ReadSettings(&catalog->settings);
      case 4:
        return ReadArrayOf(&catalog->tables, [&](Table* t) { return ReadTable(t); });
      case 5:
        return ReadArrayOf(&catalog->indexes, [&](Index* i) { return ReadIndex(i); });
      case 6:
        return ReadArrayOf(&catalog->extended_stats,
                           [&](ExtendedStats* s) { return ReadExtendedStats(s); });
      case 7:
        return ReadStrings(&catalog->warnings);
      default: {
        std::string ignored;  // "$schema": for editors, not part of the catalog
        return cursor_.ReadString(&ignored);
      }
    }
  });
}

bool CatalogReader::ReadFormat() {
  const size_t offset = cursor_.Offset();
  std::string format;
  if (!cursor_.ReadString(&format)) return false;
  if (format != kFormatName) {
    return cursor_.Fail(offset,
                        fmt::format("this is not a dbopt catalog: expected \"{}\", found \"{}\"",
                                    kFormatName, format));
  }
  return true;
}

bool CatalogReader::ReadVersion() {
  const size_t offset = cursor_.Offset();
  int64_t version = 0;
  if (!cursor_.ReadInt64(&version)) return false;
  if (version != kSupportedVersion) {
    return cursor_.Fail(offset,
                        fmt::format("unsupported catalog version {}: this dbopt reads version {}",
                                    version, kSupportedVersion),
                        version > kSupportedVersion ? "the file was written by a newer dbopt" : "");
  }
  return true;
}

bool CatalogReader::ReadSource(Source* source) {
  static const ObjectSpec kSpec{{"kind", "location", "server_version_num", "server_version"}};
  return ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return ReadOneOf(&source->kind, {"json", "sqlite", "ddl", "postgres", ""});
      case 1:
        return cursor_.ReadString(&source->location);
      case 2:
        return cursor_.ReadInt(&source->server_version_num);
      default:
        return cursor_.ReadString(&source->server_version);
    }
  });
}

// Values: numbers in the setting's base unit, booleans, or strings in SET's syntax ("64MB").
bool CatalogReader::ReadSettings(Settings* settings) {
  if (!cursor_.BeginObject()) return false;
  while (cursor_.NextMember()) {
    const std::string name(cursor_.key());
    if (FindSetting(name) == nullptr) {
      Status unknown = settings->Set(name, "");
      return cursor_.FailKey(unknown.error().message(), unknown.error().diagnostic.hint);
    }
    const size_t offset = cursor_.Offset();
    std::string value;
    switch (cursor_.Peek()) {
      case JsonCursor::Type::kBool: {
        bool b = false;
        if (!cursor_.ReadBool(&b)) return false;
        value = b ? "on" : "off";
        break;
      }
      case JsonCursor::Type::kNumber: {
        std::string_view text;
        if (!cursor_.ReadNumberText(&text)) return false;
        value = std::string(text);
        break;
      }
      default:
        if (!cursor_.ReadString(&value)) return false;
    }
    Status set = settings->Set(name, value);
    if (!set) return cursor_.Fail(offset, set.error().message(), set.error().diagnostic.hint);
  }
  return cursor_.ok();
}

bool CatalogReader::ReadTable(Table* table) {
  static const ObjectSpec kSpec{
      {"schema", "name", "kind", "columns", "primary_key", "unique_constraints", "foreign_keys",
       "checks", "without_rowid", "stats", "column_stats"},
      0b10};
  return ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return ReadName(&table->schema);
      case 1:
        return ReadName(&table->name);
      case 2:
        return ReadOneOf(&table->kind, {"table", "partitioned", "view", "matview", "foreign"});
      case 3:
        return ReadArrayOf(&table->columns, [&](Column* c) { return ReadColumn(c); });
      case 4:
        if (cursor_.TryNull()) {
          table->primary_key.reset();
          return true;
        }
        table->primary_key.emplace();
        return ReadConstraint(&*table->primary_key);
      case 5:
        return ReadArrayOf(&table->unique_constraints,
                           [&](Constraint* c) { return ReadConstraint(c); });
      case 6:
        return ReadArrayOf(&table->foreign_keys,
                           [&](ForeignKey* fk) { return ReadForeignKey(fk); });
      case 7:
        return ReadArrayOf(&table->checks, [&](CheckConstraint* c) { return ReadCheck(c); });
      case 8:
        return cursor_.ReadBool(&table->without_rowid);
      case 9:
        if (cursor_.TryNull()) {
          table->stats.reset();
          return true;
        }
        table->stats.emplace();
        return ReadTableStats(&*table->stats);
      default:
        return ReadMap(&table->column_stats, [&](ColumnStats* s) { return ReadColumnStats(s); });
    }
  });
}

bool CatalogReader::ReadColumn(Column* column) {
  static const ObjectSpec kSpec{
      {"name", "type", "not_null", "default", "collation", "generated", "identity"}, 0b11};
  return ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return ReadName(&column->name);
      case 1:
        return ReadName(&column->type);
      case 2:
        return cursor_.ReadBool(&column->not_null);
      case 3:
        return ReadOptionalString(&column->default_expr);
      case 4:
        return ReadOptionalString(&column->collation);
      case 5:
        return ReadOptionalString(&column->generated);
      default:
        return cursor_.ReadBool(&column->identity);
    }
  });
}

// {"name": ..., "columns": [...]}, or just the list of columns.
bool CatalogReader::ReadConstraint(Constraint* constraint) {
  if (cursor_.Peek() == JsonCursor::Type::kArray) return ReadNames(&constraint->columns);
  static const ObjectSpec kSpec{{"name", "columns"}, 0b10};
  return ReadObject(kSpec, [&](int key) {
    if (key == 0) return cursor_.ReadString(&constraint->name);
    return ReadNames(&constraint->columns);
  });
}

bool CatalogReader::ReadForeignKey(ForeignKey* fk) {
  static const ObjectSpec kSpec{{"name", "columns", "ref_schema", "ref_table", "ref_columns"},
                                0b1010};
  return ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return cursor_.ReadString(&fk->name);
      case 1:
        return ReadNames(&fk->columns);
      case 2:
        return cursor_.ReadString(&fk->ref_schema);
      case 3:
        return ReadName(&fk->ref_table);
      default:
        return ReadNames(&fk->ref_columns);
    }
  });
}

bool CatalogReader::ReadCheck(CheckConstraint* check) {
  static const ObjectSpec kSpec{{"name", "expr"}, 0b10};
  return ReadObject(kSpec, [&](int key) {
    return key == 0 ? cursor_.ReadString(&check->name) : ReadName(&check->expr);
  });
}

bool CatalogReader::ReadTableStats(TableStats* stats) {
  static const ObjectSpec kSpec{{"reltuples", "relpages", "curpages", "relallvisible"}, 0b11};
  bool has_curpages = false;
  const bool ok = ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return cursor_.ReadDouble(&stats->reltuples);
      case 1:
        return cursor_.ReadInt64(&stats->relpages);
      case 2:
        has_curpages = true;
        return cursor_.ReadInt64(&stats->curpages);
      default:
        return cursor_.ReadInt64(&stats->relallvisible);
    }
  });
  if (ok && !has_curpages) stats->curpages = stats->relpages;
  return ok;
}

bool CatalogReader::ReadColumnStats(ColumnStats* stats) {
  static const ObjectSpec kSpec{{"null_frac", "avg_width", "n_distinct", "most_common_vals",
                                 "most_common_freqs", "histogram_bounds", "correlation",
                                 "most_common_elems", "most_common_elem_freqs",
                                 "elem_count_histogram"}};
  return ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return cursor_.ReadDouble(&stats->null_frac);
      case 1:
        return cursor_.ReadInt(&stats->avg_width);
      case 2:
        return cursor_.ReadDouble(&stats->n_distinct);
      case 3:
        return ReadStrings(&stats->most_common_vals);
      case 4:
        return ReadDoubles(&stats->most_common_freqs);
      case 5:
        return ReadStrings(&stats->histogram_bounds);
      case 6:
        if (cursor_.TryNull()) {
          stats->correlation.reset();
          return true;
        }
        stats->correlation.emplace();
        return cursor_.ReadDouble(&*stats->correlation);
      case 7:
        return ReadStrings(&stats->most_common_elems);
      case 8:
        return ReadDoubles(&stats->most_common_elem_freqs);
      default:
        return ReadDoubles(&stats->elem_count_histogram);
    }
  });
}

bool CatalogReader::ReadIndex(Index* index) {
  static const ObjectSpec kSpec{{"schema", "name", "table", "method", "keys", "columns", "include",
                                 "unique", "primary", "constraint", "predicate", "pages", "tuples",
                                 "tree_height", "height_estimated", "expression_stats"},
                                0b110};
  const size_t open = cursor_.Offset();
  bool has_keys = false;
  const bool ok = ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return ReadName(&index->schema);
      case 1:
        return ReadName(&index->name);
      case 2:
        return ReadName(&index->table);
      case 3:
        return ReadName(&index->method);
      case 4:
      case 5: {
        if (has_keys) return cursor_.FailKey("give either \"keys\" or \"columns\", not both");
        has_keys = true;
        if (key == 4)
          return ReadArrayOf(&index->keys, [&](IndexKey* k) { return ReadIndexKey(k); });
        std::vector<std::string> columns;  // shorthand: plain ascending columns
        if (!ReadNames(&columns)) return false;
        for (std::string& c : columns) index->keys.push_back(IndexKey{std::move(c)});
        return true;
      }
      case 6:
        return ReadNames(&index->include);
      case 7:
        return cursor_.ReadBool(&index->unique);
      case 8:
        return cursor_.ReadBool(&index->primary);
      case 9:
        return cursor_.ReadString(&index->constraint);
      case 10:
        return ReadOptionalString(&index->predicate);
      case 11:
        return cursor_.ReadInt64(&index->pages);
      case 12:
        return cursor_.ReadDouble(&index->tuples);
      case 13:
        return cursor_.ReadInt(&index->tree_height);
      case 14:
        return cursor_.ReadBool(&index->height_estimated);
      default:
        return ReadMap(&index->expression_stats,
                       [&](ColumnStats* s) { return ReadColumnStats(s); });
    }
  });
  if (ok && !has_keys) return cursor_.Fail(open, "missing required key \"keys\"");
  return ok;
}

bool CatalogReader::ReadIndexKey(IndexKey* key) {
  static const ObjectSpec kSpec{
      {"column", "expression", "descending", "nulls_first", "opclass", "collation"}};
  const size_t open = cursor_.Offset();
  const bool ok = ReadObject(kSpec, [&](int member) {
    switch (member) {
      case 0:
        return ReadName(&key->column);
      case 1:
        return ReadName(&key->expression);
      case 2:
        return cursor_.ReadBool(&key->descending);
      case 3:
        if (cursor_.TryNull()) {
          key->nulls_first.reset();
          return true;
        }
        key->nulls_first.emplace();
        return cursor_.ReadBool(&*key->nulls_first);
      case 4:
        return cursor_.ReadString(&key->opclass);
      default:
        return cursor_.ReadString(&key->collation);
    }
  });
  if (!ok) return false;
  if (key->column.empty() == key->expression.empty()) {
    return cursor_.Fail(open, "an index key has exactly one of \"column\" and \"expression\"");
  }
  return true;
}

bool CatalogReader::ReadExtendedStats(ExtendedStats* stats) {
  static const ObjectSpec kSpec{
      {"schema", "name", "table", "kinds", "columns", "expressions", "n_distinct", "dependencies"},
      0b110};
  return ReadObject(kSpec, [&](int key) {
    switch (key) {
      case 0:
        return ReadName(&stats->schema);
      case 1:
        return ReadName(&stats->name);
      case 2:
        return ReadName(&stats->table);
      case 3:
        return ReadNames(&stats->kinds);
      case 4:
        return ReadNames(&stats->columns);
      case 5:
        return ReadNames(&stats->expressions);
      case 6:
        return cursor_.ReadString(&stats->n_distinct);
      default:
        return cursor_.ReadString(&stats->dependencies);
    }
  });
}

}  // namespace

Result<Catalog> LoadJsonCatalog(const SourceText& text) {
  try {
    return CatalogReader(text).Read();
  } catch (const std::bad_alloc&) {
    return Error::Io(text.name() + ": out of memory while reading the catalog");
  }
}

}  // namespace dbopt::catalog
