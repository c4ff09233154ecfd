// Bound expressions: the binder's output, mirroring PostgreSQL's primnodes.h after parse analysis.
// Names are resolved (a column is a Var: range-table index + attribute number), every node has
// a type, operators are classified for selectivity, and literals are coerced to the type of what
// they are compared with ('1995-01-01' next to a date column is a date Const), as PostgreSQL's
// parser does. The stats module estimates selectivities on these trees, the planner attaches them
// to plan nodes, and the render module prints them the way EXPLAIN does (ruleutils.c).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dbopt/bind/pg_type.h"

namespace dbopt::bind {

struct Query;  // query.h
struct BoundExpr;
using BoundExprPtr = std::unique_ptr<BoundExpr>;

enum class BoundKind {
  kVar,            // varno, attno, levelsup
  kConst,          // value (PostgreSQL's text output of the datum), is_null
  kParam,          // param_kind, param_id
  kOp,             // name (operator symbol), op_class; args {left, right} or {arg} for prefix ops
  kFunc,           // name, volatility, func_format; args
  kAnd,            // args: 2 or more
  kOr,             // args: 2 or more
  kNot,            // args {arg}
  kNullTest,       // args {arg}; negated = IS NOT NULL
  kBoolTest,       // args {arg}; bool_test
  kScalarArrayOp,  // name, op_class, use_or (ANY) / !use_or (ALL); args {scalar, array}
  kCast,           // args {arg}; cast_format; type is the target type
  kCase,           // args: [arg if has_case_arg] then WHEN/THEN pairs, then [ELSE if has_else]
  kCoalesce,       // args
  kMinMax,         // args; name "GREATEST" or "LEAST"
  kNullIf,         // args {a, b}
  kDistinct,       // a IS DISTINCT FROM b: args {a, b}; IS NOT DISTINCT FROM is kNot over it
  kRow,            // ROW(...): args
  kArray,          // ARRAY[...]: args (a constant array is a kConst with an array type instead)
  kSubLink,       // sublink_type, subquery, args {testexpr} for ANY/ALL/ROWCOMPARE; name = operator
  kSubPlan,       // planner output: a SubLink turned into SubPlan `subplan_id`; args {testexpr}
  kAggref,        // name; args; agg_distinct, agg_star, agg_filter, agg_order; agg_split
  kWindowFunc,    // name; args; win_ref (index into Query::windows); agg_star; agg_filter
  kGroupingFunc,  // GROUPING(...): args
  kSqlValue,      // CURRENT_DATE, CURRENT_TIMESTAMP, ...: name
};

// How an operator behaves for selectivity (PostgreSQL picks oprrest/oprjoin per operator; we
// classify by symbol and operand types the same way).
enum class OpClass {
  kEq,         // =      eqsel / eqjoinsel
  kNe,         // <>     neqsel
  kLt,         // <      scalarltsel
  kLe,         // <=     scalarlesel
  kGt,         // >      scalargtsel
  kGe,         // >=     scalargesel
  kLike,       // ~~     likesel
  kNotLike,    // !~~    nlikesel
  kILike,      // ~~*    iclikesel
  kNotILike,   // !~~*   icnlikesel
  kRegex,      // ~      regexeqsel
  kNotRegex,   // !~
  kIRegex,     // ~*
  kNotIRegex,  // !~*
  kArith,      // + - * / % ^ ||: no restriction estimator
  kOther,      // anything else: PostgreSQL's default selectivity for its class
};

enum class ParamKind { kExtern, kExec };  // $1 from the client / $0 set by an InitPlan
enum class Volatility { kImmutable, kStable, kVolatile };
enum class FuncFormat { kNormal, kExplicitCast, kImplicitCast, kSqlSyntax };  // CoercionForm
enum class CastFormat { kExplicit, kImplicit };
enum class BoolTestKind { kIsTrue, kIsNotTrue, kIsFalse, kIsNotFalse, kIsUnknown, kIsNotUnknown };
enum class SubLinkType { kExists, kAll, kAny, kRowCompare, kExpr, kArray, kCte };
enum class AggSplit { kSimple, kInitialSerial, kFinalDeserial };  // plain, Partial, Finalize

struct BoundExpr {
  BoundKind kind = BoundKind::kConst;
  Type type;          // result type
  int location = -1;  // byte offset in the source, -1 when synthesized
  std::vector<BoundExprPtr> args;

  // kVar
  int varno = 0;            // 1-based index into the Query's range table
  int attno = 0;            // 1-based column number; 0 = whole row
  int levelsup = 0;         // 0 = this query level; 1 = the enclosing query (outer reference)
  std::string column_name;  // for messages and printing; the binder fills it

