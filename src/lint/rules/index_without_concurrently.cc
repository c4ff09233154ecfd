// DB201 index-without-concurrently: CREATE INDEX on an existing table without CONCURRENTLY.
#include "../file_facts.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class IndexWithoutConcurrently : public RuleBase {
 public:
  IndexWithoutConcurrently()
      : RuleBase({"DB201", "index-without-concurrently", RuleLevel::kSyntax, Level::kWarning,
                  "CREATE INDEX without CONCURRENTLY blocks writes to the table",
                  "CREATE INDEX takes a SHARE lock: inserts, updates and deletes on the table "
                  "wait until the whole index is built. CREATE INDEX CONCURRENTLY builds it "
                  "without blocking writes (outside a transaction block). Tables created earlier "
                  "in the same file are exempt. With a catalog, the finding is graded by the "
                  "table's size (setting: min_rows, default 10000)."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind != sql::StatementKind::kCreateIndex || s.create_index->concurrently) return;
    const std::string& table = s.create_index->table.name;
    if (context.file.CreatedTable(table, s.begin)) return;
    reporter.Report(
        s.location,
        "CREATE INDEX on \"" + table +
            "\" without CONCURRENTLY blocks writes until the index is built" +
            TableSizeNote(context, table),
        GradeByTableSize(context, table, context.settings.Number("min_rows", kLargeTableRows)),
        "use CREATE INDEX CONCURRENTLY (outside a transaction block)");
  }
};

}  // namespace

std::unique_ptr<Rule> MakeIndexWithoutConcurrently() {
  return std::make_unique<IndexWithoutConcurrently>();
}

}  // namespace dbopt::lint
