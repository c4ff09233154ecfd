// dbopt's expression tree: one tagged node type, Expr, whose ExprKind says which fields are set
// and what its children mean. Later modules (binder, planner, linter, DDL loader) walk it with a
// switch on `kind`. Every node carries the byte offset of its first token in the source file.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace dbopt::sql {

struct SelectStmt;  // ast_select.h
struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// Byte offset in the source file; kNoLocation when PostgreSQL's parser does not record one.
constexpr int kNoLocation = -1;

// A type as written: `varchar(25)`, `numeric(15,2)`, `int[]`, `pg_catalog.int4`.
// PostgreSQL's grammar already maps SQL-standard names to catalog names (`integer` →
// pg_catalog.int4); FormatType (type_name.h) prints them back the way format_type() does.
struct TypeName {
  std::vector<std::string> names;      // qualified name, e.g. {"pg_catalog", "varchar"}
  std::vector<std::string> modifiers;  // typmods as SQL text: {"15", "2"}; INTERVAL fields as words
  int array_dimensions = 0;            // number of [] suffixes
  bool setof = false;
  bool percent_type = false;  // t.col%TYPE
  int location = kNoLocation;
};

enum class SortDirection { kDefault, kAsc, kDesc, kUsing };
enum class NullsOrder { kDefault, kFirst, kLast };

// One ORDER BY item (also aggregate ORDER BY and window ORDER BY).
struct SortItem {
  ExprPtr expr;
  SortDirection direction = SortDirection::kDefault;
  NullsOrder nulls = NullsOrder::kDefault;
  std::string using_operator;  // ORDER BY x USING <
  int location = kNoLocation;
};

enum class FrameMode { kDefault, kRange, kRows, kGroups };
enum class FrameBoundKind {
  kUnboundedPreceding,
  kPreceding,  // offset PRECEDING
  kCurrentRow,
  kFollowing,  // offset FOLLOWING
  kUnboundedFollowing,
};
enum class FrameExclusion { kNoOthers, kCurrentRow, kGroup, kTies };

struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::kUnboundedPreceding;
  ExprPtr offset;  // kPreceding / kFollowing only
};

// A window frame, decoded from PostgreSQL's FRAMEOPTION_* bit set. mode == kDefault means no
// frame clause was written (RANGE UNBOUNDED PRECEDING .. CURRENT ROW applies).
struct WindowFrame {
  FrameMode mode = FrameMode::kDefault;
  FrameBound start;
  FrameBound end;  // without BETWEEN PostgreSQL's default end, CURRENT ROW
  bool between = false;
  FrameExclusion exclusion = FrameExclusion::kNoOthers;
};

// OVER (...) or one entry of a WINDOW clause.
struct WindowDef {
  std::string name;     // WINDOW w AS (...): "w"; OVER w: the referenced name
  std::string refname;  // OVER (w ORDER BY ...): "w"
  std::vector<ExprPtr> partition_by;
  std::vector<SortItem> order_by;
  WindowFrame frame;
  int location = kNoLocation;
};

// Extras of a function call; kept out of Expr so that plain nodes stay small.
struct FuncCallInfo {
  bool star = false;          // count(*)
  bool distinct = false;      // count(DISTINCT x)
  bool variadic = false;      // f(VARIADIC arr)
  bool within_group = false;  // percentile_cont(0.5) WITHIN GROUP (ORDER BY x)
  bool sql_syntax = false;    // written with SQL syntax: EXTRACT(.. FROM ..), x AT TIME ZONE z, ...
  std::vector<SortItem> order_by;   // aggregate ORDER BY or WITHIN GROUP ordering
  ExprPtr filter;                   // FILTER (WHERE ...)
  std::unique_ptr<WindowDef> over;  // OVER (...) / OVER w
};

// One step of `expr[1]`, `expr[1:2]`, `(expr).field`, `(expr).*`.
struct IndirectionStep {
  enum class Kind { kSubscript, kSlice, kField, kStar };
  Kind kind = Kind::kSubscript;
  ExprPtr lower;      // kSubscript: the index; kSlice: lower bound (may be null)
  ExprPtr upper;      // kSlice: upper bound (may be null)
  std::string field;  // kField
};

enum class ConstKind { kInteger, kNumeric, kString, kBool, kNull, kBitString };

enum class BoolTestKind { kIsTrue, kIsNotTrue, kIsFalse, kIsNotFalse, kIsUnknown, kIsNotUnknown };

enum class SubqueryKind {
  kExists,      // EXISTS (SELECT ...)
  kScalar,      // (SELECT ...)
  kArray,       // ARRAY(SELECT ...)
  kAny,         // x IN (SELECT ...) (op empty) / x op ANY (SELECT ...)
  kAll,         // x op ALL (SELECT ...)
  kRowCompare,  // (a, b) op (SELECT x, y)
};

enum class GroupingSetKind { kEmpty, kRollup, kCube, kSets };

