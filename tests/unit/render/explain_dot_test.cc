#include <doctest/doctest.h>

#include "dbopt/render/explain.h"
#include "golden_plans.h"

namespace dbopt::render {

TEST_SUITE("render explain dot") {
  TEST_CASE("one box per node, parent-to-child edges drawn towards the parent") {
    auto dot = RenderDot(golden::BitmapScan());
    REQUIRE(dot.ok());
    CHECK(dot.value() ==
          "digraph plan {\n"
          "  node [shape=box, fontname=\"monospace\", fontsize=10];\n"
          "  edge [fontname=\"monospace\", fontsize=9];\n"
          "  n1 [label=\"Bitmap Heap Scan on orders\\lcost=175.10..876.76 rows=5 width=51\\l"
          "Recheck Cond: (o_orderdate < '1995-01-01'::date)\\l"
          "Filter: ((o_big > 5) AND (o_totalprice > '-2.5'::numeric) AND (o_custkey <> "
          "'-3'::integer) AND (o_comment ~~ 'com%'::text) AND (o_orderstatus = 'F'::bpchar) AND "
          "((o_clerk)::text = 'Clerk#1'::text))\\l\"];\n"
          "  n2 [label=\"Bitmap Index Scan on orders_date_idx\\lcost=0.00..175.10 rows=14242 "
          "width=0\\lIndex Cond: (o_orderdate < '1995-01-01'::date)\\l\"];\n"
          "  n1 -> n2 [label=\"Outer\\l\", dir=back];\n"
          "}\n");
  }

  TEST_CASE("subplans are labelled with their names; quotes are escaped; output is stable") {
    auto dot = RenderDot(golden::SubPlans());
    REQUIRE(dot.ok());
    const std::string& text = dot.value();
    CHECK(text.find("n1 -> n2 [label=\"InitPlan: InitPlan 2 (returns $1)\\l\", dir=back];") !=
          std::string::npos);
    CHECK(text.find("n2 -> n3 [label=\"Outer\\l\", dir=back];") != std::string::npos);
    CHECK(text.find("n1 -> n4 [label=\"SubPlan: SubPlan 1\\l\", dir=back];") != std::string::npos);
    CHECK(text.find("Seq Scan on customer customer_1") != std::string::npos);
    auto again = RenderDot(golden::SubPlans());
    REQUIRE(again.ok());
    CHECK(again.value() == text);
    auto values = golden::IndexScan();
    values.rtable[0].alias = "x\"y";
    auto quoted = RenderDot(values);
    REQUIRE(quoted.ok());
    CHECK(quoted.value().find("on orders \\\"x\\\"\\\"y\\\"") != std::string::npos);
  }
}

}  // namespace dbopt::render
