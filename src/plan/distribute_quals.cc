// deconstruct_jointree; see distribute_quals.h.
#include "distribute_quals.h"

#include "base_rels.h"
#include "equivalence.h"
#include "join_tree.h"
#include "unique_paths.h"

namespace dbopt::plan {
namespace {

using bind::BoundKind;
using bind::JoinNode;

void Attach(PlannerInfo& root, RestrictInfo* rinfo) {
  const int single = rinfo->required_relids.Singleton();
  if (single > 0 && root.simple_rels[single] != nullptr) {
    root.simple_rels[single]->baserestrictinfo.push_back(rinfo);
    return;
  }
  for (int rtindex : rinfo->required_relids.Members()) {
    if (root.simple_rels[rtindex] != nullptr) {
      root.simple_rels[rtindex]->joininfo.push_back(rinfo);
    }
  }
}

// check_outerjoin_delay: a WHERE (or inner-join ON) clause that mentions the nullable side of
// an outer join below it (outer joins from join_infos[first_below] on) cannot be evaluated
// before that join: it needs all of the join's rels, and so waits for the join (reduce_outer_joins
// left only clauses that are not strict, such as IS NULL). Returns whether it was delayed.
bool DelayForOuterJoins(const PlannerInfo& root, RestrictInfo& rinfo, size_t first_below) {
  bool delayed = false;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = first_below; i < root.join_infos.size(); ++i) {
      const stats::SpecialJoin& e = root.join_infos[i].estimation;
      if (e.join_type == bind::JoinType::kSemi) continue;
      const Relids nullable = e.join_type == bind::JoinType::kFull
                                  ? e.min_lefthand.Union(e.min_righthand)
                                  : e.min_righthand;
      const Relids scope = e.min_lefthand.Union(e.min_righthand);
      if (!rinfo.required_relids.Overlaps(nullable) || scope.IsSubsetOf(rinfo.required_relids)) {
        continue;
      }
      rinfo.required_relids = rinfo.required_relids.Union(scope);
      changed = true;
      delayed = true;
    }
  }
  return delayed;
}

// distribute_qual_to_rels for one conjunct. `ojscope` is non-empty for an outer join's own ON
// clause: such a clause is not pushed down unless it mentions only the nullable side.
// `first_below`: the first of join_infos that lies below the clause's join-tree node.
void DistributeOne(PlannerInfo& root, const BoundExpr* clause, bool pushed_down,
                   const Relids& ojscope, const Relids& nullable,
                   size_t first_below = static_cast<size_t>(-1)) {
  RestrictInfo* rinfo = MakeRestrictInfo(root, clause, pushed_down);
  const bool delayed = pushed_down && !rinfo->clause_relids.IsEmpty() &&
                       DelayForOuterJoins(root, *rinfo, first_below);
  // A delayed clause's Vars are needed up to the join that evaluates it.
  MarkNeeded(root, *clause, rinfo->required_relids.Union(Relids::Of(0)).Minus(Relids::Of(0)));
  if (!pushed_down) {
    if (!rinfo->clause_relids.IsEmpty() && rinfo->clause_relids.IsSubsetOf(nullable)) {
      // A restriction on the nullable side only: it can filter that side's scan.
      rinfo->is_pushed_down = true;
    } else {
      rinfo->required_relids = ojscope;
    }
  }
  if (rinfo->is_pushed_down && nullable.IsEmpty() && !delayed && AddEquivalence(root, rinfo)) {
    return;
  }
  if (rinfo->pseudoconstant) {
    // A clause without Vars (WHERE false, WHERE $1 > 0): evaluated once, as a One-Time Filter.
    root.all_clauses.push_back(rinfo);
    return;
  }
  Attach(root, rinfo);
}

