// add_path and set_cheapest; see add_path.h.
#include "add_path.h"

#include <algorithm>

namespace dbopt::plan {
namespace {

enum class CostCmp { kBetter1, kBetter2, kEqual, kDifferent };

// CONSIDER_PATH_STARTUP_COST: whether a cheaper startup can save a path that costs more in
// total (its rel's consider_startup, or consider_param_startup for a parameterized path).
bool ConsiderStartup(const Path& p) {
  if (p.parent == nullptr) return true;
  return p.required_outer.IsEmpty() ? p.parent->consider_startup : p.parent->consider_param_startup;
}

// compare_path_costs_fuzzily: path1 is "better" when it is cheaper in one of total/startup by
// more than the fuzz and not more expensive in the other; a path fuzzily worse in total is kept
// for its startup cost only when startup cost is considered for it.
CostCmp CompareFuzzily(const Path& p1, const Path& p2, double fuzz) {
  if (p1.total_cost > p2.total_cost * fuzz) {
    return ConsiderStartup(p1) && p2.startup_cost > p1.startup_cost * fuzz ? CostCmp::kDifferent
                                                                           : CostCmp::kBetter2;
  }
  if (p2.total_cost > p1.total_cost * fuzz) {
    return ConsiderStartup(p2) && p1.startup_cost > p2.startup_cost * fuzz ? CostCmp::kDifferent
                                                                           : CostCmp::kBetter1;
  }
  if (p1.startup_cost > p2.startup_cost * fuzz) return CostCmp::kBetter2;
  if (p2.startup_cost > p1.startup_cost * fuzz) return CostCmp::kBetter1;
  return CostCmp::kEqual;
}

enum class KeysCmp { kEqual, kBetter1, kBetter2, kDifferent };

KeysCmp CompareKeys(const PathKeys& a, const PathKeys& b) {
  if (a == b) return KeysCmp::kEqual;
  if (PathKeysContain(a, b)) return KeysCmp::kBetter1;
  if (PathKeysContain(b, a)) return KeysCmp::kBetter2;
  return KeysCmp::kDifferent;
}

void AddTo(std::vector<Path*>& list, Path* new_path, bool partial) {
  bool accept = true;
  size_t insert_at = 0;
  for (size_t i = 0; i < list.size();) {
    Path* old = list[i];
    bool remove_old = false;
    const CostCmp costcmp = CompareFuzzily(*new_path, *old, kStdFuzzFactor);
    if (costcmp != CostCmp::kDifferent) {
      const KeysCmp keyscmp = CompareKeys(new_path->pathkeys, old->pathkeys);
      const bool same_outer = new_path->required_outer == old->required_outer;
      const bool new_outer_subset = new_path->required_outer.IsSubsetOf(old->required_outer);
      const bool old_outer_subset = old->required_outer.IsSubsetOf(new_path->required_outer);
      if (keyscmp != KeysCmp::kDifferent) {
        if (costcmp == CostCmp::kEqual) {
          if (keyscmp == KeysCmp::kBetter1 && new_outer_subset)
            remove_old = true;
          else if (keyscmp == KeysCmp::kBetter2 && old_outer_subset)
            accept = false;
          else if (keyscmp == KeysCmp::kEqual && same_outer) {
            // Equal on everything: parallel-safe wins, then fewer rows, then cheaper total by
            // a hair (1e-10 fuzz); otherwise keep the old one.
            if (new_path->parallel_safe != old->parallel_safe) {
              if (new_path->parallel_safe) {
                remove_old = true;
              } else {
                accept = false;
              }
            } else if (new_path->rows < old->rows) {
              remove_old = true;
            } else if (new_path->rows > old->rows) {
              accept = false;
            } else if (CompareFuzzily(*new_path, *old, 1.0000000001) == CostCmp::kBetter1) {
              remove_old = true;
            } else {
              accept = false;
            }
          } else if (keyscmp == KeysCmp::kEqual && new_outer_subset) {
            remove_old = true;
          } else if (keyscmp == KeysCmp::kEqual && old_outer_subset) {
            accept = false;
          }
        } else if (costcmp == CostCmp::kBetter1 && keyscmp != KeysCmp::kBetter2 &&
                   new_outer_subset && new_path->rows <= old->rows &&
                   (new_path->parallel_safe || !old->parallel_safe)) {
          remove_old = true;
        } else if (costcmp == CostCmp::kBetter2 && keyscmp != KeysCmp::kBetter1 &&
                   old_outer_subset && new_path->rows >= old->rows &&
                   (old->parallel_safe || !new_path->parallel_safe)) {
          accept = false;
        }
      }
    }
    if (remove_old) {
      list.erase(list.begin() + static_cast<long>(i));
      continue;
    }
    if (!accept) return;
    ++i;
  }
  (void)partial;
  // Keep the list sorted by total cost so the cheapest stays first (add_path does the same).
  insert_at = 0;
  while (insert_at < list.size() && list[insert_at]->total_cost <= new_path->total_cost) {
    ++insert_at;
  }
  list.insert(list.begin() + static_cast<long>(insert_at), new_path);
}

}  // namespace

bool PathKeysContain(const PathKeys& a, const PathKeys& b) {
  if (b.size() > a.size()) return false;
  return std::equal(b.begin(), b.end(), a.begin());
}

void AddPath(RelOptInfo& rel, Path* path) {
  if (rel.record_candidates) rel.considered.push_back(path);
  AddTo(rel.pathlist, path, false);
}
// add_partial_path: partial paths compete on total cost and pathkeys only (their startup cost
// is not worth keeping a path for, and none is parameterized): a fuzzily cheaper path wins unless
// the other has better pathkeys; at about the same cost the better pathkeys win, then the one
// cheaper by more than a hair, else the old one stays.
void AddPartialPath(RelOptInfo& rel, Path* path) {
  std::vector<Path*>& list = rel.partial_pathlist;
  for (size_t i = 0; i < list.size();) {
    Path* old = list[i];
    bool remove_old = false;
    const KeysCmp keyscmp = CompareKeys(path->pathkeys, old->pathkeys);
    if (keyscmp != KeysCmp::kDifferent) {
      if (path->total_cost > old->total_cost * kStdFuzzFactor) {
        if (keyscmp != KeysCmp::kBetter1) return;
      } else if (old->total_cost > path->total_cost * kStdFuzzFactor) {
        if (keyscmp != KeysCmp::kBetter2) remove_old = true;
      } else if (keyscmp == KeysCmp::kBetter1) {
        remove_old = true;
      } else if (keyscmp == KeysCmp::kBetter2) {
        return;
      } else if (old->total_cost > path->total_cost * 1.0000000001) {
        remove_old = true;
      } else {
        return;
      }
    }
    if (remove_old) {
      list.erase(list.begin() + static_cast<long>(i));
      continue;
    }
    ++i;
  }
  size_t insert_at = 0;
  while (insert_at < list.size() && list[insert_at]->total_cost <= path->total_cost) ++insert_at;
  list.insert(list.begin() + static_cast<long>(insert_at), path);
}

void SetCheapest(RelOptInfo& rel) {
  rel.cheapest_total = nullptr;
  rel.cheapest_startup = nullptr;
  rel.cheapest_parameterized.clear();
  for (Path* path : rel.pathlist) {
    if (!path->required_outer.IsEmpty()) {
      rel.cheapest_parameterized.push_back(path);
      continue;
    }
    if (rel.cheapest_total == nullptr || path->total_cost < rel.cheapest_total->total_cost ||
        (path->total_cost == rel.cheapest_total->total_cost &&
         PathKeysContain(path->pathkeys, rel.cheapest_total->pathkeys))) {
      rel.cheapest_total = path;
    }
    if (rel.cheapest_startup == nullptr ||
        path->startup_cost < rel.cheapest_startup->startup_cost ||
        (path->startup_cost == rel.cheapest_startup->startup_cost &&
         path->total_cost < rel.cheapest_startup->total_cost)) {
      rel.cheapest_startup = path;
    }
  }
}

double FractionalCost(const Path& path, double fraction) {
  if (fraction <= 0 || fraction >= 1) return path.total_cost;
  return path.startup_cost + fraction * (path.total_cost - path.startup_cost);
}

}  // namespace dbopt::plan
