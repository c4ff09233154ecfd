// Paths: the planner's candidate ways of producing a relation (PostgreSQL's Path and its
// subtypes in pathnodes.h), flattened into one struct whose `kind` says which fields apply.
// Costs and rows are what PostgreSQL's cost functions give; create_plan.cc turns the winning
// path tree into PlanNodes.
#pragma once

#include <string>
#include <vector>

#include "dbopt/bind/relids.h"
#include "dbopt/plan/plan_node.h"

namespace dbopt::plan {

struct RelOptInfo;
struct RestrictInfo;
struct IndexInfo;

// How a Uniquify path removes duplicates (UniquePathMethod): not at all (already unique),
// with a HashAggregate, or with Sort + Unique.
enum class UniqueMethod { kNoop, kHash, kSort };

// One sort key (PostgreSQL's PathKey): an equivalence class and a direction.
struct PathKey {
  int ec = -1;
  bool descending = false;
  bool nulls_first = false;
  bool operator==(const PathKey& o) const {
    return ec == o.ec && descending == o.descending && nulls_first == o.nulls_first;
  }
  bool operator!=(const PathKey& o) const { return !(*this == o); }
};
using PathKeys = std::vector<PathKey>;

enum class PathKind {
  kSeqScan,
  kIndexScan,  // also the leaves of a bitmap tree (bitmap_leaf)
  kIndexOnlyScan,
  kBitmapHeapScan,
  kBitmapAnd,
  kBitmapOr,
  kNestLoop,
  kHashJoin,
  kMergeJoin,
  kSort,
  kIncrementalSort,
  kMaterial,
  kMemoize,
  kAgg,
  kGroup,
  kUnique,
  kUniquify,  // a semi join's inner made unique (UniquePath): see unique_paths.h
  kWindowAgg,
  kLimit,
  kGather,
  kGatherMerge,
  kResult,
  kSubqueryScan,
  kFunctionScan,
  kValuesScan,
  kCteScan,
  kAppend,
  kMergeAppend,
  kSetOp,
  kModifyTable,
  kLockRows,
};

// An index clause matched to an index column (PostgreSQL's IndexClause).
struct IndexClause {
  const RestrictInfo* rinfo = nullptr;
  int column = 0;  // 0-based index column
  // The clause as the index uses it, with the indexed expression on the left (commuted when
  // the original had it on the right).
  const bind::BoundExpr* index_qual = nullptr;
};

struct Path {
  PathKind kind = PathKind::kSeqScan;
  RelOptInfo* parent = nullptr;
  double rows = 0;
  double startup_cost = 0;
  double total_cost = 0;
  PathKeys pathkeys;
  bind::Relids required_outer;  // parameterized paths: rels that must be on the outer side
  bool parallel_aware = false;
  bool parallel_safe = false;
  int parallel_workers = 0;

  // Index scans (and bitmap leaves)
  const IndexInfo* index = nullptr;
  std::vector<IndexClause> index_clauses;
  ScanDirection direction = ScanDirection::kForward;
  double index_total_cost = 0;  // the index part alone (bitmap leaves show this)
  double index_selectivity = 1;
  bool bitmap_leaf = false;

  // Bitmap heap scans: bitmap_children[0] is the bitmap tree; BitmapAnd/Or: members.
  std::vector<Path*> bitmap_children;
  double bitmap_selectivity = 1;

  // Joins
  JoinType join_type = JoinType::kInner;
  bool inner_unique = false;
  Path* outer = nullptr;
  Path* inner = nullptr;
  std::vector<const RestrictInfo*> join_restrict;  // all clauses evaluated at this join
  std::vector<const RestrictInfo*> path_clauses;   // hash or merge clauses
  PathKeys outer_sort_keys;                        // merge join: explicit sorts needed
  PathKeys inner_sort_keys;
  bool materialize_inner = false;  // merge join
  int hash_batches = 1;

  // Upper paths and wrappers (Sort, Material, Memoize, Agg, Limit, Gather, ...)
  Path* subpath = nullptr;
  std::vector<Path*> subpaths;  // Append and friends
  AggStrategy agg_strategy = AggStrategy::kPlain;
  AggSplitMode agg_split = AggSplitMode::kSimple;
  double num_groups = 0;
  int presorted_keys = 0;
  bool for_distinct = false;
  bool for_set_op = false;  // an Agg or Unique removing UNION's duplicates
  SetOpCommand setop_command = SetOpCommand::kExcept;
  SetOpStrategy setop_strategy = SetOpStrategy::kHashed;
  int win_ref = 0;  // WindowAgg: which window clause
  // Uniquify: how the rows are made unique, and by which expressions (the semi join's
  // right-hand sides).
  UniqueMethod unique_method = UniqueMethod::kNoop;
  std::vector<const bind::BoundExpr*> uniq_exprs;
  // Memoize: the outer-side parameter expressions, expected calls and distinct values.
  std::vector<const bind::BoundExpr*> cache_keys;
  double memoize_calls = 0;
  double memoize_ndistinct = 0;  // an Agg or Unique implementing DISTINCT, not GROUP BY
  double limit_count = -1;
  double limit_offset = 0;

  // Why it exists / lost: filled when the planner collects reasons.
  std::string label;
};

}  // namespace dbopt::plan
