// Catalog-aware grading: by table size with statistics, low-precision info without them; syntax
// rules only without a catalog; configured levels and "off".
#include <doctest/doctest.h>

#include "dbopt/catalog/load.h"
#include "dbopt/lint/linter.h"

namespace dbopt::lint {
namespace {

const std::string kCatalog = std::string(DBOPT_SOURCE_DIR) + "/tests/lint/fixtures/catalog.json";

const Finding* Find(const std::vector<Finding>& findings, const std::string& rule) {
  for (const Finding& f : findings)
    if (f.rule_id == rule) return &f;
  return nullptr;
}

TEST_CASE("grading by table size and statistics") {
  Result<catalog::Catalog> catalog = catalog::LoadCatalog(kCatalog);
  REQUIRE(catalog.ok());
  const Linter linter(&*catalog);
  auto lint = [&](const std::string& sql) {
    return linter.LintFile(SourceText("g.sql", sql), Config{});
  };
  // orders: 2,000,000 rows → the default level, high precision.
  const auto large = lint("CREATE INDEX ON orders (note);\n");
  REQUIRE(Find(large, "DB201"));
  CHECK(Find(large, "DB201")->level == Level::kWarning);
  CHECK(Find(large, "DB201")->precision == Precision::kHigh);
  // products: 1,000 rows → info, still high precision.
  const auto small = lint("CREATE INDEX ON products (name);\n");
  CHECK(Find(small, "DB201")->level == Level::kInfo);
  CHECK(Find(small, "DB201")->precision == Precision::kHigh);
  // audit_log: no statistics → info, low precision (not silent).
  const auto unknown = lint(
      "CREATE INDEX ON audit_log (payload);\n"
      "SELECT 1 FROM orders WHERE order_id NOT IN (SELECT ref_id FROM audit_log);\n");
  CHECK(Find(unknown, "DB201")->level == Level::kInfo);
  CHECK(Find(unknown, "DB201")->precision == Precision::kLow);
  CHECK(Find(unknown, "DB407")->level == Level::kInfo);
  CHECK(Find(unknown, "DB407")->precision == Precision::kLow);
  // customers.phone has null_frac 0.3 → high precision warning.
  const auto nulls =
      lint("SELECT 1 FROM orders WHERE note NOT IN (SELECT phone FROM customers);\n");
  CHECK(Find(nulls, "DB407")->level == Level::kWarning);
  CHECK(Find(nulls, "DB407")->precision == Precision::kHigh);
}

TEST_CASE("without a catalog only syntax rules run; configured levels and off apply") {
  const Linter linter(nullptr);
  const std::string sql = "SELECT * FROM ordrs WHERE a = NULL;\n";
  const auto plain = linter.LintFile(SourceText("g.sql", sql), Config{});
  CHECK(Find(plain, "DB401") == nullptr);
  REQUIRE(Find(plain, "DB104"));
  CHECK(Find(plain, "DB104")->level == Level::kError);
  Config config;
  config.rules["DB104"].level = Level::kInfo;
  config.rules["DB102"].off = true;
  const auto configured = linter.LintFile(SourceText("g.sql", sql), config);
  CHECK(Find(configured, "DB104")->level == Level::kInfo);
  CHECK(Find(configured, "DB102") == nullptr);
}

}  // namespace
}  // namespace dbopt::lint
