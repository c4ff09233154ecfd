// Operator resolution and coercion for the built-in types (PostgreSQL's parse_oper.c
// oper_select_candidate over pg_operator, parse_coerce.c coerce_type, can_coerce_type,
// select_common_type). Instead of searching pg_operator, the rules below state which operand
// types the built-in operators accept and what each returns; the results match PostgreSQL's.
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"
#include "fold_values.h"

namespace dbopt::bind::internal {
namespace {

Type T(TypeId id) { return MakeType(id); }

bool IsFloat(TypeId id) { return id == TypeId::kFloat4 || id == TypeId::kFloat8; }
bool IsNumber(const Type& t) {
  return !t.array && (IsInteger(t.id) || IsFloat(t.id) || t.id == TypeId::kNumeric);
}
bool IsDateTime(const Type& t) { return !t.array && CategoryOf(t) == TypeCategory::kDateTime; }
bool IsUnknown(const Type& t) { return t.id == TypeId::kUnknown && !t.array; }
bool IsComparison(const std::string& op) {
  return op == "=" || op == "<>" || op == "<" || op == "<=" || op == ">" || op == ">=";
}
bool IsPatternOp(const std::string& op) {
  const OpClass c = ClassifyOperator(op);
  return c >= OpClass::kLike && c <= OpClass::kNotIRegex;
}
int IntRank(TypeId id) { return id == TypeId::kInt2 ? 2 : id == TypeId::kInt4 ? 4 : 8; }

// The common numeric type of two numbers (float8 is the category's preferred type).
Type NumericCommon(const Type& a, const Type& b) {
  if (IsInteger(a.id) && IsInteger(b.id)) return IntRank(a.id) >= IntRank(b.id) ? a : b;
  if (IsFloat(a.id) || IsFloat(b.id)) {
    if (a.id == TypeId::kFloat4 && b.id == TypeId::kFloat4) return T(TypeId::kFloat4);
    return T(TypeId::kFloat8);
  }
  return T(TypeId::kNumeric);
}

// Result of a datetime arithmetic operator; kUnknown when PostgreSQL has no such operator.
TypeId DateTimeArith(const std::string& op, TypeId l, TypeId r) {
  using I = TypeId;
  const bool l_int = IsInteger(l);
  const bool r_int = IsInteger(r);
  if (op == "+") {
    if ((l == I::kDate && r_int) || (l_int && r == I::kDate)) return I::kDate;
    if ((l == I::kDate && r == I::kInterval) || (l == I::kInterval && r == I::kDate)) {
      return I::kTimestamp;
    }
    if ((l == I::kDate && r == I::kTime) || (l == I::kTime && r == I::kDate)) return I::kTimestamp;
    if (r == I::kInterval &&
        (l == I::kTimestamp || l == I::kTimestampTz || l == I::kTime || l == I::kInterval)) {
      return l;
    }
    if (l == I::kInterval && (r == I::kTimestamp || r == I::kTimestampTz)) return r;
  }
  if (op == "-") {
    if (l == I::kDate && r_int) return I::kDate;
    if (l == I::kDate && r == I::kDate) return I::kInt4;
    if (l == I::kDate && r == I::kInterval) return I::kTimestamp;
    if (r == I::kInterval &&
        (l == I::kTimestamp || l == I::kTimestampTz || l == I::kTime || l == I::kInterval)) {
      return l;
    }
    if ((l == I::kTimestamp || l == I::kTimestampTz) && l == r) return I::kInterval;
    if (l == I::kTime && r == I::kTime) return I::kInterval;
  }
  return I::kUnknown;
}

// The output text of a literal of type `id`, when dbopt can parse it.
std::string NormalizeLiteral(TypeId id, const std::string& text) {
  if (id == TypeId::kDate) {
    if (auto d = ParseDate(text)) return FormatDate(*d);
  } else if (id == TypeId::kTimestamp) {
    if (auto ts = ParseTimestamp(text)) return FormatTimestamp(*ts);
  } else if (id == TypeId::kInterval) {
    if (auto iv = ParseInterval(text)) return FormatInterval(*iv);
  } else if (id == TypeId::kNumeric) {
    if (auto d = ParseDecimal(text)) return FormatDecimal(*d);
  }
  return text;
}

}  // namespace

bool IsInteger(TypeId id) {
  return id == TypeId::kInt2 || id == TypeId::kInt4 || id == TypeId::kInt8;
}

bool IsStringType(const Type& t) { return !t.array && CategoryOf(t) == TypeCategory::kString; }

std::string TypeListText(const std::vector<Type>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += ", ";
    out += FormatType(types[i]);
  }
  return out;
}

