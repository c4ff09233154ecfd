// The comparator's own unit tests (doctest), run by `explain_agreement --self-test`.
// Included once, by explain_agreement.cc, after doctest.
#pragma once

#include <string>

#include "compare.h"
#include "manifest.h"
#include "process_timing.h"
#include "report.h"

namespace dbopt::bench::self_test {

// A PostgreSQL-style document: Hash Join of orders (outer) and customer c (inner, under Hash).
inline std::string JoinDoc(const std::string& join = "Hash Join",
                           const std::string& outer_rel = "orders",
                           const std::string& inner_index = "", double rows = 100,
                           double cost = 250.5) {
  const std::string inner_scan =
      inner_index.empty()
          ? R"("Node Type": "Seq Scan", "Parallel Aware": false, "Relation Name": "customer", "Alias": "c")"
          : R"("Node Type": "Index Scan", "Parallel Aware": false, "Scan Direction": "Forward", "Index Name": ")" +
                inner_index + R"(", "Relation Name": "customer", "Alias": "c")";
  const std::string inner =
      join == "Hash Join"
          ? R"({"Node Type": "Hash", "Parent Relationship": "Inner", "Plan Rows": 10, "Total Cost": 20, "Plans": [{)" +
                inner_scan +
                R"(, "Parent Relationship": "Outer", "Plan Rows": 10, "Total Cost": 20}]})"
          : "{" + inner_scan +
                R"(, "Parent Relationship": "Inner", "Plan Rows": 10, "Total Cost": 20})";
  return R"([{"Plan": {"Node Type": ")" + join +
         R"(", "Parallel Aware": false, "Join Type": "Inner",
    "Startup Cost": 1.0, "Total Cost": )" +
         std::to_string(cost) + R"(, "Plan Rows": )" + std::to_string(rows) +
         R"(, "Plan Width": 8, "Plans": [
      {"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Parallel Aware": false,
       "Relation Name": ")" +
         outer_rel + R"(", "Alias": ")" + outer_rel + R"(", "Plan Rows": 1000, "Total Cost": 200},
      )" +
         inner + R"(]}, "Planning Time": 0.25}])";
}

inline ExplainPlan Parse(const std::string& text) {
  Result<ExplainPlan> plan = ParseExplainJson(text);
  REQUIRE_MESSAGE(plan.ok(), (plan.ok() ? "" : plan.error().message()));
  return *plan;
}

TEST_CASE("explain_agreement: a document flattens in pre-order with normalized shape keys") {
  const ExplainPlan plan = Parse(JoinDoc());
  REQUIRE(plan.nodes.size() == 4);
  CHECK(plan.nodes[0].depth == 0);
  CHECK(plan.nodes[1].depth == 1);
  CHECK(plan.nodes[2].depth == 1);
  CHECK(plan.nodes[3].depth == 2);
  CHECK(plan.nodes[0].Label() == "Hash Join (Join Type=Inner)");
  // Alias equal to the relation name and "Parallel Aware": false count as absent.
  CHECK(plan.nodes[1].Label() == "Seq Scan (Parent Relationship=Outer, Relation Name=orders)");
  CHECK(plan.nodes[3].Label() ==
        "Seq Scan (Parent Relationship=Outer, Relation Name=customer, Alias=c)");
  CHECK(plan.nodes[0].plan_rows == 100);
  CHECK(plan.nodes[0].total_cost == doctest::Approx(250.5));
  REQUIRE(plan.planning_ms);
  CHECK(*plan.planning_ms == doctest::Approx(0.25));
}

TEST_CASE("explain_agreement: malformed documents are errors that say what is wrong") {
  CHECK(ParseExplainJson("not json").error().message() ==
        "not valid JSON (or more than one document)");
  CHECK(ParseExplainJson("[{\"Plan\": {\"Node Type\": \"Result\"}}]\n[]").error().message() ==
        "not valid JSON (or more than one document)");
  CHECK(ParseExplainJson("[]").error().message() == "not a non-empty JSON list");
  CHECK(ParseExplainJson("[{\"Plan\": {\"Node Type\": \"Result\"}}, {\"Plan\": {}}]")
            .error()
            .message() == "2 documents in the list, expected 1");
  CHECK(ParseExplainJson("[{\"Plans\": []}]").error().message() == "no \"Plan\" object");
  CHECK(ParseExplainJson("[{\"Plan\": {\"Node Type\": \"Limit\", \"Plans\": [{}]}}]")
            .error()
            .message() == "plan node #1 has no \"Node Type\"");
}

