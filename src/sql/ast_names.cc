// Names of the statement-level enums of dbopt's AST (used by printers and docs/ast-format.md).
#include "dbopt/sql/ast_statement.h"

namespace dbopt::sql {

const char* SetOpName(SetOp op) {
  switch (op) {
    case SetOp::kNone:
      return "NONE";
    case SetOp::kUnion:
      return "UNION";
    case SetOp::kIntersect:
      return "INTERSECT";
    case SetOp::kExcept:
      return "EXCEPT";
  }
  return "?";
}

const char* JoinKindName(JoinKind kind) {
  switch (kind) {
    case JoinKind::kInner:
      return "INNER";
    case JoinKind::kLeft:
      return "LEFT";
    case JoinKind::kRight:
      return "RIGHT";
    case JoinKind::kFull:
      return "FULL";
    case JoinKind::kCross:
      return "CROSS";
  }
  return "?";
}

const char* FromKindName(FromKind kind) {
  switch (kind) {
    case FromKind::kTable:
      return "Table";
    case FromKind::kSubquery:
      return "Subquery";
    case FromKind::kFunction:
      return "Function";
    case FromKind::kJoin:
      return "Join";
  }
  return "?";
}

const char* CteMaterializedName(CteMaterialized m) {
  switch (m) {
    case CteMaterialized::kDefault:
      return "DEFAULT";
    case CteMaterialized::kAlways:
      return "MATERIALIZED";
    case CteMaterialized::kNever:
      return "NOT MATERIALIZED";
  }
  return "?";
}

const char* LockStrengthName(LockStrength s) {
  switch (s) {
    case LockStrength::kUpdate:
      return "UPDATE";
    case LockStrength::kNoKeyUpdate:
      return "NO KEY UPDATE";
    case LockStrength::kShare:
      return "SHARE";
    case LockStrength::kKeyShare:
      return "KEY SHARE";
  }
  return "?";
}

const char* LockWaitName(LockWait w) {
  switch (w) {
    case LockWait::kBlock:
      return "BLOCK";
    case LockWait::kSkipLocked:
      return "SKIP LOCKED";
    case LockWait::kNowait:
      return "NOWAIT";
  }
  return "?";
}

const char* ConstraintKindName(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::kPrimaryKey:
      return "PRIMARY KEY";
    case ConstraintKind::kUnique:
      return "UNIQUE";
    case ConstraintKind::kForeignKey:
      return "FOREIGN KEY";
    case ConstraintKind::kCheck:
      return "CHECK";
    case ConstraintKind::kExclusion:
      return "EXCLUDE";
  }
  return "?";
}

const char* IdentityKindName(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::kNone:
      return "";
    case IdentityKind::kAlways:
      return "ALWAYS";
    case IdentityKind::kByDefault:
      return "BY DEFAULT";
  }
  return "?";
}

const char* AlterKindName(AlterKind kind) {
  switch (kind) {
    case AlterKind::kAddColumn:
      return "ADD COLUMN";
    case AlterKind::kDropColumn:
      return "DROP COLUMN";
    case AlterKind::kAlterColumnType:
      return "ALTER COLUMN TYPE";
    case AlterKind::kSetDefault:
      return "ALTER COLUMN SET DEFAULT";
    case AlterKind::kDropDefault:
      return "ALTER COLUMN DROP DEFAULT";
    case AlterKind::kSetNotNull:
      return "ALTER COLUMN SET NOT NULL";
    case AlterKind::kDropNotNull:
      return "ALTER COLUMN DROP NOT NULL";
    case AlterKind::kAddConstraint:
      return "ADD CONSTRAINT";
    case AlterKind::kDropConstraint:
      return "DROP CONSTRAINT";
    case AlterKind::kValidateConstraint:
      return "VALIDATE CONSTRAINT";
    case AlterKind::kAddIdentity:
      return "ALTER COLUMN ADD IDENTITY";
    case AlterKind::kDropIdentity:
      return "ALTER COLUMN DROP IDENTITY";
    case AlterKind::kSetStatistics:
      return "ALTER COLUMN SET STATISTICS";
    case AlterKind::kRenameColumn:
      return "RENAME COLUMN";
    case AlterKind::kRenameTable:
      return "RENAME";
    case AlterKind::kOther:
      return "OTHER";
  }
  return "?";
}

const char* StatementKindName(StatementKind kind) {
  switch (kind) {
    case StatementKind::kSelect:
      return "Select";
    case StatementKind::kInsert:
      return "Insert";
    case StatementKind::kUpdate:
      return "Update";
    case StatementKind::kDelete:
      return "Delete";
    case StatementKind::kCreateTable:
      return "CreateTable";
    case StatementKind::kCreateIndex:
      return "CreateIndex";
    case StatementKind::kAlterTable:
      return "AlterTable";
    case StatementKind::kCreateStatistics:
      return "CreateStatistics";
    case StatementKind::kCreateSchema:
      return "CreateSchema";
    case StatementKind::kDrop:
      return "Drop";
    case StatementKind::kOther:
      return "Other";
  }
  return "?";
}

}  // namespace dbopt::sql
