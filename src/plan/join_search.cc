// Join order search; see join_search.h.
#include "join_search.h"

#include <map>

#include "add_path.h"
#include "base_rels.h"
#include "distribute_quals.h"
#include "equivalence.h"
#include "join_paths.h"
#include "parallel_paths.h"
#include "unique_paths.h"

namespace dbopt::plan {
namespace {

struct JoinSearch {
  PlannerInfo& root;
  std::vector<std::vector<RelOptInfo*>> levels;  // levels[k]: rels of k base rels
  std::map<uint64_t, RelOptInfo*> by_relids;
};

bool HasJoinClause(const PlannerInfo& root, const Relids& a, const Relids& b) {
  if (!JoinClausesFor(root, a, b).empty() || !JoinClausesFor(root, b, a).empty()) return true;
  return HaveEquivalenceJoin(root, a, b);
}

// join_is_legal, for the outer joins dbopt plans (LEFT, and RIGHT turned into LEFT): a join of
// a and b is legal unless it splits an outer join's nullable side from its outer side wrongly.
// Returns the SpecialJoinInfo that this join completes (or null for an inner join), and whether
// a is its outer side. A semi join's right side may also join anything when it can be made
// unique (`unique_ified`); once joined to more rels, the semi join no longer constrains them.
bool JoinIsLegal(PlannerInfo& root, RelOptInfo& a_rel, RelOptInfo& b_rel, SpecialJoinInfo** match,
                 bool* reversed) {
  *match = nullptr;
  *reversed = false;
  const Relids& a = a_rel.relids;
  const Relids& b = b_rel.relids;
  const Relids joined = a.Union(b);
  for (SpecialJoinInfo& sj : root.join_infos) {
    const Relids& lhs = sj.estimation.min_lefthand;
    const Relids& rhs = sj.estimation.min_righthand;
    // Not overlapping the nullable side, or containing the whole join: no constraint here.
    if (!rhs.Overlaps(joined)) continue;
    if (lhs.Union(rhs).IsSubsetOf(a) || lhs.Union(rhs).IsSubsetOf(b)) continue;
    const bool semi = sj.estimation.join_type == bind::JoinType::kSemi;
    const Relids& syn_rhs = sj.estimation.syn_righthand;
    // A semi join's right side already joined to other rels was unique-ified there.
    if (semi &&
        ((syn_rhs.IsSubsetOf(a) && syn_rhs != a) || (syn_rhs.IsSubsetOf(b) && syn_rhs != b))) {
      continue;
    }
    if (rhs.IsSubsetOf(a) && !rhs.Overlaps(b) && a == rhs && lhs.IsSubsetOf(b)) {
      if (*match != nullptr) return false;
      *match = &sj;
      *reversed = true;  // b is the outer side
      continue;
    }
    if (rhs.IsSubsetOf(b) && !rhs.Overlaps(a) && b == rhs && lhs.IsSubsetOf(a)) {
      if (*match != nullptr) return false;
      *match = &sj;
      continue;
    }
    if (semi && b == syn_rhs && CreateUniquePath(root, b_rel, sj) != nullptr) {
      if (*match != nullptr) return false;
      *match = &sj;
      continue;
    }
    if (semi && a == syn_rhs && CreateUniquePath(root, a_rel, sj) != nullptr) {
      if (*match != nullptr) return false;
      *match = &sj;
      *reversed = true;
      continue;
    }
    // Joining into the inside of the nullable side is fine as long as both rels are inside it.
    if (joined.IsSubsetOf(rhs)) continue;
    return false;
  }
  return true;
}

RelOptInfo* MakeJoinRel(JoinSearch& search, RelOptInfo* rel1, RelOptInfo* rel2) {
  SpecialJoinInfo* sj = nullptr;
  bool reversed = false;
  if (!JoinIsLegal(search.root, *rel1, *rel2, &sj, &reversed)) return nullptr;
  const Relids joined = rel1->relids.Union(rel2->relids);
  RelOptInfo*& joinrel = search.by_relids[joined.bits()];
  const bool fresh = joinrel == nullptr;
  if (fresh) {
    joinrel = search.root.NewRel();
    joinrel->kind = RelKind::kJoin;
    joinrel->relids = joined;
    joinrel->width = RelWidthAbove(search.root, *joinrel, joined);
    search.levels[joined.Count()].push_back(joinrel);
  }
  RelOptInfo* outer = reversed ? rel2 : rel1;
  RelOptInfo* inner = reversed ? rel1 : rel2;
  // populate_joinrel_with_paths: both orders for an inner join, one for an outer join.
  if (sj == nullptr) {
    AddJoinPaths(search.root, *joinrel, *outer, *inner, nullptr, fresh);
    AddJoinPaths(search.root, *joinrel, *inner, *outer, nullptr, false);
  } else if (sj->estimation.join_type == bind::JoinType::kSemi) {
    // A semi join proper once the left side is complete; and, when the inner is exactly the
    // right side and can be unique-ified, an inner join of its unique form either way round.
    bool sized = !fresh;
    if (sj->estimation.min_lefthand.IsSubsetOf(outer->relids) &&
        sj->estimation.min_righthand.IsSubsetOf(inner->relids)) {
      AddJoinPaths(search.root, *joinrel, *outer, *inner, sj, !sized);
      sized = true;
    }
    if (inner->relids == sj->estimation.syn_righthand &&
        CreateUniquePath(search.root, *inner, *sj) != nullptr) {
      AddJoinPaths(search.root, *joinrel, *outer, *inner, sj, !sized, false, SemiUnique::kInner);
      AddJoinPaths(search.root, *joinrel, *inner, *outer, sj, false, false, SemiUnique::kOuter);
    }
  } else {
    AddJoinPaths(search.root, *joinrel, *outer, *inner, sj, fresh);
    // populate_joinrel_with_paths: a LEFT join also as a RIGHT join from the nullable side,
    // a FULL join in both orders.
    if (sj->estimation.join_type == bind::JoinType::kLeft ||
        sj->estimation.join_type == bind::JoinType::kFull) {
      AddJoinPaths(search.root, *joinrel, *inner, *outer, sj, false, true);
    }
  }
  return joinrel;
}

// join_search_one_level: joins of `level` rels from a rel of level k and one of level-k.
void SearchLevel(JoinSearch& search, size_t level) {
  PlannerInfo& root = search.root;
  // Left-deep and right-deep: old rel of level-1 with a base rel that it has a clause to.
  for (RelOptInfo* old_rel : std::vector<RelOptInfo*>(search.levels[level - 1])) {
    bool joined_any = false;
    for (RelOptInfo* base : search.levels[1]) {
      if (old_rel->relids.Overlaps(base->relids)) continue;
      if (!HasJoinClause(root, old_rel->relids, base->relids)) continue;
      if (level == 2 && base->relids < old_rel->relids) continue;  // each pair once at level 2
      if (MakeJoinRel(search, old_rel, base) != nullptr) joined_any = true;
    }
    (void)joined_any;
  }
  // Bushy: level k with level-k for 2 <= k <= level/2.
  for (size_t k = 2; k <= level / 2; ++k) {
    for (RelOptInfo* a : std::vector<RelOptInfo*>(search.levels[k])) {
      for (RelOptInfo* b : std::vector<RelOptInfo*>(search.levels[level - k])) {
        if (a->relids.Overlaps(b->relids)) continue;
        if (k == level - k && b->relids < a->relids) continue;
        if (!HasJoinClause(root, a->relids, b->relids)) continue;
        MakeJoinRel(search, a, b);
      }
    }
  }
  // Nothing joinable by clauses: Cartesian products of any pair (the last resort).
  if (search.levels[level].empty()) {
    for (RelOptInfo* old_rel : std::vector<RelOptInfo*>(search.levels[level - 1])) {
      for (RelOptInfo* base : search.levels[1]) {
        if (old_rel->relids.Overlaps(base->relids)) continue;
        MakeJoinRel(search, old_rel, base);
      }
    }
  }
  for (RelOptInfo* rel : search.levels[level]) {
    // generate_useful_gather_paths for every join rel below the top one (the top rel gets its
    // Gather paths from the upper planner's scan/join target step).
    SetCheapest(*rel);
    if (level < search.levels.size() - 1) {
      AddGatherPaths(root, *rel, false);
      SetCheapest(*rel);
    }
  }
}

}  // namespace

Result<RelOptInfo*> SearchJoinOrder(PlannerInfo& root) {
  JoinSearch search{root, {}, {}};
  const int n = root.all_baserels.Count();
  search.levels.resize(n + 1);
  for (int rtindex : root.all_baserels.Members()) {
    search.levels[1].push_back(root.simple_rels[rtindex]);
  }
  if (n == 1) return search.levels[1][0];
  for (int level = 2; level <= n; ++level) SearchLevel(search, static_cast<size_t>(level));
  if (search.levels[n].empty()) {
    return Error::Internal("join search found no way to join all relations");
  }
  return search.levels[n][0];
}

}  // namespace dbopt::plan
