// PostgreSQL's quote_identifier() (ruleutils.c) as EXPLAIN uses it for relation, alias, column,
// index and function names: a name is printed bare when it is a lowercase identifier
// ([a-z_][a-z0-9_]*) that is not a keyword other than an unreserved one; otherwise it is
// double-quoted with inner quotes doubled ("*VALUES*", "Order", "left").
#pragma once

#include <string>

namespace dbopt::render {

std::string QuoteIdentifier(const std::string& name);

// True for PostgreSQL 15's reserved, column-name and type/function-name keywords (kwlist.h):
// the keywords quote_identifier() quotes.
bool IsQuotedKeyword(const std::string& word);

}  // namespace dbopt::render
