// DB102 select-star: SELECT * in a query's output (not inside EXISTS, not count(*)).
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
    if (exempt_.count(&s)) return;
    for (const sql::ResultTarget& t : s.targets) {
      const sql::Expr& e = *t.expr;
      const bool star = e.kind == sql::ExprKind::kStar ||
                        (e.kind == sql::ExprKind::kColumnRef && e.names.back() == "*");
      if (star)
        reporter_.Report(e.location, "SELECT * returns every column, including ones added later",
                         Grade::kDefault, "list the columns the application reads");
    }
  }

 private:
  Reporter& reporter_;
  std::set<const sql::SelectStmt*> exempt_;
};

class SelectStar : public RuleBase {
 public:
  SelectStar()
      : RuleBase({"DB102", "select-star", RuleLevel::kSyntax, Level::kInfo,
                  "SELECT * in a query's output",
                  "SELECT * reads every column: wider rows, no index-only scans, and results "
                  "that change shape when a column is added. List the columns you need. "
                  "SELECT * inside EXISTS is fine and not reported."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSelectStar() { return std::make_unique<SelectStar>(); }

}  // namespace dbopt::lint
