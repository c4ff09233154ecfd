// One SELECT query block (PostgreSQL's analyze.c transformSelectStmt): WITH, FROM, targets,
// WHERE, HAVING, ORDER BY, GROUP BY, DISTINCT, LIMIT, windows, then the grouping check.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"

namespace dbopt::bind::internal {
namespace {

Type T(TypeId id) { return MakeType(id); }

// LIMIT/OFFSET: coerced to bigint (transformLimitClause).
Result<BoundExprPtr> BindLimit(Binder& binder, const sql::Expr& expr, Level& level,
                               const char* clause) {
  level.context = ExprContext::kLimit;
  BIND_TRY(BoundExprPtr e, binder.BindExpr(expr, level));
  level.context = ExprContext::kNone;
  if (!VarNos(*e).empty()) {
    return binder.ErrorAt(expr.location,
                          std::string("argument of ") + clause + " must not contain variables");
  }
  if (e->kind == BoundKind::kConst && e->is_null) {
    e->type = T(TypeId::kInt8);
    return e;
  }
  if (e->type.id == TypeId::kInt8) return e;
  if (!IsInteger(e->type.id) && e->type.id != TypeId::kUnknown) {
    return binder.ErrorAt(expr.location, std::string("argument of ") + clause +
                                             " must be type bigint, not type " +
                                             FormatType(e->type));
  }
  return binder.Coerce(std::move(e), T(TypeId::kInt8), false, expr.location);
}

Status BindDistinct(Binder& binder, const sql::SelectStmt& select, Level& level) {
  Query& q = *level.query;
  if (select.distinct_on.empty()) {
    // transformDistinctClause: ORDER BY items first (keeping their direction), then the rest.
    q.distinct = q.order_by;
    for (TargetEntry& t : q.targets) {
      if (t.resjunk) continue;
      bool present = false;
      for (const SortGroupClause& s : q.distinct)
        present |= t.sortgroupref != 0 && s.tle_ref == t.sortgroupref;
      if (present) continue;
      if (t.sortgroupref == 0) {
        int next = 0;
        for (const TargetEntry& o : q.targets) next = std::max(next, o.sortgroupref);
        t.sortgroupref = next + 1;
      }
      SortGroupClause s;
      s.tle_ref = t.sortgroupref;
      q.distinct.push_back(s);
    }
    for (const SortGroupClause& s : q.order_by) {
      const TargetEntry* t = q.FindSortGroupTarget(s.tle_ref);
      if (t != nullptr && t->resjunk) {
        return binder.ErrorAt(select.location,
                              "for SELECT DISTINCT, ORDER BY expressions must appear in select "
                              "list");
      }
    }
    return Ok{};
  }
  q.has_distinct_on = true;
  level.context = ExprContext::kDistinctOn;
  for (size_t i = 0; i < select.distinct_on.size(); ++i) {
    BIND_TRY(int ref, binder.FindOrAddTarget(*select.distinct_on[i], level, true));
    SortGroupClause s;
    s.tle_ref = ref;
    for (const SortGroupClause& o : q.order_by) {
      if (o.tle_ref == ref) s = o;
    }
    if (i < q.order_by.size() && q.order_by[i].tle_ref != ref) {
      return binder.ErrorAt(select.distinct_on[i]->location,
                            "SELECT DISTINCT ON expressions must match initial ORDER BY "
                            "expressions");
    }
    q.distinct.push_back(s);
  }
  level.context = ExprContext::kNone;
  return Ok{};
}

}  // namespace

Result<std::shared_ptr<Query>> Binder::BindSelect(const sql::SelectStmt& select, Level* parent,
                                                  const std::vector<Type>* expected_types) {
  (void)expected_types;
  if (select.set_op != sql::SetOp::kNone) return BindSetOperation(select, parent);
  if (!select.values.empty()) return BindValues(select, parent);
  auto query = std::make_shared<Query>();
  Level level;
  level.query = query.get();
  level.parent = parent;
  level.select = &select;
  if (select.with) BIND_CHECK(BindWith(*select.with, level));
  BIND_CHECK(BindFromList(select.from, level));
  for (const sql::WindowDef& w : select.windows) {  // WINDOW entries are numbered first
    level.pending_windows.push_back(&w);
    level.pending_window_keys.push_back("named:" + w.name);
  }
  level.context = ExprContext::kSelectTarget;
  BIND_CHECK(BindTargets(select.targets, level));
  if (select.where) {
    level.context = ExprContext::kWhere;
    BIND_TRY(query->jointree.quals, BindBoolExpr(*select.where, level, "WHERE"));
  }
  if (select.having) {
    level.context = ExprContext::kHaving;
    BIND_TRY(query->having, BindBoolExpr(*select.having, level, "HAVING"));
  }
  level.context = ExprContext::kOrderBy;
  BIND_TRY(query->order_by, BindOrderBy(select.order_by, level, true));
  BIND_CHECK(BindGroupBy(select, level));
  if (select.distinct) BIND_CHECK(BindDistinct(*this, select, level));
  if (select.limit) {
    BIND_TRY(query->limit_count, BindLimit(*this, *select.limit, level, "LIMIT"));
  }
  if (select.offset) {
    BIND_TRY(query->limit_offset, BindLimit(*this, *select.offset, level, "OFFSET"));
  }
  query->limit_with_ties = select.limit_with_ties;
  if (select.limit_with_ties && select.order_by.empty()) {
    return ErrorAt(select.location, "WITH TIES cannot be specified without ORDER BY clause");
  }
  BIND_CHECK(BindWindows(select, level));
  query->has_for_update = !select.locking.empty();
  BIND_CHECK(CheckGrouping(level));
  return query;
}

Status Binder::BindTargets(const std::vector<sql::ResultTarget>& targets, Level& level) {
  Query& q = *level.query;
  for (const sql::ResultTarget& rt : targets) {
    const sql::Expr& e = *rt.expr;
    if ((e.kind == sql::ExprKind::kColumnRef && e.names.back() == "*") ||
        e.kind == sql::ExprKind::kStar) {
      BIND_TRY(std::vector<TargetEntry> expanded, ExpandStar(e, level));
      for (TargetEntry& t : expanded) {
        t.resno = static_cast<int>(q.targets.size()) + 1;
        q.targets.push_back(std::move(t));
      }
      continue;
    }
    BIND_TRY(BoundExprPtr bound, BindExpr(e, level));
    if (bound->type.id == TypeId::kUnknown && !bound->type.array) {
      // resolveTargetListUnknowns: untyped literals in a target list are text.
      BIND_TRY(bound, Coerce(std::move(bound), T(TypeId::kText), false, e.location));
    }
    TargetEntry t;
    t.name = rt.alias.empty() ? FigureColname(e) : rt.alias;
    t.resno = static_cast<int>(q.targets.size()) + 1;
    if (bound->kind == BoundKind::kVar) t.origin_varno = bound->varno;
    t.expr = std::move(bound);
    q.targets.push_back(std::move(t));
  }
  return Ok{};
}

Result<int> Binder::FindOrAddTarget(const sql::Expr& expr, Level& level, bool by_output_name) {
  Query& q = *level.query;
  auto ref_of = [&q](TargetEntry& t) {
    if (t.sortgroupref == 0) {
      int next = 0;
      for (const TargetEntry& o : q.targets) next = std::max(next, o.sortgroupref);
      t.sortgroupref = next + 1;
    }
    return t.sortgroupref;
  };
  // ORDER BY 2: a position in the select list.
  if (expr.kind == sql::ExprKind::kConst && expr.const_kind == sql::ConstKind::kInteger) {
    const int pos = std::atoi(expr.text.c_str());
    int seen = 0;
    for (TargetEntry& t : q.targets) {
      if (!t.resjunk && ++seen == pos) return ref_of(t);
    }
    const char* clause = level.context == ExprContext::kGroupBy ? "GROUP BY" : "ORDER BY";
    return ErrorAt(expr.location,
                   std::string(clause) + " position " + expr.text + " is not in select list");
  }
  // ORDER BY name: an output column name (for GROUP BY only when no input column has it).
  if (expr.kind == sql::ExprKind::kColumnRef && expr.names.size() == 1 && by_output_name) {
    bool input_column = false;
    if (level.context == ExprContext::kGroupBy) input_column = ResolveColumn(expr, level).ok();
    if (!input_column) {
      TargetEntry* match = nullptr;
      for (TargetEntry& t : q.targets) {
        if (t.resjunk || t.name != expr.names[0]) continue;
        if (match != nullptr && !Equal(*match->expr, *t.expr)) {
          const char* clause = level.context == ExprContext::kGroupBy ? "GROUP BY" : "ORDER BY";
          return ErrorAt(expr.location,
                         std::string(clause) + " \"" + expr.names[0] + "\" is ambiguous");
        }
        if (match == nullptr) match = &t;
      }
      if (match != nullptr) return ref_of(*match);
    }
  }
  BIND_TRY(BoundExprPtr bound, BindExpr(expr, level));
  for (TargetEntry& t : q.targets) {
    if (Equal(*t.expr, *bound)) return ref_of(t);
  }
  TargetEntry t;
  t.expr = std::move(bound);
  t.name = FigureColname(expr);
  t.resno = static_cast<int>(q.targets.size()) + 1;
  t.resjunk = true;
  q.targets.push_back(std::move(t));
  return ref_of(q.targets.back());
}

Result<std::vector<SortGroupClause>> Binder::BindOrderBy(const std::vector<sql::SortItem>& items,
                                                         Level& level, bool resjunk_ok) {
  (void)resjunk_ok;
  std::vector<SortGroupClause> out;
  for (const sql::SortItem& item : items) {
    if (item.direction == sql::SortDirection::kUsing) {
      return NotSupported(item.location, "ORDER BY ... USING");
    }
    BIND_TRY(int ref, FindOrAddTarget(*item.expr, level, true));
    SortGroupClause s;
    s.tle_ref = ref;
    s.descending = item.direction == sql::SortDirection::kDesc;
    s.nulls_first = item.nulls == sql::NullsOrder::kDefault ? s.descending
                                                            : item.nulls == sql::NullsOrder::kFirst;
    const TargetEntry* t = level.query->FindSortGroupTarget(ref);
    s.sortable = s.hashable = t->expr->type.id != TypeId::kJson;
    bool duplicate = false;
    for (const SortGroupClause& o : out) duplicate |= o.tle_ref == ref;
    if (!duplicate) out.push_back(s);  // PostgreSQL drops repeated sort keys
  }
  return out;
}

}  // namespace dbopt::bind::internal
