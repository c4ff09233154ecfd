// LoadDdlCatalog with real DDL: tables, PostgreSQL's constraint and index naming, serial and
// identity columns, indexes, ALTER TABLE, statistics, schemas, errors with locations.
#include <doctest/doctest.h>

#include "dbopt/catalog/load.h"

namespace dbopt::catalog {
namespace {

Catalog Load(const std::string& ddl) {
  Result<Catalog> r = LoadDdlCatalog(SourceText("schema.sql", ddl));
  if (!r.ok()) FAIL("load failed: " << r.error().Render());
  return std::move(r).value();
}

const Index* IndexNamed(const Catalog& c, const std::string& name) {
  for (const Index& i : c.indexes) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

constexpr char kShop[] = R"sql(
CREATE TABLE customers (
  id serial PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (
  o_id bigint GENERATED ALWAYS AS IDENTITY,
  customer_id integer NOT NULL REFERENCES customers (id),
  status text DEFAULT 'new' CHECK (status IN ('new', 'paid')),
  total numeric(12,2),
  PRIMARY KEY (o_id),
  UNIQUE (customer_id, status),
  CHECK (total >= 0)
);
CREATE INDEX ON orders (customer_id, total DESC NULLS LAST);
CREATE INDEX orders_lower_status ON orders USING hash (lower(status)) WHERE total > 0;
CREATE STATISTICS orders_st ON customer_id, status FROM orders;
SET search_path = public;
)sql";

TEST_CASE("tables, columns and PostgreSQL's names for constraints and their indexes") {
  const Catalog c = Load(kShop);
  CHECK(c.source.kind == "ddl");
  CHECK(c.source.location == "schema.sql");
  REQUIRE(c.tables.size() == 2);
  const Table& customers = c.tables[0];
  CHECK(customers.schema == "public");
  CHECK_FALSE(customers.stats.has_value());
  REQUIRE(customers.columns.size() == 4);
  CHECK(customers.columns[0].type == "integer");
  CHECK(customers.columns[0].not_null);
  CHECK(*customers.columns[0].default_expr == "nextval('customers_id_seq'::regclass)");
  CHECK_FALSE(customers.columns[0].identity);
  CHECK(customers.columns[1].type == "character varying(255)");
  CHECK(customers.columns[3].type == "timestamp with time zone");
  CHECK(*customers.columns[3].default_expr == "now()");
  CHECK(customers.primary_key->name == "customers_pkey");
  CHECK(customers.unique_constraints[0].name == "customers_email_key");
  const Table& orders = c.tables[1];
  CHECK(orders.columns[0].identity);
  CHECK(orders.columns[0].not_null);
  CHECK(orders.primary_key->columns == std::vector<std::string>{"o_id"});
  CHECK(orders.unique_constraints[0].name == "orders_customer_id_status_key");
  REQUIRE(orders.foreign_keys.size() == 1);
  CHECK(orders.foreign_keys[0].name == "orders_customer_id_fkey");
  CHECK(orders.foreign_keys[0].ref_table == "customers");
  REQUIRE(orders.checks.size() == 2);
  CHECK(orders.checks[0].name == "orders_status_check");
  CHECK(orders.checks[0].expr == "(status IN ('new', 'paid'))");
  CHECK(orders.checks[1].name == "orders_check");
}

TEST_CASE("indexes: backing indexes, generated names, expressions, predicates") {
  const Catalog c = Load(kShop);
  const Index* pkey = IndexNamed(c, "orders_pkey");
  REQUIRE(pkey);
  CHECK(pkey->primary);
  CHECK(pkey->unique);
  CHECK(pkey->constraint == "orders_pkey");
  REQUIRE(IndexNamed(c, "customers_email_key"));
  const Index* unnamed = IndexNamed(c, "orders_customer_id_total_idx");
  REQUIRE(unnamed);
  CHECK(unnamed->keys[1].descending);
  CHECK(unnamed->keys[1].nulls_first == false);
  const Index* expr = IndexNamed(c, "orders_lower_status");
  REQUIRE(expr);
  CHECK(expr->method == "hash");
  CHECK(expr->keys[0].expression == "lower(status)");
  CHECK(*expr->predicate == "(total > 0)");
  REQUIRE(c.extended_stats.size() == 1);
  CHECK(c.extended_stats[0].name == "orders_st");
  CHECK(c.extended_stats[0].columns == std::vector<std::string>{"customer_id", "status"});
  CHECK(c.extended_stats[0].kinds == std::vector<std::string>{"ndistinct", "dependencies", "mcv"});
}

TEST_CASE("warnings: ignored statements and no statistics") {
  const Catalog c = Load(kShop);
  REQUIRE(c.warnings.size() == 2);
  CHECK(c.warnings[0] == "ddl catalog: ignored SET at schema.sql:20:1");
  CHECK(c.warnings[1] == "ddl catalog: no statistics; planner defaults apply");
}

TEST_CASE("ALTER TABLE ADD CONSTRAINT, columns, defaults; schemas; DROP") {
  const Catalog c = Load(R"sql(
CREATE SCHEMA app;
CREATE TABLE app.a (id int, v text);
CREATE TABLE app.b (id int, a_id int);
ALTER TABLE app.a ADD CONSTRAINT a_pk PRIMARY KEY (id), ALTER COLUMN v SET NOT NULL, ADD COLUMN w int DEFAULT 0;
ALTER TABLE app.b ADD FOREIGN KEY (a_id) REFERENCES app.a NOT VALID, ALTER COLUMN a_id TYPE bigint;
CREATE INDEX b_idx ON app.b (a_id);
DROP INDEX app.b_idx;
)sql");
  REQUIRE(c.tables.size() == 2);
  CHECK(c.tables[0].schema == "app");
  CHECK(c.tables[0].primary_key->name == "a_pk");
  CHECK(c.tables[0].columns[1].not_null);
  CHECK(*c.tables[0].columns[2].default_expr == "0");
  CHECK(c.tables[1].foreign_keys[0].name == "b_a_id_fkey");
  CHECK(c.tables[1].foreign_keys[0].ref_columns.empty());
  CHECK(c.tables[1].columns[1].type == "bigint");
  CHECK(IndexNamed(c, "a_pk") != nullptr);
  CHECK(IndexNamed(c, "b_idx") == nullptr);
}

TEST_CASE("unknown tables and columns, duplicates: errors with location and did-you-mean") {
  Result<Catalog> unknown = LoadDdlCatalog(
      SourceText("s.sql", "CREATE TABLE orders (id int);\nCREATE INDEX ON ordrs (id);\n"));
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().Render() ==
        "s.sql:2:17: error: unknown table \"ordrs\"\n"
        " 2 | CREATE INDEX ON ordrs (id);\n"
        "   |                 ^\n"
        "hint: did you mean \"orders\"?\n");
  Result<Catalog> column =
      LoadDdlCatalog(SourceText("s.sql", "CREATE TABLE t (name text, PRIMARY KEY (nme));"));
  REQUIRE_FALSE(column.ok());
  CHECK(column.error().message() == "unknown column \"nme\" of table \"t\"");
  CHECK(column.error().diagnostic.hint == "did you mean \"name\"?");
  Result<Catalog> duplicate =
      LoadDdlCatalog(SourceText("s.sql", "CREATE TABLE t (a int);\nCREATE TABLE t (b int);"));
  REQUIRE_FALSE(duplicate.ok());
  CHECK(duplicate.error().message() == "relation \"t\" already exists");
  CHECK(duplicate.error().diagnostic.line == 2);
  Result<Catalog> fk =
      LoadDdlCatalog(SourceText("s.sql", "CREATE TABLE t (a int REFERENCES nowhere (id));"));
  REQUIRE_FALSE(fk.ok());
  CHECK(fk.error().message() == "unknown table \"nowhere\"");
  Result<Catalog> syntax = LoadDdlCatalog(SourceText("s.sql", "CREATE TABLE t (a int;"));
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.error().message() == "syntax error at end of input");
}

}  // namespace
}  // namespace dbopt::catalog
