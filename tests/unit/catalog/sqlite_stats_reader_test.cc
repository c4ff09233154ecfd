// The statistics half of the SQLite loader (sqlite_stats_reader.cc), through LoadSqliteCatalog.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "dbopt/catalog/sqlite_loader.h"
#include "sqlite_test_db.h"

namespace dbopt::catalog {
namespace {

using testing::Exec;
using testing::FindIndex;
using testing::FindTable;
using testing::LoadUnchanged;
using testing::Number;
using testing::PgPagesOf;
using testing::TempDir;

// SQLite's record format, as sqlite_stat4.sample holds it: a header of serial types, then the
// values. Only what the tests need: NULL, 1-byte and 8-byte integers, reals, text and blobs.
struct RecordField {
  enum Kind { kNull, kInt, kReal, kText, kBlob } kind;
  int64_t integer = 0;
  double real = 0;
  std::string bytes;
};

std::string Varint(uint64_t v) {  // values below 2^56 need no 9-byte form
  std::string out(1, static_cast<char>(v & 0x7f));
  for (v >>= 7; v > 0; v >>= 7) out.insert(out.begin(), static_cast<char>(0x80 | (v & 0x7f)));
  return out;
}

std::string BigEndian(uint64_t v, int size) {
  std::string out;
  for (int i = size - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  return out;
}

std::string EncodeRecord(const std::vector<RecordField>& fields) {
  std::string types;
  std::string body;
  for (const RecordField& f : fields) {
    switch (f.kind) {
      case RecordField::kNull:
        types += Varint(0);
        break;
      case RecordField::kInt: {
        const bool small = f.integer >= -128 && f.integer <= 127;
        types += Varint(small ? 1 : 6);
        body += BigEndian(static_cast<uint64_t>(f.integer), small ? 1 : 8);
        break;
      }
      case RecordField::kReal: {
        uint64_t bits = 0;
        std::memcpy(&bits, &f.real, sizeof bits);
        types += Varint(7);
        body += BigEndian(bits, 8);
        break;
      }
      case RecordField::kText:
      case RecordField::kBlob:
        types += Varint(f.bytes.size() * 2 + (f.kind == RecordField::kText ? 13 : 12));
        body += f.bytes;
        break;
    }
  }
  return Varint(types.size() + 1) + types + body;  // header sizes below 127 take one byte
}

// Adds a sqlite_stat4 row (the SQLite here is built without STAT4; the table is plain data).
void AddSample(sqlite3* db, const std::string& table, const std::string& index,
               const std::string& neq, const std::string& nlt, const std::string& sample) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "INSERT INTO sqlite_stat4 VALUES (?1, ?2, ?3, ?4, ?4, ?5)", -1,
                             &stmt, nullptr) == SQLITE_OK);
  sqlite3_bind_text(stmt, 1, table.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, index.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 3, neq.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 4, nlt.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob(stmt, 5, sample.data(), static_cast<int>(sample.size()), SQLITE_TRANSIENT);
  REQUIRE(sqlite3_step(stmt) == SQLITE_DONE);
  sqlite3_finalize(stmt);
}

}  // namespace

