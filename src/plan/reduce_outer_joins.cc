// reduce_outer_joins; see reduce_outer_joins.h.
#include "reduce_outer_joins.h"

#include <algorithm>
#include <vector>

#include "dbopt/bind/relids.h"
#include "join_tree.h"

namespace dbopt::plan {
namespace {

using bind::BoundExpr;
using bind::BoundExprPtr;
using bind::BoundKind;
using bind::JoinNode;
using bind::Relids;

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

// reduce_outer_joins: a LEFT (or RIGHT) join whose nullable side is filtered by a strict clause
// above it is an inner join; with `nullable_var IS NULL` above it, where the join's own clause is
// strict on that Var, it is an anti join (the IS NULL then always holds and is dropped).
void Reduce(JoinNode& node, const Relids& nonnullable, std::vector<BoundExprPtr*>& is_null_quals) {
  if (node.kind == JoinNode::Kind::kRangeRef) return;
  Relids below = nonnullable;
  if (node.kind == JoinNode::Kind::kFromList ||
      (node.kind == JoinNode::Kind::kJoin && node.join_type == bind::JoinType::kInner)) {
    std::vector<const BoundExpr*> quals;
    Conjuncts(node.quals.get(), quals);
    for (const BoundExpr* q : quals) below = below.Union(NonNullableRels(*q));
  }
  if (node.kind == JoinNode::Kind::kJoin &&
      (node.join_type == bind::JoinType::kLeft || node.join_type == bind::JoinType::kRight)) {
    const size_t nullable_side = node.join_type == bind::JoinType::kLeft ? 1 : 0;
    const Relids nullable = LeafRelids(*node.children[nullable_side]);
    if (below.Overlaps(nullable)) {
      node.join_type = bind::JoinType::kInner;
    } else if (node.join_type == bind::JoinType::kLeft && node.quals) {
      const Relids strict_in_on = NonNullableRels(*node.quals);
      for (BoundExprPtr* slot : is_null_quals) {
        if (!*slot) continue;
        const BoundExpr& test = *(*slot)->args[0];
        if (test.kind != BoundKind::kVar || test.levelsup != 0 || !nullable.Contains(test.varno) ||
            !strict_in_on.Contains(test.varno)) {
          continue;
        }
        bool var_in_on = false;
        bind::Walk(*node.quals,
                   [&](const BoundExpr& n) { var_in_on = var_in_on || bind::Equal(n, test); });
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
    Reduce(*node.children[i], nullable_child ? Relids() : below, is_null_quals);
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

void ReduceOuterJoins(bind::Query& query) {
  std::vector<BoundExprPtr*> is_null = IsNullConjuncts(query.jointree);
  Reduce(query.jointree, Relids(), is_null);
  DropTrueConjuncts(query.jointree);
}

}  // namespace dbopt::plan
