// libpg_query SelectStmt, WITH, FROM items and target lists → dbopt's SelectStmt.
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

LockingClause TransformLocking(Transformer& t, JsonValue lc) {
  LockingClause lock;
  const JsonValue strength = lc["strength"];
  lock.strength = strength.StrIs("LCS_FORNOKEYUPDATE") ? LockStrength::kNoKeyUpdate
                  : strength.StrIs("LCS_FORSHARE")     ? LockStrength::kShare
                  : strength.StrIs("LCS_FORKEYSHARE")  ? LockStrength::kKeyShare
                                                       : LockStrength::kUpdate;
  const JsonValue wait = lc["waitPolicy"];
  if (wait.StrIs("LockWaitSkip")) lock.wait = LockWait::kSkipLocked;
  if (wait.StrIs("LockWaitError")) lock.wait = LockWait::kNowait;
  for (const JsonValue rel : lc["lockedRels"]) {
    if (rel.Is("RangeVar")) lock.tables.push_back(t.TransformRangeVar(rel.Body()));
  }
  return lock;
}

JoinKind TransformJoinKind(JsonValue j) {
  const JsonValue type = j["jointype"];
  if (type.StrIs("JOIN_LEFT")) return JoinKind::kLeft;
  if (type.StrIs("JOIN_RIGHT")) return JoinKind::kRight;
  if (type.StrIs("JOIN_FULL")) return JoinKind::kFull;
  // PostgreSQL's parser makes CROSS JOIN an inner join with neither ON nor USING.
  const bool cross = !j["quals"] && j["usingClause"].empty() && !j["isNatural"].Bool();
  return cross ? JoinKind::kCross : JoinKind::kInner;
}

}  // namespace

QualifiedName Transformer::TransformRangeVar(JsonValue range_var) {
  QualifiedName out;
  if (!range_var) return out;
  out.catalog = range_var["catalogname"].Str();
  out.schema = range_var["schemaname"].Str();
  out.name = range_var["relname"].Str();
  out.location = LocOf(range_var);
  return out;
}

Alias Transformer::TransformAlias(JsonValue alias) {
  Alias out;
  if (!alias) return out;
  out.name = alias["aliasname"].Str();
  out.columns = StringList(alias["colnames"]);
  return out;
}

std::vector<ResultTarget> Transformer::TransformTargets(JsonValue list) {
  std::vector<ResultTarget> out;
  out.reserve(list.size());
  for (const JsonValue node : list) {
    if (!node.Is("ResTarget")) {
      Fail(kNoLocation, "not supported: target " + NodeName(node));
      continue;
    }
    const JsonValue r = node.Body();
    ResultTarget target;
    target.expr = TransformExpr(r["val"]);
    target.alias = r["name"].Str();
    target.location = LocOf(r);
    out.push_back(std::move(target));
  }
  return out;
}

std::unique_ptr<WithClause> Transformer::TransformWith(JsonValue with) {
  if (!with) return nullptr;
  auto out = std::make_unique<WithClause>();
  out->recursive = with["recursive"].Bool();
  out->location = LocOf(with);
  for (const JsonValue node : with["ctes"]) {
    if (!node.Is("CommonTableExpr")) continue;
    const JsonValue cte = node.Body();
    CommonTableExpr item;
    item.name = cte["ctename"].Str();
    item.columns = StringList(cte["aliascolnames"]);
    item.location = LocOf(cte);
    const JsonValue materialized = cte["ctematerialized"];
    if (materialized.StrIs("CTEMaterializeAlways")) {
      item.materialized = CteMaterialized::kAlways;
    } else if (materialized.StrIs("CTEMaterializeNever")) {
      item.materialized = CteMaterialized::kNever;
    }
    if (cte["search_clause"] || cte["cycle_clause"]) {
      Fail(item.location, "not supported: SEARCH/CYCLE clause of WITH RECURSIVE");
    }
    item.query = std::make_unique<Statement>();
    DepthGuard guard(*this, item.location);
    if (!guard.ok()) return out;
    TransformStatement(cte["ctequery"], item.location, item.query.get());
    if (!failed() && item.query->kind == StatementKind::kOther) {
      Fail(item.location, "not supported: " + item.query->name + " in WITH");
    }
    out->ctes.push_back(std::move(item));
  }
  return out;
}

std::vector<FromItem> Transformer::TransformFromList(JsonValue list) {
  std::vector<FromItem> out;
  out.reserve(list.size());
  for (const JsonValue node : list) out.push_back(TransformFromItem(node));
  return out;
}