enum class ExprKind {
  kConst,         // const_kind, text (string contents unescaped; numbers as written)
  kParam,         // $n: param_number
  kColumnRef,     // names: qualifiers then column; last name "*" for t.* or *
  kOperator,      // text = operator; names = schema when written OPERATOR(schema.op);
                  // children: {left, right}, or {operand} for a prefix operator
  kOpAny,         // x op ANY (array): text = op, children {x, array}
  kOpAll,         // x op ALL (array): text = op, children {x, array}
  kAnd,           // children: 2 or more operands
  kOr,            // children: 2 or more operands
  kNot,           // children {operand}
  kFuncCall,      // names = qualified function name; children = args; func = extras
  kCast,          // children {operand}; type; `x::t`, CAST(x AS t) and typed literals `date '...'`
  kCollate,       // children {operand}; names = collation
  kCase,          // children: [arg if has_case_arg] then WHEN/THEN pairs, then [ELSE if has_else]
  kIn,            // x [NOT] IN (list): children {x, item...}; negated
  kBetween,       // children {x, low, high}; negated; symmetric
  kLike,          // x [NOT] LIKE p: children {x, pattern[, escape]}; negated
  kILike,         // ILIKE, same layout
  kSimilar,       // SIMILAR TO, same layout
  kNullTest,      // x IS [NOT] NULL: children {x}; negated
  kBoolTest,      // x IS [NOT] TRUE/FALSE/UNKNOWN: children {x}; bool_test
  kDistinctFrom,  // x IS [NOT] DISTINCT FROM y: children {x, y}; negated (= IS NOT DISTINCT)
  kNullIf,        // NULLIF(a, b): children {a, b}
  kCoalesce,      // children
  kGreatest,      // children
  kLeast,         // children
  kSubquery,  // subquery; subquery_kind; text = operator (kAny/kAll); children {test} for kAny/kAll
  kArray,     // ARRAY[...]: children
  kRow,       // ROW(a, b) or (a, b): children; explicit_row when ROW was written
  kIndirection,       // children {base}; indirection steps
  kSqlValueFunction,  // CURRENT_DATE, CURRENT_TIMESTAMP(3), CURRENT_USER...: text (and typmod in
                      // param_number, -1 if none)
  kDefault,           // DEFAULT in VALUES or UPDATE SET
  kNamedArg,          // name => value inside a call: text = name, children {value}
  kGroupingSet,       // GROUP BY ROLLUP/CUBE/GROUPING SETS/(): grouping_kind; children
  kGroupingFunc,      // GROUPING(a, b): children
  kStar,              // bare * in a target list (ColumnRef with only "*" is kColumnRef instead)
};

struct Expr {
  ExprKind kind = ExprKind::kConst;
  int location = kNoLocation;
  std::string text;                // see ExprKind
  std::vector<std::string> names;  // see ExprKind
  std::vector<ExprPtr> children;   // see ExprKind

  ConstKind const_kind = ConstKind::kNull;  // kConst
  int param_number = 0;                     // kParam; kSqlValueFunction typmod
  bool negated = false;                     // kIn, kBetween, kLike.., kNullTest, kDistinctFrom
  bool symmetric = false;                   // kBetween
  bool explicit_row = false;                // kRow
  bool has_case_arg = false;                // kCase
  bool has_else = false;                    // kCase
  BoolTestKind bool_test = BoolTestKind::kIsTrue;           // kBoolTest
  SubqueryKind subquery_kind = SubqueryKind::kScalar;       // kSubquery
  GroupingSetKind grouping_kind = GroupingSetKind::kEmpty;  // kGroupingSet
  std::unique_ptr<TypeName> type;                           // kCast
  std::unique_ptr<FuncCallInfo> func;                       // kFuncCall
  std::unique_ptr<SelectStmt> subquery;                     // kSubquery
  std::vector<IndirectionStep> indirection;                 // kIndirection

  Expr();
  explicit Expr(ExprKind k, int loc = kNoLocation);
  // Destroys deep child chains iteratively, so that a tree as deep as the parser allows cannot
  // overflow the stack on destruction.
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
};

ExprPtr MakeExpr(ExprKind kind, int location);

// "Operator", "FuncCall", ...: the node names used by the printers and docs/ast-format.md.
const char* ExprKindName(ExprKind kind);
const char* ConstKindName(ConstKind kind);
const char* BoolTestKindName(BoolTestKind kind);  // "IS TRUE", "IS NOT UNKNOWN", ...
const char* SubqueryKindName(
    SubqueryKind kind);  // "EXISTS", "SCALAR", "ARRAY", "ANY", "ALL", "ROW COMPARE"
const char* GroupingSetKindName(GroupingSetKind kind);     // "EMPTY", "ROLLUP", "CUBE", "SETS"
const char* SortDirectionName(SortDirection direction);    // "DEFAULT", "ASC", "DESC", "USING"
const char* NullsOrderName(NullsOrder nulls);              // "DEFAULT", "FIRST", "LAST"
const char* FrameModeName(FrameMode mode);                 // "DEFAULT", "RANGE", "ROWS", "GROUPS"
const char* FrameBoundKindName(FrameBoundKind kind);       // "UNBOUNDED PRECEDING", ...
const char* FrameExclusionName(FrameExclusion exclusion);  // "NO OTHERS", "CURRENT ROW", ...

}  // namespace dbopt::sql
