// Each expected string is PostgreSQL 15's EXPLAIN output (psql -At) for the query named in
// golden_plans.h, copied verbatim.
#include <doctest/doctest.h>

#include "dbopt/render/explain.h"
#include "golden_plans.h"

namespace dbopt::render {
namespace {

std::string Text(const plan::PlannedStatement& s, TextOptions options = {}) {
  auto text = RenderText(s, options);
  REQUIRE(text.ok());
  return text.value();
}

}  // namespace

TEST_SUITE("render explain text") {
  TEST_CASE("bitmap scan: date, bpchar, varchar, bigint, numeric, negative and LIKE quals") {
    CHECK(Text(golden::BitmapScan()) ==
          R"(Bitmap Heap Scan on orders  (cost=175.10..876.76 rows=5 width=51)
  Recheck Cond: (o_orderdate < '1995-01-01'::date)
  Filter: ((o_big > 5) AND (o_totalprice > '-2.5'::numeric) AND (o_custkey <> '-3'::integer) AND (o_comment ~~ 'com%'::text) AND (o_orderstatus = 'F'::bpchar) AND ((o_clerk)::text = 'Clerk#1'::text))
  ->  Bitmap Index Scan on orders_date_idx  (cost=0.00..175.10 rows=14242 width=0)
        Index Cond: (o_orderdate < '1995-01-01'::date)
)");
  }

  TEST_CASE("index scan with an alias") {
    CHECK(Text(golden::IndexScan()) ==
          R"(Index Scan using orders_pkey on orders o  (cost=0.29..8.30 rows=1 width=51)
  Index Cond: (o_orderkey = 42)
)");
  }

  TEST_CASE("hash join under a hash aggregate under a sort") {
    CHECK(Text(golden::HashJoinAggregate()) ==
          R"(Sort  (cost=901.19..903.69 rows=1000 width=53)
  Sort Key: (sum(o.o_totalprice)) DESC
  ->  HashAggregate  (cost=838.86..851.36 rows=1000 width=53)
        Group Key: c.c_name
        ->  Hash Join  (cost=75.00..763.86 rows=10000 width=20)
              Hash Cond: (o.o_custkey = c.c_custkey)
              ->  Seq Scan on orders o  (cost=0.00..610.00 rows=30000 width=11)
              ->  Hash  (cost=62.50..62.50 rows=1000 width=17)
                    ->  Seq Scan on customer c  (cost=0.00..62.50 rows=1000 width=17)
                          Filter: (c_mktsegment = 'BUILDING'::bpchar)
)");
  }

  TEST_CASE("InitPlan before the children, hashed SubPlan after, unique alias customer_1") {
    CHECK(Text(golden::SubPlans()) ==
          R"(Seq Scan on customer  (cost=817.17..887.17 rows=500 width=34)
  Filter: ((NOT (hashed SubPlan 1)) AND (c_acctbal > $1))
  InitPlan 2 (returns $1)
    ->  Aggregate  (cost=62.50..62.51 rows=1 width=32)
          ->  Seq Scan on customer customer_1  (cost=0.00..55.00 rows=3000 width=6)
  SubPlan 1
    ->  Seq Scan on orders  (cost=0.00..685.00 rows=27862 width=4)
          Filter: (o_totalprice > '1000'::numeric)
)");
  }

  TEST_CASE("limit over a backward index scan") {
    CHECK(Text(golden::LimitBackward()) ==
          R"(Limit  (cost=0.29..0.90 rows=10 width=8)
  ->  Index Scan Backward using orders_date_idx on orders  (cost=0.29..1825.90 rows=30000 width=8)
)");
  }

  TEST_CASE("parallel partial and finalize aggregation") {
    CHECK(Text(golden::ParallelAggregate()) ==
          R"(Finalize GroupAggregate  (cost=497.58..497.71 rows=3 width=10)
  Group Key: o_orderstatus
  ->  Gather Merge  (cost=497.58..497.65 rows=6 width=10)
        Workers Planned: 2
        ->  Sort  (cost=497.55..497.56 rows=3 width=10)
              Sort Key: o_orderstatus
              ->  Partial HashAggregate  (cost=497.50..497.53 rows=3 width=10)
                    Group Key: o_orderstatus
                    ->  Parallel Seq Scan on orders  (cost=0.00..435.00 rows=12500 width=2)
)");
  }

  TEST_CASE("incremental sort with the summary line") {
    TextOptions options;
    options.summary = true;
    CHECK(Text(golden::IncrementalSort(), options) ==
          R"(Limit  (cost=1.36..1.87 rows=5 width=51)
  ->  Incremental Sort  (cost=1.36..3033.84 rows=30000 width=51)
        Sort Key: o_orderdate, o_totalprice
        Presorted Key: o_orderdate
        ->  Index Scan using orders_date_idx on orders  (cost=0.29..1825.90 rows=30000 width=51)
Planning Time: 0.389 ms
)");
  }

  TEST_CASE("--why lists each node's reasons under its number; notes follow") {
    auto s = golden::LimitBackward();
    s.plan->children[0]->why = {"index orders_date_idx backward: 1825.90 vs sort 3240.10"};
    s.notes = {"table orders: statistics are 3 days old"};
    TextOptions options;
    options.why = true;
    options.notes = true;
    CHECK(Text(s, options) ==
          R"(Limit  (cost=0.29..0.90 rows=10 width=8)
  ->  Index Scan Backward using orders_date_idx on orders  (cost=0.29..1825.90 rows=30000 width=8)

Why (per plan node, numbered from the top of the plan):
[2] Index Scan Backward using orders_date_idx on orders
    index orders_date_idx backward: 1825.90 vs sort 3240.10
Note: table orders: statistics are 3 days old
)");
    CHECK(Text(s).find("Why") == std::string::npos);
  }

  TEST_CASE("node names follow join types, strategies and flags; text-only-when-set lines") {
    auto s = golden::HashJoinAggregate();
    plan::PlanNode& agg = *s.plan->children[0];
    agg.planned_partitions = 4;
    plan::PlanNode& join = *agg.children[0];
    join.join_type = plan::JoinType::kSemi;
    join.parallel_aware = true;
    join.children[1]->parallel_aware = true;
    const std::string text = Text(s);
    CHECK(text.find("        Group Key: c.c_name\n        Planned Partitions: 4\n") !=
          std::string::npos);
    CHECK(text.find("->  Parallel Hash Semi Join  (cost=") != std::string::npos);
    CHECK(text.find("->  Parallel Hash  (cost=") != std::string::npos);
    join.kind = plan::PlanKind::kMergeJoin;
    join.parallel_aware = false;
    join.join_type = plan::JoinType::kFull;
    CHECK(Text(s).find("->  Merge Full Join  (cost=") != std::string::npos);
    join.kind = plan::PlanKind::kNestLoop;
    join.join_type = plan::JoinType::kRight;
    CHECK(Text(s).find("->  Nested Loop Right Join  (cost=") != std::string::npos);
    agg.agg_strategy = plan::AggStrategy::kMixed;
    CHECK(Text(s).find("->  MixedAggregate  (cost=") != std::string::npos);
    auto gather = golden::LimitBackward();
    gather.plan->kind = plan::PlanKind::kGather;
    gather.plan->workers_planned = 1;
    gather.plan->single_copy = true;
    CHECK(Text(gather).find("Gather  (cost=0.29..0.90 rows=10 width=8)\n  Workers Planned: 1\n"
                            "  Single Copy: true\n") == 0);
    gather.plan->kind = plan::PlanKind::kSetOp;
    gather.plan->setop_command = plan::SetOpCommand::kIntersectAll;
    CHECK(Text(gather).find("SetOp Intersect All  (cost=") == 0);
  }

  TEST_CASE("no plan is an internal error") {
    plan::PlannedStatement empty;
    CHECK_FALSE(RenderText(empty, {}).ok());
  }
}

}  // namespace dbopt::render