TEST_CASE("sqlite: sqlite_stat1 gives reltuples, n_distinct and index tuples; sizes from dbstat") {
  TempDir dir;
  const std::string path = dir.File("e.db");
  Exec(path,
       "CREATE TABLE t (id INTEGER PRIMARY KEY, a INT, b INT, c TEXT);"
       "CREATE INDEX t_a ON t (a);"
       "CREATE INDEX t_b ON t (b);"
       "CREATE INDEX t_ab ON t (a, b);"
       "CREATE TABLE plain (x);"
       "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 5000) "
       "INSERT INTO t SELECT n, n % 10, n, printf('%0200d', n) FROM s;"
       "INSERT INTO plain VALUES (1), (2);"
       "ANALYZE;"
       "CREATE TABLE late (x);"
       "CREATE INDEX late_x ON late (x);"
       "INSERT INTO late VALUES (1);");
  const Catalog catalog = LoadUnchanged(path);
  const Table& t = FindTable(catalog, "t");
  REQUIRE(t.stats.has_value());
  CHECK(t.stats->reltuples == 5000);
  CHECK(t.stats->relpages == PgPagesOf(path, "t"));
  CHECK(t.stats->relpages > 100);  // 5000 rows of over 200 bytes
  CHECK(t.stats->curpages == t.stats->relpages);
  CHECK(t.stats->relallvisible == t.stats->relpages);
  CHECK(t.column_stats.at("a").n_distinct == 10);  // 5000 rows / 500 per value
  CHECK(t.column_stats.at("a").most_common_vals.empty());
  CHECK(t.column_stats.at("b").n_distinct == -1);
  CHECK(t.column_stats.at("id").n_distinct == -1);
  CHECK(t.column_stats.at("id").correlation == std::optional<double>(1.0));
  CHECK(t.column_stats.count("c") == 0);
  const Index& t_b = FindIndex(catalog, "t_b");
  CHECK(t_b.tuples == 5000);
  CHECK(t_b.pages == PgPagesOf(path, "t_b"));
  CHECK(t_b.height_estimated);
  // PostgreSQL's fanout for ~14-byte SQLite entries (clamped to 16): 8152 / 20 = 407 > pages.
  CHECK(t_b.tree_height == (t_b.pages > 1 ? 1 : 0));
  const Table& plain = FindTable(catalog, "plain");  // no index: the stat1 row without one
  CHECK(plain.stats->reltuples == 2);

  const Table& late = FindTable(catalog, "late");
  REQUIRE(late.stats.has_value());
  CHECK(late.stats->reltuples == -1);
  CHECK(late.stats->relpages == 0);
  CHECK(late.stats->curpages == 1);
  CHECK(late.column_stats.empty());
  CHECK(FindIndex(catalog, "late_x").tuples == -1);
  CHECK(catalog.warnings ==
        std::vector<std::string>{"table \"late\" was never analysed (no sqlite_stat1 row): "
                                 "planner defaults apply"});
}

TEST_CASE("sqlite: a database never analysed warns once per non-empty table") {
  TempDir dir;
  const std::string path = dir.File("f.db");
  Exec(path,
       "CREATE TABLE b (x); CREATE TABLE a (x); CREATE TABLE empty (x);"
       "INSERT INTO a VALUES (1); INSERT INTO b VALUES (1);");
  const Catalog catalog = LoadUnchanged(path);
  CHECK(catalog.warnings ==
        std::vector<std::string>{
            "table \"a\" was never analysed (no sqlite_stat1 row): planner defaults apply",
            "table \"b\" was never analysed (no sqlite_stat1 row): planner defaults apply"});
  CHECK(FindTable(catalog, "empty").stats->reltuples == 0);
}

TEST_CASE("sqlite: without dbstat, sizes are shared out from the file size with a warning") {
  TempDir dir;
  const std::string path = dir.File("g.db");
  Exec(path,
       "CREATE TABLE big (id INTEGER PRIMARY KEY, pad TEXT);"
       "CREATE TABLE small (id INTEGER PRIMARY KEY, pad TEXT);"
       "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 3000) "
       "INSERT INTO big SELECT n, printf('%0100d', n) FROM s;"
       "INSERT INTO small VALUES (1, 'x');"
       "ANALYZE;");
  SqliteLoadOptions options;
  options.use_dbstat = false;
  const Catalog catalog = LoadUnchanged(path, options);
  CHECK(catalog.warnings ==
        std::vector<std::string>{"the dbstat virtual table is not available: table and index "
                                 "sizes are estimated from the file size (PRAGMA page_count), "
                                 "shared out in proportion to rows x columns"});
  const double used_bytes =
      Number(path,
             "SELECT (page_count - freelist_count - 1) * page_size "
             "FROM pragma_page_count, pragma_freelist_count, pragma_page_size");
  const int64_t big = FindTable(catalog, "big").stats->relpages;
  const int64_t small = FindTable(catalog, "small").stats->relpages;
  CHECK(small == 1);
  CHECK(big == static_cast<int64_t>(std::ceil(used_bytes * 3000 / 3001 / 8192)));
}

