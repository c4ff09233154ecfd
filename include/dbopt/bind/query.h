// A bound statement: PostgreSQL's Query (parsenodes.h) as parse analysis leaves it, before the
// planner. The range table lists every relation, subquery, join, function, VALUES list and CTE
// reference; the join tree says how they combine and carries the WHERE/ON quals; the rest are the
// target list and the upper clauses (GROUP BY, HAVING, windows, DISTINCT, ORDER BY, LIMIT).
// The planner consumes this; the stats module reads column statistics through it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::bind {

enum class CommandType { kSelect, kInsert, kUpdate, kDelete };

// PostgreSQL's JoinType as the parser produces it (the planner adds semi/anti joins itself).
enum class JoinType { kInner, kLeft, kFull, kRight, kSemi, kAnti };

enum class RteKind { kRelation, kSubquery, kJoin, kFunction, kValues, kCte, kResult };

struct RangeTblEntry {
  RteKind kind = RteKind::kRelation;
  std::string alias;                      // the name EXPLAIN prints (eref->aliasname)
  bool alias_written = false;             // FROM orders o: true; FROM orders: false
  std::vector<std::string> column_names;  // eref->colnames, after column aliases
  std::vector<Type> column_types;
  bool lateral = false;
  bool in_from_clause = true;  // false for the target of INSERT and for OLD/NEW-like entries

  // kRelation
  const catalog::Table* table = nullptr;
  bool inherit = true;  // false for FROM ONLY

  // kSubquery: the subquery (also a CTE reference that the planner decides to inline)
  std::shared_ptr<Query> subquery;

  // kJoin: the join's type and, for USING/NATURAL, the merged columns as Vars of the inputs
  JoinType join_type = JoinType::kInner;
  std::vector<BoundExprPtr> join_alias_vars;

  // kFunction: the function call(s); kValues: the rows
  std::vector<BoundExprPtr> functions;
  bool with_ordinality = false;
  std::vector<std::vector<BoundExprPtr>> values;

  // kCte: which CTE (index into the owning Query's ctes) and how many levels up it lives
  int cte_index = -1;
  int cte_levelsup = 0;
  bool self_reference = false;  // a recursive CTE's reference to itself
};

// The join tree: a FROM list (FromExpr) with a qual, a join (JoinExpr) with its ON qual, or a
// leaf naming a range-table entry.
struct JoinNode {
  enum class Kind { kRangeRef, kJoin, kFromList };
  Kind kind = Kind::kRangeRef;
  int rtindex = 0;  // kRangeRef: the leaf's entry; kJoin: the join's own kJoin entry
  // kJoin
  JoinType join_type = JoinType::kInner;
  bool natural = false;
  std::vector<std::string> using_columns;
  // kJoin: left, right; kFromList: the comma-separated items
  std::vector<std::unique_ptr<JoinNode>> children;
  BoundExprPtr quals;  // ON (kJoin) or WHERE (kFromList); null when none
};

struct TargetEntry {
  BoundExprPtr expr;
  std::string name;      // output column name as PostgreSQL derives it ("?column?", "sum")
  int resno = 0;         // 1-based position
  bool resjunk = false;  // ORDER BY/GROUP BY expressions not in the SELECT list
  int sortgroupref = 0;  // referenced by SortGroupClause::tle_ref; 0 = none
  int origin_varno = 0;  // for a plain column: where it comes from (UPDATE targets etc.)
};

// One ORDER BY / GROUP BY / DISTINCT item: which target entry, and how it sorts.
struct SortGroupClause {
  int tle_ref = 0;           // TargetEntry::sortgroupref
  bool descending = false;   // sort operator is ">" rather than "<"
  bool nulls_first = false;  // PostgreSQL's default: NULLS LAST for ASC, NULLS FIRST for DESC
  bool hashable = true;      // the type has a hash opclass
  bool sortable = true;
};

struct WindowClause {
  std::string name;  // empty for an inline OVER (...)
  std::vector<SortGroupClause> partition;
  std::vector<SortGroupClause> order;
  std::string frame_text;  // frame clause as SQL text, for printing; empty = default
  int win_ref = 0;         // 1-based
};

enum class SetOpKind { kUnion, kIntersect, kExcept };

// A set-operation tree; leaves are range-table entries (kSubquery) of the owning Query.
struct SetOperation {
  bool leaf = false;
  int rtindex = 0;  // leaf
  SetOpKind op = SetOpKind::kUnion;
  bool all = false;
  std::unique_ptr<SetOperation> left;
  std::unique_ptr<SetOperation> right;
  std::vector<Type> column_types;
};

struct CommonTable {
  std::string name;
  std::shared_ptr<Query> query;
  enum class Materialized { kDefault, kAlways, kNever } materialized = Materialized::kDefault;
  bool recursive = false;   // references itself
  int reference_count = 0;  // references in the query (PostgreSQL inlines a CTE used once)
};

struct OnConflict {
  enum class Action { kNothing, kUpdate } action = Action::kNothing;
  std::vector<std::string> arbiter_columns;
  std::string constraint;
  // DO UPDATE: the SET targets (resno = the column's number) over the target relation and
  // EXCLUDED (range-table entry exclusion_rtindex), and the optional WHERE.
  std::vector<TargetEntry> set;
  BoundExprPtr where;
  int exclusion_rtindex = 0;
};

struct Query {
  CommandType command = CommandType::kSelect;
  std::vector<RangeTblEntry> rtable;  // index i+1 is rtindex i+1 (PostgreSQL's 1-based)
  JoinNode jointree;                  // always kFromList at the top
  std::vector<TargetEntry> targets;
  int result_relation = 0;  // INSERT/UPDATE/DELETE target: rtindex
  std::vector<TargetEntry> returning;
  std::optional<OnConflict> on_conflict;

  std::vector<CommonTable> ctes;
  bool recursive_with = false;

  bool has_aggs = false;
  bool has_window_funcs = false;
  bool has_sublinks = false;
  bool has_distinct_on = false;
  bool has_for_update = false;

  std::vector<SortGroupClause> group_by;
  bool has_grouping_sets = false;  // not planned yet: reported as not supported
  BoundExprPtr having;
  std::vector<WindowClause> windows;
  std::vector<SortGroupClause> distinct;
  std::vector<SortGroupClause> order_by;
  BoundExprPtr limit_offset;
  BoundExprPtr limit_count;
  bool limit_with_ties = false;

  std::unique_ptr<SetOperation> set_operations;  // set when this Query is a UNION/...

  const TargetEntry* FindSortGroupTarget(int tle_ref) const;
};

}  // namespace dbopt::bind
