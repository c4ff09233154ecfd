// Set operations; see set_ops.h.
#include "set_ops.h"

#include <algorithm>

#include "add_path.h"
#include "agg_costs.h"
#include "costing.h"
#include "dbopt/bind/pg_type.h"
#include "dbopt/cost/append_cost.h"
#include "dbopt/cost/other_scan_cost.h"
#include "dbopt/cost/sort_cost.h"
#include "dbopt/cost/width.h"
#include "equivalence.h"
#include "planner_global.h"

namespace dbopt::plan {
namespace {

using bind::SetOperation;

// PG15: the flag column INTERSECT/EXCEPT add to each input (an int4).
constexpr int kFlagWidth = 4;

struct SetOpPlanner {
  PlannerInfo& root;
  const LevelPlanner& plan_level;

  // A leaf: its subquery planned as a level of its own, scanned through a SubqueryScan.
  Result<Path*> Leaf(const SetOperation& leaf, bool tagged) {
    const bind::RangeTblEntry& rte = root.query->rtable[leaf.rtindex - 1];
    Result<LevelResult> planned = plan_level(*root.global, *rte.subquery, 0.0);
    if (!planned.ok()) return std::move(planned).error();
    RelOptInfo* rel = root.NewRel();
    rel->kind = RelKind::kBase;
    rel->rtindex = leaf.rtindex;
    rel->relids = Relids::Of(leaf.rtindex);
    rel->subquery_plan = std::move(planned->plan);
    // generate_setop_tlist: a column whose type differs from the set operation's is coerced in the
    // SubqueryScan's target list, which then is no longer trivial.
    bool coerced = false;
    const std::vector<bind::Type>& types = root.query->set_operations->column_types;
    size_t column = 0;
    for (const bind::TargetEntry& te : rte.subquery->targets) {
      if (te.resjunk) continue;
      // (Constants are coerced within the input itself, and dbopt compares type ids only: the
      // binder does not derive a set operation's common typmod.)
      if (column < types.size() && !bind::VarNos(*te.expr).empty() &&
          (te.expr->type.id != types[column].id || te.expr->type.array != types[column].array)) {
        coerced = true;
      }
      ++column;
    }
    rel->keep_subquery_scan = tagged || coerced;
    rel->tuples = rel->rows = rel->subquery_plan->rows;
    rel->attr_widths.assign(1, 0);
    for (const bind::TargetEntry& te : rte.subquery->targets) {
      if (!te.resjunk) rel->attr_widths.push_back(bind::TypeAverageWidth(te.expr->type));
    }
    rel->attr_needed.assign(rel->attr_widths.size(), Relids::Of(0));
    rel->width = rel->subquery_plan->width + (tagged ? kFlagWidth : 0);
    root.simple_rels[leaf.rtindex] = rel;
    Path* path = root.NewPath();
    path->kind = PathKind::kSubqueryScan;
    path->parent = rel;
    path->rows = rel->rows;
    cost::SimpleScanInput in;
    in.tuples = in.rows = rel->rows;
    const cost::Cost c = cost::CostSubqueryScan(
        root.params, {rel->subquery_plan->startup_cost, rel->subquery_plan->total_cost}, rel->rows,
        in);
    path->startup_cost = c.startup;
    path->total_cost = c.total;
    AddPath(*rel, path);
    SetCheapest(*rel);
    return path;
  }

  // recurse_union_children: the inputs of a UNION, with nested UNIONs that can share its
  // duplicate removal (same ALL-ness, or any UNION under a UNION DISTINCT) flattened.
  Status UnionInputs(const SetOperation& op, bool all, std::vector<Path*>& out) {
    for (const SetOperation* child : {op.left.get(), op.right.get()}) {
      if (!child->leaf && child->op == bind::SetOpKind::kUnion && (child->all == all || !all)) {
        if (Status s = UnionInputs(*child, all, out); !s.ok()) return s;
        continue;
      }
      Result<Path*> p = Plan(*child, false);
      if (!p.ok()) return std::move(p).error();
      out.push_back(*p);
    }
    return Ok{};
  }

  Path* Append(RelOptInfo& rel, std::vector<Path*> inputs) {
    std::vector<cost::AppendChild> children;
    for (const Path* p : inputs) {
      cost::AppendChild c;
      c.cost = {p->startup_cost, p->total_cost};
      c.rows = p->rows;
      c.width = p->parent->width;
      children.push_back(c);
    }
    const cost::AppendCost ac = cost::CostAppend(root.params, children, false, -1);
    Path* append = root.NewPath();
    append->kind = PathKind::kAppend;
    append->parent = &rel;
    append->subpaths = std::move(inputs);
    append->startup_cost = ac.cost.startup;
    append->total_cost = ac.cost.total;
    append->rows = ac.rows;
    return append;
  }

  RelOptInfo* NewRel(int width) {
    RelOptInfo* rel = root.NewRel();
    rel->kind = RelKind::kUpper;
    rel->width = width;
    return rel;
  }

