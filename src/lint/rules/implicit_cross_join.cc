// DB105 implicit-cross-join: comma-separated FROM items that no WHERE condition connects.
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "../ast_walk.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

// The names by which columns of a FROM item can be qualified.
void RangeNames(const sql::FromItem& f, std::vector<std::string>& out) {
  if (f.kind == sql::FromKind::kJoin) {
    if (!f.alias.name.empty()) out.push_back(f.alias.name);
    RangeNames(*f.left, out);
    RangeNames(*f.right, out);
  } else if (!f.alias.name.empty()) {
    out.push_back(f.alias.name);
  } else if (f.kind == sql::FromKind::kTable) {
    out.push_back(f.table.name);
  }
}

// Column references of an expression, not looking into subqueries.
void ColumnRefs(const sql::Expr& e, std::vector<const sql::Expr*>& out) {
  if (e.kind == sql::ExprKind::kColumnRef) out.push_back(&e);
  for (const auto& c : e.children)
    if (c) ColumnRefs(*c, out);
}

void Conjuncts(const sql::Expr* e, std::vector<const sql::Expr*>& out) {
  if (!e) return;
  if (e->kind == sql::ExprKind::kAnd) {
    for (const auto& c : e->children) Conjuncts(c.get(), out);
  } else {
    out.push_back(e);
  }
}

class Finder : public AstVisitor {
 public:
  explicit Finder(Reporter& reporter) : reporter_(reporter) {}
  void Select(const sql::SelectStmt& s) override {
    if (s.from.size() < 2) return;
    std::map<std::string, size_t> item_of;
    parent_.resize(s.from.size());
    std::iota(parent_.begin(), parent_.end(), 0);
    for (size_t i = 0; i < s.from.size(); ++i) {
      const sql::FromItem& f = s.from[i];
      if (f.lateral || f.kind == sql::FromKind::kFunction) Union(0, i);  // correlated
      std::vector<std::string> names;
      RangeNames(f, names);
      for (const std::string& n : names) item_of[n] = i;
    }
    std::vector<const sql::Expr*> conjuncts;
    Conjuncts(s.where.get(), conjuncts);
    for (const sql::Expr* c : conjuncts) Connect(*c, item_of);
    for (size_t i = 1; i < s.from.size(); ++i) {
      if (Find(i) == Find(0)) continue;
      reporter_.Report(s.from[i].location,
                       "FROM item is not joined to the others by any condition: implicit cross "
                       "join (every row paired with every row)",
                       Grade::kDefault, "add the join condition, or write CROSS JOIN if meant");
      return;
    }
  }

 private:
  void Connect(const sql::Expr& conjunct, const std::map<std::string, size_t>& item_of) {
    std::vector<const sql::Expr*> refs;
    ColumnRefs(conjunct, refs);
    if (refs.size() < 2) return;
    std::vector<size_t> items;
    for (const sql::Expr* r : refs) {
      if (r->names.size() < 2) {  // unqualified: it may belong to any item
        for (size_t i = 1; i < parent_.size(); ++i) Union(0, i);
        return;
      }
      auto it = item_of.find(r->names[r->names.size() - 2]);
      if (it != item_of.end()) items.push_back(it->second);
    }
    for (size_t i = 1; i < items.size(); ++i) Union(items[0], items[i]);
  }
  size_t Find(size_t i) { return parent_[i] == i ? i : parent_[i] = Find(parent_[i]); }
  void Union(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

  Reporter& reporter_;
  std::vector<size_t> parent_;
};

class ImplicitCrossJoin : public RuleBase {
 public:
  ImplicitCrossJoin()
      : RuleBase({"DB105", "implicit-cross-join", RuleLevel::kSyntax, Level::kWarning,
                  "FROM a, b without a condition connecting them",
                  "Comma-separated FROM items with no WHERE condition relating them form a "
                  "Cartesian product: rows multiply, and a forgotten join condition goes "
                  "unnoticed. Add the condition (better: use JOIN ... ON), or write CROSS JOIN "
                  "when the product is intended."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    Finder finder(reporter);
    Walk(context.statement, finder);
  }
};

}  // namespace

std::unique_ptr<Rule> MakeImplicitCrossJoin() { return std::make_unique<ImplicitCrossJoin>(); }

}  // namespace dbopt::lint
