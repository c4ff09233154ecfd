// INSERT, UPDATE, DELETE and RETURNING (PostgreSQL's analyze.c transformInsertStmt,
// transformUpdateStmt, transformDeleteStmt, transformReturningList; parse_target.c
// transformAssignedExpr; the rewriter's default filling for INSERT).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"
#include "dbopt/sql/parser.h"

namespace dbopt::bind::internal {
namespace {

bool IsNumberType(const Type& t) { return !t.array && CategoryOf(t) == TypeCategory::kNumeric; }

// Assignment coercion (COERCION_ASSIGNMENT): the implicit casts plus numeric narrowing, any
// string to any string and timestamp to date.
Result<BoundExprPtr> AssignCoerce(Binder& binder, BoundExprPtr expr, const Type& target,
                                  const std::string& column, int location) {
  Type base = target;
  base.length = -1;
  base.scale = -1;
  const Type from = expr->type;
  const bool ok =
      from.id == TypeId::kUnknown || (from.id == base.id && from.array == base.array) ||
      (IsNumberType(from) && IsNumberType(base)) || (IsStringType(from) && IsStringType(base)) ||
      (CategoryOf(from) == TypeCategory::kDateTime && CategoryOf(base) == TypeCategory::kDateTime);
  if (!ok) {
    return binder.ErrorAt(expr->location >= 0 ? expr->location : location,
                          "column \"" + column + "\" is of type " + FormatType(target) +
                              " but expression is of type " + FormatType(from),
                          "You will need to rewrite or cast the expression.");
  }
  if (from.id == base.id && from.array == base.array) return expr;
  if (expr->kind == BoundKind::kConst && from.id == TypeId::kUnknown) {
    expr->type = base;
    return expr;
  }
  auto cast = std::make_unique<BoundExpr>(BoundKind::kCast);
  cast->type = base;
  cast->cast_format = CastFormat::kImplicit;
  cast->func_format = FuncFormat::kImplicitCast;
  cast->location = location;
  cast->args.push_back(std::move(expr));
  return BoundExprPtr(std::move(cast));
}

// The column's DEFAULT, bound as an expression; a NULL of the column's type when there is none.
Result<BoundExprPtr> DefaultFor(Binder& binder, const catalog::Column& column, Level& level,
                                int location) {
  const Type type = ParseTypeText(column.type);
  if (!column.default_expr) return MakeConst(type, "", true);
  auto parsed = sql::ParseStatement("SELECT " + *column.default_expr, "<default>");
  if (!parsed.ok() || !parsed->select || parsed->select->targets.size() != 1) {
    return binder.NotSupported(location, "the DEFAULT of column \"" + column.name + "\"");
  }
  Level isolated;
  isolated.query = level.query;
  auto bound = binder.BindExpr(*parsed->select->targets[0].expr, isolated);
  if (!bound.ok()) {
    return binder.NotSupported(
        location, "the DEFAULT of column \"" + column.name + "\" (" + *column.default_expr + ")");
  }
  BoundExprPtr e = std::move(bound).value();
  e->location = -1;
  return AssignCoerce(binder, std::move(e), type, column.name, location);
}

Result<NsItem> AddTarget(Binder& binder, const sql::QualifiedName& table, const sql::Alias& alias,
                         bool only, Level& level) {
  BIND_TRY(NsItem ns, binder.AddRelation(table, alias, only, level, table.location));
  RangeTblEntry& rte = level.query->rtable[ns.rtindex - 1];
  if (rte.kind != RteKind::kRelation) {
    return binder.NotSupported(table.location, "modifying a WITH query");
  }
  level.query->result_relation = ns.rtindex;
  return ns;
}

// One `column = value` of UPDATE SET or ON CONFLICT DO UPDATE SET, as a target entry.
Result<TargetEntry> BindSetClause(Binder& binder, const sql::SetClause& set,
                                  const catalog::Table& table, int target_rtindex, Level& level) {
  if (set.columns.size() != 1) return binder.NotSupported(set.location, "multi-column SET");
  int attno = -1;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == set.columns[0]) attno = static_cast<int>(i);
  }
  if (attno < 0) {
    return binder.ErrorAt(set.location, "column \"" + set.columns[0] + "\" of relation \"" +
                                            table.name + "\" does not exist");
  }
  const catalog::Column& col = table.columns[attno];
  BoundExprPtr value;
  if (set.value->kind == sql::ExprKind::kDefault) {
    BIND_TRY(value, DefaultFor(binder, col, level, set.location));
  } else {
    BIND_TRY(BoundExprPtr e, binder.BindExpr(*set.value, level));
    BIND_TRY(value, AssignCoerce(binder, std::move(e), ParseTypeText(col.type), col.name,
                                 set.value->location));
  }
  TargetEntry t;
  t.expr = std::move(value);
  t.name = col.name;
  t.resno = attno + 1;
  t.origin_varno = target_rtindex;
  return t;
}