  // choose_hashed_setop for UNION: HashAggregate over the Append versus Sort + Unique.
  Path* RemoveDuplicates(RelOptInfo& rel, Path* input, int ncols) {
    const double groups = input->rows;  // make_union_unique: every row may be distinct
    Path* hashed = root.NewPath();
    hashed->kind = PathKind::kAgg;
    hashed->parent = &rel;
    hashed->subpath = input;
    hashed->agg_strategy = AggStrategy::kHashed;
    hashed->for_set_op = true;
    CostAgg(root, *hashed, *input, AggregateInfo{}, ncols, groups);
    Path* sort = root.NewPath();
    sort->kind = PathKind::kSort;
    sort->parent = input->parent;
    sort->subpath = input;
    sort->rows = input->rows;
    CostSort(root, *sort, *input, -1);
    Path* unique = root.NewPath();
    unique->kind = PathKind::kUnique;
    unique->parent = &rel;
    unique->subpath = sort;
    unique->for_set_op = true;
    unique->startup_cost = sort->startup_cost;
    unique->total_cost = sort->total_cost + root.params.cpu_operator_cost * sort->rows * ncols;
    unique->rows = groups;
    const bool hash = root.params.enable_hashagg && hashed->total_cost < unique->total_cost;
    return hash ? hashed : unique;
  }

  // generate_nonunion_paths: INTERSECT / EXCEPT over an Append of both flagged inputs.
  Result<Path*> NonUnion(const SetOperation& op) {
    Result<Path*> left = Plan(*op.left, true);
    if (!left.ok()) return left;
    Result<Path*> right = Plan(*op.right, true);
    if (!right.ok()) return right;
    const int ncols = static_cast<int>(op.column_types.size());
    RelOptInfo* rel = NewRel((*left)->parent->width);
    Path* append = Append(*rel, {*left, *right});
    const double left_groups = (*left)->rows;
    const double right_groups = (*right)->rows;
    const bool except = op.op == bind::SetOpKind::kExcept;
    const double groups = except ? left_groups : std::min(left_groups, right_groups);
    const double out_rows =
        op.all ? (except ? (*left)->rows : std::min((*left)->rows, (*right)->rows)) : groups;
    // create_setop_path: cpu_operator_cost per input row and column, hashed or after a Sort.
    auto setop = [&](Path* input, SetOpStrategy strategy) {
      Path* p = root.NewPath();
      p->kind = PathKind::kSetOp;
      p->parent = rel;
      p->subpath = input;
      p->setop_strategy = strategy;
      p->setop_command = except ? (op.all ? SetOpCommand::kExceptAll : SetOpCommand::kExcept)
                                : (op.all ? SetOpCommand::kIntersectAll : SetOpCommand::kIntersect);
      p->startup_cost = input->startup_cost;
      p->total_cost = input->total_cost + root.params.cpu_operator_cost * input->rows * ncols;
      p->rows = out_rows;
      return p;
    };
    Path* hashed = setop(append, SetOpStrategy::kHashed);
    Path* sort = root.NewPath();
    sort->kind = PathKind::kSort;
    sort->parent = rel;
    sort->subpath = append;
    sort->rows = append->rows;
    CostSort(root, *sort, *append, -1);
    Path* sorted = setop(sort, SetOpStrategy::kSorted);
    // choose_hashed_setop: hashing needs the groups to fit in hash_mem.
    const double entry = cost::RelationByteSize(1, rel->width);
    const bool fits = groups * entry <= root.params.HashMemBytes();
    const bool hash = root.params.enable_hashagg && fits && hashed->total_cost < sorted->total_cost;
    return hash ? hashed : sorted;
  }

  Result<Path*> Plan(const SetOperation& op, bool tagged) {
    if (op.leaf) return Leaf(op, tagged);
    if (op.op != bind::SetOpKind::kUnion) return NonUnion(op);
    std::vector<Path*> inputs;
    if (Status s = UnionInputs(op, op.all, inputs); !s.ok()) return std::move(s).error();
    RelOptInfo* rel = NewRel(inputs.front()->parent->width);
    Path* append = Append(*rel, inputs);
    rel->rows = append->rows;
    if (op.all) return append;
    return RemoveDuplicates(*rel, append, static_cast<int>(op.column_types.size()));
  }
};

}  // namespace

Result<RelOptInfo*> PlanSetOperations(PlannerInfo& root, const LevelPlanner& plan_level) {
  SetOpPlanner planner{root, plan_level};
  Result<Path*> top = planner.Plan(*root.query->set_operations, false);
  if (!top.ok()) return std::move(top).error();
  RelOptInfo* rel = (*top)->parent;
  rel->rows = (*top)->rows;
  rel->pathlist.clear();
  AddPath(*rel, *top);
  SetCheapest(*rel);
  return rel;
}

}  // namespace dbopt::plan
