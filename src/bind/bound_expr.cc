// Bound expressions: construction, deep copy, structural equality, and the walkers the planner
// and estimator need (PostgreSQL's pull_varnos, contain_*_clause, oprcom/oprnegate).
#include "dbopt/bind/bound_expr.h"

#include <algorithm>
#include <set>
#include <utility>

#include "dbopt/bind/query.h"
#include "dbopt/bind/query_walk.h"

namespace dbopt::bind {

BoundExpr::BoundExpr() = default;
BoundExpr::BoundExpr(BoundKind k) : kind(k) {}
BoundExpr::BoundExpr(BoundExpr&&) noexcept = default;
BoundExpr& BoundExpr::operator=(BoundExpr&&) noexcept = default;

// Destroys deep child chains (long AND/OR lists nest only one level, but a || b || c ... does)
// iteratively, as sql::Expr does, so destruction cannot overflow the stack.
BoundExpr::~BoundExpr() {
  std::vector<BoundExprPtr> pending;
  auto take = [&pending](BoundExpr& node) {
    for (BoundExprPtr& arg : node.args) {
      if (arg) pending.push_back(std::move(arg));
    }
    node.args.clear();
    if (node.agg_filter) pending.push_back(std::move(node.agg_filter));
    for (BoundExprPtr& o : node.agg_order) {
      if (o) pending.push_back(std::move(o));
    }
    node.agg_order.clear();
  };
  take(*this);
  while (!pending.empty()) {
    BoundExprPtr node = std::move(pending.back());
    pending.pop_back();
    take(*node);
  }
}

BoundExprPtr MakeVar(int varno, int attno, const Type& type, std::string column_name) {
  auto e = std::make_unique<BoundExpr>(BoundKind::kVar);
  e->varno = varno;
  e->attno = attno;
  e->type = type;
  e->column_name = std::move(column_name);
  return e;
}

BoundExprPtr MakeConst(const Type& type, std::string value, bool is_null) {
  auto e = std::make_unique<BoundExpr>(BoundKind::kConst);
  e->type = type;
  e->value = std::move(value);
  e->is_null = is_null;
  return e;
}

BoundExprPtr MakeOp(std::string op, OpClass op_class, const Type& result, BoundExprPtr left,
                    BoundExprPtr right) {
  auto e = std::make_unique<BoundExpr>(BoundKind::kOp);
  e->name = std::move(op);
  e->op_class = op_class;
  e->type = result;
  if (left) e->args.push_back(std::move(left));
  if (right) e->args.push_back(std::move(right));
  return e;
}

BoundExprPtr MakeBool(BoundKind kind, std::vector<BoundExprPtr> args) {
  auto e = std::make_unique<BoundExpr>(kind);
  e->type = MakeType(TypeId::kBool);
  e->args = std::move(args);
  return e;
}

namespace {

// Copies every scalar field; children are copied by the caller.
void CopyScalars(const BoundExpr& from, BoundExpr& to) {
  to.kind = from.kind;
  to.type = from.type;
  to.location = from.location;
  to.varno = from.varno;
  to.attno = from.attno;
  to.levelsup = from.levelsup;
  to.column_name = from.column_name;
  to.value = from.value;
  to.is_null = from.is_null;
  to.param_kind = from.param_kind;
  to.param_id = from.param_id;
  to.name = from.name;
  to.op_class = from.op_class;
  to.volatility = from.volatility;
  to.func_format = from.func_format;
  to.cast_format = from.cast_format;
  to.use_or = from.use_or;
  to.negated = from.negated;
  to.bool_test = from.bool_test;
  to.has_case_arg = from.has_case_arg;
  to.has_else = from.has_else;
  to.sublink_type = from.sublink_type;
  to.subquery = from.subquery;
  to.subplan_id = from.subplan_id;
  to.agg_distinct = from.agg_distinct;
  to.agg_star = from.agg_star;
  to.agg_split = from.agg_split;
  to.win_ref = from.win_ref;
}

bool ScalarsEqual(const BoundExpr& a, const BoundExpr& b) {
  return a.kind == b.kind && a.type == b.type && a.varno == b.varno && a.attno == b.attno &&
         a.levelsup == b.levelsup && a.value == b.value && a.is_null == b.is_null &&
         a.param_kind == b.param_kind && a.param_id == b.param_id && a.name == b.name &&
         a.op_class == b.op_class && a.func_format == b.func_format &&
         a.cast_format == b.cast_format && a.use_or == b.use_or && a.negated == b.negated &&
         a.bool_test == b.bool_test && a.has_case_arg == b.has_case_arg &&
         a.has_else == b.has_else && a.sublink_type == b.sublink_type && a.subquery == b.subquery &&
         a.subplan_id == b.subplan_id && a.agg_distinct == b.agg_distinct &&
         a.agg_star == b.agg_star && a.agg_split == b.agg_split && a.win_ref == b.win_ref &&
         a.args.size() == b.args.size() && a.agg_order.size() == b.agg_order.size() &&
         (a.agg_filter == nullptr) == (b.agg_filter == nullptr);
}

}  // namespace

BoundExprPtr Clone(const BoundExpr& expr) {
  auto out = std::make_unique<BoundExpr>();
  CopyScalars(expr, *out);
  out->args.reserve(expr.args.size());
  for (const BoundExprPtr& arg : expr.args) out->args.push_back(arg ? Clone(*arg) : nullptr);
  if (expr.agg_filter) out->agg_filter = Clone(*expr.agg_filter);
  for (const BoundExprPtr& o : expr.agg_order) out->agg_order.push_back(o ? Clone(*o) : nullptr);
  return out;
}

bool Equal(const BoundExpr& a, const BoundExpr& b) {
  if (!ScalarsEqual(a, b)) return false;
  auto same = [](const BoundExprPtr& x, const BoundExprPtr& y) {
    if (!x || !y) return !x && !y;
    return Equal(*x, *y);
  };
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (!same(a.args[i], b.args[i])) return false;
  }
  for (size_t i = 0; i < a.agg_order.size(); ++i) {
    if (!same(a.agg_order[i], b.agg_order[i])) return false;
  }
  return same(a.agg_filter, b.agg_filter);
}

