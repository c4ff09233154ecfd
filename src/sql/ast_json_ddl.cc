// JSON of DDL statements and the statement dispatch (docs/ast-format.md).
#include "ast_json_internal.h"

namespace dbopt::sql {
namespace internal {
namespace {

Json NameListJson(const std::vector<QualifiedName>& names) {
  Json list = Json::array();
  for (const QualifiedName& n : names) list.push_back(NameJson(n));
  return list;
}

Json CreateTableJson(const CreateTableStmt& s) {
  Json j = Node("CreateTable", s.table.location);
  j["table"] = NameJson(s.table);
  if (s.if_not_exists) j["if_not_exists"] = true;
  if (!s.persistence.empty()) j["persistence"] = s.persistence;
  Json columns = Json::array();
  for (const ColumnDef& c : s.columns) columns.push_back(ColumnDefJson(c));
  j["columns"] = std::move(columns);
  if (!s.constraints.empty()) {
    Json constraints = Json::array();
    for (const TableConstraint& c : s.constraints) constraints.push_back(ConstraintJson(c));
    j["constraints"] = std::move(constraints);
  }
  if (!s.inherits.empty()) j["inherits"] = NameListJson(s.inherits);
  if (!s.like.empty()) j["like"] = NameListJson(s.like);
  if (!s.partition_strategy.empty()) {
    j["partition_by"] = s.partition_strategy;
    j["partition_keys"] = s.partition_keys;
  }
  if (s.partition_of) j["partition_of"] = NameJson(*s.partition_of);
  return j;
}

Json CreateIndexJson(const CreateIndexStmt& s) {
  Json j = Node("CreateIndex", s.location);
  j["name"] = s.name;
  j["table"] = NameJson(s.table);
  j["method"] = s.method;
  if (s.unique) j["unique"] = true;
  if (s.concurrently) j["concurrently"] = true;
  if (s.if_not_exists) j["if_not_exists"] = true;
  if (s.nulls_not_distinct) j["nulls_not_distinct"] = true;
  Json keys = Json::array();
  for (const IndexKey& key : s.keys) keys.push_back(IndexKeyJson(key));
  j["keys"] = std::move(keys);
  if (!s.include.empty()) j["include"] = s.include;
  if (s.where) j["where"] = ExprToJson(*s.where);
  return j;
}

Json AlterTableJson(const AlterTableStmt& s) {
  Json j = Node("AlterTable", s.table.location);
  j["object"] = s.object_kind;
  j["table"] = NameJson(s.table);
  if (s.if_exists) j["if_exists"] = true;
  if (s.only) j["only"] = true;
  Json commands = Json::array();
  for (const AlterTableCmd& cmd : s.commands) {
    Json c = Node("AlterCommand", kNoLocation);
    c["kind"] = cmd.kind_name;
    if (!cmd.column.empty()) c["column"] = cmd.column;
    if (!cmd.new_name.empty()) c["new_name"] = cmd.new_name;
    if (cmd.column_def) c["definition"] = ColumnDefJson(*cmd.column_def);
    if (cmd.new_type) c["type"] = TypeNameJson(*cmd.new_type);
    if (cmd.expr)
      c[cmd.kind == AlterKind::kAlterColumnType ? "using" : "expr"] = ExprToJson(*cmd.expr);
    if (cmd.constraint) c["constraint"] = ConstraintJson(*cmd.constraint);
    if (!cmd.constraint_name.empty() && !cmd.constraint) c["constraint_name"] = cmd.constraint_name;
    if (cmd.if_exists) c["if_exists"] = true;
    if (cmd.cascade) c["cascade"] = true;
    commands.push_back(std::move(c));
  }
  j["commands"] = std::move(commands);
  return j;
}

Json CreateStatisticsJson(const CreateStatisticsStmt& s) {
  Json j = Node("CreateStatistics", s.table.location);
  j["name"] = NameJson(s.name);
  if (s.if_not_exists) j["if_not_exists"] = true;
  j["kinds"] = s.kinds;
  j["columns"] = s.columns;
  if (!s.expressions.empty()) j["expressions"] = ExprList(s.expressions);
  j["table"] = NameJson(s.table);
  return j;
}

}  // namespace

Json IndexKeyJson(const IndexKey& key) {
  Json j = Node("IndexKey", key.expr ? key.expr->location : kNoLocation);
  if (!key.column.empty()) j["column"] = key.column;
  if (key.expr) j["expr"] = ExprToJson(*key.expr);
  if (!key.collation.empty()) j["collation"] = key.collation;
  if (!key.opclass.empty()) j["opclass"] = key.opclass;
  j["direction"] = SortDirectionName(key.direction);
  j["nulls"] = NullsOrderName(key.nulls);
  return j;
}

Json ConstraintJson(const TableConstraint& c) {
  Json j = Node("Constraint", c.location);
  j["kind"] = ConstraintKindName(c.kind);
  if (!c.name.empty()) j["name"] = c.name;
  if (!c.columns.empty()) j["columns"] = c.columns;
  if (!c.include.empty()) j["include"] = c.include;
  if (!c.using_index.empty()) j["using_index"] = c.using_index;
  if (c.nulls_not_distinct) j["nulls_not_distinct"] = true;
  if (c.check) j["check"] = ExprToJson(*c.check);
  if (c.kind == ConstraintKind::kForeignKey) {
    j["references"] = NameJson(c.ref_table);
    j["ref_columns"] = c.ref_columns;
    j["on_delete"] = c.on_delete;
    j["on_update"] = c.on_update;
    j["match"] = c.match;
  }
  if (c.deferrable) j["deferrable"] = true;
  if (c.initially_deferred) j["initially_deferred"] = true;
  if (c.not_valid) j["not_valid"] = true;
  if (c.no_inherit) j["no_inherit"] = true;
  return j;
}

Json ColumnDefJson(const ColumnDef& c) {
  Json j = Node("ColumnDef", c.location);
  j["name"] = c.name;
  j["type"] = TypeNameJson(c.type);
  j["not_null"] = c.not_null;
  if (c.default_expr) j["default"] = ExprToJson(*c.default_expr);
  if (c.identity != IdentityKind::kNone) j["identity"] = IdentityKindName(c.identity);
  if (c.generated) j["generated"] = ExprToJson(*c.generated);
  if (!c.collation.empty()) j["collation"] = c.collation;
  if (!c.constraints.empty()) {
    Json constraints = Json::array();
    for (const TableConstraint& k : c.constraints) constraints.push_back(ConstraintJson(k));
    j["constraints"] = std::move(constraints);
  }
  return j;
}

}  // namespace internal

Json StatementToJson(const Statement& s) {
  using namespace internal;  // NOLINT(google-build-using-namespace): this module's own helpers
  switch (s.kind) {
    case StatementKind::kSelect:
      return s.select ? SelectJson(*s.select) : Json(nullptr);
    case StatementKind::kInsert:
      return InsertJson(*s.insert);
    case StatementKind::kUpdate:
      return UpdateJson(*s.update);
    case StatementKind::kDelete:
      return DeleteJson(*s.del);
    case StatementKind::kCreateTable:
      return CreateTableJson(*s.create_table);
    case StatementKind::kCreateIndex:
      return CreateIndexJson(*s.create_index);
    case StatementKind::kAlterTable:
      return AlterTableJson(*s.alter_table);
    case StatementKind::kCreateStatistics:
      return CreateStatisticsJson(*s.create_statistics);
    case StatementKind::kCreateSchema: {
      Json j = Node("CreateSchema", s.location);
      j["name"] = s.create_schema->name;
      if (!s.create_schema->authorization.empty())
        j["authorization"] = s.create_schema->authorization;
      if (s.create_schema->if_not_exists) j["if_not_exists"] = true;
      Json elements = Json::array();
      for (const Statement& e : s.create_schema->elements) elements.push_back(StatementToJson(e));
      if (!elements.empty()) j["elements"] = std::move(elements);
      return j;
    }
    case StatementKind::kDrop: {
      Json j = Node("Drop", s.location);
      j["object"] = s.drop->object_kind;
      j["names"] = NameListJson(s.drop->names);
      if (s.drop->if_exists) j["if_exists"] = true;
      if (s.drop->cascade) j["cascade"] = true;
      if (s.drop->concurrently) j["concurrently"] = true;
      return j;
    }
    case StatementKind::kOther: {
      Json j = Node("Other", s.location);
      j["name"] = s.name;
      j["pg_node"] = s.node_name;
      return j;
    }
  }
  return Json(nullptr);
}

}  // namespace dbopt::sql
