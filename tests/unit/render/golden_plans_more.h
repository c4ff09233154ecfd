// More hand-built plans matching PostgreSQL 15's plans on the test schema of golden_plans.h:
// joins with parameters, sort and group keys over expressions, CTE, function, VALUES and
// set-operation scans, window run conditions and one-time filters.
#pragma once

#include "golden_plans.h"

namespace dbopt::render::golden {

inline bind::RangeTblEntry JoinEntry() {
  bind::RangeTblEntry join;
  join.kind = bind::RteKind::kJoin;
  return join;
}

inline std::unique_ptr<plan::PlanNode> IndexScanOn(PlanKind kind, int rtindex, std::string index,
                                                   double startup, double total, double rows,
                                                   int width) {
  auto scan = Scan(kind, rtindex, startup, total, rows, width);
  scan->index_name = std::move(index);
  return scan;
}

// SET enable_hashjoin = off; SET enable_mergejoin = off;
// SELECT * FROM orders o JOIN customer c ON c.c_custkey = o.o_custkey WHERE o.o_orderkey < 50
inline PlannedStatement NestedLoopParam() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "o", OrdersColumns()));
  s.rtable.push_back(Rel(CustomerTable(), "c", CustomerColumns()));
  s.rtable.push_back(JoinEntry());
  auto loop = Plan(PlanKind::kNestLoop, 0.57, 167.72, 49, 85);
  auto outer = IndexScanOn(PlanKind::kIndexScan, 1, "orders_pkey", 0.29, 9.14, 49, 51);
  outer->index_cond =
      List(Op("<", Col(1, 1, TypeId::kInt4, "o_orderkey"), Lit(TypeId::kInt4, "50")));
  auto inner = IndexScanOn(PlanKind::kIndexScan, 2, "customer_pkey", 0.28, 3.24, 1, 34);
  inner->index_cond =
      List(Op("=", Col(2, 1, TypeId::kInt4, "c_custkey"), Col(1, 2, TypeId::kInt4, "o_custkey")));
  loop->children.push_back(std::move(outer));
  loop->children.push_back(std::move(inner));
  s.plan = std::move(loop);
  return s;
}

// SELECT * FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customer c
//   WHERE c.c_custkey = o.o_custkey)   (hash and merge joins off)
inline PlannedStatement AntiJoin() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "o", OrdersColumns()));
  s.rtable.push_back(Rel(CustomerTable(), "c", CustomerColumns()));
  auto loop = Plan(PlanKind::kNestLoop, 0.28, 9979.00, 1, 51);
  loop->join_type = plan::JoinType::kAnti;
  loop->children.push_back(Scan(PlanKind::kSeqScan, 1, 0.00, 610.00, 30000, 51));
  auto inner = IndexScanOn(PlanKind::kIndexOnlyScan, 2, "customer_pkey", 0.28, 0.30, 1, 4);
  inner->index_cond =
      List(Op("=", Col(2, 1, TypeId::kInt4, "c_custkey"), Col(1, 2, TypeId::kInt4, "o_custkey")));
  loop->children.push_back(std::move(inner));
  s.plan = std::move(loop);
  return s;
}

// SET enable_hashjoin = off; SELECT * FROM customer c LEFT JOIN orders o
//   ON o.o_custkey = c.c_custkey AND o.o_orderstatus = 'F'
inline PlannedStatement MergeLeftJoin() {
  PlannedStatement s;
  s.rtable.push_back(Rel(CustomerTable(), "c", CustomerColumns()));
  s.rtable.push_back(Rel(OrdersTable(), "o", OrdersColumns()));
  s.rtable.push_back(JoinEntry());
  auto join = Plan(PlanKind::kMergeJoin, 1349.67, 1624.17, 10000, 85);
  join->join_type = plan::JoinType::kLeft;
  join->merge_cond =
      List(Op("=", Col(1, 1, TypeId::kInt4, "c_custkey"), Col(2, 2, TypeId::kInt4, "o_custkey")));
  auto sort = Plan(PlanKind::kSort, 1349.39, 1374.39, 10000, 51);
  sort->sort_keys.push_back(plan::SortKey{Col(2, 2, TypeId::kInt4, "o_custkey"), false, false});
  auto orders = Scan(PlanKind::kSeqScan, 2, 0.00, 685.00, 10000, 51);
  orders->filter =
      List(Op("=", Col(2, 3, TypeId::kBpchar, "o_orderstatus"), Lit(TypeId::kBpchar, "F")));
  sort->children.push_back(std::move(orders));
  join->children.push_back(
      IndexScanOn(PlanKind::kIndexScan, 1, "customer_pkey", 0.28, 117.28, 3000, 34));
  join->children.push_back(std::move(sort));
  s.plan = std::move(join);
  return s;
}

