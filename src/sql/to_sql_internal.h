// Pieces shared by the ToSql files. Internal to src/sql.
#pragma once

#include <string>
#include <vector>

#include "dbopt/sql/ast_statement.h"

namespace dbopt::sql::internal {

std::string JoinNames(const std::vector<std::string>& names);  // a.b.c, each quoted if needed
std::string JoinExprs(const std::vector<ExprPtr>& exprs, size_t from = 0);
std::string SortItemsSql(const std::vector<SortItem>& items);
std::string WindowSpecSql(const WindowDef& window);  // "(PARTITION BY ... ORDER BY ... ROWS ...)"
std::string TargetsSql(const std::vector<ResultTarget>& targets);
std::string StatementSql(const Statement& statement);  // SELECT, INSERT, UPDATE, DELETE

}  // namespace dbopt::sql::internal
