// Binding an expression written in a table's scope — an index's expression key
// (`lower(email)`) or partial-index predicate (`status = 'pending'`), as the catalog stores them
// in SQL text — the way PostgreSQL's parser binds them for CREATE INDEX.
#pragma once

#include <string>

#include "dbopt/base/result.h"
#include "dbopt/bind/bound_expr.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::bind {

// The expression bound against `table` alone, its Vars pointing at range-table index `varno`.
Result<BoundExprPtr> BindTableExpression(const catalog::Catalog& catalog,
                                         const catalog::Table& table, const std::string& sql,
                                         int varno);

}  // namespace dbopt::bind
