// Each expected string is PostgreSQL 15's EXPLAIN (FORMAT JSON) output (psql -At) for the
// query named in golden_plans.h, copied verbatim (plus the final newline dbopt prints).
#include <doctest/doctest.h>

#include "dbopt/render/explain.h"
#include "golden_plans.h"

namespace dbopt::render {
namespace {

std::string Json(const plan::PlannedStatement& s, bool summary = false) {
  JsonOptions options;
  options.summary = summary;
  auto json = RenderJson(s, options);
  REQUIRE(json.ok());
  return json.value();
}

}  // namespace

TEST_SUITE("render explain json") {
  TEST_CASE("bitmap heap scan over a bitmap index scan") {
    CHECK(Json(golden::BitmapScan()) == R"json([
  {
    "Plan": {
      "Node Type": "Bitmap Heap Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "Relation Name": "orders",
      "Alias": "orders",
      "Startup Cost": 175.10,
      "Total Cost": 876.76,
      "Plan Rows": 5,
      "Plan Width": 51,
      "Recheck Cond": "(o_orderdate < '1995-01-01'::date)",
      "Filter": "((o_big > 5) AND (o_totalprice > '-2.5'::numeric) AND (o_custkey <> '-3'::integer) AND (o_comment ~~ 'com%'::text) AND (o_orderstatus = 'F'::bpchar) AND ((o_clerk)::text = 'Clerk#1'::text))",
      "Plans": [
        {
          "Node Type": "Bitmap Index Scan",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Index Name": "orders_date_idx",
          "Startup Cost": 0.00,
          "Total Cost": 175.10,
          "Plan Rows": 14242,
          "Plan Width": 0,
          "Index Cond": "(o_orderdate < '1995-01-01'::date)"
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("index scan: Scan Direction and Index Name before the relation") {
    CHECK(Json(golden::IndexScan()) == R"json([
  {
    "Plan": {
      "Node Type": "Index Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "Scan Direction": "Forward",
      "Index Name": "orders_pkey",
      "Relation Name": "orders",
      "Alias": "o",
      "Startup Cost": 0.29,
      "Total Cost": 8.30,
      "Plan Rows": 1,
      "Plan Width": 51,
      "Index Cond": "(o_orderkey = 42)"
    }
  }
]
)json");
  }

  TEST_CASE("hash join, hash aggregate (Planned Partitions), sort, Inner Unique") {
    CHECK(Json(golden::HashJoinAggregate()) == R"json([
  {
    "Plan": {
      "Node Type": "Sort",
      "Parallel Aware": false,
      "Async Capable": false,
      "Startup Cost": 901.19,
      "Total Cost": 903.69,
      "Plan Rows": 1000,
      "Plan Width": 53,
      "Sort Key": ["(sum(o.o_totalprice)) DESC"],
      "Plans": [
        {
          "Node Type": "Aggregate",
          "Strategy": "Hashed",
          "Partial Mode": "Simple",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 838.86,
          "Total Cost": 851.36,
          "Plan Rows": 1000,
          "Plan Width": 53,
          "Group Key": ["c.c_name"],
          "Planned Partitions": 0,
          "Plans": [
            {
              "Node Type": "Hash Join",
              "Parent Relationship": "Outer",
              "Parallel Aware": false,
              "Async Capable": false,
              "Join Type": "Inner",
              "Startup Cost": 75.00,
              "Total Cost": 763.86,
              "Plan Rows": 10000,
              "Plan Width": 20,
              "Inner Unique": true,
              "Hash Cond": "(o.o_custkey = c.c_custkey)",
              "Plans": [
                {
                  "Node Type": "Seq Scan",
                  "Parent Relationship": "Outer",
                  "Parallel Aware": false,
                  "Async Capable": false,
                  "Relation Name": "orders",
                  "Alias": "o",
                  "Startup Cost": 0.00,
                  "Total Cost": 610.00,
                  "Plan Rows": 30000,
                  "Plan Width": 11
                },
                {
                  "Node Type": "Hash",
                  "Parent Relationship": "Inner",
                  "Parallel Aware": false,
                  "Async Capable": false,
                  "Startup Cost": 62.50,
                  "Total Cost": 62.50,
                  "Plan Rows": 1000,
                  "Plan Width": 17,
                  "Plans": [
                    {
                      "Node Type": "Seq Scan",
                      "Parent Relationship": "Outer",
                      "Parallel Aware": false,
                      "Async Capable": false,
                      "Relation Name": "customer",
                      "Alias": "c",
                      "Startup Cost": 0.00,
                      "Total Cost": 62.50,
                      "Plan Rows": 1000,
                      "Plan Width": 17,
                      "Filter": "(c_mktsegment = 'BUILDING'::bpchar)"
                    }
                  ]
                }
              ]
            }
          ]
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("InitPlan and SubPlan children with Subplan Name") {
    CHECK(Json(golden::SubPlans()) == R"json([
  {
    "Plan": {
      "Node Type": "Seq Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "Relation Name": "customer",
      "Alias": "customer",
      "Startup Cost": 817.17,
      "Total Cost": 887.17,
      "Plan Rows": 500,
      "Plan Width": 34,
      "Filter": "((NOT (hashed SubPlan 1)) AND (c_acctbal > $1))",
      "Plans": [
        {
          "Node Type": "Aggregate",
          "Strategy": "Plain",
          "Partial Mode": "Simple",
          "Parent Relationship": "InitPlan",
          "Subplan Name": "InitPlan 2 (returns $1)",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 62.50,
          "Total Cost": 62.51,
          "Plan Rows": 1,
          "Plan Width": 32,
          "Plans": [
            {
              "Node Type": "Seq Scan",
              "Parent Relationship": "Outer",
              "Parallel Aware": false,
              "Async Capable": false,
              "Relation Name": "customer",
              "Alias": "customer_1",
              "Startup Cost": 0.00,
              "Total Cost": 55.00,
              "Plan Rows": 3000,
              "Plan Width": 6
            }
          ]
        },
        {
          "Node Type": "Seq Scan",
          "Parent Relationship": "SubPlan",
          "Subplan Name": "SubPlan 1",
          "Parallel Aware": false,
          "Async Capable": false,
          "Relation Name": "orders",
          "Alias": "orders",
          "Startup Cost": 0.00,
          "Total Cost": 685.00,
          "Plan Rows": 27862,
          "Plan Width": 4,
          "Filter": "(o_totalprice > '1000'::numeric)"
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("limit over a backward index scan") {
    CHECK(Json(golden::LimitBackward()) == R"json([
  {
    "Plan": {
      "Node Type": "Limit",
      "Parallel Aware": false,
      "Async Capable": false,
      "Startup Cost": 0.29,
      "Total Cost": 0.90,
      "Plan Rows": 10,
      "Plan Width": 8,
      "Plans": [
        {
          "Node Type": "Index Scan",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Scan Direction": "Backward",
          "Index Name": "orders_date_idx",
          "Relation Name": "orders",
          "Alias": "orders",
          "Startup Cost": 0.29,
          "Total Cost": 1825.90,
          "Plan Rows": 30000,
          "Plan Width": 8
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("parallel aggregation: Partial Mode, Gather Merge workers") {
    CHECK(Json(golden::ParallelAggregate()) == R"json([
  {
    "Plan": {
      "Node Type": "Aggregate",
      "Strategy": "Sorted",
      "Partial Mode": "Finalize",
      "Parallel Aware": false,
      "Async Capable": false,
      "Startup Cost": 497.58,
      "Total Cost": 497.71,
      "Plan Rows": 3,
      "Plan Width": 10,
      "Group Key": ["o_orderstatus"],
      "Plans": [
        {
          "Node Type": "Gather Merge",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 497.58,
          "Total Cost": 497.65,
          "Plan Rows": 6,
          "Plan Width": 10,
          "Workers Planned": 2,
          "Plans": [
            {
              "Node Type": "Sort",
              "Parent Relationship": "Outer",
              "Parallel Aware": false,
              "Async Capable": false,
              "Startup Cost": 497.55,
              "Total Cost": 497.56,
              "Plan Rows": 3,
              "Plan Width": 10,
              "Sort Key": ["o_orderstatus"],
              "Plans": [
                {
                  "Node Type": "Aggregate",
                  "Strategy": "Hashed",
                  "Partial Mode": "Partial",
                  "Parent Relationship": "Outer",
                  "Parallel Aware": false,
                  "Async Capable": false,
                  "Startup Cost": 497.50,
                  "Total Cost": 497.53,
                  "Plan Rows": 3,
                  "Plan Width": 10,
                  "Group Key": ["o_orderstatus"],
                  "Planned Partitions": 0,
                  "Plans": [
                    {
                      "Node Type": "Seq Scan",
                      "Parent Relationship": "Outer",
                      "Parallel Aware": true,
                      "Async Capable": false,
                      "Relation Name": "orders",
                      "Alias": "orders",
                      "Startup Cost": 0.00,
                      "Total Cost": 435.00,
                      "Plan Rows": 12500,
                      "Plan Width": 2
                    }
                  ]
                }
              ]
            }
          ]
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("incremental sort with Planning Time") {
    CHECK(Json(golden::IncrementalSort(), true) == R"json([
  {
    "Plan": {
      "Node Type": "Limit",
      "Parallel Aware": false,
      "Async Capable": false,
      "Startup Cost": 1.36,
      "Total Cost": 1.87,
      "Plan Rows": 5,
      "Plan Width": 51,
      "Plans": [
        {
          "Node Type": "Incremental Sort",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 1.36,
          "Total Cost": 3033.84,
          "Plan Rows": 30000,
          "Plan Width": 51,
          "Sort Key": ["o_orderdate", "o_totalprice"],
          "Presorted Key": ["o_orderdate"],
          "Plans": [
            {
              "Node Type": "Index Scan",
              "Parent Relationship": "Outer",
              "Parallel Aware": false,
              "Async Capable": false,
              "Scan Direction": "Forward",
              "Index Name": "orders_date_idx",
              "Relation Name": "orders",
              "Alias": "orders",
              "Startup Cost": 0.29,
              "Total Cost": 1825.90,
              "Plan Rows": 30000,
              "Plan Width": 51
            }
          ]
        }
      ]
    },
    "Planning Time": 0.389
  }
]
)json");
  }

  TEST_CASE("dbopt extras: dbopt Why per node and dbopt Notes at the top level") {
    auto s = golden::IndexScan();
    s.plan->why = {"index orders_pkey: 8.30 vs seq scan 685.00", "1 of 30000 rows \"match\""};
    s.notes = {"no statistics for orders"};
    const std::string json = Json(s);
    CHECK(json.find("      \"Index Cond\": \"(o_orderkey = 42)\",\n      \"dbopt Why\": "
                    "[\"index orders_pkey: 8.30 vs seq scan 685.00\", \"1 of 30000 rows "
                    "\\\"match\\\"\"]\n    },\n    \"dbopt Notes\": [\"no statistics for "
                    "orders\"]\n  }\n]\n") != std::string::npos);
    JsonOptions plain;
    plain.dbopt_extras = false;
    auto without = RenderJson(s, plain);
    REQUIRE(without.ok());
    CHECK(without.value() == Json(golden::IndexScan()));
  }
}

}  // namespace dbopt::render
