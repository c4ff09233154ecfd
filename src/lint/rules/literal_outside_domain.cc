// DB408 literal-outside-domain: col = 'value' where the value is outside the column's small
// domain (a CHECK list, or the most common values of a low-cardinality column).
#include <algorithm>
#include <numeric>

#include "../ast_walk.h"
#include "../catalog_facts.h"
#include "../resolve.h"
#include "dbopt/base/did_you_mean.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

// TUNING: the most common values describe the whole domain when they cover this share of rows
// (ANALYZE lists every value it saw when there are few; PG15 analyze.c compute_scalar_stats).
constexpr double kMcvCoverage = 0.999;

const sql::Expr* Literal(const sql::Expr& e) {
  const sql::Expr& s = StripCasts(e);
  if (s.kind != sql::ExprKind::kConst) return nullptr;
  const bool text_or_number =
      s.const_kind == sql::ConstKind::kString || s.const_kind == sql::ConstKind::kInteger;
  return text_or_number ? &s : nullptr;
}

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, const RuleContext& context) : reporter_(reporter), context_(context) {}
  void Expression(const sql::Expr& e, Clause clause, bool) override {
    if (clause != Clause::kWhere && clause != Clause::kJoinOn && clause != Clause::kHaving) return;
    if (e.kind == sql::ExprKind::kOperator && e.text == "=" && e.children.size() == 2) {
      Pair(*e.children[0], *e.children[1]);
      Pair(*e.children[1], *e.children[0]);
    } else if (e.kind == sql::ExprKind::kIn && !e.negated) {
      for (size_t i = 1; i < e.children.size(); ++i) Pair(*e.children[0], *e.children[i]);
    }
  }

 private:
  void Pair(const sql::Expr& column_side, const sql::Expr& value_side) {
    const sql::Expr& col = StripCasts(column_side);
    const sql::Expr* lit = Literal(value_side);
    if (col.kind != sql::ExprKind::kColumnRef || !lit) return;
    const ResolvedColumn* r = context_.resolution->Find(col);
    if (!r || !r->from_catalog) return;
    const std::string name = r->table->name + "." + r->column->name;
    if (const auto* domain = context_.catalog->CheckDomain(*r->table, r->column->name)) {
      if (std::find(domain->begin(), domain->end(), lit->text) == domain->end())
        reporter_.Report(lit->location,
                         "'" + lit->text + "' is not allowed by the CHECK constraint of " + name +
                             " (" + List(*domain) + "): the condition is never true",
                         Grade::kDefault, Suggest(lit->text, *domain));
      return;
    }
    auto it = r->table->column_stats.find(r->column->name);
    if (it == r->table->column_stats.end()) return;
    const catalog::ColumnStats& stats = it->second;
    const double covered =
        std::accumulate(stats.most_common_freqs.begin(), stats.most_common_freqs.end(), 0.0);
    if (stats.most_common_vals.empty() || covered < kMcvCoverage) return;
    const auto& mcv = stats.most_common_vals;
    if (std::find(mcv.begin(), mcv.end(), lit->text) != mcv.end()) return;
    reporter_.Report(lit->location,
                     "'" + lit->text + "' is not among the " + std::to_string(mcv.size()) +
                         " values ANALYZE found in " + name + " (" + List(mcv) +
                         "): the condition matches no or almost no rows",
                     Grade::kMedium, Suggest(lit->text, mcv));
  }

  static std::string List(const std::vector<std::string>& values) {
    std::string out;
    const size_t shown = std::min<size_t>(values.size(), 8);
    for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + ("'" + values[i] + "'");
    if (shown < values.size()) out += ", ...";
    return out;
  }
  static std::string Suggest(const std::string& value, const std::vector<std::string>& domain) {
    auto guess = DidYouMean(value, domain);
    return guess ? "did you mean '" + *guess + "'?" : std::string();
  }

  Reporter& reporter_;
  const RuleContext& context_;
};

class LiteralOutsideDomain : public RuleBase {
 public:
  LiteralOutsideDomain()
      : RuleBase({"DB408", "literal-outside-domain", RuleLevel::kCatalog, Level::kWarning,
                  "literal outside the column's small domain (CHECK list or common values)",
                  "status = 'actve' is never true when a CHECK constraint allows only 'active' "
                  "and 'inactive': a typo that returns an empty result instead of an error. The "
                  "same holds, with medium precision, when ANALYZE's most common values cover "
                  "all rows of a low-cardinality column and the literal is not among them. "
                  "Without statistics only CHECK lists are used."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, context);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeLiteralOutsideDomain() {
  return std::make_unique<LiteralOutsideDomain>();
}

}  // namespace dbopt::lint
