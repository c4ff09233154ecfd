// Turns libpg_query's protobuf parse tree into dbopt's AST. Internal to src/sql: the only place,
// with parser.cc, that sees pg_query headers.
//
// The transformer records the first problem (an unsupported construct, nesting deeper than
// kMaxNestingDepth) and returns null from then on, instead of threading Result<> through every
// recursive call; callers check failed() once per statement.
#pragma once

#include <pg_query.pb-c.h>

#include <string>
#include <vector>

#include "dbopt/sql/ast_statement.h"

namespace dbopt::sql::internal {

class Transformer {
 public:
  // `base` is the file offset of the text libpg_query parsed: node locations are relative to it.
  explicit Transformer(int base) : base_(base) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  int error_location() const { return error_location_; }

  // One top-level statement (also CTE bodies and CREATE SCHEMA elements).
  void TransformStatement(const PgQuery__Node* node, int location, Statement* out);

  // transform_expr.cc
  ExprPtr TransformExpr(const PgQuery__Node* node);
  std::vector<ExprPtr> TransformExprs(size_t n, PgQuery__Node* const* nodes);
  TypeName TransformTypeName(const PgQuery__TypeName* type);
  std::vector<SortItem> TransformSortItems(size_t n, PgQuery__Node* const* nodes);
  WindowDef TransformWindowDef(const PgQuery__WindowDef* window);
  // transform_operator.cc
  ExprPtr TransformAExpr(const PgQuery__AExpr* a);
  ExprPtr TransformFuncCall(const PgQuery__FuncCall* call);
  ExprPtr TransformSubLink(const PgQuery__SubLink* link);

  // transform_select.cc
  std::unique_ptr<SelectStmt> TransformSelect(const PgQuery__SelectStmt* select, int location);
  std::unique_ptr<WithClause> TransformWith(const PgQuery__WithClause* with);
  std::vector<FromItem> TransformFromList(size_t n, PgQuery__Node* const* nodes);
  FromItem TransformFromItem(const PgQuery__Node* node);
  std::vector<ResultTarget> TransformTargets(size_t n, PgQuery__Node* const* nodes);
  QualifiedName TransformRangeVar(const PgQuery__RangeVar* range_var);
  Alias TransformAlias(const PgQuery__Alias* alias);

  // transform_dml.cc
  std::unique_ptr<InsertStmt> TransformInsert(const PgQuery__InsertStmt* insert);
  std::unique_ptr<UpdateStmt> TransformUpdate(const PgQuery__UpdateStmt* update);
  std::unique_ptr<DeleteStmt> TransformDelete(const PgQuery__DeleteStmt* del);

  // transform_ddl.cc / transform_alter.cc
  std::unique_ptr<CreateTableStmt> TransformCreateTable(const PgQuery__CreateStmt* create);
  std::unique_ptr<CreateIndexStmt> TransformCreateIndex(const PgQuery__IndexStmt* index);
  std::unique_ptr<AlterTableStmt> TransformAlterTable(const PgQuery__AlterTableStmt* alter);
  std::unique_ptr<AlterTableStmt> TransformRename(const PgQuery__RenameStmt* rename);
  std::unique_ptr<CreateStatisticsStmt> TransformCreateStatistics(
      const PgQuery__CreateStatsStmt* s);
  std::unique_ptr<CreateSchemaStmt> TransformCreateSchema(const PgQuery__CreateSchemaStmt* s);
  std::unique_ptr<DropStmt> TransformDrop(const PgQuery__DropStmt* drop);
  IndexKey TransformIndexElem(const PgQuery__IndexElem* elem);
  ColumnDef TransformColumnDef(const PgQuery__ColumnDef* column);
  TableConstraint TransformConstraint(const PgQuery__Constraint* constraint);

  // Records the first failure; later ones are dropped (they are usually consequences).
  void Fail(int location, std::string message);
  int Loc(int32_t offset) const { return offset < 0 ? kNoLocation : base_ + offset; }

  // Counts one level of nesting for as long as it lives; fails the transform past the limit.
  class DepthGuard {
   public:
    DepthGuard(Transformer& t, int location);
    ~DepthGuard() { --t_.depth_; }
    bool ok() const { return ok_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Transformer& t_;
    bool ok_;
  };

 private:
  int base_;
  int depth_ = 0;
  std::string error_;
  int error_location_ = kNoLocation;
};

// Helpers shared by the transform files.
std::string StringValue(const PgQuery__Node* node);  // a String node's text; "*" for A_Star
std::vector<std::string> StringList(size_t n, PgQuery__Node* const* nodes);
// The PostgreSQL node name of a node ("VariableSetStmt"), from the protobuf descriptors.
std::string NodeName(const PgQuery__Node* node);
// The name of a protobuf enum value ("AT_EnableTrig").
std::string EnumValueName(const ProtobufCEnumDescriptor& descriptor, int value);

}  // namespace dbopt::sql::internal
