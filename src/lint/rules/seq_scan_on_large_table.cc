// DB501 seq-scan-on-large-table: the plan reads a large table with a Seq Scan and a Filter
// that an index could serve. The rule proposes the index (equality columns first, then one
// range column, as a btree uses them) and keeps the finding only when a what-if plan with that
// index uses it and costs less: the message names the CREATE INDEX and the cost before → after.
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "../catalog_facts.h"
#include "../plan_facts.h"
#include "rule_base.h"
#include "size_text.h"

namespace dbopt::lint {
namespace {

using bind::BoundExpr;
using bind::BoundKind;
using bind::OpClass;

// TUNING: a table is large from 100,000 rows or 10,000 pages (80 MB) on: below that a
// sequential scan takes milliseconds and an index rarely pays for its upkeep.
constexpr double kMinRows = 100000;
constexpr double kMinPages = 10000;
// TUNING: the index must cut the statement's cost by at least a quarter to be worth proposing;
// smaller gains are within the estimates' error and do not pay for the index's upkeep.
constexpr double kMinGain = 0.25;

// The columns a btree index on the scanned relation could use, from the scan's Filter:
// `col = const`, `col IN (...)` (equality) and `col < const` and friends (range), either side.
struct IndexColumns {
  std::vector<std::string> equality;
  std::vector<std::string> range;
  int location = -1;  // of the first usable clause
};

bool IsValue(const BoundExpr& e) {
  const BoundExpr* x = &e;
  while (x->kind == BoundKind::kCast && x->args.size() == 1) x = x->args[0].get();
  return x->kind == BoundKind::kConst || x->kind == BoundKind::kParam ||
         x->kind == BoundKind::kSqlValue ||
         (x->kind != BoundKind::kVar && bind::VarNos(*x).empty() && !bind::ContainsVolatile(*x) &&
          !bind::ContainsSubLink(*x));
}

const BoundExpr* VarOf(const BoundExpr& e, int rtindex) {
  return e.kind == BoundKind::kVar && e.varno == rtindex && e.levelsup == 0 && e.attno > 0
             ? &e
             : nullptr;
}

void Collect(const BoundExpr& e, int rtindex, const catalog::Table& table, IndexColumns& out) {
  if (e.kind == BoundKind::kAnd) {
    for (const auto& a : e.args) Collect(*a, rtindex, table, out);
    return;
  }
  const BoundExpr* var = nullptr;
  bool equality = false;
  if (e.kind == BoundKind::kOp && e.args.size() == 2) {
    const bool range = e.op_class == OpClass::kLt || e.op_class == OpClass::kLe ||
                       e.op_class == OpClass::kGt || e.op_class == OpClass::kGe;
    if (e.op_class != OpClass::kEq && !range) return;
    equality = e.op_class == OpClass::kEq;
    if (const BoundExpr* v = VarOf(*e.args[0], rtindex); v && IsValue(*e.args[1])) var = v;
    if (const BoundExpr* v = VarOf(*e.args[1], rtindex); v && IsValue(*e.args[0])) var = v;
  } else if (e.kind == BoundKind::kScalarArrayOp && e.use_or && e.name == "=" &&
             e.args.size() == 2 && IsValue(*e.args[1])) {
    var = VarOf(*e.args[0], rtindex);
    equality = true;
  }
  if (!var || var->attno > static_cast<int>(table.columns.size())) return;
  const std::string& column = table.columns[static_cast<size_t>(var->attno - 1)].name;
  std::vector<std::string>& list = equality ? out.equality : out.range;
  if (std::find(list.begin(), list.end(), column) != list.end()) return;
  list.push_back(column);
  if (out.location < 0) out.location = e.location >= 0 ? e.location : var->location;
}

std::string Cost(double c) {
  char out[32];
  std::snprintf(out, sizeof out, "%.2f", c);
  return out;
}

class SeqScanOnLargeTable : public RuleBase {
 public:
  SeqScanOnLargeTable()
      : RuleBase({"DB501", "seq-scan-on-large-table", RuleLevel::kPlan, Level::kWarning,
                  "a sequential scan of a large table where an index would serve",
                  "The plan reads every page of a large table (settings: min_rows, default "
                  "100000, or min_pages, default 10000) to keep the rows of a Filter. dbopt "
                  "proposes a btree index on the filtered columns (equality columns first, then "
                  "one range column), plans the statement again with it as a hypothetical index "
                  "and reports only when the planner would use it and the statement's cost "
                  "drops by at least min_gain (default 0.25, a quarter); the "
                  "message names the CREATE INDEX and the cost before and after. Without "
                  "statistics for the table the size is unknown: the proposal is an info note "
                  "with low precision."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    if (!context.plan) return;
    const PlanFacts& plan = *context.plan;
    const double min_rows = context.settings.Number("min_rows", kMinRows);
    const double min_pages = context.settings.Number("min_pages", kMinPages);
    std::set<std::string> proposed;
    plan.ForEachNode([&](const plan::PlanNode& node, const plan::PlanNode*) {
      if (node.kind != plan::PlanKind::kSeqScan || node.filter.empty()) return;
      const catalog::Table* table = plan.TableOf(node);
      if (!table || table->kind != "table") return;
      const bool stats = CatalogFacts::HasStats(*table);
      if (stats && table->stats->reltuples < min_rows &&
          static_cast<double>(table->stats->relpages) < min_pages)
        return;
      IndexColumns columns;
      for (const auto& f : node.filter) Collect(*f, node.scan_rtindex, *table, columns);
      if (columns.equality.empty() && columns.range.empty()) return;
      std::vector<std::string> keys = columns.equality;
      if (!columns.range.empty()) keys.push_back(columns.range.front());
      std::string name = table->name;
      std::string list;
      for (const std::string& k : keys) {
        name += "_" + k;
        list += (list.empty() ? "" : ", ") + k;
      }
      name += "_idx";
      const std::string create =
          "CREATE INDEX " + name + " ON " + table->QualifiedName() + " (" + list + ")";
      if (!proposed.insert(create).second) return;
      const std::string shown =
          "CREATE INDEX CONCURRENTLY " + name + " ON " + table->name + " (" + list + ")";
      if (!stats) {
        reporter.Report(columns.location,
                        "Seq Scan on \"" + table->name + "\" with a filter on " + list +
                            "; its size is unknown (no statistics: low precision)",
                        Grade::kLowPrecision, "if the table is large: " + shown);
        return;
      }
      const std::optional<PlanFacts::WhatIfPlan> what_if = plan.PlanWithIndex(create, name);
      const double before = plan.root().total_cost;
      if (!what_if || !what_if->uses_index ||
          what_if->total_cost > before * (1 - context.settings.Number("min_gain", kMinGain)))
        return;
      reporter.Report(columns.location,
                      "Seq Scan on \"" + table->name + "\" (" + TableSizeText(*table) +
                          ") filters on " + list + ": with " + shown +
                          " the planner uses the index and the cost drops from " +
                          Cost(plan.root().total_cost) + " to " + Cost(what_if->total_cost),
                      Grade::kDefault, shown + ";");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSeqScanOnLargeTable() { return std::make_unique<SeqScanOnLargeTable>(); }

}  // namespace dbopt::lint
