#include "dbopt/catalog/sqlite_loader.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dbopt/catalog/load.h"
#include "dbopt/catalog/validate.h"
#include "sqlite_test_db.h"

namespace dbopt::catalog {

using testing::Bytes;
using testing::Exec;
using testing::FindIndex;
using testing::FindTable;
using testing::LoadUnchanged;
using testing::Number;
using testing::PgPagesOf;
using testing::TempDir;
namespace fs = std::filesystem;

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
  CHECK(t.columns[3].type == "BLOB");  // no declared type: BLOB affinity
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

TEST_CASE("sqlite: columns without declared type are BLOB and survive validation and JSON") {
  TempDir dir;
  const std::string path = dir.File("untyped.db");
  Exec(path,
       "CREATE TABLE kv (k PRIMARY KEY, v, n INT);"
       "CREATE VIEW doubled AS SELECT k, n * 2 AS twice FROM kv;");
  const Catalog catalog = LoadUnchanged(path);
  const Table& kv = FindTable(catalog, "kv");
  CHECK(kv.columns[0].type == "BLOB");
  CHECK(kv.columns[1].type == "BLOB");
  CHECK(kv.columns[2].type == "INT");
  const Table& view = FindTable(catalog, "doubled");
  CHECK(view.columns[0].type == "BLOB");  // a view column inherits the declared type: none
  CHECK(view.columns[1].type == "BLOB");  // an expression has no declared type
  for (const Diagnostic& finding : ValidateCatalog(catalog)) {
    CHECK_MESSAGE(finding.severity != Severity::kError, finding.message);
  }
  Result<Catalog> loaded = LoadJsonCatalog(SourceText("kv.json", WriteJsonCatalog(catalog)));
  REQUIRE_MESSAGE(loaded.ok(), (loaded ? "" : loaded.error().Render()));
  CHECK(loaded->tables == catalog.tables);
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
  CHECK(names == std::vector<std::string>{"customers:table", "open_orders:view",
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
