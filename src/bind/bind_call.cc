// Function calls, aggregates, window functions and sub-queries in expressions (PostgreSQL's
// parse_func.c ParseFuncOrColumn, parse_agg.c transformAggregateCall/transformWindowFuncCall,
// parse_expr.c transformSubLink).
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"
#include "dbopt/sql/to_sql.h"

namespace dbopt::bind::internal {
namespace {

Type T(TypeId id) { return MakeType(id); }

bool IsAggregateName(const std::string& n) {
  static const char* kNames[] = {"count",    "sum",      "avg",         "min",
                                 "max",      "stddev",   "stddev_samp", "stddev_pop",
                                 "variance", "var_samp", "var_pop",     "bool_and",
                                 "bool_or",  "every",    "string_agg",  "array_agg"};
  for (const char* k : kNames) {
    if (n == k) return true;
  }
  return false;
}

// Where aggregates and window functions are not allowed, PostgreSQL's wording for the clause.
const char* ForbiddenClause(ExprContext c) {
  switch (c) {
    case ExprContext::kWhere:
      return "WHERE";
    case ExprContext::kJoinOn:
      return "JOIN conditions";
    case ExprContext::kGroupBy:
      return "GROUP BY";
    case ExprContext::kLimit:
      return "LIMIT";
    case ExprContext::kValues:
      return "VALUES";
    case ExprContext::kFromFunction:
      return "functions in FROM";
    case ExprContext::kUpdateSet:
      return "UPDATE";
    case ExprContext::kReturning:
      return "RETURNING";
    case ExprContext::kFilter:
      return "FILTER";
    default:
      return nullptr;
  }
}

// A text key under which identical OVER clauses share one window (PostgreSQL compares them with
// equal()).
std::string WindowKey(const sql::WindowDef& w) {
  std::string key = w.name + "|" + w.refname + "|";
  for (const sql::ExprPtr& p : w.partition_by) key += sql::ToSql(*p) + ",";
  key += "|";
  for (const sql::SortItem& s : w.order_by) {
    key += sql::ToSql(*s.expr) + " " + std::to_string(static_cast<int>(s.direction)) + " " +
           std::to_string(static_cast<int>(s.nulls)) + ",";
  }
  key += "|" + std::to_string(static_cast<int>(w.frame.mode));
  key += "|" + std::to_string(static_cast<int>(w.frame.start.kind)) + "|" +
         std::to_string(static_cast<int>(w.frame.end.kind));
  return key;
}

}  // namespace

Result<BoundExprPtr> Binder::BindFuncCall(const sql::Expr& expr, Level& level) {
  const std::string name = expr.names.back();
  const sql::FuncCallInfo* info = expr.func.get();
  const int loc = expr.location;
  if (info && info->within_group) return NotSupported(loc, "WITHIN GROUP");
  if (info && info->variadic) return NotSupported(loc, "VARIADIC");
  const bool maybe_agg = IsAggregateName(name);
  const bool over = info && info->over;
  if (maybe_agg && !over && level.in_aggregate) {
    return ErrorAt(loc, "aggregate function calls cannot be nested");
  }
  const bool saved_in_agg = level.in_aggregate;
  if (maybe_agg && !over) level.in_aggregate = true;
  std::vector<BoundExprPtr> args;
  std::vector<Type> types;
  for (const sql::ExprPtr& c : expr.children) {
    auto a = BindExpr(*c, level);
    if (!a.ok()) {
      level.in_aggregate = saved_in_agg;
      return std::move(a).error();
    }
    types.push_back(a.value()->type);
    args.push_back(std::move(a).value());
  }
  level.in_aggregate = saved_in_agg;
  const bool star = info && info->star;
  FuncSignature sig;
  if (!LookupFunction(name, types, star, &sig)) {
    return ErrorAt(
        loc, "function " + name + "(" + (star ? "*" : TypeListText(types)) + ") does not exist",
        "No function matches the given name and argument types. You might need to "
        "add explicit type casts.");
  }
  for (size_t i = 0; i < sig.arg_types.size() && i < args.size(); ++i) {
    BIND_TRY(args[i], Coerce(std::move(args[i]), sig.arg_types[i], false, loc));
  }
  for (BoundExprPtr& a : args) {
    if (a->type.id == TypeId::kUnknown && !a->type.array) {
      BIND_TRY(a, Coerce(std::move(a), T(TypeId::kText), false, loc));
    }
  }
  const bool is_agg = sig.is_aggregate;
  if (!is_agg && info && (info->distinct || !info->order_by.empty() || info->filter)) {
    return ErrorAt(loc, "DISTINCT, ORDER BY or FILTER specified, but " + name +
                            " is not an aggregate function");
  }
  if (sig.is_window && !over) {
    return ErrorAt(loc, "window function " + name + " requires an OVER clause");
  }
  if (is_agg && !over) {
    if (const char* clause = ForbiddenClause(level.context)) {
      return ErrorAt(loc, std::string("aggregate functions are not allowed in ") + clause);
    }
  }
  auto e = std::make_unique<BoundExpr>(over     ? BoundKind::kWindowFunc
                                       : is_agg ? BoundKind::kAggref
                                                : BoundKind::kFunc);
  e->name = name;
  e->type = sig.result;
  e->volatility = sig.volatility;
  e->location = loc;
  e->func_format = info && info->sql_syntax ? FuncFormat::kSqlSyntax : FuncFormat::kNormal;
  e->args = std::move(args);
  e->agg_star = star;
  e->agg_distinct = info && info->distinct;
  if (is_agg && info) {
    const bool saved = level.in_aggregate;
    level.in_aggregate = true;
    for (const sql::SortItem& s : info->order_by) {
      auto o = BindExpr(*s.expr, level);
      if (!o.ok()) {
        level.in_aggregate = saved;
        return std::move(o).error();
      }
      e->agg_order.push_back(std::move(o).value());
    }
    level.in_aggregate = saved;
    if (info->filter) {
      const ExprContext c = level.context;
      level.context = ExprContext::kFilter;
      auto f = BindBoolExpr(*info->filter, level, "FILTER");
      level.context = c;
      if (!f.ok()) return std::move(f).error();
      e->agg_filter = std::move(f).value();
    }
  }
  if (over) return BindWindowFunc(expr, std::move(e), level);
  if (is_agg) level.query->has_aggs = true;
  return BoundExprPtr(std::move(e));
}

Result<BoundExprPtr> Binder::BindWindowFunc(const sql::Expr& expr, BoundExprPtr func,
                                            Level& level) {
  const int loc = expr.location;
  if (level.context != ExprContext::kSelectTarget && level.context != ExprContext::kOrderBy) {
    const char* clause = ForbiddenClause(level.context);
    return ErrorAt(loc, std::string("window functions are not allowed in ") +
                            (clause ? clause : "this context"));
  }
  if (level.in_aggregate) {
    return ErrorAt(loc, "aggregate function calls cannot contain window function calls");
  }
  const sql::WindowDef& over = *expr.func->over;
  const sql::WindowDef* def = &over;
  const bool bare_name = !over.name.empty() && over.partition_by.empty() && over.order_by.empty() &&
                         over.refname.empty() && over.frame.mode == sql::FrameMode::kDefault;
  if (bare_name) {  // OVER w: the WINDOW clause's definition
    def = nullptr;
    if (level.select != nullptr) {
      for (const sql::WindowDef& w : level.select->windows) {
        if (w.name == over.name) def = &w;
      }
    }
    if (def == nullptr) return ErrorAt(loc, "window \"" + over.name + "\" does not exist");
  }
  const std::string key = bare_name ? "named:" + over.name : WindowKey(*def);
  int win_ref = 0;
  for (size_t i = 0; i < level.pending_window_keys.size(); ++i) {
    if (level.pending_window_keys[i] == key) win_ref = static_cast<int>(i) + 1;
  }
  if (win_ref == 0) {
    level.pending_windows.push_back(def);
    level.pending_window_keys.push_back(key);
    win_ref = static_cast<int>(level.pending_windows.size());
  }
  func->kind = BoundKind::kWindowFunc;
  func->win_ref = win_ref;
  level.query->has_window_funcs = true;
  return func;
}

Result<BoundExprPtr> Binder::BindSubLink(const sql::Expr& expr, Level& level) {
  const int loc = expr.location;
  if (level.context == ExprContext::kGroupBy) {
    // PostgreSQL allows this, but the planner here does not.
    return NotSupported(loc, "sub-queries in GROUP BY");
  }
  BIND_TRY(std::shared_ptr<Query> sub, BindSelect(*expr.subquery, &level));
  level.query->has_sublinks = true;
  std::vector<const TargetEntry*> cols;
  for (const TargetEntry& t : sub->targets) {
    if (!t.resjunk) cols.push_back(&t);
  }
  auto link = std::make_unique<BoundExpr>(BoundKind::kSubLink);
  link->subquery = sub;
  link->location = loc;
  switch (expr.subquery_kind) {
    case sql::SubqueryKind::kExists:
      link->sublink_type = SubLinkType::kExists;
      link->type = T(TypeId::kBool);
      return BoundExprPtr(std::move(link));
    case sql::SubqueryKind::kScalar:
    case sql::SubqueryKind::kArray:
      if (cols.size() != 1) return ErrorAt(loc, "subquery must return only one column");
      link->sublink_type = expr.subquery_kind == sql::SubqueryKind::kScalar ? SubLinkType::kExpr
                                                                            : SubLinkType::kArray;
      link->type = cols[0]->expr->type;
      if (link->sublink_type == SubLinkType::kArray) link->type.array = true;
      return BoundExprPtr(std::move(link));
    case sql::SubqueryKind::kRowCompare:
      return NotSupported(loc, "row comparisons with sub-queries");
    case sql::SubqueryKind::kAny:
    case sql::SubqueryKind::kAll:
      break;
  }
  const sql::Expr& test = *expr.children[0];
  if (test.kind == sql::ExprKind::kRow) return NotSupported(loc, "multi-column IN (SELECT ...)");
  if (cols.size() != 1) return ErrorAt(loc, "subquery has too many columns");
  BIND_TRY(BoundExprPtr left, BindExpr(test, level));
  const std::string op = expr.text.empty() ? "=" : expr.text;
  // The test expression compares against a PARAM_SUBLINK of the sub-query's column type.
  auto param = std::make_unique<BoundExpr>(BoundKind::kParam);
  param->param_kind = ParamKind::kExec;
  param->param_id = 1;
  param->type = cols[0]->expr->type;
  BIND_TRY(BoundExprPtr cmp, MakeOperator(op, std::move(left), std::move(param), loc));
  if (cmp->type.id != TypeId::kBool) {
    return ErrorAt(
        loc, "operator " + op + " must return type boolean, not type " + FormatType(cmp->type));
  }
  link->sublink_type =
      expr.subquery_kind == sql::SubqueryKind::kAny ? SubLinkType::kAny : SubLinkType::kAll;
  link->name = op;
  link->type = T(TypeId::kBool);
  link->args.push_back(std::move(cmp));
  return BoundExprPtr(std::move(link));
}

}  // namespace dbopt::bind::internal
