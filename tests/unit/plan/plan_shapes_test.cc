// Plan shapes on a two-table catalog, big (100000 rows, unique id) and small (1000 rows, ref
// with 10 values): semi joins run as inner joins over a unique-ified side (create_unique_path,
// reduce_unique_semijoins), the statement's range table in PostgreSQL's order, no index-only
// scan of an UPDATE or DELETE target, select-list SubPlans under the projecting node, and WHERE
// clauses on an outer join's nullable side evaluated at the join, ORDER BY count(*) sorted.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "dbopt/base/source_text.h"
#include "dbopt/bind/binder.h"
#include "dbopt/catalog/load.h"
#include "dbopt/plan/planner.h"
#include "dbopt/sql/parser.h"

namespace dbopt::plan {
namespace {

const char* kCatalog = R"({
  "format": "dbopt-catalog", "version": 1,
  "source": {"kind": "json", "location": "test", "server_version_num": 150000, "server_version": "15.0"},
  "settings": {"max_parallel_workers_per_gather": "0"},
  "tables": [
    {"schema": "public", "name": "big", "kind": "table",
     "columns": [
       {"name": "id", "type": "integer", "not_null": true},
       {"name": "v", "type": "integer", "not_null": true}],
     "stats": {"reltuples": 100000, "relpages": 1000, "curpages": 1000, "relallvisible": 1000},
     "column_stats": {
       "id": {"null_frac": 0, "avg_width": 4, "n_distinct": -1, "correlation": 1},
       "v": {"null_frac": 0, "avg_width": 4, "n_distinct": 100, "correlation": 0}}},
    {"schema": "public", "name": "small", "kind": "table",
     "columns": [
       {"name": "ref", "type": "integer", "not_null": true},
       {"name": "w", "type": "integer", "not_null": true}],
     "stats": {"reltuples": 1000, "relpages": 10, "curpages": 10, "relallvisible": 10},
     "column_stats": {
       "ref": {"null_frac": 0, "avg_width": 4, "n_distinct": 10, "correlation": 0},
       "w": {"null_frac": 0, "avg_width": 4, "n_distinct": -1, "correlation": 0}}}],
  "indexes": [
    {"schema": "public", "name": "big_pkey", "table": "big", "method": "btree",
     "keys": [{"column": "id"}], "unique": true, "pages": 276, "tuples": 100000, "tree_height": 1}]
})";

PlannedStatement PlanSql(const catalog::Catalog& catalog, const std::string& sql) {
  SourceText source("test.sql", sql);
  sql::ParsedFile file = sql::ParseFile(source);
  REQUIRE(file.ok());
  REQUIRE(file.statements.size() == 1);
  auto query = bind::Bind(catalog, file.statements[0], source);
  if (!query.ok()) FAIL(query.error().Render());
  auto planned = PlanQuery(catalog, **query, PlannerOptions{});
  if (!planned.ok()) FAIL(planned.error().Render());
  return std::move(planned).value();
}

catalog::Catalog BigSmall() {
  auto catalog = catalog::LoadJsonCatalog(SourceText("bigsmall.json", kCatalog));
  if (!catalog.ok()) FAIL(catalog.error().Render());
  return std::move(catalog).value();
}

// Every node of the plan tree, its InitPlans and SubPlans, depth first.
void Walk(const PlanNode& node, const std::function<void(const PlanNode&)>& visit) {
  visit(node);
  for (const auto* list : {&node.children, &node.init_plans, &node.sub_plans}) {
    for (const auto& child : *list) Walk(*child, visit);
  }
}

const PlanNode* FindNode(const PlanNode& root, PlanKind kind) {
  const PlanNode* found = nullptr;
  Walk(root, [&](const PlanNode& n) {
    if (found == nullptr && n.kind == kind) found = &n;
  });
  return found;
}

bool HasJoinType(const PlanNode& root, JoinType type) {
  bool found = false;
  Walk(root, [&](const PlanNode& n) {
    const bool join = n.kind == PlanKind::kNestLoop || n.kind == PlanKind::kHashJoin ||
                      n.kind == PlanKind::kMergeJoin;
    found = found || (join && n.join_type == type);
  });
  return found;
}

