// DB403 outer-column-reference: a subquery column that silently binds to the outer query.
#include "../resolve.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class OuterColumnReference : public RuleBase {
 public:
  OuterColumnReference()
      : RuleBase({"DB403", "outer-column-reference", RuleLevel::kCatalog, Level::kWarning,
                  "a subquery column that silently binds to the outer query",
                  "In WHERE x IN (SELECT customer_id FROM reviews), if reviews has no customer_id "
                  "column, PostgreSQL binds it to the outer query's column: the subquery becomes "
                  "always true for every row with a non-null value. Qualify columns in subqueries; "
                  "qualified outer references are intentional and not reported."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    for (const NameProblem& p : context.resolution->outer_references())
      reporter.Report(p.location, p.message, Grade::kDefault, p.hint);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOuterColumnReference() {
  return std::make_unique<OuterColumnReference>();
}

}  // namespace dbopt::lint
