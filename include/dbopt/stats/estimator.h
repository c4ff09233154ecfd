// Selectivity and row-count estimation with PostgreSQL 15's semantics (selfuncs.c, clausesel.c,
// like_support.c, array_selfuncs.c). Everything here reads the catalog's statistics through an
// EstimationContext that the planner fills: which table each range-table entry is, and how many
// tuples/rows each relation has. Nothing here computes a cost.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"
#include "dbopt/bind/relids.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::stats {

// PostgreSQL's default selectivities (selfuncs.h) — PG15.
constexpr double kDefaultEqSel = 0.005;
constexpr double kDefaultIneqSel = 0.3333333333333333;
constexpr double kDefaultRangeIneqSel = 0.005;
constexpr double kDefaultMatchSel = 0.005;
constexpr double kDefaultNumDistinct = 200;
constexpr double kDefaultUnkSel = 0.005;
constexpr double kDefaultNotUnkSel = 1.0 - kDefaultUnkSel;

// What the estimator knows about one relation of the query level being planned
// (the relevant parts of PostgreSQL's RelOptInfo).
struct RelEstimate {
  const catalog::Table* table = nullptr;  // base table; null for subqueries, functions, ...
  double tuples = 0;  // rel->tuples: rows in the relation before any restriction
  double rows = 0;    // rel->rows: rows after its restriction clauses (filled once known)
  // A subquery or CTE scanned by this entry: examine_variable looks through simple Vars.
  const bind::Query* subquery = nullptr;
  std::vector<const catalog::Index*> unique_indexes;  // for has_unique_index / distinct counts
};

// PostgreSQL's SpecialJoinInfo, as far as estimation needs it.
struct SpecialJoin {
  bind::JoinType join_type = bind::JoinType::kInner;
  bind::Relids min_lefthand;
  bind::Relids min_righthand;
  bind::Relids syn_lefthand;
  bind::Relids syn_righthand;
  // Semi/anti joins: rows of the join input rel for min_righthand (eqjoinsel's inner_rel->rows).
  // Negative: taken from EstimationContext::rels when min_righthand is a single base rel.
  double inner_rel_rows = -1;
};

struct ParsedStatsCache;      // the stats module's parsed MCV lists and histograms
struct IndexExpressionCache;  // and its bound index expressions

struct EstimationContext {
  const catalog::Catalog* catalog = nullptr;
  const bind::Query* query = nullptr;  // the query level whose Vars (levelsup 0) we estimate
  std::vector<RelEstimate> rels;       // indexed by rtindex; entry 0 unused
  // Set when a statistic looked inconsistent (e.g. MCV frequencies summing above 1); the planner
  // turns these into notes.
  mutable std::vector<std::string> warnings;
  // exprs_known_equal (equivalence classes): estimate_num_groups keeps one of two grouping
  // expressions of different relations known to be equal. Null: none are known equal.
  std::function<bool(const bind::BoundExpr&, const bind::BoundExpr&)> known_equal;
  // Statistics arrays read into typed values on first use (filled by the stats module; the
  // catalog must not change while a context is in use).
  mutable std::shared_ptr<ParsedStatsCache> parsed_stats;
  mutable std::shared_ptr<IndexExpressionCache> index_expressions;
};

// PG15 costsize.c MAXIMUM_ROWCOUNT and clamp_row_est: NaN or > 1e100 -> 1e100; <= 1 -> 1;
// otherwise rounded half to even (rint).
constexpr double kMaximumRowCount = 1e100;
double ClampRowEst(double rows);

// A RelEstimate for a base table with `tuples` rows, its single-column unique indexes taken from
// the catalog (non-partial unique indexes, primary keys included). rows starts equal to tuples.
RelEstimate MakeTableRel(const catalog::Catalog& catalog, const catalog::Table& table,
                         double tuples);

// PG15 set_baserel_size_estimates: clamp_row_est(tuples * clauselist_selectivity(quals)).
double BaseRelRows(const EstimationContext& ctx, int rtindex,
                   const std::vector<const bind::BoundExpr*>& quals);

// clause_selectivity_ext: selectivity of one clause. var_relid != 0 treats the clause as a
// restriction on that relation even if it mentions others; join is null for a restriction
// clause, set for a join clause (then join selectivity functions apply).
double ClauseSelectivity(const EstimationContext& ctx, const bind::BoundExpr& clause, int var_relid,
                         const SpecialJoin* join);

// clauselist_selectivity_ext: the selectivity of an implicit AND of clauses, with range pairing
// (a > x AND a < y) and extended-statistics handling where available.
double ClauseListSelectivity(const EstimationContext& ctx,
                             const std::vector<const bind::BoundExpr*>& clauses, int var_relid,
                             const SpecialJoin* join);

// estimate_num_groups: number of distinct groups of the given expressions over input_rows rows.
double EstimateNumGroups(const EstimationContext& ctx,
                         const std::vector<const bind::BoundExpr*>& group_exprs, double input_rows);

// get_variable_numdistinct for a plain expression (a Var of a base relation, usually);
// is_default tells whether a default was used.
double NumDistinct(const EstimationContext& ctx, const bind::BoundExpr& expr, bool* is_default);

// estimate_hash_bucket_stats: for hashing on expr into nbuckets buckets, the frequency of the
// most common value and the fraction of the table in one bucket.
struct HashBucketStats {
  double mcv_freq = 0;
  double bucket_size_frac = 0;
};
HashBucketStats EstimateHashBucketStats(const EstimationContext& ctx, const bind::BoundExpr& expr,
                                        double nbuckets);

// mergejoinscansel: fractions of each input a merge join scans before it can stop.
struct MergeScanSelectivity {
  double left_start = 0, left_end = 1;
  double right_start = 0, right_end = 1;
};
MergeScanSelectivity MergeJoinScanSelectivity(const EstimationContext& ctx,
                                              const bind::BoundExpr& clause, bool descending,
                                              bool nulls_first);

// PG15 calc_joinrel_size_estimate with get_foreign_key_join_selectivity: the rows of joining
// outer_rows and inner_rows rows of the relation sets outer and inner. `clauses` are the join's
// restriction clauses (for outer joins: its ON clauses); `pushed_down` are, for outer joins,
// the clauses evaluated at the join that came from above it (WHERE), ignored otherwise.
// Equality clauses that match a foreign key between a referencing and a referenced base table on
// both sides are replaced by 1/referenced tuples (semi/anti: referenced rows/tuples).
double JoinRelSize(const EstimationContext& ctx, double outer_rows, double inner_rows,
                   const bind::Relids& outer, const bind::Relids& inner, const SpecialJoin& join,
                   const std::vector<const bind::BoundExpr*>& clauses,
                   const std::vector<const bind::BoundExpr*>& pushed_down = {});

// estimate_array_length: elements of an array constant or ARRAY[...] (10 when unknown).
int EstimateArrayLength(const bind::BoundExpr& array);

}  // namespace dbopt::stats
