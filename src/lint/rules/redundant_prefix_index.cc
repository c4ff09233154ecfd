// DB406 redundant-prefix-index: a B-tree index whose keys are a prefix of another's.
#include <algorithm>

#include "../file_facts.h"
#include "index_overlap.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

bool IsStrictPrefix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return a.size() < b.size() && std::equal(a.begin(), a.end(), b.begin());
}

class RedundantPrefixIndex : public RuleBase {
 public:
  RedundantPrefixIndex()
      : RuleBase({"DB406", "redundant-prefix-index", RuleLevel::kCatalog, Level::kInfo,
                  "B-tree index that is a prefix of another",
                  "A B-tree on (a) is served by a B-tree on (a, b) for the same lookups and "
                  "sorts, so one of the two is usually redundant: either the new index is "
                  "already covered, or it makes an existing narrower index unnecessary. Unique "
                  "and partial indexes are left alone."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind != sql::StatementKind::kCreateIndex) return;
    const IndexShape created = ShapeOf(*s.create_index, s.begin);
    if (created.method != "btree" || created.partial) return;
    for (const IndexShape& old : ExistingIndexes(context, created)) {
      if (old.method != "btree" || old.partial) continue;
      if (!created.unique && IsStrictPrefix(created.keys, old.keys)) {
        reporter.Report(s.location, "this index is a prefix of " + Describe(old) +
                                        ", which already serves its lookups");
        return;
      }
      if (!old.unique && IsStrictPrefix(old.keys, created.keys)) {
        reporter.Report(s.location,
                        "this index makes " + Describe(old) +
                            " redundant (its keys are a prefix of this one's)",
                        Grade::kDefault, "drop " + old.name + " once this index is built");
        return;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeRedundantPrefixIndex() {
  return std::make_unique<RedundantPrefixIndex>();
}

}  // namespace dbopt::lint