// PG15 pull_varnos: the Vars of this level, and the Vars of subqueries (SubLinks) that point back
// to this level (varlevelsup == the subquery's depth).
const BoundExpr* StripRelabel(const BoundExpr& expr) {
  const BoundExpr* e = &expr;
  while (e->kind == BoundKind::kCast && e->cast_format == CastFormat::kImplicit &&
         !e->args.empty()) {
    const TypeId from = e->args[0]->type.id;
    const bool relabel = from == e->type.id || (from == TypeId::kVarchar && e->type.id == TypeId::kText);
    if (!relabel) break;
    e = e->args[0].get();
  }
  return e;
}

std::vector<int> VarNos(const BoundExpr& expr) {
  std::set<int> varnos;
  WalkWithSubqueries(expr, [&varnos](const BoundExpr& node, int depth) {
    if (node.kind == BoundKind::kVar && node.levelsup == depth) varnos.insert(node.varno);
  });
  return {varnos.begin(), varnos.end()};
}

// PG15 contain_volatile_functions: looks into sub-queries too.
bool ContainsVolatile(const BoundExpr& expr) {
  bool found = false;
  WalkWithSubqueries(expr, [&found](const BoundExpr& node, int) {
    if ((node.kind == BoundKind::kFunc || node.kind == BoundKind::kOp ||
         node.kind == BoundKind::kAggref || node.kind == BoundKind::kWindowFunc) &&
        node.volatility == Volatility::kVolatile) {
      found = true;
    }
  });
  return found;
}

// PG15 contain_agg_clause: aggregates of this level; sub-queries are not entered.
bool ContainsAggregate(const BoundExpr& expr) {
  bool found = false;
  Walk(expr, [&found](const BoundExpr& node) { found |= node.kind == BoundKind::kAggref; });
  return found;
}

bool ContainsWindowFunc(const BoundExpr& expr) {
  bool found = false;
  Walk(expr, [&found](const BoundExpr& node) { found |= node.kind == BoundKind::kWindowFunc; });
  return found;
}

bool ContainsSubLink(const BoundExpr& expr) {
  bool found = false;
  Walk(expr, [&found](const BoundExpr& node) {
    found |= node.kind == BoundKind::kSubLink || node.kind == BoundKind::kSubPlan;
  });
  return found;
}

namespace {

struct OperatorInfo {
  const char* op;
  const char* commutator;  // "" when none
  const char* negator;     // "" when none
  OpClass op_class;
};

// pg_operator's oprcom/oprnegate for the built-in operators (the same for every type pair
// that has them), and the estimator family of oprrest.
constexpr OperatorInfo kOperators[] = {
    {"=", "=", "<>", OpClass::kEq},       {"<>", "<>", "=", OpClass::kNe},
    {"<", ">", ">=", OpClass::kLt},       {"<=", ">=", ">", OpClass::kLe},
    {">", "<", "<=", OpClass::kGt},       {">=", "<=", "<", OpClass::kGe},
    {"~~", "", "!~~", OpClass::kLike},    {"!~~", "", "~~", OpClass::kNotLike},
    {"~~*", "", "!~~*", OpClass::kILike}, {"!~~*", "", "~~*", OpClass::kNotILike},
    {"~", "", "!~", OpClass::kRegex},     {"!~", "", "~", OpClass::kNotRegex},
    {"~*", "", "!~*", OpClass::kIRegex},  {"!~*", "", "~*", OpClass::kNotIRegex},
    {"+", "+", "", OpClass::kArith},      {"-", "", "", OpClass::kArith},
    {"*", "*", "", OpClass::kArith},      {"/", "", "", OpClass::kArith},
    {"%", "", "", OpClass::kArith},       {"^", "", "", OpClass::kArith},
    {"||", "", "", OpClass::kArith},      {"@>", "<@", "", OpClass::kOther},
    {"<@", "@>", "", OpClass::kOther},    {"&&", "&&", "", OpClass::kOther},
};

const OperatorInfo* FindOperator(const std::string& op) {
  for (const OperatorInfo& info : kOperators) {
    if (op == info.op) return &info;
  }
  return nullptr;
}

}  // namespace

std::string CommutatorOf(const std::string& op) {
  const OperatorInfo* info = FindOperator(op);
  return info ? info->commutator : "";
}

std::string NegatorOf(const std::string& op) {
  const OperatorInfo* info = FindOperator(op);
  return info ? info->negator : "";
}

OpClass ClassifyOperator(const std::string& op) {
  const OperatorInfo* info = FindOperator(op);
  return info ? info->op_class : OpClass::kOther;
}

}  // namespace dbopt::bind