  // kConst
  std::string value;  // text form, e.g. "1995-01-01", "0.05", "F", "{1,2,3}"
  bool is_null = false;

  // kParam
  ParamKind param_kind = ParamKind::kExtern;
  int param_id = 0;

  // kOp, kFunc, kScalarArrayOp, kMinMax, kAggref, kWindowFunc, kSqlValue, kSubLink operator
  std::string name;
  OpClass op_class = OpClass::kOther;
  Volatility volatility = Volatility::kImmutable;
  FuncFormat func_format = FuncFormat::kNormal;
  CastFormat cast_format = CastFormat::kExplicit;  // kCast
  bool use_or = true;                              // kScalarArrayOp: ANY (true) or ALL
  bool negated = false;                            // kNullTest: IS NOT NULL
  BoolTestKind bool_test = BoolTestKind::kIsTrue;  // kBoolTest
  bool has_case_arg = false;                       // kCase
  bool has_else = false;                           // kCase

  // kSubLink
  SubLinkType sublink_type = SubLinkType::kExists;
  std::shared_ptr<Query> subquery;
  // kSubPlan
  int subplan_id = 0;  // 1-based, as EXPLAIN numbers SubPlans and InitPlans

  // kAggref, kWindowFunc
  bool agg_distinct = false;
  bool agg_star = false;
  BoundExprPtr agg_filter;
  std::vector<BoundExprPtr> agg_order;  // ORDER BY inside the aggregate call
  AggSplit agg_split = AggSplit::kSimple;
  int win_ref = 0;  // kWindowFunc: 1-based index into Query::windows

  BoundExpr();
  explicit BoundExpr(BoundKind k);
  ~BoundExpr();
  BoundExpr(BoundExpr&&) noexcept;
  BoundExpr& operator=(BoundExpr&&) noexcept;
  BoundExpr(const BoundExpr&) = delete;
  BoundExpr& operator=(const BoundExpr&) = delete;
};

BoundExprPtr MakeVar(int varno, int attno, const Type& type, std::string column_name);
BoundExprPtr MakeConst(const Type& type, std::string value, bool is_null = false);
BoundExprPtr MakeOp(std::string op, OpClass op_class, const Type& result, BoundExprPtr left,
                    BoundExprPtr right);
BoundExprPtr MakeBool(BoundKind kind, std::vector<BoundExprPtr> args);  // kAnd, kOr, kNot

// A deep copy (subquery pointers are shared, not copied).
BoundExprPtr Clone(const BoundExpr& expr);

// Structural equality (PostgreSQL's equal()): kinds, types, names, values, children; locations
// are ignored.
bool Equal(const BoundExpr& a, const BoundExpr& b);

// Calls visit on every node, parents before children, not descending into subqueries.
template <typename Visit>
void Walk(const BoundExpr& expr, Visit&& visit);

// expr without its implicit binary-compatible casts (PostgreSQL's RelabelType, which index
// matching looks through): a cast to the same type, or varchar → text.
const BoundExpr* StripRelabel(const BoundExpr& expr);

// The distinct range-table indexes of the level-0 Vars in expr (PostgreSQL's pull_varnos).
std::vector<int> VarNos(const BoundExpr& expr);

// True when expr contains a volatile function (contain_volatile_functions), an aggregate
// (contain_agg_clause), a window function, or a SubLink/SubPlan.
bool ContainsVolatile(const BoundExpr& expr);
bool ContainsAggregate(const BoundExpr& expr);
bool ContainsWindowFunc(const BoundExpr& expr);
bool ContainsSubLink(const BoundExpr& expr);

// The commuted operator (PostgreSQL's oprcom): "<" ↔ ">", "<=" ↔ ">=", "=" and "<>" themselves;
// empty when the operator has no commutator.
std::string CommutatorOf(const std::string& op);
// The negator (oprnegate): "=" ↔ "<>", "<" ↔ ">=", "~~" ↔ "!~~", ...; empty when none.
std::string NegatorOf(const std::string& op);
OpClass ClassifyOperator(const std::string& op);

// ---- implementation of the template ----
template <typename Visit>
void Walk(const BoundExpr& expr, Visit&& visit) {
  std::vector<const BoundExpr*> stack{&expr};
  while (!stack.empty()) {
    const BoundExpr* node = stack.back();
    stack.pop_back();
    visit(*node);
    // Null children (absent optional parts) are skipped.
    if (node->agg_filter) stack.push_back(node->agg_filter.get());
    for (auto it = node->agg_order.rbegin(); it != node->agg_order.rend(); ++it) {
      if (*it) stack.push_back(it->get());
    }
    for (auto it = node->args.rbegin(); it != node->args.rend(); ++it) {
      if (*it) stack.push_back(it->get());
    }
  }
}

}  // namespace dbopt::bind
