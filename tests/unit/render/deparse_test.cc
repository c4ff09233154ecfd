// Expected strings are PostgreSQL 15's EXPLAIN output for the same expressions (measured on
// a PostgreSQL 15 server; see docs/explain-output.md "How it was checked").
#include "dbopt/render/deparse.h"

#include <doctest/doctest.h>

#include "dbopt/catalog/identifier.h"
#include "plan_fixture.h"

namespace dbopt::render {
namespace {

using namespace fixture;  // NOLINT(google-build-using-namespace): test builders

struct Orders {
  catalog::Table table = NamedTable("orders");
  std::vector<bind::RangeTblEntry> rtable;
  Orders() { rtable.push_back(Rel(table, "orders", OrdersColumns())); }
  DeparseContext Context() const {
    DeparseContext c;
    c.rtable = &rtable;
    return c;
  }
};

std::string Show(const BoundExprPtr& e, const DeparseContext& context) {
  auto text = DeparseExpr(*e, context);
  REQUIRE(text.ok());
  return text.value();
}

BoundExprPtr Clerk() { return Col(1, 6, TypeId::kVarchar, "o_clerk"); }
bind::Type TextType() { return Ty(TypeId::kText); }

}  // namespace

TEST_SUITE("render deparse") {
  TEST_CASE("constants print as get_const_expr does") {
    Orders o;
    const auto c = o.Context();
    CHECK(Show(Op(">", Col(1, 8, TypeId::kInt8, "o_big"), Lit(TypeId::kInt4, "5")), c) ==
          "(o_big > 5)");
    CHECK(Show(Op(">", Col(1, 8, TypeId::kInt8, "o_big"), Lit(TypeId::kInt8, "5")), c) ==
          "(o_big > '5'::bigint)");
    CHECK(Show(Op("<>", Col(1, 2, TypeId::kInt4, "o_custkey"), Lit(TypeId::kInt4, "-3")), c) ==
          "(o_custkey <> '-3'::integer)");
    CHECK(Show(Op(">", Col(1, 4, TypeId::kNumeric, "o_totalprice"), Lit(TypeId::kNumeric, "2.5")),
               c) == "(o_totalprice > 2.5)");
    CHECK(Show(Op(">", Col(1, 4, TypeId::kNumeric, "o_totalprice"), Lit(TypeId::kNumeric, "-2.5")),
               c) == "(o_totalprice > '-2.5'::numeric)");
    CHECK(Show(Op(">", Col(1, 4, TypeId::kNumeric, "o_totalprice"), Lit(TypeId::kNumeric, "1000")),
               c) == "(o_totalprice > '1000'::numeric)");
    CHECK(Show(Op("=", Col(1, 3, TypeId::kBpchar, "o_orderstatus"), Lit(TypeId::kBpchar, "F")),
               c) == "(o_orderstatus = 'F'::bpchar)");
    CHECK(Show(Op("<", Col(1, 5, TypeId::kDate, "o_orderdate"), Lit(TypeId::kDate, "1995-01-01")),
               c) == "(o_orderdate < '1995-01-01'::date)");
    CHECK(Show(Op(">=", Col(1, 5, TypeId::kDate, "o_orderdate"),
                  Lit(TypeId::kTimestamp, "1994-12-01 00:00:00")),
               c) == "(o_orderdate >= '1994-12-01 00:00:00'::timestamp without time zone)");
    CHECK(Show(Lit(TypeId::kText, "it's"), c) == "'it''s'::text");
    CHECK(Show(Lit(TypeId::kBool, "t"), c) == "true");
    CHECK(Show(bind::MakeConst(Ty(TypeId::kInt4), "", true), c) == "NULL::integer");
  }

  TEST_CASE("implicit casts show under operators, not at the top") {
    Orders o;
    const auto c = o.Context();
    CHECK(Show(Op("=", Cast(Clerk(), TextType()), Lit(TypeId::kText, "Clerk#1")), c) ==
          "((o_clerk)::text = 'Clerk#1'::text)");
    CHECK(Show(Cast(Clerk(), TextType()), c) == "o_clerk");
    CHECK(Show(Cast(Clerk(), TextType(), bind::CastFormat::kExplicit), c) == "(o_clerk)::text");
    // COALESCE(o_clerk, 'x') <> 'y' on a varchar column
    bind::Type varchar = Ty(TypeId::kVarchar);
    auto coalesce =
        Node(BoundKind::kCoalesce, List(Clerk(), Lit(TypeId::kVarchar, "x")), "", TypeId::kVarchar);
    CHECK(Show(Op("<>", Cast(std::move(coalesce), TextType()), Lit(TypeId::kText, "y")), c) ==
          "((COALESCE(o_clerk, 'x'::character varying))::text <> 'y'::text)");
    // o_totalprice::int > 4 (a cast function call)
    auto to_int = Node(BoundKind::kFunc, List(Col(1, 4, TypeId::kNumeric, "o_totalprice")), "int4",
                       TypeId::kInt4);
    to_int->func_format = bind::FuncFormat::kExplicitCast;
    CHECK(Show(Op(">", std::move(to_int), Lit(TypeId::kInt4, "4")), c) ==
          "((o_totalprice)::integer > 4)");
    // upper(o_clerk) = 'A': the implicit varchar -> text cast shows inside the call
    auto upper = Node(BoundKind::kFunc, List(Cast(Clerk(), TextType())), "upper", TypeId::kText);
    CHECK(Show(Op("=", std::move(upper), Lit(TypeId::kText, "A")), c) ==
          "(upper((o_clerk)::text) = 'A'::text)");
  }

  TEST_CASE("boolean structure, tests and arrays") {
    Orders o;
    const auto c = o.Context();
    auto key = [] { return Col(1, 1, TypeId::kInt4, "o_orderkey"); };
    CHECK(Show(Node(BoundKind::kOr, List(Op("<", key(), Lit(TypeId::kInt4, "5")),
                                         Op(">", key(), Lit(TypeId::kInt4, "100")))),
               c) == "((o_orderkey < 5) OR (o_orderkey > 100))");
    CHECK(Show(Node(BoundKind::kNot, List(Op("=", key(), Lit(TypeId::kInt4, "3")))), c) ==
          "(NOT (o_orderkey = 3))");
    auto not_null = Node(BoundKind::kNullTest, List(Col(1, 7, TypeId::kText, "o_comment")));
    not_null->negated = true;
    CHECK(Show(not_null, c) == "(o_comment IS NOT NULL)");
    auto is_true =
        Node(BoundKind::kBoolTest,
             List(Op("=", Col(1, 3, TypeId::kBpchar, "o_orderstatus"), Lit(TypeId::kBpchar, "F"))));
    CHECK(Show(is_true, c) == "((o_orderstatus = 'F'::bpchar) IS TRUE)");
    auto any =
        Node(BoundKind::kScalarArrayOp, List(key(), ArrayLit(TypeId::kInt4, "{1,2,3}")), "=");
    CHECK(Show(any, c) == "(o_orderkey = ANY ('{1,2,3}'::integer[]))");
    auto all = Node(BoundKind::kScalarArrayOp, List(key(), ArrayLit(TypeId::kInt4, "{1,2}")), "=");
    all->use_or = false;
    CHECK(Show(all, c) == "(o_orderkey = ALL ('{1,2}'::integer[]))");
    auto in_text = Node(BoundKind::kScalarArrayOp,
                        List(Cast(Clerk(), TextType()), ArrayLit(TypeId::kText, "{x,y}")), "=");
    CHECK(Show(in_text, c) == "((o_clerk)::text = ANY ('{x,y}'::text[]))");
    auto today = Node(BoundKind::kSqlValue, {}, "CURRENT_DATE", TypeId::kDate);
    CHECK(Show(Node(BoundKind::kDistinct,
                    List(Col(1, 5, TypeId::kDate, "o_orderdate"), std::move(today))),
               c) == "(o_orderdate IS DISTINCT FROM CURRENT_DATE)");
    auto lower =
        Node(BoundKind::kFunc, List(Col(1, 7, TypeId::kText, "o_comment")), "lower", TypeId::kText);
    CHECK(Show(Op("!~~", std::move(lower), Lit(TypeId::kText, "%x%")), c) ==
          "(lower(o_comment) !~~ '%x%'::text)");
  }

  TEST_CASE("CASE, SQL-syntax functions, aggregates, window functions, params, subplans") {
    Orders o;
    auto c = o.Context();
    auto when = Op("=", Col(1, 3, TypeId::kBpchar, "o_orderstatus"), Lit(TypeId::kBpchar, "F"));
    auto kase = Node(BoundKind::kCase,
                     List(std::move(when), Col(1, 4, TypeId::kNumeric, "o_totalprice"),
                          Lit(TypeId::kNumeric, "0")),
                     "", TypeId::kNumeric);
    kase->has_else = true;
    CHECK(Show(Op(">", std::move(kase), Lit(TypeId::kNumeric, "10")), c) ==
          "(CASE WHEN (o_orderstatus = 'F'::bpchar) THEN o_totalprice ELSE '0'::numeric END > "
          "'10'::numeric)");
    auto extract = Node(BoundKind::kFunc,
                        List(Lit(TypeId::kText, "year"), Col(1, 5, TypeId::kDate, "o_orderdate")),
                        "extract", TypeId::kNumeric);
    extract->func_format = bind::FuncFormat::kSqlSyntax;
    CHECK(Show(extract, c) == "EXTRACT(year FROM o_orderdate)");
    auto substring = Node(BoundKind::kFunc,
                          List(Col(1, 7, TypeId::kText, "o_comment"), Lit(TypeId::kInt4, "1"),
                               Lit(TypeId::kInt4, "3")),
                          "substring", TypeId::kText);
    substring->func_format = bind::FuncFormat::kSqlSyntax;
    CHECK(Show(substring, c) == "SUBSTRING(o_comment FROM 1 FOR 3)");
    auto count = Node(BoundKind::kAggref, {}, "count", TypeId::kInt8);
    count->agg_star = true;
    CHECK(Show(Op(">", std::move(count), Lit(TypeId::kInt8, "1")), c) ==
          "(count(*) > '1'::bigint)");
    auto sum = Node(BoundKind::kAggref, List(Col(1, 4, TypeId::kNumeric, "o_totalprice")), "sum",
                    TypeId::kNumeric);
    sum->agg_filter = Op(">", Col(1, 2, TypeId::kInt4, "o_custkey"), Lit(TypeId::kInt4, "5"));
    CHECK(Show(sum, c) == "sum(o_totalprice) FILTER (WHERE (o_custkey > 5))");
    auto window = Node(BoundKind::kWindowFunc, {}, "count", TypeId::kInt8);
    window->agg_star = true;
    CHECK(Show(window, c) == "count(*) OVER (?)");
    auto param = Node(BoundKind::kParam, {});
    param->param_kind = bind::ParamKind::kExec;
    param->param_id = 1;
    CHECK(Show(Op(">", Col(1, 4, TypeId::kNumeric, "o_totalprice"), std::move(param)), c) ==
          "(o_totalprice > $1)");
    auto subplan = Node(BoundKind::kSubPlan, {});
    subplan->subplan_id = 1;
    CHECK(Show(Node(BoundKind::kNot, List(Clone(*subplan))), c) == "(NOT (SubPlan 1))");
    c.hashed_subplans = {1};
    CHECK(Show(Node(BoundKind::kNot, List(std::move(subplan))), c) == "(NOT (hashed SubPlan 1))");
  }

  TEST_CASE("a long filter on other types, exactly as PostgreSQL 15 printed it") {
    // CREATE TEMP TABLE z (f float8, b bool, t text, i interval, ts timestamptz, n name);
    // EXPLAIN SELECT * FROM z WHERE f > 1.5 AND b AND NOT b AND t = 'it''s' AND i > '1 day'
    //   AND ts < '2020-01-01' AND n = 'x' AND t IS NULL AND t = ANY(ARRAY[t, 'a'])
    //   AND f::text = '1' AND CASE t WHEN 'a' THEN 1 END = 1 AND greatest(f, 2) > 1
    //   AND nullif(t, 'a') = 'b' AND -f < 0
    catalog::Table z = NamedTable("z");
    std::vector<bind::RangeTblEntry> rtable;
    rtable.push_back(Rel(z, "z", {"f", "b", "t", "i", "ts", "n"}));
    DeparseContext c;
    c.rtable = &rtable;
    auto f = [] { return Col(1, 1, TypeId::kFloat8, "f"); };
    auto b = [] { return Col(1, 2, TypeId::kBool, "b"); };
    auto t = [] { return Col(1, 3, TypeId::kText, "t"); };
    auto is_null = Node(BoundKind::kNullTest, List(t()));
    auto array = Node(BoundKind::kArray, List(t(), Lit(TypeId::kText, "a")), "", TypeId::kText);
    array->type.array = true;
    auto any = Node(BoundKind::kScalarArrayOp, List(t(), std::move(array)), "=");
    auto kase = Node(BoundKind::kCase, List(t(), Lit(TypeId::kText, "a"), Lit(TypeId::kInt4, "1")),
                     "", TypeId::kInt4);
    kase->has_case_arg = true;
    auto greatest =
        Node(BoundKind::kMinMax, List(f(), Lit(TypeId::kFloat8, "2")), "GREATEST", TypeId::kFloat8);
    auto nullif = Node(BoundKind::kNullIf, List(t(), Lit(TypeId::kText, "a")), "", TypeId::kText);
    auto minus = bind::MakeOp("-", bind::OpClass::kArith, Ty(TypeId::kFloat8), f(), nullptr);
    auto quals = List(b(), Node(BoundKind::kNot, List(b())), std::move(is_null),
                      Op(">", f(), Lit(TypeId::kFloat8, "1.5")),
                      Op(">", Col(1, 4, TypeId::kInterval, "i"), Lit(TypeId::kInterval, "1 day")),
                      Op("<", Col(1, 5, TypeId::kTimestampTz, "ts"),
                         Lit(TypeId::kTimestampTz, "2020-01-01 00:00:00+00")),
                      std::move(any), Op("=", t(), Lit(TypeId::kText, "it's")),
                      Op("=", Col(1, 6, TypeId::kName, "n"), Lit(TypeId::kName, "x")),
                      Op(">", std::move(greatest), Lit(TypeId::kFloat8, "1")),
                      Op("<", std::move(minus), Lit(TypeId::kFloat8, "0")),
                      Op("=", std::move(kase), Lit(TypeId::kInt4, "1")),
                      Op("=", std::move(nullif), Lit(TypeId::kText, "b")),
                      Op("=", Cast(f(), Ty(TypeId::kText), bind::CastFormat::kExplicit),
                         Lit(TypeId::kText, "1")));
    auto text = DeparseQual(quals, c);
    REQUIRE(text.ok());
    CHECK(text.value() ==
          "(b AND (NOT b) AND (t IS NULL) AND (f > '1.5'::double precision) AND (i > '1 "
          "day'::interval) AND (ts < '2020-01-01 00:00:00+00'::timestamp with time zone) AND (t = "
          "ANY (ARRAY[t, 'a'::text])) AND (t = 'it''s'::text) AND (n = 'x'::name) AND "
          "(GREATEST(f, '2'::double precision) > '1'::double precision) AND ((- f) < '0'::double "
          "precision) AND (CASE t WHEN 'a'::text THEN 1 ELSE NULL::integer END = 1) AND (NULLIF(t, "
          "'a'::text) = 'b'::text) AND ((f)::text = '1'::text))");
  }

  TEST_CASE("prefixes: useprefix, and Vars of other relations in scan quals") {
    catalog::Table orders = NamedTable("orders"), customer = NamedTable("customer");
    std::vector<bind::RangeTblEntry> rtable;
    rtable.push_back(Rel(orders, "o", OrdersColumns()));
    rtable.push_back(Rel(customer, "c", CustomerColumns()));
    DeparseContext c;
    c.rtable = &rtable;
    auto join =
        Op("=", Col(1, 2, TypeId::kInt4, "o_custkey"), Col(2, 1, TypeId::kInt4, "c_custkey"));
    CHECK(Show(join, c) == "(o_custkey = c_custkey)");
    c.scan_rtindex = 2;  // an index scan on customer probed with the outer orders row
    CHECK(Show(join, c) == "(o.o_custkey = c_custkey)");
    c.scan_rtindex = 0;
    c.use_prefix = true;
    CHECK(Show(join, c) == "(o.o_custkey = c.c_custkey)");
  }

  TEST_CASE("a sub-select that was not planned is an error, not a guess") {
    Orders o;
    auto sublink = Node(BoundKind::kSubLink, {});
    auto text = DeparseExpr(*sublink, o.Context());
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message().find("not supported") == 0);
  }