TEST_CASE("explain_agreement: a plan compared with itself agrees on every figure") {
  const ExplainPlan pg = Parse(JoinDoc());
  const QueryComparison c = ComparePlans("q", pg, pg);
  CHECK(c.planned);
  CHECK(c.shape_identical);
  CHECK(c.join_order_access_match);
  CHECK(c.note.empty());
  CHECK(c.CostRatio() == 1.0);
  CHECK(c.cost_within);
  CHECK(c.root_qerror == 1.0);
  CHECK(c.node_qerrors == std::vector<double>{1, 1, 1, 1});
  CHECK(*c.PlanningRatio() == 1.0);
}

TEST_CASE("explain_agreement: another index differs in shape and access, at the scan node") {
  const ExplainPlan pg = Parse(JoinDoc("Nested Loop", "orders", "customer_pkey"));
  const ExplainPlan db = Parse(JoinDoc("Nested Loop", "orders", "customer_name_idx"));
  const QueryComparison c = ComparePlans("q", pg, db);
  CHECK_FALSE(c.shape_identical);
  CHECK_FALSE(c.join_order_access_match);
  CHECK(c.node_qerrors.empty());
  CHECK(c.note ==
        "node #2 (depth 1): pg Index Scan (Parent Relationship=Inner, Scan Direction=Forward, "
        "Index Name=customer_pkey, Relation Name=customer, Alias=c) | dbopt Index Scan (Parent "
        "Relationship=Inner, Scan Direction=Forward, Index Name=customer_name_idx, Relation "
        "Name=customer, Alias=c)");
}

TEST_CASE("explain_agreement: another join method keeps the join order and access methods") {
  const ExplainPlan pg = Parse(JoinDoc("Hash Join"));
  const ExplainPlan db = Parse(JoinDoc("Nested Loop"));
  const QueryComparison c = ComparePlans("q", pg, db);
  CHECK_FALSE(c.shape_identical);
  CHECK(c.join_order_access_match);
  CHECK(JoinOrderAndAccess(pg.plan) == "Inner join[seq(orders), seq(customer c)]");
  CHECK(c.note.rfind("node #0 (depth 0): pg Hash Join", 0) == 0);
  // Another outer relation: a different join order.
  CHECK_FALSE(
      ComparePlans("q", pg, Parse(JoinDoc("Hash Join", "lineitem"))).join_order_access_match);
}

TEST_CASE("explain_agreement: bitmap scans are named by their sorted index names") {
  const ExplainPlan p = Parse(R"([{"Plan": {"Node Type": "Bitmap Heap Scan", "Relation Name": "t",
    "Alias": "t", "Plans": [{"Node Type": "BitmapOr", "Plans": [
      {"Node Type": "Bitmap Index Scan", "Index Name": "t_b_idx"},
      {"Node Type": "Bitmap Index Scan", "Index Name": "t_a_idx"}]}]}}])");
  CHECK(JoinOrderAndAccess(p.plan) == "bitmap t_a_idx+t_b_idx(t)");
  CHECK(p.nodes.size() == 4);
}

TEST_CASE("explain_agreement: cost tolerance, q-error clamping and rows") {
  CHECK(CostWithin(105, 100));
  CHECK(CostWithin(95, 100));
  CHECK_FALSE(CostWithin(105.1, 100));
  CHECK_FALSE(CostWithin(94.9, 100));
  CHECK(CostWithin(0.004, 0));
  CHECK_FALSE(CostWithin(0.01, 0));
  CHECK(QError(50, 100) == 2.0);
  CHECK(QError(100, 50) == 2.0);
  CHECK(QError(0, 10) == 10.0);  // ModifyTable shows 0 rows: clamped to 1
  CHECK(QError(0, 0) == 1.0);
  const QueryComparison c = ComparePlans("q", Parse(JoinDoc("Hash Join", "orders", "", 100, 200)),
                                         Parse(JoinDoc("Hash Join", "orders", "", 300, 212)));
  CHECK(c.shape_identical);
  CHECK(c.root_qerror == 3.0);
  CHECK(c.CostRatio() == doctest::Approx(1.06));
  CHECK_FALSE(c.cost_within);
}

