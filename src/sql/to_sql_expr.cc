// ToSql for expressions: canonical, fully parenthesised PostgreSQL text.
#include <algorithm>
#include <cctype>
#include <iterator>

#include "dbopt/sql/to_sql.h"
#include "dbopt/sql/type_name.h"
#include "to_sql_internal.h"

namespace dbopt::sql {
namespace {

// PostgreSQL's RESERVED and TYPE_FUNC_NAME keywords (PG15 kwlist.h): the words that cannot be a
// column name without double quotes.
const char* const kReservedWords[] = {"all",
                                      "analyse",
                                      "analyze",
                                      "and",
                                      "any",
                                      "array",
                                      "as",
                                      "asc",
                                      "asymmetric",
                                      "authorization",
                                      "binary",
                                      "both",
                                      "case",
                                      "cast",
                                      "check",
                                      "collate",
                                      "collation",
                                      "column",
                                      "concurrently",
                                      "constraint",
                                      "create",
                                      "cross",
                                      "current_catalog",
                                      "current_date",
                                      "current_role",
                                      "current_schema",
                                      "current_time",
                                      "current_timestamp",
                                      "current_user",
                                      "default",
                                      "deferrable",
                                      "desc",
                                      "distinct",
                                      "do",
                                      "else",
                                      "end",
                                      "except",
                                      "false",
                                      "fetch",
                                      "for",
                                      "foreign",
                                      "freeze",
                                      "from",
                                      "full",
                                      "grant",
                                      "group",
                                      "having",
                                      "ilike",
                                      "in",
                                      "initially",
                                      "inner",
                                      "intersect",
                                      "into",
                                      "is",
                                      "isnull",
                                      "join",
                                      "lateral",
                                      "leading",
                                      "left",
                                      "like",
                                      "limit",
                                      "localtime",
                                      "localtimestamp",
                                      "natural",
                                      "not",
                                      "notnull",
                                      "null",
                                      "offset",
                                      "on",
                                      "only",
                                      "or",
                                      "order",
                                      "outer",
                                      "overlaps",
                                      "placing",
                                      "primary",
                                      "references",
                                      "returning",
                                      "right",
                                      "select",
                                      "session_user",
                                      "similar",
                                      "some",
                                      "symmetric",
                                      "table",
                                      "tablesample",
                                      "then",
                                      "to",
                                      "trailing",
                                      "true",
                                      "union",
                                      "unique",
                                      "user",
                                      "using",
                                      "variadic",
                                      "verbose",
                                      "when",
                                      "where",
                                      "window",
                                      "with"};

}  // namespace

std::string QuoteIdentifier(std::string_view name) {
  bool safe =
      !name.empty() && (std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_');
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::islower(u) || std::isdigit(u) || c == '_' || c == '$')) safe = false;
  }
  if (safe && std::any_of(std::begin(kReservedWords), std::end(kReservedWords),
                          [&](const char* w) { return name == w; })) {
    safe = false;
  }
  if (safe) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string QuoteLiteral(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string ToSql(const TypeName& type) { return FormatType(type); }

namespace internal {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ".";
    out += names[i] == "*" ? "*" : QuoteIdentifier(names[i]);
  }
  return out;
}

std::string JoinExprs(const std::vector<ExprPtr>& exprs, size_t from) {
  std::string out;
  for (size_t i = from; i < exprs.size(); ++i) {
    if (i > from) out += ", ";
    out += exprs[i] ? ToSql(*exprs[i]) : "NULL";
  }
  return out;
}

std::string SortItemsSql(const std::vector<SortItem>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    const SortItem& item = items[i];
    if (i > 0) out += ", ";
    out += item.expr ? ToSql(*item.expr) : "NULL";
    if (item.direction == SortDirection::kAsc) out += " ASC";
    if (item.direction == SortDirection::kDesc) out += " DESC";
    if (item.direction == SortDirection::kUsing) out += " USING " + item.using_operator;
    if (item.nulls == NullsOrder::kFirst) out += " NULLS FIRST";
    if (item.nulls == NullsOrder::kLast) out += " NULLS LAST";
  }
  return out;
}

namespace {

std::string BoundSql(const FrameBound& bound) {
  switch (bound.kind) {
    case FrameBoundKind::kPreceding:
      return (bound.offset ? ToSql(*bound.offset) : "0") + " PRECEDING";
    case FrameBoundKind::kFollowing:
      return (bound.offset ? ToSql(*bound.offset) : "0") + " FOLLOWING";
    default:
      return FrameBoundKindName(bound.kind);
  }
}

}  // namespace

