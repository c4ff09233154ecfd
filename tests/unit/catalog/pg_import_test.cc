// Import from a real PostgreSQL 15 (started by tests/integration/postgres_import_test.sh):
// schema, source, settings, warnings, the read-only guarantee and the failures. The statistics
// are checked in pg_import_stats_test.cc.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>

#include "dbopt/catalog/load.h"
#include "pg_test_server.h"

namespace dbopt::catalog {
namespace {

using pg_test::AdminCatalog;
using pg_test::FindIndexIn;
using pg_test::FindTableIn;
using pg_test::Probe;

const auto kNeedsServer = doctest::skip(pg_test::NoServer());

std::set<std::string> Names(const std::vector<Probe::Row>& rows) {
  std::set<std::string> names;
  for (const Probe::Row& row : rows) names.insert(row.at("name").value_or(""));
  return names;
}

TEST_CASE("pg import: the source names the server and hides the password" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  CHECK(catalog.source.kind == "postgres");
  CHECK(catalog.source.location == pg_test::AdminConninfo());
  CHECK(std::to_string(catalog.source.server_version_num) ==
        probe.Value("SHOW server_version_num"));
  CHECK(catalog.source.server_version_num / 10000 == 15);
  CHECK(catalog.source.server_version.rfind("15.", 0) == 0);

  Result<Catalog> reader = LoadPostgresCatalog(pg_test::ReaderUri());
  REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().Render()));
  CHECK(pg_test::ReaderUri().find(":reader-secret@") != std::string::npos);
  CHECK(reader->source.location.find("reader-secret") == std::string::npos);
  CHECK(reader->source.location.rfind("postgresql://dbopt_reader@127.0.0.1:", 0) == 0);
}

TEST_CASE("pg import: relations and their kinds match pg_class" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  std::set<std::string> imported;
  for (const Table& table : catalog.tables)
    imported.insert(table.kind + " " + table.QualifiedName());
  const std::set<std::string> expected = Names(probe.Rows(
      std::string("SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned' "
                  "WHEN 'v' THEN 'view' WHEN 'm' THEN 'matview' WHEN 'f' THEN 'foreign' END "
                  "|| ' ' || n.nspname || '.' || c.relname AS name "
                  "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname IN ") +
      pg_test::kUserSchemas));
  CHECK(imported == expected);
  for (const char* name : {"table shop.customers", "partitioned shop.events",
                           "table shop.events_2024", "view shop.paid_orders",
                           "matview shop.country_counts", "table Odd Schema.Weird \"Table\""}) {
    CHECK_MESSAGE(imported.count(name) == 1, name);
  }
  // Sorted by schema, then name.
  for (size_t i = 1; i < catalog.tables.size(); ++i) {
    CHECK(std::tie(catalog.tables[i - 1].schema, catalog.tables[i - 1].name) <
          std::tie(catalog.tables[i].schema, catalog.tables[i].name));
  }
}

TEST_CASE("pg import: columns with types, defaults, collations, identity, generated" *
          kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  const Table& customers = FindTableIn(catalog, "shop", "customers");
  std::vector<std::string> names;
  for (const Column& column : customers.columns) names.push_back(column.name);
  CHECK(names == std::vector<std::string>{"id", "email", "name", "country", "created_at", "tags",
                                          "note", "Display Name"});
  CHECK(customers.columns[0].type == "integer");
  CHECK(customers.columns[0].not_null);
  CHECK(customers.columns[2].type == "character varying(60)");
  CHECK(customers.columns[3].type == "character(2)");
  CHECK_FALSE(customers.columns[3].not_null);
  CHECK(customers.columns[4].type == "timestamp with time zone");
  CHECK(customers.columns[4].default_expr == std::optional<std::string>("now()"));
  CHECK(customers.columns[5].type == "text[]");
  CHECK(customers.columns[6].collation == std::optional<std::string>("C"));
  CHECK_FALSE(customers.columns[1].collation.has_value());

  const Table& products = FindTableIn(catalog, "shop", "products");
  CHECK(products.columns[0].identity);
  CHECK_FALSE(products.columns[0].default_expr.has_value());
  const Column* with_tax = products.FindColumn("price_with_tax");
  REQUIRE(with_tax != nullptr);
  CHECK(with_tax->generated == std::optional<std::string>("price * 1.2"));
  CHECK_FALSE(with_tax->default_expr.has_value());
  CHECK(products.FindColumn("price")->type == "numeric(10,2)");

  const Table& orders = FindTableIn(catalog, "shop", "orders");
  CHECK(orders.FindColumn("status")->type == "shop.order_status");
  const Table& odd = FindTableIn(catalog, "Odd Schema", "Weird \"Table\"");
  REQUIRE(odd.columns.size() == 2);
  CHECK(odd.columns[0].name == "Key, with comma");
  CHECK(odd.columns[1].name == "a\"b");
}

