// DB407 not-in-nullable-column: x NOT IN (SELECT col ...) where col may be NULL.
#include <cstdio>

#include "../ast_walk.h"
#include "../catalog_facts.h"
#include "../resolve.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, const Resolution& resolution)
      : reporter_(reporter), resolution_(resolution) {}
  void Expression(const sql::Expr& e, Clause, bool) override {
    if (!IsNotInSubquery(e)) return;
    const sql::SelectStmt& sub = *e.children[0]->subquery;
    if (sub.set_op != sql::SetOp::kNone || sub.targets.size() != 1) return;
    const sql::Expr& target = StripCasts(*sub.targets[0].expr);
    if (target.kind != sql::ExprKind::kColumnRef) return;
    const ResolvedColumn* r = resolution_.Find(target);
    if (!r || (r->column->not_null && !r->nullable_side)) return;
    const std::string name = r->table->name + "." + r->column->name;
    const std::string hint = "use NOT EXISTS, or filter WHERE " + r->column->name + " IS NOT NULL";
    if (!r->from_catalog) {
      Report(target, name + " is nullable: NOT IN returns no rows once it holds a NULL",
             Grade::kMedium, hint);
    } else if (!CatalogFacts::HasStats(*r->table)) {
      Report(target,
             name +
                 " is nullable (no statistics to tell whether it holds NULLs): NOT IN "
                 "returns no rows once it does",
             Grade::kLowPrecision, hint);
    } else {
      auto it = r->table->column_stats.find(r->column->name);
      const double null_frac = it == r->table->column_stats.end() ? -1 : it->second.null_frac;
      if (null_frac > 0) {
        char frac[32];
        std::snprintf(frac, sizeof frac, "%.0f%%", null_frac * 100);
        Report(target, name + " holds NULLs (" + frac + " of rows): this NOT IN returns no rows",
               Grade::kDefault, hint);
      } else {
        Report(target, name + " is nullable: NOT IN returns no rows once it holds a NULL",
               Grade::kMedium, hint);
      }
    }
  }

 private:
  void Report(const sql::Expr& at, std::string message, Grade grade, std::string hint) {
    reporter_.Report(at.location, std::move(message), grade, std::move(hint));
  }
  Reporter& reporter_;
  const Resolution& resolution_;
};

class NotInNullableColumn : public RuleBase {
 public:
  NotInNullableColumn()
      : RuleBase({"DB407", "not-in-nullable-column", RuleLevel::kCatalog, Level::kWarning,
                  "NOT IN over a subquery column that can be NULL",
                  "x NOT IN (SELECT col ...) is NULL, never true, for every x as soon as one col "
                  "is NULL, so the query silently returns nothing. The catalog tells whether col "
                  "is nullable and the statistics whether it holds NULLs now (null_frac): with "
                  "NULLs present the finding has high precision; nullable without NULLs, medium; "
                  "without statistics, a low-precision note. Use NOT EXISTS."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, *context.resolution);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeNotInNullableColumn() { return std::make_unique<NotInNullableColumn>(); }

}  // namespace dbopt::lint
