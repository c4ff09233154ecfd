// Binding: dbopt's parse-analysis step (PostgreSQL's analyze.c, parse_*.c). It resolves every
// name in a statement against the catalog, types every expression, coerces literals and expands
// `*`, producing a Query. Errors carry the source location and, for unknown names, a suggestion:
//   queries.sql:3:15: error: relation "ordrs" does not exist
//   hint: did you mean "orders"?
// Constructs the planner does not handle yet are rejected here with "not supported: <construct>"
// and their location, so that nothing downstream silently plans something else.
#pragma once

#include <memory>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"
#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/sql/ast_statement.h"

namespace dbopt::bind {

// Binds one statement (SELECT, INSERT, UPDATE, DELETE). `source` is the text the statement's
// locations point into; it is used for error messages. The catalog must outlive the Query
// (RangeTblEntry::table points into it).
Result<std::shared_ptr<Query>> Bind(const catalog::Catalog& catalog,
                                    const sql::Statement& statement, const SourceText& source);

}  // namespace dbopt::bind