// ON CONFLICT (transformOnConflictClause): the arbiter, and for DO UPDATE the EXCLUDED
// pseudo-relation, the SET list and the WHERE.
Status BindOnConflict(Binder& binder, const sql::OnConflict& oc, const catalog::Table& table,
                      Level& level) {
  Query& q = *level.query;
  OnConflict bound;
  for (const sql::IndexKey& k : oc.target) {
    if (k.column.empty()) return binder.NotSupported(oc.location, "ON CONFLICT on an expression");
    bound.arbiter_columns.push_back(k.column);
  }
  if (oc.target_where) return binder.NotSupported(oc.location, "ON CONFLICT (...) WHERE");
  bound.constraint = oc.constraint;
  if (oc.action == sql::OnConflictAction::kUpdate) {
    bound.action = OnConflict::Action::kUpdate;
    if (bound.arbiter_columns.empty() && bound.constraint.empty()) {
      return binder.ErrorAt(oc.location,
                            "ON CONFLICT DO UPDATE requires inference specification or "
                            "constraint name",
                            "For example, ON CONFLICT (column_name).");
    }
    RangeTblEntry excluded;
    excluded.kind = RteKind::kRelation;
    excluded.table = &table;
    excluded.alias = "excluded";
    excluded.alias_written = true;
    excluded.in_from_clause = false;
    excluded.column_names = q.rtable[q.result_relation - 1].column_names;
    excluded.column_types = q.rtable[q.result_relation - 1].column_types;
    q.rtable.push_back(std::move(excluded));
    bound.exclusion_rtindex = static_cast<int>(q.rtable.size());
    level.ns.push_back(Binder::MakeNsItem(q, bound.exclusion_rtindex));
    level.context = ExprContext::kUpdateSet;
    for (const sql::SetClause& set : oc.set) {
      BIND_TRY(TargetEntry t, BindSetClause(binder, set, table, q.result_relation, level));
      bound.set.push_back(std::move(t));
    }
    if (oc.where) {
      level.context = ExprContext::kWhere;
      BIND_TRY(bound.where, binder.BindBoolExpr(*oc.where, level, "WHERE"));
    }
    level.ns.pop_back();
  }
  q.on_conflict = std::move(bound);
  return Ok{};
}

}  // namespace

Status Binder::BindReturning(const std::vector<sql::ResultTarget>& returning, Level& level) {
  if (returning.empty()) return Ok{};
  level.context = ExprContext::kReturning;
  std::vector<TargetEntry> saved = std::move(level.query->targets);
  level.query->targets.clear();
  Status st = BindTargets(returning, level);
  level.query->returning = std::move(level.query->targets);
  level.query->targets = std::move(saved);
  return st;
}

