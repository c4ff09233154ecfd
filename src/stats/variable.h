// What the selectivity functions know about one side of a clause: PostgreSQL's
// VariableStatData (selfuncs.c examine_variable), the distinct-count estimate
// (get_variable_numdistinct), the statistics slots (MCV list, histogram) read into typed values,
// and constant folding of the other side (estimate_expression_value, as far as dbopt can).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "dbopt/stats/estimator.h"
#include "stat_value.h"

namespace dbopt::stats {

// PG15: pg_statistic stores stanullfrac, stadistinct and the frequencies as float4; the planner
// reads them into doubles, so the values it computes with are the float4 roundings.
inline double Float4(double v) { return static_cast<double>(static_cast<float>(v)); }

struct VarStats {
  const bind::BoundExpr* node = nullptr;  // the expression with binary-compatible casts stripped
  bind::Type type;                        // vartype: the type of the expression as written
  int relid = 0;                          // vardata->rel: the only relation referenced, or 0
  const RelEstimate* rel = nullptr;
  const catalog::ColumnStats* stats = nullptr;  // statsTuple: null when there are none
  bind::Type stats_type;                        // the type the statistics values are printed in
  bool is_unique = false;                       // has_unique_index on a single column

  double NullFrac() const { return stats ? Float4(stats->null_frac) : 0.0; }
  bool IsVar() const { return node && node->kind == bind::BoundKind::kVar; }
};

// The part of examine_variable that looks for an index whose expression key equals `expr` (an
// expression of out->rel) and takes that index column's statistics (index_expression.cc).
void ExamineIndexExpressions(const EstimationContext& ctx, const bind::BoundExpr& expr,
                             VarStats* out);

// PG15 examine_variable. var_relid != 0 treats Vars of other relations as constants.
VarStats ExamineVariable(const EstimationContext& ctx, const bind::BoundExpr& node, int var_relid);

// PG15 get_variable_numdistinct.
double VariableNumDistinct(const VarStats& var, bool* is_default);

struct McvList {
  std::vector<StatValue> values;  // empty when the values could not be read
  std::vector<double> freqs;      // float4 roundings
  bool values_ok = false;         // every value was read
  double Sum() const;
};
// The MCV slot, read once per column and context (EstimationContext::parsed_stats); null when
// the column has no MCV list.
const McvList* LoadMcvs(const EstimationContext& ctx, const VarStats& var);
// The histogram slot's values, read once likewise; null when there is no histogram (or a value
// is unreadable, which also records a warning).
const std::vector<StatValue>* LoadHistogram(const EstimationContext& ctx, const VarStats& var);

// eqjoinsel's pairing of two MCV lists: each value matched at most once, the first match wins,
// only the first n2 values of the second list compared.
struct McvMatch {
  int nmatches = 0;
  double matchprod = 0;    // sum of freq1 * freq2 over the matched pairs
  std::vector<bool> has1;  // per value of the first list: matched
  std::vector<bool> has2;  // per compared value of the second list: matched
};

// What the stats module reads or computes once per context and keeps (the context's catalog and
// relations must not change while it is in use), as PostgreSQL keeps statistics slots in the
// syscache and join-clause estimates in RestrictInfos.
struct ParsedStatsCache {
  struct Entry {
    bool mcvs_read = false;  // each slot is read on first use only
    bool histogram_read = false;
    std::optional<McvList> mcvs;
    std::optional<std::vector<StatValue>> histogram;
  };
  std::map<const catalog::ColumnStats*, Entry> entries;
  // A base table column's statistics and the type they are printed in, per (table, attno).
  struct Column {
    const catalog::ColumnStats* stats = nullptr;
    bind::Type stats_type;
  };
  std::map<std::pair<const catalog::Table*, int>, Column> columns;
  // MCV pairings per (list 1, list 2, n2): the quadratic part of eqjoinsel.
  std::map<std::tuple<const McvList*, const McvList*, size_t>, McvMatch> mcv_matches;
  // mergejoinscansel per (clause, descending, nulls_first) (PG15 RestrictInfo scansel_cache);
  // a clause between two Vars is keyed by the Vars (varno, attno each) instead of its address,
  // so the copies of one clause share the entry. Unused parts of a key are 0 or null.
  using MergeScanKey = std::tuple<const bind::BoundExpr*, int, int, int, int, bool, bool>;
  std::map<MergeScanKey, MergeScanSelectivity> merge_scans;
};
ParsedStatsCache& StatsCache(const EstimationContext& ctx);

// A constant after estimate_expression_value-style folding.
struct ConstValue {
  bind::Type type;
  std::string text;
  bool is_null = false;
};
// Folds a Const, a cast of a Const, and unary minus on a numeric Const; nullopt for anything
// else (Params, stable functions such as now(): dbopt has no value for them).
std::optional<ConstValue> FoldConstant(const bind::BoundExpr& expr);

// PG15 get_restriction_variable: one side references the relation, the other none.
struct RestrictionVar {
  VarStats var;
  const bind::BoundExpr* other = nullptr;
  bool var_on_left = true;
};
std::optional<RestrictionVar> GetRestrictionVariable(const EstimationContext& ctx,
                                                     const bind::BoundExpr& left,
                                                     const bind::BoundExpr& right, int var_relid);

// The constant as a typed value comparable with the variable's statistics. An untyped or string
// literal next to a column of another domain is read in the column's type, as the parser's
// coercion would have done. nullopt (with a warning) when it cannot be read.
std::optional<StatValue> ConstAsValue(const EstimationContext& ctx, const ConstValue& c,
                                      const VarStats& var);

void Warn(const EstimationContext& ctx, std::string message);

}  // namespace dbopt::stats
