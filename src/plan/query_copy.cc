// Query copies and Var rewrites; see query_copy.h.
#include "query_copy.h"

#include <vector>

namespace dbopt::plan {
namespace {

using bind::BoundExpr;
using bind::BoundExprPtr;

BoundExprPtr CloneOrNull(const BoundExprPtr& e) { return e ? bind::Clone(*e) : nullptr; }

std::vector<bind::TargetEntry> CloneTargets(const std::vector<bind::TargetEntry>& targets) {
  std::vector<bind::TargetEntry> out;
  out.reserve(targets.size());
  for (const bind::TargetEntry& t : targets) {
    bind::TargetEntry c;
    c.expr = CloneOrNull(t.expr);
    c.name = t.name;
    c.resno = t.resno;
    c.resjunk = t.resjunk;
    c.sortgroupref = t.sortgroupref;
    c.origin_varno = t.origin_varno;
    out.push_back(std::move(c));
  }
  return out;
}

std::unique_ptr<bind::SetOperation> CloneSetOp(const bind::SetOperation& op) {
  auto out = std::make_unique<bind::SetOperation>();
  out->leaf = op.leaf;
  out->rtindex = op.rtindex;
  out->op = op.op;
  out->all = op.all;
  out->column_types = op.column_types;
  if (op.left) out->left = CloneSetOp(*op.left);
  if (op.right) out->right = CloneSetOp(*op.right);
  return out;
}

bind::RangeTblEntry CloneRte(const bind::RangeTblEntry& rte) {
  bind::RangeTblEntry c;
  c.kind = rte.kind;
  c.alias = rte.alias;
  c.alias_written = rte.alias_written;
  c.column_names = rte.column_names;
  c.column_types = rte.column_types;
  c.lateral = rte.lateral;
  c.in_from_clause = rte.in_from_clause;
  c.table = rte.table;
  c.inherit = rte.inherit;
  c.subquery = rte.subquery;
  c.join_type = rte.join_type;
  for (const auto& v : rte.join_alias_vars) c.join_alias_vars.push_back(CloneOrNull(v));
  for (const auto& f : rte.functions) c.functions.push_back(CloneOrNull(f));
  c.with_ordinality = rte.with_ordinality;
  for (const auto& row : rte.values) {
    std::vector<BoundExprPtr> r;
    for (const auto& v : row) r.push_back(CloneOrNull(v));
    c.values.push_back(std::move(r));
  }
  c.cte_index = rte.cte_index;
  c.cte_levelsup = rte.cte_levelsup;
  c.self_reference = rte.self_reference;
  return c;
}

void JoinSlots(bind::JoinNode& node, const std::function<void(BoundExprPtr&)>& visit) {
  if (node.quals) visit(node.quals);
  for (auto& child : node.children) JoinSlots(*child, visit);
}

}  // namespace

std::unique_ptr<bind::JoinNode> CloneJoinNode(const bind::JoinNode& node) {
  auto out = std::make_unique<bind::JoinNode>();
  out->kind = node.kind;
  out->rtindex = node.rtindex;
  out->join_type = node.join_type;
  out->natural = node.natural;
  out->using_columns = node.using_columns;
  for (const auto& child : node.children) out->children.push_back(CloneJoinNode(*child));
  out->quals = CloneOrNull(node.quals);
  return out;
}

std::shared_ptr<bind::Query> CloneQuery(const bind::Query& q) {
  auto out = std::make_shared<bind::Query>();
  out->command = q.command;
  for (const bind::RangeTblEntry& rte : q.rtable) out->rtable.push_back(CloneRte(rte));
  out->jointree = std::move(*CloneJoinNode(q.jointree));
  out->targets = CloneTargets(q.targets);
  out->result_relation = q.result_relation;
  out->returning = CloneTargets(q.returning);
  if (q.on_conflict) {
    bind::OnConflict oc;
    oc.action = q.on_conflict->action;
    oc.arbiter_columns = q.on_conflict->arbiter_columns;
    oc.constraint = q.on_conflict->constraint;
    oc.set = CloneTargets(q.on_conflict->set);
    oc.where = CloneOrNull(q.on_conflict->where);
    oc.exclusion_rtindex = q.on_conflict->exclusion_rtindex;
    out->on_conflict = std::move(oc);
  }
  out->ctes = q.ctes;
  out->recursive_with = q.recursive_with;
  out->has_aggs = q.has_aggs;
  out->has_window_funcs = q.has_window_funcs;
  out->has_sublinks = q.has_sublinks;
  out->has_distinct_on = q.has_distinct_on;
  out->has_for_update = q.has_for_update;
  out->group_by = q.group_by;
  out->has_grouping_sets = q.has_grouping_sets;
  out->having = CloneOrNull(q.having);
  out->windows = q.windows;
  out->distinct = q.distinct;
  out->order_by = q.order_by;
  out->limit_offset = CloneOrNull(q.limit_offset);
  out->limit_count = CloneOrNull(q.limit_count);
  out->limit_with_ties = q.limit_with_ties;
  if (q.set_operations) out->set_operations = CloneSetOp(*q.set_operations);
  return out;
}

void RewriteVars(BoundExprPtr& expr,
                 const std::function<BoundExprPtr(const BoundExpr& var)>& rewrite) {
  std::vector<BoundExprPtr*> stack{&expr};
  while (!stack.empty()) {
    BoundExprPtr* slot = stack.back();
    stack.pop_back();
    if (!*slot) continue;
    BoundExpr& node = **slot;
    if (node.kind == bind::BoundKind::kVar) {
      if (BoundExprPtr replacement = rewrite(node)) *slot = std::move(replacement);
      continue;
    }
    for (auto& arg : node.args) stack.push_back(&arg);
    if (node.agg_filter) stack.push_back(&node.agg_filter);
    for (auto& o : node.agg_order) stack.push_back(&o);
  }
}

void ForEachExprSlot(bind::Query& query, const std::function<void(BoundExprPtr&)>& visit) {
  for (bind::TargetEntry& t : query.targets) visit(t.expr);
  for (bind::TargetEntry& t : query.returning) visit(t.expr);
  JoinSlots(query.jointree, visit);
  if (query.having) visit(query.having);
  if (query.limit_offset) visit(query.limit_offset);
  if (query.limit_count) visit(query.limit_count);
  for (bind::RangeTblEntry& rte : query.rtable) {
    for (auto& v : rte.join_alias_vars) visit(v);
    for (auto& f : rte.functions) visit(f);
    for (auto& row : rte.values) {
      for (auto& v : row) visit(v);
    }
  }
}

}  // namespace dbopt::plan
