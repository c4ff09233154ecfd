// Expressions: every construct family becomes the right node, and ToSql prints it back.
#include <doctest/doctest.h>

#include "dbopt/sql/type_name.h"
#include "sql_test_util.h"

namespace dbopt::sql {
namespace {

using testing::ExprSql;
using testing::ParseExpr;

TEST_CASE("literals keep their kind and text") {
  struct Case {
    const char* sql;
    ConstKind kind;
    const char* text;
  };
  const Case cases[] = {
      {"42", ConstKind::kInteger, "42"},
      {"-7", ConstKind::kInteger, "-7"},
      {"10000000000", ConstKind::kInteger, "10000000000"},
      {"1.50", ConstKind::kNumeric, "1.50"},
      {"1e10", ConstKind::kNumeric, "1e10"},
      {"'it''s'", ConstKind::kString, "it's"},
      {"E'a\\nb'", ConstKind::kString, "a\nb"},
      {"true", ConstKind::kBool, "true"},
      {"NULL", ConstKind::kNull, "NULL"},
      {"B'1010'", ConstKind::kBitString, "b1010"},
      {"X'1F'", ConstKind::kBitString, "x1F"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sql);
    auto p = ParseExpr(c.sql);
    CHECK(p.expr().kind == ExprKind::kConst);
    CHECK(p.expr().const_kind == c.kind);
    CHECK(p.expr().text == c.text);
  }
  CHECK(ExprSql("'it''s'") == "'it''s'");
  CHECK(ExprSql("X'1F'") == "X'1F'");
}

TEST_CASE("typed literals are casts of a string") {
  auto p = ParseExpr("date '2020-01-01'");
  REQUIRE(p.expr().kind == ExprKind::kCast);
  CHECK(p.expr().children[0]->text == "2020-01-01");
  CHECK(FormatType(*p.expr().type) == "date");
  CHECK(ExprSql("interval '1 day'") == "'1 day'::interval");
  CHECK(ExprSql("timestamptz '2020-01-01'") == "'2020-01-01'::timestamp with time zone");
}

TEST_CASE("casts and type names with typmods") {
  CHECK(ExprSql("a::int") == "a::integer");
  CHECK(ExprSql("CAST(b AS varchar(20))") == "b::character varying(20)");
  CHECK(ExprSql("c::numeric(10,2)") == "c::numeric(10,2)");
  CHECK(ExprSql("d::int[]") == "d::integer[]");
  CHECK(ExprSql("e::timestamp(3) with time zone") == "e::timestamp(3) with time zone");
  CHECK(ExprSql("f::interval day to second") == "f::interval day to second");
  CHECK(ExprSql("g::char(3)") == "g::character(3)");
  CHECK(ExprSql("(-1)::bigint") == "(-1)::bigint");
  CHECK(ExprSql("h::public.\"My Type\"") == "h::public.\"My Type\"");
}

TEST_CASE("operators, qualified operators and boolean logic") {
  auto p = ParseExpr("a + b * 2");
  CHECK(p.expr().kind == ExprKind::kOperator);
  CHECK(p.expr().text == "+");
  CHECK(p.expr().children[1]->text == "*");
  CHECK(ExprSql("a + b * 2") == "(a + (b * 2))");
  CHECK(ExprSql("-a") == "(- a)");
  auto q = ParseExpr("a OPERATOR(pg_catalog.=) b");
  CHECK(q.expr().text == "=");
  CHECK(q.expr().names == std::vector<std::string>{"pg_catalog"});
  CHECK(ExprSql("a OPERATOR(pg_catalog.=) b") == "(a OPERATOR(pg_catalog.=) b)");
  auto r = ParseExpr("a AND b AND c OR NOT d");
  CHECK(r.expr().kind == ExprKind::kOr);
  CHECK(r.expr().children[0]->kind == ExprKind::kAnd);
  CHECK(r.expr().children[0]->children.size() == 3);  // PostgreSQL flattens AND chains
  CHECK(ExprSql("a AND b AND c OR NOT d") == "((a AND b AND c) OR (NOT d))");
  CHECK(ExprSql("d ~ '^a' AND e ~* 'b' AND f !~ 'c'") ==
        "((d ~ '^a') AND (e ~* 'b') AND (f !~ 'c'))");
}

TEST_CASE("function calls: aggregates, DISTINCT, ORDER BY, FILTER, OVER, count(*)") {
  auto p = ParseExpr("count(*)");
  CHECK(p.expr().kind == ExprKind::kFuncCall);
  CHECK(p.expr().func->star);
  CHECK(ExprSql("count(*)") == "count(*)");
  CHECK(ExprSql("count(DISTINCT a)") == "count(DISTINCT a)");
  CHECK(ExprSql("string_agg(b, ',' ORDER BY b DESC)") == "string_agg(b, ',' ORDER BY b DESC)");
  CHECK(ExprSql("count(*) FILTER (WHERE c > 0)") == "count(*) FILTER (WHERE (c > 0))");
  CHECK(ExprSql("percentile_cont(0.5) WITHIN GROUP (ORDER BY d)") ==
        "percentile_cont(0.5) WITHIN GROUP (ORDER BY d)");
  CHECK(
      ExprSql("sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)") ==
      "sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)");
  CHECK(ExprSql("rank() OVER w") == "rank() OVER w");
  CHECK(ExprSql("f(a => 1, VARIADIC ARRAY[2])") == "f(a => 1, VARIADIC ARRAY[2])");
  CHECK(ExprSql("pg_catalog.lower(x)") == "pg_catalog.lower(x)");
  auto w =
      ParseExpr("avg(x) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING EXCLUDE GROUP)");
  const WindowDef& over = *w.expr().func->over;
  CHECK(over.refname == "w");
  CHECK(over.frame.mode == FrameMode::kRange);
  CHECK(over.frame.start.kind == FrameBoundKind::kUnboundedPreceding);
  CHECK(over.frame.end.kind == FrameBoundKind::kFollowing);
  CHECK(over.frame.end.offset->text == "2");
  CHECK(over.frame.exclusion == FrameExclusion::kGroup);
}

TEST_CASE("SQL-syntax functions print as valid calls") {
  auto p = ParseExpr("extract(year FROM d)");
  CHECK(p.expr().func->sql_syntax);
  CHECK(ExprSql("extract(year FROM d)") == "EXTRACT(year FROM d)");
  CHECK(ExprSql("d AT TIME ZONE 'UTC'") == "(d AT TIME ZONE 'UTC')");
  CHECK(ExprSql("substring(s FROM 1 FOR 2)") == "SUBSTRING(s FROM 1 FOR 2)");
  CHECK(ExprSql("trim(both ' ' FROM s)") == "TRIM(BOTH ' ' FROM s)");
  CHECK(ExprSql("position('a' IN s)") == "POSITION('a' IN s)");
  CHECK(ExprSql("overlay(s placing 'x' from 1)") == "OVERLAY(s PLACING 'x' FROM 1)");
  CHECK(ExprSql("pg_catalog.extract('year', d)") ==
        "pg_catalog.extract('year', d)");  // a plain call
  CHECK(ExprSql("CURRENT_TIMESTAMP(3)") == "CURRENT_TIMESTAMP(3)");
  CHECK(ExprSql("CURRENT_DATE") == "CURRENT_DATE");
}

TEST_CASE("CASE, COALESCE, NULLIF, GREATEST, LEAST") {
  auto p = ParseExpr("CASE a WHEN 1 THEN 'one' ELSE 'other' END");
  CHECK(p.expr().kind == ExprKind::kCase);
  CHECK(p.expr().has_case_arg);
  CHECK(p.expr().has_else);
  CHECK(p.expr().children.size() == 4);
  CHECK(ExprSql("CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' END") ==
        "CASE WHEN (a > 0) THEN 'p' WHEN (a < 0) THEN 'n' END");
  CHECK(ExprSql("COALESCE(a, b, 0)") == "COALESCE(a, b, 0)");
  CHECK(ExprSql("NULLIF(a, b)") == "NULLIF(a, b)");
  CHECK(ParseExpr("GREATEST(a, b)").expr().kind == ExprKind::kGreatest);
  CHECK(ExprSql("LEAST(a, b)") == "LEAST(a, b)");
}

TEST_CASE("IN lists, ANY/ALL over arrays, BETWEEN") {
  auto p = ParseExpr("a NOT IN (1, 2, 3)");
  CHECK(p.expr().kind == ExprKind::kIn);
  CHECK(p.expr().negated);
  CHECK(p.expr().children.size() == 4);
  CHECK(ExprSql("a IN (1, 2)") == "(a IN (1, 2))");
  auto any = ParseExpr("c = ANY(ARRAY[1,2])");
  CHECK(any.expr().kind == ExprKind::kOpAny);
  CHECK(any.expr().children[1]->kind == ExprKind::kArray);
  CHECK(ExprSql("d <> ALL('{1,2}'::int[])") == "(d <> ALL ('{1,2}'::integer[]))");
  auto between = ParseExpr("b NOT BETWEEN SYMMETRIC 3 AND 1");
  CHECK(between.expr().kind == ExprKind::kBetween);
  CHECK(between.expr().negated);
  CHECK(between.expr().symmetric);
  CHECK(ExprSql("a BETWEEN 1 AND 2") == "(a BETWEEN 1 AND 2)");
}

TEST_CASE("LIKE, ILIKE and SIMILAR TO keep pattern and escape") {
  auto p = ParseExpr("b NOT ILIKE 'y%' ESCAPE '!'");
  CHECK(p.expr().kind == ExprKind::kILike);
  CHECK(p.expr().negated);
  REQUIRE(p.expr().children.size() == 3);
  CHECK(p.expr().children[2]->text == "!");
  CHECK(ExprSql("a LIKE 'x%'") == "(a LIKE 'x%')");
  CHECK(ExprSql("c SIMILAR TO 'z'") == "(c SIMILAR TO 'z')");
  CHECK(ExprSql("c NOT SIMILAR TO 'z' ESCAPE '#'") == "(c NOT SIMILAR TO 'z' ESCAPE '#')");
}

TEST_CASE("IS [NOT] NULL / TRUE / FALSE / UNKNOWN / DISTINCT FROM") {
  CHECK(ParseExpr("a IS NOT NULL").expr().negated);
  CHECK(ExprSql("a IS NULL") == "(a IS NULL)");
  CHECK(ParseExpr("a IS NOT FALSE").expr().bool_test == BoolTestKind::kIsNotFalse);
  CHECK(ExprSql("a IS UNKNOWN") == "(a IS UNKNOWN)");
  CHECK(ParseExpr("a IS NOT DISTINCT FROM b").expr().negated);
  CHECK(ExprSql("a IS DISTINCT FROM b") == "(a IS DISTINCT FROM b)");
}

TEST_CASE("subqueries: EXISTS, scalar, ARRAY, IN, ANY, ALL") {
  CHECK(ParseExpr("EXISTS (SELECT 1)").expr().subquery_kind == SubqueryKind::kExists);
  CHECK(ExprSql("(SELECT max(x) FROM u)") == "(SELECT max(x) FROM u)");
  CHECK(ExprSql("ARRAY(SELECT 1)") == "ARRAY(SELECT 1)");
  auto in = ParseExpr("a IN (SELECT b FROM u)");
  CHECK(in.expr().subquery_kind == SubqueryKind::kAny);
  CHECK(in.expr().text.empty());
  CHECK(ExprSql("a IN (SELECT b FROM u)") == "(a IN (SELECT b FROM u))");
  CHECK(ExprSql("a > ALL (SELECT b FROM u)") == "(a > ALL (SELECT b FROM u))");
  CHECK(ExprSql("a = ANY (SELECT b FROM u)") == "(a = ANY (SELECT b FROM u))");
}

TEST_CASE("arrays, rows, parameters, column references, subscripts, fields, collations") {
  CHECK(ExprSql("ARRAY[[1,2],[3,4]]") == "ARRAY[ARRAY[1, 2], ARRAY[3, 4]]");
  CHECK(ParseExpr("ROW(1, 2)").expr().explicit_row);
  CHECK_FALSE(ParseExpr("(1, 2)").expr().explicit_row);
  CHECK(ExprSql("(1, 2)") == "(1, 2)");
  CHECK(ParseExpr("$3").expr().param_number == 3);
  CHECK(ExprSql("$2::text") == "$2::text");
  CHECK(ParseExpr("s.t.c").expr().names == std::vector<std::string>{"s", "t", "c"});
  CHECK(ExprSql("t.*") == "t.*");
  CHECK(ExprSql("\"Quoted Col\"") == "\"Quoted Col\"");
  CHECK(ExprSql("\"select\"") == "\"select\"");
  auto sub = ParseExpr("arr[1:2]");
  CHECK(sub.expr().kind == ExprKind::kIndirection);
  CHECK(sub.expr().indirection[0].kind == IndirectionStep::Kind::kSlice);
  CHECK(ExprSql("arr[1]") == "arr[1]");
  CHECK(ExprSql("(comp).field") ==
        "comp.field");  // PostgreSQL's parser folds it into the column ref
  CHECK(ExprSql("(f(x)).field") == "(f(x)).field");
  CHECK(ExprSql("(f(x)).*") == "(f(x)).*");
  CHECK(ExprSql("a COLLATE \"C\"") == "(a COLLATE \"C\")");
  CHECK(ParseExpr("a COLLATE \"en_US\"").expr().names == std::vector<std::string>{"en_US"});
}

TEST_CASE("every node carries its byte location") {
  auto p = ParseExpr("a + lower(b)");
  CHECK(p.expr().location == 9);  // the operator, as PostgreSQL records it
  CHECK(p.expr().children[0]->location == 7);
  CHECK(p.expr().children[1]->location == 11);
  CHECK(p.expr().children[1]->children[0]->location == 17);
}

}  // namespace
}  // namespace dbopt::sql
