// DB410 implicit-cast-defeats-index: an indexed integer column compared with a numeric or
// floating-point value is cast to the value's type, so its index cannot be used.
#include <algorithm>
#include <cctype>
#include <string>

#include "../ast_walk.h"
#include "../catalog_facts.h"
#include "../resolve.h"
#include "dbopt/sql/type_name.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool IsIntegerType(const std::string& type) {
  const std::string t = Lower(type);
  return t == "integer" || t == "bigint" || t == "smallint" || t == "int" || t == "int2" ||
         t == "int4" || t == "int8";
}

// The non-integer type the value forces, or "" (PostgreSQL resolves int = numeric by casting the
// integer side: there is no cross-type integer/numeric operator in the btree integer_ops family).
std::string ForcedType(const sql::Expr& value) {
  if (value.kind == sql::ExprKind::kConst && value.const_kind == sql::ConstKind::kNumeric)
    return "numeric";
  if (value.kind == sql::ExprKind::kCast && value.type) {
    const std::string t = sql::FormatType(*value.type);
    if (t.rfind("numeric", 0) == 0 || t == "real" || t == "double precision") return t;
  }
  return {};
}

class Finder : public AstVisitor {
 public:
  explicit Finder(Reporter& reporter, const RuleContext& context)
      : reporter_(reporter), context_(context) {}
  void Expression(const sql::Expr& e, Clause clause, bool) override {
    if (clause != Clause::kWhere && clause != Clause::kJoinOn) return;
    if (IsComparison(e)) {
      Pair(*e.children[0], *e.children[1]);
      Pair(*e.children[1], *e.children[0]);
    } else if ((e.kind == sql::ExprKind::kIn || e.kind == sql::ExprKind::kBetween) && !e.negated) {
      for (size_t i = 1; i < e.children.size(); ++i) Pair(*e.children[0], *e.children[i]);
    }
  }

 private:
  void Pair(const sql::Expr& col, const sql::Expr& value) {
    if (col.kind != sql::ExprKind::kColumnRef) return;
    const std::string forced = ForcedType(value);
    if (forced.empty()) return;
    const ResolvedColumn* r = context_.resolution->Find(col);
    if (!r || !r->from_catalog || !IsIntegerType(r->column->type)) return;
    for (const IndexShape& index : context_.catalog->IndexesOf(*r->table)) {
      if (index.keys.empty() || index.keys[0] != r->column->name) continue;
      reporter_.Report(value.location,
                       "comparing integer column " + r->table->name + "." + r->column->name +
                           " with a " + forced + " value casts the column to " + forced +
                           ": index " + index.name + " cannot be used",
                       Grade::kDefault, "compare with an integer value (round or cast the value)");
      return;
    }
  }

  Reporter& reporter_;
  const RuleContext& context_;
};

class ImplicitCastDefeatsIndex : public RuleBase {
 public:
  ImplicitCastDefeatsIndex()
      : RuleBase({"DB410", "implicit-cast-defeats-index", RuleLevel::kCatalog, Level::kWarning,
                  "indexed integer column compared with a numeric value",
                  "WHERE id = 42.0 or WHERE id = $1::numeric makes PostgreSQL cast the integer "
                  "column to numeric (there is no integer = numeric operator), so the B-tree on "
                  "the column cannot be used and every row is scanned. Compare with an integer "
                  "value. Reported only when an index leads with the column."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, context);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeImplicitCastDefeatsIndex() {
  return std::make_unique<ImplicitCastDefeatsIndex>();
}

}  // namespace dbopt::lint
