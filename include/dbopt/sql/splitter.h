// Splitting a SQL file into statements the way psql does, so that semicolons in strings (also
// E'' and dollar-quoted), quoted identifiers, comments (-- and nested /* */), parentheses
// (CREATE RULE ... (a; b)) and BEGIN ATOMIC ... END bodies never split a statement. A quoted
// string or comment that never ends runs to the end of the file: the parser then reports it
// with PostgreSQL's words ("unterminated quoted string at or near ...").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dbopt/base/diagnostic.h"
#include "dbopt/base/source_text.h"

namespace dbopt::sql {

struct StatementSpan {
  size_t begin = 0;  // first byte of the first token
  size_t end = 0;    // one past the last byte of the statement, without ';' and trailing blanks
  // The comments between the previous statement and `begin`, with their delimiters.
  std::vector<std::string> leading_comments;
};

struct SplitResult {
  std::vector<StatementSpan> spans;
  // Set when the file holds a NUL byte: libpg_query reads C strings, so the text stops there.
  std::optional<Diagnostic> error;
};

SplitResult SplitStatements(const SourceText& source);

// The span of the text [chunk_begin, chunk_end) that a splitter or the parser reported for one
// statement (from just after the previous ';'): leading blanks and comments are skipped and
// collected, trailing blanks dropped. An empty span (begin == end) holds no statement.
StatementSpan TrimStatement(const std::string& text, size_t chunk_begin, size_t chunk_end);

}  // namespace dbopt::sql
