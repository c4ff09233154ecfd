// Expressions (PostgreSQL's parse_expr.c transformExprRecurse and its helpers: constants,
// operators, AND/OR/NOT, IN, BETWEEN, LIKE, IS [NOT] NULL/TRUE/DISTINCT, CASE, COALESCE, casts).
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"
#include "dbopt/bind/fold.h"
#include "dbopt/sql/type_name.h"

namespace dbopt::bind::internal {
namespace {

Type T(TypeId id) { return MakeType(id); }

BoundExprPtr At(BoundExprPtr e, int location) {
  e->location = location;
  return e;
}

// make_const: integers that fit int4 are integer, then bigint, then numeric.
Type IntegerLiteralType(const std::string& text) {
  const bool negative = !text.empty() && text[0] == '-';
  const std::string digits = negative ? text.substr(1) : text;
  auto fits = [&](const char* max_pos, const char* max_neg) {
    const std::string limit = negative ? max_neg : max_pos;
    return digits.size() < limit.size() || (digits.size() == limit.size() && digits <= limit);
  };
  if (fits("2147483647", "2147483648")) return T(TypeId::kInt4);
  if (fits("9223372036854775807", "9223372036854775808")) return T(TypeId::kInt8);
  return T(TypeId::kNumeric);
}

const char* SqlValueType(const std::string& name, TypeId* id) {
  struct Entry {
    const char* name;
    TypeId id;
  };
  static const Entry kEntries[] = {
      {"CURRENT_DATE", TypeId::kDate},        {"CURRENT_TIMESTAMP", TypeId::kTimestampTz},
      {"LOCALTIMESTAMP", TypeId::kTimestamp}, {"CURRENT_TIME", TypeId::kTimeTz},
      {"LOCALTIME", TypeId::kTime},           {"CURRENT_USER", TypeId::kName},
      {"SESSION_USER", TypeId::kName},        {"USER", TypeId::kName},
      {"CURRENT_ROLE", TypeId::kName},        {"CURRENT_CATALOG", TypeId::kName},
      {"CURRENT_SCHEMA", TypeId::kName},
  };
  for (const Entry& e : kEntries) {
    if (name == e.name) {
      *id = e.id;
      return e.name;
    }
  }
  return nullptr;
}

}  // namespace

// An element of an array constant in array_out's syntax: quoted when it must be.
std::string ArrayLiteralElement(const BoundExpr& c) {
  if (c.is_null) return "NULL";
  const std::string& v = c.value;
  bool quote = v.empty() || v == "NULL" || v == "null";
  for (char ch : v) {
    if (ch == ',' || ch == '{' || ch == '}' || ch == '"' || ch == '\\' ||
        std::isspace(static_cast<unsigned char>(ch))) {
      quote = true;
    }
  }
  if (!quote) return v;
  std::string out = "\"";
  for (char ch : v) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

Result<BoundExprPtr> Binder::BindBoolExpr(const sql::Expr& expr, Level& level, const char* clause) {
  BIND_TRY(BoundExprPtr e, BindExpr(expr, level));
  return CoerceToBool(std::move(e), clause);
}

Result<BoundExprPtr> Binder::BindExpr(const sql::Expr& expr, Level& level) {
  using K = sql::ExprKind;
  const int loc = expr.location;
  switch (expr.kind) {
    case K::kConst: {
      switch (expr.const_kind) {
        case sql::ConstKind::kInteger:
          return At(MakeConst(IntegerLiteralType(expr.text), expr.text), loc);
        case sql::ConstKind::kNumeric:
          return At(MakeConst(T(TypeId::kNumeric), expr.text), loc);
        case sql::ConstKind::kString:
          return At(MakeConst(T(TypeId::kUnknown), expr.text), loc);
        case sql::ConstKind::kBool:
          return At(MakeConst(T(TypeId::kBool), expr.text), loc);
        case sql::ConstKind::kNull:
          return At(MakeConst(T(TypeId::kUnknown), "", true), loc);
        case sql::ConstKind::kBitString:
          return NotSupported(loc, "bit-string constants");
      }
      break;
    }
    case K::kParam: {
      auto p = std::make_unique<BoundExpr>(BoundKind::kParam);
      p->param_kind = ParamKind::kExtern;
      p->param_id = expr.param_number;
      p->type = T(TypeId::kUnknown);
      return At(std::move(p), loc);
    }
    case K::kColumnRef:
      if (expr.names.back() == "*") {
        return ErrorAt(loc, "row expansion via \"*\" is not supported here");
      }
      return ResolveColumn(expr, level);
    case K::kOperator: {
      for (const sql::ExprPtr& c : expr.children) {
        if (c->kind == K::kRow) return NotSupported(loc, "row comparisons");
      }
      BIND_TRY(BoundExprPtr left, BindExpr(*expr.children[0], level));
      BoundExprPtr right;
      if (expr.children.size() > 1) {
        BIND_TRY(right, BindExpr(*expr.children[1], level));
      }
      return MakeOperator(expr.text, std::move(left), std::move(right), loc);
    }
    case K::kOpAny:
    case K::kOpAll: {
      BIND_TRY(BoundExprPtr left, BindExpr(*expr.children[0], level));
      BIND_TRY(BoundExprPtr array, BindExpr(*expr.children[1], level));
      if (array->type.id == TypeId::kUnknown && !array->type.array) {
        Type at = left->type.id == TypeId::kUnknown ? T(TypeId::kText) : left->type;
        at.array = true;
        BIND_TRY(array, Coerce(std::move(array), at, false, loc));
      }
      if (!array->type.array) {
        return ErrorAt(loc, "op ANY/ALL (array) requires array on right side");
      }
      Type elem = array->type;
      elem.array = false;
      BIND_TRY(BoundExprPtr probe,
               MakeOperator(expr.text, std::move(left), MakeConst(elem, ""), loc));
      if (probe->type.id != TypeId::kBool) {
        return ErrorAt(loc, "op ANY/ALL (array) requires operator to yield boolean");
      }
      Type want = probe->args[1]->type;
      want.array = true;
      BIND_TRY(array, Coerce(std::move(array), want, false, loc));
      auto saop = std::make_unique<BoundExpr>(BoundKind::kScalarArrayOp);
      saop->name = expr.text;
      saop->op_class = ClassifyOperator(expr.text);
      saop->use_or = expr.kind == K::kOpAny;
      saop->type = T(TypeId::kBool);
      saop->args.push_back(std::move(probe->args[0]));
      saop->args.push_back(std::move(array));
      return At(std::move(saop), loc);
    }
    case K::kAnd:
    case K::kOr:
    case K::kNot: {
      const char* what = expr.kind == K::kAnd ? "AND" : expr.kind == K::kOr ? "OR" : "NOT";
      std::vector<BoundExprPtr> args;
      for (const sql::ExprPtr& c : expr.children) {
        BIND_TRY(BoundExprPtr a, BindBoolExpr(*c, level, what));
        args.push_back(std::move(a));
      }
      const BoundKind kind = expr.kind == K::kAnd  ? BoundKind::kAnd
                             : expr.kind == K::kOr ? BoundKind::kOr
                                                   : BoundKind::kNot;
      return At(MakeBool(kind, std::move(args)), loc);
    }
    case K::kFuncCall:
      return BindFuncCall(expr, level);
    case K::kCast: {
      BIND_TRY(BoundExprPtr arg, BindExpr(*expr.children[0], level));
      Type target = ParseTypeText(sql::FormatType(*expr.type));
      if (!expr.type->names.empty() && expr.type->names.back() == "interval") {
        // INTERVAL '90' DAY: the field gives a bare number its unit.
        target = T(TypeId::kInterval);
        for (const std::string& m : expr.type->modifiers) {
          if (m.empty() || std::isdigit(static_cast<unsigned char>(m[0]))) continue;
          std::string unit = m;
          for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          const size_t to = unit.find(" to ");
          if (to != std::string::npos) unit = unit.substr(to + 4);
          bool number = !arg->value.empty();
          for (char c : arg->value) number &= std::isdigit(static_cast<unsigned char>(c)) != 0;
          if (arg->kind == BoundKind::kConst && number) arg->value += " " + unit;
        }
      }
      if (expr.type->array_dimensions > 0) target.array = true;
      if (target.id == TypeId::kOther) {
        return NotSupported(expr.type->location, "type \"" + sql::FormatType(*expr.type) + "\"");
      }
      // exprLocation of a cast: the leftmost of the cast and its argument.
      const int cast_loc = arg->location >= 0 && arg->location < loc ? arg->location : loc;
      BIND_TRY(BoundExprPtr cast, Coerce(std::move(arg), target, true, cast_loc));
      cast->location = cast_loc;
      return cast;
    }
    case K::kIn:
      return BindIn(expr, level);
    case K::kBetween: {
      if (expr.symmetric) return NotSupported(loc, "BETWEEN SYMMETRIC");
      BIND_TRY(BoundExprPtr x, BindExpr(*expr.children[0], level));
      BIND_TRY(BoundExprPtr low, BindExpr(*expr.children[1], level));
      BIND_TRY(BoundExprPtr high, BindExpr(*expr.children[2], level));
      BoundExprPtr x2 = Clone(*x);
      BIND_TRY(BoundExprPtr a,
               MakeOperator(expr.negated ? "<" : ">=", std::move(x), std::move(low), loc));
      BIND_TRY(BoundExprPtr b,
               MakeOperator(expr.negated ? ">" : "<=", std::move(x2), std::move(high), loc));
      std::vector<BoundExprPtr> args;
      args.push_back(std::move(a));
      args.push_back(std::move(b));
      return At(MakeBool(expr.negated ? BoundKind::kOr : BoundKind::kAnd, std::move(args)), loc);
    }
    case K::kLike:
    case K::kILike: {
      if (expr.children.size() > 2) return NotSupported(loc, "LIKE ... ESCAPE");
      const bool ilike = expr.kind == K::kILike;
      const std::string op = std::string(expr.negated ? "!" : "") + (ilike ? "~~*" : "~~");
      BIND_TRY(BoundExprPtr x, BindExpr(*expr.children[0], level));
      BIND_TRY(BoundExprPtr p, BindExpr(*expr.children[1], level));
      return MakeOperator(op, std::move(x), std::move(p), loc);
    }
    case K::kSimilar:
      return NotSupported(loc, "SIMILAR TO");
    case K::kNullTest: {
      BIND_TRY(BoundExprPtr x, BindExpr(*expr.children[0], level));
      auto e = std::make_unique<BoundExpr>(BoundKind::kNullTest);
      e->type = T(TypeId::kBool);
      e->negated = expr.negated;
      e->args.push_back(std::move(x));
      return At(std::move(e), loc);
    }
    case K::kBoolTest: {
      BIND_TRY(BoundExprPtr x, BindBoolExpr(*expr.children[0], level, "IS TRUE"));
      auto e = std::make_unique<BoundExpr>(BoundKind::kBoolTest);
      e->type = T(TypeId::kBool);
      e->bool_test = static_cast<BoolTestKind>(static_cast<int>(expr.bool_test));
      e->args.push_back(std::move(x));
      return At(std::move(e), loc);
    }
    case K::kDistinctFrom:
    case K::kNullIf: {
      BIND_TRY(BoundExprPtr a, BindExpr(*expr.children[0], level));
      BIND_TRY(BoundExprPtr b, BindExpr(*expr.children[1], level));
      BIND_TRY(BoundExprPtr eq, MakeOperator("=", std::move(a), std::move(b), loc));
      const bool nullif = expr.kind == K::kNullIf;
      auto e = std::make_unique<BoundExpr>(nullif ? BoundKind::kNullIf : BoundKind::kDistinct);
      e->type = nullif ? eq->args[0]->type : T(TypeId::kBool);
      e->name = "=";
      e->args = std::move(eq->args);
      e->location = loc;
      if (!nullif && expr.negated) {
        std::vector<BoundExprPtr> one;
        one.push_back(std::move(e));
        return At(MakeBool(BoundKind::kNot, std::move(one)), loc);
      }
      return BoundExprPtr(std::move(e));
    }
    case K::kCoalesce:
    case K::kGreatest:
    case K::kLeast:
    case K::kArray: {
      std::vector<BoundExprPtr> args;
      for (const sql::ExprPtr& c : expr.children) {
        if (c->kind == K::kArray) return NotSupported(c->location, "multidimensional arrays");
        BIND_TRY(BoundExprPtr a, BindExpr(*c, level));
        args.push_back(std::move(a));
      }
      const char* what = expr.kind == K::kCoalesce   ? "COALESCE"
                         : expr.kind == K::kGreatest ? "GREATEST"
                         : expr.kind == K::kLeast    ? "LEAST"
                                                     : "ARRAY";
      BIND_TRY(Type common, CommonType(args, what, loc));
      auto e = std::make_unique<BoundExpr>(expr.kind == K::kCoalesce ? BoundKind::kCoalesce
                                           : expr.kind == K::kArray  ? BoundKind::kArray
                                                                     : BoundKind::kMinMax);
      e->type = common;
      if (expr.kind == K::kArray) e->type.array = true;
      if (e->kind == BoundKind::kMinMax) e->name = what;
      e->args = std::move(args);
      return At(std::move(e), loc);
    }
    case K::kCase:
      return BindCase(expr, level);
    case K::kSubquery:
      return BindSubLink(expr, level);
    case K::kRow: {
      auto e = std::make_unique<BoundExpr>(BoundKind::kRow);
      e->type = T(TypeId::kRecord);
      for (const sql::ExprPtr& c : expr.children) {
        BIND_TRY(BoundExprPtr a, BindExpr(*c, level));
        e->args.push_back(std::move(a));
      }
      return At(std::move(e), loc);
    }
    case K::kSqlValueFunction: {
      TypeId id = TypeId::kUnknown;
      if (SqlValueType(expr.text, &id) == nullptr) return NotSupported(loc, expr.text);
      auto e = std::make_unique<BoundExpr>(BoundKind::kSqlValue);
      e->name = expr.text;
      e->type = T(id);
      e->volatility = Volatility::kStable;
      return At(std::move(e), loc);
    }
    case K::kDefault:
      return ErrorAt(loc, "DEFAULT is not allowed in this context");
    case K::kCollate:
      return NotSupported(loc, "COLLATE");
    case K::kIndirection:
      return NotSupported(loc, "subscripts and field selection");
    case K::kNamedArg:
      return NotSupported(loc, "named function arguments");
    case K::kGroupingSet:
      return NotSupported(loc, "GROUPING SETS, ROLLUP and CUBE");
    case K::kGroupingFunc:
      return NotSupported(loc, "GROUPING()");
    case K::kStar:
      return ErrorAt(loc, "row expansion via \"*\" is not supported here");
  }
  return NotSupported(loc, "this expression");
}

Result<BoundExprPtr> Binder::BindCase(const sql::Expr& expr, Level& level) {
  auto e = std::make_unique<BoundExpr>(BoundKind::kCase);
  e->has_case_arg = expr.has_case_arg;
  e->has_else = expr.has_else;
  size_t i = 0;
  BoundExprPtr arg;
  if (expr.has_case_arg) {
    BIND_TRY(arg, BindExpr(*expr.children[i++], level));
  }
  std::vector<BoundExprPtr> conds;
  std::vector<BoundExprPtr> results;
  const size_t pairs_end = expr.children.size() - (expr.has_else ? 1 : 0);
  for (; i + 1 < pairs_end + 1 && i < pairs_end; i += 2) {
    BIND_TRY(BoundExprPtr when, BindExpr(*expr.children[i], level));
    if (arg) {
      // CASE x WHEN v: the comparison x = v decides the types, as CaseTestExpr = v does.
      BIND_TRY(BoundExprPtr eq,
               MakeOperator("=", Clone(*arg), std::move(when), expr.children[i]->location));
      when = std::move(eq->args[1]);
    } else {
      BIND_TRY(when, CoerceToBool(std::move(when), "CASE/WHEN"));
    }
    conds.push_back(std::move(when));
    BIND_TRY(BoundExprPtr then, BindExpr(*expr.children[i + 1], level));
    results.push_back(std::move(then));
  }
  if (expr.has_else) {
    BIND_TRY(BoundExprPtr otherwise, BindExpr(*expr.children.back(), level));
    results.push_back(std::move(otherwise));
  }
  BIND_TRY(e->type, CommonType(results, "CASE", expr.location));
  if (arg) e->args.push_back(std::move(arg));
  for (size_t k = 0; k < conds.size(); ++k) {
    e->args.push_back(std::move(conds[k]));
    e->args.push_back(std::move(results[k]));
  }
  if (expr.has_else) e->args.push_back(std::move(results.back()));
  return At(std::move(e), expr.location);
}

// transformAExprIn: the items without column references of this level ("non-vars"), when there
// are at least two and they share a type with x, become `x = ANY (ARRAY[...])` (an array
// constant once folded, '{1,2,3}'::integer[]); the others are OR-ed equalities (NOT IN: AND of
// <>).
Result<BoundExprPtr> Binder::BindIn(const sql::Expr& expr, Level& level) {
  const int loc = expr.location;
  BIND_TRY(BoundExprPtr x, BindExpr(*expr.children[0], level));
  std::vector<BoundExprPtr> vars;
  std::vector<BoundExprPtr> nonvars;
  for (size_t i = 1; i < expr.children.size(); ++i) {
    BIND_TRY(BoundExprPtr item, BindExpr(*expr.children[i], level));
    (VarNos(*item).empty() ? nonvars : vars).push_back(std::move(item));
  }
  const std::string op = expr.negated ? "<>" : "=";
  std::vector<BoundExprPtr> terms;
  if (nonvars.size() > 1) {
    std::vector<BoundExprPtr> all;
    all.push_back(Clone(*x));
    for (const BoundExprPtr& i : nonvars) all.push_back(Clone(*i));
    if (CommonType(all, "IN", loc).ok()) {
      Type elem = all[0]->type;
      elem.length = elem.scale = -1;
      // The right operand type of x op elem decides the array type (varchar → text).
      BIND_TRY(BoundExprPtr probe, MakeOperator(op, Clone(*x), MakeConst(elem, ""), loc));
      elem = probe->args[1]->type;
      Type array_type = elem;
      array_type.array = true;
      auto array = std::make_unique<BoundExpr>(BoundKind::kArray);
      array->type = array_type;
      array->location = loc;
      for (BoundExprPtr& item : nonvars) {
        BIND_TRY(BoundExprPtr c, Coerce(std::move(item), elem, false, loc));
        array->args.push_back(std::move(c));
      }
      auto saop = std::make_unique<BoundExpr>(BoundKind::kScalarArrayOp);
      saop->name = op;
      saop->op_class = ClassifyOperator(op);
      saop->use_or = !expr.negated;
      saop->type = T(TypeId::kBool);
      saop->location = loc;
      saop->args.push_back(std::move(probe->args[0]));
      // eval_const_expressions turns an ARRAY[] of constants into one array constant.
      saop->args.push_back(FoldConstants(std::move(array)));
      terms.push_back(std::move(saop));
      nonvars.clear();
    }
  }
  for (std::vector<BoundExprPtr>* list : {&nonvars, &vars}) {
    for (BoundExprPtr& item : *list) {
      BIND_TRY(BoundExprPtr cmp, MakeOperator(op, Clone(*x), std::move(item), loc));
      terms.push_back(std::move(cmp));
    }
  }
  if (terms.size() == 1) return std::move(terms[0]);
  return At(MakeBool(expr.negated ? BoundKind::kAnd : BoundKind::kOr, std::move(terms)), loc);
}

}  // namespace dbopt::bind::internal