  TEST_CASE("quals combine as one AND, and unique names get suffixes") {
    Orders o;
    auto quals = List(Op("<", Col(1, 1, TypeId::kInt4, "o_orderkey"), Lit(TypeId::kInt4, "5")),
                      Op(">", Col(1, 2, TypeId::kInt4, "o_custkey"), Lit(TypeId::kInt4, "7")));
    auto text = DeparseQual(quals, o.Context());
    REQUIRE(text.ok());
    CHECK(text.value() == "((o_orderkey < 5) AND (o_custkey > 7))");
    catalog::Table customer = NamedTable("customer");
    std::vector<bind::RangeTblEntry> rtable;
    rtable.push_back(Rel(customer, "customer", CustomerColumns()));
    rtable.push_back(Rel(customer, "customer", CustomerColumns()));
    rtable.push_back(Rel(customer, "customer", CustomerColumns()));
    CHECK(UniqueRefNames(rtable, {1, 2, 3}) ==
          std::vector<std::string>{"customer", "customer_1", "customer_2"});
    CHECK(UniqueRefNames(rtable, {2}) ==
          std::vector<std::string>{"customer", "customer", "customer"});
  }

  TEST_CASE("identifiers are quoted like quote_identifier") {
    CHECK(catalog::QuoteIdentifier("orders") == "orders");
    CHECK(catalog::QuoteIdentifier("*VALUES*") == "\"*VALUES*\"");
    CHECK(catalog::QuoteIdentifier("Order") == "\"Order\"");
    CHECK(catalog::QuoteIdentifier("order") == "\"order\"");
    CHECK(catalog::QuoteIdentifier("left") == "\"left\"");
    CHECK(catalog::QuoteIdentifier("year") == "year");  // unreserved
    CHECK(catalog::QuoteIdentifier("a\"b") == "\"a\"\"b\"");
  }
}

}  // namespace dbopt::render
