#include "sqlite_stats_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>

#include "sqlite_record.h"
#include "sqlite_schema_reader.h"

namespace dbopt::catalog::sqlite {

namespace {

// PG15: BLCKSZ. relpages, curpages and index pages count 8 kB PostgreSQL pages, whatever the
// SQLite page size: pages = ceil(bytes in the SQLite file / 8192).
constexpr double kPgBlockBytes = 8192;
// PG15: a btree page's room for entries: BLCKSZ - page header (24) - BTPageOpaqueData (16).
constexpr double kPgBtreeUsableBytes = 8192 - 24 - 16;
// PG15: sizeof(ItemIdData), the line pointer each index entry takes on its page.
constexpr double kPgLinePointerBytes = 4;
// PG15: BTMaxItemSize for 8 kB pages.
constexpr double kPgMaxIndexEntryBytes = 2704;
// TUNING: the smallest entry the height estimate believes in (a 4-byte key and its heap pointer).
constexpr double kMinIndexEntryBytes = 16;
// TUNING: the entry size assumed for an index whose row count is unknown.
constexpr double kAssumedIndexEntryBytes = 40;
// PG15 analyze.c: n_distinct is stored as minus a fraction of the rows above 10% of the rows.
constexpr double kNegativeDistinctAbove = 0.1;
// PG15 analyze.c (compute_scalar_stats): a value is common at 1.25 times the average count.
constexpr double kMcvMinRatio = 1.25;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// The numbers at the start of a stat1/stat4 list ("1000 10 1 unordered sz=12" -> 1000 10 1).
std::vector<double> LeadingNumbers(const std::string& text) {
  std::istringstream in(text);
  std::vector<double> numbers;
  std::string word;
  while (in >> word) {
    double value = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (ec != std::errc() || end != word.data() + word.size()) break;
    numbers.push_back(value);
  }
  return numbers;
}

struct Stat1 {
  std::optional<double> table_rows;                     // the row whose idx is NULL
  std::map<std::string, std::vector<double>> by_index;  // lower-case index name -> numbers
};
using Stat1Map = std::map<std::string, Stat1>;  // by lower-case table name

struct Sample {
  int64_t eq = 0;  // rows whose leading key equals the sample's
  int64_t lt = 0;  // rows whose leading key is smaller
  RecordValue leading;
};
using Stat4Map = std::map<std::string, std::vector<Sample>>;  // by lower-case index name

Result<Stat1Map> ReadStat1(Database& db) {
  Stat1Map stat1;
  Result<bool> exists = db.HasTable("sqlite_stat1");
  if (!exists) return std::move(exists).error();
  if (!*exists) return stat1;
  Status s = db.Query("SELECT tbl, idx, stat FROM sqlite_stat1", {}, [&](const Row& row) -> Status {
    std::vector<double> numbers = LeadingNumbers(row.Text(2));
    if (numbers.empty()) return Ok{};
    Stat1& table = stat1[Lower(row.Text(0))];
    if (row.IsNull(1)) {
      table.table_rows = numbers[0];
    } else {
      table.by_index[Lower(row.Text(1))] = std::move(numbers);
    }
    return Ok{};
  });
  if (!s) return std::move(s).error();
  return stat1;
}

Result<Stat4Map> ReadStat4(Database& db, Catalog* catalog) {
  Stat4Map stat4;
  Result<bool> exists = db.HasTable("sqlite_stat4");
  if (!exists) return std::move(exists).error();
  if (!*exists) return stat4;
  std::map<std::string, std::string> malformed;  // lower-case -> name as written
  Status s =
      db.Query("SELECT idx, neq, nlt, sample FROM sqlite_stat4", {}, [&](const Row& row) -> Status {
        const std::string index = row.Text(0);
        const std::vector<double> eq = LeadingNumbers(row.Text(1));
        const std::vector<double> lt = LeadingNumbers(row.Text(2));
        auto values = DecodeRecord(row.Blob(3));
        if (eq.empty() || lt.empty() || !values || values->empty()) {
          malformed[Lower(index)] = index;
          return Ok{};
        }
        stat4[Lower(index)].push_back(
            {static_cast<int64_t>(eq[0]), static_cast<int64_t>(lt[0]), std::move(values->front())});
        return Ok{};
      });
  if (!s) return std::move(s).error();
  for (const auto& [key, name] : malformed) {
    stat4.erase(key);
    catalog->warnings.push_back("sqlite_stat4 has a malformed sample for index \"" + name +
                                "\": its samples are ignored");
  }
  for (auto& [index, samples] : stat4) {
    std::stable_sort(samples.begin(), samples.end(),
                     [](const Sample& a, const Sample& b) { return a.lt < b.lt; });
  }
  return stat4;
}

// The name sqlite_stat1 and dbstat use for an index: a WITHOUT ROWID table's primary key is
// the table's own b-tree and goes by the table's name.
std::string BtreeName(const Table& table, const Index& index) {
  return table.without_rowid && index.primary ? table.name : index.name;
}

// The table's rows: the stat1 row without an index, else the first full index's first number.
std::optional<double> Stat1Rows(const Stat1Map& stat1, const Table& table,
                                const std::vector<Index*>& indexes) {
  auto it = stat1.find(Lower(table.name));
  if (it == stat1.end()) return std::nullopt;
  if (it->second.table_rows) return it->second.table_rows;
  for (const Index* index : indexes) {
    auto row = it->second.by_index.find(Lower(BtreeName(table, *index)));
    if (!index->predicate && row != it->second.by_index.end()) return row->second[0];
  }
  return std::nullopt;
}

// n_distinct of an index's leading key from stat1's "rows avg": rows / avg distinct values,
// stored the way ANALYZE stores it (negative: minus the fraction of rows).
double NDistinct(double rows, double avg) {
  if (rows <= 0 || avg <= 0) return 0;
  const double distinct = rows / avg;
  if (distinct > kNegativeDistinctAbove * rows) return -distinct / rows;
  return std::round(distinct);
}

// Most common values and null_frac of an index's leading key from its stat4 samples: samples with
// the same nLt share a leading value; nEq is how many rows hold it. NULLs (sorted first) give
// null_frac; the other values are kept when all distinct values were sampled, else when they
// occur at least 1.25 times as often as the average value. Frequencies are of all rows.
void ApplySamples(const std::vector<Sample>& samples, double rows, ColumnStats* stats) {
  const double distinct = stats->n_distinct > 0 ? stats->n_distinct : -stats->n_distinct * rows;
  if (rows <= 0 || distinct <= 0 || samples.empty()) return;
  std::vector<const Sample*> groups;
  for (const Sample& sample : samples) {
    if (groups.empty() || groups.back()->lt != sample.lt) {
      groups.push_back(&sample);
    } else if (sample.eq > groups.back()->eq) {
      groups.back() = &sample;
    }
  }
  double null_rows = 0;
  std::vector<const Sample*> values;
  for (const Sample* group : groups) {
    if (group->leading.type == RecordValue::Type::kNull) {
      null_rows = static_cast<double>(group->eq);
    } else {
      values.push_back(group);
    }
  }
  stats->null_frac = null_rows / rows;
  const bool all_seen = static_cast<double>(values.size()) >= std::round(distinct);
  const double min_count =
      all_seen ? 1 : std::max(2.0, kMcvMinRatio * (rows - null_rows) / distinct);
  std::vector<const Sample*> common;
  for (const Sample* value : values) {
    if (static_cast<double>(value->eq) >= min_count) common.push_back(value);
  }
  std::stable_sort(common.begin(), common.end(),
                   [](const Sample* a, const Sample* b) { return a->eq > b->eq; });
  stats->most_common_vals.clear();
  stats->most_common_freqs.clear();
  for (const Sample* value : common) {
    stats->most_common_vals.push_back(RecordValueText(value->leading));
    stats->most_common_freqs.push_back(static_cast<double>(value->eq) / rows);
  }
}

// The estimated height of a PostgreSQL btree with the same entries (see the formula in
// docs/sqlite-import.md): entry = bytes / tuples, fanout = usable page bytes / (entry + line
// pointer); one leaf page is height 0, and each level above divides the pages by the fanout.
int EstimateBtreeHeight(int64_t pages, double bytes, double tuples) {
  const double entry = tuples > 0
                           ? std::clamp(bytes / tuples, kMinIndexEntryBytes, kPgMaxIndexEntryBytes)
                           : kAssumedIndexEntryBytes;
  const double fanout =
      std::max(2.0, std::floor(kPgBtreeUsableBytes / (entry + kPgLinePointerBytes)));
  int height = 0;
  for (double level = static_cast<double>(std::max<int64_t>(pages, 1)); level > 1; ++height) {
    level = std::ceil(level / fanout);
  }
  return height;
}

int64_t PgPages(double bytes) { return static_cast<int64_t>(std::ceil(bytes / kPgBlockBytes)); }

Result<int64_t> PragmaNumber(Database& db, const std::string& pragma) {
  int64_t value = 0;
  Status s = db.Query("PRAGMA " + pragma, {}, [&](const Row& row) -> Status {
    value = row.Int(0);
    return Ok{};
  });
  if (!s) return std::move(s).error();
  return value;
}

// Bytes of every b-tree by lower-case name, measured by dbstat (overflow pages included).
Status MeasureSizes(Database& db, std::map<std::string, double>* bytes) {
  return db.Query("SELECT name, sum(pgsize) FROM dbstat('main') GROUP BY name", {},
                  [&](const Row& row) -> Status {
                    (*bytes)[Lower(row.Text(0))] = row.Real(1);
                    return Ok{};
                  });
}

// Without dbstat: the file's used pages (page_count - freelist_count - the schema page) shared
// out in proportion to rows x (columns + 1) for tables and rows x (keys + 2) for indexes.
Status EstimateSizes(Database& db, const Catalog& catalog,
                     const std::map<std::string, double>& rows,
                     std::map<std::string, double>* bytes) {
  Result<int64_t> page_size = PragmaNumber(db, "page_size");
  Result<int64_t> page_count = PragmaNumber(db, "page_count");
  Result<int64_t> freelist = PragmaNumber(db, "freelist_count");
  if (!page_size) return std::move(page_size).error();
  if (!page_count) return std::move(page_count).error();
  if (!freelist) return std::move(freelist).error();
  std::map<std::string, double> weights;
  double total_weight = 0;
  auto add = [&](const std::string& name, double count, double width) {
    weights[Lower(name)] = std::max(count, 1.0) * width;
    total_weight += weights[Lower(name)];
  };
  for (const Table& table : catalog.tables) {
    if (table.kind != "table") continue;
    auto it = rows.find(Lower(table.name));
    add(table.name, it != rows.end() ? it->second : 1,
        static_cast<double>(table.columns.size() + 1));
  }
  for (const Index& index : catalog.indexes) {
    const Table* table = catalog.FindTable(index.table);
    if (table != nullptr && table->without_rowid && index.primary) continue;
    add(index.name, index.tuples, static_cast<double>(index.keys.size() + 2));
  }
  const double used = static_cast<double>(std::max<int64_t>(*page_count - *freelist - 1, 0)) *
                      static_cast<double>(*page_size);
  for (const auto& [name, weight] : weights) {
    (*bytes)[name] = std::max(used * weight / total_weight, static_cast<double>(*page_size));
  }
  return Ok{};
}

// Column statistics of an analysed table from the leading keys of its full (not partial) indexes.
void FillColumnStats(const Stat1Map& stat1, const Stat4Map& stat4, double rows, Table* table,
                     const std::vector<Index*>& indexes) {
  if (rows <= 0) return;
  if (table->primary_key && !table->primary_key->columns.empty()) {
    const std::string& first = table->primary_key->columns.front();
    const Column* column = table->FindColumn(first);
    if (table->without_rowid) {
      table->column_stats[first].correlation = 1.0;  // the table is stored in key order
    } else if (column != nullptr && column->identity) {
      ColumnStats& id = table->column_stats[first];  // the rowid: unique, stored in order
      id.n_distinct = -1;
      id.correlation = 1.0;
    }
  }
  auto table_stat = stat1.find(Lower(table->name));
  if (table_stat == stat1.end()) return;
  for (Index* index : indexes) {
    auto row = table_stat->second.by_index.find(Lower(BtreeName(*table, *index)));
    if (index->predicate || index->keys.empty() || row == table_stat->second.by_index.end() ||
        row->second.size() < 2) {
      continue;
    }
    const IndexKey& key = index->keys.front();
    ColumnStats* stats = nullptr;
    if (!key.expression.empty()) {
      std::vector<std::string> taken;
      stats = &index->expression_stats[ExpressionColumnName(key.expression, &taken)];
    } else {
      stats = &table->column_stats[key.column];
    }
    if (stats->n_distinct == 0) stats->n_distinct = NDistinct(row->second[0], row->second[1]);
    auto samples = stat4.find(Lower(BtreeName(*table, *index)));
    if (samples != stat4.end() && stats->most_common_vals.empty()) {
      ApplySamples(samples->second, row->second[0], stats);
    }
  }
}

}  // namespace

Status ReadSqliteStatistics(Database& db, const SqliteLoadOptions& options, Catalog* catalog) {
  Result<Stat1Map> stat1 = ReadStat1(db);
  if (!stat1) return std::move(stat1).error();
  Result<Stat4Map> stat4 = ReadStat4(db, catalog);
  if (!stat4) return std::move(stat4).error();

  // Row counts first: the size estimate without dbstat weighs objects by them.
  std::map<std::string, double> rows;  // lower-case table name -> rows, when known
  std::map<std::string, std::vector<Index*>> indexes_of;
  for (Index& index : catalog->indexes) indexes_of[Lower(index.table)].push_back(&index);
  for (const Table& table : catalog->tables) {
    if (table.kind != "table") continue;
    std::optional<double> count = Stat1Rows(*stat1, table, indexes_of[Lower(table.name)]);
    if (!count) {
      // ANALYZE writes no sqlite_stat1 row for an empty table: an empty table has 0 rows.
      bool empty = true;
      Status s = db.Query("SELECT 1 FROM " + QuoteIdentifier(table.name) + " LIMIT 1", {},
                          [&](const Row&) -> Status {
                            empty = false;
                            return Ok{};
                          });
      if (!s) return s;
      if (empty) count = 0;
    }
    if (!count) {
      catalog->warnings.push_back("table \"" + table.name +
                                  "\" was never analysed (no sqlite_stat1 row): planner defaults "
                                  "apply");
      continue;
    }
    rows[Lower(table.name)] = *count;
    auto table_stat = stat1->find(Lower(table.name));
    for (Index* index : indexes_of[Lower(table.name)]) {
      index->tuples = *count == 0 ? 0 : -1;
      if (table_stat == stat1->end()) continue;
      auto row = table_stat->second.by_index.find(Lower(BtreeName(table, *index)));
      if (row != table_stat->second.by_index.end()) index->tuples = row->second[0];
    }
  }

  std::map<std::string, double> bytes;
  if (options.use_dbstat && db.Compiles("SELECT name FROM dbstat('main') LIMIT 0")) {
    if (Status s = MeasureSizes(db, &bytes); !s) return s;
  } else {
    if (Status s = EstimateSizes(db, *catalog, rows, &bytes); !s) return s;
    catalog->warnings.push_back(
        "the dbstat virtual table is not available: table and index sizes are estimated from the "
        "file size (PRAGMA page_count), shared out in proportion to rows x columns");
  }

  for (Table& table : catalog->tables) {
    if (table.kind != "table") continue;
    const std::string key = Lower(table.name);
    const int64_t pages = PgPages(bytes[key]);
    auto count = rows.find(key);
    TableStats stats;
    stats.curpages = pages;
    if (count != rows.end()) {
      stats.reltuples = count->second;
      stats.relpages = pages;
      stats.relallvisible = pages;  // SQLite has no visibility map: every page is "visible"
      FillColumnStats(*stat1, *stat4, count->second, &table, indexes_of[key]);
    }
    table.stats = stats;
    for (Index* index : indexes_of[key]) {
      const double index_bytes = bytes[Lower(BtreeName(table, *index))];
      index->pages = PgPages(index_bytes);
      index->tree_height = EstimateBtreeHeight(index->pages, index_bytes, index->tuples);
      index->height_estimated = true;
    }
  }
  return Ok{};
}

}  // namespace dbopt::catalog::sqlite
