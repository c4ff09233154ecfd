// DB104 comparison-with-null: x = NULL, x <> NULL.
#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

bool IsNull(const sql::Expr& e) {
  const sql::Expr& s = StripCasts(e);
  return s.kind == sql::ExprKind::kConst && s.const_kind == sql::ConstKind::kNull;
}

class Finder : public AstVisitor {
 public:
  explicit Finder(Reporter& reporter) : reporter_(reporter) {}
  void Expression(const sql::Expr& e, Clause clause, bool) override {
    if (clause == Clause::kSet || !IsComparison(e)) return;
    if (!IsNull(*e.children[0]) && !IsNull(*e.children[1])) return;
    const bool equal = e.text == "=";
    reporter_.Report(e.location,
                     "comparison with NULL using " + e.text + " is never true (it yields NULL)",
                     Grade::kDefault, equal ? "use IS NULL" : "use IS NOT NULL");
  }

 private:
  Reporter& reporter_;
};

class ComparisonWithNull : public RuleBase {
 public:
  ComparisonWithNull()
      : RuleBase({"DB104", "comparison-with-null", RuleLevel::kSyntax, Level::kError,
                  "= NULL or <> NULL is never true",
                  "In SQL, NULL is unknown: x = NULL and x <> NULL yield NULL, which WHERE treats "
                  "as false, so the condition never holds. Use IS NULL / IS NOT NULL, or IS "
                  "[NOT] DISTINCT FROM to compare values that may be NULL."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeComparisonWithNull() { return std::make_unique<ComparisonWithNull>(); }

}  // namespace dbopt::lint
