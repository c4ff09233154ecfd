// The planner's working state for one query level, mirroring PostgreSQL's PlannerInfo,
// RelOptInfo, RestrictInfo, EquivalenceClass, PathKey and IndexOptInfo (pathnodes.h). Private to
// the plan module. Everything is owned by the PlannerInfo (deques keep pointers stable), so
// paths and rels refer to each other with plain pointers.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "dbopt/bind/query.h"
#include "dbopt/bind/relids.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/cost/basics.h"
#include "dbopt/cost/params.h"
#include "dbopt/stats/estimator.h"
#include "path.h"

namespace dbopt::plan {

using bind::BoundExpr;
using bind::Relids;

// A WHERE/ON clause with what the planner learns about it (PostgreSQL's RestrictInfo).
struct RestrictInfo {
  const BoundExpr* clause = nullptr;
  Relids required_relids;  // rels the clause mentions (plus outer-join delays)
  Relids clause_relids;
  bool is_pushed_down = true;  // WHERE or inner-join ON; false: an outer join's own ON clause
  bool pseudoconstant = false;
  // Binary operator clauses: which rels each side uses, and whether it can drive a join.
  Relids left_relids;
  Relids right_relids;
  bool can_join = false;
  bool hashjoinable = false;
  bool mergejoinable = false;
  int parent_ec = -1;  // the equivalence class this equality came from, or -1
  int left_ec = -1;    // mergejoinable: EC of each side
  int right_ec = -1;
  mutable double norm_selec = -1;   // cached selectivity as a plain join/restriction clause
  mutable double outer_selec = -1;  // cached selectivity inside an outer join
  cost::QualCost eval_cost;         // cost_qual_eval of the clause alone
};

struct EquivalenceMember {
  const BoundExpr* expr = nullptr;
  Relids relids;
  bool is_const = false;
};

// A set of expressions known equal (PostgreSQL's EquivalenceClass): a = b AND b = 5 puts
// {a, b, 5} in one class, from which the planner derives a = 5 and b = 5 as restrictions and
// picks one join clause per pair of rels.
struct EquivalenceClass {
  std::vector<EquivalenceMember> members;
  std::vector<const RestrictInfo*> sources;  // the clauses that formed it
  bool has_const = false;
  bool below_outer_join = false;
  bool broken = false;  // could not generate implied equalities: fall back to the sources
  Relids relids;        // union of member relids
};

// An index as the planner sees it (IndexOptInfo).
struct IndexInfo {
  const catalog::Index* index = nullptr;
  std::string name;
  std::vector<int> key_attnos;              // per key column: the table's attno, 0 for expressions
  std::vector<const BoundExpr*> key_exprs;  // per key column: Var or expression
  std::vector<int> include_attnos;
  int key_columns = 0;
  double pages = 1;
  double tuples = 0;
  int tree_height = 0;
  bool unique = false;
  bool btree = true;
  bool amcanorder = true;
  bool partial = false;
  bool predicate_ok = true;  // partial index: predicate implied by the restriction clauses
  std::vector<const BoundExpr*> predicate;  // partial index: its predicate's conjuncts
  std::vector<bool> reverse_sort;           // DESC key columns
  std::vector<bool> nulls_first;
};

enum class RelKind { kBase, kJoin, kUpper };

// A relation being planned: a base table, a join of several, or an upper rel (RelOptInfo).
struct RelOptInfo {
  RelKind kind = RelKind::kBase;
  Relids relids;
  int rtindex = 0;  // base rels
  const catalog::Table* table = nullptr;
  double rows = 0;    // estimated output rows
  int width = 0;      // reltarget width
  double pages = 0;   // base: heap pages
  double tuples = 0;  // base: rows before restrictions
  double allvisfrac = 0;
  std::vector<int> attr_widths;     // base: per column (1-based attno, index 0 unused)
  std::vector<Relids> attr_needed;  // base: per column, the rels (bit 0: the output) needing it
  std::vector<RestrictInfo*> baserestrictinfo;
  cost::QualCost baserestrictcost;
  std::vector<RestrictInfo*> joininfo;  // join clauses mentioning this rel and others
  std::vector<IndexInfo> indexes;
  std::unique_ptr<PlanNode> subquery_plan;  // a subquery rel: its separately planned subquery
  bool keep_subquery_scan = false;
  std::string cte_name;  // a CTE rel: the WITH query it scans          // its SubqueryScan projects
                         // (INTERSECT/EXCEPT flag)
  bool consider_parallel = false;
  int rel_parallel_workers = -1;
  // add_path weighs startup cost only when some caller may stop early (a LIMIT, an EXISTS);
  // for parameterized paths only on the inside of a semi or anti join.
  bool consider_startup = false;
  bool consider_param_startup = false;
  // The target of an UPDATE or DELETE: its scan returns the row's ctid, which no index holds.
  bool needs_row_identity = false;

