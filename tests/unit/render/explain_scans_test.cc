// Expected strings: PostgreSQL 15's EXPLAIN and EXPLAIN (FORMAT JSON) output (psql -At) for
// the queries named in golden_scans.h, copied verbatim.
#include <doctest/doctest.h>

#include "dbopt/render/explain.h"
#include "golden_scans.h"

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

TEST_SUITE("render explain scans") {
  TEST_CASE("FunctionScan: text and JSON") {
    CHECK(Text(golden::FunctionScan()) ==
          R"(Function Scan on generate_series g  (cost=0.00..0.13 rows=3 width=4)
  Filter: (g > 3)
)");
    CHECK(Json(golden::FunctionScan()) == R"json([
  {
    "Plan": {
      "Node Type": "Function Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "Function Name": "generate_series",
      "Alias": "g",
      "Startup Cost": 0.00,
      "Total Cost": 0.13,
      "Plan Rows": 3,
      "Plan Width": 4,
      "Filter": "(g > 3)"
    }
  }
]
)json");
  }

  TEST_CASE("ValuesScan: text and JSON") {
    CHECK(Text(golden::ValuesScan()) ==
          R"(Values Scan on "*VALUES*"  (cost=0.00..0.03 rows=1 width=36)
  Filter: (column1 > 1)
)");
    CHECK(Json(golden::ValuesScan()) == R"json([
  {
    "Plan": {
      "Node Type": "Values Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "Alias": "*VALUES*",
      "Startup Cost": 0.00,
      "Total Cost": 0.03,
      "Plan Rows": 1,
      "Plan Width": 36,
      "Filter": "(column1 > 1)"
    }
  }
]
)json");
  }

  TEST_CASE("CteScan: text and JSON") {
    CHECK(Text(golden::CteScan()) == R"(CTE Scan on x  (cost=8.35..8.44 rows=3 width=134)
  Filter: ((c_name)::text <> 'a'::text)
  CTE x
    ->  Index Scan using customer_pkey on customer  (cost=0.28..8.35 rows=4 width=34)
          Index Cond: (c_custkey < 5)
)");
    CHECK(Json(golden::CteScan()) == R"json([
  {
    "Plan": {
      "Node Type": "CTE Scan",
      "Parallel Aware": false,
      "Async Capable": false,
      "CTE Name": "x",
      "Alias": "x",
      "Startup Cost": 8.35,
      "Total Cost": 8.44,
      "Plan Rows": 3,
      "Plan Width": 134,
      "Filter": "((c_name)::text <> 'a'::text)",
      "Plans": [
        {
          "Node Type": "Index Scan",
          "Parent Relationship": "InitPlan",
          "Subplan Name": "CTE x",
          "Parallel Aware": false,
          "Async Capable": false,
          "Scan Direction": "Forward",
          "Index Name": "customer_pkey",
          "Relation Name": "customer",
          "Alias": "customer",
          "Startup Cost": 0.28,
          "Total Cost": 8.35,
          "Plan Rows": 4,
          "Plan Width": 34,
          "Index Cond": "(c_custkey < 5)"
        }
      ]
    }
  }
]
)json");
  }

  TEST_CASE("HashSetOpExcept: text and JSON") {
    CHECK(Text(golden::HashSetOpExcept()) ==
          R"(HashSetOp Except  (cost=0.00..1242.50 rows=3000 width=8)
  ->  Append  (cost=0.00..1160.00 rows=33000 width=8)
        ->  Subquery Scan on "*SELECT* 1"  (cost=0.00..85.00 rows=3000 width=8)
              ->  Seq Scan on customer  (cost=0.00..55.00 rows=3000 width=4)
        ->  Subquery Scan on "*SELECT* 2"  (cost=0.00..910.00 rows=30000 width=8)
              ->  Seq Scan on orders  (cost=0.00..610.00 rows=30000 width=4)
)");
    CHECK(Json(golden::HashSetOpExcept()) == R"json([
  {
    "Plan": {
      "Node Type": "SetOp",
      "Strategy": "Hashed",
      "Parallel Aware": false,
      "Async Capable": false,
      "Command": "Except",
      "Startup Cost": 0.00,
      "Total Cost": 1242.50,
      "Plan Rows": 3000,
      "Plan Width": 8,
      "Plans": [
        {
          "Node Type": "Append",
          "Parent Relationship": "Outer",
          "Parallel Aware": false,
          "Async Capable": false,
          "Startup Cost": 0.00,
          "Total Cost": 1160.00,
          "Plan Rows": 33000,
          "Plan Width": 8,
          "Subplans Removed": 0,
          "Plans": [
            {
              "Node Type": "Subquery Scan",
              "Parent Relationship": "Member",
              "Parallel Aware": false,
              "Async Capable": false,
              "Alias": "*SELECT* 1",
              "Startup Cost": 0.00,
              "Total Cost": 85.00,
              "Plan Rows": 3000,
              "Plan Width": 8,
              "Plans": [
                {
                  "Node Type": "Seq Scan",
                  "Parent Relationship": "Subquery",
                  "Parallel Aware": false,
                  "Async Capable": false,
                  "Relation Name": "customer",
                  "Alias": "customer",
                  "Startup Cost": 0.00,
                  "Total Cost": 55.00,
                  "Plan Rows": 3000,
                  "Plan Width": 4
                }
              ]
            },
            {
              "Node Type": "Subquery Scan",
              "Parent Relationship": "Member",
              "Parallel Aware": false,
              "Async Capable": false,
              "Alias": "*SELECT* 2",
              "Startup Cost": 0.00,
              "Total Cost": 910.00,
              "Plan Rows": 30000,
              "Plan Width": 8,
              "Plans": [
                {
                  "Node Type": "Seq Scan",
                  "Parent Relationship": "Subquery",
                  "Parallel Aware": false,
                  "Async Capable": false,
                  "Relation Name": "orders",
                  "Alias": "orders",
                  "Startup Cost": 0.00,
                  "Total Cost": 610.00,
                  "Plan Rows": 30000,
                  "Plan Width": 4
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

  TEST_CASE("OneTimeFilter: text and JSON") {
    CHECK(Text(golden::OneTimeFilter()) == R"(Result  (cost=0.00..0.01 rows=1 width=4)
  One-Time Filter: false
)");
    CHECK(Json(golden::OneTimeFilter()) == R"json([
  {
    "Plan": {
      "Node Type": "Result",
      "Parallel Aware": false,
      "Async Capable": false,
      "Startup Cost": 0.00,
      "Total Cost": 0.01,
      "Plan Rows": 1,
      "Plan Width": 4,
      "One-Time Filter": "false"
    }
  }
]
)json");
  }
}

}  // namespace dbopt::render
