// Hand-built plans for PostgreSQL 15's non-relation scans on the test schema of
// golden_plans.h: function, VALUES, CTE and subquery scans under a set operation, and a
// Result with a one-time filter.
#pragma once

#include "golden_plans.h"

namespace dbopt::render::golden {

inline bind::RangeTblEntry Entry(bind::RteKind kind, std::string alias,
                                 std::vector<std::string> columns) {
  bind::RangeTblEntry rte;
  rte.kind = kind;
  rte.alias = std::move(alias);
  rte.column_names = std::move(columns);
  return rte;
}

// SELECT * FROM generate_series(1, 10) g WHERE g > 3
inline PlannedStatement FunctionScan() {
  PlannedStatement s;
  s.rtable.push_back(Entry(bind::RteKind::kFunction, "g", {"g"}));
  s.rtable[0].functions.push_back(Node(BoundKind::kFunc,
                                       List(Lit(TypeId::kInt4, "1"), Lit(TypeId::kInt4, "10")),
                                       "generate_series", TypeId::kInt4));
  auto scan = Scan(PlanKind::kFunctionScan, 1, 0.00, 0.13, 3, 4);
  scan->filter = List(Op(">", Col(1, 1, TypeId::kInt4, "g"), Lit(TypeId::kInt4, "3")));
  s.plan = std::move(scan);
  return s;
}

// SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(x, y) WHERE x > 1
inline PlannedStatement ValuesScan() {
  PlannedStatement s;
  s.rtable.push_back(Entry(bind::RteKind::kSubquery, "v", {"x", "y"}));
  s.rtable.push_back(Entry(bind::RteKind::kValues, "*VALUES*", {"column1", "column2"}));
  auto scan = Scan(PlanKind::kValuesScan, 2, 0.00, 0.03, 1, 36);
  scan->filter = List(Op(">", Col(2, 1, TypeId::kInt4, "column1"), Lit(TypeId::kInt4, "1")));
  s.plan = std::move(scan);
  return s;
}

// WITH x AS MATERIALIZED (SELECT * FROM customer WHERE c_custkey < 5)
//   SELECT * FROM x WHERE c_name <> 'a'
inline PlannedStatement CteScan() {
  PlannedStatement s;
  s.rtable.push_back(Entry(bind::RteKind::kCte, "x", CustomerColumns()));
  s.rtable.push_back(Rel(CustomerTable(), "customer", CustomerColumns()));
  auto scan = Scan(PlanKind::kCteScan, 1, 8.35, 8.44, 3, 134);
  scan->cte_name = "x";
  scan->filter = List(Op("<>", Cast(Col(1, 2, TypeId::kVarchar, "c_name"), Ty(TypeId::kText)),
                         Lit(TypeId::kText, "a")));
  auto cte = Scan(PlanKind::kIndexScan, 2, 0.28, 8.35, 4, 34);
  cte->index_name = "customer_pkey";
  cte->subplan_name = "CTE x";
  cte->index_cond = List(Op("<", Col(2, 1, TypeId::kInt4, "c_custkey"), Lit(TypeId::kInt4, "5")));
  scan->init_plans.push_back(std::move(cte));
  s.plan = std::move(scan);
  return s;
}

// SELECT c_custkey FROM customer EXCEPT SELECT o_custkey FROM orders
inline PlannedStatement HashSetOpExcept() {
  PlannedStatement s;
  s.rtable.push_back(Entry(bind::RteKind::kSubquery, "*SELECT* 1", {"c_custkey"}));
  s.rtable.push_back(Entry(bind::RteKind::kSubquery, "*SELECT* 2", {"o_custkey"}));
  s.rtable.push_back(Rel(CustomerTable(), "customer", CustomerColumns()));
  s.rtable.push_back(Rel(OrdersTable(), "orders", OrdersColumns()));
  auto setop = Plan(PlanKind::kSetOp, 0.00, 1242.50, 3000, 8);
  setop->setop_strategy = plan::SetOpStrategy::kHashed;
  setop->setop_command = plan::SetOpCommand::kExcept;
  auto append = Plan(PlanKind::kAppend, 0.00, 1160.00, 33000, 8);
  auto first = Scan(PlanKind::kSubqueryScan, 1, 0.00, 85.00, 3000, 8);
  first->children.push_back(Scan(PlanKind::kSeqScan, 3, 0.00, 55.00, 3000, 4));
  auto second = Scan(PlanKind::kSubqueryScan, 2, 0.00, 910.00, 30000, 8);
  second->children.push_back(Scan(PlanKind::kSeqScan, 4, 0.00, 610.00, 30000, 4));
  append->children.push_back(std::move(first));
  append->children.push_back(std::move(second));
  setop->children.push_back(std::move(append));
  s.plan = std::move(setop);
  return s;
}

// SELECT 1 WHERE false
inline PlannedStatement OneTimeFilter() {
  PlannedStatement s;
  s.rtable.push_back(Entry(bind::RteKind::kResult, "*RESULT*", {}));
  auto result = Plan(PlanKind::kResult, 0.00, 0.01, 1, 4);
  result->one_time_filter = List(Lit(TypeId::kBool, "f"));
  s.plan = std::move(result);
  return s;
}

}  // namespace dbopt::render::golden
