// Constant folding (PostgreSQL's clauses.c eval_const_expressions, simplify_and_arguments,
// simplify_or_arguments, negate_clause); see fold.h.
#include "dbopt/bind/fold.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"
#include "fold_values.h"

namespace dbopt::bind {
namespace {

using internal::Decimal;
using internal::Int128;

Type T(TypeId id) { return MakeType(id); }

BoundExprPtr BoolConst(bool v) { return MakeConst(T(TypeId::kBool), v ? "true" : "false"); }
bool IsConst(const BoundExpr& e) { return e.kind == BoundKind::kConst; }
bool IsBoolConst(const BoundExpr& e, bool v) {
  return IsConst(e) && !e.is_null && e.type.id == TypeId::kBool &&
         (e.value == "true" || e.value == "t") == v;
}
bool IsNullConst(const BoundExpr& e) { return IsConst(e) && e.is_null; }

std::optional<int64_t> IntLimit(TypeId id) {
  if (id == TypeId::kInt2) return 32767;
  if (id == TypeId::kInt4) return 2147483647;
  if (id == TypeId::kInt8) return std::numeric_limits<int64_t>::max();
  return std::nullopt;
}

std::optional<int64_t> ParseInt(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// A value of an integer type: in range, else nullopt (PostgreSQL would raise "out of range").
BoundExprPtr IntConst(TypeId id, Int128 v) {
  const int64_t limit = *IntLimit(id);
  if (v > limit || v < -static_cast<Int128>(limit) - 1) return nullptr;
  return MakeConst(T(id), std::to_string(static_cast<int64_t>(v)));
}

std::string FormatFloat8(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, p) : std::string();
}

std::optional<Decimal> AsDecimal(const BoundExpr& c) {
  if (internal::IsInteger(c.type.id) || c.type.id == TypeId::kNumeric) {
    return internal::ParseDecimal(c.value);
  }
  return std::nullopt;
}

BoundExprPtr Compare(const std::string& op, int cmp) {
  if (op == "=") return BoolConst(cmp == 0);
  if (op == "<>") return BoolConst(cmp != 0);
  if (op == "<") return BoolConst(cmp < 0);
  if (op == "<=") return BoolConst(cmp <= 0);
  if (op == ">") return BoolConst(cmp > 0);
  if (op == ">=") return BoolConst(cmp >= 0);
  return nullptr;
}

// An operator over constants; nullptr when dbopt does not evaluate it.
BoundExprPtr EvalOperator(const BoundExpr& e) {
  const std::string& op = e.name;
  if (e.args.size() == 1) {
    const BoundExpr& a = *e.args[0];
    if (op != "-" && op != "+") return nullptr;
    const int sign = op == "-" ? -1 : 1;
    if (internal::IsInteger(a.type.id)) {
      auto v = ParseInt(a.value);
      return v ? IntConst(e.type.id, static_cast<Int128>(*v) * sign) : nullptr;
    }
    if (a.type.id == TypeId::kNumeric) {
      auto d = internal::ParseDecimal(a.value);
      if (!d) return nullptr;
      d->digits *= sign;
      return MakeConst(e.type, internal::FormatDecimal(*d));
    }
    return nullptr;
  }
  const BoundExpr& l = *e.args[0];
  const BoundExpr& r = *e.args[1];
  const TypeId lt = l.type.id, rt = r.type.id;
  const bool cmp = e.type.id == TypeId::kBool;
  if (internal::IsInteger(lt) && internal::IsInteger(rt)) {
    auto x = ParseInt(l.value), y = ParseInt(r.value);
    if (!x || !y) return nullptr;
    if (cmp) return Compare(op, *x < *y ? -1 : *x > *y ? 1 : 0);
    const Int128 a = *x, b = *y;
    if (op == "+") return IntConst(e.type.id, a + b);
    if (op == "-") return IntConst(e.type.id, a - b);
    if (op == "*") return IntConst(e.type.id, a * b);
    if ((op == "/" || op == "%") && b != 0) return IntConst(e.type.id, op == "/" ? a / b : a % b);
    return nullptr;
  }
  if (e.type.id == TypeId::kNumeric || (cmp && lt == TypeId::kNumeric && rt == TypeId::kNumeric)) {
    auto x = AsDecimal(l), y = AsDecimal(r);
    if (!x || !y) return nullptr;
    if (cmp) return Compare(op, internal::CompareDecimal(*x, *y));
    if (op.size() != 1) return nullptr;
    auto d = internal::DecimalArith(op[0], *x, *y);
    return d ? MakeConst(e.type, internal::FormatDecimal(*d)) : nullptr;
  }
  if (e.type.id == TypeId::kFloat8 && (lt == TypeId::kFloat8 || rt == TypeId::kFloat8)) {
    const double a = std::strtod(l.value.c_str(), nullptr);
    const double b = std::strtod(r.value.c_str(), nullptr);
    if (op == "+") return MakeConst(e.type, FormatFloat8(a + b));
    if (op == "-") return MakeConst(e.type, FormatFloat8(a - b));
    if (op == "*") return MakeConst(e.type, FormatFloat8(a * b));
    if (op == "/" && b != 0) return MakeConst(e.type, FormatFloat8(a / b));
    return nullptr;
  }
  if (lt == TypeId::kDate) {
    auto day = internal::ParseDate(l.value);
    if (!day) return nullptr;
    if (internal::IsInteger(rt) && (op == "+" || op == "-")) {
      auto n = ParseInt(r.value);
      if (!n) return nullptr;
      return MakeConst(e.type, internal::FormatDate(op == "+" ? *day + *n : *day - *n));
    }
    if (rt == TypeId::kInterval && (op == "+" || op == "-")) {
      auto iv = internal::ParseInterval(r.value);
      if (!iv) return nullptr;
      const int64_t ts = internal::AddInterval(*day * 86400LL * 1000000, *iv, op == "+" ? 1 : -1);
      return MakeConst(e.type, internal::FormatTimestamp(ts));
    }
    if (rt == TypeId::kDate) {
      auto other = internal::ParseDate(r.value);
      if (!other) return nullptr;
      if (cmp) return Compare(op, *day < *other ? -1 : *day > *other ? 1 : 0);
      if (op == "-") return MakeConst(e.type, std::to_string(*day - *other));
    }
    return nullptr;
  }
  if (lt == TypeId::kTimestamp && rt == TypeId::kInterval && (op == "+" || op == "-")) {
    auto ts = internal::ParseTimestamp(l.value);
    auto iv = internal::ParseInterval(r.value);
    if (!ts || !iv) return nullptr;
    return MakeConst(
        e.type, internal::FormatTimestamp(internal::AddInterval(*ts, *iv, op == "+" ? 1 : -1)));
  }
  if (op == "||" && e.type.id == TypeId::kText && internal::IsStringType(l.type) &&
      internal::IsStringType(r.type)) {
    return MakeConst(e.type, l.value + r.value);
  }
  return nullptr;
}

// A cast of a constant; nullptr when dbopt does not evaluate it.
BoundExprPtr EvalCast(const BoundExpr& e) {
  const BoundExpr& a = *e.args[0];
  const Type& to = e.type;
  const TypeId from = a.type.id;
  const bool from_text = internal::IsStringType(a.type) || from == TypeId::kUnknown;
  if (to.array || a.type.array) return nullptr;
  if (IntLimit(to.id)) {
    if (internal::IsInteger(from) || from_text) {
      auto v = ParseInt(a.value);
      return v ? IntConst(to.id, *v) : nullptr;
    }
    if (from == TypeId::kNumeric) {
      auto d = internal::ParseDecimal(a.value);
      if (!d) return nullptr;
      Int128 p = 1;
      for (int i = 0; i < d->scale; ++i) p *= 10;
      const Int128 q = d->digits / p, rem = d->digits % p;
      const Int128 rounded = (rem * 2 >= p) ? q + 1 : (rem * 2 <= -p) ? q - 1 : q;
      return IntConst(to.id, rounded);
    }
    return nullptr;
  }
  if (to.id == TypeId::kNumeric &&
      (internal::IsInteger(from) || from == TypeId::kNumeric || from_text)) {
    auto d = internal::ParseDecimal(a.value);
    if (!d) return nullptr;
    if (to.scale >= 0) {
      if (d->scale > to.scale) return nullptr;  // rounding to the typmod is left to PostgreSQL
      while (d->scale < to.scale) {
        d->digits *= 10;
        ++d->scale;
      }
    }
    return MakeConst(to, internal::FormatDecimal(*d));
  }
  if (to.id == TypeId::kFloat8 && (internal::IsInteger(from) || from == TypeId::kNumeric)) {
    return MakeConst(to, FormatFloat8(std::strtod(a.value.c_str(), nullptr)));
  }
  if (to.id == TypeId::kDate && from_text) {
    auto d = internal::ParseDate(a.value);
    return d ? MakeConst(to, internal::FormatDate(*d)) : nullptr;
  }
  if (to.id == TypeId::kTimestamp && (from_text || from == TypeId::kDate)) {
    auto ts = internal::ParseTimestamp(a.value);
    return ts ? MakeConst(to, internal::FormatTimestamp(*ts)) : nullptr;
  }
  if (to.id == TypeId::kInterval && from_text) {
    auto iv = internal::ParseInterval(a.value);
    return iv ? MakeConst(to, internal::FormatInterval(*iv)) : nullptr;
  }
  if (internal::IsStringType(to) && (from_text || internal::IsInteger(from) ||
                                     from == TypeId::kNumeric || from == TypeId::kDate)) {
    if (to.length >= 0 && static_cast<int>(a.value.size()) != to.length &&
        to.id == TypeId::kBpchar) {
      return nullptr;  // blank-padding char(n) is left to PostgreSQL
    }
    if (to.length >= 0 && static_cast<int>(a.value.size()) > to.length) return nullptr;
    return MakeConst(to, a.value);
  }
  if (to.id == TypeId::kBool && from_text) {
    std::string v;
    for (char c : a.value) v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (v == "t" || v == "true" || v == "yes" || v == "on" || v == "1") return BoolConst(true);
    if (v == "f" || v == "false" || v == "no" || v == "off" || v == "0") return BoolConst(false);
  }
  return nullptr;
}

BoundExprPtr Negate(BoundExprPtr e);

// simplify_and_arguments / simplify_or_arguments: flatten, drop the neutral constant, stop at
// the dominating one, keep one NULL.
BoundExprPtr SimplifyBool(BoundExprPtr e) {
  const bool is_and = e->kind == BoundKind::kAnd;
  std::vector<BoundExprPtr> out;
  bool have_null = false;
  std::vector<BoundExprPtr> pending = std::move(e->args);
  for (size_t i = 0; i < pending.size(); ++i) {
    BoundExprPtr& a = pending[i];
    if (a->kind == e->kind) {  // nested AND in AND: splice its arguments in place
      std::vector<BoundExprPtr> inner = std::move(a->args);
      pending.insert(pending.begin() + static_cast<long>(i) + 1,
                     std::make_move_iterator(inner.begin()), std::make_move_iterator(inner.end()));
      continue;
    }
    if (IsBoolConst(*a, !is_and)) return BoolConst(!is_and);
    if (IsBoolConst(*a, is_and)) continue;
    if (IsNullConst(*a)) {
      if (!have_null) out.push_back(std::move(a));
      have_null = true;
      continue;
    }
    out.push_back(std::move(a));
  }
  if (out.empty()) return BoolConst(is_and);
  if (out.size() == 1) return std::move(out[0]);
  e->args = std::move(out);
  return e;
}

// negate_clause: NOT pushed through operators with negators, NOT, AND/OR (De Morgan), NULL and
// boolean tests, ScalarArrayOps.
BoundExprPtr Negate(BoundExprPtr e) {
  switch (e->kind) {
    case BoundKind::kConst:
      if (!e->is_null && e->type.id == TypeId::kBool) return BoolConst(!IsBoolConst(*e, true));
      break;
    case BoundKind::kOp:
    case BoundKind::kScalarArrayOp: {
      const std::string negator = NegatorOf(e->name);
      if (negator.empty() || e->type.id != TypeId::kBool) break;
      e->name = negator;
      e->op_class = ClassifyOperator(negator);
      if (e->kind == BoundKind::kScalarArrayOp) e->use_or = !e->use_or;
      return e;
    }
    case BoundKind::kNot:
      return std::move(e->args[0]);
    case BoundKind::kAnd:
    case BoundKind::kOr: {
      e->kind = e->kind == BoundKind::kAnd ? BoundKind::kOr : BoundKind::kAnd;
      for (BoundExprPtr& a : e->args) a = Negate(std::move(a));
      return SimplifyBool(std::move(e));
    }
    case BoundKind::kNullTest:
      if (e->args[0]->type.id != TypeId::kRecord) {
        e->negated = !e->negated;
        return e;
      }
      break;
    case BoundKind::kBoolTest: {
      static const BoolTestKind kFlip[] = {BoolTestKind::kIsNotTrue,    BoolTestKind::kIsTrue,
                                           BoolTestKind::kIsNotFalse,   BoolTestKind::kIsFalse,
                                           BoolTestKind::kIsNotUnknown, BoolTestKind::kIsUnknown};
      e->bool_test = kFlip[static_cast<int>(e->bool_test)];
      return e;
    }
    default:
      break;
  }
  std::vector<BoundExprPtr> one;
  one.push_back(std::move(e));
  return MakeBool(BoundKind::kNot, std::move(one));
}

BoundExprPtr Replace(BoundExprPtr original, BoundExprPtr folded) {
  if (!folded) return original;
  folded->location = original->location;
  return folded;
}

}  // namespace

BoundExprPtr FoldConstants(BoundExprPtr e) {
  if (!e) return e;
  for (BoundExprPtr& a : e->args) a = FoldConstants(std::move(a));
  if (e->agg_filter) e->agg_filter = FoldConstants(std::move(e->agg_filter));
  for (BoundExprPtr& o : e->agg_order) o = FoldConstants(std::move(o));
  if (e->kind == BoundKind::kSubLink && e->subquery) FoldConstants(*e->subquery);
  bool all_const = !e->args.empty();
  bool any_null = false;
  for (const BoundExprPtr& a : e->args) {
    all_const &= IsConst(*a);
    any_null |= IsNullConst(*a);
  }
  switch (e->kind) {
    case BoundKind::kOp:
      if (any_null) {  // strict operators return NULL for a NULL input
        BoundExprPtr null = MakeConst(e->type, "", true);
        return Replace(std::move(e), std::move(null));
      }
      if (all_const && e->volatility == Volatility::kImmutable) {
        BoundExprPtr v = EvalOperator(*e);
        return Replace(std::move(e), std::move(v));
      }
      return e;
    case BoundKind::kCast:
      if (any_null) {
        BoundExprPtr null = MakeConst(e->type, "", true);
        return Replace(std::move(e), std::move(null));
      }
      if (all_const) {
        BoundExprPtr v = EvalCast(*e);
        return Replace(std::move(e), std::move(v));
      }
      return e;
    case BoundKind::kAnd:
    case BoundKind::kOr:
      return SimplifyBool(std::move(e));
    case BoundKind::kNot:
      if (IsNullConst(*e->args[0])) return std::move(e->args[0]);
      return Negate(std::move(e->args[0]));
    case BoundKind::kNullTest:
      if (all_const) {
        BoundExprPtr v = BoolConst(any_null != e->negated);
        return Replace(std::move(e), std::move(v));
      }
      return e;
    case BoundKind::kArray: {
      // ARRAY[consts] becomes one array constant, as eval_const_expressions evaluates it.
      if (!all_const) return e;
      std::string value = "{";
      for (size_t i = 0; i < e->args.size(); ++i) {
        value += (i > 0 ? "," : "") + internal::ArrayLiteralElement(*e->args[i]);
      }
      BoundExprPtr v = MakeConst(e->type, value + "}");
      return Replace(std::move(e), std::move(v));
    }
    case BoundKind::kCoalesce: {
      std::vector<BoundExprPtr> kept;
      for (BoundExprPtr& a : e->args) {
        if (IsNullConst(*a)) continue;
        const bool stop = IsConst(*a);
        kept.push_back(std::move(a));
        if (stop) break;
      }
      if (kept.empty()) {
        BoundExprPtr null = MakeConst(e->type, "", true);
        return Replace(std::move(e), std::move(null));
      }
      if (kept.size() == 1) return std::move(kept[0]);
      e->args = std::move(kept);
      return e;
    }
    default:
      return e;
  }
}

void FoldConstants(Query& query) {
  auto fold = [](BoundExprPtr& e) {
    if (e) e = FoldConstants(std::move(e));
  };
  std::vector<JoinNode*> nodes{&query.jointree};
  while (!nodes.empty()) {
    JoinNode* n = nodes.back();
    nodes.pop_back();
    fold(n->quals);
    for (auto& c : n->children) nodes.push_back(c.get());
  }
  for (TargetEntry& t : query.targets) fold(t.expr);
  for (TargetEntry& t : query.returning) fold(t.expr);
  if (query.on_conflict) {
    for (TargetEntry& t : query.on_conflict->set) fold(t.expr);
    fold(query.on_conflict->where);
  }
  fold(query.having);
  fold(query.limit_count);
  fold(query.limit_offset);
  for (RangeTblEntry& rte : query.rtable) {
    for (BoundExprPtr& f : rte.functions) fold(f);
    for (auto& row : rte.values) {
      for (BoundExprPtr& v : row) fold(v);
    }
    if (rte.subquery) FoldConstants(*rte.subquery);
  }
  for (CommonTable& cte : query.ctes) {
    if (cte.query) FoldConstants(*cte.query);
  }
}

}  // namespace dbopt::bind
