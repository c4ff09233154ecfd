// The cost functions against a real PostgreSQL 15: tests/integration/cost_check_test.sh runs
// EXPLAIN on single-node shapes, writes one case per line with PostgreSQL's own inputs (pages,
// tuples, row estimates, widths, statistics) and its startup/total cost, and points
// DBOPT_TEST_COST_CASES at the file. Each case is recomputed here and must match within 0.01.
//
// Line format: `name kind key=value ...`; pg_startup and pg_total are PostgreSQL's costs. The
// keys of each kind are read in the functions below (a missing key is a test failure). A value
// `@other.startup` or `@other.total` is dbopt's result for an earlier case: a parent node's
// inputs are dbopt's own child costs, not EXPLAIN's rounded ones, so errors cannot hide.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dbopt/cost/agg_cost.h"
#include "dbopt/cost/append_cost.h"
#include "dbopt/cost/bitmap_cost.h"
#include "dbopt/cost/index_am_cost.h"
#include "dbopt/cost/join_cost.h"
#include "dbopt/cost/material_cost.h"
#include "dbopt/cost/parallel_cost.h"
#include "dbopt/cost/scan_cost.h"
#include "dbopt/cost/sort_cost.h"

namespace dbopt::cost {
namespace {

const char* CasesFile() { return std::getenv("DBOPT_TEST_COST_CASES"); }
bool NoCases() { return CasesFile() == nullptr; }

using Results = std::map<std::string, Cost>;

class Case {
 public:
  Case(const std::string& line, const Results* results) : results_(results) {
    std::istringstream in(line);
    in >> name_ >> kind_;
    std::string kv;
    while (in >> kv) {
      const size_t eq = kv.find('=');
      if (eq != std::string::npos) values_[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
  }
  double operator[](const std::string& key) const {
    auto it = values_.find(key);
    if (it == values_.end()) throw std::runtime_error("case " + name_ + ": no key " + key);
    return Resolve(it->second);
  }
  std::string Text(const std::string& key) const {
    auto it = values_.find(key);
    return it == values_.end() ? std::string() : it->second;
  }
  double Get(const std::string& key, double fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : Resolve(it->second);
  }
  const std::string& name() const { return name_; }
  const std::string& kind() const { return kind_; }

 private:
  double Resolve(const std::string& value) const {
    if (value.empty() || value[0] != '@') return std::stod(value);
    const size_t dot = value.rfind('.');
    auto it = results_->find(value.substr(1, dot - 1));
    if (dot == std::string::npos || it == results_->end()) {
      throw std::runtime_error("case " + name_ + ": no earlier case for " + value);
    }
    return value.substr(dot + 1) == "startup" ? it->second.startup : it->second.total;
  }

  const Results* results_;
  std::string name_, kind_;
  std::map<std::string, std::string> values_;
};

CostParams Params(const Case& c) {
  CostParams p;
  p.work_mem_kb = static_cast<int>(c.Get("work_mem_kb", 4096));
  p.random_page_cost = c.Get("random_page_cost", 4.0);
  p.parallel_setup_cost = c.Get("parallel_setup_cost", 1000);
  return p;
}

QualCost Ops(const CostParams& p, double n) { return {0, n * p.cpu_operator_cost}; }

// btcostestimate for the index keys of the case, or of those under a prefix ("l0_", ...).
IndexAmCost Btree(const CostParams& p, const Case& c, const std::string& x = "") {
  BtreeCostInput in;
  in.generic.index_pages = c[x + "index_pages"];
  in.generic.index_tuples = c["tuples"];
  in.generic.rel_tuples = c["tuples"];
  in.generic.selectivity = c[x + "sel"];
  in.generic.num_index_quals = static_cast<int>(c[x + "index_quals"]);
  in.generic.loop_count = c.Get("loop_count", 1);
  in.generic.total_table_pages = c.Get("total_table_pages", c["pages"]);
  in.tree_height = static_cast<int>(c[x + "tree_height"]);
  in.unique_equal_on_all_keys = c.Get(x + "unique_eq", 0) != 0;
  in.boundary_selectivity = c[x + "sel"];
  in.has_correlation = true;
  in.leading_correlation = c.Get("corr", 0);
  in.key_columns = static_cast<int>(c.Get("key_columns", 1));
  return BtCostEstimate(p, in);
}

Cost IndexScan(const CostParams& p, const Case& c) {
  IndexScanInput in;
  in.am = Btree(p, c);
  in.rel_pages = c["pages"];
  in.rel_tuples = c["tuples"];
  in.rows = c["rows"];
  in.allvisfrac = c.Get("allvisfrac", 0);
  in.index_pages = c["index_pages"];
  in.total_table_pages = c.Get("total_table_pages", c["pages"]);
  in.index_only = c.Get("index_only", 0) != 0;
  in.loop_count = c.Get("loop_count", 1);
  in.qpquals = Ops(p, c.Get("filter_ops", 0));
  return CostIndex(p, in).scan.cost;
}

BitmapHeapInput Bitmap(const CostParams& p, const Case& c) {
  BitmapHeapInput in;
  if (c.kind() == "bitmapheap")
    in.bitmap = BitmapIndexLeaf(p, Btree(p, c), c["rows"], c["index_pages"]);
  in.rel_pages = c["pages"];
  in.rel_tuples = c["tuples"];
  in.rows = c["rows"];
  in.total_table_pages = c["pages"];
  in.quals = Ops(p, c["qual_ops"]);
  return in;
}

// A Bitmap Heap Scan over a BitmapOr of two index scans (keys l0_*, l1_*). The index paths'
// rows are the rel's rows.
Cost BitmapOrHeap(const CostParams& p, const Case& c) {
  BitmapHeapInput in = Bitmap(p, c);
  std::vector<BitmapNode> legs;
  for (const char* leg : {"l0_", "l1_"}) {
    legs.push_back(
        BitmapIndexLeaf(p, Btree(p, c, leg), c["rows"], c[std::string(leg) + "index_pages"]));
  }
  in.bitmap = BitmapOr(p, legs);
  return CostBitmapHeapScan(p, in).cost;
}

// estimate_hash_bucket_stats from pg_stats values (the stats module's job in dbopt itself).
void BucketStats(const Case& c, double nbuckets, double* bucket_size, double* mcv_freq) {
  const double tuples = c["inner_rel_tuples"];
  const double stadistinct = c["inner_n_distinct"];
  double nd = stadistinct > 0 ? ClampRowEst(stadistinct) : ClampRowEst(-stadistinct * tuples);
  *mcv_freq = c.Get("inner_mcv1", 0);
  const double avgfreq = (1.0 - c.Get("inner_null_frac", 0)) / nd;
  nd = ClampRowEst(nd * c["inner_rel_rows"] / tuples);
  double frac = nd > nbuckets ? 1.0 / nbuckets : 1.0 / nd;
  if (avgfreq > 0.0 && *mcv_freq > avgfreq) frac *= *mcv_freq / avgfreq;
  *bucket_size = std::min(std::max(frac, 1.0e-6), 1.0);
}

JoinSide Side(const Case& c, const std::string& prefix) {
  JoinSide s;
  s.cost = {c[prefix + "_startup"], c[prefix + "_total"]};
  s.rows = c[prefix + "_rows"];
  s.width = static_cast<int>(c[prefix + "_width"]);
  return s;
}

Cost HashJoin(const CostParams& p, const Case& c) {
  HashJoinInput in;
  in.outer = Side(c, "outer");
  in.inner = Side(c, "inner");
  in.num_hash_clauses = 1;
  in.hash_quals = Ops(p, 1);
  in.join_quals = Ops(p, 1);
  in.hash_join_tuples = c["rows"];
  in.output.rows = c["rows"];
  const HashJoinWorkspace ws = InitialCostHashJoin(p, in);
  BucketStats(c, double(ws.table.num_buckets) * ws.table.num_batches, &in.inner_bucket_size,
              &in.inner_mcv_freq);
  return FinalCostHashJoin(p, in, ws).cost;
}

Cost MergeJoin(const CostParams& p, const Case& c) {
  MergeJoinInput in;
  in.kind = JoinKind::kFull;
  in.outer = Side(c, "outer");
  in.inner = Side(c, "inner");
  in.sort_outer = c["outer_sort"] != 0;
  in.sort_inner = c["inner_sort"] != 0;
  in.merge_quals = Ops(p, 1);
  in.join_quals = Ops(p, 1);
  in.num_merge_clauses = 1;
  in.num_join_clauses = 1;
  in.merge_join_tuples = c["merge_tuples"];  // approx_tuple_count: the inner join's estimate
  in.output.rows = c["rows"];
  return FinalCostMergeJoin(p, in, InitialCostMergeJoin(p, in)).join.cost;
}

Cost NestLoop(const CostParams& p, const Case& c) {
  NestLoopInput in;
  in.outer = Side(c, "outer");
  in.inner = Side(c, "inner");
  if (c.Get("inner_memoize", 0) != 0) {
    // The Memoize path costs its subpath plus cpu_tuple_cost (create_memoize_path); rescans
    // come from cost_memoize_rescan over the subpath.
    MemoizeInput m;
    m.input = in.inner.cost;
    m.tuples = in.inner.rows;
    m.width = in.inner.width;
    m.calls = in.outer.rows;
    m.ndistinct = std::min(c["inner_ndistinct"], m.calls);  // estimate_num_groups clamps
    in.inner_rescan = CostMemoizeRescan(p, m).rescan;
    in.inner.cost.startup += p.cpu_tuple_cost;
    in.inner.cost.total += p.cpu_tuple_cost;
  } else {
    RescanInput r;
    r.kind = c["inner_material"] != 0 ? RescanKind::kMaterial : RescanKind::kOther;
    r.path = in.inner.cost;
    r.rows = in.inner.rows;
    r.width = in.inner.width;
    in.inner_rescan = CostRescan(p, r);
  }
  in.join_quals = Ops(p, c["join_ops"]);
  in.output.rows = c["rows"];
  return FinalCostNestLoop(p, in, InitialCostNestLoop(p, in)).cost;
}

Cost IncrementalSort(const CostParams& p, const Case& c) {
  IncrementalSortInput in;
  in.input = {c["input_startup"], c["input_total"]};
  in.input_tuples = c["input_rows"];
  in.width = static_cast<int>(c["width"]);
  in.limit_tuples = c.Get("limit", -1);
  // estimate_num_groups of the presorted key: its distinct count, at most the input rows.
  const double nd = c["key_n_distinct"];
  const double groups = nd > 0 ? ClampRowEst(nd) : ClampRowEst(-nd * c["key_rel_tuples"]);
  in.input_groups = std::min(groups, std::max(in.input_tuples, 2.0));
  return CostIncrementalSort(p, in);
}

Cost Append(const CostParams& p, const Case& c) {
  std::vector<AppendChild> children(static_cast<size_t>(c["children"]));
  for (size_t i = 0; i < children.size(); ++i) {
    const std::string prefix = "c" + std::to_string(i);
    children[i].cost = {c[prefix + "_startup"], c[prefix + "_total"]};
    children[i].rows = c[prefix + "_rows"];
    children[i].width = static_cast<int>(c[prefix + "_width"]);
  }
  return CostAppend(p, children, false, -1).cost;
}

Cost WindowAgg(const CostParams& p, const Case& c) {
  WindowAggInput in;
  in.input = {c["input_startup"], c["input_total"]};
  in.input_tuples = c["input_rows"];
  in.window_functions = {Ops(p, c["wfunc_ops"])};
  in.num_part_cols = static_cast<int>(c["part_cols"]);
  in.num_order_cols = static_cast<int>(c["order_cols"]);
  return CostWindowAgg(p, in);
}

Cost Agg(const CostParams& p, const Case& c) {
  AggInput in;
  const int strategy = static_cast<int>(c["strategy"]);
  in.strategy = strategy == 0   ? AggStrategyKind::kPlain
                : strategy == 1 ? AggStrategyKind::kSorted
                                : AggStrategyKind::kHashed;
  in.aggs.trans = Ops(p, c["trans_ops"]);
  in.num_trans = static_cast<int>(c["num_trans"]);
  in.num_group_cols = static_cast<int>(c["group_cols"]);
  in.num_groups = c["rows"];
  in.input = {c["input_startup"], c["input_total"]};
  in.input_tuples = c["input_rows"];
  in.input_width = c["input_width"];
  return CostAgg(p, in).cost;
}

// The EXPLAIN node types (spaces as '_') a case kind can stand for.
bool NodeMatchesKind(const std::string& node, const std::string& kind) {
  static const std::map<std::string, std::string> kNodes = {{"seqscan", "Seq_Scan"},
                                                            {"bitmapindex", "Bitmap_Index_Scan"},
                                                            {"bitmapheap", "Bitmap_Heap_Scan"},
                                                            {"sort", "Sort"},
                                                            {"limit", "Limit"},
                                                            {"material", "Materialize"},
                                                            {"agg", "Aggregate"},
                                                            {"hashjoin", "Hash_Join"},
                                                            {"mergejoin", "Merge_Join"},
                                                            {"nestloop", "Nested_Loop"},
                                                            {"incsort", "Incremental_Sort"},
                                                            {"append", "Append"},
                                                            {"windowagg", "WindowAgg"},
                                                            {"gather", "Gather"},
                                                            {"gathermerge", "Gather_Merge"},
                                                            {"bitmapor", "Bitmap_Heap_Scan"}};
  if (kind == "indexscan") return node == "Index_Scan" || node == "Index_Only_Scan";
  auto it = kNodes.find(kind);
  return it != kNodes.end() && it->second == node;
}

Cost Compute(const Case& c) {
  const CostParams p = Params(c);
  if (!NodeMatchesKind(c.Text("node"), c.kind())) {
    throw std::runtime_error("PostgreSQL chose a " + c.Text("node") + ", not a " + c.kind());
  }
  const std::string& k = c.kind();
  if (k == "seqscan") {
    SeqScanInput in;
    in.pages = c["pages"];
    in.tuples = c["tuples"];
    in.rows = c["rows"];
    in.quals = Ops(p, c["qual_ops"]);
    in.parallel_workers = static_cast<int>(c.Get("parallel_workers", 0));
    return CostSeqScan(p, in).cost;
  }
  if (k == "indexscan") return IndexScan(p, c);
  if (k == "bitmapindex") return {0, Btree(p, c).total};  // the node shows indextotalcost
  if (k == "bitmapheap") return CostBitmapHeapScan(p, Bitmap(p, c)).cost;
  if (k == "sort") {
    return CostSort(p, c["input_total"], c["input_rows"], static_cast<int>(c["width"]), 0,
                    c.Get("limit", -1));
  }
  if (k == "limit") {
    return AdjustLimitRowsCosts({c["input_startup"], c["input_total"]}, c["input_rows"],
                                static_cast<int64_t>(c.Get("offset", 0)),
                                static_cast<int64_t>(c["count"]))
        .cost;
  }
  if (k == "material") {
    return CostMaterial(p, {c["input_startup"], c["input_total"]}, c["input_rows"],
                        static_cast<int>(c["width"]));
  }
  if (k == "agg") return Agg(p, c);
  if (k == "incsort") return IncrementalSort(p, c);
  if (k == "append") return Append(p, c);
  if (k == "windowagg") return WindowAgg(p, c);
  if (k == "bitmapor") return BitmapOrHeap(p, c);
  if (k == "gathermerge") {
    return CostGatherMerge(p, {c["input_startup"], c["input_total"]}, c["rows"],
                           static_cast<int>(c["workers"]));
  }
  if (k == "gather") return CostGather(p, {c["input_startup"], c["input_total"]}, c["rows"]);
  if (k == "hashjoin") return HashJoin(p, c);
  if (k == "mergejoin") return MergeJoin(p, c);
  if (k == "nestloop") return NestLoop(p, c);
  throw std::runtime_error("case " + c.name() + ": unknown kind " + k);
}

TEST_CASE("cost pg check: PostgreSQL 15 EXPLAIN costs" * doctest::skip(NoCases())) {
  std::ifstream file(CasesFile());
  REQUIRE(file.good());
  std::printf("%-28s %-11s %12s %12s %12s %12s  %s\n", "case", "kind", "pg startup", "pg total",
              "dbopt start", "dbopt total", "result");
  std::string line;
  int cases = 0;
  Results results;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    const Case c(line, &results);
    Cost got;
    try {
      got = Compute(c);
    } catch (const std::exception& e) {
      std::printf("%-28s ERROR: %s\n", c.name().c_str(), e.what());
      CHECK_MESSAGE(false, std::string(e.what()));
      continue;
    }
    results[c.name()] = got;
    const bool ok = std::fabs(got.startup - c["pg_startup"]) <= 0.01 &&
                    std::fabs(got.total - c["pg_total"]) <= 0.01;
    std::printf("%-28s %-11s %12.2f %12.2f %12.2f %12.2f  %s\n", c.name().c_str(), c.kind().c_str(),
                c["pg_startup"], c["pg_total"], got.startup, got.total, ok ? "ok" : "MISMATCH");
    CHECK_MESSAGE(ok, c.name());
    ++cases;
  }
  CHECK(cases > 0);
}

}  // namespace
}  // namespace dbopt::cost
