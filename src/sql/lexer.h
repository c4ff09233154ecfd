// A small SQL lexer for what the sql module needs around libpg_query: skipping blanks and
// comments between statements (keeping the comments), and a cheap upper bound of a statement's
// nesting depth, computed before handing a large statement to libpg_query (whose recursive
// output code would overflow the stack on very deep trees). Internal to src/sql.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dbopt::sql::internal {

// Skips blanks and comments from `pos` (to at most `end`); appends each comment, with its
// delimiters, to `comments` when not null. Returns the offset of the next token (or `end`).
size_t SkipTrivia(std::string_view text, size_t pos, size_t end,
                  std::vector<std::string>* comments);

// Splits text[begin, end) into statements the way psql does: at each ';' outside strings,
// quoted identifiers, comments and dollar quotes, when no parenthesis is open (CREATE RULE ...
// (a; b)) and no BEGIN ... END / CASE ... END block of a BEGIN ATOMIC body is open (a BEGIN or
// CASE that is not the statement's first word opens one). With `nesting` false, every such ';'
// splits (used to recover when parentheses never close). Returns [begin, end) ranges without
// the ';'; `unclosed`, when not null, tells whether the text ended inside a parenthesis or block.
std::vector<std::pair<size_t, size_t>> SplitSql(std::string_view text, size_t begin, size_t end,
                                                bool nesting, bool* unclosed = nullptr);

// An upper bound of the depth of the parse tree PostgreSQL builds for `sql`, from tokens only:
// parentheses and brackets open a level; within a level, operators (symbols, ::, NOT, IS, LIKE,
// BETWEEN, IN, COLLATE, AT, UNION, INTERSECT, EXCEPT) each may add one level to a left-deep
// chain; commas, ';' and the keywords that start a new flat list item (AND, OR, WHEN, THEN, ELSE,
// END, SELECT, FROM, WHERE, ON, SET, VALUES, RETURNING, HAVING, BY, LIMIT, OFFSET, AS) end the
// chain, because PostgreSQL flattens AND/OR and lists.
int EstimateNestingDepth(std::string_view sql);

}  // namespace dbopt::sql::internal
