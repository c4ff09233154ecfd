// DB503 dml-touches-many-rows: an UPDATE or DELETE whose WHERE the planner estimates to match
// more rows than a threshold. One statement changing that many rows holds their row locks
// until it commits, bloats the table with dead tuples at once and makes replicas lag; batches
// do not. Statements without WHERE are DB101's.
#include <string>

#include "../catalog_facts.h"
#include "../plan_facts.h"
#include "rule_base.h"
#include "size_text.h"

namespace dbopt::lint {
namespace {

// TUNING: 10,000 rows changed in one statement is where lock times and WAL bursts become
// visible on a busy OLTP database; a finding 100 times above it is graded one level up.
constexpr double kMaxRows = 10000;
constexpr double kMajorFactor = 100;

class DmlTouchesManyRows : public RuleBase {
 public:
  DmlTouchesManyRows()
      : RuleBase({"DB503", "dml-touches-many-rows", RuleLevel::kPlan, Level::kWarning,
                  "UPDATE/DELETE estimated to touch more rows than a threshold",
                  "The planner estimates that the UPDATE or DELETE changes more rows than the "
                  "threshold (setting: max_rows, default 10000; 100 times more is graded one "
                  "level up). One statement changing that many rows keeps them locked until "
                  "commit, writes a burst of WAL that replicas must replay and leaves as many "
                  "dead tuples for vacuum. Change them in batches (a key range or LIMITed "
                  "subquery per transaction). Statements without WHERE are reported by DB101 "
                  "instead. Without statistics for the table the estimate is a guess: a "
                  "low-precision info note."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    if (!context.plan) return;
    const sql::Statement& s = context.statement;
    const sql::Expr* where = s.kind == sql::StatementKind::kUpdate   ? s.update->where.get()
                             : s.kind == sql::StatementKind::kDelete ? s.del->where.get()
                                                                     : nullptr;
    if (!where) return;  // not UPDATE/DELETE, or no WHERE: DB101
    const PlanFacts& plan = *context.plan;
    const double max_rows = context.settings.Number("max_rows", kMaxRows);
    const char* verb = s.kind == sql::StatementKind::kUpdate ? "UPDATE" : "DELETE";
    const plan::PlanNode& root = plan.root();
    if (root.kind != plan::PlanKind::kModifyTable || root.children.empty()) return;
    const catalog::Table* table = plan.TableOf(root);
    if (!table) return;
    const double rows = root.children[0]->rows;
    const int location = where->location >= 0 ? where->location : s.location;
    const std::string hint = "change the rows in batches, e.g. by key ranges, one transaction each";
    if (!CatalogFacts::HasStats(*table)) {
      if (rows <= 1) return;  // a unique key lookup: one row whatever the size
      reporter.Report(location,
                      std::string(verb) + " on \"" + table->name +
                          "\": how many rows it touches is unknown (no statistics: low precision)",
                      Grade::kLowPrecision, hint);
      return;
    }
    if (rows <= max_rows) return;
    std::string share;
    if (table->stats->reltuples > 0) {
      const double percent = 100.0 * rows / table->stats->reltuples;
      share = " (" + (percent < 1 ? std::string("<1") : FormatRows(percent)) + "% of " +
              FormatRows(table->stats->reltuples) + ")";
    }
    reporter.Report(location,
                    std::string(verb) + " on \"" + table->name + "\" is estimated to touch " +
                        FormatRows(rows) + " rows" + share + ", more than " + FormatRows(max_rows),
                    rows >= kMajorFactor * max_rows ? Grade::kMajor : Grade::kDefault, hint);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDmlTouchesManyRows() { return std::make_unique<DmlTouchesManyRows>(); }

}  // namespace dbopt::lint
