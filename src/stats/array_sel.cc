// `x OP ANY/ALL (array)` selectivity: PG15 selfuncs.c scalararraysel and
// estimate_array_length.
#include "dbopt/catalog/pg_array.h"
#include "selectivity.h"

namespace dbopt::stats {
namespace {

using bind::BoundExpr;
using bind::BoundExprPtr;
using bind::BoundKind;
using bind::OpClass;

// PG15 scalararraysel without a usable array: the element selectivity applied as if there were
// this many elements.
constexpr int kUnknownArrayLength = 10;

struct Accumulator {
  bool use_or;
  bool is_equality;
  bool is_inequality;
  double s1;
  double s1disjoint;

  // ANY: s = s + s_i - s * s_i (equality also sums s_i); ALL: s = s * s_i (inequality also sums
  // s_i - 1, starting from 1).
  void Add(double s2) {
    if (use_or) {
      s1 = s1 + s2 - s1 * s2;
      if (is_equality) s1disjoint += s2;
    } else {
      s1 = s1 * s2;
      if (is_inequality) s1disjoint += s2 - 1.0;
    }
  }
  // The disjoint-values form replaces the product when it is a probability.
  double Result() const {
    bool use_disjoint = use_or ? is_equality : is_inequality;
    if (use_disjoint && s1disjoint >= 0.0 && s1disjoint <= 1.0) return s1disjoint;
    return s1;
  }
};

const BoundExpr& StripArrayCoercion(const BoundExpr& e) {
  if (e.kind == BoundKind::kCast && e.args.size() == 1 && e.args[0]->type.array) {
    return *e.args[0];
  }
  return e;
}

}  // namespace

// PG15 scalararraysel: the operator's own estimator applied to each element of a constant array
// or ARRAY[...] list, combined with Accumulator; a non-constant array counts as 10 elements of
// unknown value (no disjoint shortcut). NULL array -> 0. Clamped to [0, 1].
double ScalarArraySel(const EstimationContext& ctx, const BoundExpr& clause, bool is_join,
                      int var_relid, const SpecialJoin* join) {
  if (clause.args.size() != 2) return 0.5;
  const BoundExpr& leftop = *clause.args[0];
  const BoundExpr& rightop = StripArrayCoercion(*clause.args[1]);
  if (!rightop.type.array && rightop.kind != BoundKind::kArray) return 0.5;
  bind::Type elem_type = rightop.type;
  elem_type.array = false;
  OpClass op = clause.op_class;
  Accumulator acc{clause.use_or, op == OpClass::kEq, op == OpClass::kNe, 0, 0};
  acc.s1 = acc.s1disjoint = clause.use_or ? 0.0 : 1.0;
  if (!is_join && (acc.is_equality || acc.is_inequality)) {
    VarStats array_var = ExamineVariable(ctx, rightop, var_relid);
    if (array_var.stats && !array_var.stats->most_common_elems.empty()) {
      Warn(ctx, "element statistics of array columns (scalararraysel_containment) are not used");
    }
  }
  auto element_sel = [&](const BoundExpr& element) {
    return OperatorSelectivity(ctx, op, leftop, element, is_join, var_relid, join);
  };
  std::optional<ConstValue> array_const = FoldConstant(rightop);
  if (array_const && rightop.kind != BoundKind::kArray) {
    if (array_const->is_null) return 0.0;
    Result<std::vector<catalog::PgArrayElement>> elems = catalog::ParsePgArray(array_const->text);
    if (!elems.ok()) {
      Warn(ctx, "array constant " + array_const->text + " could not be read");
      return 0.5;
    }
    for (const catalog::PgArrayElement& e : *elems) {
      BoundExprPtr c = bind::MakeConst(elem_type, e.value_or(""), !e.has_value());
      acc.Add(element_sel(*c));
    }
    return ClampProbability(acc.Result());
  }
  if (rightop.kind == BoundKind::kArray) {
    for (const BoundExprPtr& element : rightop.args) acc.Add(element_sel(*element));
    return ClampProbability(acc.Result());
  }
  // An array only known at run time: one estimate against an unknown value, 10 times.
  BoundExpr dummy(BoundKind::kParam);
  dummy.type = elem_type;
  dummy.param_kind = bind::ParamKind::kExec;
  double s2 = element_sel(dummy);
  double s1 = clause.use_or ? 0.0 : 1.0;
  for (int i = 0; i < kUnknownArrayLength; ++i) s1 = clause.use_or ? s1 + s2 - s1 * s2 : s1 * s2;
  return ClampProbability(s1);
}

// PG15 estimate_array_length: a constant's element count, an ARRAY[...]'s list length, else 10.
int EstimateArrayLength(const BoundExpr& array) {
  const BoundExpr& e = StripArrayCoercion(array);
  if (e.kind == BoundKind::kArray) return static_cast<int>(e.args.size());
  if (e.kind == BoundKind::kConst) {
    if (e.is_null) return 0;
    Result<std::vector<catalog::PgArrayElement>> elems = catalog::ParsePgArray(e.value);
    if (elems.ok()) return static_cast<int>(elems->size());
  }
  return kUnknownArrayLength;
}

}  // namespace dbopt::stats