std::string WindowSpecSql(const WindowDef& w) {
  std::vector<std::string> parts;
  if (!w.refname.empty()) parts.push_back(QuoteIdentifier(w.refname));
  if (!w.partition_by.empty()) parts.push_back("PARTITION BY " + JoinExprs(w.partition_by));
  if (!w.order_by.empty()) parts.push_back("ORDER BY " + SortItemsSql(w.order_by));
  if (w.frame.mode != FrameMode::kDefault) {
    std::string frame = FrameModeName(w.frame.mode);
    frame += w.frame.between
                 ? " BETWEEN " + BoundSql(w.frame.start) + " AND " + BoundSql(w.frame.end)
                 : " " + BoundSql(w.frame.start);
    if (w.frame.exclusion != FrameExclusion::kNoOthers) {
      frame += std::string(" EXCLUDE ") + FrameExclusionName(w.frame.exclusion);
    }
    parts.push_back(frame);
  }
  std::string out = "(";
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? " " : "") + parts[i];
  return out + ")";
}

}  // namespace internal
}  // namespace dbopt::sql

namespace dbopt::sql {
namespace {

using internal::JoinExprs;
using internal::JoinNames;

std::string Child(const Expr& e, size_t i) {
  return i < e.children.size() && e.children[i] ? ToSql(*e.children[i]) : "NULL";
}

std::string ConstSql(const Expr& e) {
  switch (e.const_kind) {
    case ConstKind::kInteger:
    case ConstKind::kNumeric:
      return e.text;
    case ConstKind::kString:
      return QuoteLiteral(e.text);
    case ConstKind::kBool:
      return e.text;
    case ConstKind::kNull:
      return "NULL";
    case ConstKind::kBitString:  // PostgreSQL keeps "b1010" / "x1F"
      if (e.text.size() >= 1 && (e.text[0] == 'x' || e.text[0] == 'X'))
        return "X'" + e.text.substr(1) + "'";
      return "B'" + e.text.substr(e.text.empty() ? 0 : 1) + "'";
  }
  return "NULL";
}

// `x::type` binds tighter than any operator, so only these operands need parentheses.
bool NeedsParensBeforeCast(const Expr& e) {
  if (e.kind == ExprKind::kCollate) return true;
  return e.kind == ExprKind::kConst && !e.text.empty() && e.text[0] == '-';
}

// Calls the parser made from SQL syntax (funcformat COERCE_SQL_SYNTAX) print in that syntax, so
// that the text parses back to the same tree; empty when `e` is not one of them.
std::string SqlSyntaxCallSql(const Expr& e) {
  if (!e.func || !e.func->sql_syntax || e.names.size() != 2 || e.names[0] != "pg_catalog")
    return "";
  const std::string& name = e.names[1];
  const size_t n = e.children.size();
  if (name == "extract" && n == 2 && e.children[0] &&
      e.children[0]->const_kind == ConstKind::kString) {
    return "EXTRACT(" + e.children[0]->text + " FROM " + Child(e, 1) + ")";
  }
  if (name == "substring" && (n == 2 || n == 3)) {
    return "SUBSTRING(" + Child(e, 0) + " FROM " + Child(e, 1) +
           (n == 3 ? " FOR " + Child(e, 2) : "") + ")";
  }
  if (name == "timezone" && n == 2) return "(" + Child(e, 1) + " AT TIME ZONE " + Child(e, 0) + ")";
  if (name == "position" && n == 2) return "POSITION(" + Child(e, 1) + " IN " + Child(e, 0) + ")";
  if (name == "overlay" && (n == 3 || n == 4)) {
    return "OVERLAY(" + Child(e, 0) + " PLACING " + Child(e, 1) + " FROM " + Child(e, 2) +
           (n == 4 ? " FOR " + Child(e, 3) : "") + ")";
  }
  if ((name == "btrim" || name == "ltrim" || name == "rtrim") && (n == 1 || n == 2)) {
    const char* side = name == "btrim" ? "BOTH" : name == "ltrim" ? "LEADING" : "TRAILING";
    return std::string("TRIM(") + side + (n == 2 ? " " + Child(e, 1) : "") + " FROM " +
           Child(e, 0) + ")";
  }
  return "";
}

std::string FuncCallSql(const Expr& e) {
  if (std::string syntax = SqlSyntaxCallSql(e); !syntax.empty()) return syntax;
  const FuncCallInfo* f = e.func.get();
  std::string out = JoinNames(e.names) + "(";
  if (f && f->star) {
    out += "*";
  } else {
    if (f && f->distinct) out += "DISTINCT ";
    for (size_t i = 0; i < e.children.size(); ++i) {
      if (i > 0) out += ", ";
      if (f && f->variadic && i + 1 == e.children.size()) out += "VARIADIC ";
      out += Child(e, i);
    }
    if (f && !f->within_group && !f->order_by.empty())
      out += " ORDER BY " + internal::SortItemsSql(f->order_by);
  }
  out += ")";
  if (f == nullptr) return out;
  if (f->within_group)
    out += " WITHIN GROUP (ORDER BY " + internal::SortItemsSql(f->order_by) + ")";
  if (f->filter) out += " FILTER (WHERE " + ToSql(*f->filter) + ")";
  if (f->over) {
    const bool bare_name = !f->over->name.empty() && f->over->refname.empty() &&
                           f->over->partition_by.empty() && f->over->order_by.empty() &&
                           f->over->frame.mode == FrameMode::kDefault;
    out +=
        " OVER " + (bare_name ? QuoteIdentifier(f->over->name) : internal::WindowSpecSql(*f->over));
  }
  return out;
}

std::string SubquerySql(const Expr& e) {
  const std::string query =
      "(" + (e.subquery ? ToSql(*e.subquery) : std::string("SELECT NULL")) + ")";
  switch (e.subquery_kind) {
    case SubqueryKind::kExists:
      return "EXISTS " + query;
    case SubqueryKind::kScalar:
      return query;
    case SubqueryKind::kArray:
      return "ARRAY" + query;
    case SubqueryKind::kAny:
      if (e.text.empty()) return "(" + Child(e, 0) + " IN " + query + ")";
      return "(" + Child(e, 0) + " " + e.text + " ANY " + query + ")";
    case SubqueryKind::kAll:
      return "(" + Child(e, 0) + " " + e.text + " ALL " + query + ")";
    case SubqueryKind::kRowCompare:
      return "(" + Child(e, 0) + " " + e.text + " " + query + ")";
  }
  return query;
}

std::string IndirectionSql(const Expr& e) {
  const Expr* base = e.children.empty() ? nullptr : e.children[0].get();
  std::string out = base ? ToSql(*base) : "NULL";
  if (!base || (base->kind != ExprKind::kColumnRef && base->kind != ExprKind::kParam))
    out = "(" + out + ")";
  for (const IndirectionStep& step : e.indirection) {
    switch (step.kind) {
      case IndirectionStep::Kind::kSubscript:
        out += "[" + (step.lower ? ToSql(*step.lower) : "") + "]";
        break;
      case IndirectionStep::Kind::kSlice:
        out += "[" + (step.lower ? ToSql(*step.lower) : "") + ":" +
               (step.upper ? ToSql(*step.upper) : "") + "]";
        break;
      case IndirectionStep::Kind::kField:
        out += "." + QuoteIdentifier(step.field);
        break;
      case IndirectionStep::Kind::kStar:
        out += ".*";
        break;
    }
  }
  return out;
}

std::string PatternSql(const Expr& e, const char* keyword) {
  std::string out = "(" + Child(e, 0) + (e.negated ? " NOT " : " ") + keyword + " " + Child(e, 1);
  if (e.children.size() > 2) out += " ESCAPE " + Child(e, 2);
  return out + ")";
}

std::string CaseSql(const Expr& e) {
  std::string out = "CASE";
  size_t i = 0;
  if (e.has_case_arg) out += " " + Child(e, i++);
  const size_t pairs_end = e.children.size() - (e.has_else ? 1 : 0);
  for (; i + 1 < pairs_end; i += 2) out += " WHEN " + Child(e, i) + " THEN " + Child(e, i + 1);
  if (e.has_else) out += " ELSE " + Child(e, e.children.size() - 1);
  return out + " END";
}

std::string Joined(const Expr& e, const char* separator) {
  std::string out = "(";
  for (size_t i = 0; i < e.children.size(); ++i) out += (i > 0 ? separator : "") + Child(e, i);
  return out + ")";
}

}  // namespace

std::string ToSql(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kConst:
      return ConstSql(e);
    case ExprKind::kParam:
      return "$" + std::to_string(e.param_number);
    case ExprKind::kColumnRef:
      return JoinNames(e.names);
    case ExprKind::kStar:
      return "*";
    case ExprKind::kOperator: {
      const std::string op =
          e.names.empty() ? e.text : "OPERATOR(" + JoinNames(e.names) + "." + e.text + ")";
      if (e.children.size() == 1) return "(" + op + " " + Child(e, 0) + ")";
      return "(" + Child(e, 0) + " " + op + " " + Child(e, 1) + ")";
    }
    case ExprKind::kOpAny:
      return "(" + Child(e, 0) + " " + e.text + " ANY (" + Child(e, 1) + "))";
    case ExprKind::kOpAll:
      return "(" + Child(e, 0) + " " + e.text + " ALL (" + Child(e, 1) + "))";
    case ExprKind::kAnd:
      return Joined(e, " AND ");
    case ExprKind::kOr:
      return Joined(e, " OR ");
    case ExprKind::kNot:
      return "(NOT " + Child(e, 0) + ")";
    case ExprKind::kFuncCall:
      return FuncCallSql(e);
    case ExprKind::kCast: {
      const Expr* operand = e.children.empty() ? nullptr : e.children[0].get();
      std::string arg = operand ? ToSql(*operand) : "NULL";
      if (operand && NeedsParensBeforeCast(*operand)) arg = "(" + arg + ")";
      return arg + "::" + (e.type ? FormatType(*e.type) : "unknown");
    }
    case ExprKind::kCollate:
      return "(" + Child(e, 0) + " COLLATE " + JoinNames(e.names) + ")";
    case ExprKind::kCase:
      return CaseSql(e);
    case ExprKind::kIn:
      return "(" + Child(e, 0) + (e.negated ? " NOT IN (" : " IN (") + JoinExprs(e.children, 1) +
             "))";
    case ExprKind::kBetween:
      return "(" + Child(e, 0) + (e.negated ? " NOT BETWEEN " : " BETWEEN ") +
             (e.symmetric ? "SYMMETRIC " : "") + Child(e, 1) + " AND " + Child(e, 2) + ")";
    case ExprKind::kLike:
      return PatternSql(e, "LIKE");
    case ExprKind::kILike:
      return PatternSql(e, "ILIKE");
    case ExprKind::kSimilar:
      return PatternSql(e, "SIMILAR TO");
    case ExprKind::kNullTest:
      return "(" + Child(e, 0) + (e.negated ? " IS NOT NULL)" : " IS NULL)");
    case ExprKind::kBoolTest:
      return "(" + Child(e, 0) + " " + BoolTestKindName(e.bool_test) + ")";
    case ExprKind::kDistinctFrom:
      return "(" + Child(e, 0) + (e.negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") +
             Child(e, 1) + ")";
    case ExprKind::kNullIf:
      return "NULLIF(" + JoinExprs(e.children) + ")";
    case ExprKind::kCoalesce:
      return "COALESCE(" + JoinExprs(e.children) + ")";
    case ExprKind::kGreatest:
      return "GREATEST(" + JoinExprs(e.children) + ")";
    case ExprKind::kLeast:
      return "LEAST(" + JoinExprs(e.children) + ")";
    case ExprKind::kSubquery:
      return SubquerySql(e);
    case ExprKind::kArray:
      return "ARRAY[" + JoinExprs(e.children) + "]";
    case ExprKind::kRow:
      return (e.explicit_row ? "ROW(" : "(") + JoinExprs(e.children) + ")";
    case ExprKind::kIndirection:
      return IndirectionSql(e);
    case ExprKind::kSqlValueFunction:
      return e.param_number >= 0 ? e.text + "(" + std::to_string(e.param_number) + ")" : e.text;
    case ExprKind::kDefault:
      return "DEFAULT";
    case ExprKind::kNamedArg:
      return QuoteIdentifier(e.text) + " => " + Child(e, 0);
    case ExprKind::kGroupingSet:
      switch (e.grouping_kind) {
        case GroupingSetKind::kEmpty:
          return "()";
        case GroupingSetKind::kRollup:
          return "ROLLUP (" + JoinExprs(e.children) + ")";
        case GroupingSetKind::kCube:
          return "CUBE (" + JoinExprs(e.children) + ")";
        case GroupingSetKind::kSets:
          return "GROUPING SETS (" + JoinExprs(e.children) + ")";
      }
      return "()";
    case ExprKind::kGroupingFunc:
      return "GROUPING(" + JoinExprs(e.children) + ")";
  }
  return "NULL";
}

}  // namespace dbopt::sql
