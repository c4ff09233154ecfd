// The DDL that defines a schema, in dbopt's AST: CREATE TABLE / INDEX / STATISTICS / SCHEMA,
// ALTER TABLE (every subcommand recorded by kind, with the details the linter needs) and
// DROP TABLE / INDEX. Expressions (defaults, checks, index keys, predicates) are Expr trees;
// ToSql (to_sql.h) gives their canonical SQL text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/sql/ast_expr.h"
#include "dbopt/sql/ast_select.h"

namespace dbopt::sql {

struct Statement;

enum class ConstraintKind { kPrimaryKey, kUnique, kForeignKey, kCheck, kExclusion };

// A column or table constraint. For a column constraint `columns` is empty (the column itself).
struct TableConstraint {
  ConstraintKind kind = ConstraintKind::kCheck;
  std::string name;  // empty: not named
  std::vector<std::string> columns;
  std::vector<std::string> include;  // PRIMARY KEY/UNIQUE ... INCLUDE (...)
  std::string using_index;           // ADD CONSTRAINT ... PRIMARY KEY USING INDEX name
  bool nulls_not_distinct = false;
  ExprPtr check;  // kCheck
  // kForeignKey
  QualifiedName ref_table;
  std::vector<std::string> ref_columns;  // empty: the referenced table's primary key
  std::string on_delete;  // "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"
  std::string on_update;
  std::string match;  // "SIMPLE", "FULL", "PARTIAL"
  bool deferrable = false;
  bool initially_deferred = false;
  bool not_valid = false;   // NOT VALID
  bool no_inherit = false;  // CHECK ... NO INHERIT
  int location = kNoLocation;
};

enum class IdentityKind { kNone, kAlways, kByDefault };

struct ColumnDef {
  std::string name;
  TypeName type;
  bool not_null = false;  // NOT NULL (also implied by PRIMARY KEY, which is kept as a constraint)
  bool explicit_null = false;  // NULL written
  ExprPtr default_expr;
  IdentityKind identity = IdentityKind::kNone;
  ExprPtr generated;  // GENERATED ALWAYS AS (expr) STORED
  std::vector<std::string> collation;
  std::vector<TableConstraint> constraints;  // PRIMARY KEY, UNIQUE, REFERENCES, CHECK on the column
  int location = kNoLocation;
};

struct CreateTableStmt {
  QualifiedName table;
  bool if_not_exists = false;
  std::string persistence;  // "", "TEMPORARY" or "UNLOGGED"
  std::vector<ColumnDef> columns;
  std::vector<TableConstraint> constraints;  // table constraints
  std::vector<QualifiedName> inherits;
  std::vector<QualifiedName> like;            // (LIKE other ...)
  std::string partition_strategy;             // PARTITION BY: "RANGE", "LIST", "HASH"; empty: none
  std::vector<std::string> partition_keys;    // column names or expression SQL text
  std::optional<QualifiedName> partition_of;  // CREATE TABLE ... PARTITION OF parent
};

// One key of an index (or of ON CONFLICT): a column or an expression.
struct IndexKey {
  std::string column;  // set for a plain column
  ExprPtr expr;        // set for an expression key
  std::vector<std::string> collation;
  std::vector<std::string> opclass;
  SortDirection direction = SortDirection::kDefault;
  NullsOrder nulls = NullsOrder::kDefault;
};

struct CreateIndexStmt {
  std::string name;  // empty: PostgreSQL picks one
  QualifiedName table;
  std::string method = "btree";
  bool unique = false;
  bool concurrently = false;
  bool if_not_exists = false;
  bool nulls_not_distinct = false;
  std::vector<IndexKey> keys;
  std::vector<std::string> include;
  ExprPtr where;
  int location = kNoLocation;
};

// ALTER TABLE subcommands. Kinds dbopt does not model specially are kOther with their
// PostgreSQL name in `kind_name` (e.g. "AT_EnableTrig").
enum class AlterKind {
  kAddColumn,
  kDropColumn,
  kAlterColumnType,
  kSetDefault,   // ALTER COLUMN c SET DEFAULT expr
  kDropDefault,  // ALTER COLUMN c DROP DEFAULT
  kSetNotNull,
  kDropNotNull,
  kAddConstraint,
  kDropConstraint,
  kValidateConstraint,
  kAddIdentity,
  kDropIdentity,
  kSetStatistics,  // ALTER COLUMN c SET STATISTICS n
  kRenameColumn,   // from ALTER TABLE ... RENAME COLUMN (a RenameStmt in PostgreSQL)
  kRenameTable,
  kOther,
};

struct AlterTableCmd {
  AlterKind kind = AlterKind::kOther;
  std::string kind_name;  // "ADD COLUMN", "ALTER COLUMN TYPE", ...; PostgreSQL's name for kOther
  std::string column;     // the column acted on (also the old name for kRenameColumn)
  std::string new_name;   // kRenameColumn / kRenameTable
  std::unique_ptr<ColumnDef> column_def;  // kAddColumn
  std::unique_ptr<TypeName> new_type;     // kAlterColumnType
  ExprPtr expr;  // kSetDefault: the default; kAlterColumnType: USING; kSetStatistics: the target
  std::unique_ptr<TableConstraint> constraint;  // kAddConstraint
  std::string constraint_name;                  // kDropConstraint / kValidateConstraint
  bool if_exists = false;                       // DROP COLUMN IF EXISTS, ADD COLUMN IF NOT EXISTS
  bool cascade = false;
};

struct AlterTableStmt {
  QualifiedName table;
  std::string object_kind = "TABLE";  // "TABLE", "INDEX", "VIEW", "MATERIALIZED VIEW", ...
  bool if_exists = false;
  bool only = false;
  std::vector<AlterTableCmd> commands;
};

struct CreateStatisticsStmt {
  QualifiedName name;  // empty name: PostgreSQL picks one
  bool if_not_exists = false;
  std::vector<std::string> kinds;  // as written: ndistinct, dependencies, mcv; empty = all
  std::vector<std::string> columns;
  std::vector<ExprPtr> expressions;
  QualifiedName table;
};

struct CreateSchemaStmt {
  std::string name;
  std::string authorization;  // AUTHORIZATION role
  bool if_not_exists = false;
  std::vector<Statement> elements;  // CREATE SCHEMA s CREATE TABLE ...

  // Out of line: Statement is incomplete here.
  CreateSchemaStmt();
  ~CreateSchemaStmt();
  CreateSchemaStmt(CreateSchemaStmt&&) noexcept;
  CreateSchemaStmt& operator=(CreateSchemaStmt&&) noexcept;
};

// DROP TABLE / DROP INDEX (other DROP kinds are `Other` statements).
struct DropStmt {
  std::string object_kind;  // "TABLE" or "INDEX"
  std::vector<QualifiedName> names;
  bool if_exists = false;
  bool cascade = false;
  bool concurrently = false;
};

const char* ConstraintKindName(ConstraintKind kind);  // "PRIMARY KEY", "UNIQUE", ...
const char* IdentityKindName(IdentityKind kind);      // "", "ALWAYS", "BY DEFAULT"
const char* AlterKindName(AlterKind kind);            // "ADD COLUMN", ...; "OTHER"

}  // namespace dbopt::sql
