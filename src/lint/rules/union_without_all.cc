// DB111 union-without-all: UNION (which sorts or hashes to remove duplicates) where UNION ALL
// was probably meant.
#include <cctype>
#include <string>

#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

// The offset of the UNION keyword before the right branch, found by scanning back over blanks,
// parentheses and DISTINCT; the branch's own offset when the text does not look like that.
// `distinct` tells whether UNION DISTINCT was written.
int UnionKeyword(const std::string& text, int right, bool& distinct) {
  distinct = false;
  if (right <= 0) return right;
  size_t i = static_cast<size_t>(right);
  auto skip = [&] {
    while (i > 0 && (std::isspace(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '('))
      --i;
  };
  auto word_before = [&](const char* word) {
    const size_t n = std::char_traits<char>::length(word);
    if (i < n) return false;
    for (size_t k = 0; k < n; ++k)
      if (std::tolower(static_cast<unsigned char>(text[i - n + k])) != word[k]) return false;
    i -= n;
    return true;
  };
  skip();
  if (word_before("select")) skip();  // a branch's location is that of its first target
  distinct = word_before("distinct");
  skip();
  return word_before("union") ? static_cast<int>(i) : right;
}

class Finder : public AstVisitor {
 public:
  Finder(Reporter& reporter, const std::string& text) : reporter_(reporter), text_(text) {}
  void Select(const sql::SelectStmt& s) override {
    if (s.set_op != sql::SetOp::kUnion || s.set_all || !s.right) return;
    bool distinct = false;
    const int location = UnionKeyword(text_, s.right->location, distinct);
    if (distinct) return;
    reporter_.Report(location, "UNION removes duplicate rows (a sort or hash of the whole result)",
                     Grade::kDefault,
                     "write UNION ALL when the branches cannot overlap or "
                     "duplicates are fine");
  }

 private:
  Reporter& reporter_;
  const std::string& text_;
};

class UnionWithoutAll : public RuleBase {
 public:
  UnionWithoutAll()
      : RuleBase({"DB111", "union-without-all", RuleLevel::kSyntax, Level::kInfo,
                  "UNION where UNION ALL may be meant",
                  "UNION removes duplicates, which costs a sort or hash aggregate over the whole "
                  "result. When the branches are disjoint or duplicates do not matter, UNION ALL "
                  "gives the same rows for less. Write UNION DISTINCT to say that removing "
                  "duplicates is intended; it is not reported."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter, context.source.text());
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUnionWithoutAll() { return std::make_unique<UnionWithoutAll>(); }

}  // namespace dbopt::lint
