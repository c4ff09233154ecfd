// One statement of a SQL file in dbopt's AST: its kind, where it is in the file, the comments
// that precede it, and the statement tree itself.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "dbopt/sql/ast_ddl.h"
#include "dbopt/sql/ast_dml.h"
#include "dbopt/sql/ast_select.h"

namespace dbopt::sql {

enum class StatementKind {
  kSelect,
  kInsert,
  kUpdate,
  kDelete,
  kCreateTable,
  kCreateIndex,
  kAlterTable,
  kCreateStatistics,
  kCreateSchema,
  kDrop,
  kOther,  // parsed by PostgreSQL, not analysed by dbopt (SET, BEGIN, VACUUM, GRANT, ...)
};

struct Statement {
  StatementKind kind = StatementKind::kOther;
  int location = kNoLocation;  // byte offset of the first token in the file
  size_t begin = 0;            // [begin, end): the statement's text, first token to last, no ';'
  size_t end = 0;
  // The comments between the previous statement (or the start of the file) and this one, each
  // with its delimiters: "-- dbopt: calls=1200", "/* ... */".
  std::vector<std::string> leading_comments;

  // kOther: a friendly name ("SET", "BEGIN", "CREATE FUNCTION") and PostgreSQL's node name
  // ("VariableSetStmt"). For analysed kinds `name` is the same kind of label ("SELECT", ...).
  std::string name;
  std::string node_name;

  // Exactly the one matching `kind` is set (none for kOther).
  std::unique_ptr<SelectStmt> select;
  std::unique_ptr<InsertStmt> insert;
  std::unique_ptr<UpdateStmt> update;
  std::unique_ptr<DeleteStmt> del;
  std::unique_ptr<CreateTableStmt> create_table;
  std::unique_ptr<CreateIndexStmt> create_index;
  std::unique_ptr<AlterTableStmt> alter_table;
  std::unique_ptr<CreateStatisticsStmt> create_statistics;
  std::unique_ptr<CreateSchemaStmt> create_schema;
  std::unique_ptr<DropStmt> drop;

  Statement();
  ~Statement();
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
};

const char* StatementKindName(StatementKind kind);  // "Select", "Insert", ..., "Other"

}  // namespace dbopt::sql
