// DB107 order-by-random: ORDER BY random() sorts the whole input to pick a few rows.
#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, const RuleContext& context) : reporter_(reporter), context_(context) {}
  void Select(const sql::SelectStmt& s) override {
    for (const sql::SortItem& o : s.order_by) {
      const sql::Expr& e = StripCasts(*o.expr);
      if (FunctionName(e) != "random") continue;
      std::string table;
      if (s.from.size() == 1 && s.from[0].kind == sql::FromKind::kTable)
        table = s.from[0].table.name;
      const Grade grade =
          table.empty() ? Grade::kDefault : GradeByTableSize(context_, table, kLargeTableRows);
      reporter_.Report(e.location, "ORDER BY random() reads and sorts every row to return a few",
                       grade,
                       "use TABLESAMPLE SYSTEM/BERNOULLI, or pick random keys in the application");
    }
  }

 private:
  Reporter& reporter_;
  const RuleContext& context_;
};

class OrderByRandom : public RuleBase {
 public:
  OrderByRandom()
      : RuleBase({"DB107", "order-by-random", RuleLevel::kSyntax, Level::kWarning,
                  "ORDER BY random() sorts the whole input",
                  "ORDER BY random() LIMIT n must read every row and sort it by a random key: the "
                  "cost grows with the table while the result stays n rows. Use TABLESAMPLE, or "
                  "sample keys by id range. With a catalog, small tables are graded as info."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, context);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOrderByRandom() { return std::make_unique<OrderByRandom>(); }

}  // namespace dbopt::lint
