// --why; see why.h.
#include "why.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace dbopt::plan {
namespace {

std::string RelNames(const PlannerInfo& root, const Relids& relids) {
  std::string out;
  for (int rtindex : relids.Members()) {
    if (rtindex <= 0 || rtindex > static_cast<int>(root.query->rtable.size())) continue;
    if (!out.empty()) out += ", ";
    out += root.query->rtable[rtindex - 1].alias;
  }
  return out;
}

std::string IndexNames(const Path& path) {
  if (path.kind == PathKind::kIndexScan) return path.index->name;
  std::string out;
  for (const Path* child : path.bitmap_children) {
    if (!out.empty()) out += path.kind == PathKind::kBitmapOr ? " OR " : " AND ";
    out += IndexNames(*child);
  }
  return out;
}

constexpr size_t kMaxWhyLines = 8;  // TUNING: enough alternatives to see why, not a wall of text

}  // namespace

std::string DescribePath(const PlannerInfo& root, const Path& path) {
  const std::string parallel = path.parallel_aware ? "Parallel " : "";
  switch (path.kind) {
    case PathKind::kSeqScan:
      return parallel + "Seq Scan";
    case PathKind::kIndexScan:
    case PathKind::kIndexOnlyScan:
      return fmt::format("{}{}{} using {}", parallel,
                         path.kind == PathKind::kIndexOnlyScan ? "Index Only Scan" : "Index Scan",
                         path.direction == ScanDirection::kBackward ? " Backward" : "",
                         path.index->name);
    case PathKind::kBitmapHeapScan:
      return "Bitmap Heap Scan using " + IndexNames(*path.bitmap_children[0]);
    case PathKind::kSubqueryScan:
      return "Subquery Scan";
    case PathKind::kNestLoop:
    case PathKind::kHashJoin:
    case PathKind::kMergeJoin: {
      const char* method = path.kind == PathKind::kNestLoop   ? "Nested Loop"
                           : path.kind == PathKind::kHashJoin ? "Hash Join"
                                                              : "Merge Join";
      std::string inner = DescribePath(root, *path.inner);
      return fmt::format("{}{} of ({}) with inner ({}: {})", parallel, method,
                         RelNames(root, path.outer->parent->relids),
                         RelNames(root, path.inner->parent->relids), inner);
    }
    case PathKind::kMaterial:
      return "Materialize " + DescribePath(root, *path.subpath);
    case PathKind::kGather:
      return "Gather over " + DescribePath(root, *path.subpath);
    case PathKind::kGatherMerge:
      return "Gather Merge over " + DescribePath(root, *path.subpath);
    case PathKind::kSort:
      return "Sort of " + DescribePath(root, *path.subpath);
    case PathKind::kMemoize:
      return "Memoize over " + DescribePath(root, *path.subpath);
    case PathKind::kAgg: {
      const char* strategy = path.agg_strategy == AggStrategy::kHashed   ? "HashAggregate"
                             : path.agg_strategy == AggStrategy::kSorted ? "GroupAggregate"
                                                                         : "Aggregate";
      const char* split = path.agg_split == AggSplitMode::kPartial    ? "Partial "
                          : path.agg_split == AggSplitMode::kFinalize ? "Finalize "
                                                                      : "";
      return fmt::format("{}{} over {}", split, strategy, DescribePath(root, *path.subpath));
    }
    case PathKind::kUnique:
      return "Unique over " + DescribePath(root, *path.subpath);
    case PathKind::kUniquify:
      return (path.unique_method == UniqueMethod::kHash   ? "HashAggregate (unique-ified) over "
              : path.unique_method == UniqueMethod::kSort ? "Unique (unique-ified) over "
                                                          : "") +
             DescribePath(root, *path.subpath);
    case PathKind::kLimit:
      return "Limit over " + DescribePath(root, *path.subpath);
    case PathKind::kWindowAgg:
      return "WindowAgg over " + DescribePath(root, *path.subpath);
    case PathKind::kAppend:
      return "Append";
    case PathKind::kSetOp:
      return "SetOp";
    case PathKind::kCteScan:
      return "CTE Scan";
    case PathKind::kResult:
      return "Result";
    case PathKind::kModifyTable:
      return "ModifyTable over " + DescribePath(root, *path.subpath);
    case PathKind::kIncrementalSort:
      return "Incremental Sort of " + DescribePath(root, *path.subpath);
    case PathKind::kMergeAppend:
      return "Merge Append";
    case PathKind::kLockRows:
      return "LockRows";
    case PathKind::kBitmapAnd:
    case PathKind::kBitmapOr:
      return "Bitmap " + IndexNames(path);
    case PathKind::kGroup:
      return "Group over " + DescribePath(root, *path.subpath);
    case PathKind::kFunctionScan:
      return "Function Scan";
    case PathKind::kValuesScan:
      return "Values Scan";
  }
  return "path";
}

std::vector<std::string> WhyLines(const PlannerInfo& root, const Path& chosen) {
  std::vector<std::string> lines;
  const RelOptInfo* rel = chosen.parent;
  if (rel == nullptr || rel->considered.empty()) return lines;
  std::map<std::string, const Path*> best;  // cheapest path per description
  for (const Path* p : rel->considered) {
    if (!p->required_outer.IsEmpty()) continue;
    const std::string d = DescribePath(root, *p);
    auto it = best.find(d);
    if (it == best.end() || p->total_cost < it->second->total_cost) best[d] = p;
  }
  const std::string chosen_desc = DescribePath(root, chosen);
  auto selectivity = [&](const Path& p) -> std::string {
    if (p.kind != PathKind::kIndexScan && p.kind != PathKind::kIndexOnlyScan) return "";
    return fmt::format(", {:.1f}% of rows match the index conditions", 100.0 * p.index_selectivity);
  };
  lines.push_back(fmt::format("chosen: {}, cost {:.2f}..{:.2f}, rows {:.0f}{}", chosen_desc,
                              chosen.startup_cost, chosen.total_cost, chosen.rows,
                              selectivity(chosen)));
  std::vector<const Path*> others;
  for (const auto& [desc, p] : best) {
    if (desc != chosen_desc) others.push_back(p);
  }
  std::stable_sort(others.begin(), others.end(),
                   [](const Path* a, const Path* b) { return a->total_cost < b->total_cost; });
  for (const Path* p : others) {
    if (lines.size() >= kMaxWhyLines) break;
    const double diff = p->total_cost - chosen.total_cost;
    const std::string reason =
        diff >= 0
            ? fmt::format("costs {:.2f} more", diff)
            : fmt::format("cheaper in total by {:.2f} but lost on startup cost or order", -diff);
    lines.push_back(fmt::format("rejected: {}, cost {:.2f}..{:.2f}{}: {}", DescribePath(root, *p),
                                p->startup_cost, p->total_cost, selectivity(*p), reason));
  }
  return lines;
}

}  // namespace dbopt::plan
