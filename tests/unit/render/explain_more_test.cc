// Expected strings: PostgreSQL 15's EXPLAIN output (psql -At) for the queries named in
// golden_plans_more.h, copied verbatim.
#include <doctest/doctest.h>

#include "dbopt/render/explain.h"
#include "golden_plans_more.h"

namespace dbopt::render {
namespace {

std::string Text(const plan::PlannedStatement& s) {
  auto text = RenderText(s, {});
  REQUIRE(text.ok());
  return text.value();
}

}  // namespace

TEST_SUITE("render explain more") {
  TEST_CASE("nested loop: the inner index scan prints the outer column with its prefix") {
    CHECK(Text(golden::NestedLoopParam()) == R"(Nested Loop  (cost=0.57..167.72 rows=49 width=85)
  ->  Index Scan using orders_pkey on orders o  (cost=0.29..9.14 rows=49 width=51)
        Index Cond: (o_orderkey < 50)
  ->  Index Scan using customer_pkey on customer c  (cost=0.28..3.24 rows=1 width=34)
        Index Cond: (c_custkey = o.o_custkey)
)");
  }

  TEST_CASE("anti join over an index only scan") {
    CHECK(Text(golden::AntiJoin()) == R"(Nested Loop Anti Join  (cost=0.28..9979.00 rows=1 width=51)
  ->  Seq Scan on orders o  (cost=0.00..610.00 rows=30000 width=51)
  ->  Index Only Scan using customer_pkey on customer c  (cost=0.28..0.30 rows=1 width=4)
        Index Cond: (c_custkey = o.o_custkey)
)");
  }

  TEST_CASE("merge left join with a prefixed sort key") {
    CHECK(Text(golden::MergeLeftJoin()) ==
          R"(Merge Left Join  (cost=1349.67..1624.17 rows=10000 width=85)
  Merge Cond: (c.c_custkey = o.o_custkey)
  ->  Index Scan using customer_pkey on customer c  (cost=0.28..117.28 rows=3000 width=34)
  ->  Sort  (cost=1349.39..1374.39 rows=10000 width=51)
        Sort Key: o.o_custkey
        ->  Seq Scan on orders o  (cost=0.00..685.00 rows=10000 width=51)
              Filter: (o_orderstatus = 'F'::bpchar)
)");
  }

  TEST_CASE("expression keys: parenthesized above a Sort, bare above the scan computing them") {
    CHECK(Text(golden::GroupAggregateExpression()) ==
          R"(GroupAggregate  (cost=2915.90..3170.90 rows=2400 width=40)
  Group Key: (EXTRACT(year FROM o_orderdate))
  ->  Sort  (cost=2915.90..2990.90 rows=30000 width=36)
        Sort Key: (EXTRACT(year FROM o_orderdate))
        ->  Seq Scan on orders  (cost=0.00..685.00 rows=30000 width=36)
)");
    CHECK(Text(golden::HashAggregateExpression()) ==
          R"(Sort  (cost=999.75..1005.75 rows=2400 width=40)
  Sort Key: (EXTRACT(year FROM o_orderdate))
  ->  HashAggregate  (cost=835.00..865.00 rows=2400 width=40)
        Group Key: EXTRACT(year FROM o_orderdate)
        ->  Seq Scan on orders  (cost=0.00..685.00 rows=30000 width=32)
)");
  }

  TEST_CASE("correlated SubPlan: the outer column prints with its prefix") {
    CHECK(Text(golden::CorrelatedSubPlan()) ==
          R"(Index Scan using customer_pkey on customer c  (cost=0.28..360.67 rows=9 width=45)
  Index Cond: (c_custkey < 10)
  SubPlan 1
    ->  Aggregate  (cost=39.13..39.14 rows=1 width=32)
          ->  Bitmap Heap Scan on orders o  (cost=4.37..39.10 rows=10 width=7)
                Recheck Cond: (o_custkey = c.c_custkey)
                ->  Bitmap Index Scan on orders_custkey_idx  (cost=0.00..4.36 rows=10 width=0)
                      Index Cond: (o_custkey = c.c_custkey)
)");
  }

  TEST_CASE("sort key directions and NULLS only when not the default") {
    CHECK(Text(golden::SortOptions()) == R"(Limit  (cost=127.12..127.13 rows=5 width=81)
  ->  Sort  (cost=127.11..134.61 rows=3000 width=81)
        Sort Key: ((c_acctbal * '2'::numeric)), c_name NULLS FIRST, c_custkey DESC NULLS LAST
        ->  Seq Scan on customer  (cost=0.00..70.00 rows=3000 width=81)
)");
  }

  TEST_CASE("HAVING as the aggregate's Filter") {
    CHECK(Text(golden::HavingFilter()) == R"(HashAggregate  (cost=92.50..92.56 rows=1 width=43)
  Group Key: c_mktsegment
  Filter: ((sum(c_acctbal) > '10'::numeric) AND (count(*) > 1))
  ->  Seq Scan on customer  (cost=0.00..55.00 rows=3000 width=21)
)");
  }

  TEST_CASE("WindowAgg run condition") {
    CHECK(Text(golden::WindowRunCondition()) == R"(WindowAgg  (cost=0.00..92.50 rows=3000 width=12)
  Run Condition: (count(*) OVER (?) > 1)
  ->  Seq Scan on customer  (cost=0.00..55.00 rows=3000 width=4)
)");
  }
}

}  // namespace dbopt::render
