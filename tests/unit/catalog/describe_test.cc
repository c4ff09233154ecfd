#include "dbopt/catalog/describe.h"

#include <doctest/doctest.h>

#include "full_catalog.h"

namespace dbopt::catalog {

TEST_CASE("PrettySize rounds like pg_size_pretty") {
  CHECK(PrettySize(0) == "0 bytes");
  CHECK(PrettySize(10239) == "10239 bytes");
  CHECK(PrettySize(10240) == "10 kB");
  CHECK(PrettySize(9175040) == "8960 kB");
  CHECK(PrettySize(20970496) == "20 MB");
  CHECK(PrettySize(-20480) == "-20 kB");
  CHECK(PrettySize(int64_t{1} << 60) == "1024 PB");
}

TEST_CASE("IndexDefinition prints what pg_get_indexdef prints") {
  const Catalog c = testing::FullCatalog();
  CHECK(IndexDefinition(c.indexes[0]) ==
        "CREATE UNIQUE INDEX orders_expr_idx ON sales.\"Orders\" USING gist (id COLLATE \"C\" "
        "int8_ops DESC "
        "NULLS LAST, lower(total::text) NULLS FIRST) INCLUDE (total) WHERE (total IS NOT NULL)");
  Index i;
  i.name = "t_x";
  i.table = "order";
  i.keys = {IndexKey{"", "lower(email)"}, IndexKey{"", "a + b"}, IndexKey{"b", "", true, true}};
  i.predicate = "(a > 0)";
  CHECK(IndexDefinition(i) ==
        "CREATE INDEX t_x ON public.\"order\" USING btree (lower(email), (a + b), b DESC) WHERE (a "
        "> 0)");
}

TEST_CASE("the summary shows sizes, statistics, constraints and indexes") {
  const Catalog c = testing::FullCatalog();
  const std::string text = DescribeCatalog(c);
  CHECK(text.rfind("Catalog host=db dbname=shop user=app (postgres 15.20)\n1 tables, 1 indexes, 1 "
                   "extended statistics\n"
                   "Settings: PostgreSQL 15 defaults, except\n",
                   0) == 0);
  CHECK(text.find("  work_mem = 65kB\n") != std::string::npos);
  CHECK(text.find(
            "Table sales.\"Orders\" (partitioned, WITHOUT ROWID)\n"
            "  rows 123456.5, pages 1000 (16 MB), current pages 1001, all-visible 999 (100%)\n") !=
        std::string::npos);
  CHECK(text.find("  id      bigint         not null  0.1        -0.25 (≈30864)  -0.123       "
                  "'a\"b\\c' 30.0%, "
                  "'line\\nbreak' 10.0%, 'tab\\there' 0.0%, … (5 in all)\n") != std::string::npos);
  CHECK(text.find("  total   numeric(15,2)            -          -               -\n") !=
        std::string::npos);
  CHECK(text.find("  Foreign key: orders_cust_fkey (id) REFERENCES crm.customer (cust_id)\n") !=
        std::string::npos);
  CHECK(text.find("      42 pages (672 kB), 123456 tuples, height 2 (estimated)\n") !=
        std::string::npos);
  CHECK(text.find("    orders_stx (ndistinct, dependencies, mcv) ON id, total, ((total + 1)), "
                  "analysed\n") != std::string::npos);
  CHECK(text.find("\nWarnings:\n  table sales.\"Orders\" was never analysed\n  second warning\n") !=
        std::string::npos);
  const std::string only = DescribeCatalog(c, {&c.tables[0]});
  CHECK(only == text);
  const Catalog restricted = RestrictToTables(c, {});
  CHECK(restricted.tables.empty());
  CHECK(restricted.indexes.empty());
  CHECK(restricted.settings == c.settings);
}

}  // namespace dbopt::catalog
