#include <doctest/doctest.h>

#include "bind_test_util.h"

namespace dbopt::bind {
using testing::BindOk;
using testing::BindText;
using testing::ErrorLine;

TEST_CASE("GROUP BY by name, position and expression; aggregates and their result types") {
  CHECK(BindText("select o_custkey, count(*), sum(o_orderkey), avg(o_orderkey), "
                 "sum(o_totalprice), max(o_orderdate) from orders group by 1") ==
        "SELECT orders.o_custkey AS o_custkey, count(*) AS count, sum(orders.o_orderkey) AS sum, "
        "avg(orders.o_orderkey) AS avg, sum(orders.o_totalprice) AS sum, "
        "max(orders.o_orderdate) AS max FROM orders GROUP BY orders.o_custkey");
  auto q = BindOk(
      "select sum(o_orderkey), sum(id), count(o_comment), avg(score), "
      "stddev(o_orderkey) from orders, events");
  REQUIRE(q.get() != nullptr);
  CHECK(q->has_aggs);
  CHECK(q->targets[0].expr->type == MakeType(TypeId::kInt8));
  CHECK(q->targets[1].expr->type == MakeType(TypeId::kNumeric));
  CHECK(q->targets[2].expr->type == MakeType(TypeId::kInt8));
  CHECK(q->targets[3].expr->type == MakeType(TypeId::kFloat8));
  CHECK(q->targets[4].expr->type == MakeType(TypeId::kNumeric));
  // GROUP BY an output alias; ORDER BY the aggregate; HAVING.
  CHECK(BindText("select o_custkey k, count(*) n from orders group by k having count(*) > 1 "
                 "order by n desc") ==
        "SELECT orders.o_custkey AS k, count(*) AS n FROM orders GROUP BY orders.o_custkey "
        "HAVING (count(*) > 1) ORDER BY count(*) DESC");
  // Grouping by an expression that is not in the select list adds a junk target.
  CHECK(BindText("select count(*) from orders group by o_orderdate + 1") ==
        "SELECT count(*) AS count, (orders.o_orderdate + 1) AS ?column? (junk) FROM orders "
        "GROUP BY (orders.o_orderdate + 1)");
  // A grouped primary key makes the table's other columns functionally dependent.
  CHECK(BindText("select o_orderkey, o_comment from orders group by o_orderkey") ==
        "SELECT orders.o_orderkey AS o_orderkey, orders.o_comment AS o_comment FROM orders "
        "GROUP BY orders.o_orderkey");
  CHECK(BindText("select count(distinct o_custkey) filter (where o_orderkey > 1) from orders") ==
        "SELECT count(DISTINCT orders.o_custkey) FILTER (WHERE (orders.o_orderkey > 1)) AS count "
        "FROM orders");
}

TEST_CASE("grouping and aggregate errors") {
  CHECK(BindText("select o_custkey, count(*) from orders") ==
        "q.sql:1:8: error: column \"orders.o_custkey\" must appear in the GROUP BY clause or be "
        "used in an aggregate function\n"
        " 1 | select o_custkey, count(*) from orders\n"
        "   |        ^\n");
  CHECK(ErrorLine("select 1 from orders where count(*) > 1") ==
        "q.sql:1:28: error: aggregate functions are not allowed in WHERE");
  CHECK(ErrorLine("select sum(count(*)) from orders") ==
        "q.sql:1:12: error: aggregate function calls cannot be nested");
  CHECK(ErrorLine("select o_custkey from orders having 1 > 0") ==
        "q.sql:1:8: error: column \"orders.o_custkey\" must appear in the GROUP BY clause or be "
        "used in an aggregate function");
  auto having_only = BindOk("select 1 from orders having 1 > 0");
  REQUIRE(having_only.get() != nullptr);
  CHECK_FALSE(having_only->has_aggs);
  CHECK(ErrorLine("select row_number() from orders") ==
        "q.sql:1:8: error: window function row_number requires an OVER clause");
  CHECK(ErrorLine("select o_custkey from orders order by 3") ==
        "q.sql:1:39: error: ORDER BY position 3 is not in select list");
}

TEST_CASE("window functions share identical windows; WINDOW clauses are numbered first") {
  auto q = BindOk(
      "select rank() over (partition by o_custkey order by o_totalprice desc), "
      "sum(o_totalprice) over (partition by o_custkey order by o_totalprice desc), "
      "lag(o_orderdate, 1) over w from orders window w as (order by o_orderdate)");
  REQUIRE(q.get() != nullptr);
  CHECK(q->has_window_funcs);
  REQUIRE(q->windows.size() == 2);
  CHECK(q->windows[0].name == "w");
  CHECK(q->targets[0].expr->win_ref == 2);
  CHECK(q->targets[1].expr->win_ref == 2);
  CHECK(q->targets[2].expr->win_ref == 1);
  CHECK(q->targets[0].expr->type == MakeType(TypeId::kInt8));
  CHECK(q->targets[2].expr->type == MakeType(TypeId::kDate));
  REQUIRE(q->windows[1].partition.size() == 1);
  CHECK(q->windows[1].order[0].descending);
  CHECK(q->windows[1].order[0].nulls_first);
  CHECK(ErrorLine("select 1 from orders where row_number() over () > 1") ==
        "q.sql:1:28: error: window functions are not allowed in WHERE");
}

TEST_CASE("ORDER BY, DISTINCT, DISTINCT ON, LIMIT, FETCH WITH TIES, FOR UPDATE") {
  CHECK(BindText("select o_custkey as c from orders order by c, o_orderdate desc nulls last "
                 "limit 10 offset 5") ==
        "SELECT orders.o_custkey AS c, orders.o_orderdate AS o_orderdate (junk) FROM orders "
        "ORDER BY orders.o_custkey, orders.o_orderdate DESC NULLS LAST LIMIT (10)::bigint "
        "OFFSET (5)::bigint");
  CHECK(BindText("select distinct o_custkey, o_orderstatus from orders order by o_orderstatus") ==
        "SELECT orders.o_custkey AS o_custkey, orders.o_orderstatus AS o_orderstatus FROM orders "
        "DISTINCT orders.o_orderstatus, orders.o_custkey ORDER BY orders.o_orderstatus");
  CHECK(BindText("select distinct on (o_custkey) o_custkey, o_orderdate from orders order by "
                 "o_custkey, o_orderdate desc") ==
        "SELECT orders.o_custkey AS o_custkey, orders.o_orderdate AS o_orderdate FROM orders "
        "DISTINCT ON orders.o_custkey ORDER BY orders.o_custkey, orders.o_orderdate DESC");
  CHECK(ErrorLine("select distinct o_custkey from orders order by o_orderdate") ==
        "q.sql:1:1: error: for SELECT DISTINCT, ORDER BY expressions must appear in select list");
  auto q = BindOk(
      "select o_orderkey from orders order by o_totalprice fetch first 3 rows with "
      "ties for update");
  REQUIRE(q.get() != nullptr);
  CHECK(q->limit_with_ties);
  CHECK(q->has_for_update);
  CHECK(q->targets[1].resjunk);
}

TEST_CASE("sub-queries in expressions: EXISTS, IN, ANY/ALL, scalar") {
  CHECK(BindText("select c_name from customer where c_custkey in (select o_custkey from orders)") ==
        "SELECT customer.c_name AS c_name FROM customer WHERE ((customer.c_custkey = $exec1) ANY "
        "(SELECT orders.o_custkey AS o_custkey FROM orders))");
  CHECK(BindText("select (select max(o_totalprice) from orders where o_custkey = c_custkey) m "
                 "from customer") ==
        "SELECT (SELECT max(orders.o_totalprice) AS max FROM orders WHERE (orders.o_custkey = "
        "$1.c_custkey^1)) AS m FROM customer");
  auto q = BindOk(
      "select 1 from customer where c_acctbal > all (select o_totalprice from "
      "orders) and not exists (select 1 from orders where o_custkey = c_custkey)");
  REQUIRE(q.get() != nullptr);
  CHECK(q->has_sublinks);
  CHECK(q->jointree.quals->args[0]->sublink_type == SubLinkType::kAll);
  CHECK(q->jointree.quals->args[1]->kind == BoundKind::kNot);
  CHECK(ErrorLine("select (select o_orderkey, o_custkey from orders)") ==
        "q.sql:1:8: error: subquery must return only one column");
}

TEST_CASE("set operations: a tree over subquery leaves, with resolved column types") {
  CHECK(BindText("select o_orderkey from orders union select c_custkey from customer order by 1") ==
        "SELECT *SELECT* 1.o_orderkey AS o_orderkey FROM ((SELECT orders.o_orderkey AS o_orderkey "
        "FROM orders) UNION (SELECT customer.c_custkey AS c_custkey FROM customer)) ORDER BY "
        "*SELECT* 1.o_orderkey");
  auto q = BindOk(
      "select o_orderkey from orders intersect all select id from events except "
      "select 1.5");
  REQUIRE(q.get() != nullptr);
  REQUIRE(q->set_operations != nullptr);
  CHECK(q->set_operations->op == SetOpKind::kExcept);
  CHECK(q->set_operations->left->op == SetOpKind::kIntersect);
  CHECK(q->set_operations->left->all);
  CHECK(q->set_operations->left->column_types[0] == MakeType(TypeId::kInt8));
  CHECK(q->set_operations->column_types[0] == MakeType(TypeId::kNumeric));
  CHECK(q->rtable.size() == 3);
  CHECK(q->rtable[2].alias == "*SELECT* 3");
  CHECK(BindText("select o_orderkey from orders union select o_custkey from orders order by "
                 "o_orderkey + 1") ==
        "q.sql:1:75: error: invalid UNION/INTERSECT/EXCEPT ORDER BY clause\n"
        " 1 | select o_orderkey from orders union select o_custkey from orders order by "
        "o_orderkey + 1\n"
        "   |                                                                           ^\n"
        "hint: Only result column names can be used, not expressions or functions.\n");
  CHECK(ErrorLine("select 1, 2 union select 1") ==
        "q.sql:1:1: error: each UNION query must have the same number of columns");
  CHECK(ErrorLine("select 1 union select 'a'::text") ==
        "q.sql:1:1: error: UNION types integer and text cannot be matched");
}

TEST_CASE("INSERT, UPDATE, DELETE and RETURNING") {
  auto ins = BindOk("insert into events (id, kind) values (1, 'a') returning id");
  REQUIRE(ins.get() != nullptr);
  CHECK(ins->command == CommandType::kInsert);
  CHECK(ins->result_relation == 1);
  CHECK(BindText("insert into events (id) values (1)") ==
        "INSERT (1)::bigint AS id, 'none'::text AS kind, NULL::jsonb AS payload, NULL::text[] "
        "AS tags, NULL::double precision AS score, NULL::boolean AS flag");
  CHECK(BindText("insert into customer select o_custkey, o_comment from orders") ==
        "INSERT *SELECT*.o_custkey AS c_custkey, *SELECT*.o_comment AS c_name, NULL::bpchar AS "
        "c_mktsegment, NULL::numeric AS c_acctbal FROM *SELECT*");
  auto conflict = BindOk("insert into events (id) values (1) on conflict (id) do nothing");
  REQUIRE(conflict.get() != nullptr);
  REQUIRE(conflict->on_conflict.has_value());
  CHECK(conflict->on_conflict->arbiter_columns == std::vector<std::string>{"id"});
  CHECK(ErrorLine("insert into events (id) values ('x'::text)") ==
        "q.sql:1:33: error: column \"id\" is of type bigint but expression is of type text");
  CHECK(ErrorLine("insert into events (nope) values (1)") ==
        "q.sql:1:13: error: column \"nope\" of relation \"events\" does not exist");
  CHECK(BindText("update orders o set o_totalprice = o_totalprice * 1.1 from customer c where "
                 "o.o_custkey = c.c_custkey and c_name = $1 returning o_orderkey") ==
        "UPDATE (o.o_totalprice * 1.1) AS o_totalprice FROM o, c WHERE ((o.o_custkey = "
        "c.c_custkey) AND ((c.c_name)::text = $1)) RETURNING o.o_orderkey");
  CHECK(BindText("delete from orders using customer where o_custkey = c_custkey") ==
        "DELETE FROM orders, customer WHERE (orders.o_custkey = customer.c_custkey)");
  auto upsert = BindOk(
      "insert into events as e (id, kind) values (1, 'a') on conflict (id) do "
      "update set kind = excluded.kind || e.kind where e.flag");
  REQUIRE(upsert.get() != nullptr);
  REQUIRE(upsert->on_conflict.has_value());
  CHECK(upsert->on_conflict->action == OnConflict::Action::kUpdate);
  CHECK(upsert->on_conflict->exclusion_rtindex == 2);
  REQUIRE(upsert->on_conflict->set.size() == 1);
  CHECK(upsert->on_conflict->set[0].resno == 2);
  CHECK(DebugString(*upsert->on_conflict->set[0].expr, upsert.get()) ==
        "(excluded.kind || e.kind)");
  CHECK(DebugString(*upsert->on_conflict->where, upsert.get()) == "e.flag");
  CHECK(ErrorLine("insert into events (id) values (1) on conflict do update set kind = 'x'") ==
        "q.sql:1:36: error: ON CONFLICT DO UPDATE requires inference specification or "
        "constraint name");
}

}  // namespace dbopt::bind
