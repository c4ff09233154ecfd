#include <doctest/doctest.h>

#include <string>

#include "bind_test_util.h"

namespace dbopt::bind {
using testing::BindOk;
using testing::BindText;
using testing::ErrorLine;

namespace {
// The bound WHERE clause of `select 1 from <from> where <cond>`.
std::string Where(const std::string& cond, const std::string& from = "orders") {
  auto q = BindOk("select 1 from " + from + " where " + cond);
  if (!q || !q->jointree.quals)
    return "<error: " + BindText("select 1 from " + from + " where " + cond) + ">";
  return DebugString(*q->jointree.quals, q.get());
}
// The type and text of the single target of `select <expr> from <from>`.
std::string Target(const std::string& expr, const std::string& from = "orders") {
  auto q = BindOk("select " + expr + " from " + from);
  if (!q) return "<error: " + BindText("select " + expr + " from " + from) + ">";
  return FormatType(q->targets[0].expr->type) + ": " + DebugString(*q->targets[0].expr, q.get()) +
         " AS " + q->targets[0].name;
}
}  // namespace

TEST_CASE("integer literals keep cross-type operators; numerics promote the column") {
  CHECK(Where("o_orderkey = 5") == "(orders.o_orderkey = 5)");
  CHECK(Where("o_orderkey = 3000000000") == "(orders.o_orderkey = '3000000000'::bigint)");
  CHECK(Where("o_orderkey = 5.0") == "((orders.o_orderkey)::numeric = 5.0)");
  CHECK(Where("o_orderkey = 99999999999999999999") ==
        "((orders.o_orderkey)::numeric = '99999999999999999999'::numeric)");
  CHECK(Where("o_totalprice > 100") == "(orders.o_totalprice > (100)::numeric)");
  CHECK(Where("score > 1", "events") == "(events.score > (1)::double precision)");
  CHECK(Target("o_orderkey + 1") == "integer: (orders.o_orderkey + 1) AS ?column?");
  CHECK(Target("o_orderkey::bigint * 2") ==
        "bigint: ((orders.o_orderkey)::bigint * 2) AS ?column?");
  CHECK(Target("o_totalprice * 0.5") == "numeric: (orders.o_totalprice * 0.5) AS ?column?");
  CHECK(Target("-o_orderkey") == "integer: (- orders.o_orderkey) AS ?column?");
}

TEST_CASE("untyped literals take the other operand's type") {
  CHECK(Where("o_orderdate >= '1995-01-01'") == "(orders.o_orderdate >= '1995-01-01'::date)");
  CHECK(Where("o_orderstatus = 'F'") == "(orders.o_orderstatus = 'F'::bpchar)");
  CHECK(Where("o_comment = 'x'") == "((orders.o_comment)::text = 'x'::text)");
  CHECK(Where("o_orderkey = '7'") == "(orders.o_orderkey = 7)");
  CHECK(Where("o_orderdate < date '1995-03-15'") == "(orders.o_orderdate < '1995-03-15'::date)");
  CHECK(Where("l_created >= date '1995-03-15'", "lineitem") ==
        "(lineitem.l_created >= '1995-03-15'::date)");
  CHECK(Where("o_orderkey = $1") == "(orders.o_orderkey = $1)");
  auto q = BindOk("select 1 from orders where o_orderdate = $1");
  REQUIRE(q.get() != nullptr);
  CHECK(q->jointree.quals->args[1]->type == MakeType(TypeId::kDate));
}

TEST_CASE("LIKE, regular expressions and string concatenation") {
  CHECK(Where("o_comment like '%special%'") == "((orders.o_comment)::text ~~ '%special%'::text)");
  CHECK(Where("o_orderstatus not like 'F%'") == "(orders.o_orderstatus !~~ 'F%'::text)");
  CHECK(Where("kind ilike 'a%'", "events") == "(events.kind ~~* 'a%'::text)");
  CHECK(Where("kind ~ '^a'", "events") == "(events.kind ~ '^a'::text)");
  CHECK(Target("c_name || '!'", "customer") ==
        "text: ((customer.c_name)::text || '!'::text) AS ?column?");
  CHECK(Target("kind || id", "events") == "text: (events.kind || events.id) AS ?column?");
}

TEST_CASE("BETWEEN, IN lists, ANY/ALL and NOT IN") {
  CHECK(Where("o_orderdate between '1994-01-01' and '1994-12-31'") ==
        "((orders.o_orderdate >= '1994-01-01'::date) AND (orders.o_orderdate <= "
        "'1994-12-31'::date))");
  CHECK(Where("o_orderkey not between 1 and 2") ==
        "((orders.o_orderkey < 1) OR (orders.o_orderkey > 2))");
  CHECK(Where("o_orderkey in (1, 2, 3)") == "(orders.o_orderkey = ANY ('{1,2,3}'::integer[]))");
  CHECK(Where("o_orderstatus not in ('F', 'O')") ==
        "(orders.o_orderstatus <> ALL ('{F,O}'::bpchar[]))");
  CHECK(Where("o_comment in ('a b', 'c')") ==
        "((orders.o_comment)::text = ANY ('{\"a b\",c}'::text[]))");
  CHECK(Where("o_orderkey in (1, o_custkey)") ==
        "((orders.o_orderkey = 1) OR (orders.o_orderkey = orders.o_custkey))");
  CHECK(Where("o_orderkey in (7)") == "(orders.o_orderkey = 7)");
  CHECK(Where("o_totalprice in (1, 2.5)") == "(orders.o_totalprice = ANY ('{1,2.5}'::numeric[]))");
  CHECK(Where("o_orderkey in ($1, $2)") == "(orders.o_orderkey = ANY (ARRAY[$1, $2]))");
  CHECK(Where("o_orderkey not in (1, 2, o_custkey)") ==
        "((orders.o_orderkey <> ALL ('{1,2}'::integer[])) AND (orders.o_orderkey <> "
        "orders.o_custkey))");
  CHECK(Where("o_orderkey = any('{1,2}')") == "(orders.o_orderkey = ANY ('{1,2}'::integer[]))");
  CHECK(Where("'x' = any(tags)", "events") == "('x'::text = ANY (events.tags))");
}

TEST_CASE("NULL tests, boolean tests, DISTINCT FROM, CASE, COALESCE, NULLIF, GREATEST") {
  CHECK(Where("o_comment is null") == "(orders.o_comment IS NULL)");
  CHECK(Where("flag is not true", "events") == "(events.flag IS NOT TRUE)");
  CHECK(Where("flag", "events") == "events.flag");
  CHECK(Where("not flag", "events") == "NOT events.flag");
  CHECK(Where("o_orderkey is distinct from o_custkey") ==
        "(orders.o_orderkey IS DISTINCT FROM orders.o_custkey)");
  CHECK(Where("o_orderkey is not distinct from 1") == "NOT (orders.o_orderkey IS DISTINCT FROM 1)");
  CHECK(Target("case when o_orderkey > 1 then 'a' else 'b' end") ==
        "text: CASE WHEN (orders.o_orderkey > 1) THEN 'a'::text ELSE 'b'::text END AS case");
  CHECK(Target("case o_orderstatus when 'F' then 1 when 'O' then 2.5 end") ==
        "numeric: CASE orders.o_orderstatus WHEN 'F'::bpchar THEN (1)::numeric WHEN 'O'::bpchar "
        "THEN 2.5 END AS case");
  CHECK(Target("coalesce(o_totalprice, 0)") ==
        "numeric: COALESCE(orders.o_totalprice, (0)::numeric) AS coalesce");
  CHECK(Target("nullif(o_orderkey, 0)") == "integer: NULLIF(orders.o_orderkey, 0) AS nullif");
  CHECK(Target("greatest(o_orderkey, o_custkey::bigint)") ==
        "bigint: GREATEST((orders.o_orderkey)::bigint, (orders.o_custkey)::bigint) AS greatest");
  CHECK(ErrorLine("select case when true then 1 else 'x'::text end") ==
        "q.sql:1:35: error: CASE types integer and text cannot be matched");
}

TEST_CASE("casts, typed literals, date arithmetic and EXTRACT") {
  CHECK(Target("o_orderkey::text") == "text: (orders.o_orderkey)::text AS o_orderkey");
  CHECK(Target("cast(o_totalprice as integer)") ==
        "integer: (orders.o_totalprice)::integer AS o_totalprice");
  CHECK(Target("'5'::numeric(10,2)") == "numeric(10,2): ('5'::numeric)::numeric(10,2) AS numeric");
  CHECK(Target("date '1995-01-01'") == "date: '1995-01-01'::date AS date");
  CHECK(Target("o_orderdate + 1") == "date: (orders.o_orderdate + 1) AS ?column?");
  CHECK(Target("o_orderdate - o_orderdate") ==
        "integer: (orders.o_orderdate - orders.o_orderdate) AS ?column?");
  CHECK(Target("o_orderdate + interval '1 month'") ==
        "timestamp without time zone: (orders.o_orderdate + '1 mon'::interval) AS ?column?");
  CHECK(Target("date '1998-12-01' - interval '90' day") ==
        "timestamp without time zone: ('1998-12-01'::date - '90 days'::interval) AS ?column?");
  CHECK(Target("extract(year from o_orderdate)") ==
        "numeric: extract('year'::text, orders.o_orderdate) AS extract");
  CHECK(Target("now()") == "timestamp with time zone: now() AS now");
  CHECK(Target("current_date") == "date: CURRENT_DATE AS current_date");
  CHECK(Target("true") == "boolean: true AS bool");
}

TEST_CASE("functions: argument coercion, result types and volatility") {
  CHECK(Target("lower(c_name)", "customer") == "text: lower((customer.c_name)::text) AS lower");
  CHECK(Target("length(c_mktsegment)", "customer") ==
        "integer: length((customer.c_mktsegment)::text) AS length");
  CHECK(Target("substring(kind from 1 for 2)", "events") ==
        "text: substring(events.kind, 1, 2) AS substring");
  CHECK(Target("round(o_totalprice, 1)") == "numeric: round(orders.o_totalprice, 1) AS round");
  CHECK(Target("abs(o_orderkey)") == "integer: abs(orders.o_orderkey) AS abs");
  CHECK(Target("date_trunc('month', l_created)", "lineitem") ==
        "timestamp without time zone: date_trunc('month'::text, lineitem.l_created) AS date_trunc");
  auto q = BindOk("select random(), now(), lower('a') from orders");
  REQUIRE(q.get() != nullptr);
  CHECK(q->targets[0].expr->volatility == Volatility::kVolatile);
  CHECK(q->targets[1].expr->volatility == Volatility::kStable);
  CHECK(q->targets[2].expr->volatility == Volatility::kImmutable);
  CHECK(ContainsVolatile(*q->targets[0].expr));
  CHECK(BindText("select foo(o_orderkey, 'a') from orders") ==
        "q.sql:1:8: error: function foo(integer, unknown) does not exist\n"
        " 1 | select foo(o_orderkey, 'a') from orders\n"
        "   |        ^\n"
        "hint: No function matches the given name and argument types. You might need to add "
        "explicit type casts.\n");
  CHECK(ErrorLine("select o_orderkey + 'abc'::text from orders") ==
        "q.sql:1:19: error: operator does not exist: integer + text");
  CHECK(ErrorLine("select 1 from orders where o_orderkey") ==
        "q.sql:1:28: error: argument of WHERE must be type boolean, not type integer");
}

TEST_CASE("jsonb and array operators") {
  CHECK(Where("payload @> '{\"a\": 1}'", "events") == "(events.payload @> '{\"a\": 1}'::jsonb)");
  CHECK(Target("payload ->> 'k'", "events") == "text: (events.payload ->> 'k'::text) AS ?column?");
  CHECK(Where("tags && array['a','b']", "events") ==
        "(events.tags && ARRAY['a'::text, 'b'::text])");
}

TEST_CASE("unsupported constructs are reported with their location") {
  CHECK(ErrorLine("select 1 from orders where o_comment similar to 'a%'") ==
        "q.sql:1:38: error: not supported: SIMILAR TO");
  CHECK(ErrorLine("select o_custkey from orders group by rollup (o_custkey)") ==
        "q.sql:1:39: error: not supported: GROUPING SETS, ROLLUP and CUBE");
  CHECK(ErrorLine("select (tags)[1] from events") ==
        "q.sql:1:9: error: not supported: subscripts and field selection");
  CHECK(ErrorLine("select 1 from orders where (o_orderkey, o_custkey) = (1, 2)") ==
        "q.sql:1:52: error: not supported: row comparisons");
}

}  // namespace dbopt::bind