  std::vector<Path*> pathlist;
  bool record_candidates = false;  // --why: remember every path offered
  std::vector<const Path*> considered;
  mutable bool why_reported = false;
  std::vector<Path*> partial_pathlist;
  Path* cheapest_startup = nullptr;
  Path* cheapest_total = nullptr;
  std::vector<Path*> cheapest_parameterized;
  // create_unique_path's result for this rel as a semi join's right side (computed once).
  Path* cheapest_unique = nullptr;
  bool unique_tried = false;
};

// A join-order restriction from an outer, semi or anti join (SpecialJoinInfo).
struct SpecialJoinInfo {
  stats::SpecialJoin estimation;  // join type and the relid sets
  bool lhs_strict = false;
  // compute_semijoin_info: a semi join whose clauses are `lhs = rhs` equalities can run as an
  // inner join over its right side made unique on the rhs expressions (by sorting or hashing).
  bool semi_can_btree = false;
  bool semi_can_hash = false;
  std::vector<const BoundExpr*> semi_rhs_exprs;
};

struct PlannerGlobal;  // planner_global.h

struct PlannerInfo {
  PlannerGlobal* global = nullptr;
  const catalog::Catalog* catalog = nullptr;
  const bind::Query* query = nullptr;
  cost::CostParams params;
  stats::EstimationContext estimation;

  std::vector<RelOptInfo*> simple_rels;  // by rtindex; null for non-base entries
  Relids all_baserels;
  std::vector<RestrictInfo*> all_clauses;
  std::vector<EquivalenceClass> ecs;
  // Join clauses derived from equivalence classes, per (class, outer member, inner member), so
  // each expression is made once (PostgreSQL's ec_derives); never handed out themselves.
  std::map<std::tuple<int, size_t, size_t>, const RestrictInfo*> ec_derives;
  std::vector<SpecialJoinInfo> join_infos;
  PathKeys query_pathkeys;  // what the upper planner wants (ORDER BY, GROUP BY, ...)
  double limit_tuples = -1;
  double tuple_fraction = 0;
  bool consider_startup = false;  // every rel's consider_startup (tuple_fraction > 0 or LIMIT)
  bool collect_why = false;

  // Storage: everything above points into these.
  std::deque<RelOptInfo> rel_storage;
  std::deque<RestrictInfo> restrict_storage;
  std::deque<Path> path_storage;
  std::vector<std::unique_ptr<BoundExpr>> expr_storage;

  RelOptInfo* NewRel() {
    RelOptInfo* rel = &rel_storage.emplace_back();
    rel->record_candidates = collect_why;
    rel->consider_startup = consider_startup;
    return rel;
  }
  RestrictInfo* NewRestrictInfo() { return &restrict_storage.emplace_back(); }
  Path* NewPath() { return &path_storage.emplace_back(); }
  const BoundExpr* Keep(std::unique_ptr<BoundExpr> expr) {
    expr_storage.push_back(std::move(expr));
    return expr_storage.back().get();
  }
};

}  // namespace dbopt::plan
