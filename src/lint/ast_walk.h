// A pre-order walk over every query block, FROM item and expression node of a statement,
// including subqueries, CTEs, set-operation branches and DDL expressions. Rules override the
// hooks they need; the clause tells where an expression sits.
#pragma once

#include "dbopt/sql/ast_statement.h"

namespace dbopt::lint {

enum class Clause {
  kTarget,
  kWhere,
  kJoinOn,
  kGroupBy,
  kHaving,
  kOrderBy,
  kLimit,
  kValues,
  kSet,  // UPDATE SET / ON CONFLICT DO UPDATE SET
  kReturning,
  kFromFunction,
  kDdl,  // defaults, checks, index keys and predicates
  kOther,
};

class AstVisitor {
 public:
  virtual ~AstVisitor() = default;
  virtual void Statement(const sql::Statement&) {}
  virtual void Select(const sql::SelectStmt&) {}
  virtual void From(const sql::FromItem&) {}
  // Every expression node; `root` is true for the top node of a clause expression.
  virtual void Expression(const sql::Expr&, Clause, bool /*root*/) {}
};

void Walk(const sql::Statement& statement, AstVisitor& visitor);
void WalkSelect(const sql::SelectStmt& select, AstVisitor& visitor);
void WalkExpr(const sql::Expr& expr, Clause clause, AstVisitor& visitor);

// Helpers for rules.
// The node under any casts and COLLATE: `(x)::text COLLATE "C"` → x.
const sql::Expr& StripCasts(const sql::Expr& expr);
// True when the expression (not counting subqueries) refers to a column.
bool MentionsColumn(const sql::Expr& expr);
// The last name of a function call, lower case ("pg_catalog.random" → "random").
std::string FunctionName(const sql::Expr& call);
// True for =, <>, !=, <, <=, >, >=.
bool IsComparison(const sql::Expr& expr);

}  // namespace dbopt::lint
