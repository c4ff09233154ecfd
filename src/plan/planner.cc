// The planner's pipeline (PostgreSQL's standard_planner → subquery_planner → grouping_planner →
// query_planner → make_one_rel), one step per line.
#include "dbopt/plan/planner.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <unordered_set>

#include "add_path.h"
#include "base_rels.h"
#include "costing.h"
#include "create_plan.h"
#include "cte_scans.h"
#include "dbopt/cost/other_scan_cost.h"
#include "distribute_quals.h"
#include "equivalence.h"
#include "index_match.h"
#include "join_search.h"
#include "parallel_paths.h"
#include "planner_global.h"
#include "planner_info.h"
#include "prep_query.h"
#include "pull_up.h"
#include "scan_paths.h"
#include "set_ops.h"
#include "subplans.h"
#include "subquery_rels.h"
#include "unique_paths.h"
#include "upper.h"

namespace dbopt::plan {
namespace {

// What this version plans; anything else is refused by name rather than planned wrongly.
Status CheckSupported(const bind::Query& query) {
  auto unsupported = [](const std::string& what) {
    return Error::BadInput("not supported: " + what + " in explain (planned in a later version)");
  };
  if (query.on_conflict) return unsupported("INSERT ... ON CONFLICT");
  if (query.has_for_update) return unsupported("FOR UPDATE/SHARE");
  if (query.has_grouping_sets) return unsupported("GROUPING SETS/ROLLUP/CUBE");
  return Ok{};
}

Status ApplySettings(const catalog::Catalog& catalog, const PlannerOptions& options,
                     cost::CostParams* params) {
  // The catalog's settings are read in place; they are copied only when --set changes some.
  std::optional<catalog::Settings> changed;
  if (!options.settings.empty()) changed = catalog.settings;
  for (const auto& [name, value] : options.settings) {
    if (Status s = changed->Set(name, value); !s.ok()) return s;
  }
  Result<cost::CostParams> result =
      cost::CostParamsFromSettings(changed ? *changed : catalog.settings);
  if (!result.ok()) return std::move(result).error();
  *params = *result;
  return Ok{};
}

// The columns the final output, GROUP BY, ORDER BY and HAVING need from the scans.
void MarkOutputNeeded(PlannerInfo& root) {
  for (const bind::TargetEntry& te : root.query->targets) {
    MarkNeeded(root, *te.expr, TopLevelRelids());
  }
  if (root.query->having) MarkNeeded(root, *root.query->having, TopLevelRelids());
}

}  // namespace

namespace {

bind::RangeTblEntry PrintableCopy(const bind::RangeTblEntry& rte) {
  bind::RangeTblEntry copy;
  copy.kind = rte.kind;
  copy.alias = rte.alias;
  copy.alias_written = rte.alias_written;
  copy.column_names = rte.column_names;
  copy.column_types = rte.column_types;
  copy.table = rte.table;
  return copy;
}

Result<LevelResult> PlanLevel(PlannerGlobal& global, const bind::Query& query,
                              double tuple_fraction);
Result<LevelResult> PlanSubPlanLevel(PlannerGlobal& global, const bind::Query& query,
                                     double tuple_fraction);

// Finishing a level: create_plan, then setrefs' flattening of its range table into the
// statement's, and the SubPlans/InitPlans it uses.
LevelResult FinishLevel(PlannerGlobal& global, PlannerInfo& root, const bind::Query& flat,
                        const Path& best, int first_subplan) {
  LevelResult result;
  // The plans of FROM subqueries and set-operation inputs were numbered by their own levels.
  std::unordered_set<const PlanNode*> lower;
  for (const RelOptInfo* rel : root.simple_rels) {
    if (rel != nullptr && rel->subquery_plan) lower.insert(rel->subquery_plan.get());
  }
  result.plan = CreatePlan(root, best);
  const int offset = static_cast<int>(global.rtable.size());
  for (const bind::RangeTblEntry& rte : flat.rtable) global.rtable.push_back(PrintableCopy(rte));
  RenumberRangeTable(
      *result.plan, [offset](int rtindex) { return rtindex + offset; }, &lower);
  PlannerGlobal::Level& level = global.levels[global.current_level];
  level.offset = offset;
  level.size = static_cast<int>(flat.rtable.size());
  level.finished = global.finished_levels++;
  AttachSubPlans(global, *result.plan);
  AttachTargetSubPlans(global, *result.plan, flat.targets);
  AttachInitPlans(global, *result.plan, first_subplan);
  result.notes = root.estimation.warnings;
  return result;
}

// A level without tables: a Result node producing one row (cost_resultscan), then the upper
// steps (LIMIT, ModifyTable for INSERT ... VALUES).
Result<LevelResult> PlanWithoutTables(PlannerGlobal& global, PlannerInfo& root,
                                      const bind::Query& flat, int first_subplan) {
  RelOptInfo* rel = root.NewRel();
  rel->kind = RelKind::kBase;
  rel->rows = 1;
  Path* path = root.NewPath();
  path->kind = PathKind::kResult;
  path->parent = rel;
  path->rows = 1;
  cost::SimpleScanInput in;
  in.tuples = in.rows = 1;
  const cost::Cost c = cost::CostResultScan(root.params, in);
  path->startup_cost = c.startup;
  path->total_cost = c.total;
  AddPath(*rel, path);
  SetCheapest(*rel);
  SetQueryPathKeys(root);
  Result<Path*> best = PlanUpper(root, *rel);
  if (!best.ok()) return std::move(best).error();
  return FinishLevel(global, root, flat, **best, first_subplan);
}

// A UNION/INTERSECT/EXCEPT level: the set operation, then ORDER BY and LIMIT.
Result<LevelResult> PlanSetOperationLevel(PlannerGlobal& global, PlannerInfo& root,
                                          const bind::Query& flat, int first_subplan) {
  SetQueryPathKeys(root);
  Result<RelOptInfo*> setop = PlanSetOperations(root, PlanLevel);
  if (!setop.ok()) return std::move(setop).error();
  Result<Path*> best = PlanUpper(root, **setop);
  if (!best.ok()) return std::move(best).error();
  return FinishLevel(global, root, flat, **best, first_subplan);
}

Result<LevelResult> PlanLevelBody(PlannerGlobal& global, const bind::Query& query,
                                  double tuple_fraction);

// A query level, recorded in global.levels under the level being planned.
Result<LevelResult> PlanLevelAs(PlannerGlobal& global, const bind::Query& query,
                                double tuple_fraction, bool subplan) {
  const int parent = global.current_level;
  global.current_level = static_cast<int>(global.levels.size());
  global.levels.push_back(PlannerGlobal::Level{parent, subplan});
  Result<LevelResult> result = PlanLevelBody(global, query, tuple_fraction);
  global.current_level = parent;
  return result;
}

// A FROM subquery, set-operation input, or the statement itself.
Result<LevelResult> PlanLevel(PlannerGlobal& global, const bind::Query& query,
                              double tuple_fraction) {
  return PlanLevelAs(global, query, tuple_fraction, false);
}

// A SubLink's or CTE's query (PostgreSQL's glob->subplans).
Result<LevelResult> PlanSubPlanLevel(PlannerGlobal& global, const bind::Query& query,
                                     double tuple_fraction) {
  return PlanLevelAs(global, query, tuple_fraction, true);
}

// One query level: subquery_planner + grouping_planner + create_plan, then setrefs' flattening
// of its range table into the statement's.
Result<LevelResult> PlanLevelBody(PlannerGlobal& global, const bind::Query& query,
                                  double tuple_fraction) {
  // Join aliases resolved, EXISTS pulled up into semi/anti joins, simple subqueries and CTEs
  // merged into this query level.
  const std::shared_ptr<bind::Query> flat = FlattenQuery(query);
  // Constants folded (eval_const_expressions), grouping keys reduced to what is not
  // functionally dependent on a grouped primary key.
  FoldLevelConstants(*flat);
  RemoveUselessGroupByColumns(*flat);
  // Remaining subqueries in expressions are planned on their own: SubPlans and InitPlans.
  const int first_subplan = static_cast<int>(global.subplans.size()) + 1;
  if (Status s = ConvertSubLinks(global, *flat, PlanSubPlanLevel); !s.ok())
    return std::move(s).error();
  if (Status s = CheckSupported(*flat); !s.ok()) return std::move(s).error();

  PlannerInfo root;
  root.global = &global;
  root.catalog = global.catalog;
  root.query = flat.get();
  root.params = global.params;
  root.collect_why = global.options->collect_why;
  root.tuple_fraction = tuple_fraction;
  // preprocess_limit: a LIMIT makes the fetched fraction of the rows what matters.
  root.consider_startup = tuple_fraction > 0 || flat->limit_count != nullptr;
  root.estimation.catalog = global.catalog;
  root.estimation.query = flat.get();

  // One RelOptInfo per table, with its size from the catalog's statistics, and one per
  // subquery that could not be merged, planned as its own level.
  BuildBaseRels(root);
  if (flat->set_operations) return PlanSetOperationLevel(global, root, *flat, first_subplan);
  if (Status s = BuildSubqueryRels(root, PlanLevel); !s.ok()) return std::move(s).error();
  if (Status s = BuildCteRels(root, PlanSubPlanLevel); !s.ok()) return std::move(s).error();
  if (root.all_baserels.IsEmpty()) {
    // No FROM (SELECT 1, INSERT ... VALUES): one row from a Result node.
    return PlanWithoutTables(global, root, *flat, first_subplan);
  }
  // Which columns are needed above the scans decides every width.
  MarkOutputNeeded(root);
  if ((flat->command == bind::CommandType::kUpdate ||
       flat->command == bind::CommandType::kDelete) &&
      flat->result_relation > 0 &&
      flat->result_relation < static_cast<int>(root.simple_rels.size()) &&
      root.simple_rels[flat->result_relation] != nullptr) {
    root.simple_rels[flat->result_relation]->needs_row_identity = true;
  }
  // WHERE/ON clauses become restrictions, join clauses and equivalence classes.
  if (Status s = DistributeQuals(root); !s.ok()) return std::move(s).error();
  GenerateBaseImpliedEqualities(root);
  // set_base_rel_consider_startup: the inside of a semi or anti join stops at its first match.
  for (const SpecialJoinInfo& sj : root.join_infos) {
    const bind::JoinType type = sj.estimation.join_type;
    const int varno = sj.estimation.syn_righthand.Singleton();
    if ((type == bind::JoinType::kSemi || type == bind::JoinType::kAnti) && varno > 0 &&
        root.simple_rels[varno] != nullptr) {
      root.simple_rels[varno]->consider_param_startup = true;
    }
  }
  // exprs_known_equal for estimate_num_groups: members of one equivalence class.
  root.estimation.known_equal = [&root](const bind::BoundExpr& a, const bind::BoundExpr& b) {
    const int ec = FindEquivalenceClass(root, a);
    return ec >= 0 && ec == FindEquivalenceClass(root, b);
  };
  // The sort order the upper steps want, so index paths that deliver it are kept.
  SetQueryPathKeys(root);
  // Base rels: row estimates, widths, then seq/index/bitmap and partial paths.
  const bool single_rel = root.all_baserels.Count() == 1;
  for (int rtindex : root.all_baserels.Members()) {
    RelOptInfo& rel = *root.simple_rels[rtindex];
    if (rel.subquery_plan || !rel.cte_name.empty()) {
      SetBaseRelSize(root, rel);
      rel.width = RelWidthAbove(root, rel, rel.relids);
      if (rel.subquery_plan) {
        AddSubqueryScanPath(root, rel);
      } else {
        AddCteScanPath(root, rel);
      }
      SetCheapest(rel);
      continue;
    }
    BuildIndexInfos(root, rel);
    SetBaseRelSize(root, rel);
    rel.width = RelWidthAbove(root, rel, rel.relids);
    SetConsiderParallel(root, rel);
    AddBaseRelPaths(root, rel);
    AddPartialScanPaths(root, rel);
    SetCheapest(rel);
    if (!single_rel) {
      AddGatherPaths(root, rel, false);
      SetCheapest(rel);
    }
  }
  // Semi joins whose right side is already unique on the join keys become inner joins.
  ReduceUniqueSemiJoins(root);
  // Join order search over all base rels.
  Result<RelOptInfo*> scanjoin = SearchJoinOrder(root);
  if (!scanjoin.ok()) return std::move(scanjoin).error();
  // apply_scanjoin_target_to_paths: Gather paths for the complete scan/join rel.
  AddGatherPaths(root, **scanjoin, false);
  SetCheapest(**scanjoin);
  // GROUP BY, DISTINCT, ORDER BY and LIMIT on top.
  Result<Path*> best = PlanUpper(root, **scanjoin);
  if (!best.ok()) return std::move(best).error();

  return FinishLevel(global, root, *flat, **best, first_subplan);
}

// The statement-wide range table indexes (1-based, into global.rtable) in PostgreSQL's order.
std::vector<int> FlatRangeTableOrder(const PlannerGlobal& global) {
  std::vector<int> order;
  std::vector<bool> seen(global.rtable.size() + 1, false);
  const int n = static_cast<int>(global.levels.size());
  std::function<void(int)> emit = [&](int id) {
    const PlannerGlobal::Level& level = global.levels[id];
    for (int i = 1; i <= level.size; ++i) {
      if (!seen[level.offset + i]) order.push_back(level.offset + i);
      seen[level.offset + i] = true;
    }
    for (int child = 0; child < n; ++child) {
      if (global.levels[child].parent == id && !global.levels[child].subplan) emit(child);
    }
  };
  std::vector<int> subplans;
  for (int id = 0; id < n; ++id) {
    if (global.levels[id].parent < 0) emit(id);
    if (global.levels[id].subplan) subplans.push_back(id);
  }
  std::sort(subplans.begin(), subplans.end(), [&global](int a, int b) {
    return global.levels[a].finished < global.levels[b].finished;
  });
  for (int id : subplans) emit(id);
  // Entries of levels that never finished (none when planning succeeds) keep their place.
  for (size_t i = 1; i < seen.size(); ++i) {
    if (!seen[i]) order.push_back(static_cast<int>(i));
  }
  return order;
}

}  // namespace

Result<PlannedStatement> PlanQuery(const catalog::Catalog& catalog, const bind::Query& query,
                                   const PlannerOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  PlannerGlobal global;
  global.catalog = &catalog;
  global.options = &options;
  if (Status s = ApplySettings(catalog, options, &global.params); !s.ok()) {
    return std::move(s).error();
  }
  Result<LevelResult> level = PlanLevel(global, query, 0.0);
  if (!level.ok()) return std::move(level).error();

  PlannedStatement planned;
  planned.plan = std::move(level->plan);
  // set_plan_references' order of the flattened range table: the statement's entries, those
  // of the FROM subqueries below it (depth first), then each SubPlan's, InitPlan's or CTE's
  // level (in the order they were finished) with its own FROM subqueries. EXPLAIN's unique
  // aliases (orders, orders_1) follow this order.
  const std::vector<int> order = FlatRangeTableOrder(global);
  std::vector<int> new_index(global.rtable.size() + 1, 0);
  for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = static_cast<int>(i) + 1;
  const auto renumber = [&new_index](int rtindex) { return new_index[rtindex]; };
  RenumberRangeTable(*planned.plan, renumber);
  for (int old_index : order) planned.rtable.push_back(std::move(global.rtable[old_index - 1]));
  for (std::string& note : global.notes) planned.notes.push_back(std::move(note));
  for (std::string& note : level->notes) planned.notes.push_back(std::move(note));
  planned.planning_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return planned;
}

}  // namespace dbopt::plan
