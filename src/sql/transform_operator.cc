// libpg_query A_Expr (operators and SQL predicates), FuncCall and SubLink → dbopt Expr.
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// "pg_catalog.like_escape(p, e)" and friends: the parser wraps LIKE .. ESCAPE and SIMILAR TO
// patterns in these calls; dbopt's AST keeps pattern and escape as plain children instead.
const PgQuery__FuncCall* SystemCall(const PgQuery__Node* node, const char* name) {
  if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return nullptr;
  const PgQuery__FuncCall* call = node->func_call;
  if (call->n_funcname != 2) return nullptr;
  if (StringValue(call->funcname[0]) != "pg_catalog" || StringValue(call->funcname[1]) != name)
    return nullptr;
  return call;
}

}  // namespace

ExprPtr Transformer::TransformAExpr(const PgQuery__AExpr* a) {
  std::vector<std::string> name = StringList(a->n_name, a->name);
  const std::string op = name.empty() ? "" : name.back();
  auto e = MakeExpr(ExprKind::kOperator, Loc(a->location));
  auto add_list_items = [&](const PgQuery__Node* list) {
    if (list && list->node_case == PG_QUERY__NODE__NODE_LIST) {
      for (size_t i = 0; i < list->list->n_items; ++i)
        e->children.push_back(TransformExpr(list->list->items[i]));
    } else {
      e->children.push_back(TransformExpr(list));
    }
  };
  switch (a->kind) {
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
      e->text = op;
      name.pop_back();
      e->names = std::move(name);  // OPERATOR(pg_catalog.=): {"pg_catalog"}
      if (a->lexpr) e->children.push_back(TransformExpr(a->lexpr));
      e->children.push_back(TransformExpr(a->rexpr));
      return e;
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
    case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL:
      e->kind =
          a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY ? ExprKind::kOpAny : ExprKind::kOpAll;
      e->text = op;
      e->children.push_back(TransformExpr(a->lexpr));
      e->children.push_back(TransformExpr(a->rexpr));
      return e;
    case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT:
      e->kind = ExprKind::kDistinctFrom;
      e->negated = a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT;
      e->children.push_back(TransformExpr(a->lexpr));
      e->children.push_back(TransformExpr(a->rexpr));
      return e;
    case PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF:
      e->kind = ExprKind::kNullIf;
      e->children.push_back(TransformExpr(a->lexpr));
      e->children.push_back(TransformExpr(a->rexpr));
      return e;
    case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
      e->kind = ExprKind::kIn;
      e->negated = op == "<>";  // the parser names NOT IN's operator "<>"
      e->children.push_back(TransformExpr(a->lexpr));
      add_list_items(a->rexpr);
      return e;
    case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
    case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
    case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR: {
      e->kind = a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_LIKE    ? ExprKind::kLike
                : a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE ? ExprKind::kILike
                                                                  : ExprKind::kSimilar;
      e->negated = !op.empty() && op[0] == '!';  // "!~~", "!~~*", "!~"
      e->children.push_back(TransformExpr(a->lexpr));
      const char* wrapper = e->kind == ExprKind::kSimilar ? "similar_to_escape" : "like_escape";
      if (const PgQuery__FuncCall* call = SystemCall(a->rexpr, wrapper)) {
        for (size_t i = 0; i < call->n_args; ++i)
          e->children.push_back(TransformExpr(call->args[i]));
      } else {
        e->children.push_back(TransformExpr(a->rexpr));
      }
      return e;
    }
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
    case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
    case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM:
      e->kind = ExprKind::kBetween;
      e->negated = a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN ||
                   a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
      e->symmetric = a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM ||
                     a->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM;
      e->children.push_back(TransformExpr(a->lexpr));
      add_list_items(a->rexpr);
      return e;
    default:
      Fail(Loc(a->location), "not supported: operator expression kind " +
                                 EnumValueName(pg_query__a__expr__kind__descriptor, a->kind));
      return nullptr;
  }
}

ExprPtr Transformer::TransformFuncCall(const PgQuery__FuncCall* call) {
  auto e = MakeExpr(ExprKind::kFuncCall, Loc(call->location));
  e->names = StringList(call->n_funcname, call->funcname);
  e->children = TransformExprs(call->n_args, call->args);
  e->func = std::make_unique<FuncCallInfo>();
  FuncCallInfo& info = *e->func;
  info.star = call->agg_star;
  info.distinct = call->agg_distinct;
  info.variadic = call->func_variadic;
  info.within_group = call->agg_within_group;
  info.sql_syntax = call->funcformat == PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX;
  info.order_by = TransformSortItems(call->n_agg_order, call->agg_order);
  info.filter = TransformExpr(call->agg_filter);
  if (call->over) info.over = std::make_unique<WindowDef>(TransformWindowDef(call->over));
  return e;
}

ExprPtr Transformer::TransformSubLink(const PgQuery__SubLink* link) {
  auto e = MakeExpr(ExprKind::kSubquery, Loc(link->location));
  const std::vector<std::string> op = StringList(link->n_oper_name, link->oper_name);
  switch (link->sub_link_type) {
    case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
      e->subquery_kind = SubqueryKind::kExists;
      break;
    case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
      e->subquery_kind = SubqueryKind::kArray;
      break;
    case PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK:
      e->subquery_kind = SubqueryKind::kAny;
      break;
    case PG_QUERY__SUB_LINK_TYPE__ALL_SUBLINK:
      e->subquery_kind = SubqueryKind::kAll;
      break;
    case PG_QUERY__SUB_LINK_TYPE__ROWCOMPARE_SUBLINK:
      e->subquery_kind = SubqueryKind::kRowCompare;
      break;
    case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
    case PG_QUERY__SUB_LINK_TYPE__MULTIEXPR_SUBLINK:  // UPDATE ... SET (a, b) = (SELECT ...)
      e->subquery_kind = SubqueryKind::kScalar;
      break;
    default:
      Fail(Loc(link->location),
           "not supported: subquery kind " +
               EnumValueName(pg_query__sub_link_type__descriptor, link->sub_link_type));
      return nullptr;
  }
  if (!op.empty()) e->text = op.back();
  if (link->testexpr) e->children.push_back(TransformExpr(link->testexpr));
  if (link->subselect == nullptr ||
      link->subselect->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
    Fail(Loc(link->location), "not supported: subquery without SELECT");
    return nullptr;
  }
  DepthGuard guard(*this, Loc(link->location));
  if (!guard.ok()) return nullptr;
  e->subquery = TransformSelect(link->subselect->select_stmt, Loc(link->location));
  return e;
}

}  // namespace dbopt::sql::internal
