// SELECT in dbopt's AST: the query block (targets, FROM, WHERE, GROUP BY, ...), set operations
// (UNION / INTERSECT / EXCEPT as a binary tree), WITH clauses and FROM items (tables, subqueries,
// functions, joins).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dbopt/sql/ast_expr.h"

namespace dbopt::sql {

struct Statement;  // ast_statement.h: a CTE may hold INSERT/UPDATE/DELETE ... RETURNING

// A possibly schema-qualified relation name.
struct QualifiedName {
  std::string catalog;  // rarely written; kept so that nothing is silently dropped
  std::string schema;   // empty: not written
  std::string name;
  int location = kNoLocation;
};

struct Alias {
  std::string name;  // empty: no alias
  std::vector<std::string> columns;
};

enum class CteMaterialized { kDefault, kAlways, kNever };

struct CommonTableExpr {
  std::string name;
  std::vector<std::string> columns;
  CteMaterialized materialized = CteMaterialized::kDefault;
  std::unique_ptr<Statement> query;  // SELECT, or DML with RETURNING
  int location = kNoLocation;

  // Out of line: Statement is incomplete here.
  CommonTableExpr();
  ~CommonTableExpr();
  CommonTableExpr(CommonTableExpr&&) noexcept;
  CommonTableExpr& operator=(CommonTableExpr&&) noexcept;
};

struct WithClause {
  bool recursive = false;
  std::vector<CommonTableExpr> ctes;
  int location = kNoLocation;
};

enum class FromKind { kTable, kSubquery, kFunction, kJoin };
// kCross is an inner join written CROSS JOIN (or JOIN ... without a condition, which PostgreSQL
// only accepts as CROSS JOIN).
enum class JoinKind { kInner, kLeft, kRight, kFull, kCross };

struct FromItem {
  FromKind kind = FromKind::kTable;
  int location = kNoLocation;
  Alias alias;
  bool lateral = false;  // kSubquery, kFunction

  // kTable
  QualifiedName table;
  bool only = false;  // FROM ONLY t
  // t TABLESAMPLE method (args) [REPEATABLE (seed)]; method empty: no sampling
  std::string sample_method;
  std::vector<ExprPtr> sample_args;
  ExprPtr sample_repeatable;

  // kSubquery
  std::unique_ptr<SelectStmt> subquery;

  // kFunction: one call, or several for ROWS FROM (...)
  std::vector<ExprPtr> functions;
  bool with_ordinality = false;
  bool rows_from = false;

  // kJoin
  JoinKind join_kind = JoinKind::kInner;
  bool natural = false;
  std::unique_ptr<FromItem> left;
  std::unique_ptr<FromItem> right;
  std::vector<std::string> using_columns;
  ExprPtr on;
};

// One entry of a target list: `expr [AS alias]`.
struct ResultTarget {
  ExprPtr expr;
  std::string alias;  // empty: none written
  int location = kNoLocation;
};

enum class LockStrength { kUpdate, kNoKeyUpdate, kShare, kKeyShare };
enum class LockWait { kBlock, kSkipLocked, kNowait };

struct LockingClause {
  LockStrength strength = LockStrength::kUpdate;
  LockWait wait = LockWait::kBlock;
  std::vector<QualifiedName> tables;  // FOR UPDATE OF a, b
};

enum class SetOp { kNone, kUnion, kIntersect, kExcept };

// A SELECT. When set_op != kNone this is `left <op> [ALL] right` and only with, order_by, limit,
// offset and locking may be set besides; otherwise it is one query block, or a VALUES list when
// `values` is not empty.
struct SelectStmt {
  int location = kNoLocation;
  std::unique_ptr<WithClause> with;

  SetOp set_op = SetOp::kNone;
  bool set_all = false;
  std::unique_ptr<SelectStmt> left;
  std::unique_ptr<SelectStmt> right;

  bool distinct = false;  // DISTINCT, or DISTINCT ON when distinct_on is not empty
  std::vector<ExprPtr> distinct_on;
  std::vector<ResultTarget> targets;
  std::vector<FromItem> from;  // comma-separated items; joins nest inside an item
  ExprPtr where;
  std::vector<ExprPtr> group_by;   // may contain kGroupingSet nodes
  bool group_by_distinct = false;  // GROUP BY DISTINCT
  ExprPtr having;
  std::vector<WindowDef> windows;            // WINDOW w AS (...)
  std::vector<std::vector<ExprPtr>> values;  // VALUES (..), (..)

  std::vector<SortItem> order_by;
  ExprPtr limit;  // LIMIT n / FETCH FIRST n ROWS; null: none (LIMIT ALL too)
  ExprPtr offset;
  bool limit_with_ties = false;  // FETCH FIRST n ROWS WITH TIES
  std::vector<LockingClause> locking;
};

const char* SetOpName(SetOp op);          // "UNION", "INTERSECT", "EXCEPT"
const char* JoinKindName(JoinKind kind);  // "INNER", "LEFT", "RIGHT", "FULL", "CROSS"
const char* FromKindName(FromKind kind);  // "Table", "Subquery", "Function", "Join"
const char* CteMaterializedName(
    CteMaterialized m);                        // "DEFAULT", "MATERIALIZED", "NOT MATERIALIZED"
const char* LockStrengthName(LockStrength s);  // "UPDATE", "NO KEY UPDATE", "SHARE", "KEY SHARE"
const char* LockWaitName(LockWait w);          // "BLOCK", "SKIP LOCKED", "NOWAIT"

}  // namespace dbopt::sql