// can_coerce_type with COERCION_IMPLICIT for the built-in casts (pg_cast castcontext 'i').
bool CanImplicit(const Type& from, const Type& to) {
  if (from.id == to.id && from.array == to.array &&
      (from.id != TypeId::kOther || from.name == to.name)) {
    return true;
  }
  if (IsUnknown(from)) return true;
  if (from.array || to.array) return false;
  if (IsInteger(from.id) && IsInteger(to.id)) return IntRank(from.id) <= IntRank(to.id);
  if (IsInteger(from.id) && (to.id == TypeId::kNumeric || IsFloat(to.id))) return true;
  if (from.id == TypeId::kNumeric && IsFloat(to.id)) return true;
  if (from.id == TypeId::kFloat4 && to.id == TypeId::kFloat8) return true;
  if (IsStringType(from) && IsStringType(to)) return to.id != TypeId::kName;
  if (from.id == TypeId::kDate && (to.id == TypeId::kTimestamp || to.id == TypeId::kTimestampTz)) {
    return true;
  }
  if (from.id == TypeId::kTimestamp && to.id == TypeId::kTimestampTz) return true;
  if (from.id == TypeId::kTime && to.id == TypeId::kInterval) return true;
  return false;
}

Result<BoundExprPtr> Binder::Coerce(BoundExprPtr expr, const Type& target, bool explicit_cast,
                                    int location) {
  if (expr->type == target) return expr;
  if (expr->kind == BoundKind::kConst && IsUnknown(expr->type)) {
    // An untyped literal takes the target type; its text becomes the type's output form
    // (date_in/date_out, ...) where dbopt can parse it, else it stays as written.
    expr->type = target;
    if (!expr->is_null && !target.array) expr->value = NormalizeLiteral(target.id, expr->value);
    if (!explicit_cast) {
      expr->type.length = -1;
      expr->type.scale = -1;
    }
    if (!explicit_cast || target.length < 0) return expr;
  }
  if (expr->kind == BoundKind::kParam && IsUnknown(expr->type)) {
    expr->type = target;
    return expr;
  }
  const bool same_base = expr->type.id == target.id && expr->type.array == target.array &&
                         expr->type.name == target.name;
  if (same_base && !explicit_cast) return expr;
  if (!explicit_cast && !CanImplicit(expr->type, target)) {
    return ErrorAt(location, "cannot cast type " + FormatType(expr->type) + " to " +
                                 FormatType(target) + " implicitly");
  }
  if (explicit_cast && expr->type.array != target.array && !IsStringType(expr->type) &&
      !IsUnknown(expr->type)) {
    return ErrorAt(location,
                   "cannot cast type " + FormatType(expr->type) + " to " + FormatType(target));
  }
  auto cast = std::make_unique<BoundExpr>(BoundKind::kCast);
  cast->type = target;
  cast->cast_format = explicit_cast ? CastFormat::kExplicit : CastFormat::kImplicit;
  cast->func_format = explicit_cast ? FuncFormat::kExplicitCast : FuncFormat::kImplicitCast;
  cast->location = location;
  cast->args.push_back(std::move(expr));
  return BoundExprPtr(std::move(cast));
}