inline BoundExprPtr ExtractYear() {
  auto e = Node(BoundKind::kFunc, List(Lit(TypeId::kText, "year"), OrderDate()), "extract",
                TypeId::kNumeric);
  e->func_format = bind::FuncFormat::kSqlSyntax;
  return e;
}

// SET enable_hashagg = off; SELECT extract(year FROM o_orderdate) AS y,
//   count(DISTINCT o_custkey) FROM orders GROUP BY 1
inline PlannedStatement GroupAggregateExpression() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto agg = Plan(PlanKind::kAggregate, 2915.90, 3170.90, 2400, 40);
  agg->agg_strategy = plan::AggStrategy::kSorted;
  agg->group_keys = List(ExtractYear());
  auto sort = Plan(PlanKind::kSort, 2915.90, 2990.90, 30000, 36);
  sort->sort_keys.push_back(plan::SortKey{ExtractYear(), false, false});
  sort->children.push_back(Scan(PlanKind::kSeqScan, 1, 0.00, 685.00, 30000, 36));
  agg->children.push_back(std::move(sort));
  s.plan = std::move(agg);
  return s;
}

// SELECT extract(year FROM o_orderdate) AS y, count(*) FROM orders GROUP BY 1 ORDER BY 1
inline PlannedStatement HashAggregateExpression() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto sort = Plan(PlanKind::kSort, 999.75, 1005.75, 2400, 40);
  sort->sort_keys.push_back(plan::SortKey{ExtractYear(), false, false});
  auto agg = Plan(PlanKind::kAggregate, 835.00, 865.00, 2400, 40);
  agg->agg_strategy = plan::AggStrategy::kHashed;
  agg->group_keys = List(ExtractYear());
  agg->children.push_back(Scan(PlanKind::kSeqScan, 1, 0.00, 685.00, 30000, 32));
  sort->children.push_back(std::move(agg));
  s.plan = std::move(sort);
  return s;
}

// SELECT c_name, (SELECT max(o_totalprice) FROM orders o WHERE o.o_custkey = c.c_custkey)
//   FROM customer c WHERE c_custkey < 10
inline PlannedStatement CorrelatedSubPlan() {
  PlannedStatement s;
  s.rtable.push_back(Rel(CustomerTable(), "c", CustomerColumns()));
  s.rtable.push_back(Rel(OrdersTable(), "o", OrdersColumns()));
  auto top = IndexScanOn(PlanKind::kIndexScan, 1, "customer_pkey", 0.28, 360.67, 9, 45);
  top->index_cond = List(Op("<", Col(1, 1, TypeId::kInt4, "c_custkey"), Lit(TypeId::kInt4, "10")));
  auto correlated = [] {
    return Op("=", Col(2, 2, TypeId::kInt4, "o_custkey"), Col(1, 1, TypeId::kInt4, "c_custkey"));
  };
  auto agg = Plan(PlanKind::kAggregate, 39.13, 39.14, 1, 32);
  agg->subplan_name = "SubPlan 1";
  auto heap = Scan(PlanKind::kBitmapHeapScan, 2, 4.37, 39.10, 10, 7);
  heap->recheck_cond = List(correlated());
  auto index = IndexScanOn(PlanKind::kBitmapIndexScan, 2, "orders_custkey_idx", 0.00, 4.36, 10, 0);
  index->index_cond = List(correlated());
  heap->children.push_back(std::move(index));
  agg->children.push_back(std::move(heap));
  top->sub_plans.push_back(std::move(agg));
  s.plan = std::move(top);
  return s;
}

