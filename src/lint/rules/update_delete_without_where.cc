// DB101 update-delete-without-where: UPDATE or DELETE that touches every row.
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class UpdateDeleteWithoutWhere : public RuleBase {
 public:
  UpdateDeleteWithoutWhere()
      : RuleBase({"DB101", "update-delete-without-where", RuleLevel::kSyntax, Level::kError,
                  "UPDATE or DELETE without WHERE changes every row of the table",
                  "An UPDATE or DELETE without a WHERE clause (and, for DELETE, without USING) "
                  "changes every row. It is almost always an accident; when it is meant, say so "
                  "with WHERE true or use TRUNCATE."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.kind == sql::StatementKind::kUpdate && !s.update->where && s.update->from.empty()) {
      reporter.Report(s.location,
                      "UPDATE of \"" + s.update->table.name + "\" without WHERE changes every row");
    } else if (s.kind == sql::StatementKind::kDelete && !s.del->where &&
               s.del->using_items.empty()) {
      reporter.Report(s.location,
                      "DELETE from \"" + s.del->table.name + "\" without WHERE removes every row",
                      Grade::kDefault, "use TRUNCATE, or WHERE true when every row is meant");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUpdateDeleteWithoutWhere() {
  return std::make_unique<UpdateDeleteWithoutWhere>();
}

}  // namespace dbopt::lint
