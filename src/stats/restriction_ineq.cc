// Range restriction selectivity (<, <=, >, >=) and the walkers over the MCV list and the
// histogram: PG15 selfuncs.c scalarineqsel, mcv_selectivity, histogram_selectivity,
// ineq_histogram_selectivity, scalarineqsel_wrapper.
#include <cmath>

#include "selectivity.h"

namespace dbopt::stats {
namespace {

using bind::OpClass;

// `a OP b` for the inequality described by isgt/iseq; nullopt when not comparable.
std::optional<bool> Inequality(const StatValue& a, const StatValue& b, bool isgt, bool iseq) {
  std::optional<int> c = CompareValues(a, b);
  if (!c) return std::nullopt;
  if (isgt) return iseq ? *c >= 0 : *c > 0;
  return iseq ? *c <= 0 : *c < 0;
}

// PG15 get_actual_variable_range succeeds when a btree index (not partial) has the column as its
// leading key; PostgreSQL then reads the true minimum/maximum from the index.
bool HasLeadingBtreeIndex(const EstimationContext& ctx, const VarStats& var) {
  if (!ctx.catalog || !var.rel || !var.rel->table || !var.IsVar()) return false;
  const catalog::Table& table = *var.rel->table;
  int attno = var.node->attno;
  if (attno < 1 || attno > static_cast<int>(table.columns.size())) return false;
  const std::string& column = table.columns[attno - 1].name;
  for (const catalog::Index* index : ctx.catalog->IndexesOf(table)) {
    if (index->method == "btree" && !index->predicate && !index->keys.empty() &&
        index->keys[0].column == column) {
      return true;
    }
  }
  return false;
}

// dbopt cannot read the index, so it takes the smallest (largest) value the statistics have seen:
// the histogram's end or a more extreme MCV. Right after ANALYZE of a table sampled whole this is
// the true minimum (maximum).
StatValue ActualEnd(const EstimationContext& ctx, const VarStats& var, const StatValue& hist_end,
                    bool want_max) {
  StatValue out = hist_end;
  if (const McvList* mcvs = LoadMcvs(ctx, var)) {
    for (const StatValue& v : mcvs->values) {
      std::optional<int> c = CompareValues(v, out);
      if (c && (want_max ? *c > 0 : *c < 0)) out = v;
    }
  }
  return out;
}

// The bin fraction of c inside [lo, hi] (PG15: 0.5 when the bounds are equal or there is no
// scalar mapping; 0 / 1 at or beyond the ends).
double BinFraction(const StatValue& c, const StatValue& lo, const StatValue& hi) {
  double val, low, high;
  if (!ConvertToScalar(c, lo, hi, &val, &low, &high)) return 0.5;
  if (high <= low) return 0.5;
  if (val <= low) return 0.0;
  if (val >= high) return 1.0;
  double binfrac = (val - low) / (high - low);
  if (std::isnan(binfrac) || binfrac < 0.0 || binfrac > 1.0) return 0.5;
  return binfrac;
}

double ClampToHistogramEnds(double sel, size_t nvalues) {
  double cutoff = 0.01 / static_cast<double>(nvalues - 1);
  if (sel < cutoff) return cutoff;
  if (sel > 1.0 - cutoff) return 1.0 - cutoff;
  return sel;
}

}  // namespace

double McvSelectivity(const EstimationContext& ctx, const VarStats& var, OpClass op,
                      const StatValue& c, bool var_on_left, double* sumcommon) {
  double mcv_selec = 0.0;
  *sumcommon = 0.0;
  const McvList* mcvs = LoadMcvs(ctx, var);
  if (!mcvs) return 0.0;
  for (size_t i = 0; i < mcvs->freqs.size(); ++i) {
    if (mcvs->values_ok) {
      std::optional<bool> r =
          var_on_left ? EvalOperator(op, mcvs->values[i], c) : EvalOperator(op, c, mcvs->values[i]);
      if (!r) Warn(ctx, "dbopt cannot evaluate a comparison of MCVs with '" + c.text + "'");
      if (r.value_or(false)) mcv_selec += mcvs->freqs[i];
    }
    *sumcommon += mcvs->freqs[i];
  }
  return mcv_selec;
}

// PG15 histogram_selectivity: the fraction of histogram entries (skipping n_skip at each end)
// that satisfy the operator; -1 when there are fewer than min_hist_size entries.
double HistogramSelectivity(const EstimationContext& ctx, const VarStats& var, OpClass op,
                            const StatValue& c, bool var_on_left, int min_hist_size, int n_skip,
                            int* hist_size) {
  *hist_size = 0;
  const std::vector<StatValue>* hist = LoadHistogram(ctx, var);
  if (!hist) return -1;
  int n = static_cast<int>(hist->size());
  *hist_size = n;
  if (n < min_hist_size) return -1;
  int nmatch = 0;
  for (int i = n_skip; i < n - n_skip; ++i) {
    std::optional<bool> r =
        var_on_left ? EvalOperator(op, (*hist)[i], c) : EvalOperator(op, c, (*hist)[i]);
    if (!r) {
      Warn(ctx, "dbopt cannot evaluate a comparison of histogram entries with '" + c.text + "'");
      return -1;
    }
    if (*r) ++nmatch;
  }
  return static_cast<double>(nmatch) / static_cast<double>(n - 2 * n_skip);
}

// PG15 ineq_histogram_selectivity. Binary search for the first bound b_i for which `b_i OP c`
// fails (isgt: succeeds); then
//   i = 0 -> 0; i = n -> 1; else histfrac = (i - 1 + binfrac) / (n - 1)
// where binfrac interpolates c in [b_{i-1}, b_i]. With eq = 1/(nd - n_mcv) (when > 1 values
// remain): in the first bin histfrac += eq * (1 - binfrac); for < and >= histfrac -= eq.
// The result (flipped for >, >=) is clamped to [0.01/(n-1), 1 - 0.01/(n-1)], or to [0, 1] when
// the search probed an end whose actual value is known (HasLeadingBtreeIndex, ActualEnd).
double IneqHistogramSelectivity(const EstimationContext& ctx, const VarStats& var, bool isgt,
                                bool iseq, const StatValue& c) {
  const std::vector<StatValue>* hist = LoadHistogram(ctx, var);
  if (!hist || hist->size() < 2) return -1.0;
  int n = static_cast<int>(hist->size());
  // The bounds, with the two ends replaced once their actual values are known.
  std::optional<StatValue> actual_first, actual_last;
  auto b = [&](int i) -> const StatValue& {
    if (i == 0 && actual_first) return *actual_first;
    if (i == n - 1 && actual_last) return *actual_last;
    return (*hist)[i];
  };
  // The histogram's end values are replaced by the actual ones whenever the search probes them
  // (both at once for a two-value histogram); have_end records whether that happened.
  bool index = HasLeadingBtreeIndex(ctx, var);
  bool have_end = false;
  if (n == 2 && index) {
    actual_first = ActualEnd(ctx, var, (*hist)[0], false);
    actual_last = ActualEnd(ctx, var, (*hist)[1], true);
    have_end = true;
  }
  int lobound = 0, hibound = n;
  while (lobound < hibound) {
    int probe = (lobound + hibound) / 2;
    if (probe == 0 && n > 2) {
      have_end = index;
      if (index) actual_first = ActualEnd(ctx, var, (*hist)[0], false);
    } else if (probe == n - 1 && n > 2) {
      have_end = index;
      if (index) actual_last = ActualEnd(ctx, var, (*hist)[probe], true);
    }
    std::optional<bool> ltcmp = Inequality(b(probe), c, false, isgt ? !iseq : iseq);
    if (!ltcmp) {
      Warn(ctx, "dbopt cannot compare histogram bounds with '" + c.text + "'");
      return -1.0;
    }
    // isgt: `b > c` fails exactly when `b <= c` holds (`b >= c` fails when `b < c`).
    if (*ltcmp) {
      lobound = probe + 1;
    } else {
      hibound = probe;
    }
  }
  double histfrac;
  if (lobound <= 0) {
    histfrac = 0.0;
  } else if (lobound >= n) {
    histfrac = 1.0;
  } else {
    int i = lobound;
    double eq_selec = 0;
    if (i == 1 || isgt == iseq) {
      bool is_default;
      double otherdistinct = VariableNumDistinct(var, &is_default);
      if (const McvList* mcvs = LoadMcvs(ctx, var)) {
        otherdistinct -= static_cast<double>(mcvs->freqs.size());
      }
      if (otherdistinct > 1) eq_selec = 1.0 / otherdistinct;
    }
    double binfrac = BinFraction(c, b(i - 1), b(i));
    histfrac = (static_cast<double>(i - 1) + binfrac) / static_cast<double>(n - 1);
    if (i == 1) histfrac += eq_selec * (1.0 - binfrac);
    if (isgt == iseq) histfrac -= eq_selec;
  }
  double hist_selec = isgt ? 1.0 - histfrac : histfrac;
  if (have_end) return ClampProbability(hist_selec);
  return ClampToHistogramEnds(hist_selec, hist->size());
}

// PG15 scalarineqsel: without statistics DEFAULT_INEQ_SEL; otherwise
//   s = (1 - nullfrac - sum(mcv freqs)) * hist_sel + mcv_sel
// where mcv_sel sums the MCVs satisfying the operator and hist_sel comes from the histogram
// (0.5 without one); clamped to [0, 1].
double ScalarIneqSel(const EstimationContext& ctx, const VarStats& var, bool isgt, bool iseq,
                     const StatValue& c) {
  if (!var.stats) return kDefaultIneqSel;
  OpClass op = isgt ? (iseq ? OpClass::kGe : OpClass::kGt) : (iseq ? OpClass::kLe : OpClass::kLt);
  double sumcommon = 0;
  double mcv_selec = McvSelectivity(ctx, var, op, c, true, &sumcommon);
  double hist_selec = IneqHistogramSelectivity(ctx, var, isgt, iseq, c);
  double selec = 1.0 - var.NullFrac() - sumcommon;
  selec *= hist_selec >= 0.0 ? hist_selec : 0.5;
  selec += mcv_selec;
  return ClampProbability(selec);
}

// PG15 scalarineqsel_wrapper: needs `var OP const` (either order; the operator is commuted so
// the Var is on the left). Non-constant comparison value -> DEFAULT_INEQ_SEL; NULL -> 0.
double ScalarIneqClauseSel(const EstimationContext& ctx, OpClass op, const bind::BoundExpr& left,
                           const bind::BoundExpr& right, int var_relid) {
  std::optional<RestrictionVar> rv = GetRestrictionVariable(ctx, left, right, var_relid);
  if (!rv) return kDefaultIneqSel;
  std::optional<ConstValue> c = FoldConstant(*rv->other);
  if (!c) return kDefaultIneqSel;
  if (c->is_null) return 0.0;
  bool isgt = op == OpClass::kGt || op == OpClass::kGe;
  bool iseq = op == OpClass::kLe || op == OpClass::kGe;
  if (!rv->var_on_left) isgt = !isgt;
  if (!rv->var.stats) return kDefaultIneqSel;
  std::optional<StatValue> value = ConstAsValue(ctx, *c, rv->var);
  if (!value) return kDefaultIneqSel;
  return ScalarIneqSel(ctx, rv->var, isgt, iseq, *value);
}

}  // namespace dbopt::stats
