#include "catalog_facts.h"

#include "ast_walk.h"
#include "dbopt/sql/parser.h"

namespace dbopt::lint {
namespace {

using sql::Expr;
using sql::ExprKind;

const Expr* ConstOrNull(const Expr& e) {
  const Expr& s = StripCasts(e);
  return s.kind == ExprKind::kConst && s.const_kind != sql::ConstKind::kNull ? &s : nullptr;
}

// `col IN (c, ...)`, `col = ANY (ARRAY[c, ...])` (casts anywhere), `col = c OR col = c ...`.
// Adds the column and its allowed values to `out`; false when `e` is not such a list.
bool DomainOf(const Expr& e, std::string& column, std::vector<std::string>& values) {
  auto column_of = [](const Expr& x) -> std::string {
    const Expr& s = StripCasts(x);
    return s.kind == ExprKind::kColumnRef && !s.names.empty() ? s.names.back() : std::string();
  };
  auto add = [&](const Expr& item) {
    const Expr* c = ConstOrNull(item);
    if (c) values.push_back(c->text);
    return c != nullptr;
  };
  if (e.kind == ExprKind::kIn && !e.negated && e.children.size() >= 2) {
    column = column_of(*e.children[0]);
    for (size_t i = 1; i < e.children.size(); ++i)
      if (!add(*e.children[i])) return false;
    return !column.empty();
  }
  if (e.kind == ExprKind::kOpAny && e.text == "=" && e.children.size() == 2) {
    column = column_of(*e.children[0]);
    const Expr& array = StripCasts(*e.children[1]);
    if (array.kind != ExprKind::kArray) return false;
    for (const auto& item : array.children)
      if (!add(*item)) return false;
    return !column.empty();
  }
  if (e.kind == ExprKind::kOr) {
    for (const auto& arm : e.children) {
      std::string c;
      if (!DomainOf(*arm, c, values) || (!column.empty() && c != column)) return false;
      column = c;
    }
    return !column.empty();
  }
  if (e.kind == ExprKind::kOperator && e.text == "=" && e.children.size() == 2) {
    column = column_of(*e.children[0]);
    return !column.empty() && add(*e.children[1]);
  }
  return false;
}

}  // namespace

CatalogFacts::CatalogFacts(const catalog::Catalog& catalog) : catalog_(catalog) {
  for (const catalog::Table& t : catalog.tables) {
    table_names_.push_back(t.name);
    std::vector<IndexShape>& shapes = indexes_[&t];
    for (const catalog::Index* index : catalog.IndexesOf(t)) shapes.push_back(ShapeOf(*index));
    for (const catalog::CheckConstraint& check : t.checks) {
      Result<sql::Statement> parsed = sql::ParseStatement("SELECT 1 WHERE " + check.expr);
      if (!parsed.ok() || !parsed->select || !parsed->select->where) continue;
      std::string column;
      std::vector<std::string> values;
      if (DomainOf(*parsed->select->where, column, values)) domains_[{&t, column}] = values;
    }
  }
}

const catalog::Table* CatalogFacts::FindTable(const std::string& schema,
                                              const std::string& name) const {
  return catalog_.FindTable(schema, name);
}

const std::vector<IndexShape>& CatalogFacts::IndexesOf(const catalog::Table& table) const {
  static const std::vector<IndexShape> kNone;
  auto it = indexes_.find(&table);
  return it == indexes_.end() ? kNone : it->second;
}

const std::vector<std::string>* CatalogFacts::CheckDomain(const catalog::Table& table,
                                                          const std::string& column) const {
  auto it = domains_.find({&table, column});
  return it == domains_.end() ? nullptr : &it->second;
}

}  // namespace dbopt::lint