TEST_CASE("semi join: IN over few distinct values probes the index once per value") {
  const catalog::Catalog catalog = BigSmall();
  // A Hash Semi Join must read all of big (1000 pages + 100000 · 0.01 = 2000 before any
  // hashing); unique-ifying small's 10 values of ref and probing big_pkey 10 times is far
  // cheaper. The HashAggregate (cost_agg, hashed, one column, 10 groups):
  //   startup = 20 (seq scan: 10 pages + 1000 · 0.01) + 0.0025 · 1 · 1000 = 22.5
  //   total = 22.5 + 0.01 · 10 groups = 22.6
  PlannedStatement p = PlanSql(catalog, "SELECT * FROM big WHERE id IN (SELECT ref FROM small)");
  CHECK(p.plan->kind == PlanKind::kNestLoop);
  CHECK(p.plan->join_type == JoinType::kInner);
  CHECK(p.plan->inner_unique);  // the unique values of ref against the whole left side
  CHECK_FALSE(HasJoinType(*p.plan, JoinType::kSemi));
  REQUIRE(p.plan->children.size() == 2);
  const PlanNode& agg = *p.plan->children[0];
  CHECK(agg.kind == PlanKind::kAggregate);
  CHECK(agg.agg_strategy == AggStrategy::kHashed);
  CHECK(agg.rows == doctest::Approx(10));
  CHECK(agg.startup_cost == doctest::Approx(22.5));
  CHECK(agg.total_cost == doctest::Approx(22.6));
  REQUIRE(agg.group_keys.size() == 1);
  CHECK(agg.group_keys[0]->kind == bind::BoundKind::kVar);
  CHECK(p.plan->children[1]->kind == PlanKind::kIndexScan);
  CHECK(p.plan->children[1]->index_name == "big_pkey");
}

TEST_CASE("semi join: a right side already unique on the join key is an inner join") {
  const catalog::Catalog catalog = BigSmall();
  // reduce_unique_semijoins: big.id is unique (big_pkey), so each small row matches at most
  // one big row and the semi join is a plain inner join; nothing is unique-ified.
  PlannedStatement p = PlanSql(catalog, "SELECT * FROM small WHERE ref IN (SELECT id FROM big)");
  CHECK_FALSE(HasJoinType(*p.plan, JoinType::kSemi));
  CHECK(HasJoinType(*p.plan, JoinType::kInner));
  CHECK(FindNode(*p.plan, PlanKind::kAggregate) == nullptr);
  CHECK(FindNode(*p.plan, PlanKind::kUnique) == nullptr);
}

TEST_CASE("semi join: an inequality between the sides cannot be unique-ified") {
  const catalog::Catalog catalog = BigSmall();
  // compute_semijoin_info: `b.v > s.w` is not an equality, so only a semi join proper exists.
  PlannedStatement p =
      PlanSql(catalog, "SELECT * FROM small s WHERE EXISTS (SELECT 1 FROM big b WHERE b.v > s.w)");
  CHECK(HasJoinType(*p.plan, JoinType::kSemi));
  CHECK(FindNode(*p.plan, PlanKind::kAggregate) == nullptr);
  CHECK(FindNode(*p.plan, PlanKind::kUnique) == nullptr);
}

TEST_CASE("range table: a FROM subquery's scan names its own table") {
  const catalog::Catalog catalog = BigSmall();
  // The subquery's plan is numbered by its own level once; the outer level must not move it.
  PlannedStatement p = PlanSql(catalog, "SELECT * FROM (SELECT * FROM small OFFSET 0) s");
  const PlanNode* scan = FindNode(*p.plan, PlanKind::kSeqScan);
  REQUIRE(scan != nullptr);
  REQUIRE(scan->scan_rtindex >= 1);
  REQUIRE(scan->scan_rtindex <= static_cast<int>(p.rtable.size()));
  const bind::RangeTblEntry& rte = p.rtable[scan->scan_rtindex - 1];
  REQUIRE(rte.table != nullptr);
  CHECK(rte.table->name == "small");
}

TEST_CASE("range table: the statement's entries come before an InitPlan's") {
  const catalog::Catalog catalog = BigSmall();
  // setrefs flattens the top level first and the SubPlans after it, so EXPLAIN calls the
  // InitPlan's scan small_1 and the outer one small.
  PlannedStatement p = PlanSql(catalog, "SELECT * FROM small WHERE w > (SELECT avg(w) FROM small)");
  REQUIRE(p.plan->kind == PlanKind::kSeqScan);
  CHECK(p.plan->scan_rtindex == 1);
  REQUIRE(p.plan->init_plans.size() == 1);
  const PlanNode* inner = FindNode(*p.plan->init_plans[0], PlanKind::kSeqScan);
  REQUIRE(inner != nullptr);
  CHECK(inner->scan_rtindex == 2);
}

