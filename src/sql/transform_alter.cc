// libpg_query AlterTableStmt (and the RenameStmt forms of ALTER TABLE) → dbopt's AlterTableStmt.
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

std::string ObjectKindName(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return "TABLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return "INDEX";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      return "VIEW";
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return "MATERIALIZED VIEW";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
      return "FOREIGN TABLE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return "SEQUENCE";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
      return "TYPE";
    default:
      return EnumValueName(pg_query__object_type__descriptor, type);
  }
}

}  // namespace

std::unique_ptr<AlterTableStmt> Transformer::TransformAlterTable(
    const PgQuery__AlterTableStmt* alter) {
  auto out = std::make_unique<AlterTableStmt>();
  out->table = TransformRangeVar(alter->relation);
  out->object_kind = ObjectKindName(alter->objtype);
  out->if_exists = alter->missing_ok;
  out->only = alter->relation && !alter->relation->inh;
  for (size_t i = 0; i < alter->n_cmds; ++i) {
    if (alter->cmds[i]->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const PgQuery__AlterTableCmd* c = alter->cmds[i]->alter_table_cmd;
    const PgQuery__Node* def = c->def;
    AlterTableCmd cmd;
    cmd.column = c->name;
    cmd.if_exists = c->missing_ok;
    cmd.cascade = c->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    switch (c->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
        cmd.kind = AlterKind::kAddColumn;
        if (def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          cmd.column_def = std::make_unique<ColumnDef>(TransformColumnDef(def->column_def));
          cmd.column = cmd.column_def->name;
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
        cmd.kind = AlterKind::kDropColumn;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        // The new type is a ColumnDef's type; USING is its raw_default.
        cmd.kind = AlterKind::kAlterColumnType;
        if (def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          cmd.new_type = std::make_unique<TypeName>(TransformTypeName(def->column_def->type_name));
          cmd.expr = TransformExpr(def->column_def->raw_default);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        cmd.kind = def ? AlterKind::kSetDefault : AlterKind::kDropDefault;
        cmd.expr = TransformExpr(def);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        cmd.kind = AlterKind::kSetNotNull;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        cmd.kind = AlterKind::kDropNotNull;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
        cmd.kind = AlterKind::kAddConstraint;
        if (def && def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          cmd.constraint = std::make_unique<TableConstraint>(TransformConstraint(def->constraint));
          cmd.constraint_name = cmd.constraint->name;
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse:
        cmd.kind = AlterKind::kDropConstraint;
        cmd.constraint_name = c->name;
        cmd.column.clear();
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse:
        cmd.kind = AlterKind::kValidateConstraint;
        cmd.constraint_name = c->name;
        cmd.column.clear();
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
        cmd.kind = AlterKind::kAddIdentity;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
        cmd.kind = AlterKind::kDropIdentity;
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
        cmd.kind = AlterKind::kSetStatistics;
        if (def && def->node_case == PG_QUERY__NODE__NODE_INTEGER) {
          cmd.expr = MakeExpr(ExprKind::kConst, kNoLocation);
          cmd.expr->const_kind = ConstKind::kInteger;
          cmd.expr->text = std::to_string(def->integer->ival);
        }
        break;
      default:
        cmd.kind = AlterKind::kOther;
        break;
    }
    cmd.kind_name = cmd.kind == AlterKind::kOther
                        ? EnumValueName(pg_query__alter_table_type__descriptor, c->subtype)
                        : AlterKindName(cmd.kind);
    out->commands.push_back(std::move(cmd));
  }
  return out;
}

std::unique_ptr<AlterTableStmt> Transformer::TransformRename(const PgQuery__RenameStmt* rename) {
  auto out = std::make_unique<AlterTableStmt>();
  out->table = TransformRangeVar(rename->relation);
  out->if_exists = rename->missing_ok;
  AlterTableCmd cmd;
  cmd.new_name = rename->newname;
  if (rename->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
    out->object_kind = ObjectKindName(rename->relation_type);
    cmd.kind = AlterKind::kRenameColumn;
    cmd.column = rename->subname;
  } else {
    out->object_kind = ObjectKindName(rename->rename_type);
    cmd.kind = AlterKind::kRenameTable;
  }
  cmd.kind_name = AlterKindName(cmd.kind);
  out->commands.push_back(std::move(cmd));
  return out;
}

}  // namespace dbopt::sql::internal
