// SQLite's planner as a second opinion: hypothetical indexes on an in-memory copy of a real
// SQLite file's schema and statistics, which must stay untouched.
#include <doctest/doctest.h>

#include "dbopt/catalog/load.h"
#include "dbopt/catalog/sqlite_planner.h"
#include "dbopt/catalog/what_if.h"
#include "sqlite_test_db.h"

namespace dbopt::catalog {
namespace {

Index Hypothetical(const Catalog& catalog, const std::string& table,
                   std::vector<std::string> columns, std::optional<std::string> where = {}) {
  Index index;
  index.table = table;
  index.name = "hypo_" + table + "_" + columns[0];
  for (const std::string& c : columns) index.keys.push_back(IndexKey{c});
  index.predicate = std::move(where);
  EstimateBtreeSize(catalog, index);
  return index;
}

TEST_CASE("sqlite planner: uses a selective index, not for rowid lookups, file untouched") {
  testing::TempDir dir;
  const std::string path = dir.File("shop.db");
  std::string sql =
      "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER NOT NULL, flag INTEGER NOT "
      "NULL, note TEXT);"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
      "INSERT INTO orders SELECT i, i % 1000, i % 2, 'x' FROM n;"
      "ANALYZE;";
  testing::Exec(path, sql);
  const double size_before = static_cast<double>(std::filesystem::file_size(path));
  Result<Catalog> catalog = LoadCatalog(path);
  REQUIRE(catalog.ok());
  Result<std::unique_ptr<SqlitePlanner>> planner = SqlitePlanner::Open(*catalog);
  REQUIRE(planner.ok());

  const Index on_customer = Hypothetical(*catalog, "orders", {"customer"});
  // No index on customer, so sqlite_stat1 says nothing of its values: SQLite's own guess of
  // 10 rows per value.
  CHECK(EstimateSqliteStat1(*catalog, on_customer) == "5000 10");
  CHECK((*planner)->WouldUse(on_customer, {}, {"SELECT note FROM orders WHERE customer = $1"}) ==
        SqliteVerdict::kUses);
  // A rowid lookup never needs a secondary index.
  CHECK((*planner)->WouldUse(on_customer, {}, {"SELECT note FROM orders WHERE id = 7"}) ==
        SqliteVerdict::kDoesNotUse);
  // PostgreSQL-only syntax: SQLite cannot tell.
  CHECK(
      (*planner)->WouldUse(on_customer, {}, {"SELECT note::text FROM orders WHERE customer = 1"}) ==
      SqliteVerdict::kCannotTell);
  // Each check rolls back: the same name can be tried again.
  CHECK((*planner)->WouldUse(on_customer, {}, {"SELECT note FROM orders WHERE customer = 5"}) ==
        SqliteVerdict::kUses);
  CHECK(static_cast<double>(std::filesystem::file_size(path)) == size_before);
}

TEST_CASE("sqlite planner: needs a SQLite catalog") {
  Catalog catalog;
  catalog.source.kind = "json";
  CHECK_FALSE(SqlitePlanner::Open(catalog).ok());
}

}  // namespace
}  // namespace dbopt::catalog
