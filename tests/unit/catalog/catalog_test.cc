#include "dbopt/catalog/catalog.h"

#include <doctest/doctest.h>

#include "dbopt/catalog/identifier.h"

namespace dbopt::catalog {

namespace {
Catalog ThreeSchemas() {
  Catalog c;
  for (auto [schema, name] : {std::pair{"public", "orders"},
                              {"sales", "orders"},
                              {"sales", "Items"},
                              {"crm", "customer"},
                              {"a", "dup"},
                              {"b", "dup"}}) {
    Table t;
    t.schema = schema;
    t.name = name;
    t.columns = {Column{"id", "integer"}, Column{"Name", "text"}};
    c.tables.push_back(t);
  }
  Index i;
  i.schema = "sales";
  i.name = "orders_idx";
  i.table = "orders";
  c.indexes.push_back(i);
  i.schema = "public";
  i.name = "orders_idx";
  c.indexes.push_back(i);
  return c;
}
}  // namespace

TEST_CASE("identifiers fold and quote as in PostgreSQL") {
  CHECK(ParseQualifiedName("Orders")->name == "orders");
  CHECK(ParseQualifiedName("\"Orders\"")->name == "Orders");
  const auto q = ParseQualifiedName("\"my schema\".\"a\"\"b.c\"");
  REQUIRE(q.ok());
  CHECK(q->schema == "my schema");
  CHECK(q->name == "a\"b.c");
  CHECK_FALSE(ParseQualifiedName("a.b.c").ok());
  CHECK_FALSE(ParseQualifiedName("\"open").ok());
  CHECK_FALSE(ParseQualifiedName("a..b").ok());
  CHECK_FALSE(ParseQualifiedName("\"\"").ok());
  CHECK(QuoteIdentifier("orders") == "orders");
  CHECK(QuoteIdentifier("Orders") == "\"Orders\"");
  CHECK(QuoteIdentifier("order") == "\"order\"");      // reserved
  CHECK(QuoteIdentifier("integer") == "\"integer\"");  // column-name keyword
  CHECK(QuoteIdentifier("name") == "name");            // unreserved keyword
  CHECK(QuoteIdentifier("1st") == "\"1st\"");
  CHECK(QuoteIdentifier("a\"b") == "\"a\"\"b\"");
  CHECK(QuoteQualified("sales", "Items") == "sales.\"Items\"");
}

TEST_CASE("FindTable looks in public first, then in the one schema that has the name") {
  const Catalog c = ThreeSchemas();
  REQUIRE(c.FindTable("orders") != nullptr);
  CHECK(c.FindTable("orders")->schema == "public");
  CHECK(c.FindTable("ORDERS")->schema == "public");
  CHECK(c.FindTable("sales.orders")->schema == "sales");
  CHECK(c.FindTable("customer")->schema == "crm");
  CHECK(c.FindTable("items") == nullptr);  // stored as "Items": needs quotes
  CHECK(c.FindTable("\"Items\"")->schema == "sales");
  CHECK(c.FindTable("dup") == nullptr);  // ambiguous
  CHECK(c.FindTable("b.dup")->schema == "b");
  CHECK(c.FindTable("crm", "customer") != nullptr);
  CHECK(c.FindTable("public", "customer") == nullptr);
  CHECK(c.FindTable("", "customer") != nullptr);
}

TEST_CASE("ResolveTable explains what went wrong") {
  const Catalog c = ThreeSchemas();
  CHECK(c.ResolveTable("custmer").error().message() ==
        "unknown table \"custmer\" — did you mean \"customer\"?");
  CHECK(c.ResolveTable("sales.ordrs").error().message() ==
        "unknown table \"sales.ordrs\" — did you mean \"sales.orders\"?");
  CHECK(c.ResolveTable("zzz").error().message() == "unknown table \"zzz\"");
  CHECK(c.ResolveTable("dup").error().message() ==
        "table name \"dup\" is ambiguous: it exists in schemas a, b; qualify it as schema.name");
  CHECK(c.ResolveTable("a.b.c").error().message() ==
        "improper qualified name (too many dotted names): a.b.c");
  CHECK(*c.ResolveTable("crm.customer") == &c.tables[3]);
}

TEST_CASE("IndexesOf matches schema and table; FindColumn is exact") {
  const Catalog c = ThreeSchemas();
  const auto indexes = c.IndexesOf(*c.FindTable("sales.orders"));
  REQUIRE(indexes.size() == 1);
  CHECK(indexes[0]->schema == "sales");
  CHECK(c.IndexesOf(*c.FindTable("customer")).empty());
  const Table& t = c.tables[0];
  CHECK(t.FindColumn("Name") != nullptr);
  CHECK(t.FindColumn("name") == nullptr);
  CHECK(t.QualifiedName() == "public.orders");
}

}  // namespace dbopt::catalog