TEST_CASE("modify: a DELETE's target is never scanned index-only") {
  const catalog::Catalog catalog = BigSmall();
  // The Delete needs each row's ctid, a system column no index holds (check_index_only), so
  // big_pkey is read with an Index Scan or a bitmap even though id is the only column used.
  PlannedStatement p = PlanSql(catalog, "DELETE FROM big WHERE id < 100");
  CHECK(p.plan->kind == PlanKind::kModifyTable);
  CHECK(FindNode(*p.plan, PlanKind::kIndexOnlyScan) == nullptr);
  const bool index = FindNode(*p.plan, PlanKind::kIndexScan) != nullptr ||
                     FindNode(*p.plan, PlanKind::kBitmapHeapScan) != nullptr;
  CHECK(index);
  // A SELECT of the same column may use the index alone.
  PlannedStatement s = PlanSql(catalog, "SELECT id FROM big WHERE id < 100");
  CHECK(FindNode(*s.plan, PlanKind::kIndexOnlyScan) != nullptr);
}

TEST_CASE("subplans: a correlated subquery in the select list runs under the node computing it") {
  const catalog::Catalog catalog = BigSmall();
  const char* sql = "SELECT w, (SELECT max(v) FROM big WHERE big.id = small.ref) FROM small";
  PlannedStatement p = PlanSql(catalog, sql);
  CHECK(p.plan->kind == PlanKind::kSeqScan);
  CHECK(p.plan->sub_plans.size() == 1);
  // A Sort does not project: the SubPlan stays with the scan below it.
  PlannedStatement sorted = PlanSql(catalog, std::string(sql) + " ORDER BY w");
  REQUIRE(sorted.plan->kind == PlanKind::kSort);
  CHECK(sorted.plan->sub_plans.empty());
  REQUIRE(sorted.plan->children.size() == 1);
  CHECK(sorted.plan->children[0]->sub_plans.size() == 1);
}

TEST_CASE("outer join: a WHERE clause on the nullable side waits for the join") {
  const catalog::Catalog catalog = BigSmall();
  // check_outerjoin_delay: `b.v IS NULL` is not strict, so the LEFT join stays, and the clause
  // holds for the NULL-extended rows: it is the join's Filter, not a condition on big's scan.
  PlannedStatement p =
      PlanSql(catalog, "SELECT * FROM small s LEFT JOIN big b ON b.id = s.ref WHERE b.v IS NULL");
  const PlanNode* join = nullptr;
  Walk(*p.plan, [&](const PlanNode& n) {
    const bool is_join = n.kind == PlanKind::kNestLoop || n.kind == PlanKind::kHashJoin ||
                         n.kind == PlanKind::kMergeJoin;
    if (join == nullptr && is_join) join = &n;
  });
  REQUIRE(join != nullptr);
  CHECK((join->join_type == JoinType::kLeft || join->join_type == JoinType::kRight));
  CHECK(join->filter.size() == 1);
  CHECK(join->join_filter.empty());
  for (const auto& child : join->children) {
    Walk(*child, [&](const PlanNode& n) {
      if (n.scan_rtindex > 0 && n.scan_rtindex <= static_cast<int>(p.rtable.size()) &&
          p.rtable[n.scan_rtindex - 1].table != nullptr &&
          p.rtable[n.scan_rtindex - 1].table->name == "big") {
        CHECK(n.filter.empty());
      }
    });
  }
}

TEST_CASE("sort: ORDER BY an aggregate without Vars is a real sort key") {
  const catalog::Catalog catalog = BigSmall();
  // get_eclass_for_sort_expr: count(*) mentions no Vars but is no constant, so the ORDER BY
  // needs a Sort above the aggregation.
  PlannedStatement p =
      PlanSql(catalog, "SELECT ref, count(*) AS n FROM small GROUP BY ref ORDER BY n DESC");
  REQUIRE(p.plan->kind == PlanKind::kSort);
  REQUIRE(p.plan->sort_keys.size() == 1);
  CHECK(p.plan->sort_keys[0].descending);
  REQUIRE(p.plan->children.size() == 1);
  CHECK(p.plan->children[0]->kind == PlanKind::kAggregate);
}

}  // namespace
}  // namespace dbopt::plan
