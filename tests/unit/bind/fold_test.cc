#include "dbopt/bind/fold.h"

#include <doctest/doctest.h>

#include <string>

#include "bind_test_util.h"

namespace dbopt::bind {
namespace {

// The folded WHERE clause of `select 1 from <from> where <cond>`.
std::string FoldedWhere(const std::string& cond, const std::string& from = "lineitem") {
  auto q = testing::BindOk("select 1 from " + from + " where " + cond);
  if (!q) return "<error: " + testing::BindText("select 1 from " + from + " where " + cond) + ">";
  FoldConstants(*q);
  return DebugString(*q->jointree.quals, q.get());
}

std::string Folded(const std::string& expr) {
  auto q = testing::BindOk("select " + expr);
  if (!q) return "<error: " + testing::BindText("select " + expr) + ">";
  FoldConstants(*q);
  return DebugString(*q->targets[0].expr, q.get());
}

}  // namespace

TEST_CASE("numeric, integer and float arithmetic over constants") {
  CHECK(Folded("0.06 - 0.01") == "0.05");
  CHECK(Folded("0.06 + 0.01") == "0.07");
  CHECK(Folded("24 * 0.01") == "0.24");
  CHECK(Folded("1.5 * 1.5") == "2.25");
  CHECK(Folded("2 + 3 * 4") == "14");
  CHECK(Folded("7 / 2") == "3");
  CHECK(Folded("-7 % 3") == "'-1'::integer");
  CHECK(Folded("2147483647 + 1") == "(2147483647 + 1)");  // overflow: PostgreSQL raises
  CHECK(Folded("1.0 / 3") == "(1.0 / '3'::numeric)");     // division scale: left alone
  CHECK(Folded("-(5.5)") == "'-5.5'::numeric");
  CHECK(Folded("1.5::float8 * 2") == "'3'::double precision");
  CHECK(Folded("100::numeric") == "'100'::numeric");
  CHECK(Folded("'12.50'::numeric(10,2)") == "12.50");
  CHECK(Folded("'5'::numeric(10,2)") == "5.00");
  CHECK(Folded("2.5::integer") == "3");
}

TEST_CASE("dates, timestamps and intervals") {
  CHECK(Folded("date '1998-12-01' - interval '90' day") ==
        "'1998-09-02 00:00:00'::timestamp without time zone");
  CHECK(Folded("date '1994-01-01' + interval '1' year") ==
        "'1995-01-01 00:00:00'::timestamp without time zone");
  CHECK(Folded("date '1995-01-31' + interval '1 month'") ==
        "'1995-02-28 00:00:00'::timestamp without time zone");
  CHECK(Folded("date '1995-03-15' + 10") == "'1995-03-25'::date");
  CHECK(Folded("date '1995-03-01' - 1") == "'1995-02-28'::date");
  CHECK(Folded("date '1996-03-01' - date '1996-02-01'") == "29");
  CHECK(Folded("timestamp '1995-01-01 10:00' + interval '90 minutes'") ==
        "'1995-01-01 11:30:00'::timestamp without time zone");
  CHECK(Folded("interval '3 month'") == "'3 mons'::interval");
  CHECK(Folded("interval '90' day") == "'90 days'::interval");
  CHECK(Folded("interval '1 year 2 months 3 days 04:05:06'") ==
        "'1 year 2 mons 3 days 04:05:06'::interval");
  CHECK(Folded("'1995-1-5'::date") == "'1995-01-05'::date");
  CHECK(Folded("interval '1 day ago'") == "'-1 days'::interval");
  CHECK(Folded("interval '-1 hour'") == "'-01:00:00'::interval");
  CHECK(Folded("now() + interval '1 day'") == "(now() + '1 day'::interval)");
  CHECK(FoldedWhere("l_shipdate <= date '1998-12-01' - interval '90' day") ==
        "(lineitem.l_shipdate <= '1998-09-02 00:00:00'::timestamp without time zone)");
  CHECK(FoldedWhere("l_created >= '1995-01-01'") ==
        "(lineitem.l_created >= '1995-01-01 00:00:00'::timestamp without time zone)");
}

TEST_CASE("boolean simplification, flattening and NOT pushdown") {
  CHECK(FoldedWhere("l_quantity < 24 and true") == "(lineitem.l_quantity < '24'::numeric)");
  CHECK(FoldedWhere("l_quantity < 24 and false") == "false");
  CHECK(FoldedWhere("l_quantity < 24 or true") == "true");
  CHECK(FoldedWhere("(l_orderkey = 1 and l_orderkey = 2) and (l_orderkey = 3 and 1 = 1)") ==
        "((lineitem.l_orderkey = 1) AND (lineitem.l_orderkey = 2) AND (lineitem.l_orderkey = 3))");
  CHECK(FoldedWhere("not (l_orderkey < 5)") == "(lineitem.l_orderkey >= 5)");
  CHECK(FoldedWhere("not (l_shipmode like 'A%')") == "(lineitem.l_shipmode !~~ 'A%'::text)");
  CHECK(FoldedWhere("not (l_orderkey = 1 or l_shipdate is null)") ==
        "((lineitem.l_orderkey <> 1) AND (lineitem.l_shipdate IS NOT NULL))");
  CHECK(FoldedWhere("not (l_orderkey in (1, 2))") ==
        "(lineitem.l_orderkey <> ALL ('{1,2}'::integer[]))");
  CHECK(FoldedWhere("not not (l_orderkey = 1)") == "(lineitem.l_orderkey = 1)");
  CHECK(FoldedWhere("l_orderkey = null") == "NULL::boolean");
  CHECK(FoldedWhere("l_discount between 0.06 - 0.01 and 0.06 + 0.01") ==
        "((lineitem.l_discount >= 0.05) AND (lineitem.l_discount <= 0.07))");
  CHECK(FoldedWhere("kind = any(array['a', 'b c'])", "events") ==
        "(events.kind = ANY ('{a,\"b c\"}'::text[]))");
  CHECK(FoldedWhere("random() < 0.5") == "(random() < '0.5'::double precision)");
}

}  // namespace dbopt::bind
