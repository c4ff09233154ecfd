// Reading the parts of SQLite's stored CREATE TABLE / CREATE INDEX text (sqlite_schema.sql) that
// its pragmas do not report: CHECK constraints, column collations, generated-column expressions,
// constraint names, index key expressions and partial-index predicates.
//
// This is a tokenizer that knows SQLite's quoting ('string', "name", [name], `name`), comments and
// parentheses, plus a scan for the few clauses above; it is not a SQL parser. Expressions are
// returned as the exact text the user wrote (comments inside them included), trimmed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::catalog::sqlite {

struct Token {
  enum class Kind { kWord, kQuotedName, kString, kNumber, kSymbol };
  Kind kind = Kind::kSymbol;
  size_t begin = 0;  // byte range in the SQL text
  size_t end = 0;
  std::string value;  // words and numbers as written; names and strings unquoted; a symbol's char

  // A bare (unquoted) word equal to `keyword`, ignoring ASCII case.
  bool IsKeyword(std::string_view keyword) const;
  bool IsSymbol(char c) const {
    return kind == Kind::kSymbol && value.size() == 1 && value[0] == c;
  }
};

// Errors (kBadInput): an unterminated string or quoted name.
Result<std::vector<Token>> Tokenize(std::string_view sql);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

struct ConstraintText {
  enum class Kind { kPrimaryKey, kUnique, kCheck, kForeignKey };
  Kind kind = Kind::kCheck;
  std::string name;                  // CONSTRAINT name; empty when not named
  std::vector<std::string> columns;  // for a column constraint: that column
  std::string expr;                  // CHECK: the expression inside the parentheses
  std::string ref_table;             // FOREIGN KEY / REFERENCES
  std::vector<std::string> ref_columns;
};

struct ColumnText {
  std::string name;
  std::string collation;  // COLLATE name; empty when none
  std::string generated;  // the expression of GENERATED ALWAYS AS (...) or AS (...); empty: none
  bool generated_stored = false;
};

struct TableText {
  std::vector<ColumnText> columns;
  std::vector<ConstraintText> constraints;  // column and table constraints, in the order written
  bool without_rowid = false;
  bool strict = false;
};

// CREATE TABLE name (column-def, ..., table-constraint, ...) [WITHOUT ROWID] [, STRICT]
Result<TableText> ParseCreateTable(std::string_view sql);

struct IndexText {
  // One per key term, the text without a trailing COLLATE name and ASC/DESC.
  std::vector<std::string> keys;
  std::optional<std::string> predicate;  // the text after WHERE of a partial index
};

// CREATE [UNIQUE] INDEX name ON table (term, ...) [WHERE expr]
Result<IndexText> ParseCreateIndex(std::string_view sql);

}  // namespace dbopt::catalog::sqlite
