// Mirrors ruleutils.c get_rule_expr() and its helpers (get_variable, get_const_expr,
// get_oper_expr, get_func_expr, get_coercion_expr, get_agg_expr) for deparse_expression() with
// prettyFlags 0, as explain.c calls it. The `show_implicit` argument is ruleutils.c's
// showimplicit: false at the top and under AND/OR/NOT, true for operands of operators, function
// arguments and most other sub-expressions.
#include "dbopt/render/deparse.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "dbopt/catalog/identifier.h"

namespace dbopt::render {
namespace {

using bind::BoundExpr;
using bind::BoundKind;
using bind::TypeId;

const char* BoolTestSuffix(bind::BoolTestKind kind) {
  switch (kind) {
    case bind::BoolTestKind::kIsTrue:
      return " IS TRUE";
    case bind::BoolTestKind::kIsNotTrue:
      return " IS NOT TRUE";
    case bind::BoolTestKind::kIsFalse:
      return " IS FALSE";
    case bind::BoolTestKind::kIsNotFalse:
      return " IS NOT FALSE";
    case bind::BoolTestKind::kIsUnknown:
      return " IS UNKNOWN";
    case bind::BoolTestKind::kIsNotUnknown:
      return " IS NOT UNKNOWN";
  }
  return "";
}

// simple_quote_literal with standard_conforming_strings on: only quotes are doubled.
std::string QuoteLiteral(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

class Deparser {
 public:
  explicit Deparser(const DeparseContext& context) : context_(context) {}

  void Expr(const BoundExpr& e, bool show_implicit);
  // get_const_expr: show_type -1 = never label, 0 = label unless the literal reads back as
  // the right type.
  void Const(const BoundExpr& e, int show_type);

  std::string out;
  std::string unsupported;  // first unsupported construct, if any

 private:
  void Var(const BoundExpr& e);
  void Op(const BoundExpr& e);
  void Func(const BoundExpr& e, bool show_implicit);
  bool SqlSyntaxFunc(const BoundExpr& e);
  void Coercion(const BoundExpr& arg, const bind::Type& type);
  void Bool(const BoundExpr& e);
  void Case(const BoundExpr& e);
  void Agg(const BoundExpr& e);
  void List(const std::vector<bind::BoundExprPtr>& args, size_t from, bool show_implicit);
  void Call(const std::string& name, const std::vector<bind::BoundExprPtr>& args);

  const DeparseContext& context_;
};

void Deparser::List(const std::vector<bind::BoundExprPtr>& args, size_t from, bool show_implicit) {
  for (size_t i = from; i < args.size(); ++i) {
    if (i > from) out += ", ";
    Expr(*args[i], show_implicit);
  }
}

void Deparser::Call(const std::string& name, const std::vector<bind::BoundExprPtr>& args) {
  out += name + "(";
  List(args, 0, true);
  out += ")";
}

// get_variable: the column name, prefixed by the entry's EXPLAIN name when useprefix is on or
// when the Var belongs to another relation than the one scanned (a parameter's referent).
void Deparser::Var(const BoundExpr& e) {
  const int index = e.varno - 1;
  std::string refname;
  if (context_.refnames && index >= 0 && index < static_cast<int>(context_.refnames->size())) {
    refname = (*context_.refnames)[index];
  } else if (context_.rtable && index >= 0 && index < static_cast<int>(context_.rtable->size())) {
    refname = (*context_.rtable)[index].alias;
  }
  std::string column = e.column_name;
  if (context_.rtable && index >= 0 && index < static_cast<int>(context_.rtable->size())) {
    const auto& names = (*context_.rtable)[index].column_names;
    if (e.attno >= 1 && e.attno <= static_cast<int>(names.size())) column = names[e.attno - 1];
  }
  const bool outer_reference =
      e.levelsup > 0 || (context_.scan_rtindex != 0 && e.varno != context_.scan_rtindex);
  const bool whole_row = e.attno == 0;
  if (!refname.empty() && (context_.use_prefix || outer_reference || whole_row)) {
    out += catalog::QuoteIdentifier(refname) + ".";
  }
  out += whole_row ? "*" : catalog::QuoteIdentifier(column);
}

void Deparser::Const(const BoundExpr& e, int show_type) {
  const std::string label = bind::CastName(e.type);
  if (e.is_null) {
    out += "NULL";
    if (show_type >= 0) out += "::" + label;
    return;
  }
  const std::string& v = e.value;
  bool need_label = true;
  if (e.type.array) {
    out += QuoteLiteral(v);
  } else if (e.type.id == TypeId::kInt4) {
    // Negative integers are quoted and labelled so they read back as one constant.
    const bool negative = !v.empty() && v[0] == '-';
    out += negative ? QuoteLiteral(v) : v;
    need_label = negative;
  } else if (e.type.id == TypeId::kNumeric) {
    // Bare when it looks like a float literal: a leading digit and a '.', 'e' or 'E'.
    const bool bare = !v.empty() && std::isdigit(static_cast<unsigned char>(v[0])) &&
                      v.find_first_of("eE.") != std::string::npos;
    out += bare ? v : QuoteLiteral(v);
    need_label = !bare;
  } else if (e.type.id == TypeId::kBool) {
    out += (v == "t" || v == "true") ? "true" : "false";
    need_label = false;
  } else {
    out += QuoteLiteral(v);
    need_label = e.type.id != TypeId::kUnknown;
  }
  if (show_type >= 0 && need_label) out += "::" + label;
}

// get_oper_expr: "(left op right)" or "(op arg)" for a prefix operator.
void Deparser::Op(const BoundExpr& e) {
  out += "(";
  if (e.args.size() == 1) {
    out += e.name + " ";
    Expr(*e.args[0], true);
  } else if (e.args.size() == 2) {
    Expr(*e.args[0], true);
    out += " " + e.name + " ";
    Expr(*e.args[1], true);
  }
  out += ")";
}

// get_coercion_expr: "(arg)::type", or a constant of the same type without its own label.
void Deparser::Coercion(const BoundExpr& arg, const bind::Type& type) {
  if (arg.kind == BoundKind::kConst && arg.type.id == type.id && arg.type.array == type.array &&
      arg.type.length < 0) {
    Const(arg, -1);
  } else {
    out += "(";
    Expr(arg, false);
    out += ")";
  }
  out += "::" + bind::FormatType(type);
}

void Deparser::Bool(const BoundExpr& e) {
  if (e.kind == BoundKind::kNot) {
    out += "(NOT ";
    if (!e.args.empty()) Expr(*e.args[0], false);
    out += ")";
    return;
  }
  const char* joiner = e.kind == BoundKind::kAnd ? " AND " : " OR ";
  out += "(";
  for (size_t i = 0; i < e.args.size(); ++i) {
    if (i > 0) out += joiner;
    Expr(*e.args[i], false);
  }
  out += ")";
}

// CaseExpr: "CASE [arg] WHEN c THEN r ... ELSE d END"; a CASE without ELSE has a NULL default
// of the CASE's type, which ruleutils.c prints too.
void Deparser::Case(const BoundExpr& e) {
  out += "CASE";
  size_t i = 0;
  if (e.has_case_arg && !e.args.empty()) {
    out += " ";
    Expr(*e.args[0], true);
    i = 1;
  }
  const size_t pairs_end = (e.has_else && !e.args.empty()) ? e.args.size() - 1 : e.args.size();
  for (; i + 1 < pairs_end; i += 2) {
    out += " WHEN ";
    Expr(*e.args[i], false);
    out += " THEN ";
    Expr(*e.args[i + 1], true);
  }
  out += " ELSE ";
  if (e.has_else) {
    Expr(*e.args.back(), true);
  } else {
    out += "NULL::" + bind::CastName(e.type);
  }
  out += " END";
}

// get_agg_expr / get_windowfunc_expr. In EXPLAIN the window clause is not available, so a
// window function's OVER prints as "(?)".
void Deparser::Agg(const BoundExpr& e) {
  if (e.kind == BoundKind::kAggref && e.agg_split == bind::AggSplit::kInitialSerial) {
    out += "PARTIAL ";
  }
  out += catalog::QuoteIdentifier(e.name) + "(";
  if (e.agg_distinct) out += "DISTINCT ";
  if (e.agg_star) {
    out += "*";
  } else {
    List(e.args, 0, true);
  }
  if (!e.agg_order.empty()) {
    out += " ORDER BY ";
    List(e.agg_order, 0, true);
  }
  out += ")";
  if (e.agg_filter) {
    out += " FILTER (WHERE ";
    Expr(*e.agg_filter, false);
    out += ")";
  }
  if (e.kind == BoundKind::kWindowFunc) out += " OVER (?)";
}

// get_func_sql_syntax: the functions PostgreSQL 15 prints in their SQL-standard spelling when
// they were written that way. Returns false for other functions (printed as plain calls).
bool Deparser::SqlSyntaxFunc(const BoundExpr& e) {
  const auto& a = e.args;
  if (e.name == "extract" && a.size() == 2 && a[0]->kind == BoundKind::kConst) {
    out += "EXTRACT(" + a[0]->value + " FROM ";
    Expr(*a[1], false);
  } else if (e.name == "substring" && (a.size() == 2 || a.size() == 3)) {
    out += "SUBSTRING(";
    Expr(*a[0], false);
    out += " FROM ";
    Expr(*a[1], false);
    if (a.size() == 3) {
      out += " FOR ";
      Expr(*a[2], false);
    }
  } else if (e.name == "position" && a.size() == 2) {
    out += "POSITION(";
    Expr(*a[1], false);
    out += " IN ";
    Expr(*a[0], false);
  } else if ((e.name == "btrim" || e.name == "ltrim" || e.name == "rtrim") &&
             (a.size() == 1 || a.size() == 2)) {
    out += e.name == "btrim" ? "TRIM(BOTH" : e.name == "ltrim" ? "TRIM(LEADING" : "TRIM(TRAILING";
    if (a.size() == 2) {
      out += " ";
      Expr(*a[1], false);
    }
    out += " FROM ";
    Expr(*a[0], false);
  } else if (e.name == "timezone" && a.size() == 2) {
    out += "(";
    Expr(*a[1], false);
    out += " AT TIME ZONE ";
    Expr(*a[0], false);
  } else {
    return false;
  }
  out += ")";
  return true;
}

// get_func_expr: casts written as function calls print as casts (implicit ones only where
// showimplicit is on); SQL-syntax functions in their own spelling; others as name(args).
void Deparser::Func(const BoundExpr& e, bool show_implicit) {
  const bool cast = e.func_format == bind::FuncFormat::kExplicitCast ||
                    e.func_format == bind::FuncFormat::kImplicitCast;
  if (cast && !e.args.empty()) {
    if (e.func_format == bind::FuncFormat::kImplicitCast && !show_implicit) {
      Expr(*e.args[0], false);
    } else {
      Coercion(*e.args[0], e.type);
    }
    return;
  }
  if (e.func_format == bind::FuncFormat::kSqlSyntax && SqlSyntaxFunc(e)) return;
  Call(catalog::QuoteIdentifier(e.name), e.args);
}

void Deparser::Expr(const BoundExpr& e, bool show_implicit) {
  switch (e.kind) {
    case BoundKind::kVar:
      Var(e);
      return;
    case BoundKind::kConst:
      Const(e, 0);
      return;
    case BoundKind::kParam:
      out += "$" + std::to_string(e.param_id);
      return;
    case BoundKind::kOp:
      Op(e);
      return;
    case BoundKind::kFunc:
      Func(e, show_implicit);
      return;
    case BoundKind::kAnd:
    case BoundKind::kOr:
    case BoundKind::kNot:
      Bool(e);
      return;
    case BoundKind::kNullTest:
      out += "(";
      if (!e.args.empty()) Expr(*e.args[0], true);
      out += e.negated ? " IS NOT NULL)" : " IS NULL)";
      return;
    case BoundKind::kBoolTest:
      out += "(";
      if (!e.args.empty()) Expr(*e.args[0], true);
      out += std::string(BoolTestSuffix(e.bool_test)) + ")";
      return;
    case BoundKind::kScalarArrayOp:
      if (e.args.size() != 2) break;
      out += "(";
      Expr(*e.args[0], true);
      out += " " + e.name + (e.use_or ? " ANY (" : " ALL (");
      Expr(*e.args[1], true);
      out += "))";
      return;
    case BoundKind::kCast:
      if (e.args.empty()) break;
      if (e.cast_format == bind::CastFormat::kImplicit && !show_implicit) {
        Expr(*e.args[0], false);
      } else {
        Coercion(*e.args[0], e.type);
      }
      return;
    case BoundKind::kCase:
      Case(e);
      return;
    case BoundKind::kCoalesce:
      Call("COALESCE", e.args);
      return;
    case BoundKind::kMinMax:
      Call(e.name, e.args);
      return;
    case BoundKind::kNullIf:
      Call("NULLIF", e.args);
      return;
    case BoundKind::kGroupingFunc:
      Call("GROUPING", e.args);
      return;
    case BoundKind::kRow:
      Call("ROW", e.args);
      return;
    case BoundKind::kDistinct:
      if (e.args.size() != 2) break;
      out += "(";
      Expr(*e.args[0], true);
      out += " IS DISTINCT FROM ";
      Expr(*e.args[1], true);
      out += ")";
      return;
    case BoundKind::kArray:
      out += "ARRAY[";
      List(e.args, 0, true);
      out += "]";
      return;
    case BoundKind::kSubPlan: {
      // PostgreSQL 15 prints only the reference, not the test expression.
      const auto& hashed = context_.hashed_subplans;
      const bool is_hashed = std::find(hashed.begin(), hashed.end(), e.subplan_id) != hashed.end();
      out += std::string(is_hashed ? "(hashed SubPlan " : "(SubPlan ") +
             std::to_string(e.subplan_id) + ")";
      return;
    }
    case BoundKind::kAggref:
    case BoundKind::kWindowFunc:
      Agg(e);
      return;
    case BoundKind::kSqlValue:
      out += e.name;
      return;
    case BoundKind::kSubLink:
      if (unsupported.empty()) unsupported = "a sub-select that was not planned as a SubPlan";
      return;
  }
  if (unsupported.empty()) unsupported = "a malformed expression (wrong number of arguments)";
}

}  // namespace

Result<std::string> DeparseExpr(const bind::BoundExpr& expr, const DeparseContext& context) {
  Deparser deparser(context);
  deparser.Expr(expr, false);
  if (!deparser.unsupported.empty()) {
    return Error::Internal("not supported: printing " + deparser.unsupported);
  }
  return std::move(deparser.out);
}

// explain.c show_qual: make_ands_explicit() of the list, then deparse_expression().
Result<std::string> DeparseQual(const std::vector<bind::BoundExprPtr>& quals,
                                const DeparseContext& context) {
  if (quals.empty()) return std::string();
  if (quals.size() == 1) return DeparseExpr(*quals[0], context);
  Deparser deparser(context);
  deparser.out += "(";
  for (size_t i = 0; i < quals.size(); ++i) {
    if (i > 0) deparser.out += " AND ";
    deparser.Expr(*quals[i], false);
  }
  deparser.out += ")";
  if (!deparser.unsupported.empty()) {
    return Error::Internal("not supported: printing " + deparser.unsupported);
  }
  return std::move(deparser.out);
}

}  // namespace dbopt::render
