// Expressions in a table's scope; see table_expr.h. The text is bound as the target of
// `SELECT <expr> FROM schema.table`, so names, types and operators resolve exactly as in a query.
#include "dbopt/bind/table_expr.h"

#include "dbopt/base/source_text.h"
#include "dbopt/bind/binder.h"
#include "dbopt/sql/parser.h"

namespace dbopt::bind {
namespace {

void Renumber(BoundExpr& e, int varno) {
  if (e.kind == BoundKind::kVar && e.levelsup == 0) e.varno = varno;
  for (BoundExprPtr& a : e.args) {
    if (a) Renumber(*a, varno);
  }
}

}  // namespace

Result<BoundExprPtr> BindTableExpression(const catalog::Catalog& catalog,
                                         const catalog::Table& table, const std::string& sql,
                                         int varno) {
  const std::string text = "SELECT " + sql + " FROM " + table.schema + "." + table.name;
  Result<sql::Statement> statement =
      sql::ParseStatement(text, "<expression of " + table.name + ">");
  if (!statement.ok()) return std::move(statement).error();
  SourceText source("<expression of " + table.name + ">", text);
  Result<std::shared_ptr<Query>> query = Bind(catalog, *statement, source);
  if (!query.ok()) return std::move(query).error();
  if ((*query)->targets.empty() || !(*query)->targets[0].expr) {
    return Error::BadInput("expression of " + table.name + " did not bind: " + sql);
  }
  BoundExprPtr expr = Clone(*(*query)->targets[0].expr);
  Renumber(*expr, varno);
  return expr;
}

}  // namespace dbopt::bind