Result<Type> Binder::CommonType(std::vector<BoundExprPtr>& exprs, const char* context,
                                int location) {
  // select_common_type: the first known type, replaced by a later one of the same category
  // when the current one casts implicitly to it (or the later one is the preferred type).
  Type result = T(TypeId::kUnknown);
  bool have = false;
  for (const BoundExprPtr& e : exprs) {
    if (IsUnknown(e->type)) continue;
    if (!have) {
      result = e->type;
      have = true;
      continue;
    }
    if (e->type == result) continue;
    if (CategoryOf(e->type) != CategoryOf(result)) {
      return ErrorAt(e->location >= 0 ? e->location : location,
                     std::string(context) + " types " + FormatType(result) + " and " +
                         FormatType(e->type) + " cannot be matched");
    }
    if (CanImplicit(result, e->type) && !CanImplicit(e->type, result)) result = e->type;
    if (IsStringType(result) && IsStringType(e->type) && e->type.id != result.id &&
        result.id != TypeId::kText && CanImplicit(result, T(TypeId::kText))) {
      result = T(TypeId::kText);
    }
  }
  if (!have) result = T(TypeId::kText);
  // The common type keeps a typmod only when every input has the same one.
  for (const BoundExprPtr& e : exprs) {
    if (e->type != result) {
      result.length = -1;
      result.scale = -1;
    }
  }
  for (BoundExprPtr& e : exprs) {
    BIND_TRY(e, Coerce(std::move(e), result, false, location));
  }
  return result;
}

Result<BoundExprPtr> Binder::CoerceToBool(BoundExprPtr expr, const char* clause) {
  if (expr->type.id == TypeId::kBool && !expr->type.array) return expr;
  if (IsUnknown(expr->type)) return Coerce(std::move(expr), T(TypeId::kBool), false, -1);
  return ErrorAt(expr->location, std::string("argument of ") + clause +
                                     " must be type boolean, not type " + FormatType(expr->type));
}

