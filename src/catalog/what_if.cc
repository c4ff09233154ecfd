// Hypothetical and hidden indexes; see what_if.h.
#include "dbopt/catalog/what_if.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/base/source_text.h"
#include "dbopt/catalog/load.h"

namespace dbopt::catalog {
namespace {

// PG15: BLCKSZ 8192 less the page header (24) and the btree special space (16).
constexpr double kBtreePageUsable = 8192 - 24 - 16;
// PG15: BTREE_DEFAULT_FILLFACTOR (leaf pages) and BTREE_NONLEAF_FILLFACTOR (internal pages).
constexpr double kLeafFillFactor = 0.90;
constexpr double kInternalFillFactor = 0.70;
// PG15: sizeof(IndexTupleData) and sizeof(ItemIdData).
constexpr double kIndexTupleHeader = 8;
constexpr double kLinePointer = 4;
// TUNING: width of a column without statistics or a known fixed size.
constexpr int kDefaultWidth = 32;
// PG15 deduplication: a heap TID in a posting list (ItemPointerData), and (TUNING) the TIDs one
// posting-list tuple holds at most (BTMaxItemSize, about a third of a page, over 6 bytes).
constexpr double kTidBytes = 6;
constexpr double kMaxPostingTids = 400;
// SQLite's default page size, and (TUNING) the bytes of a text value without statistics.
constexpr double kSqlitePageSize = 4096;
constexpr double kDefaultSqliteTextBytes = 16;

double MaxAlign(double n) { return std::ceil(n / 8) * 8; }

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A column's width in a PostgreSQL btree entry: pg_stats.avg_width, or its type's size (type
// names compared case-insensitively: SQLite declares INTEGER, TEXT, ...).
int ColumnWidth(const Table& table, const std::string& column) {
  auto it = table.column_stats.find(column);
  if (it != table.column_stats.end() && it->second.avg_width > 0) return it->second.avg_width;
  const Column* col = table.FindColumn(column);
  if (col == nullptr) return kDefaultWidth;
  const std::string t = Lower(col->type);
  if (t == "integer" || t == "int" || t == "int4" || t == "date" || t == "real") return 4;
  if (t == "bigint" || t == "int8" || t == "double precision" ||
      t == "timestamp without time zone" || t == "timestamp with time zone" ||
      t == "time without time zone" || t == "timestamp" || t == "timestamptz") {
    return 8;
  }
  if (t == "smallint") return 2;
  if (t == "boolean") return 1;
  if (t == "uuid") return 16;
  return kDefaultWidth;
}

// The distinct values of an index's key: the product of its columns' n_distinct (an
// expression or a column without statistics: unknown, 0), capped at the entries.
double KeyDistinct(const Table& table, const Index& index, double tuples) {
  double product = 1;
  for (const IndexKey& key : index.keys) {
    if (key.column.empty()) return 0;
    auto it = table.column_stats.find(key.column);
    if (it == table.column_stats.end() || it->second.n_distinct == 0) return 0;
    product *= it->second.DistinctCount(tuples);
  }
  return std::min(product, tuples);
}

// SQLite stores an index entry as a record: a header (its size and one serial type per value),
// the values, and the rowid. Integers are stored in 1 to 8 bytes by magnitude (3 covers values
// up to 8 million), reals in 8, text as its bytes; the cell adds its payload-size varint and a
// 2-byte pointer. CREATE INDEX fills the pages (page_size bytes) as it builds them.
//   entry = 2 + 1 + (1 + keys + 1) + Σ value bytes + 3
//   bytes = ceil(tuples / floor(page_size / entry)) · page_size, plus the interior pages
// A text value without statistics is the table's average row (its measured bytes / rows) less
// its other values and record overhead, shared by its text columns (1 to 64 bytes).
bool SqliteInteger(const std::string& type) {
  return type.find("int") != std::string::npos || type == "boolean";
}
bool SqliteReal(const std::string& type) {
  return type.find("real") != std::string::npos || type.find("floa") != std::string::npos ||
         type.find("doub") != std::string::npos;
}

double SqliteTextBytes(const Table& table) {
  if (!table.stats || table.stats->reltuples <= 0 || table.stats->relpages <= 0) {
    return kDefaultSqliteTextBytes;
  }
  const double row = static_cast<double>(table.stats->relpages) * 8192 / table.stats->reltuples;
  double fixed = 2 + 1 + 1 + static_cast<double>(table.columns.size()) + 3;
  int texts = 0;
  for (const Column& c : table.columns) {
    const std::string t = Lower(c.type);
    if (SqliteInteger(t)) {
      fixed += 3;
    } else if (SqliteReal(t)) {
      fixed += 8;
    } else {
      ++texts;
    }
  }
  if (texts == 0) return kDefaultSqliteTextBytes;
  return std::clamp((row - fixed) / texts, 1.0, 64.0);
}

double SqliteValueBytes(const Table& table, const std::string& column) {
  const Column* col = table.FindColumn(column);
  const std::string t = col == nullptr ? "" : Lower(col->type);
  if (SqliteInteger(t)) return 3;
  if (SqliteReal(t)) return 8;
  auto it = table.column_stats.find(column);
  if (it != table.column_stats.end() && it->second.avg_width > 0) return it->second.avg_width;
  return SqliteTextBytes(table);
}

Status DropIndex(Catalog& catalog, const std::string& name) {
  std::string schema = "public";
  std::string bare = name;
  if (const size_t dot = name.find('.'); dot != std::string::npos) {
    schema = name.substr(0, dot);
    bare = name.substr(dot + 1);
  }
  auto it = std::find_if(catalog.indexes.begin(), catalog.indexes.end(), [&](const Index& index) {
    return index.name == bare && index.schema == schema;
  });
  if (it == catalog.indexes.end()) {
    std::vector<std::string> names;
    for (const Index& index : catalog.indexes) names.push_back(index.name);
    Error error = Error::BadInput(fmt::format("--drop-index: index \"{}\" does not exist", name));
    if (auto suggestion = DidYouMean(bare, names)) {
      error.diagnostic.hint = fmt::format("did you mean \"{}\"?", *suggestion);
    }
    return error;
  }
  catalog.indexes.erase(it);
  return Ok{};
}

}  // namespace

void EstimateBtreeSize(const Catalog& catalog, Index& index, double tuples) {
  const Table* table = catalog.FindTable(index.schema, index.table);
  if (table == nullptr) return;
  if (tuples < 0) tuples = table->KnownRows();
  if (catalog.source.kind == "sqlite") {
    double entry = 2 + 1 + (1 + static_cast<double>(index.keys.size()) + 1) + 3;
    for (const IndexKey& key : index.keys) {
      entry += key.column.empty() ? kDefaultSqliteTextBytes : SqliteValueBytes(*table, key.column);
    }
    const double per_page = std::max(1.0, std::floor(kSqlitePageSize / entry));
    double level = std::max(1.0, std::ceil(tuples / per_page));
    double pages = level;
    int height = 0;
    while (level > 1) {
      level = std::ceil(level / per_page);
      pages += level;
      ++height;
    }
    // The catalog counts SQLite sizes in PostgreSQL's 8 kB pages, as the SQLite loader does.
    index.pages = static_cast<int64_t>(std::ceil(pages * kSqlitePageSize / 8192));
    index.tuples = tuples;
    index.tree_height = height;
    index.height_estimated = true;
    return;
  }
  double data_width = 0;
  for (const IndexKey& key : index.keys) {
    data_width += key.column.empty() ? kDefaultWidth : ColumnWidth(*table, key.column);
  }
  for (const std::string& column : index.include) data_width += ColumnWidth(*table, column);
  const double entry = MaxAlign(kIndexTupleHeader + data_width) + kLinePointer;
  const double per_leaf = std::max(1.0, std::floor(kBtreePageUsable * kLeafFillFactor / entry));
  const double fanout = std::max(2.0, std::floor(kBtreePageUsable * kInternalFillFactor / entry));
  double level = std::max(1.0, std::ceil(tuples / per_leaf));
  // Deduplication (PostgreSQL 13+, not with INCLUDE columns nor for unique indexes): the d
  // entries of one key value share posting-list tuples of at most kMaxPostingTids heap TIDs
  // (6 bytes each), so the leaf level holds
  //   groups · ceil(d / kMaxPostingTids) · entry + tuples · 6   bytes,   groups = tuples / d
  // with d = tuples / distinct keys (n_distinct of the columns, multiplied, capped at tuples).
  const double distinct = KeyDistinct(*table, index, tuples);
  if (index.include.empty() && !index.unique && distinct > 0 && tuples / distinct >= 2) {
    const double d = tuples / distinct;
    const double bytes = distinct * std::ceil(d / kMaxPostingTids) * entry + tuples * kTidBytes;
    level = std::max(1.0, std::ceil(bytes / (kBtreePageUsable * kLeafFillFactor)));
  }
  double pages = 1 + level;  // metapage + leaves
  int height = 0;
  while (level > 1) {
    level = std::ceil(level / fanout);
    pages += level;
    ++height;
  }
  index.pages = static_cast<int64_t>(pages);
  index.tuples = tuples;
  index.tree_height = height;
  index.height_estimated = true;
}

Result<Catalog> ApplyWhatIf(const Catalog& base, const WhatIf& what_if) {
  Catalog catalog = base;
  for (const std::string& name : what_if.drop_indexes) {
    if (Status s = DropIndex(catalog, name); !s.ok()) return std::move(s).error();
  }
  for (size_t i = 0; i < what_if.create_indexes.size(); ++i) {
    const std::string& sql = what_if.create_indexes[i];
    const size_t before = catalog.indexes.size();
    SourceText text(fmt::format("--index {}", i + 1), sql);
    if (Status s = ApplyDdl(catalog, text); !s.ok()) return std::move(s).error();
    if (catalog.indexes.size() != before + 1) {
      return Error::BadInput(
          fmt::format("--index {}: expected one CREATE INDEX statement, got: {}", i + 1, sql));
    }
    Index& index = catalog.indexes.back();
    if (index.method != "btree") {
      return Error::BadInput(
          fmt::format("not supported: hypothetical {} index \"{}\" (only btree has a size model)",
                      index.method, index.name));
    }
    EstimateBtreeSize(catalog, index);
  }
  return catalog;
}

}  // namespace dbopt::catalog
