// INSERT, UPDATE and DELETE in dbopt's AST.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/sql/ast_ddl.h"
#include "dbopt/sql/ast_select.h"

namespace dbopt::sql {

// `col = expr` or `(a, b) = (expr, expr)` / `(a, b) = (SELECT ...)`. For the multi-column form
// `value` is the whole right-hand side (a kRow or kSubquery node).
struct SetClause {
  std::vector<std::string> columns;
  ExprPtr value;
  int location = kNoLocation;
};

enum class OnConflictAction { kNothing, kUpdate };

struct OnConflict {
  OnConflictAction action = OnConflictAction::kNothing;
  std::vector<IndexKey> target;  // ON CONFLICT (a, lower(b)): the inferred unique index keys
  ExprPtr target_where;          // ON CONFLICT (a) WHERE ...: partial unique index predicate
  std::string constraint;        // ON CONFLICT ON CONSTRAINT name
  std::vector<SetClause> set;    // DO UPDATE SET
  ExprPtr where;                 // DO UPDATE ... WHERE
  int location = kNoLocation;
};

struct InsertStmt {
  std::unique_ptr<WithClause> with;
  QualifiedName table;
  std::string alias;
  std::vector<std::string> columns;
  std::unique_ptr<SelectStmt> source;  // VALUES or SELECT; null for DEFAULT VALUES
  std::string overriding;              // "", "SYSTEM VALUE" or "USER VALUE"
  std::optional<OnConflict> on_conflict;
  std::vector<ResultTarget> returning;
};

struct UpdateStmt {
  std::unique_ptr<WithClause> with;
  QualifiedName table;
  Alias alias;
  bool only = false;
  std::vector<SetClause> set;
  std::vector<FromItem> from;
  ExprPtr where;
  std::vector<ResultTarget> returning;
};

struct DeleteStmt {
  std::unique_ptr<WithClause> with;
  QualifiedName table;
  Alias alias;
  bool only = false;
  std::vector<FromItem> using_items;
  ExprPtr where;
  std::vector<ResultTarget> returning;
};

}  // namespace dbopt::sql
