// libpg_query expression nodes → dbopt Expr.
#include <fmt/format.h>

#include <cctype>

#include "transform.h"

namespace dbopt::sql::internal {
namespace {

bool AllDigits(const char* s) {
  if (*s == '-') ++s;
  if (*s == '\0') return false;
  for (; *s; ++s) {
    if (!std::isdigit(static_cast<unsigned char>(*s))) return false;
  }
  return true;
}

ExprPtr Const(const PgQuery__AConst* c, int location) {
  auto e = MakeExpr(ExprKind::kConst, location);
  if (c->isnull) {
    e->const_kind = ConstKind::kNull;
    e->text = "NULL";
    return e;
  }
  switch (c->val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL:
      e->const_kind = ConstKind::kInteger;
      e->text = std::to_string(c->ival->ival);
      break;
    case PG_QUERY__A__CONST__VAL_FVAL:  // also integers too large for int32
      e->const_kind = AllDigits(c->fval->fval) ? ConstKind::kInteger : ConstKind::kNumeric;
      e->text = c->fval->fval;
      break;
    case PG_QUERY__A__CONST__VAL_BOOLVAL:
      e->const_kind = ConstKind::kBool;
      e->text = c->boolval->boolval ? "true" : "false";
      break;
    case PG_QUERY__A__CONST__VAL_SVAL:
      e->const_kind = ConstKind::kString;
      e->text = c->sval->sval;
      break;
    case PG_QUERY__A__CONST__VAL_BSVAL:  // "b1010" or "x1F"
      e->const_kind = ConstKind::kBitString;
      e->text = c->bsval->bsval;
      break;
    default:  // A_Const without a value: the NULL constant
      e->const_kind = ConstKind::kNull;
      e->text = "NULL";
      break;
  }
  return e;
}

// INTERVAL field masks (PostgreSQL's INTERVAL_MASK in utils/datetime.h): 1 << field number.
std::string IntervalFields(int mask) {
  constexpr int kMonth = 1 << 1, kYear = 1 << 2, kDay = 1 << 3, kHour = 1 << 10, kMinute = 1 << 11,
                kSecond = 1 << 12;
  struct Entry {
    int mask;
    const char* text;
  };
  static const Entry kEntries[] = {
      {kYear, "YEAR"},
      {kMonth, "MONTH"},
      {kDay, "DAY"},
      {kHour, "HOUR"},
      {kMinute, "MINUTE"},
      {kSecond, "SECOND"},
      {kYear | kMonth, "YEAR TO MONTH"},
      {kDay | kHour, "DAY TO HOUR"},
      {kDay | kHour | kMinute, "DAY TO MINUTE"},
      {kDay | kHour | kMinute | kSecond, "DAY TO SECOND"},
      {kHour | kMinute, "HOUR TO MINUTE"},
      {kHour | kMinute | kSecond, "HOUR TO SECOND"},
      {kMinute | kSecond, "MINUTE TO SECOND"},
  };
  for (const Entry& entry : kEntries) {
    if (entry.mask == mask) return entry.text;
  }
  return std::to_string(mask);
}

}  // namespace

std::vector<ExprPtr> Transformer::TransformExprs(size_t n, PgQuery__Node* const* nodes) {
  std::vector<ExprPtr> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(TransformExpr(nodes[i]));
  return out;
}

TypeName Transformer::TransformTypeName(const PgQuery__TypeName* type) {
  TypeName out;
  if (type == nullptr) return out;
  out.names = StringList(type->n_names, type->names);
  out.location = Loc(type->location);
  out.setof = type->setof;
  out.percent_type = type->pct_type;
  out.array_dimensions = static_cast<int>(type->n_array_bounds);
  const bool interval = !out.names.empty() && out.names.back() == "interval";
  constexpr int kIntervalFullRange = 0x7FFF;  // INTERVAL_FULL_RANGE: no fields written
  for (size_t i = 0; i < type->n_typmods; ++i) {
    const PgQuery__Node* mod = type->typmods[i];
    if (mod->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        mod->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
      const int value = mod->a_const->ival->ival;
      if (interval && i == 0) {
        if (value != kIntervalFullRange) out.modifiers.push_back(IntervalFields(value));
        continue;
      }
      out.modifiers.push_back(std::to_string(value));
    } else if (mod->node_case == PG_QUERY__NODE__NODE_A_CONST &&
               mod->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL) {
      out.modifiers.push_back(mod->a_const->sval->sval);
    } else if (mod->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      const auto names = StringList(mod->column_ref->n_fields, mod->column_ref->fields);
      out.modifiers.push_back(names.empty() ? "" : names.back());
    } else {
      Fail(out.location, "not supported: type modifier " + NodeName(mod));
    }
  }
  return out;
}

std::vector<SortItem> Transformer::TransformSortItems(size_t n, PgQuery__Node* const* nodes) {
  std::vector<SortItem> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (nodes[i]->node_case != PG_QUERY__NODE__NODE_SORT_BY) {
      Fail(kNoLocation, "not supported: ORDER BY item " + NodeName(nodes[i]));
      continue;
    }
    const PgQuery__SortBy* s = nodes[i]->sort_by;
    SortItem item;
    item.expr = TransformExpr(s->node);
    item.location = Loc(s->location);
    switch (s->sortby_dir) {
      case PG_QUERY__SORT_BY_DIR__SORTBY_ASC:
        item.direction = SortDirection::kAsc;
        break;
      case PG_QUERY__SORT_BY_DIR__SORTBY_DESC:
        item.direction = SortDirection::kDesc;
        break;
      case PG_QUERY__SORT_BY_DIR__SORTBY_USING:
        item.direction = SortDirection::kUsing;
        break;
      default:
        item.direction = SortDirection::kDefault;
        break;
    }
    if (s->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST)
      item.nulls = NullsOrder::kFirst;
    if (s->sortby_nulls == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST)
      item.nulls = NullsOrder::kLast;
    const auto op = StringList(s->n_use_op, s->use_op);
    if (!op.empty()) item.using_operator = op.back();
    out.push_back(std::move(item));
  }
  return out;
}

