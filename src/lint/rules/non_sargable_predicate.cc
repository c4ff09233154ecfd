// DB110 non-sargable-predicate: a function or cast applied to a column in a WHERE/ON comparison.
#include "../ast_walk.h"
#include "../catalog_facts.h"
#include "dbopt/sql/to_sql.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, const CatalogFacts* catalog)
      : reporter_(reporter), catalog_(catalog) {}
  void Expression(const sql::Expr& e, Clause clause, bool) override {
    if (clause != Clause::kWhere && clause != Clause::kJoinOn) return;
    const bool two_sided = IsComparison(e);
    const bool one_sided = e.kind == sql::ExprKind::kIn || e.kind == sql::ExprKind::kBetween ||
                           e.kind == sql::ExprKind::kLike || e.kind == sql::ExprKind::kILike;
    if (!two_sided && !one_sided) return;
    Operand(*e.children[0]);
    if (two_sided) Operand(*e.children[1]);
  }

 private:
  void Operand(const sql::Expr& e) {
    const bool call = e.kind == sql::ExprKind::kFuncCall && !(e.func && e.func->over);
    const bool cast = e.kind == sql::ExprKind::kCast;
    if ((!call && !cast) || e.children.empty() || !MentionsColumn(e)) return;
    if (HasExpressionIndex(e)) return;
    const std::string what = call ? "function " + FunctionName(e) + "()" : std::string("a cast");
    // A cast's own location is its "::"; point at the expression cast instead.
    const int location =
        cast && e.children[0]->location >= 0 ? e.children[0]->location : e.location;
    reporter_.Report(location,
                     what +
                         " applied to a column in a predicate: a plain index on the column "
                         "cannot be used",
                     Grade::kDefault,
                     "compare the bare column (move the function to the other side), or index "
                     "the expression");
  }

  // An expression index on exactly this expression serves the predicate.
  bool HasExpressionIndex(const sql::Expr& e) const {
    if (!catalog_) return false;
    const std::string text = sql::ToSql(e);
    for (const catalog::Index& index : catalog_->catalog().indexes) {
      for (const catalog::IndexKey& key : index.keys)
        if (!key.expression.empty() && key.expression == text) return true;
    }
    return false;
  }

  Reporter& reporter_;
  const CatalogFacts* catalog_;
};

class NonSargablePredicate : public RuleBase {
 public:
  NonSargablePredicate()
      : RuleBase({"DB110", "non-sargable-predicate", RuleLevel::kSyntax, Level::kInfo,
                  "function or cast on a column in a predicate",
                  "WHERE lower(email) = $1 or WHERE created_at::date = $1 cannot use an index on "
                  "the bare column: the planner only matches indexes on the expression as "
                  "written. Rewrite as a range on the column (created_at >= $1 AND created_at < "
                  "$1 + 1), or create an expression index. With a catalog, predicates served by "
                  "an existing expression index are not reported."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, context.catalog);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeNonSargablePredicate() {
  return std::make_unique<NonSargablePredicate>();
}

}  // namespace dbopt::lint
