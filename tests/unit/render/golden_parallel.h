// Hand-built plans for PostgreSQL 15's Gather and BitmapOr nodes on the test schema of
// golden_plans.h.
#pragma once

#include "golden_plans.h"

namespace dbopt::render::golden {

// With parallel_setup_cost = 0, parallel_tuple_cost = 0, min_parallel_table_scan_size = 0:
// SELECT * FROM orders WHERE o_comment LIKE '%7%'
inline PlannedStatement GatherScan() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto gather = Plan(PlanKind::kGather, 0.00, 466.25, 18788, 51);
  gather->workers_planned = 2;
  auto scan = Scan(PlanKind::kSeqScan, 1, 0.00, 466.25, 7828, 51);
  scan->parallel_aware = true;
  scan->filter = List(Op("~~", Col(1, 7, TypeId::kText, "o_comment"), Lit(TypeId::kText, "%7%")));
  gather->children.push_back(std::move(scan));
  s.plan = std::move(gather);
  return s;
}

// SELECT * FROM orders WHERE o_custkey = 5 OR o_orderdate = '1995-03-01'
inline PlannedStatement BitmapOrScan() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto by_customer = [] {
    return Op("=", Col(1, 2, TypeId::kInt4, "o_custkey"), Lit(TypeId::kInt4, "5"));
  };
  auto by_date = [] { return Op("=", OrderDate(), Lit(TypeId::kDate, "1995-03-01")); };
  auto heap = Scan(PlanKind::kBitmapHeapScan, 1, 8.75, 79.50, 22, 51);
  heap->recheck_cond = List(Node(BoundKind::kOr, List(by_customer(), by_date())));
  auto bitmap_or = Plan(PlanKind::kBitmapOr, 8.75, 8.75, 22, 0);
  auto first = Scan(PlanKind::kBitmapIndexScan, 1, 0.00, 4.36, 10, 0);
  first->index_name = "orders_custkey_idx";
  first->index_cond = List(by_customer());
  auto second = Scan(PlanKind::kBitmapIndexScan, 1, 0.00, 4.38, 12, 0);
  second->index_name = "orders_date_idx";
  second->index_cond = List(by_date());
  bitmap_or->children.push_back(std::move(first));
  bitmap_or->children.push_back(std::move(second));
  heap->children.push_back(std::move(bitmap_or));
  s.plan = std::move(heap);
  return s;
}

}  // namespace dbopt::render::golden
