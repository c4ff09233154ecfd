// libpg_query A_Expr (operators and SQL predicates), FuncCall and SubLink → dbopt Expr.
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// "pg_catalog.like_escape(p, e)" and friends: the parser wraps LIKE .. ESCAPE and SIMILAR TO
// patterns in these calls; dbopt's AST keeps pattern and escape as plain children instead.
JsonValue SystemCall(JsonValue node, const char* name) {
  if (!node.Is("FuncCall")) return JsonValue();
  const JsonValue call = node.Body();
  const JsonValue funcname = call["funcname"];
  if (funcname.size() != 2) return JsonValue();
  if (StringValue(funcname.At(0)) != "pg_catalog" || StringValue(funcname.At(1)) != name)
    return JsonValue();
  return call;
}

}  // namespace

ExprPtr Transformer::TransformAExpr(JsonValue a) {
  std::vector<std::string> name = StringList(a["name"]);
  const std::string op = name.empty() ? "" : name.back();
  auto e = MakeExpr(ExprKind::kOperator, LocOf(a));
  auto add_list_items = [&](JsonValue list) {
    if (list.Is("List")) {
      for (const JsonValue item : list.Body()["items"]) e->children.push_back(TransformExpr(item));
    } else {
      e->children.push_back(TransformExpr(list));
    }
  };
  const JsonValue lexpr = a["lexpr"];
  const JsonValue rexpr = a["rexpr"];
  const std::string_view kind = a["kind"].Raw();
  if (kind == "AEXPR_OP") {
    e->text = op;
    if (!name.empty()) name.pop_back();
    e->names = std::move(name);  // OPERATOR(pg_catalog.=): {"pg_catalog"}
    if (lexpr) e->children.push_back(TransformExpr(lexpr));
    e->children.push_back(TransformExpr(rexpr));
  } else if (kind == "AEXPR_OP_ANY" || kind == "AEXPR_OP_ALL") {
    e->kind = kind == "AEXPR_OP_ANY" ? ExprKind::kOpAny : ExprKind::kOpAll;
    e->text = op;
    e->children.push_back(TransformExpr(lexpr));
    e->children.push_back(TransformExpr(rexpr));
  } else if (kind == "AEXPR_DISTINCT" || kind == "AEXPR_NOT_DISTINCT") {
    e->kind = ExprKind::kDistinctFrom;
    e->negated = kind == "AEXPR_NOT_DISTINCT";
    e->children.push_back(TransformExpr(lexpr));
    e->children.push_back(TransformExpr(rexpr));
  } else if (kind == "AEXPR_NULLIF") {
    e->kind = ExprKind::kNullIf;
    e->children.push_back(TransformExpr(lexpr));
    e->children.push_back(TransformExpr(rexpr));
  } else if (kind == "AEXPR_IN") {
    e->kind = ExprKind::kIn;
    e->negated = op == "<>";  // the parser names NOT IN's operator "<>"
    e->children.push_back(TransformExpr(lexpr));
    add_list_items(rexpr);
  } else if (kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE" || kind == "AEXPR_SIMILAR") {
    e->kind = kind == "AEXPR_LIKE"    ? ExprKind::kLike
              : kind == "AEXPR_ILIKE" ? ExprKind::kILike
                                      : ExprKind::kSimilar;
    e->negated = !op.empty() && op[0] == '!';  // "!~~", "!~~*", "!~"
    e->children.push_back(TransformExpr(lexpr));
    const char* wrapper = e->kind == ExprKind::kSimilar ? "similar_to_escape" : "like_escape";
    if (const JsonValue call = SystemCall(rexpr, wrapper)) {
      for (const JsonValue arg : call["args"]) e->children.push_back(TransformExpr(arg));
    } else {
      e->children.push_back(TransformExpr(rexpr));
    }
  } else if (kind == "AEXPR_BETWEEN" || kind == "AEXPR_NOT_BETWEEN" ||
             kind == "AEXPR_BETWEEN_SYM" || kind == "AEXPR_NOT_BETWEEN_SYM") {
    e->kind = ExprKind::kBetween;
    e->negated = kind == "AEXPR_NOT_BETWEEN" || kind == "AEXPR_NOT_BETWEEN_SYM";
    e->symmetric = kind == "AEXPR_BETWEEN_SYM" || kind == "AEXPR_NOT_BETWEEN_SYM";
    e->children.push_back(TransformExpr(lexpr));
    add_list_items(rexpr);
  } else {
    Fail(LocOf(a), "not supported: operator expression kind " + std::string(kind));
    return nullptr;
  }
  return e;
}

ExprPtr Transformer::TransformFuncCall(JsonValue call) {
  auto e = MakeExpr(ExprKind::kFuncCall, LocOf(call));
  e->names = StringList(call["funcname"]);
  e->children = TransformExprs(call["args"]);
  e->func = std::make_unique<FuncCallInfo>();
  FuncCallInfo& info = *e->func;
  info.star = call["agg_star"].Bool();
  info.distinct = call["agg_distinct"].Bool();
  info.variadic = call["func_variadic"].Bool();
  info.within_group = call["agg_within_group"].Bool();
  info.sql_syntax = call["funcformat"].StrIs("COERCE_SQL_SYNTAX");
  info.order_by = TransformSortItems(call["agg_order"]);
  info.filter = TransformExpr(call["agg_filter"]);
  if (const JsonValue over = call["over"])
    info.over = std::make_unique<WindowDef>(TransformWindowDef(over));
  return e;
}

ExprPtr Transformer::TransformSubLink(JsonValue link) {
  auto e = MakeExpr(ExprKind::kSubquery, LocOf(link));
  const std::vector<std::string> op = StringList(link["operName"]);
  const std::string_view type = link["subLinkType"].Raw();
  if (type == "EXISTS_SUBLINK") {
    e->subquery_kind = SubqueryKind::kExists;
  } else if (type == "ARRAY_SUBLINK") {
    e->subquery_kind = SubqueryKind::kArray;
  } else if (type == "ANY_SUBLINK") {
    e->subquery_kind = SubqueryKind::kAny;
  } else if (type == "ALL_SUBLINK") {
    e->subquery_kind = SubqueryKind::kAll;
  } else if (type == "ROWCOMPARE_SUBLINK") {
    e->subquery_kind = SubqueryKind::kRowCompare;
  } else if (type == "EXPR_SUBLINK" || type == "MULTIEXPR_SUBLINK") {
    // MULTIEXPR: UPDATE ... SET (a, b) = (SELECT ...)
    e->subquery_kind = SubqueryKind::kScalar;
  } else {
    Fail(LocOf(link), "not supported: subquery kind " + std::string(type));
    return nullptr;
  }
  if (!op.empty()) e->text = op.back();
  if (const JsonValue test = link["testexpr"]) e->children.push_back(TransformExpr(test));
  const JsonValue subselect = link["subselect"];
  if (!subselect.Is("SelectStmt")) {
    Fail(LocOf(link), "not supported: subquery without SELECT");
    return nullptr;
  }
  DepthGuard guard(*this, LocOf(link));
  if (!guard.ok()) return nullptr;
  e->subquery = TransformSelect(subselect.Body(), LocOf(link));
  return e;
}

}  // namespace dbopt::sql::internal
