// Name resolution for the catalog-aware rules: binds every table and column reference of a
// statement to the catalog (or to the tables the same file creates), query block by query block
// with PostgreSQL's scoping (CTEs, aliases, outer queries, outer-join nullability). It records
// what it cannot bind (unknown tables and columns, with a "did you mean") and columns of a
// subquery that bind to an outer query although the subquery has its own FROM.
//
// This is a linter's resolver, not the binder: derived tables whose columns cannot be known
// (SELECT * from a subquery, set-returning functions) make unqualified names unresolvable
// rather than wrong, so the rules stay silent there.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "catalog_facts.h"
#include "dbopt/sql/ast_statement.h"
#include "file_facts.h"

namespace dbopt::lint {

struct ResolvedColumn {
  const catalog::Table* table = nullptr;  // a catalog table, or one the file creates
  const catalog::Column* column = nullptr;
  bool from_catalog = false;   // table is in the catalog (has its statistics and indexes)
  bool nullable_side = false;  // the table is on the nullable side of an outer join
  bool outer = false;          // bound in an enclosing query
};

struct NameProblem {
  int location = -1;
  std::string message;
  std::string hint;
};

class Resolution {
 public:
  Resolution(const sql::Statement& statement, const CatalogFacts& catalog, const FileFacts& file);

  // The binding of a kColumnRef node; nullptr when it did not bind to a known table column.
  const ResolvedColumn* Find(const sql::Expr& column_ref) const;

  const std::vector<NameProblem>& unknown_tables() const { return unknown_tables_; }
  const std::vector<NameProblem>& unknown_columns() const { return unknown_columns_; }
  const std::vector<NameProblem>& outer_references() const { return outer_references_; }

 private:
  friend class Resolver;
  std::unordered_map<const sql::Expr*, ResolvedColumn> refs_;
  std::vector<NameProblem> unknown_tables_;
  std::vector<NameProblem> unknown_columns_;
  std::vector<NameProblem> outer_references_;
};

}  // namespace dbopt::lint
