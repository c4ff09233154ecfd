// SELECT: joins, subqueries, CTEs, set operations, grouping, windows, ordering, limits, locking.
#include <doctest/doctest.h>

#include "sql_test_util.h"

namespace dbopt::sql {
namespace {

using testing::ParseOne;

const SelectStmt& Select(const Statement& s) {
  REQUIRE(s.kind == StatementKind::kSelect);
  return *s.select;
}

TEST_CASE("join kinds: NATURAL, USING, ON, LEFT/RIGHT/FULL, CROSS") {
  Statement s = ParseOne(
      "SELECT * FROM a NATURAL JOIN b LEFT JOIN c USING (id) RIGHT JOIN d ON d.x = c.x "
      "FULL JOIN e ON true CROSS JOIN f");
  const SelectStmt& q = Select(s);
  REQUIRE(q.from.size() == 1);
  // Joins nest to the left: ((((a ⋈ b) ⟕ c) ⟖ d) ⟗ e) × f
  const FromItem& cross = q.from[0];
  CHECK(cross.kind == FromKind::kJoin);
  CHECK(cross.join_kind == JoinKind::kCross);
  CHECK(cross.right->table.name == "f");
  const FromItem& full = *cross.left;
  CHECK(full.join_kind == JoinKind::kFull);
  CHECK(full.on->kind == ExprKind::kConst);
  const FromItem& right = *full.left;
  CHECK(right.join_kind == JoinKind::kRight);
  const FromItem& left = *right.left;
  CHECK(left.join_kind == JoinKind::kLeft);
  CHECK(left.using_columns == std::vector<std::string>{"id"});
  const FromItem& natural = *left.left;
  CHECK(natural.join_kind == JoinKind::kInner);
  CHECK(natural.natural);
  CHECK(natural.left->table.name == "a");
}

TEST_CASE("FROM subqueries, LATERAL, functions WITH ORDINALITY, aliases, ONLY, TABLESAMPLE") {
  Statement s = ParseOne(
      "SELECT * FROM ONLY s.t AS x, LATERAL (SELECT * FROM u WHERE u.id = x.id LIMIT 1) AS s(a, "
      "b), "
      "generate_series(1, 10) WITH ORDINALITY g(n, o), big TABLESAMPLE SYSTEM (10) REPEATABLE (7)");
  const SelectStmt& q = Select(s);
  REQUIRE(q.from.size() == 4);
  CHECK(q.from[0].only);
  CHECK(q.from[0].table.schema == "s");
  CHECK(q.from[0].alias.name == "x");
  CHECK(q.from[1].kind == FromKind::kSubquery);
  CHECK(q.from[1].lateral);
  CHECK(q.from[1].alias.columns == std::vector<std::string>{"a", "b"});
  CHECK(q.from[1].subquery->limit->text == "1");
  CHECK(q.from[2].kind == FromKind::kFunction);
  CHECK(q.from[2].with_ordinality);
  CHECK(q.from[2].functions[0]->names == std::vector<std::string>{"generate_series"});
  CHECK(q.from[3].sample_method == "system");
  CHECK(q.from[3].sample_repeatable->text == "7");
}

TEST_CASE("WITH RECURSIVE and MATERIALIZED / NOT MATERIALIZED") {
  Statement s = ParseOne(
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10), "
      "m AS MATERIALIZED (SELECT 1), nm AS NOT MATERIALIZED (SELECT 2) SELECT * FROM r");
  const SelectStmt& q = Select(s);
  REQUIRE(q.with);
  CHECK(q.with->recursive);
  REQUIRE(q.with->ctes.size() == 3);
  CHECK(q.with->ctes[0].name == "r");
  CHECK(q.with->ctes[0].columns == std::vector<std::string>{"n"});
  CHECK(q.with->ctes[0].query->select->set_op == SetOp::kUnion);
  CHECK(q.with->ctes[0].query->select->set_all);
  CHECK(q.with->ctes[1].materialized == CteMaterialized::kAlways);
  CHECK(q.with->ctes[2].materialized == CteMaterialized::kNever);
}

TEST_CASE("set operations nest as PostgreSQL's precedence says") {
  Statement s = ParseOne("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4");
  const SelectStmt& q = Select(s);
  // INTERSECT binds tighter: (1 UNION (2 INTERSECT 3)) EXCEPT ALL 4
  CHECK(q.set_op == SetOp::kExcept);
  CHECK(q.set_all);
  CHECK(q.left->set_op == SetOp::kUnion);
  CHECK_FALSE(q.left->set_all);
  CHECK(q.left->right->set_op == SetOp::kIntersect);
  CHECK(ToSql(q) == "((SELECT 1) UNION ((SELECT 2) INTERSECT (SELECT 3))) EXCEPT ALL (SELECT 4)");
}

TEST_CASE("GROUP BY with GROUPING SETS, ROLLUP, CUBE and HAVING") {
  Statement s = ParseOne(
      "SELECT a, b, sum(c) FROM t GROUP BY GROUPING SETS ((a, b), a, ()), ROLLUP (a, b), CUBE (b) "
      "HAVING sum(c) > 10");
  const SelectStmt& q = Select(s);
  REQUIRE(q.group_by.size() == 3);
  CHECK(q.group_by[0]->grouping_kind == GroupingSetKind::kSets);
  CHECK(q.group_by[0]->children[2]->grouping_kind == GroupingSetKind::kEmpty);
  CHECK(q.group_by[1]->grouping_kind == GroupingSetKind::kRollup);
  CHECK(q.group_by[2]->grouping_kind == GroupingSetKind::kCube);
  CHECK(ToSql(*q.having) == "(sum(c) > 10)");
  CHECK(
      ToSql(q) ==
      "SELECT a, b, sum(c) FROM t GROUP BY GROUPING SETS ((a, b), a, ()), ROLLUP (a, b), CUBE (b) "
      "HAVING (sum(c) > 10)");
}

TEST_CASE("WINDOW clause, DISTINCT, DISTINCT ON, ORDER BY NULLS") {
  Statement s = ParseOne(
      "SELECT DISTINCT ON (a) a, rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b) "
      "ORDER BY a, b DESC NULLS LAST");
  const SelectStmt& q = Select(s);
  CHECK(q.distinct);
  REQUIRE(q.distinct_on.size() == 1);
  REQUIRE(q.windows.size() == 1);
  CHECK(q.windows[0].name == "w");
  CHECK(q.windows[0].order_by.size() == 1);
  REQUIRE(q.order_by.size() == 2);
  CHECK(q.order_by[1].direction == SortDirection::kDesc);
  CHECK(q.order_by[1].nulls == NullsOrder::kLast);
  Statement plain = ParseOne("SELECT DISTINCT a FROM t");
  CHECK(Select(plain).distinct);
  CHECK(Select(plain).distinct_on.empty());
}

TEST_CASE("LIMIT, OFFSET, FETCH FIRST ... WITH TIES, LIMIT ALL") {
  CHECK(Select(ParseOne("SELECT * FROM t LIMIT 10 OFFSET 5")).offset->text == "5");
  const Statement ties = ParseOne("SELECT * FROM t ORDER BY a FETCH FIRST 3 ROWS WITH TIES");
  CHECK(Select(ties).limit_with_ties);
  CHECK(Select(ties).limit->text == "3");
  CHECK(ToSql(Select(ties)) == "SELECT * FROM t ORDER BY a FETCH FIRST 3 ROWS WITH TIES");
  CHECK(Select(ParseOne("SELECT * FROM t OFFSET 2 ROWS FETCH NEXT 5 ROWS ONLY")).limit->text ==
        "5");
  CHECK(Select(ParseOne("SELECT * FROM t LIMIT ALL")).limit == nullptr);
}

TEST_CASE("VALUES lists and FOR UPDATE / SHARE") {
  const Statement values = ParseOne("VALUES (1, 'a'), (2, 'b')");
  REQUIRE(Select(values).values.size() == 2);
  CHECK(Select(values).values[1][1]->text == "b");
  const Statement lock =
      ParseOne("SELECT * FROM t, u FOR UPDATE OF t SKIP LOCKED FOR SHARE OF u NOWAIT");
  REQUIRE(Select(lock).locking.size() == 2);
  CHECK(Select(lock).locking[0].strength == LockStrength::kUpdate);
  CHECK(Select(lock).locking[0].wait == LockWait::kSkipLocked);
  CHECK(Select(lock).locking[0].tables[0].name == "t");
  CHECK(Select(lock).locking[1].strength == LockStrength::kShare);
  CHECK(Select(lock).locking[1].wait == LockWait::kNowait);
  CHECK(ToSql(Select(lock)) ==
        "SELECT * FROM t, u FOR UPDATE OF t SKIP LOCKED FOR SHARE OF u NOWAIT");
}

TEST_CASE("subqueries in the target list, FROM and WHERE") {
  Statement s = ParseOne(
      "SELECT (SELECT count(*) FROM o WHERE o.c = c.id) AS n FROM (SELECT * FROM c) AS c "
      "WHERE EXISTS (SELECT 1 FROM p WHERE p.c = c.id)");
  const SelectStmt& q = Select(s);
  CHECK(q.targets[0].alias == "n");
  CHECK(q.targets[0].expr->kind == ExprKind::kSubquery);
  CHECK(q.from[0].subquery->targets[0].expr->names == std::vector<std::string>{"*"});
  CHECK(q.where->subquery_kind == SubqueryKind::kExists);
  CHECK(q.where->subquery->from[0].table.name == "p");
}

}  // namespace
}  // namespace dbopt::sql
