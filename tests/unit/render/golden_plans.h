// Plan trees built by hand to match what PostgreSQL 15 planned for a few queries on the
// TPC-H-like test schema (customer 3,000 rows, orders 30,000 rows, indexes orders_pkey,
// customer_pkey, orders_custkey_idx, orders_date_idx). The costs, rows and widths are
// PostgreSQL's own, so the printers must reproduce PostgreSQL's EXPLAIN byte for byte.
#pragma once

#include "plan_fixture.h"

namespace dbopt::render::golden {

using namespace fixture;  // NOLINT(google-build-using-namespace): test builders
using plan::PlanKind;
using plan::PlannedStatement;

inline const catalog::Table& OrdersTable() {
  static const catalog::Table table = NamedTable("orders");
  return table;
}
inline const catalog::Table& CustomerTable() {
  static const catalog::Table table = NamedTable("customer");
  return table;
}

inline BoundExprPtr OrderDate(int varno = 1) { return Col(varno, 5, TypeId::kDate, "o_orderdate"); }
inline BoundExprPtr Before1995() { return Op("<", OrderDate(), Lit(TypeId::kDate, "1995-01-01")); }

// SELECT * FROM orders WHERE o_orderdate < '1995-01-01' AND o_orderstatus = 'F'
//   AND o_clerk = 'Clerk#1' AND o_big > 5 AND o_totalprice > -2.5 AND o_custkey <> -3
//   AND o_comment LIKE 'com%'
inline PlannedStatement BitmapScan() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto heap = Scan(PlanKind::kBitmapHeapScan, 1, 175.10, 876.76, 5, 51);
  heap->recheck_cond = List(Before1995());
  heap->filter =
      List(Op(">", Col(1, 8, TypeId::kInt8, "o_big"), Lit(TypeId::kInt4, "5")),
           Op(">", Col(1, 4, TypeId::kNumeric, "o_totalprice"), Lit(TypeId::kNumeric, "-2.5")),
           Op("<>", Col(1, 2, TypeId::kInt4, "o_custkey"), Lit(TypeId::kInt4, "-3")),
           Op("~~", Col(1, 7, TypeId::kText, "o_comment"), Lit(TypeId::kText, "com%")),
           Op("=", Col(1, 3, TypeId::kBpchar, "o_orderstatus"), Lit(TypeId::kBpchar, "F")),
           Op("=", Cast(Col(1, 6, TypeId::kVarchar, "o_clerk"), Ty(TypeId::kText)),
              Lit(TypeId::kText, "Clerk#1")));
  auto index = Scan(PlanKind::kBitmapIndexScan, 1, 0.00, 175.10, 14242, 0);
  index->index_name = "orders_date_idx";
  index->index_cond = List(Before1995());
  heap->children.push_back(std::move(index));
  s.plan = std::move(heap);
  return s;
}

// SELECT * FROM orders o WHERE o_orderkey = 42
inline PlannedStatement IndexScan() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "o", OrdersColumns()));
  auto scan = Scan(PlanKind::kIndexScan, 1, 0.29, 8.30, 1, 51);
  scan->index_name = "orders_pkey";
  scan->index_cond =
      List(Op("=", Col(1, 1, TypeId::kInt4, "o_orderkey"), Lit(TypeId::kInt4, "42")));
  s.plan = std::move(scan);
  return s;
}

// SELECT c_name, sum(o_totalprice) AS total, count(*) FROM customer c JOIN orders o
//   ON o.o_custkey = c.c_custkey WHERE c.c_mktsegment = 'BUILDING' GROUP BY c_name
//   ORDER BY 2 DESC
inline PlannedStatement HashJoinAggregate() {
  PlannedStatement s;
  s.rtable.push_back(Rel(CustomerTable(), "c", CustomerColumns()));
  s.rtable.push_back(Rel(OrdersTable(), "o", OrdersColumns()));
  bind::RangeTblEntry join;
  join.kind = bind::RteKind::kJoin;
  s.rtable.push_back(std::move(join));

  auto sort = Plan(PlanKind::kSort, 901.19, 903.69, 1000, 53);
  auto sum = Node(BoundKind::kAggref, List(Col(2, 4, TypeId::kNumeric, "o_totalprice")), "sum",
                  TypeId::kNumeric);
  sort->sort_keys.push_back(plan::SortKey{std::move(sum), true, true});
  auto agg = Plan(PlanKind::kAggregate, 838.86, 851.36, 1000, 53);
  agg->agg_strategy = plan::AggStrategy::kHashed;
  agg->group_keys = List(Col(1, 2, TypeId::kVarchar, "c_name"));
  auto join_node = Plan(PlanKind::kHashJoin, 75.00, 763.86, 10000, 20);
  join_node->inner_unique = true;
  join_node->hash_cond =
      List(Op("=", Col(2, 2, TypeId::kInt4, "o_custkey"), Col(1, 1, TypeId::kInt4, "c_custkey")));
  auto customer = Scan(PlanKind::kSeqScan, 1, 0.00, 62.50, 1000, 17);
  customer->filter =
      List(Op("=", Col(1, 3, TypeId::kBpchar, "c_mktsegment"), Lit(TypeId::kBpchar, "BUILDING")));
  auto hash = Plan(PlanKind::kHash, 62.50, 62.50, 1000, 17);
  hash->children.push_back(std::move(customer));
  join_node->children.push_back(Scan(PlanKind::kSeqScan, 2, 0.00, 610.00, 30000, 11));
  join_node->children.push_back(std::move(hash));
  agg->children.push_back(std::move(join_node));
  sort->children.push_back(std::move(agg));
  s.plan = std::move(sort);
  return s;
}

