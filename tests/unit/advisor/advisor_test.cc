// The index advisor on a small JSON catalog: workload weights, column usage, candidates, the
// write-cost model, the search with its budget, and drops.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "dbopt/advisor/advisor.h"
#include "dbopt/advisor/column_usage.h"
#include "dbopt/advisor/inferred_stats.h"
#include "dbopt/advisor/write_cost.h"
#include "dbopt/bind/binder.h"
#include "dbopt/catalog/load.h"

namespace dbopt::advisor {
namespace {

// t: 100000 rows on 1000 pages; a unique (the primary key), b 1000 distinct values, c 10 values
// of which 'rare' has 0.2 %, d text. u: 1000 rows joined to t on u.t_a = t.a.
const char* kCatalog = R"({
  "format": "dbopt-catalog", "version": 1,
  "source": {"kind": "json", "location": "test", "server_version_num": 150000, "server_version": "15.0"},
  "settings": {"max_parallel_workers_per_gather": "0"},
  "tables": [
    {"schema": "public", "name": "t", "kind": "table",
     "columns": [
       {"name": "a", "type": "integer", "not_null": true},
       {"name": "b", "type": "integer", "not_null": true},
       {"name": "c", "type": "text", "not_null": true},
       {"name": "d", "type": "text", "not_null": false}],
     "primary_key": {"name": "t_pkey", "columns": ["a"]},
     "stats": {"reltuples": 100000, "relpages": 1000, "curpages": 1000, "relallvisible": 1000},
     "column_stats": {
       "a": {"null_frac": 0, "avg_width": 4, "n_distinct": -1, "correlation": 1,
             "histogram_bounds": ["1","10000","20000","30000","40000","50000","60000","70000","80000","90000","100000"]},
       "b": {"null_frac": 0, "avg_width": 4, "n_distinct": 1000, "correlation": 0.01,
             "histogram_bounds": ["1","100","200","300","400","500","600","700","800","900","1000"]},
       "c": {"null_frac": 0, "avg_width": 6, "n_distinct": 10,
             "most_common_vals": ["common","x1","x2","x3","x4","x5","x6","x7","x8","rare"],
             "most_common_freqs": [0.5,0.06,0.06,0.06,0.06,0.06,0.06,0.06,0.078,0.002]},
       "d": {"null_frac": 0.1, "avg_width": 40, "n_distinct": -0.5}}},
    {"schema": "public", "name": "u", "kind": "table",
     "columns": [
       {"name": "id", "type": "integer", "not_null": true},
       {"name": "t_a", "type": "integer", "not_null": true}],
     "stats": {"reltuples": 1000, "relpages": 10, "curpages": 10, "relallvisible": 10},
     "column_stats": {
       "id": {"null_frac": 0, "avg_width": 4, "n_distinct": -1},
       "t_a": {"null_frac": 0, "avg_width": 4, "n_distinct": -1}}}],
  "indexes": [
    {"schema": "public", "name": "t_pkey", "table": "t", "method": "btree",
     "keys": [{"column": "a"}], "unique": true, "primary": true, "constraint": "t_pkey",
     "pages": 276, "tuples": 100000, "tree_height": 1},
    {"schema": "public", "name": "t_d_idx", "table": "t", "method": "btree",
     "keys": [{"column": "d"}], "pages": 700, "tuples": 100000, "tree_height": 2},
    {"schema": "public", "name": "t_d_idx2", "table": "t", "method": "btree",
     "keys": [{"column": "d"}], "pages": 700, "tuples": 100000, "tree_height": 2}]
})";

catalog::Catalog Load() {
  Result<catalog::Catalog> c = catalog::LoadJsonCatalog(SourceText("test.json", kCatalog));
  REQUIRE(c.ok());
  return std::move(*c);
}

Workload Read(const std::string& sql) {
  Workload w;
  AppendSqlWorkload(std::make_shared<const SourceText>("w.sql", sql), w);
  return w;
}

// Usages point into their bound query: the queries live as long as the test program.
std::vector<TableUsage> Usage(const catalog::Catalog& catalog, const Workload& w, size_t i = 0) {
  static std::vector<std::shared_ptr<bind::Query>> queries;
  Result<std::shared_ptr<bind::Query>> q =
      bind::Bind(catalog, w.statements.at(i).statement, *w.statements.at(i).source);
  REQUIRE(q.ok());
  queries.push_back(*q);
  return CollectColumnUsage(**q);
}

Recommendation Run(const catalog::Catalog& catalog, const std::string& sql,
                   AdvisorOptions options = {}) {
  std::vector<Diagnostic> errors;
  Result<Recommendation> r = Recommend(catalog, Read(sql), options, errors);
  REQUIRE(r.ok());
  CHECK(errors.empty());
  return std::move(*r);
}

