// Turns libpg_query's parse tree (pg_query_parse's node JSON, read through pg_json.h) into dbopt's
// AST. Internal to src/sql: with parser.cc, the only place that knows libpg_query's node shapes.
//
// Node arguments are JsonValues: `node` parameters are wrapped nodes ({"A_Expr": {...}}), the
// typed ones (`a`, `select`, ...) the inner object of a node of that type, lists are arrays.
//
// The transformer records the first problem (an unsupported construct, nesting deeper than
// kMaxNestingDepth) and returns null from then on, instead of threading Result<> through every
// recursive call; callers check failed() once per statement.
#pragma once

#include <string>
#include <vector>

#include "dbopt/sql/ast_statement.h"
#include "pg_json.h"

namespace dbopt::sql::internal {

// A node's "location" field (libpg_query leaves out zeros, like every default value).
inline int32_t Location(JsonValue body) { return static_cast<int32_t>(body["location"].Int()); }

class Transformer {
 public:
  // `text` is the whole file; `base` the file offset of the part libpg_query parsed: node
  // locations are relative to it.
  Transformer(std::string_view text, int base) : text_(text), base_(base) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  int error_location() const { return error_location_; }

  // One top-level statement (also CTE bodies and CREATE SCHEMA elements).
  void TransformStatement(JsonValue node, int location, Statement* out);
  // The statements dbopt analyses; false (and `out` untouched) for the others.
  bool TransformAnalysed(std::string_view type, JsonValue body, int location, Statement* out);

  // transform_expr.cc
  ExprPtr TransformExpr(JsonValue node);
  ExprPtr TransformOtherExpr(std::string_view type, JsonValue body);  // the rarer node types
  std::vector<ExprPtr> TransformExprs(JsonValue list);
  TypeName TransformTypeName(JsonValue type);
  std::vector<SortItem> TransformSortItems(JsonValue list);
  WindowDef TransformWindowDef(JsonValue window);
  // transform_operator.cc
  ExprPtr TransformAExpr(JsonValue a);
  ExprPtr TransformFuncCall(JsonValue call);
  ExprPtr TransformSubLink(JsonValue link);

  // transform_select.cc
  std::unique_ptr<SelectStmt> TransformSelect(JsonValue select, int location);
  std::unique_ptr<WithClause> TransformWith(JsonValue with);
  std::vector<FromItem> TransformFromList(JsonValue list);
  FromItem TransformFromItem(JsonValue node);
  void TransformRangeFunction(JsonValue function, FromItem* item);
  std::vector<ResultTarget> TransformTargets(JsonValue list);
  QualifiedName TransformRangeVar(JsonValue range_var);
  Alias TransformAlias(JsonValue alias);

  // transform_dml.cc
  std::unique_ptr<InsertStmt> TransformInsert(JsonValue insert);
  OnConflict TransformOnConflict(JsonValue on_conflict);
  std::unique_ptr<UpdateStmt> TransformUpdate(JsonValue update);
  std::unique_ptr<DeleteStmt> TransformDelete(JsonValue del);

  // transform_ddl.cc / transform_alter.cc
  std::unique_ptr<CreateTableStmt> TransformCreateTable(JsonValue create);
  std::unique_ptr<CreateIndexStmt> TransformCreateIndex(JsonValue index);
  std::unique_ptr<AlterTableStmt> TransformAlterTable(JsonValue alter);
  AlterTableCmd TransformAlterCmd(JsonValue cmd);
  std::unique_ptr<AlterTableStmt> TransformRename(JsonValue rename);
  std::unique_ptr<CreateStatisticsStmt> TransformCreateStatistics(JsonValue s);
  std::unique_ptr<CreateSchemaStmt> TransformCreateSchema(JsonValue s);
  std::unique_ptr<DropStmt> TransformDrop(JsonValue drop);
  IndexKey TransformIndexElem(JsonValue elem);
  ColumnDef TransformColumnDef(JsonValue column);
  void TransformColumnConstraint(JsonValue constraint, ColumnDef* out);
  void TransformPartitionSpec(JsonValue spec, CreateTableStmt* out);
  TableConstraint TransformConstraint(JsonValue constraint);

  // transform_integer.cc: Integer values that libpg_query's JSON leaves out (zero, negative).
  std::string IntegerText(JsonValue a_const) const;  // an A_Const with "ival"
  std::string StatisticsTargetText(int statement, int ordinal) const;

  // Records the first failure; later ones are dropped (they are usually consequences).
  void Fail(int location, std::string message);
  int Loc(int32_t offset) const { return offset < 0 ? kNoLocation : base_ + offset; }
  // The file offset of a node's "location" field.
  int LocOf(JsonValue body) const { return Loc(Location(body)); }

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
  std::string_view text_;
  int base_;
  int statement_location_ = kNoLocation;  // of the top-level statement being transformed
  int statistics_targets_ = 0;            // SET STATISTICS commands seen in it
  int depth_ = 0;
  std::string error_;
  int error_location_ = kNoLocation;
};

// Helpers shared by the transform files.
std::string StringValue(JsonValue node);  // a String node's text; "*" for A_Star
std::vector<std::string> StringList(JsonValue list);
// The PostgreSQL node name of a node ("VariableSetStmt"); "(empty)" for a missing or NULL node.
std::string NodeName(JsonValue node);

}  // namespace dbopt::sql::internal