// SELECT c_custkey, -c_acctbal, c_acctbal * 2 FROM customer
//   ORDER BY c_acctbal * 2, c_name NULLS FIRST, c_custkey DESC NULLS LAST LIMIT 5 OFFSET 2
inline PlannedStatement SortOptions() {
  PlannedStatement s;
  s.rtable.push_back(Rel(CustomerTable(), "customer", CustomerColumns()));
  auto limit = Plan(PlanKind::kLimit, 127.12, 127.13, 5, 81);
  auto sort = Plan(PlanKind::kSort, 127.11, 134.61, 3000, 81);
  sort->sort_keys.push_back(plan::SortKey{Op("*", Col(1, 4, TypeId::kNumeric, "c_acctbal"),
                                             Lit(TypeId::kNumeric, "2"), TypeId::kNumeric),
                                          false, false});
  sort->sort_keys.push_back(plan::SortKey{Col(1, 2, TypeId::kVarchar, "c_name"), false, true});
  sort->sort_keys.push_back(plan::SortKey{Col(1, 1, TypeId::kInt4, "c_custkey"), true, false});
  sort->children.push_back(Scan(PlanKind::kSeqScan, 1, 0.00, 70.00, 3000, 81));
  limit->children.push_back(std::move(sort));
  s.plan = std::move(limit);
  return s;
}

// SELECT c_mktsegment, sum(c_acctbal) FILTER (WHERE c_custkey > 5) FROM customer
//   GROUP BY c_mktsegment HAVING sum(c_acctbal) > 10 AND count(*) > 1
inline PlannedStatement HavingFilter() {
  PlannedStatement s;
  s.rtable.push_back(Rel(CustomerTable(), "customer", CustomerColumns()));
  auto agg = Plan(PlanKind::kAggregate, 92.50, 92.56, 1, 43);
  agg->agg_strategy = plan::AggStrategy::kHashed;
  agg->group_keys = List(Col(1, 3, TypeId::kBpchar, "c_mktsegment"));
  auto sum = Node(BoundKind::kAggref, List(Col(1, 4, TypeId::kNumeric, "c_acctbal")), "sum",
                  TypeId::kNumeric);
  auto count = Node(BoundKind::kAggref, {}, "count", TypeId::kInt8);
  count->agg_star = true;
  agg->filter = List(Op(">", std::move(sum), Lit(TypeId::kNumeric, "10")),
                     Op(">", std::move(count), Lit(TypeId::kInt4, "1")));
  agg->children.push_back(Scan(PlanKind::kSeqScan, 1, 0.00, 55.00, 3000, 21));
  s.plan = std::move(agg);
  return s;
}

// SELECT * FROM (SELECT c_custkey, count(*) OVER () AS n FROM customer) s WHERE s.n > 1
inline PlannedStatement WindowRunCondition() {
  PlannedStatement s;
  bind::RangeTblEntry sub;
  sub.kind = bind::RteKind::kSubquery;
  sub.alias = "s";
  sub.column_names = {"c_custkey", "n"};
  s.rtable.push_back(std::move(sub));
  s.rtable.push_back(Rel(CustomerTable(), "customer", CustomerColumns()));
  auto window = Plan(PlanKind::kWindowAgg, 0.00, 92.50, 3000, 12);
  auto count = Node(BoundKind::kWindowFunc, {}, "count", TypeId::kInt8);
  count->agg_star = true;
  window->run_condition = List(Op(">", std::move(count), Lit(TypeId::kInt4, "1")));
  window->children.push_back(Scan(PlanKind::kSeqScan, 2, 0.00, 55.00, 3000, 4));
  s.plan = std::move(window);
  return s;
}

}  // namespace dbopt::render::golden
