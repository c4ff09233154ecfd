// Statistics for join methods: PG15 selfuncs.c estimate_hash_bucket_stats (hash join bucket
// skew) and mergejoinscansel with get_variable_range (how much of each merge input is read).
#include <algorithm>

#include "selectivity.h"

namespace dbopt::stats {
namespace {

// PG15 estimate_hash_bucket_stats: the bucket fraction assumed when nd is a default.
constexpr double kDefaultBucketFrac = 0.1;
// PG15: the bucket fraction's floor.
constexpr double kMinBucketFrac = 1.0e-6;

struct ValueRange {
  StatValue min;
  StatValue max;
};

// Extends [lo, hi] with values.
void ExtendRange(const std::vector<StatValue>& values, std::optional<ValueRange>* range) {
  for (const StatValue& v : values) {
    if (!*range) {
      *range = ValueRange{v, v};
      continue;
    }
    if (CompareValues(v, (*range)->min).value_or(0) < 0) (*range)->min = v;
    if (CompareValues(v, (*range)->max).value_or(0) > 0) (*range)->max = v;
  }
}

// PG15 get_variable_range: the histogram's ends, widened by the MCVs (which are also used alone
// when they and the nulls cover practically the whole column).
std::optional<ValueRange> VariableRange(const EstimationContext& ctx, const VarStats& var) {
  if (!var.stats) return std::nullopt;
  std::optional<ValueRange> range;
  if (const std::vector<StatValue>* hist = LoadHistogram(ctx, var)) {
    if (!hist->empty()) range = ValueRange{hist->front(), hist->back()};
  }
  const McvList* mcvs = LoadMcvs(ctx, var);
  if (mcvs && mcvs->values_ok) {
    bool use_mcvs = range.has_value() || mcvs->Sum() + var.NullFrac() > 0.99999;
    if (use_mcvs) ExtendRange(mcvs->values, &range);
  }
  return range;
}

}  // namespace

// PG15 estimate_hash_bucket_stats:
//   mcv_freq = the most common value's frequency (0 without MCVs);
//   nd a default -> bucket fraction max(0.1, mcv_freq); otherwise, with
//   avgfreq = (1 - nullfrac) / nd and nd scaled by rel.rows / rel.tuples (clamp_row_est):
//   frac = 1/nbuckets if nd > nbuckets else 1/nd, times mcv_freq/avgfreq when the MCV is more
//   common than average; clamped to [1e-6, 1].
HashBucketStats EstimateHashBucketStats(const EstimationContext& ctx, const bind::BoundExpr& expr,
                                        double nbuckets) {
  HashBucketStats out;
  VarStats var = ExamineVariable(ctx, expr, 0);
  if (var.stats && !var.stats->most_common_freqs.empty()) {
    out.mcv_freq = Float4(var.stats->most_common_freqs[0]);
  }
  bool is_default;
  double ndistinct = VariableNumDistinct(var, &is_default);
  if (is_default) {
    out.bucket_size_frac = std::max(kDefaultBucketFrac, out.mcv_freq);
    return out;
  }
  double avgfreq = (1.0 - var.NullFrac()) / ndistinct;
  if (var.rel && var.rel->tuples > 0) {
    ndistinct = ClampRowEst(ndistinct * (var.rel->rows / var.rel->tuples));
  }
  double estfract = ndistinct > nbuckets ? 1.0 / nbuckets : 1.0 / ndistinct;
  if (avgfreq > 0.0 && out.mcv_freq > avgfreq) estfract *= out.mcv_freq / avgfreq;
  out.bucket_size_frac = std::min(std::max(estfract, kMinBucketFrac), 1.0);
  return out;
}

namespace {

// PG15 mergejoinscansel for `left = right` merged in ascending (or descending) order:
//   leftend = P(left <= right.max), rightend = P(right <= left.max): only the smaller stays (the
//   other becomes 1; both 1 when equal); leftstart = P(left < right.min), rightstart = P(right <
//   left.min): only the larger stays (the other 0). Estimates equal to DEFAULT_INEQ_SEL are
//   ignored; NULLS FIRST adds nullfrac to start and end; start >= end resets to (0, 1).
// Descending order swaps min and max and uses > / >=.
MergeScanSelectivity ComputeMergeScanSelectivity(const EstimationContext& ctx,
                                                 const bind::BoundExpr& clause, bool descending,
                                                 bool nulls_first) {
  MergeScanSelectivity out;
  if (clause.kind != bind::BoundKind::kOp || clause.args.size() != 2) return out;
  VarStats leftvar = ExamineVariable(ctx, *clause.args[0], 0);
  VarStats rightvar = ExamineVariable(ctx, *clause.args[1], 0);
  std::optional<ValueRange> lrange = VariableRange(ctx, leftvar);
  if (!lrange) return out;
  std::optional<ValueRange> rrange = VariableRange(ctx, rightvar);
  if (!rrange) return out;
  bool isgt = descending;
  const StatValue& leftmax = isgt ? lrange->min : lrange->max;
  const StatValue& leftmin = isgt ? lrange->max : lrange->min;
  const StatValue& rightmax = isgt ? rrange->min : rrange->max;
  const StatValue& rightmin = isgt ? rrange->max : rrange->min;

  double selec = ScalarIneqSel(ctx, leftvar, isgt, true, rightmax);
  if (selec != kDefaultIneqSel) out.left_end = selec;
  selec = ScalarIneqSel(ctx, rightvar, isgt, true, leftmax);
  if (selec != kDefaultIneqSel) out.right_end = selec;
  if (out.left_end > out.right_end) {
    out.left_end = 1.0;
  } else if (out.left_end < out.right_end) {
    out.right_end = 1.0;
  } else {
    out.left_end = out.right_end = 1.0;
  }
  selec = ScalarIneqSel(ctx, leftvar, isgt, false, rightmin);
  if (selec != kDefaultIneqSel) out.left_start = selec;
  selec = ScalarIneqSel(ctx, rightvar, isgt, false, leftmin);
  if (selec != kDefaultIneqSel) out.right_start = selec;
  if (out.left_start < out.right_start) {
    out.left_start = 0.0;
  } else if (out.left_start > out.right_start) {
    out.right_start = 0.0;
  } else {
    out.left_start = out.right_start = 0.0;
  }
  if (nulls_first) {
    if (leftvar.stats) {
      out.left_start = ClampProbability(out.left_start + leftvar.NullFrac());
      out.left_end = ClampProbability(out.left_end + leftvar.NullFrac());
    }
    if (rightvar.stats) {
      out.right_start = ClampProbability(out.right_start + rightvar.NullFrac());
      out.right_end = ClampProbability(out.right_end + rightvar.NullFrac());
    }
  }
  if (out.left_start >= out.left_end) {
    out.left_start = 0.0;
    out.left_end = 1.0;
  }
  if (out.right_start >= out.right_end) {
    out.right_start = 0.0;
    out.right_end = 1.0;
  }
  return out;
}

}  // namespace

// The result is kept per (clause, descending, nulls_first), as PG15 keeps it in the
// RestrictInfo's scansel_cache. For `a = b` between two Vars it depends only on the two columns,
// and `b = a` gives the same fractions with the sides swapped: both share one entry.
MergeScanSelectivity MergeJoinScanSelectivity(const EstimationContext& ctx,
                                              const bind::BoundExpr& clause, bool descending,
                                              bool nulls_first) {
  ParsedStatsCache& cache = StatsCache(ctx);
  auto is_var = [](const bind::BoundExpr& e) {
    return e.kind == bind::BoundKind::kVar && e.levelsup == 0;
  };
  if (clause.kind == bind::BoundKind::kOp && clause.args.size() == 2 && is_var(*clause.args[0]) &&
      is_var(*clause.args[1])) {
    const bind::BoundExpr& l = *clause.args[0];
    const bind::BoundExpr& r = *clause.args[1];
    auto swapped = cache.merge_scans.find(
        {nullptr, r.varno, r.attno, l.varno, l.attno, descending, nulls_first});
    if (swapped != cache.merge_scans.end()) {
      const MergeScanSelectivity& s = swapped->second;
      return MergeScanSelectivity{s.right_start, s.right_end, s.left_start, s.left_end};
    }
    auto [it, inserted] = cache.merge_scans.try_emplace(
        {nullptr, l.varno, l.attno, r.varno, r.attno, descending, nulls_first});
    if (inserted) it->second = ComputeMergeScanSelectivity(ctx, clause, descending, nulls_first);
    return it->second;
  }
  auto [it, inserted] =
      cache.merge_scans.try_emplace({&clause, 0, 0, 0, 0, descending, nulls_first});
  if (inserted) it->second = ComputeMergeScanSelectivity(ctx, clause, descending, nulls_first);
  return it->second;
}

}  // namespace dbopt::stats