TEST_CASE("explain_agreement: no plan from dbopt counts as not planned, with the reason") {
  const ExplainPlan pg = Parse(JoinDoc());
  const QueryComparison c = ComparePlans("q", pg, Error::BadInput("exit 2: not supported: CUBE"));
  CHECK_FALSE(c.planned);
  CHECK_FALSE(c.shape_identical);
  CHECK(c.note == "exit 2: not supported: CUBE");
  CHECK_FALSE(c.PlanningRatio());
}

TEST_CASE("explain_agreement: medians and percentiles") {
  CHECK_FALSE(Median({}));
  CHECK(*Median({3, 1, 2}) == 2);
  CHECK(*Median({4, 1, 3, 2}) == 2.5);
  CHECK(*Percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90) == 9);
  CHECK(*Percentile({5}, 90) == 5);
}

TEST_CASE("explain_agreement: summary figures and thresholds") {
  const ExplainPlan pg = Parse(JoinDoc());
  std::vector<QueryComparison> qs = {
      ComparePlans("a", pg, pg),
      ComparePlans("b", pg, Error::BadInput("missing")),
  };
  const RunSummary s = Summarize("default", qs);
  CHECK(s.queries == 2);
  CHECK(s.planned == 1);
  CHECK(s.Percent(s.planned) == 50);
  CHECK(*s.median_root_qerror == 1.0);
  CHECK(s.matched_nodes == 4);
  CHECK(s.timed == 1);
  CHECK(s.dbopt_not_slower == 1);
  const std::vector<std::string> v = Violations(s, Thresholds{});
  REQUIRE(v.size() == 3);
  CHECK(v[0] == "planned 50.0% < 100%");
  CHECK(v[1] == "identical shape 50.0% < 90%");
  CHECK(v[2] == "cost within ±5% 50.0% < 90%");
  Thresholds floors{0, 0, std::nullopt, 0, std::nullopt, std::nullopt, std::nullopt};
  CHECK(Violations(s, floors).empty());
  // Nothing planned: a q-error threshold cannot be met.
  const RunSummary none = Summarize("x", {qs[1]});
  floors.max_median_qerror = 1.05;
  CHECK(Violations(none, floors) ==
        std::vector<std::string>{"median root q-error n/a (limit 1.05)"});
  CHECK(SummaryLine(s).find("planned 1 (50.0%)") != std::string::npos);
  CHECK(WorstFirst(qs)[0].name == "b");
}

TEST_CASE("explain_agreement: manifests resolve relative paths and reject bad lines") {
  Result<std::vector<ManifestEntry>> m = ParseManifest(
      "# comment\n\ntpch/q1\tpg/q1.json\tmissing\texit 2: unknown command\n"
      "tpch/q2\t/abs/pg.json\tdb/q2.json\n",
      "/tmp/run/manifest.tsv");
  REQUIRE(m.ok());
  REQUIRE(m->size() == 2);
  CHECK((*m)[0].pg_path == "/tmp/run/pg/q1.json");
  CHECK((*m)[0].dbopt_path.empty());
  CHECK((*m)[0].note == "exit 2: unknown command");
  CHECK((*m)[1].pg_path == "/abs/pg.json");
  CHECK((*m)[1].dbopt_path == "/tmp/run/db/q2.json");
  CHECK(ParseManifest("a\tb\n", "m.tsv").error().message() ==
        "m.tsv:1: expected NAME<TAB>PG_PLAN<TAB>DBOPT_PLAN|missing[<TAB>NOTE]");
  CHECK(ParseManifest("# nothing\n", "m.tsv").error().message() == "m.tsv: no queries");
}

TEST_CASE("explain_agreement: process times") {
  Result<ProcessTiming> t = ParseProcessTimes("12.5\n10\n11\n", "t.txt");
  REQUIRE(t.ok());
  CHECK(ProcessLine(*t, 20) ==
        "explain-process: median 11.0 ms of 3 runs (min 10.0, max 12.5; target < 20 ms)");
  CHECK_FALSE(ProcessViolation(*t, 20));
  CHECK(*ProcessViolation(*t, 11) == "explain process median 11.0 ms >= 11 ms");
  Result<ProcessTiming> failed = ParseProcessTimes("error: exit 2: unknown command\n", "t.txt");
  REQUIRE(failed.ok());
  CHECK(*ProcessViolation(*failed, 20) == "explain process not measured (limit 20 ms)");
  CHECK_FALSE(ProcessViolation(*failed, std::nullopt));
  CHECK(ParseProcessTimes("12 ms\n", "t.txt").error().message() ==
        "t.txt:1: expected milliseconds or 'error: ...'");
}

}  // namespace dbopt::bench::self_test
