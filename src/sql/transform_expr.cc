// libpg_query expression nodes → dbopt Expr.
#include <fmt/format.h>

#include <cctype>
#include <cstdlib>

#include "transform.h"

namespace dbopt::sql::internal {
namespace {

bool AllDigits(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  if (s.empty()) return false;
  for (const char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A_Const: exactly one of ival, fval, boolval, sval, bsval, or isnull. A value's own field is
// left out when it is zero, false or empty ("ival": {} is 0).
ExprPtr Const(const Transformer& t, JsonValue c) {
  auto e = MakeExpr(ExprKind::kConst, t.LocOf(c));
  if (c["isnull"].Bool()) {
    e->const_kind = ConstKind::kNull;
    e->text = "NULL";
  } else if (c["ival"]) {
    e->const_kind = ConstKind::kInteger;
    e->text = t.IntegerText(c);
  } else if (const JsonValue fval = c["fval"]) {  // also integers too large for int32
    e->text = fval["fval"].Str();
    e->const_kind = AllDigits(e->text) ? ConstKind::kInteger : ConstKind::kNumeric;
  } else if (const JsonValue boolval = c["boolval"]) {
    e->const_kind = ConstKind::kBool;
    e->text = boolval["boolval"].Bool() ? "true" : "false";
  } else if (const JsonValue sval = c["sval"]) {
    e->const_kind = ConstKind::kString;
    e->text = sval["sval"].Str();
  } else if (const JsonValue bsval = c["bsval"]) {  // "b1010" or "x1F"
    e->const_kind = ConstKind::kBitString;
    e->text = bsval["bsval"].Str();
  } else {  // A_Const without a value: the NULL constant
    e->const_kind = ConstKind::kNull;
    e->text = "NULL";
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

std::vector<ExprPtr> Transformer::TransformExprs(JsonValue list) {
  std::vector<ExprPtr> out;
  out.reserve(list.size());
  for (const JsonValue node : list) out.push_back(TransformExpr(node));
  return out;
}

TypeName Transformer::TransformTypeName(JsonValue type) {
  TypeName out;
  if (!type) return out;
  out.names = StringList(type["names"]);
  out.location = LocOf(type);
  out.setof = type["setof"].Bool();
  out.percent_type = type["pct_type"].Bool();
  out.array_dimensions = static_cast<int>(type["arrayBounds"].size());
  const bool interval = !out.names.empty() && out.names.back() == "interval";
  constexpr int kIntervalFullRange = 0x7FFF;  // INTERVAL_FULL_RANGE: no fields written
  size_t i = 0;
  for (const JsonValue mod : type["typmods"]) {
    const std::string_view mod_type = mod.NodeType();
    const JsonValue body = mod.Body();
    if (mod_type == "A_Const" && body["ival"]) {
      const int value = static_cast<int>(std::strtol(IntegerText(body).c_str(), nullptr, 10));
      if (!(interval && i == 0)) {
        out.modifiers.push_back(std::to_string(value));
      } else if (value != kIntervalFullRange) {
        out.modifiers.push_back(IntervalFields(value));
      }
    } else if (mod_type == "A_Const" && body["sval"]) {
      out.modifiers.push_back(body["sval"]["sval"].Str());
    } else if (mod_type == "ColumnRef") {
      const auto names = StringList(body["fields"]);
      out.modifiers.push_back(names.empty() ? "" : names.back());
    } else {
      Fail(out.location, "not supported: type modifier " + NodeName(mod));
    }
    ++i;
  }
  return out;
}

std::vector<SortItem> Transformer::TransformSortItems(JsonValue list) {
  std::vector<SortItem> out;
  out.reserve(list.size());
  for (const JsonValue node : list) {
    if (!node.Is("SortBy")) {
      Fail(kNoLocation, "not supported: ORDER BY item " + NodeName(node));
      continue;
    }
    const JsonValue s = node.Body();
    SortItem item;
    item.expr = TransformExpr(s["node"]);
    item.location = LocOf(s);
    const JsonValue dir = s["sortby_dir"];
    item.direction = dir.StrIs("SORTBY_ASC")     ? SortDirection::kAsc
                     : dir.StrIs("SORTBY_DESC")  ? SortDirection::kDesc
                     : dir.StrIs("SORTBY_USING") ? SortDirection::kUsing
                                                 : SortDirection::kDefault;
    const JsonValue nulls = s["sortby_nulls"];
    if (nulls.StrIs("SORTBY_NULLS_FIRST")) item.nulls = NullsOrder::kFirst;
    if (nulls.StrIs("SORTBY_NULLS_LAST")) item.nulls = NullsOrder::kLast;
    const auto op = StringList(s["useOp"]);
    if (!op.empty()) item.using_operator = op.back();
    out.push_back(std::move(item));
  }
  return out;
}

WindowDef Transformer::TransformWindowDef(JsonValue w) {
  // PostgreSQL's FRAMEOPTION_* bits (nodes/parsenodes.h, PG15).
  constexpr int kNonDefault = 0x1, kRange = 0x2, kRows = 0x4, kGroups = 0x8, kBetween = 0x10,
                kStartUnboundedPreceding = 0x20, kEndUnboundedFollowing = 0x100,
                kStartCurrentRow = 0x200, kEndCurrentRow = 0x400, kStartOffsetPreceding = 0x800,
                kEndOffsetPreceding = 0x1000, kStartOffsetFollowing = 0x2000,
                kEndOffsetFollowing = 0x4000, kExcludeCurrentRow = 0x8000, kExcludeGroup = 0x10000,
                kExcludeTies = 0x20000;
  WindowDef out;
  out.name = w["name"].Str();
  out.refname = w["refname"].Str();
  out.location = LocOf(w);
  out.partition_by = TransformExprs(w["partitionClause"]);
  out.order_by = TransformSortItems(w["orderClause"]);
  const int f = static_cast<int>(w["frameOptions"].Int());
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
  if (w["startOffset"]) frame.start.offset = TransformExpr(w["startOffset"]);
  if (w["endOffset"]) frame.end.offset = TransformExpr(w["endOffset"]);
  if (f & kExcludeCurrentRow) frame.exclusion = FrameExclusion::kCurrentRow;
  if (f & kExcludeGroup) frame.exclusion = FrameExclusion::kGroup;
  if (f & kExcludeTies) frame.exclusion = FrameExclusion::kTies;
  return out;
}

namespace {

ExprPtr CaseExpr(Transformer& t, JsonValue c) {
  auto e = MakeExpr(ExprKind::kCase, t.LocOf(c));
  if (const JsonValue arg = c["arg"]) {
    e->has_case_arg = true;
    e->children.push_back(t.TransformExpr(arg));
  }
  for (const JsonValue when_node : c["args"]) {
    if (!when_node.Is("CaseWhen")) continue;
    const JsonValue when = when_node.Body();
    e->children.push_back(t.TransformExpr(when["expr"]));
    e->children.push_back(t.TransformExpr(when["result"]));
  }
  if (const JsonValue defresult = c["defresult"]) {
    e->has_else = true;
    e->children.push_back(t.TransformExpr(defresult));
  }
  return e;
}

ExprPtr BooleanTest(Transformer& t, JsonValue b) {
  auto e = MakeExpr(ExprKind::kBoolTest, t.LocOf(b));
  e->children.push_back(t.TransformExpr(b["arg"]));
  const JsonValue type = b["booltesttype"];
  e->bool_test = type.StrIs("IS_NOT_TRUE")      ? BoolTestKind::kIsNotTrue
                 : type.StrIs("IS_FALSE")       ? BoolTestKind::kIsFalse
                 : type.StrIs("IS_NOT_FALSE")   ? BoolTestKind::kIsNotFalse
                 : type.StrIs("IS_UNKNOWN")     ? BoolTestKind::kIsUnknown
                 : type.StrIs("IS_NOT_UNKNOWN") ? BoolTestKind::kIsNotUnknown
                                                : BoolTestKind::kIsTrue;
  return e;
}

ExprPtr Indirection(Transformer& t, JsonValue ind) {
  auto e = MakeExpr(ExprKind::kIndirection, kNoLocation);
  e->children.push_back(t.TransformExpr(ind["arg"]));
  if (e->children[0]) e->location = e->children[0]->location;
  for (const JsonValue step_node : ind["indirection"]) {
    IndirectionStep step;
    const std::string_view type = step_node.NodeType();
    if (type == "A_Indices") {
      const JsonValue idx = step_node.Body();
      const bool slice = idx["is_slice"].Bool();
      step.kind = slice ? IndirectionStep::Kind::kSlice : IndirectionStep::Kind::kSubscript;
      step.lower = t.TransformExpr(slice ? idx["lidx"] : idx["uidx"]);
      if (slice) step.upper = t.TransformExpr(idx["uidx"]);
    } else if (type == "String") {
      step.kind = IndirectionStep::Kind::kField;
      step.field = step_node.Body()["sval"].Str();
    } else {
      step.kind = IndirectionStep::Kind::kStar;
    }
    e->indirection.push_back(std::move(step));
  }
  return e;
}

// CURRENT_DATE, CURRENT_TIMESTAMP(3), ...: the op is "SVFOP_<NAME>", "_N" when it has a precision.
ExprPtr SqlValueFunction(Transformer& t, JsonValue f) {
  auto e = MakeExpr(ExprKind::kSqlValueFunction, t.LocOf(f));
  std::string_view op = f["op"].Raw();
  constexpr std::string_view kPrefix = "SVFOP_";
  if (op.substr(0, kPrefix.size()) != kPrefix) op = "SVFOP_CURRENT_USER";
  op.remove_prefix(kPrefix.size());
  const bool with_precision = op.size() > 2 && op.substr(op.size() - 2) == "_N";
  if (with_precision) op.remove_suffix(2);
  e->text = std::string(op);
  e->param_number = with_precision ? static_cast<int>(f["typmod"].Int()) : -1;
  return e;
}

ExprPtr GroupingSet(Transformer& t, JsonValue g) {
  auto e = MakeExpr(ExprKind::kGroupingSet, t.LocOf(g));
  const JsonValue kind = g["kind"];
  e->grouping_kind = kind.StrIs("GROUPING_SET_ROLLUP") ? GroupingSetKind::kRollup
                     : kind.StrIs("GROUPING_SET_CUBE") ? GroupingSetKind::kCube
                     : kind.StrIs("GROUPING_SET_SETS") ? GroupingSetKind::kSets
                                                       : GroupingSetKind::kEmpty;
  e->children = t.TransformExprs(g["content"]);
  return e;
}

// Nodes that are a kind, a location and a list of argument expressions.
ExprPtr ListExpr(Transformer& t, ExprKind kind, JsonValue body, const char* list) {
  auto e = MakeExpr(kind, t.LocOf(body));
  e->children = t.TransformExprs(body[list]);
  return e;
}

// Nodes that are a kind, a location and one argument expression.
ExprPtr ArgExpr(Transformer& t, ExprKind kind, JsonValue body) {
  auto e = MakeExpr(kind, t.LocOf(body));
  e->children.push_back(t.TransformExpr(body["arg"]));
  return e;
}

}  // namespace

ExprPtr Transformer::TransformExpr(JsonValue node) {
  if (!node || failed()) return nullptr;
  DepthGuard guard(*this, kNoLocation);
  if (!guard.ok()) return nullptr;
  const std::string_view type = node.NodeType();
  const JsonValue b = node.Body();
  if (type == "ColumnRef") {
    auto e = MakeExpr(ExprKind::kColumnRef, LocOf(b));
    e->names = StringList(b["fields"]);
    return e;
  }
  if (type == "A_Const") return Const(*this, b);
  if (type == "A_Expr") return TransformAExpr(b);
  if (type == "FuncCall") return TransformFuncCall(b);
  if (type == "BoolExpr") {
    const JsonValue op = b["boolop"];
    return ListExpr(*this,
                    op.StrIs("AND_EXPR")  ? ExprKind::kAnd
                    : op.StrIs("OR_EXPR") ? ExprKind::kOr
                                          : ExprKind::kNot,
                    b, "args");
  }
  if (type == "TypeCast") {
    auto e = ArgExpr(*this, ExprKind::kCast, b);
    e->type = std::make_unique<TypeName>(TransformTypeName(b["typeName"]));
    return e;
  }
  if (type == "ParamRef") {
    auto e = MakeExpr(ExprKind::kParam, LocOf(b));
    e->param_number = static_cast<int>(b["number"].Int());
    return e;
  }
  if (type == "SubLink") return TransformSubLink(b);
  if (type == "A_Star") return MakeExpr(ExprKind::kStar, kNoLocation);
  if (type == "NullTest") {
    auto e = ArgExpr(*this, ExprKind::kNullTest, b);
    e->negated = b["nulltesttype"].StrIs("IS_NOT_NULL");
    return e;
  }
  if (type == "CaseExpr") return CaseExpr(*this, b);
  if (type == "CollateClause") {
    auto e = ArgExpr(*this, ExprKind::kCollate, b);
    e->names = StringList(b["collname"]);
    return e;
  }
  return TransformOtherExpr(type, b);
}

ExprPtr Transformer::TransformOtherExpr(std::string_view type, JsonValue b) {
  if (type == "A_ArrayExpr") return ListExpr(*this, ExprKind::kArray, b, "elements");
  if (type == "RowExpr") {
    auto e = ListExpr(*this, ExprKind::kRow, b, "args");
    e->explicit_row = b["row_format"].StrIs("COERCE_EXPLICIT_CALL");
    return e;
  }
  if (type == "CoalesceExpr") return ListExpr(*this, ExprKind::kCoalesce, b, "args");
  if (type == "MinMaxExpr") {
    return ListExpr(*this, b["op"].StrIs("IS_GREATEST") ? ExprKind::kGreatest : ExprKind::kLeast, b,
                    "args");
  }
  if (type == "BooleanTest") return BooleanTest(*this, b);
  if (type == "A_Indirection") return Indirection(*this, b);
  if (type == "SQLValueFunction") return SqlValueFunction(*this, b);
  if (type == "SetToDefault") return MakeExpr(ExprKind::kDefault, LocOf(b));
  if (type == "NamedArgExpr") {
    auto e = ArgExpr(*this, ExprKind::kNamedArg, b);
    e->text = b["name"].Str();
    return e;
  }
  if (type == "GroupingSet") return GroupingSet(*this, b);
  if (type == "GroupingFunc") return ListExpr(*this, ExprKind::kGroupingFunc, b, "args");
  if (type == "List") {
    // A parenthesised list where an expression is expected: GROUP BY GROUPING SETS ((a, b)).
    auto e = MakeExpr(ExprKind::kRow, kNoLocation);
    e->children = TransformExprs(b["items"]);
    return e;
  }
  Fail(kNoLocation, "not supported: expression " + std::string(type.empty() ? "(empty)" : type));
  return nullptr;
}

}  // namespace dbopt::sql::internal
