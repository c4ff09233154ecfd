// Small builders for render tests: bound expressions, range tables and plan nodes built by
// hand, shaped like what PostgreSQL 15 planned for the queries in the tests (the expected
// strings there are PostgreSQL 15's own EXPLAIN output for those queries).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/plan/plan_node.h"

namespace dbopt::render::fixture {

using bind::BoundExprPtr;
using bind::BoundKind;
using bind::TypeId;

inline bind::Type Ty(TypeId id) { return bind::MakeType(id); }

inline BoundExprPtr Col(int varno, int attno, TypeId type, std::string name) {
  return bind::MakeVar(varno, attno, Ty(type), std::move(name));
}
inline BoundExprPtr Lit(TypeId type, std::string value) {
  return bind::MakeConst(Ty(type), std::move(value));
}
inline BoundExprPtr ArrayLit(TypeId element, std::string value) {
  bind::Type type = Ty(element);
  type.array = true;
  return bind::MakeConst(type, std::move(value));
}
inline BoundExprPtr Op(std::string op, BoundExprPtr left, BoundExprPtr right,
                       TypeId result = TypeId::kBool) {
  return bind::MakeOp(op, bind::ClassifyOperator(op), Ty(result), std::move(left),
                      std::move(right));
}
inline BoundExprPtr Cast(BoundExprPtr arg, bind::Type type,
                         bind::CastFormat format = bind::CastFormat::kImplicit) {
  auto e = std::make_unique<bind::BoundExpr>(BoundKind::kCast);
  e->type = type;
  e->cast_format = format;
  e->args.push_back(std::move(arg));
  return e;
}
inline BoundExprPtr Node(BoundKind kind, std::vector<BoundExprPtr> args, std::string name = "",
                         TypeId type = TypeId::kBool) {
  auto e = std::make_unique<bind::BoundExpr>(kind);
  e->type = Ty(type);
  e->name = std::move(name);
  e->args = std::move(args);
  return e;
}
template <typename... T>
std::vector<BoundExprPtr> List(T&&... items) {
  std::vector<BoundExprPtr> out;
  (out.push_back(std::forward<T>(items)), ...);
  return out;
}

// A relation entry with its columns; `table` must outlive the statement.
inline bind::RangeTblEntry Rel(const catalog::Table& table, std::string alias,
                               std::vector<std::string> columns) {
  bind::RangeTblEntry rte;
  rte.kind = bind::RteKind::kRelation;
  rte.table = &table;
  rte.alias_written = alias != table.name;
  rte.alias = std::move(alias);
  rte.column_names = std::move(columns);
  return rte;
}

inline catalog::Table NamedTable(std::string name) {
  catalog::Table t;
  t.name = std::move(name);
  return t;
}

inline std::unique_ptr<plan::PlanNode> Plan(plan::PlanKind kind, double startup, double total,
                                            double rows, int width) {
  auto node = std::make_unique<plan::PlanNode>();
  node->kind = kind;
  node->startup_cost = startup;
  node->total_cost = total;
  node->rows = rows;
  node->width = width;
  return node;
}

inline std::unique_ptr<plan::PlanNode> Scan(plan::PlanKind kind, int rtindex, double startup,
                                            double total, double rows, int width) {
  auto node = Plan(kind, startup, total, rows, width);
  node->scan_rtindex = rtindex;
  return node;
}

// The columns of the test tables (TPC-H-like: the schema the PostgreSQL outputs came from).
inline std::vector<std::string> OrdersColumns() {
  return {"o_orderkey",  "o_custkey", "o_orderstatus", "o_totalprice",
          "o_orderdate", "o_clerk",   "o_comment",     "o_big"};
}
inline std::vector<std::string> CustomerColumns() {
  return {"c_custkey", "c_name", "c_mktsegment", "c_acctbal"};
}

}  // namespace dbopt::render::fixture
