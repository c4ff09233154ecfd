// Expected strings: PostgreSQL 15's EXPLAIN and EXPLAIN (FORMAT JSON) output (psql -At) for
// the statements named in golden_modify.h, copied verbatim.
#include <doctest/doctest.h>

#include "dbopt/render/explain.h"
#include "golden_modify.h"

namespace dbopt::render {
namespace {

std::string Text(const plan::PlannedStatement& s) {
  auto text = RenderText(s, {});
  REQUIRE(text.ok());
  return text.value();
}

std::string Json(const plan::PlannedStatement& s) {
  auto json = RenderJson(s, {});
  REQUIRE(json.ok());
  return json.value();
}

}  // namespace

TEST_SUITE("render explain modify") {
  TEST_CASE("Delete and Update name their target like a scan") {
    CHECK(Text(golden::DeleteOrders()) == R"(Delete on orders o  (cost=0.29..8.30 rows=0 width=0)
  ->  Index Scan using orders_pkey on orders o  (cost=0.29..8.30 rows=1 width=6)
        Index Cond: (o_orderkey = 5)
)");
    CHECK(Text(golden::UpdateOrders()) == R"(Update on orders  (cost=0.29..8.30 rows=0 width=0)
  ->  Index Scan using orders_pkey on orders  (cost=0.29..8.30 rows=1 width=38)
        Index Cond: (o_orderkey = 5)
)");
    CHECK(Json(golden::UpdateOrders()) == R"json([
  {
    "Plan": {
      "Node Type": "ModifyTable",
      "Operation": "Update",
      "Parallel Aware": false,
      "Async Capable": false,
      "Relation Name": "orders",
      "Alias": "orders",
      "Startup Cost": 0.29,
      "Total Cost": 8.30,
      "Plan Rows": 0,
      "Plan Width": 0,
      "Plans": [
        {
          "Node Type": "Index Scan",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Scan Direction": "Forward",
          "Index Name": "orders_pkey",
          "Relation Name": "orders",
          "Alias": "orders",
          "Startup Cost": 0.29,
          "Total Cost": 8.30,
          "Plan Rows": 1,
          "Plan Width": 38,
          "Index Cond": "(o_orderkey = 5)"
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("Memoize: Cache Key with its prefix, Cache Mode") {
    CHECK(Text(golden::MemoizedJoin()) == R"(Nested Loop  (cost=0.29..44.85 rows=1000 width=38)
  ->  Seq Scan on small s  (cost=0.00..15.00 rows=1000 width=4)
  ->  Memoize  (cost=0.29..0.45 rows=1 width=34)
        Cache Key: s.k
        Cache Mode: logical
        ->  Index Scan using customer_pkey on customer c  (cost=0.28..0.44 rows=1 width=34)
              Index Cond: (c_custkey = s.k)
)");
    CHECK(Json(golden::MemoizedJoin()) == R"json([
  {
    "Plan": {
      "Node Type": "Nested Loop",
      "Parallel Aware": false,
      "Async Capable": false,
      "Join Type": "Inner",
      "Startup Cost": 0.29,
      "Total Cost": 44.85,
      "Plan Rows": 1000,
      "Plan Width": 38,
      "Inner Unique": true,
      "Plans": [
        {
          "Node Type": "Seq Scan",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Relation Name": "small",
          "Alias": "s",
          "Startup Cost": 0.00,
          "Total Cost": 15.00,
          "Plan Rows": 1000,
          "Plan Width": 4
        },
        {
          "Node Type": "Memoize",
          "Parent Relationship": "Inner",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 0.29,
          "Total Cost": 0.45,
          "Plan Rows": 1,
          "Plan Width": 34,
          "Cache Key": "s.k",
          "Cache Mode": "logical",
          "Plans": [
            {
              "Node Type": "Index Scan",
              "Parent Relationship": "Outer",
              "Parallel Aware": false,
              "Async Capable": false,
              "Scan Direction": "Forward",
              "Index Name": "customer_pkey",
              "Relation Name": "customer",
              "Alias": "c",
              "Startup Cost": 0.28,
              "Total Cost": 0.44,
              "Plan Rows": 1,
              "Plan Width": 34,
              "Index Cond": "(c_custkey = s.k)"
            }
          ]
        }
      ]
    }
  }
]
)json");
  }
}

}  // namespace dbopt::render
