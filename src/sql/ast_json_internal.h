// Pieces shared by the JSON printer files. Internal to src/sql.
#pragma once

#include "dbopt/sql/ast_printer.h"

namespace dbopt::sql::internal {

Json Node(const char* name, int location);  // {"node": name, "location": location (if known)}
Json ExprOrNull(const ExprPtr& expr);
Json ExprList(const std::vector<ExprPtr>& exprs);
Json TypeNameJson(const TypeName& type);
Json SortItemsJson(const std::vector<SortItem>& items);
Json WindowJson(const WindowDef& window);
Json SelectJson(const SelectStmt& select);
Json NameJson(const QualifiedName& name);
Json TargetsJson(const std::vector<ResultTarget>& targets);
Json FromJson(const FromItem& item);
Json WithJson(const WithClause& with);
Json IndexKeyJson(const IndexKey& key);
Json ConstraintJson(const TableConstraint& constraint);
Json ColumnDefJson(const ColumnDef& column);
Json InsertJson(const InsertStmt& insert);
Json UpdateJson(const UpdateStmt& update);
Json DeleteJson(const DeleteStmt& del);

}  // namespace dbopt::sql::internal
