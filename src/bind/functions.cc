// Built-in functions the binder knows (pg_proc: argument and result types, volatility,
// aggregate/window kind) and PostgreSQL's output column naming (parse_target.c FigureColname).
#include <string>
#include <vector>

#include "binder_impl.h"

namespace dbopt::bind::internal {
namespace {

Type T(TypeId id) { return MakeType(id); }

bool IsNum(const Type& t) {
  return !t.array && (IsInteger(t.id) || t.id == TypeId::kNumeric || t.id == TypeId::kFloat4 ||
                      t.id == TypeId::kFloat8);
}
bool IsUnknownType(const Type& t) { return t.id == TypeId::kUnknown && !t.array; }

// sum(): int2/int4 → bigint, int8 → numeric, floats and numeric and interval keep their type.
bool SumResult(const Type& a, Type* out) {
  if (a.id == TypeId::kInt2 || a.id == TypeId::kInt4) return *out = T(TypeId::kInt8), true;
  if (a.id == TypeId::kInt8 || a.id == TypeId::kNumeric) return *out = T(TypeId::kNumeric), true;
  if (a.id == TypeId::kFloat4 || a.id == TypeId::kFloat8 || a.id == TypeId::kInterval) {
    return *out = T(a.id), true;
  }
  return false;
}

// avg(), stddev(), variance(): integers and numeric → numeric, floats → double precision.
bool AvgResult(const Type& a, Type* out, bool interval_ok) {
  if (IsInteger(a.id) || a.id == TypeId::kNumeric) return *out = T(TypeId::kNumeric), true;
  if (a.id == TypeId::kFloat4 || a.id == TypeId::kFloat8) return *out = T(TypeId::kFloat8), true;
  if (interval_ok && a.id == TypeId::kInterval) return *out = T(TypeId::kInterval), true;
  return false;
}

bool Aggregate(const std::string& name, const std::vector<Type>& args, bool star,
               FuncSignature* sig) {
  sig->is_aggregate = true;
  if (name == "count") {
    sig->result = T(TypeId::kInt8);
    return star || args.size() == 1;
  }
  if (args.size() != 1 && name != "string_agg") return false;
  if (name == "sum") return SumResult(args[0], &sig->result);
  if (name == "avg") return AvgResult(args[0], &sig->result, true);
  if (name == "stddev" || name == "stddev_samp" || name == "stddev_pop" || name == "variance" ||
      name == "var_samp" || name == "var_pop") {
    return AvgResult(args[0], &sig->result, false);
  }
  if (name == "min" || name == "max") {
    if (args[0].array || args[0].id == TypeId::kJson || IsUnknownType(args[0])) return false;
    sig->result = args[0];
    sig->result.length = -1;
    if (args[0].id == TypeId::kVarchar) sig->result = T(TypeId::kText);
    return true;
  }
  if (name == "bool_and" || name == "bool_or" || name == "every") {
    sig->result = T(TypeId::kBool);
    sig->arg_types = {T(TypeId::kBool)};
    return true;
  }
  if (name == "string_agg" && args.size() == 2) {
    sig->result = T(TypeId::kText);
    sig->arg_types = {T(TypeId::kText), T(TypeId::kText)};
    return true;
  }
  if (name == "array_agg") {
    sig->result = args[0];
    sig->result.array = true;
    return !args[0].array;
  }
  sig->is_aggregate = false;
  return false;
}

bool Window(const std::string& name, const std::vector<Type>& args, FuncSignature* sig) {
  sig->is_window = true;
  if (name == "row_number" || name == "rank" || name == "dense_rank") {
    sig->result = T(TypeId::kInt8);
    return args.empty();
  }
  if (name == "percent_rank" || name == "cume_dist") {
    sig->result = T(TypeId::kFloat8);
    return args.empty();
  }
  if (name == "ntile") {
    sig->result = T(TypeId::kInt4);
    sig->arg_types = {T(TypeId::kInt4)};
    return args.size() == 1;
  }
  if ((name == "lag" || name == "lead") && !args.empty() && args.size() <= 3) {
    sig->result = args[0];
    if (args.size() >= 2) sig->arg_types = {args[0], T(TypeId::kInt4)};
    if (args.size() == 3) sig->arg_types.push_back(args[0]);
    return true;
  }
  if ((name == "first_value" || name == "last_value") && args.size() == 1) {
    sig->result = args[0];
    return true;
  }
  if (name == "nth_value" && args.size() == 2) {
    sig->result = args[0];
    sig->arg_types = {args[0], T(TypeId::kInt4)};
    return true;
  }
  sig->is_window = false;
  return false;
}

// Functions over text: every argument goes to text (varchar gets an implicit cast, as in PG).
bool TextFunction(const std::string& name, const std::vector<Type>& args, FuncSignature* sig) {
  struct Entry {
    const char* name;
    int min_args, max_args;
    TypeId result;
    const char* arg_kinds;  // per argument: 't' text, 'i' integer
  };
  static const Entry kEntries[] = {
      {"lower", 1, 1, TypeId::kText, "t"},
      {"upper", 1, 1, TypeId::kText, "t"},
      {"initcap", 1, 1, TypeId::kText, "t"},
      {"length", 1, 1, TypeId::kInt4, "t"},
      {"char_length", 1, 1, TypeId::kInt4, "t"},
      {"octet_length", 1, 1, TypeId::kInt4, "t"},
      {"substring", 2, 3, TypeId::kText, "tii"},
      {"substr", 2, 3, TypeId::kText, "tii"},
      {"btrim", 1, 2, TypeId::kText, "tt"},
      {"ltrim", 1, 2, TypeId::kText, "tt"},
      {"rtrim", 1, 2, TypeId::kText, "tt"},
      {"replace", 3, 3, TypeId::kText, "ttt"},
      {"strpos", 2, 2, TypeId::kInt4, "tt"},
      {"position", 2, 2, TypeId::kInt4, "tt"},
      {"left", 2, 2, TypeId::kText, "ti"},
      {"right", 2, 2, TypeId::kText, "ti"},
      {"md5", 1, 1, TypeId::kText, "t"},
      {"reverse", 1, 1, TypeId::kText, "t"},
      {"repeat", 2, 2, TypeId::kText, "ti"},
      {"split_part", 3, 3, TypeId::kText, "tti"},
      {"lpad", 2, 3, TypeId::kText, "tit"},
      {"rpad", 2, 3, TypeId::kText, "tit"},
      {"regexp_replace", 3, 4, TypeId::kText, "tttt"},
  };
  for (const Entry& e : kEntries) {
    if (name != e.name) continue;
    const int n = static_cast<int>(args.size());
    if (n < e.min_args || n > e.max_args) return false;
    sig->result = T(e.result);
    for (int i = 0; i < n; ++i) {
      const bool text = e.arg_kinds[i] == 't';
      if (text && !IsStringType(args[i]) && !IsUnknownType(args[i])) return false;
      if (!text && !IsInteger(args[i].id) && !IsUnknownType(args[i])) return false;
      sig->arg_types.push_back(text ? T(TypeId::kText) : T(TypeId::kInt4));
    }
    return true;
  }
  return false;
}

bool MathFunction(const std::string& name, const std::vector<Type>& args, FuncSignature* sig) {
  if (args.empty() || !IsNum(args[0])) return false;
  const Type a = args[0];
  const Type f8 = T(TypeId::kFloat8);
  const Type num = T(TypeId::kNumeric);
  if (name == "abs" && args.size() == 1) return sig->result = a, true;
  if ((name == "round" || name == "trunc") && args.size() == 2) {
    sig->result = num;
    sig->arg_types = {num, T(TypeId::kInt4)};
    return true;
  }
  if (name == "round" || name == "trunc" || name == "ceil" || name == "ceiling" ||
      name == "floor" || name == "sqrt" || name == "exp" || name == "ln" || name == "log10" ||
      name == "sign") {
    if (args.size() != 1) return false;
    const Type t = (a.id == TypeId::kNumeric ||
                    (IsInteger(a.id) && name != "sqrt" && name != "exp" && name != "ln"))
                       ? num
                       : f8;
    // Integers go to the category's preferred type (float8) except where only numeric applies.
    const Type r = IsInteger(a.id) ? f8 : t;
    sig->result = r;
    sig->arg_types = {r};
    return true;
  }
  if ((name == "power" || name == "pow" || name == "log") && args.size() == 2 && IsNum(args[1])) {
    const Type r = (a.id == TypeId::kNumeric || args[1].id == TypeId::kNumeric) ? num : f8;
    sig->result = r;
    sig->arg_types = {r, r};
    return true;
  }
  if (name == "mod" && args.size() == 2 && IsInteger(a.id) && IsInteger(args[1].id)) {
    return sig->result = a, true;
  }
  return false;
}

bool DateFunction(const std::string& name, const std::vector<Type>& args, FuncSignature* sig) {
  const size_t n = args.size();
  if ((name == "now" || name == "transaction_timestamp" || name == "statement_timestamp") &&
      n == 0) {
    sig->volatility = Volatility::kStable;
    return sig->result = T(TypeId::kTimestampTz), true;
  }
  if (name == "clock_timestamp" && n == 0) {
    sig->volatility = Volatility::kVolatile;
    return sig->result = T(TypeId::kTimestampTz), true;
  }
  if (name == "date_trunc" && n == 2) {
    const TypeId src = args[1].id;
    const Type r = src == TypeId::kTimestamp  ? T(TypeId::kTimestamp)
                   : src == TypeId::kInterval ? T(TypeId::kInterval)
                                              : T(TypeId::kTimestampTz);
    sig->volatility = r.id == TypeId::kTimestampTz ? Volatility::kStable : Volatility::kImmutable;
    sig->result = r;
    sig->arg_types = {T(TypeId::kText), r};
    return true;
  }
  if ((name == "date_part" || name == "extract") && n == 2) {
    sig->result = name == "extract" ? T(TypeId::kNumeric) : T(TypeId::kFloat8);
    Type src = args[1];
    if (IsUnknownType(src)) src = T(TypeId::kTimestampTz);
    if (name == "date_part" && src.id == TypeId::kDate) src = T(TypeId::kTimestamp);
    sig->volatility = src.id == TypeId::kTimestampTz ? Volatility::kStable : Volatility::kImmutable;
    sig->arg_types = {T(TypeId::kText), src};
    return CategoryOf(src) == TypeCategory::kDateTime || src.id == TypeId::kInterval;
  }
  if (name == "age" && (n == 1 || n == 2)) {
    sig->volatility = Volatility::kStable;
    return sig->result = T(TypeId::kInterval), true;
  }
  if ((name == "to_char" && n == 2) || (name == "to_date" && n == 2)) {
    sig->volatility = Volatility::kStable;
    sig->result = name == "to_char" ? T(TypeId::kText) : T(TypeId::kDate);
    if (name == "to_date") sig->arg_types = {T(TypeId::kText), T(TypeId::kText)};
    return true;
  }
  return false;
}

}  // namespace

bool LookupFunction(const std::string& name, const std::vector<Type>& args, bool star,
                    FuncSignature* out) {
  FuncSignature sig;
  if (Aggregate(name, args, star, &sig)) return *out = sig, true;
  sig = FuncSignature{};
  if (star) return false;
  if (Window(name, args, &sig)) return *out = sig, true;
  sig = FuncSignature{};
  if (TextFunction(name, args, &sig) || MathFunction(name, args, &sig) ||
      DateFunction(name, args, &sig)) {
    return *out = sig, true;
  }
  sig = FuncSignature{};
  if (name == "random" && args.empty()) {
    sig.volatility = Volatility::kVolatile;
    sig.result = T(TypeId::kFloat8);
    return *out = sig, true;
  }
  if (name == "gen_random_uuid" && args.empty()) {
    sig.volatility = Volatility::kVolatile;
    sig.result = T(TypeId::kUuid);
    return *out = sig, true;
  }
  if (name == "concat") {
    sig.volatility = Volatility::kStable;
    sig.result = T(TypeId::kText);
    return *out = sig, true;
  }
  if (name == "generate_series" && (args.size() == 2 || args.size() == 3)) {
    if (IsInteger(args[0].id) && IsInteger(args[1].id)) {
      Type t = args[0];
      for (const Type& a : args) {
        if (IsInteger(a.id) && (a.id == TypeId::kInt8 || t.id == TypeId::kInt2)) t = a;
      }
      sig.result = t;
      sig.arg_types.assign(args.size(), t);
      return *out = sig, true;
    }
    if (CategoryOf(args[0]) == TypeCategory::kDateTime && args.size() == 3) {
      const Type t = args[0].id == TypeId::kTimestamp ? args[0] : T(TypeId::kTimestampTz);
      sig.volatility = t.id == TypeId::kTimestampTz ? Volatility::kStable : Volatility::kImmutable;
      sig.result = t;
      sig.arg_types = {t, t, T(TypeId::kInterval)};
      return *out = sig, true;
    }
    return false;
  }
  if (name == "unnest" && args.size() == 1 && args[0].array) {
    sig.result = args[0];
    sig.result.array = false;
    return *out = sig, true;
  }
  if ((name == "array_length" && args.size() == 2 && args[0].array) ||
      (name == "cardinality" && args.size() == 1 && args[0].array)) {
    sig.result = T(TypeId::kInt4);
    return *out = sig, true;
  }
  if (name == "jsonb_array_length" && args.size() == 1 && args[0].id == TypeId::kJsonb) {
    sig.result = T(TypeId::kInt4);
    return *out = sig, true;
  }
  return false;
}

std::string FigureColname(const sql::Expr& expr) {
  switch (expr.kind) {
    case sql::ExprKind::kColumnRef:
      return expr.names.empty() || expr.names.back() == "*" ? "?column?" : expr.names.back();
    case sql::ExprKind::kFuncCall:
      return expr.names.back();
    case sql::ExprKind::kCast: {
      const std::string inner = FigureColname(*expr.children[0]);
      if (inner != "?column?") return inner;
      return expr.type && !expr.type->names.empty() ? expr.type->names.back() : "?column?";
    }
    case sql::ExprKind::kCase:
      return "case";
    case sql::ExprKind::kCoalesce:
      return "coalesce";
    case sql::ExprKind::kGreatest:
      return "greatest";
    case sql::ExprKind::kLeast:
      return "least";
    case sql::ExprKind::kNullIf:
      return "nullif";
    case sql::ExprKind::kArray:
      return "array";
    case sql::ExprKind::kRow:
      return "row";
    case sql::ExprKind::kGroupingFunc:
      return "grouping";
    case sql::ExprKind::kSqlValueFunction: {
      std::string s = expr.text;
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    }
    case sql::ExprKind::kSubquery:
      if (expr.subquery_kind == sql::SubqueryKind::kExists) return "exists";
      if (expr.subquery_kind == sql::SubqueryKind::kArray) return "array";
      if (expr.subquery_kind == sql::SubqueryKind::kScalar && expr.subquery &&
          !expr.subquery->targets.empty() && expr.subquery->set_op == sql::SetOp::kNone) {
        const sql::ResultTarget& t = expr.subquery->targets[0];
        return t.alias.empty() ? FigureColname(*t.expr) : t.alias;
      }
      return "?column?";
    case sql::ExprKind::kConst:
      return expr.const_kind == sql::ConstKind::kBool ? "bool" : "?column?";
    default:
      return "?column?";
  }
}

}  // namespace dbopt::bind::internal