WindowDef Transformer::TransformWindowDef(const PgQuery__WindowDef* w) {
  // PostgreSQL's FRAMEOPTION_* bits (nodes/parsenodes.h, PG15).
  constexpr int kNonDefault = 0x1, kRange = 0x2, kRows = 0x4, kGroups = 0x8, kBetween = 0x10,
                kStartUnboundedPreceding = 0x20, kEndUnboundedFollowing = 0x100,
                kStartCurrentRow = 0x200, kEndCurrentRow = 0x400, kStartOffsetPreceding = 0x800,
                kEndOffsetPreceding = 0x1000, kStartOffsetFollowing = 0x2000,
                kEndOffsetFollowing = 0x4000, kExcludeCurrentRow = 0x8000, kExcludeGroup = 0x10000,
                kExcludeTies = 0x20000;
  WindowDef out;
  out.name = w->name;
  out.refname = w->refname;
  out.location = Loc(w->location);
  out.partition_by = TransformExprs(w->n_partition_clause, w->partition_clause);
  out.order_by = TransformSortItems(w->n_order_clause, w->order_clause);
  const int f = w->frame_options;
  if ((f & kNonDefault) == 0) return out;
  WindowFrame& frame = out.frame;
  frame.mode = (f & kRows)     ? FrameMode::kRows
               : (f & kGroups) ? FrameMode::kGroups
                               : FrameMode::kRange;
  (void)kRange;
  frame.between = (f & kBetween) != 0;
  if (f & kStartUnboundedPreceding) frame.start.kind = FrameBoundKind::kUnboundedPreceding;
  if (f & kStartCurrentRow) frame.start.kind = FrameBoundKind::kCurrentRow;
  if (f & kStartOffsetPreceding) frame.start.kind = FrameBoundKind::kPreceding;
  if (f & kStartOffsetFollowing) frame.start.kind = FrameBoundKind::kFollowing;
  frame.end.kind = FrameBoundKind::kCurrentRow;  // also the end when BETWEEN is not written
  (void)kEndCurrentRow;
  if (f & kEndUnboundedFollowing) frame.end.kind = FrameBoundKind::kUnboundedFollowing;
  if (f & kEndOffsetPreceding) frame.end.kind = FrameBoundKind::kPreceding;
  if (f & kEndOffsetFollowing) frame.end.kind = FrameBoundKind::kFollowing;
  if (w->start_offset) frame.start.offset = TransformExpr(w->start_offset);
  if (w->end_offset) frame.end.offset = TransformExpr(w->end_offset);
  if (f & kExcludeCurrentRow) frame.exclusion = FrameExclusion::kCurrentRow;
  if (f & kExcludeGroup) frame.exclusion = FrameExclusion::kGroup;
  if (f & kExcludeTies) frame.exclusion = FrameExclusion::kTies;
  return out;
}

