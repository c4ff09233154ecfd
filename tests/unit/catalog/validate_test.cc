#include "dbopt/catalog/validate.h"

#include <doctest/doctest.h>

#include <string>

namespace dbopt::catalog {

namespace {

Catalog Valid() {
  Catalog c;
  Table customer;
  customer.name = "customer";
  customer.columns = {Column{"c_custkey", "integer", true}, Column{"c_name", "text"}};
  customer.primary_key = Constraint{"customer_pkey", {"c_custkey"}};
  customer.stats = TableStats{1000, 10, 10, 10};
  Table orders;
  orders.name = "orders";
  orders.columns = {Column{"o_orderkey", "integer", true}, Column{"o_custkey", "integer", true}};
  orders.primary_key = Constraint{"orders_pkey", {"o_orderkey"}};
  orders.foreign_keys = {ForeignKey{"orders_fk", {"o_custkey"}, "", "customer", {}}};
  orders.stats = TableStats{15000, 100, 100, 90};
  ColumnStats s;
  s.null_frac = 0.1;
  s.n_distinct = 900;
  s.most_common_vals = {"1", "2"};
  s.most_common_freqs = {0.5, 0.4};
  orders.column_stats["o_custkey"] = s;
  c.tables = {customer, orders};
  Index i;
  i.name = "orders_custkey_idx";
  i.table = "orders";
  i.keys = {IndexKey{"o_custkey"}};
  c.indexes = {i};
  return c;
}

std::vector<std::string> Messages(const Catalog& c) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ValidateCatalog(c)) out.push_back(d.Render());
  return out;
}

}  // namespace

TEST_CASE("a consistent catalog has no findings") { CHECK(Messages(Valid()).empty()); }

TEST_CASE("unknown columns and tables are errors with suggestions") {
  Catalog c = Valid();
  c.indexes[0].keys[0].column = "o_custky";
  c.tables[1].foreign_keys[0].ref_table = "custmer";
  c.tables[1].column_stats["o_comment"] = ColumnStats{};
  const auto m = Messages(c);
  REQUIRE(m.size() == 3);
  CHECK(m[0] ==
        "error: table orders: foreign key orders_fk: unknown table \"custmer\" — did you mean "
        "\"customer\"?\n");
  CHECK(m[1] == "error: table orders: statistics for unknown column \"o_comment\"\n");
  CHECK(m[2] ==
        "error: table orders: index orders_custkey_idx: unknown column \"o_custky\" — did you mean "
        "\"o_custkey\"?\n");
  const auto d = ValidateCatalog(c);
  CHECK(CountSeverity(d, Severity::kError) == 3);
  CHECK(CountSeverity(d, Severity::kWarning) == 0);
}

TEST_CASE("impossible statistics are errors, suspicious ones warnings") {
  Catalog c = Valid();
  ColumnStats& s = c.tables[1].column_stats["o_custkey"];
  s.most_common_freqs = {0.4, 0.5, 0.3};
  s.n_distinct = 20000;
  c.tables[1].stats->relallvisible = 101;
  const auto m = Messages(c);
  REQUIRE(m.size() == 5);
  CHECK(m[0] == "warning: table orders: relallvisible 101 is larger than relpages 100\n");
  CHECK(
      m[1] ==
      "warning: table orders: column o_custkey: n_distinct 20000 is larger than reltuples 15000\n");
  CHECK(m[2] ==
        "error: table orders: column o_custkey: 2 most_common_vals but 3 most_common_freqs\n");
  CHECK(m[3] ==
        "warning: table orders: column o_custkey: most_common_freqs are not in descending order "
        "(at [1])\n");
  CHECK(m[4] ==
        "warning: table orders: column o_custkey: null_frac plus most_common_freqs is 1.3, more "
        "than 1\n");
}

TEST_CASE("duplicates, nullable keys, unsupported index options and FK shape") {
  Catalog c = Valid();
  c.tables.push_back(c.tables[0]);
  c.tables[1].columns[1].not_null = false;
  c.tables[1].primary_key->columns = {"o_custkey"};
  c.tables[1].foreign_keys[0].columns = {"o_custkey", "o_orderkey"};
  c.indexes[0].method = "gin";
  c.indexes[0].unique = true;
  c.indexes[0].include = {"o_orderkey"};
  const auto m = Messages(c);
  REQUIRE(m.size() == 5);
  CHECK(m[0] == "warning: table orders: primary key column \"o_custkey\" is not marked NOT NULL\n");
  CHECK(m[1] ==
        "error: table orders: foreign key orders_fk: 2 referencing columns but 1 referenced "
        "columns\n");
  CHECK(m[2] == "error: duplicate table customer\n");
  CHECK(m[3] ==
        "error: table orders: index orders_custkey_idx: access method \"gin\" does not support "
        "unique indexes\n");
  CHECK(m[4] ==
        "error: table orders: index orders_custkey_idx: access method \"gin\" does not support "
        "included columns\n");
}

TEST_CASE("a catalog from another major version is flagged") {
  Catalog c = Valid();
  c.source = {"postgres", "host=x", 160004, "16.4"};
  const auto m = Messages(c);
  REQUIRE(m.size() == 1);
  CHECK(m[0] ==
        "warning: the catalog comes from PostgreSQL 16 (server_version_num 160004); dbopt plans as "
        "PostgreSQL 15 does\n");
  c.source.server_version_num = 150020;
  CHECK(Messages(c).empty());
}

}  // namespace dbopt::catalog
