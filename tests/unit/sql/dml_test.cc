// INSERT, UPDATE, DELETE: sources, ON CONFLICT, SET forms, USING, RETURNING, WITH.
#include <doctest/doctest.h>

#include "dbopt/sql/to_sql.h"
#include "sql_test_util.h"

namespace dbopt::sql {
namespace {

using testing::ParseOne;

TEST_CASE("INSERT ... VALUES with DEFAULT, ON CONFLICT (cols) DO UPDATE ... WHERE, RETURNING") {
  Statement s = ParseOne(
      "INSERT INTO app.t (a, b) VALUES (1, DEFAULT), (2, 3) ON CONFLICT (a) DO UPDATE "
      "SET b = EXCLUDED.b, (c, d) = (1, 2) WHERE t.b < 5 RETURNING *");
  REQUIRE(s.kind == StatementKind::kInsert);
  const InsertStmt& i = *s.insert;
  CHECK(i.table.schema == "app");
  CHECK(i.table.name == "t");
  CHECK(i.columns == std::vector<std::string>{"a", "b"});
  REQUIRE(i.source);
  REQUIRE(i.source->values.size() == 2);
  CHECK(i.source->values[0][1]->kind == ExprKind::kDefault);
  REQUIRE(i.on_conflict);
  CHECK(i.on_conflict->action == OnConflictAction::kUpdate);
  REQUIRE(i.on_conflict->target.size() == 1);
  CHECK(i.on_conflict->target[0].column == "a");
  REQUIRE(i.on_conflict->set.size() == 2);
  CHECK(i.on_conflict->set[0].columns == std::vector<std::string>{"b"});
  CHECK(ToSql(*i.on_conflict->set[0].value) == "excluded.b");
  CHECK(i.on_conflict->set[1].columns == std::vector<std::string>{"c", "d"});
  CHECK(i.on_conflict->set[1].value->kind == ExprKind::kRow);
  CHECK(ToSql(*i.on_conflict->where) == "(t.b < 5)");
  CHECK(i.returning.size() == 1);
}

TEST_CASE(
    "INSERT DEFAULT VALUES, INSERT ... SELECT, ON CONSTRAINT, OVERRIDING, expression targets") {
  Statement d = ParseOne("INSERT INTO t DEFAULT VALUES");
  CHECK(d.insert->source == nullptr);
  Statement sel =
      ParseOne("INSERT INTO t SELECT * FROM u ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING");
  CHECK(sel.insert->source->from[0].table.name == "u");
  CHECK(sel.insert->on_conflict->constraint == "t_pkey");
  CHECK(sel.insert->on_conflict->action == OnConflictAction::kNothing);
  Statement o = ParseOne(
      "INSERT INTO t AS x (a) OVERRIDING SYSTEM VALUE VALUES (1) ON CONFLICT (lower(b)) WHERE c > "
      "0 DO NOTHING");
  CHECK(o.insert->alias == "x");
  CHECK(o.insert->overriding == "SYSTEM VALUE");
  REQUIRE(o.insert->on_conflict->target.size() == 1);
  CHECK(ToSql(*o.insert->on_conflict->target[0].expr) == "lower(b)");
  CHECK(ToSql(*o.insert->on_conflict->target_where) == "(c > 0)");
}

TEST_CASE("UPDATE with multi-column SET from a subquery, FROM, WHERE, RETURNING") {
  Statement s = ParseOne(
      "UPDATE ONLY t AS x SET a = 1, (b, c) = (SELECT y, z FROM u WHERE u.id = x.id) FROM v "
      "WHERE x.id = v.id RETURNING a, b AS bee");
  REQUIRE(s.kind == StatementKind::kUpdate);
  const UpdateStmt& u = *s.update;
  CHECK(u.only);
  CHECK(u.alias.name == "x");
  REQUIRE(u.set.size() == 2);
  CHECK(u.set[1].columns == std::vector<std::string>{"b", "c"});
  CHECK(u.set[1].value->kind == ExprKind::kSubquery);
  CHECK(u.from[0].table.name == "v");
  CHECK(ToSql(*u.where) == "(x.id = v.id)");
  CHECK(u.returning[1].alias == "bee");
}

TEST_CASE("DELETE ... USING ... RETURNING and WITH on DML") {
  Statement s = ParseOne("DELETE FROM t AS x USING u WHERE x.id = u.id RETURNING x.*");
  REQUIRE(s.kind == StatementKind::kDelete);
  CHECK(s.del->alias.name == "x");
  CHECK(s.del->using_items[0].table.name == "u");
  CHECK(ToSql(*s.del->returning[0].expr) == "x.*");
  Statement w = ParseOne(
      "WITH moved AS (DELETE FROM t WHERE a < 0 RETURNING *) INSERT INTO archive SELECT * FROM "
      "moved");
  REQUIRE(w.kind == StatementKind::kInsert);
  REQUIRE(w.insert->with);
  CHECK(w.insert->with->ctes[0].query->kind == StatementKind::kDelete);
  Statement u = ParseOne("WITH x AS (SELECT 1 AS v) UPDATE t SET a = x.v FROM x");
  CHECK(u.update->with->ctes[0].name == "x");
}

TEST_CASE("a data-modifying CTE inside a subquery deparses as valid SQL") {
  Statement s = ParseOne(
      "SELECT (WITH d AS (DELETE FROM t WHERE a = 1 RETURNING a) SELECT count(*) FROM d) AS n");
  CHECK(ToSql(*s.select->targets[0].expr) ==
        "(WITH d AS (DELETE FROM t WHERE (a = 1) RETURNING a) SELECT count(*) FROM d)");
}

}  // namespace
}  // namespace dbopt::sql
