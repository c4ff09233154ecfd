// Parsing SQL files into dbopt's AST with PostgreSQL 15's own parser (libpg_query).
//
//   ParsedFile file = sql::ParseFile(source);
//   for (const Statement& s : file.statements) ...   // every statement that parsed
//   for (const Diagnostic& d : file.errors) ...       // syntax errors, file:line:col + caret
//
// A syntax error never stops the file: the statement is reported and parsing goes on with the
// next one. Only the `sql` module sees libpg_query.
#pragma once

#include <string_view>
#include <vector>

#include "dbopt/base/diagnostic.h"
#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"
#include "dbopt/sql/ast_statement.h"

namespace dbopt::sql {

// The deepest expression/query nesting dbopt accepts. Deeper statements get the error
// "not supported: nesting deeper than 1500 levels" instead of a result: PostgreSQL itself
// refuses such statements at execution ("stack depth limit exceeded" with the default
// max_stack_depth of 2MB), libpg_query would overflow the stack on them, and the AST walkers
// of later modules recurse.
constexpr int kMaxNestingDepth = 1500;

struct ParsedFile {
  std::vector<Statement> statements;  // in file order; statements with errors are left out
  std::vector<Diagnostic> errors;     // in file order
  bool ok() const { return errors.empty(); }
};

// Splits and parses a whole file. Never fails as a whole.
ParsedFile ParseFile(const SourceText& source);

// Parses a text that must hold exactly one statement (tests, the trace reader). The error is
// the first diagnostic, located in a SourceText named `name`.
Result<Statement> ParseStatement(std::string_view sql, std::string_view name = "<sql>");

}  // namespace dbopt::sql
