// Flattening; see pull_up.h.
#include "pull_up.h"

#include <algorithm>
#include <map>
#include <set>

#include "dbopt/bind/fold.h"
#include "dbopt/bind/query_walk.h"
#include "dbopt/bind/relids.h"
#include "query_copy.h"

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
std::unique_ptr<JoinNode> AnyToJoin(Query& q, const BoundExpr& link, std::unique_ptr<JoinNode> left) {
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
  const bool left_join = node->kind == JoinNode::Kind::kJoin &&
                         (node->join_type == bind::JoinType::kLeft ||
                          node->join_type == bind::JoinType::kFull);
  const bool right_join = node->kind == JoinNode::Kind::kJoin &&
                          (node->join_type == bind::JoinType::kRight ||
                           node->join_type == bind::JoinType::kFull);
  for (size_t i = 0; i < node->children.size(); ++i) {
    const bool nulled = (left_join && i == 1) || (right_join && i == 0);
    PullUpSubqueries(q, node->children[i], nullable || nulled);
  }
}

// find_nonnullable_rels: the rels whose all-NULL row makes `clause` not true (a strict clause
// over one of their Vars filters such rows out).
Relids NonNullableRels(const BoundExpr& clause) {
  switch (clause.kind) {
    case BoundKind::kVar:
      return clause.levelsup == 0 ? Relids::Of(clause.varno) : Relids();
    case BoundKind::kAnd: {
      Relids out;
      for (const auto& a : clause.args) out = out.Union(NonNullableRels(*a));
      return out;
    }
    case BoundKind::kOr: {
      Relids out = NonNullableRels(*clause.args[0]);
      for (size_t i = 1; i < clause.args.size(); ++i) {
        out = out.Intersect(NonNullableRels(*clause.args[i]));
      }
      return out;
    }
    case BoundKind::kNullTest:
      return clause.negated ? NonNullableRels(*clause.args[0]) : Relids();
    case BoundKind::kBoolTest:
      return clause.bool_test == bind::BoolTestKind::kIsTrue ||
                     clause.bool_test == bind::BoolTestKind::kIsFalse ||
                     clause.bool_test == bind::BoolTestKind::kIsNotUnknown
                 ? NonNullableRels(*clause.args[0])
                 : Relids();
    case BoundKind::kOp:
    case BoundKind::kFunc:
    case BoundKind::kScalarArrayOp:
    case BoundKind::kCast: {
      // Built-in operators and functions are strict: NULL in, NULL out.
      if (clause.kind == BoundKind::kFunc && clause.volatility == bind::Volatility::kVolatile) {
        return Relids();
      }
      Relids out;
      for (const auto& a : clause.args) out = out.Union(NonNullableRels(*a));
      return out;
    }
    default:
      return Relids();
  }
}

void ConjunctsOf(const BoundExpr* e, std::vector<const BoundExpr*>& out) {
  if (e == nullptr) return;
  if (e->kind == BoundKind::kAnd) {
    for (const auto& a : e->args) ConjunctsOf(a.get(), out);
    return;
  }
  out.push_back(e);
}

Relids LeafRelidsOf(const JoinNode& node) {
  if (node.kind == JoinNode::Kind::kRangeRef) return Relids::Of(node.rtindex);
  Relids out;
  for (const auto& c : node.children) out = out.Union(LeafRelidsOf(*c));
  return out;
}

// reduce_outer_joins: a LEFT (or RIGHT) join whose nullable side is filtered by a strict clause
// above it is an inner join; with `nullable_var IS NULL` above it, where the join's own clause is
// strict on that Var, it is an anti join (the IS NULL then always holds and is dropped).
void ReduceOuterJoins(JoinNode& node, const Relids& nonnullable,
                      std::vector<BoundExprPtr*>& is_null_quals) {
  if (node.kind == JoinNode::Kind::kRangeRef) return;
  Relids below = nonnullable;
  if (node.kind == JoinNode::Kind::kFromList ||
      (node.kind == JoinNode::Kind::kJoin && node.join_type == bind::JoinType::kInner)) {
    std::vector<const BoundExpr*> quals;
    ConjunctsOf(node.quals.get(), quals);
    for (const BoundExpr* q : quals) below = below.Union(NonNullableRels(*q));
  }
  if (node.kind == JoinNode::Kind::kJoin && (node.join_type == bind::JoinType::kLeft ||
                                             node.join_type == bind::JoinType::kRight)) {
    const size_t nullable_side = node.join_type == bind::JoinType::kLeft ? 1 : 0;
    const Relids nullable = LeafRelidsOf(*node.children[nullable_side]);
    if (below.Overlaps(nullable)) {
      node.join_type = bind::JoinType::kInner;
    } else if (node.join_type == bind::JoinType::kLeft && node.quals) {
      const Relids strict_in_on = NonNullableRels(*node.quals);
      for (BoundExprPtr* slot : is_null_quals) {
        if (!*slot) continue;
        const BoundExpr& test = *(*slot)->args[0];
        if (test.kind != BoundKind::kVar || test.levelsup != 0 ||
            !nullable.Contains(test.varno) || !strict_in_on.Contains(test.varno)) {
          continue;
        }
        bool var_in_on = false;
        bind::Walk(*node.quals, [&](const BoundExpr& n) {
          var_in_on = var_in_on || bind::Equal(n, test);
        });
        if (!var_in_on) continue;
        node.join_type = bind::JoinType::kAnti;
        *slot = bind::MakeConst(bind::MakeType(bind::TypeId::kBool), "true");
        break;
      }
    }
  }
  for (size_t i = 0; i < node.children.size(); ++i) {
    // Below an outer join's nullable side, nothing above filters it.
    const bool nullable_child = node.kind == JoinNode::Kind::kJoin &&
                                ((node.join_type == bind::JoinType::kLeft && i == 1) ||
                                 (node.join_type == bind::JoinType::kRight && i == 0) ||
                                 node.join_type == bind::JoinType::kFull ||
                                 (node.join_type == bind::JoinType::kAnti && i == 1));
    ReduceOuterJoins(*node.children[i], nullable_child ? Relids() : below, is_null_quals);
  }
}