TEST_CASE("sqlite: sqlite_stat4 samples give the most common values and null_frac") {
  TempDir dir;
  const std::string path = dir.File("h.db");
  Exec(path,
       "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b REAL, c BLOB, d INT);"
       "CREATE INDEX t_a ON t (a, id); CREATE INDEX t_b ON t (b);"
       "CREATE INDEX t_c ON t (c); CREATE INDEX t_d ON t (d);"
       "INSERT INTO t (id) VALUES (1); ANALYZE; DELETE FROM sqlite_stat1;"
       "INSERT INTO sqlite_stat1 VALUES ('t', 't_a', '1000 250 1'), ('t', 't_b', '1000 500'),"
       "  ('t', 't_c', '1000 1000'), ('t', 't_d', '1000 100 unordered');"
       "PRAGMA writable_schema = ON;"
       "CREATE TABLE sqlite_stat4 (tbl, idx, neq, nlt, ndlt, sample);");
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  using F = RecordField;
  AddSample(db, "t", "t_a", "50 1", "0 0", EncodeRecord({{F::kNull}, {F::kInt, 1}}));
  AddSample(db, "t", "t_a", "600 1", "50 100",
            EncodeRecord({{F::kText, 0, 0, "x"}, {F::kInt, 60}}));
  AddSample(db, "t", "t_a", "600 1", "50 400",
            EncodeRecord({{F::kText, 0, 0, "x"}, {F::kInt, 400}}));
  AddSample(db, "t", "t_a", "20 1", "650 700",
            EncodeRecord({{F::kText, 0, 0, "y"}, {F::kInt, 700}}));
  AddSample(db, "t", "t_a", "3 1", "900 950",
            EncodeRecord({{F::kText, 0, 0, "z"}, {F::kInt, 100000}}));
  AddSample(db, "t", "t_b", "400 1", "0 0", EncodeRecord({{F::kReal, 0, 0.1}, {F::kInt, 5}}));
  AddSample(db, "t", "t_b", "600 1", "400 400", EncodeRecord({{F::kInt, 7}, {F::kInt, 9}}));
  AddSample(db, "t", "t_c", "1000 1", "0 0",
            EncodeRecord({{F::kBlob, 0, 0, std::string("\0\xff", 2)}, {F::kInt, 3}}));
  AddSample(db, "t", "t_d", "10 1", "0 0", "garbage");
  sqlite3_close(db);

  const Catalog catalog = LoadUnchanged(path);
  const Table& t = FindTable(catalog, "t");
  // 4 distinct values of a, 3 seen: only those at 1.25 x the average count (296.9 rows) count.
  const ColumnStats& a = t.column_stats.at("a");
  CHECK(a.n_distinct == 4);
  CHECK(a.null_frac == doctest::Approx(0.05));
  CHECK(a.most_common_vals == std::vector<std::string>{"x"});
  CHECK(a.most_common_freqs == std::vector<double>{0.6});
  // Both values of b were sampled: both are listed, most frequent first.
  const ColumnStats& b = t.column_stats.at("b");
  CHECK(b.n_distinct == 2);
  CHECK(b.null_frac == 0);
  CHECK(b.most_common_vals == std::vector<std::string>{"7", "0.1"});
  CHECK(b.most_common_freqs == std::vector<double>{0.6, 0.4});
  CHECK(t.column_stats.at("c").most_common_vals == std::vector<std::string>{"\\x00ff"});
  CHECK(t.column_stats.at("c").most_common_freqs == std::vector<double>{1.0});
  CHECK(t.column_stats.at("d").n_distinct == 10);  // stat1's "unordered" is not a number
  CHECK(t.column_stats.at("d").most_common_vals.empty());
  CHECK(catalog.warnings == std::vector<std::string>{"sqlite_stat4 has a malformed sample for "
                                                     "index \"t_d\": its samples are ignored"});
}

}  // namespace dbopt::catalog