TEST_CASE("workload: calls= weights, other keys ignored, bad values located") {
  Workload w = Read(
      "-- dbopt: fingerprint=ab calls=1200 total_ms=5\nSELECT 1;\nSELECT 2;\n"
      "-- dbopt: calls=-3\nSELECT 3;\nBEGIN;\n");
  REQUIRE(w.statements.size() == 3);
  CHECK(w.statements[0].weight == 1200);
  CHECK(w.statements[1].weight == 1);
  CHECK(w.statements[0].origin == "w.sql:2");
  REQUIRE(w.errors.size() == 1);
  CHECK(w.errors[0].line == 5);
  CHECK(w.errors[0].message.find("non-negative") != std::string::npos);
  REQUIRE(w.not_analysed.size() == 1);
  CHECK(w.not_analysed[0] == "w.sql:6: BEGIN");
}

TEST_CASE("column usage: equality, range, sort, join, IN, expressions, constants, outer refs") {
  const catalog::Catalog catalog = Load();
  auto usage = Usage(catalog, Read("SELECT d FROM t WHERE b = $1 AND a > 5 AND c IN ('x1', 'x2') "
                                   "AND lower(d) = 'q' ORDER BY a DESC"));
  REQUIRE(usage.size() == 1);
  CHECK(usage[0].equality == std::vector<std::string>{"b", "c"});
  CHECK(usage[0].range == std::vector<std::string>{"a"});
  REQUIRE(usage[0].order.size() == 1);
  CHECK(usage[0].order[0].column == "a");
  CHECK(usage[0].order[0].descending);
  REQUIRE(usage[0].expressions.size() == 1);
  CHECK(usage[0].expressions[0].expression == "lower(d)");
  CHECK(usage[0].constants.empty());  // $1 and IN lists are not partial-index predicates

  usage = Usage(catalog, Read("SELECT u.id FROM u JOIN t ON t.a = u.t_a WHERE t.c = 'rare'"));
  REQUIRE(usage.size() == 2);
  CHECK(usage[0].join == std::vector<std::string>{"t_a"});
  CHECK(usage[1].join == std::vector<std::string>{"a"});
  REQUIRE(usage[1].constants.size() == 1);
  CHECK(usage[1].constants[0].predicate == "c = 'rare'");

  // A correlated subquery: u.t_a = t.a is an equality on u (t.a is a parameter to it).
  usage = Usage(catalog, Read("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.t_a = t.a)"));
  REQUIRE(usage.size() == 2);
  CHECK(usage[1].table->name == "u");
  CHECK(usage[1].equality == std::vector<std::string>{"t_a"});

  usage = Usage(catalog, Read("UPDATE t SET b = b + 1, d = NULL WHERE a = $1"));
  REQUIRE(usage.size() == 1);
  CHECK(usage[0].is_target);
  CHECK(usage[0].updated == std::vector<std::string>{"b", "d"});
}

TEST_CASE("candidates: equality first then range, existing indexes respected, partial") {
  const catalog::Catalog catalog = Load();
  const Workload w = Read(
      "SELECT b, c FROM t WHERE c = 'rare' AND b > 10; "
      "SELECT d FROM t WHERE d = 'x' AND a = 3");
  CandidateSet set =
      GenerateCandidates(catalog, {Usage(catalog, w, 0), Usage(catalog, w, 1)}, CandidateOptions{});
  std::vector<std::string> signatures;
  for (const Candidate& c : set.candidates) signatures.push_back(IndexSignature(c.index));
  auto has = [&](const std::string& s) {
    return std::find(signatures.begin(), signatures.end(), s) != signatures.end();
  };
  CHECK(has("public.t (c)"));
  CHECK(has("public.t (c, b)"));  // equality (c) before range (b)
  CHECK(has("public.t (b) WHERE c = 'rare'"));
  CHECK(has("public.t (b) INCLUDE (c)"));
  CHECK_FALSE(has("public.t (a)"));     // the primary key's
  CHECK_FALSE(has("public.t (d)"));     // t_d_idx's
  CHECK_FALSE(has("public.t (a, d)"));  // a = 3 finds one row by the primary key
  CHECK(signatures.size() == 6);
  bool rejected_a = false;
  for (const Rejection& r : set.rejected) {
    if (r.index == "public.t (a)") rejected_a = r.reason == "provided by existing index t_pkey";
  }
  CHECK(rejected_a);
  // The partial index holds 0.2 % of the rows: 200 entries on 1 leaf page + the metapage.
  for (const Candidate& c : set.candidates) {
    if (c.index.predicate) {
      CHECK(c.index.tuples == doctest::Approx(200));
      CHECK(c.index.pages == 2);
    }
  }
}

TEST_CASE("inferred statistics: a foreign key bounds the distinct values of a bare column") {
  catalog::Catalog catalog = Load();
  catalog::Table& u = catalog.tables[1];
  u.column_stats.erase("t_a");
  u.foreign_keys.push_back({"u_t_a_fkey", {"t_a"}, "", "t", {"a"}});
  std::vector<std::string> notes;
  const catalog::Catalog inferred = WithInferredStats(catalog, notes);
  // min(100000 rows of t, 1000 rows of u)
  CHECK(inferred.FindTable("u")->column_stats.at("t_a").n_distinct == 1000);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] ==
        "u.t_a has no statistics: 1000 distinct values assumed from its foreign key to t");
  // A column with statistics keeps them.
  notes.clear();
  (void)WithInferredStats(Load(), notes);
  CHECK(notes.empty());
}

