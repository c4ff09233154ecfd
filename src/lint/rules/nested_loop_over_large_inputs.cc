// DB504 nested-loop-over-large-inputs: a Nested Loop that pairs many rows. The inner side runs
// once per outer row; when no index condition narrows it (a Materialize or a scan with only a
// Join Filter), every pair of rows is compared: outer rows × inner rows per loop.
#include <string>

#include "../plan_facts.h"
#include "rule_base.h"
#include "size_text.h"

namespace dbopt::lint {
namespace {

using plan::PlanKind;
using plan::PlanNode;

// TUNING: ten million row pairs take seconds of CPU; a nested loop whose inner side is an index
// lookup stays fast per pair, so it is held to a hundred times more.
constexpr double kMinPairs = 1e7;
constexpr double kIndexedFactor = 100;

// True when the inner side is looked up by an index (a parameterized index or bitmap scan).
bool InnerUsesIndex(const PlanNode& node) {
  if ((node.kind == PlanKind::kIndexScan || node.kind == PlanKind::kIndexOnlyScan ||
       node.kind == PlanKind::kBitmapIndexScan) &&
      !node.index_cond.empty())
    return true;
  for (const auto& c : node.children)
    if (InnerUsesIndex(*c)) return true;
  return false;
}

class NestedLoopOverLargeInputs : public RuleBase {
 public:
  NestedLoopOverLargeInputs()
      : RuleBase({"DB504", "nested-loop-over-large-inputs", RuleLevel::kPlan, Level::kWarning,
                  "a nested loop over large inputs",
                  "A Nested Loop runs its inner side once per outer row. Without an index "
                  "condition on the inner side (a cross join, or a join on an expression or an "
                  "inequality that no hash or merge join can use) it compares every pair: outer "
                  "rows × inner rows. The rule reports loops of at least min_pairs pairs "
                  "(default 10,000,000), or 100 times that when the inner side is an index "
                  "lookup. Join on an equality the planner can hash, add the missing join "
                  "condition, or filter the inputs first. Estimates from tables without "
                  "statistics make it a low-precision info note."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    if (!context.plan) return;
    const PlanFacts& plan = *context.plan;
    const double min_pairs = context.settings.Number("min_pairs", kMinPairs);
    plan.ForEachNode([&](const PlanNode& node, const PlanNode*) {
      if (node.kind != PlanKind::kNestLoop || node.children.size() != 2) return;
      const PlanNode& outer = *node.children[0];
      const PlanNode& inner = *node.children[1];
      const bool indexed = InnerUsesIndex(inner);
      // Materialize and Memoize count their rows per rescan too.
      const double pairs = outer.rows * inner.rows;
      const bool guessed = plan.LacksStatistics(node);
      // Below the threshold, a loop without an inner index over a table without statistics is
      // still a low-precision note: its sizes are the planner's default guesses.
      if (pairs < (indexed ? kIndexedFactor * min_pairs : min_pairs) && !(guessed && !indexed))
        return;
      // The join condition: a join filter, or the inner side's parameterized index condition.
      int location = -1;
      if (!node.join_filter.empty()) location = node.join_filter[0]->location;
      for (const PlanNode* n = &inner; location < 0 && n != nullptr;
           n = n->children.empty() ? nullptr : n->children[0].get()) {
        if (!n->index_cond.empty()) location = n->index_cond[0]->location;
      }
      reporter.Report(location,
                      "Nested Loop over " + FormatRows(outer.rows) + " outer rows × " +
                          FormatRows(inner.rows) + " inner rows per loop = " + FormatRows(pairs) +
                          " row pairs" +
                          (indexed ? " (inner side by index)" : ", no index on the inner side") +
                          (guessed ? " (no statistics: low precision)" : ""),
                      guessed ? Grade::kLowPrecision : Grade::kDefault,
                      indexed ? "filter the outer side first"
                              : "join on an equality (hashable) or add the missing join condition");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> MakeNestedLoopOverLargeInputs() {
  return std::make_unique<NestedLoopOverLargeInputs>();
}

}  // namespace dbopt::lint
