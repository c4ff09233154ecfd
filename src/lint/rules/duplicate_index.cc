// DB405 duplicate-index: CREATE INDEX with the same keys as an existing index.
#include "../file_facts.h"
#include "index_overlap.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class DuplicateIndex : public RuleBase {
 public:
  DuplicateIndex()
      : RuleBase({"DB405", "duplicate-index", RuleLevel::kCatalog, Level::kWarning,
                  "CREATE INDEX duplicating an existing index",
                  "An index with the same method, keys (and direction) and predicate as an "
                  "existing one only costs: every write maintains both, and the planner gains "
                  "nothing. Drop one (keep the one backing a constraint)."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind != sql::StatementKind::kCreateIndex) return;
    const IndexShape created = ShapeOf(*s.create_index, s.begin);
    for (const IndexShape& old : ExistingIndexes(context, created)) {
      if (old.method != created.method || old.keys != created.keys ||
          old.partial != created.partial || old.predicate != created.predicate)
        continue;
      if (created.unique && !old.unique) continue;  // a unique index adds a constraint
      reporter.Report(s.location, "this index duplicates " + Describe(old), Grade::kDefault,
                      "drop the statement, or drop the old index");
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDuplicateIndex() { return std::make_unique<DuplicateIndex>(); }

}  // namespace dbopt::lint