Result<BoundExprPtr> Binder::MakeOperator(const std::string& op, BoundExprPtr left,
                                          BoundExprPtr right, int location) {
  const Type b = T(TypeId::kBool);
  auto build = [&](const Type& lt, const Type& rt, const Type& result) -> Result<BoundExprPtr> {
    BIND_TRY(BoundExprPtr l, Coerce(std::move(left), lt, false, location));
    BIND_TRY(BoundExprPtr r, Coerce(std::move(right), rt, false, location));
    BoundExprPtr e = MakeOp(op, ClassifyOperator(op), result, std::move(l), std::move(r));
    e->location = location;
    return e;
  };
  if (!right) {  // prefix operator
    const Type t = left->type;
    if ((op == "-" || op == "+") && (IsNumber(t) || t.id == TypeId::kInterval)) {
      BoundExprPtr e = MakeOp(op, OpClass::kArith, t, std::move(left), nullptr);
      e->location = location;
      return e;
    }
    return ErrorAt(location, "operator does not exist: " + op + " " + FormatType(t),
                   "No operator matches the given name and argument type. You might need to add "
                   "an explicit type cast.");
  }
  Type lt = left->type;
  Type rt = right->type;
  const bool is_cmp = IsComparison(op);
  // Untyped literals take the other side's type; two of them are text.
  if (IsUnknown(lt) && IsUnknown(rt)) lt = rt = T(TypeId::kText);
  if (IsUnknown(rt)) {
    rt = lt;
    if (IsPatternOp(op) || (op == "||" && !lt.array && lt.id != TypeId::kJsonb)) {
      rt = T(TypeId::kText);
    }
    if ((op == "+" || op == "-") && IsDateTime(lt)) rt = T(TypeId::kInterval);
    if ((op == "->" || op == "->>" || op == "?") && lt.id == TypeId::kJsonb) rt = T(TypeId::kText);
    if ((op == "@>" || op == "<@" || op == "&&") && !lt.array) rt = lt;
  } else if (IsUnknown(lt)) {
    lt = IsPatternOp(op) ? T(TypeId::kText) : rt;
    if (op == "||" && !rt.array) lt = T(TypeId::kText);
  }
  lt.length = rt.length = -1;
  lt.scale = rt.scale = -1;
  if (IsPatternOp(op)) {
    if (!IsStringType(lt) || !IsStringType(rt)) {
      // fall through to the error below
    } else {
      // bpchar and name have LIKE/regex operators of their own against text; others go to text.
      const Type l = (lt.id == TypeId::kBpchar || lt.id == TypeId::kName) ? lt : T(TypeId::kText);
      return build(l, T(TypeId::kText), b);
    }
  } else if (is_cmp || op == "+" || op == "-" || op == "*" || op == "/" || op == "%" || op == "^") {
    if (IsNumber(lt) && IsNumber(rt)) {
      const Type common = NumericCommon(lt, rt);
      const bool cross_int = IsInteger(lt.id) && IsInteger(rt.id);
      const bool cross_float = IsFloat(lt.id) && IsFloat(rt.id);
      if (op == "^") {
        const Type p = common.id == TypeId::kNumeric ? common : T(TypeId::kFloat8);
        return build(p, p, p);
      }
      if (op == "%" && (IsFloat(lt.id) || IsFloat(rt.id))) {
        // No float modulo: fall through to the error.
      } else if (is_cmp) {
        // int2/int4/int8 and float4/float8 have cross-type comparison operators.
        if (cross_int || cross_float) return build(lt, rt, b);
        return build(common, common, b);
      } else {
        if (cross_int) return build(lt, rt, common);
        if (cross_float && !(lt.id == TypeId::kFloat4 && rt.id == TypeId::kFloat4)) {
          return build(lt, rt, common);
        }
        return build(common, common, common);
      }
    }
    if (!is_cmp) {
      const TypeId dt = DateTimeArith(op, lt.id, rt.id);
      if (dt != TypeId::kUnknown) return build(lt, rt, T(dt));
      if (lt.id == TypeId::kInterval && IsNumber(rt) && (op == "*" || op == "/")) {
        return build(lt, T(TypeId::kFloat8), lt);
      }
      if (rt.id == TypeId::kInterval && IsNumber(lt) && op == "*") {
        return build(T(TypeId::kFloat8), rt, rt);
      }
    } else {
      if (IsDateTime(lt) && IsDateTime(rt)) {
        const bool has_time = lt.id == TypeId::kTime || lt.id == TypeId::kTimeTz ||
                              rt.id == TypeId::kTime || rt.id == TypeId::kTimeTz;
        if (!has_time || lt.id == rt.id) return build(lt, rt, b);
      }
      if (IsStringType(lt) && IsStringType(rt)) {
        if (lt.id == rt.id && lt.id != TypeId::kVarchar) return build(lt, rt, b);
        if ((lt.id == TypeId::kName && rt.id == TypeId::kText) ||
            (lt.id == TypeId::kText && rt.id == TypeId::kName)) {
          return build(lt, rt, b);
        }
        return build(T(TypeId::kText), T(TypeId::kText), b);
      }
      if (lt == rt) return build(lt, rt, b);
    }
  } else if (op == "||") {
    if (lt.array || rt.array) {
      if (lt == rt) return build(lt, rt, lt);
    } else if (lt.id == TypeId::kJsonb && rt.id == TypeId::kJsonb) {
      return build(lt, rt, lt);
    } else if (IsStringType(lt) && IsStringType(rt)) {
      return build(T(TypeId::kText), T(TypeId::kText), T(TypeId::kText));
    } else if (IsStringType(lt) || IsStringType(rt)) {
      // textanycat / anytextcat: the non-text side stays as it is.
      return build(IsStringType(lt) ? T(TypeId::kText) : lt,
                   IsStringType(rt) ? T(TypeId::kText) : rt, T(TypeId::kText));
    }
  } else if (lt.id == TypeId::kJsonb && !lt.array) {
    if ((op == "->" || op == "->>") && (IsInteger(rt.id) || rt.id == TypeId::kText)) {
      return build(lt, IsInteger(rt.id) ? T(TypeId::kInt4) : rt,
                   op == "->" ? lt : T(TypeId::kText));
    }
    if ((op == "@>" || op == "<@") && rt.id == TypeId::kJsonb) return build(lt, rt, b);
    if (op == "?" && IsStringType(rt)) return build(lt, T(TypeId::kText), b);
  } else if ((op == "@>" || op == "<@" || op == "&&") && lt.array && lt == rt) {
    return build(lt, rt, b);
  }
  return ErrorAt(location,
                 "operator does not exist: " + FormatType(left->type) + " " + op + " " +
                     FormatType(right->type),
                 "No operator matches the given name and argument types. You might need to add "
                 "explicit type casts.");
}

}  // namespace dbopt::bind::internal
