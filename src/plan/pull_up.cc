// Flattening; see pull_up.h.
#include "pull_up.h"

#include <algorithm>

#include "dbopt/bind/query_walk.h"
#include "dbopt/bind/relids.h"
#include "query_copy.h"
#include "reduce_outer_joins.h"

namespace dbopt::plan {
namespace {

using bind::BoundExpr;
using bind::BoundExprPtr;
using bind::BoundKind;
using bind::JoinNode;
using bind::Query;
using bind::Relids;

// flatten_join_alias_vars: a Var of a join RTE (a USING column, or j.col of an aliased join)
// becomes the input column it stands for.
void FlattenJoinAliases(Query& q) {
  for (int round = 0; round < 8; ++round) {  // join RTEs may nest; each round peels one level
    bool changed = false;
    ForEachExprSlot(q, [&](BoundExprPtr& slot) {
      RewriteVars(slot, [&](const BoundExpr& var) -> BoundExprPtr {
        if (var.levelsup != 0 || var.varno <= 0 || var.varno > static_cast<int>(q.rtable.size())) {
          return nullptr;
        }
        const bind::RangeTblEntry& rte = q.rtable[var.varno - 1];
        if (rte.kind != bind::RteKind::kJoin || var.attno <= 0 ||
            var.attno > static_cast<int>(rte.join_alias_vars.size()) ||
            !rte.join_alias_vars[var.attno - 1]) {
          return nullptr;
        }
        changed = true;
        return bind::Clone(*rte.join_alias_vars[var.attno - 1]);
      });
    });
    if (!changed) return;
  }
}

void OffsetVars(BoundExprPtr& expr, int offset, int from_level, int level_delta) {
  RewriteVars(expr, [&](const BoundExpr& var) -> BoundExprPtr {
    auto copy = bind::Clone(var);
    if (var.levelsup == 0) {
      copy->varno += offset;
    } else if (var.levelsup >= from_level) {
      copy->levelsup += level_delta;
    }
    return copy;
  });
}

void OffsetJoinTree(JoinNode& node, int offset) {
  if (node.kind == JoinNode::Kind::kRangeRef || node.kind == JoinNode::Kind::kJoin) {
    if (node.rtindex > 0) node.rtindex += offset;
  }
  if (node.quals) OffsetVars(node.quals, offset, 1, 0);
  for (auto& child : node.children) OffsetJoinTree(*child, offset);
}

// Appends sub's range table to q's (cloned, Vars offset) and returns the offset.
int AppendRangeTable(Query& q, const Query& sub) {
  const int offset = static_cast<int>(q.rtable.size());
  std::shared_ptr<Query> copy = CloneQuery(sub);
  for (bind::RangeTblEntry& rte : copy->rtable) {
    for (auto& v : rte.join_alias_vars) {
      if (v) OffsetVars(v, offset, 1, 0);
    }
    q.rtable.push_back(std::move(rte));
  }
  return offset;
}

bool ContainsOuterVars(const BoundExpr& expr, int level) {
  bool found = false;
  bind::Walk(expr, [&](const BoundExpr& n) {
    found = found || (n.kind == BoundKind::kVar && n.levelsup == level);
  });
  return found;
}

// simplify_EXISTS_query + the checks of convert_EXISTS_sublink_to_join.
bool ExistsIsPullable(const Query& sub) {
  if (sub.command != bind::CommandType::kSelect || sub.set_operations || sub.has_aggs ||
      sub.has_window_funcs || sub.has_grouping_sets || sub.having || sub.limit_offset ||
      sub.has_for_update || !sub.ctes.empty() || !sub.group_by.empty() || sub.has_sublinks) {
    return false;
  }
  if (sub.limit_count) {
    const BoundExpr& l = *sub.limit_count;
    if (l.kind != BoundKind::kConst || l.is_null || std::atof(l.value.c_str()) <= 0) return false;
  }
  if (!sub.jointree.quals || !ContainsOuterVars(*sub.jointree.quals, 1)) return false;
  return true;
}

// convert_EXISTS_sublink_to_join: the subquery's FROM becomes the right side of a semi (anti)
// join above `left`; its WHERE becomes the join's qual, with outer references turned into this
// level's Vars.
std::unique_ptr<JoinNode> ExistsToJoin(Query& q, const Query& sub, std::unique_ptr<JoinNode> left,
                                       bool anti) {
  const int offset = AppendRangeTable(q, sub);
  auto right = CloneJoinNode(sub.jointree);
  BoundExprPtr quals = std::move(right->quals);
  OffsetJoinTree(*right, offset);
  // Level-0 Vars of the subquery move by offset; its level-1 Vars are now this level's.
  RewriteVars(quals, [&](const BoundExpr& var) -> BoundExprPtr {
    auto copy = bind::Clone(var);
    if (var.levelsup == 0) {
      copy->varno += offset;
    } else {
      copy->levelsup -= 1;
    }
    return copy;
  });
  auto join = std::make_unique<JoinNode>();
  join->kind = JoinNode::Kind::kJoin;
  join->join_type = anti ? bind::JoinType::kAnti : bind::JoinType::kSemi;
  join->children.push_back(std::move(left));
  join->children.push_back(std::move(right));
  join->quals = std::move(quals);
  return join;
}

// convert_ANY_sublink_to_join: `x IN (SELECT y FROM ...)` with an uncorrelated subquery becomes
// a semi join of the FROM list with the subquery (a new subquery RTE, "ANY_subquery"), the join
// qual being the IN's comparison with the subquery's output column. Pull-up may then merge the
// subquery's own tables into this level.
std::unique_ptr<JoinNode> AnyToJoin(Query& q, const BoundExpr& link,
                                    std::unique_ptr<JoinNode> left) {
  bind::RangeTblEntry rte;
  rte.kind = bind::RteKind::kSubquery;
  rte.alias = "ANY_subquery";
  rte.subquery = link.subquery;
  for (const bind::TargetEntry& t : link.subquery->targets) {
    if (t.resjunk) continue;
    rte.column_names.push_back(t.name);
    rte.column_types.push_back(t.expr->type);
  }
  q.rtable.push_back(std::move(rte));
  const int rtindex = static_cast<int>(q.rtable.size());
  BoundExprPtr quals = bind::Clone(*link.args[0]);
  // The comparison's Param stands for the subquery's column: it becomes a Var of the new RTE.
  std::vector<BoundExprPtr*> stack{&quals};
  while (!stack.empty()) {
    BoundExprPtr* slot = stack.back();
    stack.pop_back();
    if (!*slot) continue;
    if ((*slot)->kind == BoundKind::kParam && (*slot)->param_kind == bind::ParamKind::kExec) {
      *slot = bind::MakeVar(rtindex, 1, (*slot)->type, q.rtable.back().column_names[0]);
      continue;
    }
    for (auto& arg : (*slot)->args) stack.push_back(&arg);
  }
  auto right = std::make_unique<JoinNode>();
  right->kind = JoinNode::Kind::kRangeRef;
  right->rtindex = rtindex;
  auto join = std::make_unique<JoinNode>();
  join->kind = JoinNode::Kind::kJoin;
  join->join_type = bind::JoinType::kSemi;
  join->children.push_back(std::move(left));
  join->children.push_back(std::move(right));
  join->quals = std::move(quals);
  return join;
}

bool AnyIsPullable(const BoundExpr& link) {
  if (link.sublink_type != bind::SubLinkType::kAny || !link.subquery || link.args.size() != 1) {
    return false;
  }
  if (link.subquery->command != bind::CommandType::kSelect) return false;
  // Uncorrelated only (contain_vars_of_level(subselect, 1)), and a non-volatile test.
  bool correlated = false;
  bind::WalkQuery(*link.subquery, 0, [&](const BoundExpr& n, int depth) {
    correlated = correlated || (n.kind == BoundKind::kVar && n.levelsup == depth + 1);
  });
  if (correlated || bind::ContainsVolatile(*link.args[0])) return false;
  // The test must reference this level's rels (otherwise it is a one-time filter).
  return !bind::VarNos(*link.args[0]).empty();
}

// pull_up_sublinks for the top-level WHERE conjuncts.
void PullUpSublinks(Query& q) {
  JoinNode& top = q.jointree;
  if (!top.quals) return;
  std::vector<BoundExprPtr> conjuncts;
  if (top.quals->kind == BoundKind::kAnd) {
    for (auto& arg : top.quals->args) conjuncts.push_back(std::move(arg));
  } else {
    conjuncts.push_back(std::move(top.quals));
  }
  std::vector<BoundExprPtr> kept;
  std::unique_ptr<JoinNode> tree;  // grows as sublinks are pulled up
  for (BoundExprPtr& c : conjuncts) {
    const BoundExpr* link = c.get();
    bool anti = false;
    if (link->kind == BoundKind::kNot && link->args.size() == 1 &&
        link->args[0]->kind == BoundKind::kSubLink) {
      link = link->args[0].get();
      anti = true;
    }
    if (link->kind == BoundKind::kSubLink && link->sublink_type == bind::SubLinkType::kExists &&
        link->subquery && ExistsIsPullable(*link->subquery)) {
      if (!tree) {
        tree = std::make_unique<JoinNode>();
        tree->kind = JoinNode::Kind::kFromList;
        for (auto& child : top.children) tree->children.push_back(std::move(child));
        top.children.clear();
      }
      tree = ExistsToJoin(q, *link->subquery, std::move(tree), anti);
      continue;
    }
    if (!anti && link->kind == BoundKind::kSubLink && AnyIsPullable(*link)) {
      if (!tree) {
        tree = std::make_unique<JoinNode>();
        tree->kind = JoinNode::Kind::kFromList;
        for (auto& child : top.children) tree->children.push_back(std::move(child));
        top.children.clear();
      }
      tree = AnyToJoin(q, *link, std::move(tree));
      continue;
    }
    kept.push_back(std::move(c));
  }
  if (tree) top.children.push_back(std::move(tree));
  top.quals.reset();  // its conjuncts were moved out above
  if (kept.size() == 1) {
    top.quals = std::move(kept[0]);
  } else if (kept.size() > 1) {
    top.quals = bind::MakeBool(BoundKind::kAnd, std::move(kept));
  }
}

bool ContainsSubLinks(Query& q) {
  bool found = false;
  ForEachExprSlot(q, [&](BoundExprPtr& slot) {
    if (slot) found = found || bind::ContainsSubLink(*slot);
  });
  return found;
}

// is_simple_subquery: a plain SELECT ... FROM ... WHERE ... without anything that needs the
// subquery to be evaluated on its own.
bool IsSimpleSubquery(const Query& sub) {
  if (sub.command != bind::CommandType::kSelect || sub.set_operations || sub.has_aggs ||
      sub.has_window_funcs || sub.has_grouping_sets || sub.having || sub.limit_offset ||
      sub.limit_count || sub.has_for_update || !sub.ctes.empty() || !sub.group_by.empty() ||
      !sub.distinct.empty() || sub.has_sublinks || sub.jointree.children.empty()) {
    return false;
  }
  for (const bind::TargetEntry& t : sub.targets) {
    if (bind::ContainsVolatile(*t.expr)) return false;
  }
  return true;
}

// pull_up_simple_subquery for the RangeRef `slot` (an RTE of kind kSubquery) under a FROM list
// or an inner join (not the nullable side of an outer join).
bool PullUpSubquery(Query& q, std::unique_ptr<JoinNode>& slot) {
  const int rtindex = slot->rtindex;
  const bind::RangeTblEntry& rte = q.rtable[rtindex - 1];
  if (!rte.subquery || !IsSimpleSubquery(*rte.subquery) || rte.lateral) return false;
  const std::shared_ptr<Query> sub = rte.subquery;
  const int offset = AppendRangeTable(q, *sub);
  auto replacement = CloneJoinNode(sub->jointree);
  OffsetJoinTree(*replacement, offset);
  // Vars of the parent that read the subquery's outputs become the output expressions.
  ForEachExprSlot(q, [&](BoundExprPtr& expr) {
    RewriteVars(expr, [&](const BoundExpr& var) -> BoundExprPtr {
      if (var.levelsup != 0 || var.varno != rtindex) return nullptr;
      if (var.attno <= 0 || var.attno > static_cast<int>(sub->targets.size())) return nullptr;
      auto value = bind::Clone(*sub->targets[var.attno - 1].expr);
      OffsetVars(value, offset, 1, 0);
      return value;
    });
  });
  replacement->rtindex = 0;
  slot = std::move(replacement);
  return true;
}

// CTEs referenced once, not recursive, not MATERIALIZED and plain SELECTs are inlined: their RTE
// becomes a subquery RTE, which pull-up may then merge (PostgreSQL 12+).
void InlineCtes(Query& q) {
  for (bind::RangeTblEntry& rte : q.rtable) {
    if (rte.kind != bind::RteKind::kCte || rte.cte_levelsup != 0 || rte.cte_index < 0) continue;
    const bind::CommonTable& cte = q.ctes[rte.cte_index];
    if (cte.recursive || cte.materialized == bind::CommonTable::Materialized::kAlways) continue;
    if (cte.reference_count != 1 && cte.materialized != bind::CommonTable::Materialized::kNever) {
      continue;
    }
    if (!cte.query || cte.query->command != bind::CommandType::kSelect) continue;
    bool volatile_tlist = false;
    for (const bind::TargetEntry& t : cte.query->targets) {
      volatile_tlist = volatile_tlist || bind::ContainsVolatile(*t.expr);
    }
    if (volatile_tlist) continue;
    rte.kind = bind::RteKind::kSubquery;
    rte.subquery = cte.query;
  }
}

void PullUpSubqueries(Query& q, std::unique_ptr<JoinNode>& node, bool nullable) {
  if (node->kind == JoinNode::Kind::kRangeRef) {
    const int rtindex = node->rtindex;
    if (!nullable && rtindex > 0 && q.rtable[rtindex - 1].kind == bind::RteKind::kSubquery) {
      PullUpSubquery(q, node);
    }
    return;
  }
  // The nullable side of an outer join keeps its subqueries (pulling them up would need
  // PlaceHolderVars); a semi or anti join's right side does not leak columns, so it is fine.
  const bool left_join =
      node->kind == JoinNode::Kind::kJoin &&
      (node->join_type == bind::JoinType::kLeft || node->join_type == bind::JoinType::kFull);
  const bool right_join =
      node->kind == JoinNode::Kind::kJoin &&
      (node->join_type == bind::JoinType::kRight || node->join_type == bind::JoinType::kFull);
  for (size_t i = 0; i < node->children.size(); ++i) {
    const bool nulled = (left_join && i == 1) || (right_join && i == 0);
    PullUpSubqueries(q, node->children[i], nullable || nulled);
  }
}

}  // namespace

std::shared_ptr<Query> FlattenQuery(const Query& query) {
  std::shared_ptr<Query> q = CloneQuery(query);
  FlattenJoinAliases(*q);
  ReduceOuterJoins(*q);
  PullUpSublinks(*q);
  InlineCtes(*q);
  // Subqueries are merged only while no SubLink remains anywhere: a SubLink's subquery could
  // reference the merged RTE, and rewriting inside shared subqueries is not done.
  if (!ContainsSubLinks(*q)) {
    for (auto& child : q->jointree.children) PullUpSubqueries(*q, child, false);
  }
  return q;
}

}  // namespace dbopt::plan
