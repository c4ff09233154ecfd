// UNION / INTERSECT / EXCEPT and VALUES lists (PostgreSQL's analyze.c transformSetOperationStmt,
// transformSetOperationTree, transformValuesClause).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"

namespace dbopt::bind::internal {
namespace {

const char* SetOpText(sql::SetOp op) {
  return op == sql::SetOp::kUnion ? "UNION" : op == sql::SetOp::kIntersect ? "INTERSECT" : "EXCEPT";
}

// A parenthesized set operation with its own ORDER BY/LIMIT/WITH is a leaf (a subquery).
bool IsLeaf(const sql::SelectStmt& s) {
  return s.set_op == sql::SetOp::kNone || s.with || !s.order_by.empty() || s.limit || s.offset ||
         !s.locking.empty();
}

// exprLocation of a raw expression: the leftmost of the node and its first operand.
int LeftmostLocation(const sql::Expr& e) {
  int loc = e.location;
  if (!e.children.empty() && e.children[0]) {
    const int first = LeftmostLocation(*e.children[0]);
    if (first >= 0 && (loc < 0 || first < loc)) loc = first;
  }
  return loc;
}

struct SetOpBuilder {
  Binder& binder;
  Level& level;
  int leaf_count = 0;

  Result<std::unique_ptr<SetOperation>> Build(const sql::SelectStmt& s, bool top) {
    auto node = std::make_unique<SetOperation>();
    if (!top && IsLeaf(s)) {
      BIND_TRY(std::shared_ptr<Query> sub, binder.BindSelect(s, &level));
      RangeTblEntry rte;
      rte.kind = RteKind::kSubquery;
      rte.alias = "*SELECT* " + std::to_string(++leaf_count);
      for (const TargetEntry& t : sub->targets) {
        if (t.resjunk) continue;
        rte.column_names.push_back(t.name);
        rte.column_types.push_back(t.expr->type);
      }
      rte.subquery = sub;
      node->leaf = true;
      node->column_types = rte.column_types;
      level.query->rtable.push_back(std::move(rte));
      node->rtindex = static_cast<int>(level.query->rtable.size());
      return node;
    }
    node->op = s.set_op == sql::SetOp::kUnion       ? SetOpKind::kUnion
               : s.set_op == sql::SetOp::kIntersect ? SetOpKind::kIntersect
                                                    : SetOpKind::kExcept;
    node->all = s.set_all;
    BIND_TRY(node->left, Build(*s.left, false));
    BIND_TRY(node->right, Build(*s.right, false));
    const std::vector<Type>& lt = node->left->column_types;
    const std::vector<Type>& rt = node->right->column_types;
    if (lt.size() != rt.size()) {
      return binder.ErrorAt(s.location, std::string("each ") + SetOpText(s.set_op) +
                                            " query must have the same number of columns");
    }
    for (size_t i = 0; i < lt.size(); ++i) {
      std::vector<BoundExprPtr> pair;
      pair.push_back(MakeConst(lt[i], ""));
      pair.push_back(MakeConst(rt[i], ""));
      BIND_TRY(Type common, binder.CommonType(pair, SetOpText(s.set_op), s.location));
      node->column_types.push_back(common);
    }
    return node;
  }
};

}  // namespace

Result<std::shared_ptr<Query>> Binder::BindSetOperation(const sql::SelectStmt& select,
                                                        Level* parent) {
  auto query = std::make_shared<Query>();
  Level level;
  level.query = query.get();
  level.parent = parent;
  if (select.with) BIND_CHECK(BindWith(*select.with, level));
  if (!select.locking.empty()) {
    return ErrorAt(select.location, "FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT");
  }
  SetOpBuilder builder{*this, level};
  BIND_TRY(query->set_operations, builder.Build(select, true));
  query->jointree.kind = JoinNode::Kind::kFromList;
  // The result columns: named after the leftmost leaf, typed by the whole tree.
  const SetOperation* leftmost = query->set_operations.get();
  while (!leftmost->leaf) leftmost = leftmost->left.get();
  const RangeTblEntry& first = query->rtable[leftmost->rtindex - 1];
  const std::vector<Type>& types = query->set_operations->column_types;
  for (size_t i = 0; i < types.size(); ++i) {
    TargetEntry t;
    t.expr = MakeVar(leftmost->rtindex, static_cast<int>(i) + 1, types[i], first.column_names[i]);
    t.name = first.column_names[i];
    t.resno = static_cast<int>(i) + 1;
    query->targets.push_back(std::move(t));
  }
  // ORDER BY / LIMIT see only the result columns, by name or position.
  for (const sql::SortItem& item : select.order_by) {
    const sql::Expr& e = *item.expr;
    const bool by_name = e.kind == sql::ExprKind::kColumnRef && e.names.size() == 1;
    const bool by_position =
        e.kind == sql::ExprKind::kConst && e.const_kind == sql::ConstKind::kInteger;
    if (!by_name && !by_position) {
      return ErrorAt(LeftmostLocation(e), "invalid UNION/INTERSECT/EXCEPT ORDER BY clause",
                     "Only result column names can be used, not expressions or functions.");
    }
  }
  level.context = ExprContext::kOrderBy;
  BIND_TRY(query->order_by, BindOrderBy(select.order_by, level, false));
  for (const TargetEntry& t : query->targets) {
    if (t.resjunk) {
      return ErrorAt(select.location, "invalid UNION/INTERSECT/EXCEPT ORDER BY clause",
                     "Only result column names can be used, not expressions or functions.");
    }
  }
  level.context = ExprContext::kLimit;
  if (select.limit) {
    BIND_TRY(BoundExprPtr limit, BindExpr(*select.limit, level));
    BIND_TRY(query->limit_count,
             Coerce(std::move(limit), MakeType(TypeId::kInt8), false, select.limit->location));
  }
  if (select.offset) {
    BIND_TRY(BoundExprPtr offset, BindExpr(*select.offset, level));
    BIND_TRY(query->limit_offset,
             Coerce(std::move(offset), MakeType(TypeId::kInt8), false, select.offset->location));
  }
  query->limit_with_ties = select.limit_with_ties;
  return query;
}

Result<std::shared_ptr<Query>> Binder::BindValues(const sql::SelectStmt& select, Level* parent) {
  auto query = std::make_shared<Query>();
  Level level;
  level.query = query.get();
  level.parent = parent;
  level.lateral_active = true;
  if (select.with) BIND_CHECK(BindWith(*select.with, level));
  level.context = ExprContext::kValues;
  const size_t width = select.values[0].size();
  std::vector<std::vector<BoundExprPtr>> rows;
  for (const std::vector<sql::ExprPtr>& row : select.values) {
    if (row.size() != width) {
      return ErrorAt(row.empty() ? select.location : row[0]->location,
                     "VALUES lists must all be the same length");
    }
    std::vector<BoundExprPtr> bound;
    for (const sql::ExprPtr& e : row) {
      BIND_TRY(BoundExprPtr b, BindExpr(*e, level));
      bound.push_back(std::move(b));
    }
    rows.push_back(std::move(bound));
  }
  RangeTblEntry rte;
  rte.kind = RteKind::kValues;
  rte.alias = "*VALUES*";
  for (size_t c = 0; c < width; ++c) {
    std::vector<BoundExprPtr> column;
    for (auto& row : rows) column.push_back(std::move(row[c]));
    BIND_TRY(Type common, CommonType(column, "VALUES", select.location));
    for (size_t r = 0; r < rows.size(); ++r) rows[r][c] = std::move(column[r]);
    rte.column_names.push_back("column" + std::to_string(c + 1));
    rte.column_types.push_back(common);
  }
  rte.values = std::move(rows);
  query->rtable.push_back(std::move(rte));
  query->jointree.kind = JoinNode::Kind::kFromList;
  auto leaf = std::make_unique<JoinNode>();
  leaf->rtindex = 1;
  query->jointree.children.push_back(std::move(leaf));
  NsItem ns = MakeNsItem(*query, 1);
  for (size_t c = 0; c < width; ++c) {
    TargetEntry t;
    t.expr = MakeVar(1, static_cast<int>(c) + 1, ns.columns[c].type, ns.columns[c].name);
    t.name = ns.columns[c].name;
    t.resno = static_cast<int>(c) + 1;
    query->targets.push_back(std::move(t));
  }
  level.ns.push_back(std::move(ns));
  level.lateral_active = false;
  level.context = ExprContext::kOrderBy;
  BIND_TRY(query->order_by, BindOrderBy(select.order_by, level, true));
  if (select.limit) {
    level.context = ExprContext::kLimit;
    BIND_TRY(BoundExprPtr limit, BindExpr(*select.limit, level));
    BIND_TRY(query->limit_count,
             Coerce(std::move(limit), MakeType(TypeId::kInt8), false, select.limit->location));
  }
  return query;
}

}  // namespace dbopt::bind::internal
