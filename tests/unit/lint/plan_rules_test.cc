// Plan-aware rules (DB5xx): grading by size and statistics, thresholds from the config, the
// catalog's work_mem, the what-if check of DB501, and statements the planner refuses.
#include <doctest/doctest.h>

#include "dbopt/catalog/load.h"
#include "dbopt/lint/linter.h"

namespace dbopt::lint {
namespace {

const std::string kCatalog = std::string(DBOPT_SOURCE_DIR) + "/tests/lint/fixtures/catalog.json";

std::vector<Finding> Of(const std::vector<Finding>& findings, const std::string& rule) {
  std::vector<Finding> out;
  for (const Finding& f : findings)
    if (f.rule_id == rule) out.push_back(f);
  return out;
}

TEST_CASE("DB505 grades by table size: error, warning, info, low precision") {
  Result<catalog::Catalog> catalog = catalog::LoadCatalog(kCatalog);
  REQUIRE(catalog.ok());
  const Linter linter(&*catalog);
  const auto found = Of(linter.LintFile(SourceText("m.sql",
                                                   "ALTER TABLE orders ALTER COLUMN note SET NOT "
                                                   "NULL;\n"
                                                   "ALTER TABLE customers ALTER COLUMN phone SET "
                                                   "NOT NULL;\n"
                                                   "ALTER TABLE products ALTER COLUMN category SET "
                                                   "NOT NULL;\n"
                                                   "ALTER TABLE audit_log ALTER COLUMN ref_id SET "
                                                   "NOT NULL;\n"),
                                        Config{}),
                        "DB505");
  REQUIRE(found.size() == 4);
  CHECK(found[0].level == Level::kError);  // orders: 2,000,000 rows
  CHECK(found[0].message.find("2,000,000 rows, 195 MB") != std::string::npos);
  CHECK(found[1].level == Level::kWarning);  // customers: 50,000 rows
  CHECK(found[2].level == Level::kInfo);     // products: 1,000 rows
  CHECK(found[2].precision == Precision::kHigh);
  CHECK(found[3].level == Level::kInfo);  // audit_log: no statistics
  CHECK(found[3].precision == Precision::kLow);
}

TEST_CASE("DB503 threshold from the config; DB501 names a verified index") {
  Result<catalog::Catalog> catalog = catalog::LoadCatalog(kCatalog);
  REQUIRE(catalog.ok());
  const Linter linter(&*catalog);
  const SourceText sql("q.sql", "DELETE FROM orders WHERE status = 'shipped';\n");
  const auto by_default = Of(linter.LintFile(sql, Config{}), "DB503");
  REQUIRE(by_default.size() == 1);
  CHECK(by_default[0].level == Level::kWarning);
  Config config;
  config.rules["DB503"].settings.numbers["max_rows"] = 1e6;
  CHECK(Of(linter.LintFile(sql, config), "DB503").empty());
  config.rules["DB503"].settings.numbers["max_rows"] = 1000;  // 100× below: one level up
  const auto strict = Of(linter.LintFile(sql, config), "DB503");
  REQUIRE(strict.size() == 1);
  CHECK(strict[0].level == Level::kError);

  const auto seq = Of(linter.LintFile(SourceText("q.sql",
                                                 "SELECT order_id FROM orders WHERE note = "
                                                 "'gift';\n"),
                                      Config{}),
                      "DB501");
  REQUIRE(seq.size() == 1);
  CHECK(seq[0].message.find("CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)") !=
        std::string::npos);
  CHECK(seq[0].message.find("the cost drops from ") != std::string::npos);
}

TEST_CASE("DB502 follows the catalog's work_mem") {
  Result<catalog::Catalog> catalog = catalog::LoadCatalog(kCatalog);
  REQUIRE(catalog.ok());
  const SourceText sql("q.sql", "SELECT order_id, note FROM orders ORDER BY note;\n");
  {
    const Linter linter(&*catalog);
    CHECK(Of(linter.LintFile(sql, Config{}), "DB502").size() == 1);
  }
  {
    // A top-N sort under LIMIT, also below a Gather Merge, keeps only 50 rows: no spill.
    const Linter linter(&*catalog);
    const SourceText top_n("q.sql",
                           "SELECT o.order_id, c.name FROM orders o JOIN customers c ON "
                           "c.customer_id = o.customer_id WHERE o.created_at >= now() - "
                           "interval '7 days' ORDER BY o.created_at DESC LIMIT 50;\n");
    CHECK(Of(linter.LintFile(top_n, Config{}), "DB502").empty());
    // DB501 does not propose an index that barely lowers the cost (the Sort dominates it).
    CHECK(Of(linter.LintFile(top_n, Config{}), "DB501").empty());
  }
  REQUIRE(catalog->settings.Set("work_mem", "1GB").ok());
  const Linter roomy(&*catalog);
  CHECK(Of(roomy.LintFile(sql, Config{}), "DB502").empty());
}

TEST_CASE("statements the planner refuses are skipped by DB5xx, without a crash") {
  Result<catalog::Catalog> catalog = catalog::LoadCatalog(kCatalog);
  REQUIRE(catalog.ok());
  const Linter linter(&*catalog);
  const auto findings =
      linter.LintFile(SourceText("q.sql",
                                 "DELETE FROM orders WHERE status = 'shipped' RETURNING order_id;\n"
                                 "SELECT * FROM nosuchtable WHERE a = 1;\n"
                                 "CREATE TABLE t (a int);\nUPDATE t SET a = 2 WHERE a = 1;\n"),
                      Config{});
  for (const Finding& f : findings) CHECK(f.rule_id.rfind("DB5", 0) != 0);
  // Without a catalog no plan-aware rule runs.
  const Linter plain(nullptr);
  for (const Finding& f : plain.LintFile(
           SourceText("q.sql", "DELETE FROM orders WHERE status = 'shipped';\n"), Config{}))
    CHECK(f.rule_id.rfind("DB5", 0) != 0);
}

}  // namespace
}  // namespace dbopt::lint
