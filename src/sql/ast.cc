// Construction, iterative destruction and kind names of dbopt's AST nodes.
#include <utility>

#include "dbopt/sql/ast_statement.h"

namespace dbopt::sql {

Expr::Expr() = default;
Expr::Expr(ExprKind k, int loc) : kind(k), location(loc) {}
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

// A left-deep chain of 1,500 operators would recurse 1,500 destructor frames deep; moving the
// children to a work list first keeps the stack flat whatever the depth. Subqueries and
// function extras are rarer and bounded by kMaxNestingDepth, so they are destroyed normally.
Expr::~Expr() {
  if (children.empty()) return;
  std::vector<ExprPtr> pending = std::move(children);
  while (!pending.empty()) {
    ExprPtr node = std::move(pending.back());
    pending.pop_back();
    if (!node) continue;
    for (ExprPtr& child : node->children) pending.push_back(std::move(child));
    node->children.clear();
  }
}

ExprPtr MakeExpr(ExprKind kind, int location) { return std::make_unique<Expr>(kind, location); }

CommonTableExpr::CommonTableExpr() = default;
CommonTableExpr::~CommonTableExpr() = default;
CommonTableExpr::CommonTableExpr(CommonTableExpr&&) noexcept = default;
CommonTableExpr& CommonTableExpr::operator=(CommonTableExpr&&) noexcept = default;

CreateSchemaStmt::CreateSchemaStmt() = default;
CreateSchemaStmt::~CreateSchemaStmt() = default;
CreateSchemaStmt::CreateSchemaStmt(CreateSchemaStmt&&) noexcept = default;
CreateSchemaStmt& CreateSchemaStmt::operator=(CreateSchemaStmt&&) noexcept = default;

Statement::Statement() = default;
Statement::~Statement() = default;
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;

const char* ExprKindName(ExprKind kind) {
  switch (kind) {
    case ExprKind::kConst:
      return "Const";
    case ExprKind::kParam:
      return "Param";
    case ExprKind::kColumnRef:
      return "ColumnRef";
    case ExprKind::kOperator:
      return "Operator";
    case ExprKind::kOpAny:
      return "OpAny";
    case ExprKind::kOpAll:
      return "OpAll";
    case ExprKind::kAnd:
      return "And";
    case ExprKind::kOr:
      return "Or";
    case ExprKind::kNot:
      return "Not";
    case ExprKind::kFuncCall:
      return "FuncCall";
    case ExprKind::kCast:
      return "Cast";
    case ExprKind::kCollate:
      return "Collate";
    case ExprKind::kCase:
      return "Case";
    case ExprKind::kIn:
      return "In";
    case ExprKind::kBetween:
      return "Between";
    case ExprKind::kLike:
      return "Like";
    case ExprKind::kILike:
      return "ILike";
    case ExprKind::kSimilar:
      return "Similar";
    case ExprKind::kNullTest:
      return "NullTest";
    case ExprKind::kBoolTest:
      return "BoolTest";
    case ExprKind::kDistinctFrom:
      return "DistinctFrom";
    case ExprKind::kNullIf:
      return "NullIf";
    case ExprKind::kCoalesce:
      return "Coalesce";
    case ExprKind::kGreatest:
      return "Greatest";
    case ExprKind::kLeast:
      return "Least";
    case ExprKind::kSubquery:
      return "Subquery";
    case ExprKind::kArray:
      return "Array";
    case ExprKind::kRow:
      return "Row";
    case ExprKind::kIndirection:
      return "Indirection";
    case ExprKind::kSqlValueFunction:
      return "SqlValueFunction";
    case ExprKind::kDefault:
      return "Default";
    case ExprKind::kNamedArg:
      return "NamedArg";
    case ExprKind::kGroupingSet:
      return "GroupingSet";
    case ExprKind::kGroupingFunc:
      return "GroupingFunc";
    case ExprKind::kStar:
      return "Star";
  }
  return "?";
}

const char* ConstKindName(ConstKind kind) {
  switch (kind) {
    case ConstKind::kInteger:
      return "integer";
    case ConstKind::kNumeric:
      return "numeric";
    case ConstKind::kString:
      return "string";
    case ConstKind::kBool:
      return "bool";
    case ConstKind::kNull:
      return "null";
    case ConstKind::kBitString:
      return "bitstring";
  }
  return "?";
}

const char* BoolTestKindName(BoolTestKind kind) {
  switch (kind) {
    case BoolTestKind::kIsTrue:
      return "IS TRUE";
    case BoolTestKind::kIsNotTrue:
      return "IS NOT TRUE";
    case BoolTestKind::kIsFalse:
      return "IS FALSE";
    case BoolTestKind::kIsNotFalse:
      return "IS NOT FALSE";
    case BoolTestKind::kIsUnknown:
      return "IS UNKNOWN";
    case BoolTestKind::kIsNotUnknown:
      return "IS NOT UNKNOWN";
  }
  return "?";
}

const char* SubqueryKindName(SubqueryKind kind) {
  switch (kind) {
    case SubqueryKind::kExists:
      return "EXISTS";
    case SubqueryKind::kScalar:
      return "SCALAR";
    case SubqueryKind::kArray:
      return "ARRAY";
    case SubqueryKind::kAny:
      return "ANY";
    case SubqueryKind::kAll:
      return "ALL";
    case SubqueryKind::kRowCompare:
      return "ROW COMPARE";
  }
  return "?";
}

const char* GroupingSetKindName(GroupingSetKind kind) {
  switch (kind) {
    case GroupingSetKind::kEmpty:
      return "EMPTY";
    case GroupingSetKind::kRollup:
      return "ROLLUP";
    case GroupingSetKind::kCube:
      return "CUBE";
    case GroupingSetKind::kSets:
      return "SETS";
  }
  return "?";
}

const char* SortDirectionName(SortDirection direction) {
  switch (direction) {
    case SortDirection::kDefault:
      return "DEFAULT";
    case SortDirection::kAsc:
      return "ASC";
    case SortDirection::kDesc:
      return "DESC";
    case SortDirection::kUsing:
      return "USING";
  }
  return "?";
}

const char* NullsOrderName(NullsOrder nulls) {
  switch (nulls) {
    case NullsOrder::kDefault:
      return "DEFAULT";
    case NullsOrder::kFirst:
      return "FIRST";
    case NullsOrder::kLast:
      return "LAST";
  }
  return "?";
}

const char* FrameModeName(FrameMode mode) {
  switch (mode) {
    case FrameMode::kDefault:
      return "DEFAULT";
    case FrameMode::kRange:
      return "RANGE";
    case FrameMode::kRows:
      return "ROWS";
    case FrameMode::kGroups:
      return "GROUPS";
  }
  return "?";
}

const char* FrameBoundKindName(FrameBoundKind kind) {
  switch (kind) {
    case FrameBoundKind::kUnboundedPreceding:
      return "UNBOUNDED PRECEDING";
    case FrameBoundKind::kPreceding:
      return "PRECEDING";
    case FrameBoundKind::kCurrentRow:
      return "CURRENT ROW";
    case FrameBoundKind::kFollowing:
      return "FOLLOWING";
    case FrameBoundKind::kUnboundedFollowing:
      return "UNBOUNDED FOLLOWING";
  }
  return "?";
}

const char* FrameExclusionName(FrameExclusion exclusion) {
  switch (exclusion) {
    case FrameExclusion::kNoOthers:
      return "NO OTHERS";
    case FrameExclusion::kCurrentRow:
      return "CURRENT ROW";
    case FrameExclusion::kGroup:
      return "GROUP";
    case FrameExclusion::kTies:
      return "TIES";
  }
  return "?";
}

}  // namespace dbopt::sql
