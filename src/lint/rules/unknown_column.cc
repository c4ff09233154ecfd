// DB402 unknown-column: column not in its table.
#include "../resolve.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class UnknownColumn : public RuleBase {
 public:
  UnknownColumn()
      : RuleBase({"DB402", "unknown-column", RuleLevel::kCatalog, Level::kError,
                  "column not in its table",
                  "A column that none of the query's tables has (or that the named table lacks). "
                  "Columns of derived tables whose output is not known (SELECT * subqueries, "
                  "set-returning functions) are not checked. The hint names the closest column."}) {
  }

  void Check(const RuleContext& context, Reporter& reporter) const override {
    for (const NameProblem& p : context.resolution->unknown_columns())
      reporter.Report(p.location, p.message, Grade::kDefault, p.hint);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUnknownColumn() { return std::make_unique<UnknownColumn>(); }

}  // namespace dbopt::lint