// SELECT * FROM customer WHERE c_custkey NOT IN (SELECT o_custkey FROM orders
//   WHERE o_totalprice > 1000) AND c_acctbal > (SELECT avg(c_acctbal) FROM customer)
inline PlannedStatement SubPlans() {
  PlannedStatement s;
  s.rtable.push_back(Rel(CustomerTable(), "customer", CustomerColumns()));
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  s.rtable.push_back(Rel(CustomerTable(), "customer", CustomerColumns()));
  auto top = Scan(PlanKind::kSeqScan, 1, 817.17, 887.17, 500, 34);
  auto subplan = Node(BoundKind::kSubPlan, {});
  subplan->subplan_id = 1;
  auto param = Node(BoundKind::kParam, {}, "", TypeId::kNumeric);
  param->param_kind = bind::ParamKind::kExec;
  param->param_id = 1;
  top->filter = List(Node(BoundKind::kNot, List(std::move(subplan))),
                     Op(">", Col(1, 4, TypeId::kNumeric, "c_acctbal"), std::move(param)));
  auto init = Plan(PlanKind::kAggregate, 62.50, 62.51, 1, 32);
  init->subplan_name = "InitPlan 2 (returns $1)";
  init->children.push_back(Scan(PlanKind::kSeqScan, 3, 0.00, 55.00, 3000, 6));
  auto orders = Scan(PlanKind::kSeqScan, 2, 0.00, 685.00, 27862, 4);
  orders->subplan_name = "SubPlan 1";
  orders->use_hash_table = true;
  orders->filter =
      List(Op(">", Col(2, 4, TypeId::kNumeric, "o_totalprice"), Lit(TypeId::kNumeric, "1000")));
  top->init_plans.push_back(std::move(init));
  top->sub_plans.push_back(std::move(orders));
  s.plan = std::move(top);
  return s;
}

// SELECT o_orderkey, o_orderdate FROM orders ORDER BY o_orderdate DESC LIMIT 10
inline PlannedStatement LimitBackward() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto limit = Plan(PlanKind::kLimit, 0.29, 0.90, 10, 8);
  auto scan = Scan(PlanKind::kIndexScan, 1, 0.29, 1825.90, 30000, 8);
  scan->index_name = "orders_date_idx";
  scan->direction = plan::ScanDirection::kBackward;
  limit->children.push_back(std::move(scan));
  s.plan = std::move(limit);
  return s;
}

// With parallel_setup_cost = 0, parallel_tuple_cost = 0, min_parallel_table_scan_size = 0:
// SELECT o_orderstatus, count(*) FROM orders GROUP BY o_orderstatus
inline PlannedStatement ParallelAggregate() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto status = [] { return Col(1, 3, TypeId::kBpchar, "o_orderstatus"); };
  auto final_agg = Plan(PlanKind::kAggregate, 497.58, 497.71, 3, 10);
  final_agg->agg_strategy = plan::AggStrategy::kSorted;
  final_agg->agg_split = plan::AggSplitMode::kFinalize;
  final_agg->group_keys = List(status());
  auto gather = Plan(PlanKind::kGatherMerge, 497.58, 497.65, 6, 10);
  gather->workers_planned = 2;
  auto sort = Plan(PlanKind::kSort, 497.55, 497.56, 3, 10);
  sort->sort_keys.push_back(plan::SortKey{status(), false, false});
  auto partial = Plan(PlanKind::kAggregate, 497.50, 497.53, 3, 10);
  partial->agg_strategy = plan::AggStrategy::kHashed;
  partial->agg_split = plan::AggSplitMode::kPartial;
  partial->group_keys = List(status());
  auto scan = Scan(PlanKind::kSeqScan, 1, 0.00, 435.00, 12500, 2);
  scan->parallel_aware = true;
  partial->children.push_back(std::move(scan));
  sort->children.push_back(std::move(partial));
  gather->children.push_back(std::move(sort));
  final_agg->children.push_back(std::move(gather));
  s.plan = std::move(final_agg);
  return s;
}

// SELECT * FROM orders ORDER BY o_orderdate, o_totalprice LIMIT 5 (planning took 0.389 ms)
inline PlannedStatement IncrementalSort() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  s.planning_ms = 0.389;
  auto limit = Plan(PlanKind::kLimit, 1.36, 1.87, 5, 51);
  auto sort = Plan(PlanKind::kIncrementalSort, 1.36, 3033.84, 30000, 51);
  sort->sort_keys.push_back(plan::SortKey{OrderDate(), false, false});
  sort->sort_keys.push_back(
      plan::SortKey{Col(1, 4, TypeId::kNumeric, "o_totalprice"), false, false});
  sort->presorted_keys = 1;
  auto scan = Scan(PlanKind::kIndexScan, 1, 0.29, 1825.90, 30000, 51);
  scan->index_name = "orders_date_idx";
  sort->children.push_back(std::move(scan));
  limit->children.push_back(std::move(sort));
  s.plan = std::move(limit);
  return s;
}

}  // namespace dbopt::render::golden