TEST_CASE("pg import: primary keys, unique, foreign keys and checks" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  const Table& customers = FindTableIn(catalog, "shop", "customers");
  REQUIRE(customers.primary_key.has_value());
  CHECK(customers.primary_key->name == "customers_pkey");
  CHECK(customers.primary_key->columns == std::vector<std::string>{"id"});
  REQUIRE(customers.unique_constraints.size() == 1);
  CHECK(customers.unique_constraints[0].name == "customers_email_key");
  CHECK(customers.unique_constraints[0].columns == std::vector<std::string>{"email"});

  const Table& lines = FindTableIn(catalog, "shop", "order_lines");
  CHECK(lines.primary_key->columns == std::vector<std::string>{"order_id", "line_no"});
  REQUIRE(lines.foreign_keys.size() == 2);
  CHECK(lines.foreign_keys[0].name == "order_lines_order_fk");
  CHECK(lines.foreign_keys[0].columns == std::vector<std::string>{"order_id"});
  CHECK(lines.foreign_keys[0].ref_schema == "shop");
  CHECK(lines.foreign_keys[0].ref_table == "orders");
  CHECK(lines.foreign_keys[0].ref_columns == std::vector<std::string>{"id"});
  CHECK(lines.foreign_keys[1].name == "order_lines_product_id_fkey");
  CHECK(lines.foreign_keys[1].ref_table == "products");

  const Table& odd = FindTableIn(catalog, "Odd Schema", "Weird \"Table\"");
  CHECK(odd.primary_key->columns == std::vector<std::string>{"Key, with comma"});

  // CHECK expressions as pg_get_constraintdef prints them, without "CHECK (...)".
  const Table& orders = FindTableIn(catalog, "shop", "orders");
  const Table& products = FindTableIn(catalog, "shop", "products");
  REQUIRE(orders.checks.size() == 1);
  REQUIRE(products.checks.size() == 1);
  for (const CheckConstraint& check : {orders.checks[0], products.checks[0]}) {
    CHECK("CHECK (" + check.expr + ")" ==
          probe.Value("SELECT pg_get_constraintdef(oid, true) FROM pg_constraint "
                      "WHERE conname = $1",
                      {check.name}));
  }
  CHECK(products.checks[0].name == "products_price_positive");
  CHECK(products.checks[0].expr == "price > 0::numeric");
}