TEST_CASE("byte sizes") {
  CHECK(*ParseByteSize("500MB") == 500.0 * 1024 * 1024);
  CHECK(*ParseByteSize("1.5 GB") == 1.5 * 1024 * 1024 * 1024);
  CHECK(*ParseByteSize("64kb") == 65536);
  CHECK(*ParseByteSize("123") == 123);
  CHECK_FALSE(ParseByteSize("lots").ok());
  CHECK_FALSE(ParseByteSize("5 XB").ok());
}

TEST_CASE("write cost: HOT updates are free until an index covers an assigned column") {
  const catalog::Catalog catalog = Load();
  auto usage = Usage(catalog, Read("UPDATE t SET b = 1 WHERE a = $1"));
  Result<cost::CostParams> params = cost::CostParamsFromSettings(catalog.settings);
  REQUIRE(params.ok());
  const catalog::Table& t = *catalog.FindTable("t");
  std::vector<const catalog::Index*> indexes = catalog.IndexesOf(t);
  CHECK(MaintenanceCost(usage[0], 10, indexes, *params) == 0);
  catalog::Index on_b = MakeHypotheticalIndex(catalog, t, {catalog::IndexKey{"b"}}, {}, {}, -1);
  indexes.push_back(&on_b);
  // Non-HOT: every index of the table gets an entry per row.
  double expected = 0;
  for (const catalog::Index* i : indexes) expected += 10 * IndexEntryCost(t, *i, *params);
  CHECK(MaintenanceCost(usage[0], 10, indexes, *params) == doctest::Approx(expected));
  // t_pkey: 100000 entries, height 1, correlation 1 → sequential leaf writes:
  //   0.005 + 0.0025 · (17 + 100) + 4 · 0 + 1 · 1 / (100000 / 275)
  CHECK(IndexEntryCost(t, *catalog.IndexesOf(t)[0], *params) ==
        doctest::Approx(0.005 + 0.0025 * 117 + 275.0 / 100000));
}

TEST_CASE("recommend: the index a frequent query needs; the budget and writes hold it back") {
  const catalog::Catalog catalog = Load();
  Recommendation r = Run(catalog, "-- dbopt: calls=1000\nSELECT a, d FROM t WHERE b = $1;");
  REQUIRE(r.indexes.size() == 1);
  CHECK(IndexSignature(r.indexes[0].index).rfind("public.t (b)", 0) == 0);
  CHECK(r.cost_after < r.cost_before / 10);
  CHECK(r.indexes[0].serves == std::vector<size_t>{0});
  CHECK(r.evaluations > 0);
  // t_d_idx and t_d_idx2 are duplicates and unused; the primary key is never dropped.
  REQUIRE(r.drops.size() == 2);
  CHECK(r.drops[0].index.name == "t_d_idx");
  CHECK(r.drops[1].index.name == "t_d_idx2");
  CHECK(r.drops[1].reason == "duplicate of t_d_idx");

  AdvisorOptions tight;
  tight.search.budget_bytes = 8192;
  r = Run(catalog, "-- dbopt: calls=1000\nSELECT a, d FROM t WHERE b = $1;", tight);
  CHECK(r.indexes.empty());
  bool over_budget = false;
  for (const Rejection& x : r.rejected) {
    over_budget = over_budget || x.reason.find("does not fit the budget") != std::string::npos;
  }
  CHECK(over_budget);

  // A million updates of b for one rare read: the index on b would cost more than it saves.
  r = Run(catalog,
          "-- dbopt: calls=1\nSELECT a FROM t WHERE b = $1;\n"
          "-- dbopt: calls=1000000\nUPDATE t SET b = $1 WHERE a = $2;");
  for (const IndexRecommendation& rec : r.indexes) {
    CHECK(IndexSignature(rec.index).find("(b") == std::string::npos);
  }
}

TEST_CASE("recommend: output is deterministic") {
  const catalog::Catalog catalog = Load();
  const std::string sql =
      "-- dbopt: calls=10\nSELECT a FROM t WHERE c = 'rare' ORDER BY b;\n"
      "-- dbopt: calls=500\nSELECT u.id FROM u JOIN t ON t.a = u.t_a WHERE t.b = 3;\n";
  Recommendation a = Run(catalog, sql);
  Recommendation b = Run(catalog, sql);
  REQUIRE(a.indexes.size() == b.indexes.size());
  for (size_t i = 0; i < a.indexes.size(); ++i) {
    CHECK(IndexSignature(a.indexes[i].index) == IndexSignature(b.indexes[i].index));
    CHECK(a.indexes[i].benefit == b.indexes[i].benefit);
  }
  CHECK(a.evaluations == b.evaluations);
}

}  // namespace
}  // namespace dbopt::advisor