Result<std::shared_ptr<Query>> Binder::BindInsert(const sql::InsertStmt& insert, Level* parent) {
  auto query = std::make_shared<Query>();
  query->command = CommandType::kInsert;
  Level level;
  level.query = query.get();
  level.parent = parent;
  if (insert.with) BIND_CHECK(BindWith(*insert.with, level));
  sql::Alias alias;
  alias.name = insert.alias;
  BIND_TRY(NsItem target, AddTarget(*this, insert.table, alias, false, level));
  query->rtable[0].in_from_clause = false;
  query->jointree.kind = JoinNode::Kind::kFromList;
  const catalog::Table& table = *query->rtable[target.rtindex - 1].table;
  std::vector<int> attnos;  // 0-based columns, in the order of the source's columns
  for (const std::string& name : insert.columns) {
    int found = -1;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (table.columns[i].name == name) found = static_cast<int>(i);
    }
    if (found < 0) {
      return ErrorAt(insert.table.location,
                     "column \"" + name + "\" of relation \"" + table.name + "\" does not exist");
    }
    attnos.push_back(found);
  }
  if (insert.columns.empty()) {
    for (size_t i = 0; i < table.columns.size(); ++i) attnos.push_back(static_cast<int>(i));
  }
  std::vector<BoundExprPtr> values(table.columns.size());
  const sql::SelectStmt* src = insert.source.get();
  const bool single_row = src && src->values.size() == 1 && src->set_op == sql::SetOp::kNone &&
                          !src->with && src->order_by.empty() && !src->limit;
  if (single_row) {
    // One VALUES row: its expressions are the target list (no VALUES scan).
    const auto& row = src->values[0];
    if (row.size() > attnos.size()) {
      return ErrorAt(row[attnos.size()]->location,
                     "INSERT has more expressions than target columns");
    }
    level.context = ExprContext::kValues;
    for (size_t i = 0; i < row.size(); ++i) {
      if (row[i]->kind == sql::ExprKind::kDefault) continue;
      BIND_TRY(BoundExprPtr e, BindExpr(*row[i], level));
      const catalog::Column& col = table.columns[attnos[i]];
      BIND_TRY(values[attnos[i]], AssignCoerce(*this, std::move(e), ParseTypeText(col.type),
                                               col.name, row[i]->location));
    }
  } else if (src) {
    for (const auto& row : src->values) {
      for (const sql::ExprPtr& e : row) {
        if (e->kind == sql::ExprKind::kDefault) {
          return NotSupported(e->location, "DEFAULT in a multi-row VALUES list");
        }
      }
    }
    BIND_TRY(std::shared_ptr<Query> sub, BindSelect(*src, &level));
    RangeTblEntry rte;
    rte.kind = RteKind::kSubquery;
    rte.alias = "*SELECT*";
    for (const TargetEntry& t : sub->targets) {
      if (t.resjunk) continue;
      rte.column_names.push_back(t.name);
      rte.column_types.push_back(t.expr->type);
    }
    rte.subquery = sub;
    if (rte.column_names.size() > attnos.size()) {
      return ErrorAt(src->location, "INSERT has more expressions than target columns");
    }
    query->rtable.push_back(std::move(rte));
    const int rtindex = static_cast<int>(query->rtable.size());
    auto leaf = std::make_unique<JoinNode>();
    leaf->rtindex = rtindex;
    query->jointree.children.push_back(std::move(leaf));
    const RangeTblEntry& sub_rte = query->rtable[rtindex - 1];
    for (size_t i = 0; i < sub_rte.column_names.size(); ++i) {
      const catalog::Column& col = table.columns[attnos[i]];
      BoundExprPtr v = MakeVar(rtindex, static_cast<int>(i) + 1, sub_rte.column_types[i],
                               sub_rte.column_names[i]);
      BIND_TRY(values[attnos[i]],
               AssignCoerce(*this, std::move(v), ParseTypeText(col.type), col.name, src->location));
    }
  }
  // The rewriter fills the other columns with their defaults (expand_targetlist: NULLs).
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (!values[i]) {
      BIND_TRY(values[i], DefaultFor(*this, table.columns[i], level, insert.table.location));
    }
    TargetEntry t;
    t.expr = std::move(values[i]);
    t.name = table.columns[i].name;
    t.resno = static_cast<int>(i) + 1;
    query->targets.push_back(std::move(t));
  }
  level.ns.push_back(target);
  if (insert.on_conflict) BIND_CHECK(BindOnConflict(*this, *insert.on_conflict, table, level));
  BIND_CHECK(BindReturning(insert.returning, level));
  return query;
}

Result<std::shared_ptr<Query>> Binder::BindUpdate(const sql::UpdateStmt& update, Level* parent) {
  auto query = std::make_shared<Query>();
  query->command = CommandType::kUpdate;
  Level level;
  level.query = query.get();
  level.parent = parent;
  if (update.with) BIND_CHECK(BindWith(*update.with, level));
  BIND_TRY(NsItem target, AddTarget(*this, update.table, update.alias, update.only, level));
  auto leaf = std::make_unique<JoinNode>();
  leaf->rtindex = target.rtindex;
  level.ns.push_back(target);
  BIND_CHECK(BindFromList(update.from, level));
  query->jointree.children.insert(query->jointree.children.begin(), std::move(leaf));
  const catalog::Table& table = *query->rtable[target.rtindex - 1].table;
  level.context = ExprContext::kUpdateSet;
  for (const sql::SetClause& set : update.set) {
    BIND_TRY(TargetEntry t, BindSetClause(*this, set, table, target.rtindex, level));
    query->targets.push_back(std::move(t));
  }
  if (update.where) {
    level.context = ExprContext::kWhere;
    BIND_TRY(query->jointree.quals, BindBoolExpr(*update.where, level, "WHERE"));
  }
  BIND_CHECK(BindReturning(update.returning, level));
  return query;
}

Result<std::shared_ptr<Query>> Binder::BindDelete(const sql::DeleteStmt& del, Level* parent) {
  auto query = std::make_shared<Query>();
  query->command = CommandType::kDelete;
  Level level;
  level.query = query.get();
  level.parent = parent;
  if (del.with) BIND_CHECK(BindWith(*del.with, level));
  BIND_TRY(NsItem target, AddTarget(*this, del.table, del.alias, del.only, level));
  auto leaf = std::make_unique<JoinNode>();
  leaf->rtindex = target.rtindex;
  level.ns.push_back(target);
  BIND_CHECK(BindFromList(del.using_items, level));
  query->jointree.children.insert(query->jointree.children.begin(), std::move(leaf));
  if (del.where) {
    level.context = ExprContext::kWhere;
    BIND_TRY(query->jointree.quals, BindBoolExpr(*del.where, level, "WHERE"));
  }
  BIND_CHECK(BindReturning(del.returning, level));
  return query;
}

}  // namespace dbopt::bind::internal
