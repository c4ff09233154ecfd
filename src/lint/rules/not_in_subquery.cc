// DB103 not-in-subquery: x NOT IN (SELECT ...).
#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {

// True for NOT (x IN (SELECT ...)), the tree PostgreSQL's grammar makes of NOT IN (subquery).
bool IsNotInSubquery(const sql::Expr& e) {
  if (e.kind != sql::ExprKind::kNot || e.children.size() != 1) return false;
  const sql::Expr& inner = *e.children[0];
  return inner.kind == sql::ExprKind::kSubquery && inner.subquery_kind == sql::SubqueryKind::kAny &&
         inner.text.empty();
}

namespace {

class Finder : public AstVisitor {
 public:
  explicit Finder(Reporter& reporter) : reporter_(reporter) {}
  void Expression(const sql::Expr& e, Clause, bool) override {
    if (IsNotInSubquery(e))
      reporter_.Report(e.location,
                       "NOT IN (subquery) is never true when the subquery returns a NULL, and "
                       "PostgreSQL cannot plan it as an anti-join",
                       Grade::kDefault, "use NOT EXISTS (SELECT 1 FROM ... WHERE ...)");
  }

 private:
  Reporter& reporter_;
};

class NotInSubquery : public RuleBase {
 public:
  NotInSubquery()
      : RuleBase({"DB103", "not-in-subquery", RuleLevel::kSyntax, Level::kWarning,
                  "NOT IN (subquery): wrong with NULLs and slow on large inputs",
                  "x NOT IN (SELECT y ...) yields no rows as soon as one y is NULL, and the "
                  "planner cannot turn it into an anti-join: it runs a hashed subplan while the "
                  "subquery fits in work_mem and a plain subplan (O(N*M)) beyond. NOT EXISTS has "
                  "the intended meaning and becomes an anti-join."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeNotInSubquery() { return std::make_unique<NotInSubquery>(); }

}  // namespace dbopt::lint