// The top-level `var IS NULL` conjuncts of WHERE, as slots that an anti-join conversion can
// replace with TRUE.
std::vector<BoundExprPtr*> IsNullConjuncts(JoinNode& top) {
  std::vector<BoundExprPtr*> out;
  if (!top.quals) return out;
  auto consider = [&](BoundExprPtr& slot) {
    if (slot && slot->kind == BoundKind::kNullTest && !slot->negated) out.push_back(&slot);
  };
  if (top.quals->kind == BoundKind::kAnd) {
    for (auto& a : top.quals->args) consider(a);
  } else {
    consider(top.quals);
  }
  return out;
}

// Drops the TRUE constants an anti-join conversion left in WHERE.
void DropTrueConjuncts(JoinNode& top) {
  if (!top.quals) return;
  auto is_true = [](const BoundExprPtr& e) {
    return e && e->kind == BoundKind::kConst && !e->is_null && e->value == "true" &&
           e->type.id == bind::TypeId::kBool;
  };
  if (is_true(top.quals)) {
    top.quals.reset();
    return;
  }
  if (top.quals->kind != BoundKind::kAnd) return;
  auto& args = top.quals->args;
  args.erase(std::remove_if(args.begin(), args.end(), is_true), args.end());
  if (args.empty()) {
    top.quals.reset();
  } else if (args.size() == 1) {
    BoundExprPtr only = std::move(args[0]);
    top.quals = std::move(only);
  }
}

}  // namespace

std::shared_ptr<Query> FlattenQuery(const Query& query) {
  std::shared_ptr<Query> q = CloneQuery(query);
  FlattenJoinAliases(*q);
  std::vector<BoundExprPtr*> is_null = IsNullConjuncts(q->jointree);
  ReduceOuterJoins(q->jointree, Relids(), is_null);
  DropTrueConjuncts(q->jointree);
  PullUpSublinks(*q);
  InlineCtes(*q);
  // Subqueries are merged only while no SubLink remains anywhere: a SubLink's subquery could
  // reference the merged RTE, and rewriting inside shared subqueries is not done.
  if (!ContainsSubLinks(*q)) {
    for (auto& child : q->jointree.children) PullUpSubqueries(*q, child, false);
  }
  return q;
}

void FoldLevelConstants(Query& query) {
  ForEachExprSlot(query, [](BoundExprPtr& slot) {
    if (slot) slot = bind::FoldConstants(std::move(slot));
  });
}

void RemoveUselessGroupByColumns(Query& query) {
  if (query.group_by.size() < 2 || query.has_grouping_sets) return;
  // The grouped Vars per range-table entry: attno → position in group_by.
  std::map<int, std::map<int, size_t>> grouped;
  for (size_t i = 0; i < query.group_by.size(); ++i) {
    const bind::TargetEntry* te = query.FindSortGroupTarget(query.group_by[i].tle_ref);
    if (te == nullptr) continue;
    const BoundExpr& e = *te->expr;
    if (e.kind == BoundKind::kVar && e.levelsup == 0 && e.attno > 0) {
      grouped[e.varno][e.attno] = i;
    }
  }
  std::vector<bool> drop(query.group_by.size(), false);
  for (const auto& [varno, attnos] : grouped) {
    const bind::RangeTblEntry& rte = query.rtable[varno - 1];
    if (rte.kind != bind::RteKind::kRelation || rte.table == nullptr ||
        !rte.table->primary_key) {
      continue;
    }
    const catalog::Table& table = *rte.table;
    std::set<int> pk;
    for (const std::string& column : table.primary_key->columns) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].name == column) pk.insert(static_cast<int>(c) + 1);
      }
    }
    bool all = !pk.empty();
    for (int attno : pk) all = all && attnos.count(attno) > 0;
    if (!all) continue;
    for (const auto& [attno, position] : attnos) {
      if (pk.count(attno) == 0) drop[position] = true;
    }
  }
  std::vector<bind::SortGroupClause> kept;
  for (size_t i = 0; i < query.group_by.size(); ++i) {
    if (!drop[i]) kept.push_back(query.group_by[i]);
  }
  query.group_by = std::move(kept);
}

}  // namespace dbopt::plan