FromItem Transformer::TransformFromItem(JsonValue node) {
  FromItem item;
  DepthGuard guard(*this, kNoLocation);
  if (!guard.ok() || !node) return item;
  const std::string_view type = node.NodeType();
  const JsonValue b = node.Body();
  if (type == "RangeVar") {
    item.kind = FromKind::kTable;
    item.table = TransformRangeVar(b);
    item.location = item.table.location;
    item.only = !b["inh"].Bool();
    item.alias = TransformAlias(b["alias"]);
  } else if (type == "RangeTableSample") {
    if (!b["relation"].Is("RangeVar")) {
      Fail(LocOf(b), "not supported: TABLESAMPLE of other than a table");
      return item;
    }
    item = TransformFromItem(b["relation"]);
    const std::vector<std::string> method = StringList(b["method"]);
    item.sample_method = method.empty() ? "" : method.back();
    item.sample_args = TransformExprs(b["args"]);
    item.sample_repeatable = TransformExpr(b["repeatable"]);
  } else if (type == "RangeSubselect") {
    item.kind = FromKind::kSubquery;
    item.lateral = b["lateral"].Bool();
    item.alias = TransformAlias(b["alias"]);
    if (b["subquery"].Is("SelectStmt")) {
      item.subquery = TransformSelect(b["subquery"].Body(), kNoLocation);
      item.location = item.subquery ? item.subquery->location : kNoLocation;
    } else {
      Fail(kNoLocation, "not supported: FROM subquery without SELECT");
    }
  } else if (type == "RangeFunction") {
    TransformRangeFunction(b, &item);
  } else if (type == "JoinExpr") {
    item.kind = FromKind::kJoin;
    item.natural = b["isNatural"].Bool();
    item.alias = TransformAlias(b["alias"]);
    item.join_kind = TransformJoinKind(b);
    item.left = std::make_unique<FromItem>(TransformFromItem(b["larg"]));
    item.right = std::make_unique<FromItem>(TransformFromItem(b["rarg"]));
    item.using_columns = StringList(b["usingClause"]);
    item.on = TransformExpr(b["quals"]);
    item.location = item.left->location;
  } else {
    Fail(kNoLocation, "not supported: FROM item " + NodeName(node));
  }
  return item;
}

void Transformer::TransformRangeFunction(JsonValue fn, FromItem* item) {
  item->kind = FromKind::kFunction;
  item->lateral = fn["lateral"].Bool();
  item->with_ordinality = fn["ordinality"].Bool();
  item->rows_from = fn["is_rowsfrom"].Bool();
  item->alias = TransformAlias(fn["alias"]);
  if (!fn["coldeflist"].empty()) Fail(kNoLocation, "not supported: column definition list in FROM");
  // Each entry is a two-item list: the call and its column definition list.
  for (const JsonValue pair : fn["functions"]) {
    const JsonValue items = pair.Is("List") ? pair.Body()["items"] : JsonValue();
    item->functions.push_back(TransformExpr(items.empty() ? pair : items.At(0)));
  }
  if (!item->functions.empty() && item->functions[0]) item->location = item->functions[0]->location;
}

std::unique_ptr<SelectStmt> Transformer::TransformSelect(JsonValue s, int location) {
  DepthGuard guard(*this, location);
  if (!guard.ok() || !s) return nullptr;
  auto out = std::make_unique<SelectStmt>();
  out->location = location;
  out->with = TransformWith(s["withClause"]);
  if (s["intoClause"]) Fail(location, "not supported: SELECT INTO inside a query");
  const JsonValue op = s["op"];
  if (op.StrIs("SETOP_UNION") || op.StrIs("SETOP_INTERSECT") || op.StrIs("SETOP_EXCEPT")) {
    out->set_op = op.StrIs("SETOP_UNION")       ? SetOp::kUnion
                  : op.StrIs("SETOP_INTERSECT") ? SetOp::kIntersect
                                                : SetOp::kExcept;
    out->set_all = s["all"].Bool();
    out->left = TransformSelect(s["larg"], location);
    out->right = TransformSelect(s["rarg"], kNoLocation);
  }
  // Plain DISTINCT is a one-item list holding an empty node; DISTINCT ON lists expressions.
  const JsonValue distinct = s["distinctClause"];
  if (!distinct.empty()) {
    out->distinct = true;
    const bool plain = distinct.size() == 1 && distinct.At(0).NodeType().empty();
    if (!plain) out->distinct_on = TransformExprs(distinct);
  }
  out->targets = TransformTargets(s["targetList"]);
  out->from = TransformFromList(s["fromClause"]);
  out->where = TransformExpr(s["whereClause"]);
  out->group_by = TransformExprs(s["groupClause"]);
  out->group_by_distinct = s["groupDistinct"].Bool();
  out->having = TransformExpr(s["havingClause"]);
  for (const JsonValue window : s["windowClause"]) {
    if (window.Is("WindowDef")) out->windows.push_back(TransformWindowDef(window.Body()));
  }
  for (const JsonValue row : s["valuesLists"]) {
    if (row.Is("List")) out->values.push_back(TransformExprs(row.Body()["items"]));
  }
  out->order_by = TransformSortItems(s["sortClause"]);
  // LIMIT ALL and LIMIT NULL are a NULL constant: no limit.
  const JsonValue limit = s["limitCount"];
  const bool null_limit = limit.Is("A_Const") && limit.Body()["isnull"].Bool();
  if (!null_limit) out->limit = TransformExpr(limit);
  out->offset = TransformExpr(s["limitOffset"]);
  out->limit_with_ties = s["limitOption"].StrIs("LIMIT_OPTION_WITH_TIES");
  for (const JsonValue lc : s["lockingClause"]) {
    if (lc.Is("LockingClause")) out->locking.push_back(TransformLocking(*this, lc.Body()));
  }
  if (out->location == kNoLocation && !out->targets.empty())
    out->location = out->targets[0].location;
  return out;
}

}  // namespace dbopt::sql::internal
