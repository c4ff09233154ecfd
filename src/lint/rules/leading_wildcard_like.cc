// DB108 leading-wildcard-like: col LIKE '%x' cannot use a B-tree index.
#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class Finder : public AstVisitor {
 public:
  explicit Finder(Reporter& reporter) : reporter_(reporter) {}
  void Expression(const sql::Expr& e, Clause clause, bool) override {
    if (clause != Clause::kWhere && clause != Clause::kJoinOn) return;
    if (e.kind != sql::ExprKind::kLike && e.kind != sql::ExprKind::kILike) return;
    if (e.negated || e.children.size() < 2 || !MentionsColumn(*e.children[0])) return;
    const sql::Expr& pattern = StripCasts(*e.children[1]);
    if (pattern.kind != sql::ExprKind::kConst || pattern.const_kind != sql::ConstKind::kString)
      return;
    if (pattern.text.empty() || (pattern.text[0] != '%' && pattern.text[0] != '_')) return;
    reporter_.Report(pattern.location,
                     "pattern starts with a wildcard: no B-tree index can serve it, every row "
                     "is scanned",
                     Grade::kDefault, "use a pg_trgm GIN index, or full-text search");
  }

 private:
  Reporter& reporter_;
};

class LeadingWildcardLike : public RuleBase {
 public:
  LeadingWildcardLike()
      : RuleBase({"DB108", "leading-wildcard-like", RuleLevel::kSyntax, Level::kWarning,
                  "LIKE/ILIKE pattern starting with % or _",
                  "A B-tree index serves LIKE only for a fixed prefix ('abc%'). A pattern that "
                  "starts with a wildcard ('%abc') makes PostgreSQL test every row. A pg_trgm "
                  "GIN/GiST index, or full-text search, serves such searches."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeLeadingWildcardLike() { return std::make_unique<LeadingWildcardLike>(); }

}  // namespace dbopt::lint