ExprPtr Transformer::TransformExpr(const PgQuery__Node* node) {
  if (node == nullptr || failed()) return nullptr;
  DepthGuard guard(*this, kNoLocation);
  if (!guard.ok()) return nullptr;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_A_CONST:
      return Const(node->a_const, Loc(node->a_const->location));
    case PG_QUERY__NODE__NODE_PARAM_REF: {
      auto e = MakeExpr(ExprKind::kParam, Loc(node->param_ref->location));
      e->param_number = node->param_ref->number;
      return e;
    }
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
      auto e = MakeExpr(ExprKind::kColumnRef, Loc(node->column_ref->location));
      e->names = StringList(node->column_ref->n_fields, node->column_ref->fields);
      return e;
    }
    case PG_QUERY__NODE__NODE_A_STAR:
      return MakeExpr(ExprKind::kStar, kNoLocation);
    case PG_QUERY__NODE__NODE_A_EXPR:
      return TransformAExpr(node->a_expr);
    case PG_QUERY__NODE__NODE_BOOL_EXPR: {
      const PgQuery__BoolExpr* b = node->bool_expr;
      const ExprKind kind = b->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR  ? ExprKind::kAnd
                            : b->boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR ? ExprKind::kOr
                                                                             : ExprKind::kNot;
      auto e = MakeExpr(kind, Loc(b->location));
      e->children = TransformExprs(b->n_args, b->args);
      return e;
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL:
      return TransformFuncCall(node->func_call);
    case PG_QUERY__NODE__NODE_SUB_LINK:
      return TransformSubLink(node->sub_link);
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      auto e = MakeExpr(ExprKind::kCast, Loc(node->type_cast->location));
      e->children.push_back(TransformExpr(node->type_cast->arg));
      e->type = std::make_unique<TypeName>(TransformTypeName(node->type_cast->type_name));
      return e;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE: {
      auto e = MakeExpr(ExprKind::kCollate, Loc(node->collate_clause->location));
      e->children.push_back(TransformExpr(node->collate_clause->arg));
      e->names = StringList(node->collate_clause->n_collname, node->collate_clause->collname);
      return e;
    }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      const PgQuery__CaseExpr* c = node->case_expr;
      auto e = MakeExpr(ExprKind::kCase, Loc(c->location));
      if (c->arg) {
        e->has_case_arg = true;
        e->children.push_back(TransformExpr(c->arg));
      }
      for (size_t i = 0; i < c->n_args; ++i) {
        const PgQuery__CaseWhen* when = c->args[i]->case_when;
        if (c->args[i]->node_case != PG_QUERY__NODE__NODE_CASE_WHEN) continue;
        e->children.push_back(TransformExpr(when->expr));
        e->children.push_back(TransformExpr(when->result));
      }
      if (c->defresult) {
        e->has_else = true;
        e->children.push_back(TransformExpr(c->defresult));
      }
      return e;
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR: {
      auto e = MakeExpr(ExprKind::kArray, Loc(node->a_array_expr->location));
      e->children = TransformExprs(node->a_array_expr->n_elements, node->a_array_expr->elements);
      return e;
    }
    case PG_QUERY__NODE__NODE_ROW_EXPR: {
      auto e = MakeExpr(ExprKind::kRow, Loc(node->row_expr->location));
      e->children = TransformExprs(node->row_expr->n_args, node->row_expr->args);
      e->explicit_row = node->row_expr->row_format == PG_QUERY__COERCION_FORM__COERCE_EXPLICIT_CALL;
      return e;
    }
    case PG_QUERY__NODE__NODE_COALESCE_EXPR: {
      auto e = MakeExpr(ExprKind::kCoalesce, Loc(node->coalesce_expr->location));
      e->children = TransformExprs(node->coalesce_expr->n_args, node->coalesce_expr->args);
      return e;
    }
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR: {
      const PgQuery__MinMaxExpr* m = node->min_max_expr;
      auto e = MakeExpr(
          m->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? ExprKind::kGreatest : ExprKind::kLeast,
          Loc(m->location));
      e->children = TransformExprs(m->n_args, m->args);
      return e;
    }
    case PG_QUERY__NODE__NODE_NULL_TEST: {
      auto e = MakeExpr(ExprKind::kNullTest, Loc(node->null_test->location));
      e->children.push_back(TransformExpr(node->null_test->arg));
      e->negated = node->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL;
      return e;
    }
    case PG_QUERY__NODE__NODE_BOOLEAN_TEST: {
      const PgQuery__BooleanTest* b = node->boolean_test;
      auto e = MakeExpr(ExprKind::kBoolTest, Loc(b->location));
      e->children.push_back(TransformExpr(b->arg));
      switch (b->booltesttype) {
        case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_TRUE:
          e->bool_test = BoolTestKind::kIsNotTrue;
          break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_FALSE:
          e->bool_test = BoolTestKind::kIsFalse;
          break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_FALSE:
          e->bool_test = BoolTestKind::kIsNotFalse;
          break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_UNKNOWN:
          e->bool_test = BoolTestKind::kIsUnknown;
          break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_UNKNOWN:
          e->bool_test = BoolTestKind::kIsNotUnknown;
          break;
        default:
          e->bool_test = BoolTestKind::kIsTrue;
          break;
      }
      return e;
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      const PgQuery__AIndirection* ind = node->a_indirection;
      auto e = MakeExpr(ExprKind::kIndirection, kNoLocation);
      e->children.push_back(TransformExpr(ind->arg));
      if (e->children[0]) e->location = e->children[0]->location;
      for (size_t i = 0; i < ind->n_indirection; ++i) {
        const PgQuery__Node* step_node = ind->indirection[i];
        IndirectionStep step;
        if (step_node->node_case == PG_QUERY__NODE__NODE_A_INDICES) {
          const PgQuery__AIndices* idx = step_node->a_indices;
          step.kind =
              idx->is_slice ? IndirectionStep::Kind::kSlice : IndirectionStep::Kind::kSubscript;
          step.lower = TransformExpr(idx->is_slice ? idx->lidx : idx->uidx);
          if (idx->is_slice) step.upper = TransformExpr(idx->uidx);
        } else if (step_node->node_case == PG_QUERY__NODE__NODE_STRING) {
          step.kind = IndirectionStep::Kind::kField;
          step.field = step_node->string->sval;
        } else {
          step.kind = IndirectionStep::Kind::kStar;
        }
        e->indirection.push_back(std::move(step));
      }
      return e;
    }
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION: {
      const PgQuery__SQLValueFunction* f = node->sqlvalue_function;
      auto e = MakeExpr(ExprKind::kSqlValueFunction, Loc(f->location));
      static const char* const kNames[] = {"",
                                           "CURRENT_DATE",
                                           "CURRENT_TIME",
                                           "CURRENT_TIME",
                                           "CURRENT_TIMESTAMP",
                                           "CURRENT_TIMESTAMP",
                                           "LOCALTIME",
                                           "LOCALTIME",
                                           "LOCALTIMESTAMP",
                                           "LOCALTIMESTAMP",
                                           "CURRENT_ROLE",
                                           "CURRENT_USER",
                                           "USER",
                                           "SESSION_USER",
                                           "CURRENT_CATALOG",
                                           "CURRENT_SCHEMA"};
      const int op = static_cast<int>(f->op);
      e->text = op > 0 && op < 16 ? kNames[op] : "CURRENT_USER";
      // The *_N variants carry a precision: CURRENT_TIMESTAMP(3).
      const bool with_precision = op == 3 || op == 5 || op == 7 || op == 9;
      e->param_number = with_precision ? f->typmod : -1;
      return e;
    }
    case PG_QUERY__NODE__NODE_SET_TO_DEFAULT:
      return MakeExpr(ExprKind::kDefault, Loc(node->set_to_default->location));
    case PG_QUERY__NODE__NODE_NAMED_ARG_EXPR: {
      auto e = MakeExpr(ExprKind::kNamedArg, Loc(node->named_arg_expr->location));
      e->text = node->named_arg_expr->name;
      e->children.push_back(TransformExpr(node->named_arg_expr->arg));
      return e;
    }
    case PG_QUERY__NODE__NODE_GROUPING_SET: {
      const PgQuery__GroupingSet* g = node->grouping_set;
      auto e = MakeExpr(ExprKind::kGroupingSet, Loc(g->location));
      switch (g->kind) {
        case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_ROLLUP:
          e->grouping_kind = GroupingSetKind::kRollup;
          break;
        case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_CUBE:
          e->grouping_kind = GroupingSetKind::kCube;
          break;
        case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_SETS:
          e->grouping_kind = GroupingSetKind::kSets;
          break;
        default:
          e->grouping_kind = GroupingSetKind::kEmpty;
          break;
      }
      e->children = TransformExprs(g->n_content, g->content);
      return e;
    }
    case PG_QUERY__NODE__NODE_GROUPING_FUNC: {
      auto e = MakeExpr(ExprKind::kGroupingFunc, Loc(node->grouping_func->location));
      e->children = TransformExprs(node->grouping_func->n_args, node->grouping_func->args);
      return e;
    }
    case PG_QUERY__NODE__NODE_LIST: {
      // A parenthesised list where an expression is expected: GROUP BY GROUPING SETS ((a, b)).
      auto e = MakeExpr(ExprKind::kRow, kNoLocation);
      e->children = TransformExprs(node->list->n_items, node->list->items);
      return e;
    }
    default:
      Fail(kNoLocation, "not supported: expression " + NodeName(node));
      return nullptr;
  }
}

}  // namespace dbopt::sql::internal
