// DB401 unknown-table: table not in the catalog.
#include "../resolve.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class UnknownTable : public RuleBase {
 public:
  UnknownTable()
      : RuleBase({"DB401", "unknown-table", RuleLevel::kCatalog, Level::kError,
                  "table not in the catalog",
                  "A table that is neither in the catalog, nor created earlier in the file, nor a "
                  "CTE: a typo, or a migration the catalog does not have yet. The hint names the "
                  "closest table. System catalogs (pg_*, information_schema) are not checked."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    for (const NameProblem& p : context.resolution->unknown_tables())
      reporter.Report(p.location, p.message, Grade::kDefault, p.hint);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUnknownTable() { return std::make_unique<UnknownTable>(); }

}  // namespace dbopt::lint
