// DB409 is-null-on-not-null-column: col IS NULL where col is NOT NULL (and not on the nullable
// side of an outer join).
#include "../ast_walk.h"
#include "../resolve.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, const Resolution& resolution)
      : reporter_(reporter), resolution_(resolution) {}
  void Expression(const sql::Expr& e, Clause, bool) override {
    if (e.kind != sql::ExprKind::kNullTest || e.children.empty()) return;
    const sql::Expr& col = StripCasts(*e.children[0]);
    if (col.kind != sql::ExprKind::kColumnRef) return;
    const ResolvedColumn* r = resolution_.Find(col);
    if (!r || !r->column->not_null || r->nullable_side) return;
    const std::string name = r->table->name + "." + r->column->name;
    reporter_.Report(col.location,
                     name + " is NOT NULL: IS " + std::string(e.negated ? "NOT " : "") +
                         "NULL is always " + (e.negated ? "true" : "false"),
                     Grade::kDefault,
                     e.negated ? "drop the test" : "check the column name, or drop the test");
  }

 private:
  Reporter& reporter_;
  const Resolution& resolution_;
};

class IsNullOnNotNullColumn : public RuleBase {
 public:
  IsNullOnNotNullColumn()
      : RuleBase({"DB409", "is-null-on-not-null-column", RuleLevel::kCatalog, Level::kWarning,
                  "IS [NOT] NULL on a NOT NULL column",
                  "A NOT NULL column is never NULL, so col IS NULL is always false and col IS "
                  "NOT NULL always true: the test is dead code or the wrong column. Columns on "
                  "the nullable side of an outer join (the anti-join idiom LEFT JOIN ... WHERE "
                  "b.id IS NULL) are not reported."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, *context.resolution);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeIsNullOnNotNullColumn() {
  return std::make_unique<IsNullOnNotNullColumn>();
}

}  // namespace dbopt::lint
