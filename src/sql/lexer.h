// A small SQL lexer for what the sql module needs around libpg_query: skipping blanks and
// comments between statements (keeping the comments), and a cheap upper bound of a statement's
// nesting depth, computed before handing a large statement to libpg_query (whose recursive
// output code would overflow the stack on very deep trees). Internal to src/sql.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dbopt::sql::internal {

// Skips blanks and comments from `pos` (to at most `end`); appends each comment, with its
// delimiters, to `comments` when not null. Returns the offset of the next token (or `end`).
size_t SkipTrivia(std::string_view text, size_t pos, size_t end,
                  std::vector<std::string>* comments);

// An upper bound of the depth of the parse tree PostgreSQL builds for `sql`, from tokens only:
// parentheses and brackets open a level; within a level, operators (symbols, ::, NOT, IS, LIKE,
// BETWEEN, IN, COLLATE, AT, UNION, INTERSECT, EXCEPT) each may add one level to a left-deep
// chain; commas, ';' and the keywords that start a new flat list item (AND, OR, WHEN, THEN, ELSE,
// END, SELECT, FROM, WHERE, ON, SET, VALUES, RETURNING, HAVING, BY, LIMIT, OFFSET, AS) end the
// chain, because PostgreSQL flattens AND/OR and lists.
int EstimateNestingDepth(std::string_view sql);

}  // namespace dbopt::sql::internal
