// Expected strings: PostgreSQL 15's EXPLAIN and EXPLAIN (FORMAT JSON) output (psql -At) for
// the queries named in golden_parallel.h, copied verbatim.
#include <doctest/doctest.h>

#include "dbopt/render/explain.h"
#include "golden_parallel.h"

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

TEST_SUITE("render explain parallel and bitmap") {
  TEST_CASE("Gather: Workers Planned; Single Copy only in JSON when false") {
    CHECK(Text(golden::GatherScan()) == R"(Gather  (cost=0.00..466.25 rows=18788 width=51)
  Workers Planned: 2
  ->  Parallel Seq Scan on orders  (cost=0.00..466.25 rows=7828 width=51)
        Filter: (o_comment ~~ '%7%'::text)
)");
    CHECK(Json(golden::GatherScan()) == R"json([
  {
    "Plan": {
      "Node Type": "Gather",
      "Parallel Aware": false,
      "Async Capable": false,
      "Startup Cost": 0.00,
      "Total Cost": 466.25,
      "Plan Rows": 18788,
      "Plan Width": 51,
      "Workers Planned": 2,
      "Single Copy": false,
      "Plans": [
        {
          "Node Type": "Seq Scan",
          "Parent Relationship": "Outer",
          "Parallel Aware": true,
          "Async Capable": false,
          "Relation Name": "orders",
          "Alias": "orders",
          "Startup Cost": 0.00,
          "Total Cost": 466.25,
          "Plan Rows": 7828,
          "Plan Width": 51,
          "Filter": "(o_comment ~~ '%7%'::text)"
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("BitmapOr members") {
    CHECK(Text(golden::BitmapOrScan()) ==
          R"(Bitmap Heap Scan on orders  (cost=8.75..79.50 rows=22 width=51)
  Recheck Cond: ((o_custkey = 5) OR (o_orderdate = '1995-03-01'::date))
  ->  BitmapOr  (cost=8.75..8.75 rows=22 width=0)
        ->  Bitmap Index Scan on orders_custkey_idx  (cost=0.00..4.36 rows=10 width=0)
              Index Cond: (o_custkey = 5)
        ->  Bitmap Index Scan on orders_date_idx  (cost=0.00..4.38 rows=12 width=0)
              Index Cond: (o_orderdate = '1995-03-01'::date)
)");
    CHECK(Json(golden::BitmapOrScan()) == R"json([
  {
    "Plan": {
      "Node Type": "Bitmap Heap Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "Relation Name": "orders",
      "Alias": "orders",
      "Startup Cost": 8.75,
      "Total Cost": 79.50,
      "Plan Rows": 22,
      "Plan Width": 51,
      "Recheck Cond": "((o_custkey = 5) OR (o_orderdate = '1995-03-01'::date))",
      "Plans": [
        {
          "Node Type": "BitmapOr",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 8.75,
          "Total Cost": 8.75,
          "Plan Rows": 22,
          "Plan Width": 0,
          "Plans": [
            {
              "Node Type": "Bitmap Index Scan",
              "Parent Relationship": "Member",
              "Parallel Aware": false,
              "Async Capable": false,
              "Index Name": "orders_custkey_idx",
              "Startup Cost": 0.00,
              "Total Cost": 4.36,
              "Plan Rows": 10,
              "Plan Width": 0,
              "Index Cond": "(o_custkey = 5)"
            },
            {
              "Node Type": "Bitmap Index Scan",
              "Parent Relationship": "Member",
              "Parallel Aware": false,
              "Async Capable": false,
              "Index Name": "orders_date_idx",
              "Startup Cost": 0.00,
              "Total Cost": 4.38,
              "Plan Rows": 12,
              "Plan Width": 0,
              "Index Cond": "(o_orderdate = '1995-03-01'::date)"
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
