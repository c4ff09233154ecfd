// Hand-built plans for PostgreSQL 15's ModifyTable and Memoize nodes on the test schema of
// golden_plans.h (plus a table small(k integer) of 1,000 rows with 10 distinct values).
#pragma once

#include "golden_plans.h"

namespace dbopt::render::golden {

inline std::unique_ptr<plan::PlanNode> ModifyOrders(plan::ModifyOperation operation,
                                                    int scan_width) {
  auto modify = Scan(PlanKind::kModifyTable, 1, 0.29, 8.30, 0, 0);
  modify->operation = operation;
  auto scan = Scan(PlanKind::kIndexScan, 1, 0.29, 8.30, 1, scan_width);
  scan->index_name = "orders_pkey";
  scan->index_cond = List(Op("=", Col(1, 1, TypeId::kInt4, "o_orderkey"), Lit(TypeId::kInt4, "5")));
  modify->children.push_back(std::move(scan));
  return modify;
}

// DELETE FROM orders o WHERE o_orderkey = 5
inline PlannedStatement DeleteOrders() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "o", OrdersColumns()));
  s.plan = ModifyOrders(plan::ModifyOperation::kDelete, 6);
  return s;
}

// UPDATE orders SET o_comment = 'x' WHERE o_orderkey = 5
inline PlannedStatement UpdateOrders() {
  PlannedStatement s;
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  s.plan = ModifyOrders(plan::ModifyOperation::kUpdate, 38);
  return s;
}

inline const catalog::Table& SmallTable() {
  static const catalog::Table table = NamedTable("small");
  return table;
}

// SET enable_hashjoin = off; SET enable_mergejoin = off;
// SELECT * FROM small s JOIN customer c ON c.c_custkey = s.k
inline PlannedStatement MemoizedJoin() {
  PlannedStatement s;
  s.rtable.push_back(Rel(SmallTable(), "s", {"k"}));
  s.rtable.push_back(Rel(CustomerTable(), "c", CustomerColumns()));
  bind::RangeTblEntry join;
  join.kind = bind::RteKind::kJoin;
  s.rtable.push_back(std::move(join));
  auto loop = Plan(PlanKind::kNestLoop, 0.29, 44.85, 1000, 38);
  loop->inner_unique = true;
  auto memoize = Plan(PlanKind::kMemoize, 0.29, 0.45, 1, 34);
  memoize->cache_keys = List(Col(1, 1, TypeId::kInt4, "k"));
  auto scan = Scan(PlanKind::kIndexScan, 2, 0.28, 0.44, 1, 34);
  scan->index_name = "customer_pkey";
  scan->index_cond =
      List(Op("=", Col(2, 1, TypeId::kInt4, "c_custkey"), Col(1, 1, TypeId::kInt4, "k")));
  memoize->children.push_back(std::move(scan));
  loop->children.push_back(Scan(PlanKind::kSeqScan, 1, 0.00, 15.00, 1000, 4));
  loop->children.push_back(std::move(memoize));
  s.plan = std::move(loop);
  return s;
}

}  // namespace dbopt::render::golden
