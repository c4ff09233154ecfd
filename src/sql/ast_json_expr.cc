// JSON of expressions (docs/ast-format.md): {"node": "<ExprKind>", "location": <byte offset>, ...}.
#include "ast_json_internal.h"
#include "dbopt/sql/type_name.h"

namespace dbopt::sql {
namespace internal {

Json Node(const char* name, int location) {
  Json j;
  j["node"] = name;
  if (location != kNoLocation) j["location"] = location;
  return j;
}

Json ExprOrNull(const ExprPtr& expr) { return expr ? ExprToJson(*expr) : Json(nullptr); }

Json ExprList(const std::vector<ExprPtr>& exprs) {
  Json list = Json::array();
  for (const ExprPtr& e : exprs) list.push_back(ExprOrNull(e));
  return list;
}

Json TypeNameJson(const TypeName& type) {
  Json j = Node("TypeName", type.location);
  j["name"] = FormatType(type);
  j["names"] = type.names;
  if (!type.modifiers.empty()) j["modifiers"] = type.modifiers;
  if (type.array_dimensions > 0) j["array_dimensions"] = type.array_dimensions;
  return j;
}

Json SortItemsJson(const std::vector<SortItem>& items) {
  Json list = Json::array();
  for (const SortItem& item : items) {
    Json j = Node("SortItem", item.location);
    j["direction"] = SortDirectionName(item.direction);
    j["nulls"] = NullsOrderName(item.nulls);
    if (!item.using_operator.empty()) j["using"] = item.using_operator;
    j["expr"] = ExprOrNull(item.expr);
    list.push_back(std::move(j));
  }
  return list;
}

Json WindowJson(const WindowDef& w) {
  Json j = Node("Window", w.location);
  if (!w.name.empty()) j["name"] = w.name;
  if (!w.refname.empty()) j["refname"] = w.refname;
  if (!w.partition_by.empty()) j["partition_by"] = ExprList(w.partition_by);
  if (!w.order_by.empty()) j["order_by"] = SortItemsJson(w.order_by);
  if (w.frame.mode != FrameMode::kDefault) {
    Json frame = Node("Frame", kNoLocation);
    frame["mode"] = FrameModeName(w.frame.mode);
    frame["between"] = w.frame.between;
    frame["start"] = FrameBoundKindName(w.frame.start.kind);
    if (w.frame.start.offset) frame["start_offset"] = ExprToJson(*w.frame.start.offset);
    frame["end"] = FrameBoundKindName(w.frame.end.kind);
    if (w.frame.end.offset) frame["end_offset"] = ExprToJson(*w.frame.end.offset);
    frame["exclude"] = FrameExclusionName(w.frame.exclusion);
    j["frame"] = std::move(frame);
  }
  return j;
}

namespace {

void AddFuncCall(const Expr& e, Json& j) {
  j["name"] = e.names;
  if (e.func && e.func->star) j["star"] = true;
  if (e.func && e.func->distinct) j["distinct"] = true;
  if (e.func && e.func->variadic) j["variadic"] = true;
  if (e.func && e.func->within_group) j["within_group"] = true;
  if (e.func && e.func->sql_syntax) j["sql_syntax"] = true;
  j["args"] = ExprList(e.children);
  if (!e.func) return;
  if (!e.func->order_by.empty()) j["order_by"] = SortItemsJson(e.func->order_by);
  if (e.func->filter) j["filter"] = ExprToJson(*e.func->filter);
  if (e.func->over) j["over"] = WindowJson(*e.func->over);
}

void AddIndirection(const Expr& e, Json& j) {
  j["arg"] = e.children.empty() ? Json(nullptr) : ExprOrNull(e.children[0]);
  Json steps = Json::array();
  for (const IndirectionStep& step : e.indirection) {
    Json s;
    switch (step.kind) {
      case IndirectionStep::Kind::kSubscript:
        s = Node("Subscript", kNoLocation);
        s["index"] = ExprOrNull(step.lower);
        break;
      case IndirectionStep::Kind::kSlice:
        s = Node("Slice", kNoLocation);
        s["lower"] = ExprOrNull(step.lower);
        s["upper"] = ExprOrNull(step.upper);
        break;
      case IndirectionStep::Kind::kField:
        s = Node("Field", kNoLocation);
        s["name"] = step.field;
        break;
      case IndirectionStep::Kind::kStar:
        s = Node("FieldStar", kNoLocation);
        break;
    }
    steps.push_back(std::move(s));
  }
  j["steps"] = std::move(steps);
}

void AddCase(const Expr& e, Json& j) {
  size_t i = 0;
  if (e.has_case_arg) j["arg"] = ExprOrNull(e.children[i++]);
  const size_t pairs_end = e.children.size() - (e.has_else ? 1 : 0);
  Json whens = Json::array();
  for (; i + 1 < pairs_end; i += 2) {
    Json w = Node("When", e.children[i] ? e.children[i]->location : kNoLocation);
    w["condition"] = ExprOrNull(e.children[i]);
    w["result"] = ExprOrNull(e.children[i + 1]);
    whens.push_back(std::move(w));
  }
  j["when"] = std::move(whens);
  if (e.has_else) j["else"] = ExprOrNull(e.children.back());
}

Json ChildOrNull(const Expr& e, size_t i) {
  return i < e.children.size() ? ExprOrNull(e.children[i]) : Json(nullptr);
}

}  // namespace
}  // namespace internal

Json ExprToJson(const Expr& e) {
  using namespace internal;  // NOLINT(google-build-using-namespace): this module's own helpers
  Json j = Node(ExprKindName(e.kind), e.location);
  switch (e.kind) {
    case ExprKind::kConst:
      j["type"] = ConstKindName(e.const_kind);
      j["value"] = e.const_kind == ConstKind::kNull ? Json(nullptr) : Json(e.text);
      break;
    case ExprKind::kParam:
      j["number"] = e.param_number;
      break;
    case ExprKind::kColumnRef:
      j["name"] = e.names;
      break;
    case ExprKind::kOperator:
    case ExprKind::kOpAny:
    case ExprKind::kOpAll:
      j["op"] = e.text;
      if (!e.names.empty()) j["schema"] = e.names;
      j["args"] = ExprList(e.children);
      break;
    case ExprKind::kFuncCall:
      AddFuncCall(e, j);
      break;
    case ExprKind::kCast:
      j["arg"] = ChildOrNull(e, 0);
      j["type"] = e.type ? TypeNameJson(*e.type) : Json(nullptr);
      break;
    case ExprKind::kCollate:
      j["collation"] = e.names;
      j["arg"] = ChildOrNull(e, 0);
      break;
    case ExprKind::kCase:
      AddCase(e, j);
      break;
    case ExprKind::kIn:
      j["negated"] = e.negated;
      j["arg"] = ChildOrNull(e, 0);
      j["list"] = Json::array();
      for (size_t i = 1; i < e.children.size(); ++i) j["list"].push_back(ExprOrNull(e.children[i]));
      break;
    case ExprKind::kBetween:
      j["negated"] = e.negated;
      j["symmetric"] = e.symmetric;
      j["arg"] = ChildOrNull(e, 0);
      j["low"] = ChildOrNull(e, 1);
      j["high"] = ChildOrNull(e, 2);
      break;
    case ExprKind::kLike:
    case ExprKind::kILike:
    case ExprKind::kSimilar:
      j["negated"] = e.negated;
      j["arg"] = ChildOrNull(e, 0);
      j["pattern"] = ChildOrNull(e, 1);
      if (e.children.size() > 2) j["escape"] = ChildOrNull(e, 2);
      break;
    case ExprKind::kNullTest:
    case ExprKind::kDistinctFrom:
      j["negated"] = e.negated;
      j["args"] = ExprList(e.children);
      break;
    case ExprKind::kBoolTest:
      j["test"] = BoolTestKindName(e.bool_test);
      j["args"] = ExprList(e.children);
      break;
    case ExprKind::kSubquery:
      j["kind"] = SubqueryKindName(e.subquery_kind);
      if (!e.text.empty()) j["op"] = e.text;
      if (!e.children.empty()) j["test"] = ChildOrNull(e, 0);
      j["query"] = e.subquery ? SelectJson(*e.subquery) : Json(nullptr);
      break;
    case ExprKind::kRow:
      j["explicit"] = e.explicit_row;
      j["args"] = ExprList(e.children);
      break;
    case ExprKind::kIndirection:
      AddIndirection(e, j);
      break;
    case ExprKind::kSqlValueFunction:
      j["name"] = e.text;
      if (e.param_number >= 0) j["precision"] = e.param_number;
      break;
    case ExprKind::kNamedArg:
      j["name"] = e.text;
      j["arg"] = ChildOrNull(e, 0);
      break;
    case ExprKind::kGroupingSet:
      j["kind"] = GroupingSetKindName(e.grouping_kind);
      j["args"] = ExprList(e.children);
      break;
    case ExprKind::kDefault:
    case ExprKind::kStar:
      break;
    default:  // kAnd, kOr, kNot, kNullIf, kCoalesce, kGreatest, kLeast, kArray, kGroupingFunc
      j["args"] = ExprList(e.children);
      break;
  }
  return j;
}

}  // namespace dbopt::sql
