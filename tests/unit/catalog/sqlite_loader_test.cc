#include "dbopt/catalog/sqlite_loader.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dbopt/catalog/load.h"

namespace dbopt::catalog {
namespace {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "dbopt-sqlite-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// Creates (or extends) a database with SQL run through the sqlite3 C API.
void Exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) ==
          SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  INFO((message != nullptr ? std::string(message) : std::string()));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// One number from a query (e.g. dbstat sizes, to compare with what the loader reports).
double Number(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const double value = sqlite3_column_double(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Loads and checks that loading left the file byte for byte as it was.
Catalog LoadUnchanged(const std::string& path, const SqliteLoadOptions& options = {}) {
  const std::string before = Bytes(path);
  Result<Catalog> catalog = LoadSqliteCatalog(path, options);
  INFO((catalog.ok() ? std::string() : catalog.error().Render()));
  REQUIRE(catalog.ok());
  CHECK(Bytes(path) == before);
  CHECK_FALSE(fs::exists(path + "-journal"));
  return std::move(catalog).value();
}

const Index& FindIndex(const Catalog& catalog, const std::string& name) {
  for (const Index& index : catalog.indexes) {
    if (index.name == name) return index;
  }
  FAIL("no index " << name);
  return catalog.indexes.front();
}

const Table& FindTable(const Catalog& catalog, const std::string& name) {
  const Table* table = catalog.FindTable(name);
  REQUIRE_MESSAGE(table != nullptr, "no table " << name);
  return *table;
}

// PostgreSQL pages for a b-tree's bytes in the file, measured independently with dbstat.
int64_t PgPagesOf(const std::string& path, const std::string& btree) {
  const double bytes = Number(path, "SELECT sum(pgsize) FROM dbstat WHERE name = '" + btree + "'");
  return static_cast<int64_t>(std::ceil(bytes / 8192));
}

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

TEST_CASE("sqlite: columns, defaults, collations and the INTEGER PRIMARY KEY rowid alias") {
  TempDir dir;
  const std::string path = dir.File("a.db");
  Exec(path,
       "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL DEFAULT 'anon', "
       "email TEXT COLLATE NOCASE UNIQUE, note, score REAL DEFAULT (1.5 * 2));");
  const Catalog catalog = LoadUnchanged(path);
  CHECK(catalog.source.kind == "sqlite");
  CHECK(catalog.source.location == path);
  CHECK(catalog.source.server_version == sqlite3_libversion());
  REQUIRE(catalog.tables.size() == 1);
  const Table& t = catalog.tables[0];
  CHECK(t.name == "customers");
  CHECK(t.schema == "public");
  CHECK(t.kind == "table");
  CHECK_FALSE(t.without_rowid);
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[0].type == "INTEGER");
  CHECK(t.columns[0].not_null);
  CHECK(t.columns[0].identity);
  CHECK(t.columns[1].type == "VARCHAR(30)");
  CHECK(t.columns[1].not_null);
  CHECK(t.columns[1].default_expr == std::optional<std::string>("'anon'"));
  CHECK(t.columns[2].collation == std::optional<std::string>("NOCASE"));
  CHECK_FALSE(t.columns[2].not_null);
  CHECK(t.columns[3].type.empty());
  CHECK_FALSE(t.columns[3].default_expr.has_value());
  CHECK(t.columns[4].default_expr == std::optional<std::string>("1.5 * 2"));
  CHECK_FALSE(t.columns[4].identity);
  REQUIRE(t.primary_key.has_value());
  CHECK(t.primary_key->name.empty());
  CHECK(t.primary_key->columns == std::vector<std::string>{"id"});
  REQUIRE(t.unique_constraints.size() == 1);
  CHECK(t.unique_constraints[0].name == "sqlite_autoindex_customers_1");
  CHECK(t.unique_constraints[0].columns == std::vector<std::string>{"email"});
  // No index for the rowid: only the UNIQUE constraint's autoindex.
  REQUIRE(catalog.indexes.size() == 1);
  const Index& email = catalog.indexes[0];
  CHECK(email.name == "sqlite_autoindex_customers_1");
  CHECK(email.table == "customers");
  CHECK(email.method == "btree");
  CHECK(email.unique);
  CHECK_FALSE(email.primary);
  CHECK(email.constraint == "sqlite_autoindex_customers_1");
  REQUIRE(email.keys.size() == 1);
  CHECK(email.keys[0].column == "email");
  CHECK(email.keys[0].collation.empty());  // the column's own NOCASE
  CHECK_FALSE(email.predicate.has_value());
  // An empty table: ANALYZE would write no sqlite_stat1 row either; 0 rows, no warning.
  REQUIRE(t.stats.has_value());
  CHECK(t.stats->reltuples == 0);
  CHECK(t.stats->curpages == 1);
  CHECK(catalog.warnings.empty());
}

TEST_CASE("sqlite: composite primary keys, named constraints, foreign keys and CHECKs") {
  TempDir dir;
  const std::string path = dir.File("b.db");
  Exec(path,
       "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES "
       "customers (id), total NUMERIC(10,2) CHECK (total >= 0), CONSTRAINT orders_total_max "
       "CHECK (total < 1e9));"
       "CREATE TABLE order_lines (order_id INTEGER, line_no INTEGER, product TEXT, "
       "CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, line_no), "
       "CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) "
       "ON DELETE CASCADE, FOREIGN KEY (product, line_no) REFERENCES products);");
  const Catalog catalog = LoadUnchanged(path);
  REQUIRE(catalog.tables.size() == 2);
  CHECK(catalog.tables[0].name == "order_lines");  // by name
  CHECK(catalog.tables[1].name == "orders");

  const Table& orders = catalog.tables[1];
  REQUIRE(orders.checks.size() == 2);
  CHECK(orders.checks[0].name.empty());
  CHECK(orders.checks[0].expr == "total >= 0");
  CHECK(orders.checks[1].name == "orders_total_max");
  CHECK(orders.checks[1].expr == "total < 1e9");
  REQUIRE(orders.foreign_keys.size() == 1);
  CHECK(orders.foreign_keys[0].columns == std::vector<std::string>{"customer_id"});
  CHECK(orders.foreign_keys[0].ref_table == "customers");
  CHECK(orders.foreign_keys[0].ref_columns == std::vector<std::string>{"id"});
  CHECK(orders.foreign_keys[0].name.empty());

  const Table& lines = catalog.tables[0];
  REQUIRE(lines.primary_key.has_value());
  CHECK(lines.primary_key->name == "order_lines_pkey");
  CHECK(lines.primary_key->columns == std::vector<std::string>{"order_id", "line_no"});
  CHECK_FALSE(lines.columns[0].identity);
  REQUIRE(lines.foreign_keys.size() == 2);  // in the order written
  CHECK(lines.foreign_keys[0].name == "order_lines_order_fk");
  CHECK(lines.foreign_keys[0].ref_table == "orders");
  CHECK(lines.foreign_keys[1].name.empty());
  CHECK(lines.foreign_keys[1].columns == std::vector<std::string>{"product", "line_no"});
  CHECK(lines.foreign_keys[1].ref_table == "products");
  CHECK(lines.foreign_keys[1].ref_columns.empty());  // the referenced table's primary key

  REQUIRE(catalog.indexes.size() == 1);
  const Index& pk = catalog.indexes[0];
  CHECK(pk.name == "sqlite_autoindex_order_lines_1");
  CHECK(pk.primary);
  CHECK(pk.unique);
  CHECK(pk.constraint == "order_lines_pkey");
  REQUIRE(pk.keys.size() == 2);
  CHECK(pk.keys[1].column == "line_no");
}

TEST_CASE("sqlite: WITHOUT ROWID, DESC keys, collations, expression and partial indexes") {
  TempDir dir;
  const std::string path = dir.File("c.db");
  Exec(path,
       "CREATE TABLE kv (k TEXT, v INTEGER, PRIMARY KEY (k DESC)) WITHOUT ROWID;"
       "CREATE TABLE people (id INTEGER PRIMARY KEY, first TEXT, last TEXT, "
       "  full TEXT GENERATED ALWAYS AS (first || ' ' || last) VIRTUAL, born INT, "
       "  age INT AS (2024 - born) STORED, status TEXT);"
       "CREATE INDEX people_last ON people (last DESC, first COLLATE NOCASE);"
       "CREATE INDEX people_expr ON people (lower(last), (born + 1) DESC, born);"
       "CREATE INDEX people_active ON people (born) WHERE status = 'a(b)' AND \"first\" <> "
       "'x''y';"
       "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 200) "
       "INSERT INTO people (id, first, last, born, status) "
       "SELECT n, 'f' || (n % 7), 'L' || (n % 40), 1950 + n % 50, "
       "CASE WHEN n % 4 = 0 THEN 'a(b)' END FROM s;"
       "INSERT INTO kv VALUES ('a', 1), ('b', 2), ('c', 3);"
       "ANALYZE;");
  const Catalog catalog = LoadUnchanged(path);
  const Table& kv = FindTable(catalog, "kv");
  CHECK(kv.without_rowid);
  REQUIRE(kv.primary_key.has_value());
  CHECK(kv.primary_key->columns == std::vector<std::string>{"k"});
  CHECK(kv.columns[0].not_null);  // WITHOUT ROWID keys are NOT NULL
  const Index& kv_pk = FindIndex(catalog, "sqlite_autoindex_kv_1");
  CHECK(kv_pk.primary);
  REQUIRE(kv_pk.keys.size() == 1);  // the other columns are stored, not keys
  CHECK(kv_pk.keys[0].descending);
  // The table is its primary key's b-tree: one size, one row count.
  CHECK(kv_pk.pages == kv.stats->relpages);
  CHECK(kv_pk.tuples == 3);
  CHECK(kv.stats->reltuples == 3);
  CHECK(kv.column_stats.at("k").correlation == std::optional<double>(1.0));
  CHECK(kv.column_stats.at("k").n_distinct == -1);

  const Table& people = FindTable(catalog, "people");
  REQUIRE(people.columns.size() == 7);
  CHECK(people.columns[3].generated == std::optional<std::string>("first || ' ' || last"));
  CHECK(people.columns[3].type == "TEXT");
  CHECK(people.columns[5].generated == std::optional<std::string>("2024 - born"));
  CHECK_FALSE(people.columns[4].generated.has_value());

  const Index& last = FindIndex(catalog, "people_last");
  REQUIRE(last.keys.size() == 2);
  CHECK(last.keys[0].column == "last");
  CHECK(last.keys[0].descending);
  CHECK_FALSE(last.keys[0].nulls_first.has_value());
  CHECK(last.keys[1].collation == "NOCASE");
  CHECK_FALSE(last.keys[1].descending);

  const Index& expr = FindIndex(catalog, "people_expr");
  REQUIRE(expr.keys.size() == 3);
  CHECK(expr.keys[0].column.empty());
  CHECK(expr.keys[0].expression == "lower(last)");
  CHECK(expr.keys[1].expression == "(born + 1)");
  CHECK(expr.keys[1].descending);
  CHECK(expr.keys[2].column == "born");
  // The leading expression's statistics go by PostgreSQL's index column name, "lower".
  REQUIRE(expr.expression_stats.count("lower") == 1);
  CHECK(expr.expression_stats.at("lower").n_distinct == -0.2);  // 40 of 200 rows

  const Index& active = FindIndex(catalog, "people_active");
  CHECK(active.predicate == std::optional<std::string>("status = 'a(b)' AND \"first\" <> 'x''y'"));
  CHECK(active.tuples == 50);
  // A partial index says nothing about the whole column: born's statistics come from none.
  CHECK(people.column_stats.count("born") == 0);
  CHECK(people.column_stats.at("last").n_distinct == -0.2);
}

TEST_CASE("sqlite: views, virtual tables and quoted identifiers") {
  TempDir dir;
  const std::string path = dir.File("d.db");
  Exec(path,
       "CREATE TABLE \"odd \"\"table\"\" name\" (\"col one\" INTEGER PRIMARY KEY, [col two] TEXT, "
       "`col three` INT);"
       "CREATE INDEX \"odd idx\" ON \"odd \"\"table\"\" name\" (\"col three\");"
       "INSERT INTO \"odd \"\"table\"\" name\" VALUES (1, 'a', 3), (2, 'b', 3), (3, 'c', 4);"
       "ANALYZE;"
       "CREATE VIEW v AS SELECT \"col one\" AS id, [col two] || 'x' AS label FROM "
       "\"odd \"\"table\"\" name\";"
       "CREATE TABLE base (x);"
       "CREATE VIEW broken AS SELECT x FROM base;"
       "DROP TABLE base;"
       "CREATE VIRTUAL TABLE docs USING fts5(body);");
  const Catalog catalog = LoadUnchanged(path);
  std::vector<std::string> names;
  for (const Table& t : catalog.tables) names.push_back(t.name);
  CHECK(names == std::vector<std::string>{"odd \"table\" name", "v"});
  const Table& odd = catalog.tables[0];
  CHECK(odd.columns[1].name == "col two");
  CHECK(odd.stats->reltuples == 3);
  CHECK(odd.column_stats.at("col three").n_distinct == -(1.0 / 2));  // avg 2 rows per value
  const Index& idx = FindIndex(catalog, "odd idx");
  CHECK(idx.table == "odd \"table\" name");
  CHECK(idx.keys[0].column == "col three");

  const Table& v = catalog.tables[1];
  CHECK(v.kind == "view");
  REQUIRE(v.columns.size() == 2);
  CHECK(v.columns[0].name == "id");
  CHECK(v.columns[0].type == "INTEGER");
  CHECK(v.columns[1].name == "label");
  CHECK_FALSE(v.stats.has_value());

  std::vector<std::string> expected = {
      "view \"broken\" skipped: its definition does not compile (no such table: main.base)",
      "virtual table \"docs\" skipped: not supported (module fts5)",
  };
  for (const char* shadow :
       {"docs_config", "docs_content", "docs_data", "docs_docsize", "docs_idx"}) {
    expected.push_back(std::string("table \"") + shadow +
                       "\" skipped: it belongs to a virtual table (shadow table)");
  }
  CHECK(catalog.warnings == expected);
}

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

TEST_CASE("sqlite: WAL databases are read with their WAL, and nothing is written") {
  TempDir dir;
  const std::string path = dir.File("wal.db");
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &writer) == SQLITE_OK);
  REQUIRE(sqlite3_exec(writer,
                       "PRAGMA journal_mode = WAL; CREATE TABLE w (x); INSERT INTO w VALUES (1);"
                       "ANALYZE;",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  // The writer stays open: the table exists only in the WAL, not yet in the main file.
  const std::string wal_before = Bytes(path + "-wal");
  CHECK_FALSE(wal_before.empty());
  const Catalog catalog = LoadUnchanged(path);
  CHECK(Bytes(path + "-wal") == wal_before);
  REQUIRE(catalog.tables.size() == 1);
  CHECK(catalog.tables[0].stats->reltuples == 1);

  // A writer holding the lock: the loader waits for the busy timeout, then says why.
  REQUIRE(sqlite3_exec(writer, "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE;", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  SqliteLoadOptions options;
  options.busy_timeout_ms = 50;
  Result<Catalog> locked = LoadSqliteCatalog(path, options);
  REQUIRE_FALSE(locked.ok());
  CHECK(locked.error().kind == ErrorKind::kIo);
  CHECK(locked.error().message() ==
        path + ": database is locked by another connection (waited 50 ms)");
  sqlite3_exec(writer, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
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

TEST_CASE("sqlite: files that are not readable SQLite databases are clear errors") {
  TempDir dir;
  auto expect = [](const std::string& path, ErrorKind kind, const std::string& message) {
    Result<Catalog> catalog = LoadSqliteCatalog(path);
    REQUIRE_FALSE(catalog.ok());
    CHECK(catalog.error().kind == kind);
    CHECK(catalog.error().message() == message);
  };
  const std::string not_sqlite =
      ": not a SQLite database: it does not start with the SQLite header (an encrypted database "
      "cannot be read either)";
  expect(dir.File("missing.db"), ErrorKind::kIo,
         dir.File("missing.db") + ": cannot open: No such file or directory");
  CHECK_FALSE(fs::exists(dir.File("missing.db")));  // read-only: never created
  expect(dir.path(), ErrorKind::kIo, dir.path() + ": is a directory, not a SQLite database");

  const std::string text = dir.File("schema.sql");
  std::ofstream(text) << "CREATE TABLE t (a integer);\n";
  expect(text, ErrorKind::kBadInput, text + not_sqlite);

  const std::string encrypted = dir.File("encrypted.db");
  std::string noise;
  for (int i = 0; i < 8192; ++i) noise += static_cast<char>((i * 7919 + 13) % 251);
  std::ofstream(encrypted, std::ios::binary) << noise;
  expect(encrypted, ErrorKind::kBadInput, encrypted + not_sqlite);

  const std::string header_only = dir.File("header-only.db");
  std::ofstream(header_only, std::ios::binary) << std::string("SQLite format 3\0", 16);
  expect(header_only, ErrorKind::kBadInput, header_only + not_sqlite);

  const std::string real = dir.File("real.db");
  Exec(real,
       "CREATE TABLE t (a, b); CREATE INDEX t_a ON t (a);"
       "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 2000) "
       "INSERT INTO t SELECT n, printf('%050d', n) FROM s;");
  const std::string database = Bytes(real);
  REQUIRE(database.size() > 40000);

  const std::string truncated = dir.File("truncated.db");
  std::ofstream(truncated, std::ios::binary) << database.substr(0, 10240);
  expect(truncated, ErrorKind::kBadInput,
         truncated + ": corrupt SQLite database (database disk image is malformed)");

  const std::string bad_page_size = dir.File("page-size.db");
  std::string patched = database;
  patched[16] = 3;  // 768
  patched[17] = 0;
  std::ofstream(bad_page_size, std::ios::binary) << patched;
  expect(bad_page_size, ErrorKind::kBadInput,
         bad_page_size +
             ": corrupt SQLite header: page size 768 is not a power of two from 512 "
             "to 65536");

  const std::string bad_schema = dir.File("bad-schema.db");
  patched = database;
  for (size_t i = 100; i < 112; ++i)
    patched[i] = static_cast<char>(0xff);  // page 1's b-tree header
  std::ofstream(bad_schema, std::ios::binary) << patched;
  expect(bad_schema, ErrorKind::kBadInput,
         bad_schema + ": corrupt SQLite database (database disk image is malformed)");

  if (::geteuid() != 0) {  // root reads any file
    const std::string unreadable = dir.File("unreadable.db");
    std::ofstream(unreadable, std::ios::binary) << database;
    REQUIRE(::chmod(unreadable.c_str(), 0) == 0);
    expect(unreadable, ErrorKind::kIo, unreadable + ": cannot open: Permission denied");
  }
}

TEST_CASE("sqlite: a relative name starting with \"file:\" is a file name, not a URI") {
  TempDir dir;
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  Exec("./file:odd?mode=rwc", "CREATE TABLE t (a);");
  const Catalog catalog = LoadUnchanged("file:odd?mode=rwc");
  CHECK(catalog.tables.size() == 1);
  CHECK(catalog.source.location == "file:odd?mode=rwc");
  Result<Catalog> missing = LoadSqliteCatalog("file:missing?mode=rwc");
  CHECK_FALSE(missing.ok());
  CHECK_FALSE(fs::exists("file:missing?mode=rwc"));
  CHECK_FALSE(fs::exists("missing"));
  fs::current_path(cwd);
}

TEST_CASE("sqlite: the bundled sample samples/shop/shop.db") {
  const std::string path = std::string(DBOPT_SOURCE_DIR) + "/samples/shop/shop.db";
  const Catalog catalog = LoadUnchanged(path);
  CHECK(catalog.warnings.empty());
  std::vector<std::string> names;
  for (const Table& t : catalog.tables) names.push_back(t.name + ":" + t.kind);
  CHECK(names == std::vector<std::string>{"customer_order_totals:view", "customers:table",
                                          "order_items:table", "orders:table", "products:table",
                                          "reviews:table"});
  for (const Table& t : catalog.tables) {
    if (t.kind != "table") continue;
    INFO(t.name);
    REQUIRE(t.stats.has_value());
    CHECK(t.stats->reltuples == Number(path, "SELECT count(*) FROM " + t.name));
    CHECK(t.stats->relpages == PgPagesOf(path, t.name));
    CHECK(t.primary_key.has_value());
  }
  CHECK(catalog.indexes.size() == 11);
  for (const Index& index : catalog.indexes) {
    INFO(index.name);
    CHECK(index.tuples > 0);
    CHECK(index.pages >= 1);
    CHECK(index.tree_height >= 0);
  }
  const Table& customers = FindTable(catalog, "customers");
  CHECK(customers.primary_key->name == "customers_pkey");
  CHECK(customers.columns[0].identity);
  REQUIRE(customers.unique_constraints.size() == 1);
  CHECK(customers.unique_constraints[0].name == "customers_email_key");
  CHECK(customers.column_stats.at("country").n_distinct ==
        std::round(5000 / Number(path,
                                 "SELECT CAST(substr(stat, 6) AS INTEGER) FROM sqlite_stat1 "
                                 "WHERE idx = 'customers_country_idx'")));
  CHECK(FindIndex(catalog, "customers_lower_email_idx").expression_stats.at("lower").n_distinct ==
        -1);
  const Index& pending = FindIndex(catalog, "orders_pending_idx");
  CHECK(pending.predicate == std::optional<std::string>("status = 'pending'"));
  CHECK(pending.tuples == Number(path, "SELECT count(*) FROM orders WHERE status = 'pending'"));
  const Index& category = FindIndex(catalog, "products_category_price_idx");
  REQUIRE(category.keys.size() == 2);
  CHECK(category.keys[1].descending);
  const Table& items = FindTable(catalog, "order_items");
  CHECK(items.primary_key->name == "order_items_pkey");
  REQUIRE(items.foreign_keys.size() == 2);
  CHECK(items.foreign_keys[0].name == "order_items_order_id_fkey");
  CHECK(items.foreign_keys[1].name == "order_items_product_id_fkey");
  const Table& reviews = FindTable(catalog, "reviews");
  REQUIRE(reviews.checks.size() == 1);
  CHECK(reviews.checks[0].name == "reviews_rating_check");
  CHECK(reviews.checks[0].expr == "rating BETWEEN 1 AND 5");
}

}  // namespace dbopt::catalog