TEST_CASE("pg import: index definitions" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  Probe probe(pg_test::AdminConninfo());
  std::set<std::string> imported;
  for (const Index& index : catalog.indexes) imported.insert(index.schema + "." + index.name);
  CHECK(imported == Names(probe.Rows(std::string("SELECT schemaname || '.' || indexname AS name "
                                                 "FROM pg_indexes WHERE schemaname IN ") +
                                     pg_test::kUserSchemas)));

  const Index& pkey = FindIndexIn(catalog, "shop", "customers_pkey");
  CHECK(pkey.table == "customers");
  CHECK(pkey.primary);
  CHECK(pkey.unique);
  CHECK(pkey.constraint == "customers_pkey");
  CHECK(FindIndexIn(catalog, "shop", "customers_email_key").constraint == "customers_email_key");

  const Index& pending = FindIndexIn(catalog, "shop", "orders_pending_idx");
  CHECK(pending.predicate == std::optional<std::string>("status = 'pending'::shop.order_status"));
  CHECK_FALSE(pending.unique);
  CHECK(pending.constraint.empty());

  const Index& lower = FindIndexIn(catalog, "shop", "customers_lower_email_idx");
  REQUIRE(lower.keys.size() == 1);
  CHECK(lower.keys[0].column.empty());
  CHECK(lower.keys[0].expression == "lower(email)");

  const Index& by_date = FindIndexIn(catalog, "shop", "orders_customer_date_idx");
  REQUIRE(by_date.keys.size() == 2);
  CHECK(by_date.keys[0].column == "customer_id");
  CHECK_FALSE(by_date.keys[0].descending);
  CHECK_FALSE(by_date.keys[0].nulls_first.has_value());
  CHECK(by_date.keys[1].column == "ordered_at");
  CHECK(by_date.keys[1].descending);
  CHECK(by_date.keys[1].nulls_first == std::optional<bool>(false));
  CHECK(FindIndexIn(catalog, "shop", "orders_total_nulls_first_idx").keys[0].nulls_first ==
        std::optional<bool>(true));

  const Index& include = FindIndexIn(catalog, "shop", "order_lines_product_idx");
  REQUIRE(include.keys.size() == 1);
  CHECK(include.keys[0].column == "product_id");
  CHECK(include.include == std::vector<std::string>{"qty"});

  CHECK(FindIndexIn(catalog, "shop", "customers_email_pattern_idx").keys[0].opclass ==
        "text_pattern_ops");
  CHECK(FindIndexIn(catalog, "shop", "customers_pkey").keys[0].opclass.empty());
  CHECK(FindIndexIn(catalog, "shop", "customers_name_c_idx").keys[0].collation == "C");
  CHECK(FindIndexIn(catalog, "shop", "customers_lower_email_idx").keys[0].collation.empty());
  CHECK(FindIndexIn(catalog, "shop", "customers_country_hash_idx").method == "hash");
  CHECK(FindIndexIn(catalog, "shop", "customers_tags_gin_idx").method == "gin");
  CHECK(FindIndexIn(catalog, "shop", "orders_ordered_at_brin_idx").method == "brin");
  CHECK(FindIndexIn(catalog, "Odd Schema", "Weird \"Table\"_pkey").keys[0].column ==
        "Key, with comma");
}

TEST_CASE("pg import: planner settings come from pg_settings" * kNeedsServer) {
  // postgres_import_test.sh sets these on the database: ALTER DATABASE shopdb SET ...
  const Catalog& catalog = AdminCatalog();
  CHECK(catalog.settings.Get("random_page_cost") == "1.1");
  CHECK(catalog.settings.GetInteger("work_mem") == 65536);
  CHECK(catalog.settings.Get("enable_nestloop") == "off");
  CHECK(catalog.settings.Get("seq_page_cost") == "1");
}

TEST_CASE("pg import: warnings for never-analysed tables and missing pageinspect" * kNeedsServer) {
  const Catalog& catalog = AdminCatalog();
  const std::string never =
      "table shop.audit_log was never analysed (pg_class.reltuples = -1): the planner guesses "
      "its size; run ANALYZE";
  CHECK(std::count(catalog.warnings.begin(), catalog.warnings.end(), never) == 1);
  for (const std::string& warning : catalog.warnings) {
    CHECK(warning.find("shop.events ") == std::string::npos);
    CHECK(warning.find("paid_orders") == std::string::npos);
    CHECK(warning.find("pageinspect") == std::string::npos);  // installed, usable
    CHECK(warning.find("PostgreSQL 15") == std::string::npos);
  }
  Result<Catalog> reader = LoadPostgresCatalog(pg_test::ReaderUri());
  REQUIRE(reader.ok());
  int pageinspect_warnings = 0;
  for (const std::string& warning : reader->warnings) {
    if (warning.rfind("pageinspect is installed but bt_metap failed", 0) == 0) {
      ++pageinspect_warnings;
    }
  }
  CHECK(pageinspect_warnings == 1);
}

