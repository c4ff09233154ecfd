// Canonical SQL text of dbopt's AST: deterministic, valid PostgreSQL that parses back to the same
// tree (without locations). Used for the SQL text of DDL expressions (defaults, checks, index
// keys, predicates) and by the printers.
//
//   ToSql(expr)   -> "lower(email)", "(status = 'active')", "(price * 1.1)::numeric(10,2)"
//
// Binary operators, AND/OR and the SQL-syntax predicates are wrapped in parentheses, so the text
// never depends on operator precedence. Identifiers are double-quoted only when they must be.
#pragma once

#include <string>
#include <string_view>

#include "dbopt/sql/ast_statement.h"

namespace dbopt::sql {

std::string ToSql(const Expr& expr);
std::string ToSql(const SelectStmt& select);
std::string ToSql(
    const TypeName& type);  // as written, canonicalized: "pg_catalog.int4" → "integer"

// "users", "\"Users\"", "\"select\"": quotes an identifier when PostgreSQL requires it.
std::string QuoteIdentifier(std::string_view name);
// 'it''s' (E'' form when the text holds a backslash is not needed: standard_conforming_strings).
std::string QuoteLiteral(std::string_view text);

}  // namespace dbopt::sql
