// DB101 update-delete-without-where: UPDATE or DELETE that touches every row.
#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, const sql::Statement& top) : reporter_(reporter), top_(top) {}
  void Statement(const sql::Statement& s) override {
    // A statement inside WITH has no location of its own: point at its table.
    if (s.kind == sql::StatementKind::kUpdate && !s.update->where && s.update->from.empty()) {
      reporter_.Report(&s == &top_ ? s.location : s.update->table.location,
                       "UPDATE of \"" + s.update->table.name + "\" without WHERE changes every row",
                       Grade::kDefault,
                       "add a WHERE clause, or WHERE true when every row is meant");
    } else if (s.kind == sql::StatementKind::kDelete && !s.del->where &&
               s.del->using_items.empty()) {
      reporter_.Report(&s == &top_ ? s.location : s.del->table.location,
                       "DELETE from \"" + s.del->table.name + "\" without WHERE removes every row",
                       Grade::kDefault, "use TRUNCATE, or WHERE true when every row is meant");
    }
  }

 private:
  Reporter& reporter_;
  const sql::Statement& top_;
};

class UpdateDeleteWithoutWhere : public RuleBase {
 public:
  UpdateDeleteWithoutWhere()
      : RuleBase({"DB101", "update-delete-without-where", RuleLevel::kSyntax, Level::kError,
                  "UPDATE or DELETE without WHERE changes every row of the table",
                  "An UPDATE or DELETE without a WHERE clause (and, for DELETE, without USING) "
                  "changes every row. It is almost always an accident; when it is meant, say so "
                  "with WHERE true or use TRUNCATE."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, context.statement);
    Walk(context.statement, finder);  // also DML inside WITH
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUpdateDeleteWithoutWhere() {
  return std::make_unique<UpdateDeleteWithoutWhere>();
}

}  // namespace dbopt::lint
