#include <doctest/doctest.h>

#include "bind_test_util.h"

namespace dbopt::bind {
using testing::BindOk;
using testing::BindText;
using testing::ErrorLine;

TEST_CASE("tables, aliases and * expansion") {
  CHECK(BindText("select * from customer c") ==
        "SELECT c.c_custkey AS c_custkey, c.c_name AS c_name, c.c_mktsegment AS c_mktsegment, "
        "c.c_acctbal AS c_acctbal FROM c");
  CHECK(BindText("select x.a, b from customer x(a, b)") == "SELECT x.a AS a, x.b AS b FROM x");
  CHECK(BindText("select c.* , 1 from public.customer c where c.c_custkey = 1") ==
        "SELECT c.c_custkey AS c_custkey, c.c_name AS c_name, c.c_mktsegment AS c_mktsegment, "
        "c.c_acctbal AS c_acctbal, 1 AS ?column? FROM c WHERE (c.c_custkey = 1)");
  auto q = BindOk("select * from orders o");
  REQUIRE(q.get() != nullptr);
  REQUIRE(q->rtable.size() == 1);
  CHECK(q->rtable[0].kind == RteKind::kRelation);
  CHECK(q->rtable[0].alias == "o");
  CHECK(q->rtable[0].alias_written);
  CHECK(q->rtable[0].table->name == "orders");
  CHECK(q->rtable[0].column_types[3] == ParseTypeText("numeric(15,2)"));
  CHECK(q->targets.size() == 6);
  CHECK(q->targets[2].resno == 3);
}

TEST_CASE("joins: ON, USING, NATURAL, outer joins and the join's range-table entry") {
  CHECK(BindText("select c_name from orders join customer on o_custkey = c_custkey") ==
        "SELECT customer.c_name AS c_name FROM (orders INNER JOIN customer ON "
        "(orders.o_custkey = customer.c_custkey))");
  auto q = BindOk("select * from orders o left join customer c on o.o_custkey = c.c_custkey");
  REQUIRE(q.get() != nullptr);
  REQUIRE(q->rtable.size() == 3);
  CHECK(q->rtable[2].kind == RteKind::kJoin);
  CHECK(q->rtable[2].join_type == JoinType::kLeft);
  CHECK(q->rtable[2].alias == "unnamed_join");
  CHECK(q->jointree.children[0]->kind == JoinNode::Kind::kJoin);
  CHECK(q->jointree.children[0]->rtindex == 3);

  // USING merges the column: one k in *, an equality as the join qual.
  CHECK(BindText("select * from (select o_custkey k from orders) a join (select c_custkey k, "
                 "c_name from customer) b using (k)") ==
        "SELECT a.k AS k, b.c_name AS c_name FROM (a INNER JOIN b ON (a.k = b.k))");
  CHECK(BindText("select k from (select o_custkey k from orders) a full join (select c_custkey "
                 "k from customer) b using (k)") ==
        "SELECT unnamed_join.k AS k FROM (a FULL JOIN b ON (a.k = b.k))");
  CHECK(BindText("select * from (select 1 x) a natural join (select 1 x, 2 y) b") ==
        "SELECT a.x AS x, b.y AS y FROM (a INNER JOIN b ON (a.x = b.x))");
  CHECK(ErrorLine("select * from orders join customer using (o_orderkey)") ==
        "q.sql:1:15: error: column \"o_orderkey\" specified in USING clause does not exist in "
        "right table");
  CHECK(BindText("select o_orderkey from orders cross join customer") ==
        "SELECT orders.o_orderkey AS o_orderkey FROM (orders INNER JOIN customer)");
}

TEST_CASE("subqueries in FROM, LATERAL, VALUES, functions and CTEs") {
  CHECK(BindText("select s.k from (select o_custkey as k from orders) s") ==
        "SELECT s.k AS k FROM s");
  CHECK(BindText("select * from customer c, lateral (select o_orderkey from orders where "
                 "o_custkey = c.c_custkey) o") ==
        "SELECT c.c_custkey AS c_custkey, c.c_name AS c_name, c.c_mktsegment AS c_mktsegment, "
        "c.c_acctbal AS c_acctbal, o.o_orderkey AS o_orderkey FROM c, o");
  CHECK(ErrorLine("select * from customer c, (select o_orderkey from orders where o_custkey = "
                  "c.c_custkey) o") ==
        "q.sql:1:76: error: missing FROM-clause entry for table \"c\"");
  CHECK(BindText("select * from (values (1, 'a'), (2, 'b')) v(id, name)") ==
        "SELECT v.id AS id, v.name AS name FROM v");
  CHECK(BindText("select g from generate_series(1, 10) g") == "SELECT g.g AS g FROM g");
  auto q = BindOk("select u from events, unnest(tags) u");
  REQUIRE(q.get() != nullptr);
  CHECK(q->rtable[1].kind == RteKind::kFunction);
  CHECK(q->rtable[1].column_types[0] == MakeType(TypeId::kText));

  CHECK(BindText("with big as materialized (select * from orders where o_totalprice > 100) "
                 "select count(*) from big b1, big b2") ==
        "WITH big (refs=2) AS (SELECT orders.o_orderkey AS o_orderkey, orders.o_custkey AS "
        "o_custkey, orders.o_orderstatus AS o_orderstatus, orders.o_totalprice AS o_totalprice, "
        "orders.o_orderdate AS o_orderdate, orders.o_comment AS o_comment FROM orders WHERE "
        "(orders.o_totalprice > (100)::numeric)) SELECT count(*) AS count FROM b1, b2");
  auto r = BindOk(
      "with recursive r(n) as (select 1 union all select n + 1 from r where n < 10) "
      "select * from r");
  REQUIRE(r.get() != nullptr);
  CHECK(r->recursive_with);
  REQUIRE(r->ctes.size() == 1);
  CHECK(r->ctes[0].recursive);
  CHECK(r->ctes[0].reference_count == 1);
  CHECK(r->rtable[0].kind == RteKind::kCte);
  CHECK(r->ctes[0].materialized == CommonTable::Materialized::kDefault);
}

TEST_CASE("name resolution errors follow PostgreSQL's wording, with suggestions") {
  CHECK(BindText("select o_custky from orders") ==
        "q.sql:1:8: error: column \"o_custky\" does not exist\n"
        " 1 | select o_custky from orders\n"
        "   |        ^\n"
        "hint: did you mean \"o_custkey\"?\n");
  CHECK(BindText("select * from ordrs") ==
        "q.sql:1:15: error: relation \"ordrs\" does not exist\n"
        " 1 | select * from ordrs\n"
        "   |               ^\n"
        "hint: did you mean \"orders\"?\n");
  CHECK(ErrorLine("select x.o_orderkey from orders o") ==
        "q.sql:1:8: error: missing FROM-clause entry for table \"x\"");
  CHECK(ErrorLine("select o.o_ordrkey from orders o") ==
        "q.sql:1:8: error: column o.o_ordrkey does not exist");
  CHECK(ErrorLine("select k from (select 1 k) a, (select 2 k) b") ==
        "q.sql:1:8: error: column reference \"k\" is ambiguous");
  CHECK(ErrorLine("select 1 from orders, orders") ==
        "q.sql:1:23: error: table name \"orders\" specified more than once");
  CHECK(ErrorLine("select * from orders o(a, b, c, d, e, f, g)") ==
        "q.sql:1:15: error: table \"o\" has 6 columns available but 7 columns specified");
  CHECK(ErrorLine("select * from orders tablesample system (10)") ==
        "q.sql:1:15: error: not supported: TABLESAMPLE");
  CHECK(ErrorLine("create table t (a int)") ==
        "q.sql:1:1: error: not supported: CREATE TABLE (only SELECT, INSERT, UPDATE and DELETE "
        "are planned)");
}

TEST_CASE("outer references count levels up") {
  auto q = BindOk(
      "select c_name from customer where exists (select 1 from orders where "
      "o_custkey = c_custkey)");
  REQUIRE(q.get() != nullptr);
  CHECK(q->has_sublinks);
  const BoundExpr& link = *q->jointree.quals;
  REQUIRE(link.kind == BoundKind::kSubLink);
  const BoundExpr& cmp = *link.subquery->jointree.quals;
  CHECK(cmp.args[0]->levelsup == 0);
  CHECK(cmp.args[1]->levelsup == 1);
  CHECK(cmp.args[1]->varno == 1);
  CHECK(VarNos(link) == std::vector<int>{1});
}

}  // namespace dbopt::bind
