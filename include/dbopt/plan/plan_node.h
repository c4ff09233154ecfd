// The planner's output: a plan tree shaped like PostgreSQL's (plannodes.h), with exactly the
// fields EXPLAIN prints — node type, relation, index, quals, keys, costs, rows, width — plus the
// reasons for each choice (`why`). The render module prints it as PostgreSQL's EXPLAIN text and
// JSON, or as Graphviz DOT; it never recomputes anything.
//
// Expressions in a plan are bound expressions whose Vars keep their original range-table index
// (into PlannedStatement::rtable) and attribute number; the printer resolves them to
// "alias.column" (PostgreSQL resolves OUTER_VAR/INNER_VAR references back the same way).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::plan {

enum class PlanKind {
  kResult,
  kProjectSet,
  kModifyTable,
  kAppend,
  kMergeAppend,
  kRecursiveUnion,
  kBitmapAnd,
  kBitmapOr,
  kNestLoop,
  kMergeJoin,
  kHashJoin,
  kSeqScan,
  kSampleScan,
  kGather,
  kGatherMerge,
  kIndexScan,
  kIndexOnlyScan,
  kBitmapIndexScan,
  kBitmapHeapScan,
  kTidScan,
  kSubqueryScan,
  kFunctionScan,
  kValuesScan,
  kCteScan,
  kWorkTableScan,
  kMaterialize,
  kMemoize,
  kSort,
  kIncrementalSort,
  kGroup,
  kAggregate,
  kWindowAgg,
  kUnique,
  kSetOp,
  kLockRows,
  kLimit,
  kHash,
};

enum class JoinType { kInner, kLeft, kFull, kRight, kSemi, kAnti };  // "Inner", "Left", ...

enum class AggStrategy {
  kPlain,
  kSorted,
  kHashed,
  kMixed
};                                                         // "Plain", "Sorted", "Hashed", "Mixed"
enum class AggSplitMode { kSimple, kPartial, kFinalize };  // EXPLAIN's "Partial Mode"
enum class ScanDirection { kForward, kBackward };          // "Forward", "Backward"
enum class SetOpCommand { kIntersect, kIntersectAll, kExcept, kExceptAll };
enum class SetOpStrategy { kSorted, kHashed };
enum class ModifyOperation { kInsert, kUpdate, kDelete };
// How a child hangs under its parent: EXPLAIN's "Parent Relationship".
enum class ParentRelationship { kNone, kOuter, kInner, kMember, kInitPlan, kSubPlan, kSubquery };

struct SortKey {
  bind::BoundExprPtr expr;
  bool descending = false;
  bool nulls_first = false;  // printed only when it differs from the direction's default
};

struct PlanNode {
  PlanKind kind = PlanKind::kResult;

  // Estimates, exactly as EXPLAIN prints them (rows already clamped and rounded by the planner).
  double startup_cost = 0;
  double total_cost = 0;
  double rows = 0;
  int width = 0;
  bool parallel_aware = false;  // "Parallel Seq Scan", "Parallel Hash", ...
  bool async_capable = false;

  // Children: outer (left) first, inner (right) second; Append/MergeAppend/BitmapAnd/Or: members.
  std::vector<std::unique_ptr<PlanNode>> children;
  ParentRelationship relationship =
      ParentRelationship::kNone;  // how this node hangs under its parent
  std::string subplan_name;       // "InitPlan 1 (returns $0)", "SubPlan 2", "CTE cte_name"
  // InitPlans and SubPlans attached to this node (EXPLAIN prints InitPlans before the node's
  // children and SubPlans after them).
  std::vector<std::unique_ptr<PlanNode>> init_plans;
  std::vector<std::unique_ptr<PlanNode>> sub_plans;
  // A SubPlan child evaluated through a hash table: its references print as
  // "(hashed SubPlan N)", N taken from subplan_name "SubPlan N".
  bool use_hash_table = false;

  // Scans: the range-table entry scanned (1-based into PlannedStatement::rtable); ModifyTable:
  // its target relation ("Update on t").
  int scan_rtindex = 0;
  const catalog::Index* index = nullptr;  // Index/Index Only/Bitmap Index Scan
  std::string index_name;                 // set even for hypothetical indexes
  ScanDirection direction = ScanDirection::kForward;
  std::vector<bind::BoundExprPtr> index_cond;    // "Index Cond"
  std::vector<bind::BoundExprPtr> recheck_cond;  // "Recheck Cond" (Bitmap Heap Scan)
  std::vector<bind::BoundExprPtr> filter;        // "Filter" (scans, joins' qpqual, Result)
  std::vector<bind::BoundExprPtr> order_by;      // "Order By" (index scan ordering operators)

  // Joins
  JoinType join_type = JoinType::kInner;
  bool inner_unique = false;                    // "Inner Unique" (JSON only)
  std::vector<bind::BoundExprPtr> join_filter;  // "Join Filter"
  std::vector<bind::BoundExprPtr> hash_cond;    // "Hash Cond"
  std::vector<bind::BoundExprPtr> merge_cond;   // "Merge Cond"

  // Sort / IncrementalSort / GatherMerge / MergeAppend: "Sort Key"; IncrementalSort: the first
  // presorted_keys of them are "Presorted Key".
  std::vector<SortKey> sort_keys;
  int presorted_keys = 0;

  // Aggregate / Group / WindowAgg / Unique / SetOp
  AggStrategy agg_strategy = AggStrategy::kPlain;
  AggSplitMode agg_split = AggSplitMode::kSimple;
  std::vector<bind::BoundExprPtr> group_keys;  // "Group Key"
  int unique_columns = 0;
  SetOpCommand setop_command = SetOpCommand::kIntersect;
  SetOpStrategy setop_strategy = SetOpStrategy::kSorted;
  std::string window_name;                        // WindowAgg
  std::vector<bind::BoundExprPtr> run_condition;  // WindowAgg "Run Condition" (PG15)
  int planned_partitions = 0;  // HashAggregate/MixedAggregate "Planned Partitions"

  // Limit
  bind::BoundExprPtr limit_count;
  bind::BoundExprPtr limit_offset;

  // Memoize: "Cache Key", "Cache Mode" (logical/binary)
  std::vector<bind::BoundExprPtr> cache_keys;
  bool cache_binary = false;

  // Gather / GatherMerge
  int workers_planned = 0;
  bool single_copy = false;

  // ModifyTable
  ModifyOperation operation = ModifyOperation::kInsert;

  // Function/Values/CTE/Subquery scans: what EXPLAIN names after "on"
  std::string cte_name;
  std::string function_name;

  // Result: "One-Time Filter"
  std::vector<bind::BoundExprPtr> one_time_filter;

  // The output columns (the node's targetlist), used for VERBOSE "Output" and by parents.
  std::vector<bind::BoundExprPtr> output;

  // Why the planner chose this node: one line per alternative considered, best first, e.g.
  // "index orders_custkey_idx: 1240.50 vs seq scan 980.00: 42% of rows match". Printed by
  // --why and in JSON under "dbopt Why".
  std::vector<std::string> why;
};

// A planned statement: the tree plus what printing it needs.
struct PlannedStatement {
  std::unique_ptr<PlanNode> plan;
  // The flattened range table of the whole statement (subqueries pulled up or not) that the
  // plan's Vars index into. Entries keep their alias for printing.
  std::vector<bind::RangeTblEntry> rtable;
  double planning_ms = 0;          // measured by the planner, "Planning Time"
  std::vector<std::string> notes;  // e.g. "table orders has no statistics: defaults used"
};

}  // namespace dbopt::plan
