// DB106 limit-without-order-by: LIMIT/OFFSET/FETCH without ORDER BY returns arbitrary rows.
#include <set>

#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class Finder : public AstVisitor {
 public:
  explicit Finder(Reporter& reporter) : reporter_(reporter) {}
  void Expression(const sql::Expr& e, Clause, bool) override {
    if (e.kind == sql::ExprKind::kSubquery && e.subquery_kind == sql::SubqueryKind::kExists)
      exempt_.insert(e.subquery.get());
  }
  void Select(const sql::SelectStmt& s) override {
    if (exempt_.count(&s) || !s.order_by.empty()) return;
    const sql::Expr* clause = s.limit ? s.limit.get() : s.offset.get();
    if (!clause) return;
    reporter_.Report(clause->location,
                     std::string(s.limit ? "LIMIT" : "OFFSET") +
                         " without ORDER BY returns an arbitrary, plan-dependent set of rows",
                     Grade::kDefault, "add an ORDER BY on a unique key");
  }

 private:
  Reporter& reporter_;
  std::set<const sql::SelectStmt*> exempt_;
};

class LimitWithoutOrderBy : public RuleBase {
 public:
  LimitWithoutOrderBy()
      : RuleBase({"DB106", "limit-without-order-by", RuleLevel::kSyntax, Level::kWarning,
                  "LIMIT or OFFSET without ORDER BY",
                  "Without ORDER BY, SQL promises no row order: which rows LIMIT keeps depends on "
                  "the plan, and pages of OFFSET pagination can overlap or skip rows when the "
                  "plan changes. Order by a unique key. Inside EXISTS it does not matter and is "
                  "not reported."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeLimitWithoutOrderBy() { return std::make_unique<LimitWithoutOrderBy>(); }

}  // namespace dbopt::lint