Status Walk(PlannerInfo& root, const JoinNode& node, const Relids& nullable_above) {
  switch (node.kind) {
    case JoinNode::Kind::kRangeRef:
      if (node.rtindex <= 0 || root.simple_rels[node.rtindex] == nullptr) {
        return Error::BadInput(
            "not supported: a FROM item other than a table (subquery, function, VALUES "
            "or CTE) in explain");
      }
      return Ok{};
    case JoinNode::Kind::kFromList: {
      const size_t first_below = root.join_infos.size();
      for (const auto& child : node.children) {
        if (Status s = Walk(root, *child, nullable_above); !s.ok()) return s;
      }
      std::vector<const BoundExpr*> quals;
      Conjuncts(node.quals.get(), quals);
      for (const BoundExpr* q : quals) {
        DistributeOne(root, q, true, Relids(), nullable_above, first_below);
      }
      return Ok{};
    }
    case JoinNode::Kind::kJoin: {
      const JoinNode& left = *node.children[0];
      const JoinNode& right = *node.children[1];
      const bind::JoinType type = node.join_type;
      const bool right_join = type == bind::JoinType::kRight;
      const JoinNode& outer_side = right_join ? right : left;
      const JoinNode& inner_side = right_join ? left : right;
      const bool semi = type == bind::JoinType::kSemi;
      const bool anti = type == bind::JoinType::kAnti;
      const bool full = type == bind::JoinType::kFull;
      const bool outer_join = type == bind::JoinType::kLeft || right_join || anti || full;
      const Relids outer_relids = LeafRelids(outer_side);
      const Relids inner_relids = LeafRelids(inner_side);
      const Relids outer_nullable = full ? nullable_above.Union(outer_relids) : nullable_above;
      const size_t first_below = root.join_infos.size();
      if (Status s = Walk(root, outer_side, outer_nullable); !s.ok()) return s;
      const Relids inner_nullable =
          outer_join ? nullable_above.Union(inner_relids) : nullable_above;
      if (Status s = Walk(root, inner_side, inner_nullable); !s.ok()) return s;
      std::vector<const BoundExpr*> quals;
      Conjuncts(node.quals.get(), quals);
      if (type == bind::JoinType::kInner) {
        for (const BoundExpr* q : quals) {
          DistributeOne(root, q, true, Relids(), nullable_above, first_below);
        }
        return Ok{};
      }
      // make_outerjoininfo: the left rels the join's clauses mention must be joined first
      // (all of them when the clauses mention none); the right side is joined as a whole.
      Relids clause_relids;
      for (const BoundExpr* q : quals) {
        for (int varno : bind::VarNos(*q)) clause_relids.Add(varno);
      }
      SpecialJoinInfo sj;
      sj.estimation.join_type = semi   ? bind::JoinType::kSemi
                                : anti ? bind::JoinType::kAnti
                                : full ? bind::JoinType::kFull
                                       : bind::JoinType::kLeft;
      // A FULL join's sides are both fixed; otherwise the outer side needs only the rels the
      // join's clauses mention.
      Relids min_left = full ? outer_relids : clause_relids.Intersect(outer_relids);
      if (min_left.IsEmpty()) min_left = outer_relids;
      sj.estimation.min_lefthand = min_left;
      sj.estimation.min_righthand = inner_relids;
      sj.estimation.syn_lefthand = outer_relids;
      sj.estimation.syn_righthand = inner_relids;
      ComputeSemiJoinInfo(root.params, sj, quals);
      root.join_infos.push_back(sj);
      if (semi) {
        // PostgreSQL distributes a semi join's clauses like inner-join clauses (ojscope NULL):
        // equalities join equivalence classes; the SpecialJoinInfo keeps the join order legal.
        for (const BoundExpr* q : quals) DistributeOne(root, q, true, Relids(), nullable_above);
        return Ok{};
      }
      const Relids ojscope = min_left.Union(inner_relids);
      // Neither side of a FULL join may be filtered below it.
      const Relids pushable = full ? Relids() : inner_relids;
      for (const BoundExpr* q : quals) DistributeOne(root, q, false, ojscope, pushable);
      return Ok{};
    }
  }
  return Ok{};
}

}  // namespace

Status DistributeQuals(PlannerInfo& root) { return Walk(root, root.query->jointree, Relids()); }

std::vector<const RestrictInfo*> JoinClausesFor(const PlannerInfo& root, const Relids& outer,
                                                const Relids& inner) {
  std::vector<const RestrictInfo*> result;
  const Relids both = outer.Union(inner);
  for (int rtindex : outer.Members()) {
    const RelOptInfo* rel = root.simple_rels[rtindex];
    if (rel == nullptr) continue;
    for (const RestrictInfo* rinfo : rel->joininfo) {
      if (!rinfo->required_relids.IsSubsetOf(both)) continue;
      if (rinfo->required_relids.IsSubsetOf(outer) || rinfo->required_relids.IsSubsetOf(inner)) {
        continue;
      }
      bool seen = false;
      for (const RestrictInfo* r : result) seen = seen || r == rinfo;
      if (!seen) result.push_back(rinfo);
    }
  }
  return result;
}

}  // namespace dbopt::plan
