// DB109 large-offset: OFFSET n with a large constant n (deep pagination).
#include <cstdlib>
#include <string>

#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

// TUNING: OFFSET at or above this many rows is reported (setting `threshold`).
constexpr double kDefaultOffsetThreshold = 1000;

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, double threshold) : reporter_(reporter), threshold_(threshold) {}
  void Select(const sql::SelectStmt& s) override {
    if (!s.offset) return;
    const sql::Expr& e = StripCasts(*s.offset);
    if (e.kind != sql::ExprKind::kConst || e.const_kind != sql::ConstKind::kInteger) return;
    const double n = std::strtod(e.text.c_str(), nullptr);
    if (n < threshold_) return;
    reporter_.Report(
        e.location,
        "OFFSET " + e.text + " reads and discards " + e.text + " rows before returning any",
        Grade::kDefault, "paginate by key: WHERE key > last_seen ORDER BY key LIMIT n");
  }

 private:
  Reporter& reporter_;
  double threshold_;
};

class LargeOffset : public RuleBase {
 public:
  LargeOffset()
      : RuleBase({"DB109", "large-offset", RuleLevel::kSyntax, Level::kWarning,
                  "OFFSET pagination with a large constant",
                  "OFFSET n makes PostgreSQL produce and discard n rows, so page k costs O(k). "
                  "Keyset pagination (WHERE key > last_seen ORDER BY key LIMIT n) costs the same "
                  "for every page. Setting: threshold (rows, default 1000)."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, context.settings.Number("threshold", kDefaultOffsetThreshold));
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeLargeOffset() { return std::make_unique<LargeOffset>(); }

}  // namespace dbopt::lint