TEST_CASE("pg import: read-only, and a role with only CONNECT and SELECT can import" *
          kNeedsServer) {
  Probe probe(pg_test::AdminConninfo());
  const std::string next_xid = "SELECT pg_snapshot_xmax(pg_current_snapshot())::text";
  const std::string relation_count = "SELECT count(*) FROM pg_class";
  const std::string xid_before = probe.Value(next_xid);
  const std::string relations_before = probe.Value(relation_count);
  Result<Catalog> admin = LoadPostgresCatalog(pg_test::AdminConninfo());
  Result<Catalog> reader = LoadPostgresCatalog(pg_test::ReaderUri());
  REQUIRE(admin.ok());
  REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().Render()));
  // A transaction that writes anything is given a transaction id; these took none.
  CHECK(probe.Value(next_xid) == xid_before);
  CHECK(probe.Value(relation_count) == relations_before);
  CHECK(probe.Value("SELECT rolsuper::text FROM pg_roles WHERE rolname = 'dbopt_reader'") ==
        "false");
  // The reader sees the same schema and statistics; only B-tree heights are estimated.
  REQUIRE(reader->tables.size() == admin->tables.size());
  REQUIRE(reader->indexes.size() == admin->indexes.size());
  for (size_t i = 0; i < admin->tables.size(); ++i) {
    CHECK(reader->tables[i].QualifiedName() == admin->tables[i].QualifiedName());
    CHECK(reader->tables[i].column_stats.size() == admin->tables[i].column_stats.size());
  }
  for (size_t i = 0; i < admin->indexes.size(); ++i) {
    const Index& read = reader->indexes[i];
    const Index& exact = admin->indexes[i];
    CHECK(read.name == exact.name);
    CHECK(read.pages == exact.pages);
    if (exact.method == "btree" && exact.tree_height >= 0) {  // partitioned indexes: -1
      CHECK(read.height_estimated);
      CHECK_FALSE(exact.height_estimated);
      INFO(exact.name << ": estimated " << read.tree_height << ", metapage " << exact.tree_height);
      CHECK(std::abs(read.tree_height - exact.tree_height) <= 1);
    }
  }
}

TEST_CASE("pg import: failures are I/O errors with the server's reason" * kNeedsServer) {
  std::string wrong = pg_test::ReaderUri();
  wrong.replace(wrong.find(":reader-secret@"), 15, ":wrong-secret@");
  Result<Catalog> bad_password = LoadPostgresCatalog(wrong);
  REQUIRE_FALSE(bad_password.ok());
  CHECK(bad_password.error().kind == ErrorKind::kIo);
  CHECK(bad_password.error().message().find(
            "password authentication failed for user \"dbopt_reader\"") != std::string::npos);
  CHECK(bad_password.error().diagnostic.hint.find("password") != std::string::npos);
  CHECK(bad_password.error().Render().find("wrong-secret") == std::string::npos);

  std::string missing = pg_test::AdminConninfo();
  missing.replace(missing.find("dbname=shopdb"), 13, "dbname=no_such_db");
  Result<Catalog> no_database = LoadPostgresCatalog(missing);
  REQUIRE_FALSE(no_database.ok());
  CHECK(no_database.error().kind == ErrorKind::kIo);
  CHECK(no_database.error().message().find("database \"no_such_db\" does not exist") !=
        std::string::npos);

  Result<Catalog> no_privileges = LoadPostgresCatalog(pg_test::NoPrivsUri());
  REQUIRE_FALSE(no_privileges.ok());
  CHECK(no_privileges.error().kind == ErrorKind::kIo);
  CHECK(no_privileges.error().message().find("reading indexes from PostgreSQL") == 0);
  CHECK(no_privileges.error().message().find("permission denied for table pg_index") !=
        std::string::npos);
  CHECK(no_privileges.error().diagnostic.hint.find("docs/postgres-import.md") != std::string::npos);
}

}  // namespace
}  // namespace dbopt::catalog
