// libpg_query AlterTableStmt (and the RenameStmt forms of ALTER TABLE) → dbopt's AlterTableStmt.
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

std::string ObjectKindName(JsonValue type) {
  struct Entry {
    const char* type;
    const char* name;
  };
  static const Entry kNames[] = {{"OBJECT_TABLE", "TABLE"},
                                 {"OBJECT_INDEX", "INDEX"},
                                 {"OBJECT_VIEW", "VIEW"},
                                 {"OBJECT_MATVIEW", "MATERIALIZED VIEW"},
                                 {"OBJECT_FOREIGN_TABLE", "FOREIGN TABLE"},
                                 {"OBJECT_SEQUENCE", "SEQUENCE"},
                                 {"OBJECT_TYPE", "TYPE"}};
  for (const Entry& entry : kNames) {
    if (type.StrIs(entry.type)) return entry.name;
  }
  return type.Str();
}

// The AlterKind of an AlterTableType ("AT_AddColumn"); kOther for the ones dbopt does not model.
AlterKind KindOf(std::string_view subtype) {
  struct Entry {
    const char* subtype;
    AlterKind kind;
  };
  static const Entry kKinds[] = {{"AT_AddColumn", AlterKind::kAddColumn},
                                 {"AT_AddColumnRecurse", AlterKind::kAddColumn},
                                 {"AT_DropColumn", AlterKind::kDropColumn},
                                 {"AT_DropColumnRecurse", AlterKind::kDropColumn},
                                 {"AT_AlterColumnType", AlterKind::kAlterColumnType},
                                 {"AT_ColumnDefault", AlterKind::kSetDefault},
                                 {"AT_SetNotNull", AlterKind::kSetNotNull},
                                 {"AT_DropNotNull", AlterKind::kDropNotNull},
                                 {"AT_AddConstraint", AlterKind::kAddConstraint},
                                 {"AT_AddConstraintRecurse", AlterKind::kAddConstraint},
                                 {"AT_DropConstraint", AlterKind::kDropConstraint},
                                 {"AT_DropConstraintRecurse", AlterKind::kDropConstraint},
                                 {"AT_ValidateConstraint", AlterKind::kValidateConstraint},
                                 {"AT_ValidateConstraintRecurse", AlterKind::kValidateConstraint},
                                 {"AT_AddIdentity", AlterKind::kAddIdentity},
                                 {"AT_DropIdentity", AlterKind::kDropIdentity},
                                 {"AT_SetStatistics", AlterKind::kSetStatistics}};
  for (const Entry& entry : kKinds) {
    if (subtype == entry.subtype) return entry.kind;
  }
  return AlterKind::kOther;
}

}  // namespace

AlterTableCmd Transformer::TransformAlterCmd(JsonValue c) {
  const JsonValue def = c["def"];
  AlterTableCmd cmd;
  cmd.column = c["name"].Str();
  cmd.if_exists = c["missing_ok"].Bool();
  cmd.cascade = c["behavior"].StrIs("DROP_CASCADE");
  cmd.kind = KindOf(c["subtype"].Raw());
  switch (cmd.kind) {
    case AlterKind::kAddColumn:
      if (def.Is("ColumnDef")) {
        cmd.column_def = std::make_unique<ColumnDef>(TransformColumnDef(def.Body()));
        cmd.column = cmd.column_def->name;
      }
      break;
    case AlterKind::kAlterColumnType:
      // The new type is a ColumnDef's type; USING is its raw_default.
      if (def.Is("ColumnDef")) {
        cmd.new_type = std::make_unique<TypeName>(TransformTypeName(def.Body()["typeName"]));
        cmd.expr = TransformExpr(def.Body()["raw_default"]);
      }
      break;
    case AlterKind::kSetDefault:
      if (!def) cmd.kind = AlterKind::kDropDefault;
      cmd.expr = TransformExpr(def);
      break;
    case AlterKind::kAddConstraint:
      if (def.Is("Constraint")) {
        cmd.constraint = std::make_unique<TableConstraint>(TransformConstraint(def.Body()));
        cmd.constraint_name = cmd.constraint->name;
      }
      break;
    case AlterKind::kDropConstraint:
    case AlterKind::kValidateConstraint:
      cmd.constraint_name = c["name"].Str();
      cmd.column.clear();
      break;
    case AlterKind::kSetStatistics: {
      const int ordinal = statistics_targets_++;
      if (def.Is("Integer")) {
        const JsonValue value = def.Body()["ival"];
        cmd.expr = MakeExpr(ExprKind::kConst, kNoLocation);
        cmd.expr->const_kind = ConstKind::kInteger;
        cmd.expr->text = value ? std::to_string(value.Int())
                               : StatisticsTargetText(statement_location_, ordinal);
      }
      break;
    }
    default:
      break;
  }
  cmd.kind_name = cmd.kind == AlterKind::kOther ? c["subtype"].Str() : AlterKindName(cmd.kind);
  return cmd;
}

std::unique_ptr<AlterTableStmt> Transformer::TransformAlterTable(JsonValue alter) {
  auto out = std::make_unique<AlterTableStmt>();
  const JsonValue relation = alter["relation"];
  out->table = TransformRangeVar(relation);
  out->object_kind = ObjectKindName(alter["objtype"]);
  out->if_exists = alter["missing_ok"].Bool();
  out->only = relation && !relation["inh"].Bool();
  for (const JsonValue node : alter["cmds"]) {
    if (node.Is("AlterTableCmd")) out->commands.push_back(TransformAlterCmd(node.Body()));
  }
  return out;
}

std::unique_ptr<AlterTableStmt> Transformer::TransformRename(JsonValue rename) {
  auto out = std::make_unique<AlterTableStmt>();
  out->table = TransformRangeVar(rename["relation"]);
  out->if_exists = rename["missing_ok"].Bool();
  AlterTableCmd cmd;
  cmd.new_name = rename["newname"].Str();
  if (rename["renameType"].StrIs("OBJECT_COLUMN")) {
    out->object_kind = ObjectKindName(rename["relationType"]);
    cmd.kind = AlterKind::kRenameColumn;
    cmd.column = rename["subname"].Str();
  } else {
    out->object_kind = ObjectKindName(rename["renameType"]);
    cmd.kind = AlterKind::kRenameTable;
  }
  cmd.kind_name = AlterKindName(cmd.kind);
  out->commands.push_back(std::move(cmd));
  return out;
}

}  // namespace dbopt::sql::internal
