// DB502 spill-past-work-mem: a Sort, a Hash (the inner side of a Hash Join) or a
// HashAggregate whose estimated input does not fit in work_mem (× hash_mem_multiplier for
// hashes), so that PostgreSQL spills it to temporary files. The decisions are PostgreSQL's own
// (cost module): cost_tuplesort's external merge, ExecChooseHashTableSize's batches, and
// hash_agg_set_limits for grouping; the message says by how much the estimate exceeds memory.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "../plan_facts.h"
#include "dbopt/cost/agg_cost.h"
#include "dbopt/cost/hash_table_size.h"
#include "dbopt/cost/sort_cost.h"
#include "dbopt/cost/width.h"
#include "rule_base.h"
#include "size_text.h"

namespace dbopt::lint {
namespace {

using plan::PlanKind;
using plan::PlanNode;

// PG15: nodeHash.c HJTUPLE_OVERHEAD (MAXALIGN(sizeof(HashJoinTupleData))) plus
// MAXALIGN(SizeofMinimalTupleHeader): the per-tuple overhead of a hash join's table.
constexpr double kHashTupleOverhead = 16 + 16;

struct Spill {
  bool spills = false;
  double bytes = 0;   // the estimated memory the node wants
  double memory = 0;  // what it may use: work_mem, or work_mem × hash_mem_multiplier
  std::string what;   // "Sort of 2,000,000 rows × 48 bytes"
  int location = -1;
};

// LIMIT count [+ OFFSET] above a Sort, when both are constants: the planner then costs a
// bounded ("top-N") sort, also below a Gather Merge, which passes the bound to its workers.
double LimitTuples(const PlanNode* parent,
                   const std::map<const PlanNode*, const PlanNode*>& parents) {
  while (parent && parent->kind == PlanKind::kGatherMerge) {
    auto it = parents.find(parent);
    parent = it == parents.end() ? nullptr : it->second;
  }
  if (!parent || parent->kind != PlanKind::kLimit || !parent->limit_count) return -1;
  auto value = [](const bind::BoundExpr* e) -> double {
    if (!e) return 0;
    if (e->kind != bind::BoundKind::kConst || e->is_null) return -1;
    return std::strtod(e->value.c_str(), nullptr);
  };
  const double count = value(parent->limit_count.get());
  const double offset = value(parent->limit_offset.get());
  return count < 0 || offset < 0 ? -1 : count + offset;
}

// The first source location inside a (planner-built) expression; -1 when none has one.
int FirstLocation(const bind::BoundExpr& e) {
  int location = -1;
  bind::Walk(e, [&](const bind::BoundExpr& x) {
    if (location < 0 && x.location >= 0) location = x.location;
  });
  return location;
}

int CountAggregates(const PlanNode& node) {
  int n = 0;
  for (const auto& e : node.output)
    bind::Walk(*e, [&](const bind::BoundExpr& x) { n += x.kind == bind::BoundKind::kAggref; });
  return n;
}

Spill Examine(const PlanFacts& plan, const PlanNode& node, const PlanNode* parent,
              const std::map<const PlanNode*, const PlanNode*>& parents) {
  const cost::CostParams& p = plan.params();
  Spill s;
  if (node.children.empty()) return s;
  const PlanNode& input = *node.children[0];
  if (node.kind == PlanKind::kSort) {
    // cost_tuplesort: external merge when the input (or the top-N output) exceeds work_mem.
    const double limit = LimitTuples(parent, parents);
    s.spills = cost::CostTuplesort(p, input.rows, node.width, 0, p.work_mem_kb, limit).method ==
               cost::SortMethod::kExternalMerge;
    s.bytes = cost::RelationByteSize(input.rows, node.width);
    s.memory = p.WorkMemBytes();
    s.what =
        "Sort of " + FormatRows(input.rows) + " rows × " + std::to_string(node.width) + " bytes";
    if (!node.sort_keys.empty() && node.sort_keys[0].expr)
      s.location = node.sort_keys[0].expr->location;
  } else if (node.kind == PlanKind::kHash) {
    // ExecChooseHashTableSize: more than one batch when rows × tuple size exceeds hash_mem.
    const cost::HashTableSize size = cost::ExecChooseHashTableSize(
        p, input.rows, input.width, true, node.parallel_aware, node.parallel_aware ? 1 : 0);
    s.spills = size.num_batches > 1;
    s.bytes = input.rows * (kHashTupleOverhead + static_cast<double>(cost::MaxAlign(input.width)));
    s.memory = p.HashMemBytes();
    s.what = "Hash of " + FormatRows(input.rows) + " rows × " + std::to_string(input.width) +
             " bytes (" + std::to_string(size.num_batches) + " batches)";
    if (parent && !parent->hash_cond.empty()) s.location = FirstLocation(*parent->hash_cond[0]);
  } else if (node.kind == PlanKind::kAggregate &&
             (node.agg_strategy == plan::AggStrategy::kHashed ||
              node.agg_strategy == plan::AggStrategy::kMixed)) {
    // hash_agg_set_limits: groups × hash_agg_entry_size beyond hash_mem spill to partitions.
    // The transition states are counted (one per aggregate), their by-reference memory is not.
    const double entry = cost::HashAggEntrySize(CountAggregates(node), input.width, 0);
    s.spills = cost::HashAggSetLimits(p, entry, node.rows).num_partitions > 0;
    s.bytes = node.rows * entry;
    s.memory = p.HashMemBytes();
    s.what = "HashAggregate of " + FormatRows(node.rows) + " groups × " +
             std::to_string(static_cast<long>(entry)) + " bytes";
    if (!node.group_keys.empty()) s.location = node.group_keys[0]->location;
  }
  return s;
}

class SpillPastWorkMem : public RuleBase {
 public:
  SpillPastWorkMem()
      : RuleBase({"DB502", "spill-past-work-mem", RuleLevel::kPlan, Level::kWarning,
                  "a sort or hash that spills past work_mem",
                  "A Sort, the Hash of a Hash Join or a HashAggregate whose estimated input does "
                  "not fit in work_mem (hash_mem = work_mem × hash_mem_multiplier for hashes) "
                  "is written to temporary files and read back, often many times slower. The "
                  "work_mem is the catalog's setting. Fix the query (filter earlier, select "
                  "fewer columns, an index that delivers the order) or raise work_mem for this "
                  "query (SET LOCAL work_mem). Setting: min_ratio (default 1): report only when "
                  "the estimate is at least that many times the memory. Without statistics the "
                  "sizes are guesses: a low-precision info note."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    if (!context.plan) return;
    const PlanFacts& plan = *context.plan;
    const double min_ratio = context.settings.Number("min_ratio", 1.0);
    std::map<const PlanNode*, const PlanNode*> parents;
    plan.ForEachNode(
        [&](const PlanNode& node, const PlanNode* parent) { parents[&node] = parent; });
    bool noted = false;  // one low-precision note per statement is enough
    plan.ForEachNode([&](const PlanNode& node, const PlanNode* parent) {
      const Spill s = Examine(plan, node, parent, parents);
      if (s.what.empty()) return;
      const bool guessed = plan.LacksStatistics(node);
      const bool reported = s.spills && s.memory > 0 && s.bytes >= min_ratio * s.memory;
      if (!reported) {
        // Without statistics the estimate is the planner's default guess: say so rather than
        // stay silent.
        if (guessed && !noted)
          reporter.Report(s.location,
                          s.what.substr(0, s.what.find(' ')) +
                              " over a table without statistics: whether it fits in " +
                              (node.kind == PlanKind::kSort ? "work_mem" : "hash_mem") + " (" +
                              FormatBytes(s.memory) + ") is unknown (no statistics: low precision)",
                          Grade::kLowPrecision, "ANALYZE the table and import the catalog again");
        noted = noted || guessed;
        return;
      }
      char ratio[32];
      std::snprintf(ratio, sizeof ratio, "%.1f", s.bytes / s.memory);
      reporter.Report(s.location,
                      s.what + " ≈ " + FormatBytes(s.bytes) + " exceeds " +
                          (node.kind == PlanKind::kSort ? "work_mem" : "hash_mem") + " (" +
                          FormatBytes(s.memory) + ") by " + FormatBytes(s.bytes - s.memory) +
                          " (×" + ratio + "): it spills to disk" +
                          (guessed ? " (no statistics: low precision)" : ""),
                      guessed ? Grade::kLowPrecision : Grade::kDefault,
                      "filter or narrow the input, or SET LOCAL work_mem for this query");
    });
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSpillPastWorkMem() { return std::make_unique<SpillPastWorkMem>(); }

}  // namespace dbopt::lint
