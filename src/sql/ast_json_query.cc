// JSON of queries and DML (docs/ast-format.md).
#include "ast_json_internal.h"

namespace dbopt::sql {
namespace internal {
namespace {

Json AliasJson(const Alias& alias) {
  Json j = Node("Alias", kNoLocation);
  j["name"] = alias.name;
  if (!alias.columns.empty()) j["columns"] = alias.columns;
  return j;
}

Json SetJson(const std::vector<SetClause>& set) {
  Json list = Json::array();
  for (const SetClause& clause : set) {
    Json j = Node("Set", clause.location);
    j["columns"] = clause.columns;
    j["value"] = ExprOrNull(clause.value);
    list.push_back(std::move(j));
  }
  return list;
}

Json FromListJson(const std::vector<FromItem>& items) {
  Json list = Json::array();
  for (const FromItem& item : items) list.push_back(FromJson(item));
  return list;
}

}  // namespace

Json NameJson(const QualifiedName& name) {
  Json j = Node("Name", name.location);
  if (!name.catalog.empty()) j["catalog"] = name.catalog;
  if (!name.schema.empty()) j["schema"] = name.schema;
  j["name"] = name.name;
  return j;
}

Json TargetsJson(const std::vector<ResultTarget>& targets) {
  Json list = Json::array();
  for (const ResultTarget& t : targets) {
    Json j = Node("Target", t.location);
    if (!t.alias.empty()) j["alias"] = t.alias;
    j["expr"] = ExprOrNull(t.expr);
    list.push_back(std::move(j));
  }
  return list;
}

Json FromJson(const FromItem& item) {
  Json j = Node(FromKindName(item.kind), item.location);
  if (item.lateral) j["lateral"] = true;
  switch (item.kind) {
    case FromKind::kTable:
      if (item.only) j["only"] = true;
      j["table"] = NameJson(item.table);
      if (!item.sample_method.empty()) {
        Json sample = Node("TableSample", kNoLocation);
        sample["method"] = item.sample_method;
        sample["args"] = ExprList(item.sample_args);
        if (item.sample_repeatable) sample["repeatable"] = ExprToJson(*item.sample_repeatable);
        j["sample"] = std::move(sample);
      }
      break;
    case FromKind::kSubquery:
      j["query"] = item.subquery ? SelectJson(*item.subquery) : Json(nullptr);
      break;
    case FromKind::kFunction:
      if (item.with_ordinality) j["with_ordinality"] = true;
      if (item.rows_from) j["rows_from"] = true;
      j["functions"] = ExprList(item.functions);
      break;
    case FromKind::kJoin:
      j["join"] = JoinKindName(item.join_kind);
      if (item.natural) j["natural"] = true;
      j["left"] = item.left ? FromJson(*item.left) : Json(nullptr);
      j["right"] = item.right ? FromJson(*item.right) : Json(nullptr);
      if (!item.using_columns.empty()) j["using"] = item.using_columns;
      if (item.on) j["on"] = ExprToJson(*item.on);
      break;
  }
  if (!item.alias.name.empty()) j["alias"] = AliasJson(item.alias);
  return j;
}

Json WithJson(const WithClause& with) {
  Json j = Node("With", with.location);
  j["recursive"] = with.recursive;
  Json ctes = Json::array();
  for (const CommonTableExpr& cte : with.ctes) {
    Json c = Node("Cte", cte.location);
    c["name"] = cte.name;
    if (!cte.columns.empty()) c["columns"] = cte.columns;
    c["materialized"] = CteMaterializedName(cte.materialized);
    c["query"] = cte.query ? StatementToJson(*cte.query) : Json(nullptr);
    ctes.push_back(std::move(c));
  }
  j["ctes"] = std::move(ctes);
  return j;
}

Json SelectJson(const SelectStmt& s) {
  Json j = Node("Select", s.location);
  if (s.with) j["with"] = WithJson(*s.with);
  if (s.set_op != SetOp::kNone) {
    j["set_op"] = SetOpName(s.set_op);
    j["all"] = s.set_all;
    j["left"] = s.left ? SelectJson(*s.left) : Json(nullptr);
    j["right"] = s.right ? SelectJson(*s.right) : Json(nullptr);
  }
  if (s.distinct) j["distinct"] = true;
  if (!s.distinct_on.empty()) j["distinct_on"] = ExprList(s.distinct_on);
  if (!s.targets.empty()) j["targets"] = TargetsJson(s.targets);
  if (!s.from.empty()) j["from"] = FromListJson(s.from);
  if (s.where) j["where"] = ExprToJson(*s.where);
  if (!s.group_by.empty()) j["group_by"] = ExprList(s.group_by);
  if (s.group_by_distinct) j["group_by_distinct"] = true;
  if (s.having) j["having"] = ExprToJson(*s.having);
  if (!s.windows.empty()) {
    Json windows = Json::array();
    for (const WindowDef& w : s.windows) windows.push_back(WindowJson(w));
    j["windows"] = std::move(windows);
  }
  if (!s.values.empty()) {
    Json rows = Json::array();
    for (const auto& row : s.values) rows.push_back(ExprList(row));
    j["values"] = std::move(rows);
  }
  if (!s.order_by.empty()) j["order_by"] = SortItemsJson(s.order_by);
  if (s.limit) j["limit"] = ExprToJson(*s.limit);
  if (s.offset) j["offset"] = ExprToJson(*s.offset);
  if (s.limit_with_ties) j["with_ties"] = true;
  if (!s.locking.empty()) {
    Json locks = Json::array();
    for (const LockingClause& lock : s.locking) {
      Json l = Node("Locking", kNoLocation);
      l["strength"] = LockStrengthName(lock.strength);
      l["wait"] = LockWaitName(lock.wait);
      Json tables = Json::array();
      for (const QualifiedName& t : lock.tables) tables.push_back(NameJson(t));
      l["tables"] = std::move(tables);
      locks.push_back(std::move(l));
    }
    j["locking"] = std::move(locks);
  }
  return j;
}

Json InsertJson(const InsertStmt& s) {
  Json j = Node("Insert", s.table.location);
  if (s.with) j["with"] = WithJson(*s.with);
  j["table"] = NameJson(s.table);
  if (!s.alias.empty()) j["alias"] = s.alias;
  if (!s.columns.empty()) j["columns"] = s.columns;
  if (!s.overriding.empty()) j["overriding"] = s.overriding;
  j["source"] = s.source ? SelectJson(*s.source) : Json("DEFAULT VALUES");
  if (s.on_conflict) {
    const OnConflict& oc = *s.on_conflict;
    Json c = Node("OnConflict", oc.location);
    c["action"] = oc.action == OnConflictAction::kNothing ? "NOTHING" : "UPDATE";
    if (!oc.constraint.empty()) c["constraint"] = oc.constraint;
    if (!oc.target.empty()) {
      Json target = Json::array();
      for (const IndexKey& key : oc.target) target.push_back(IndexKeyJson(key));
      c["target"] = std::move(target);
    }
    if (oc.target_where) c["target_where"] = ExprToJson(*oc.target_where);
    if (!oc.set.empty()) c["set"] = SetJson(oc.set);
    if (oc.where) c["where"] = ExprToJson(*oc.where);
    j["on_conflict"] = std::move(c);
  }
  if (!s.returning.empty()) j["returning"] = TargetsJson(s.returning);
  return j;
}

Json UpdateJson(const UpdateStmt& s) {
  Json j = Node("Update", s.table.location);
  if (s.with) j["with"] = WithJson(*s.with);
  j["table"] = NameJson(s.table);
  if (s.only) j["only"] = true;
  if (!s.alias.name.empty()) j["alias"] = AliasJson(s.alias);
  j["set"] = SetJson(s.set);
  if (!s.from.empty()) j["from"] = FromListJson(s.from);
  if (s.where) j["where"] = ExprToJson(*s.where);
  if (!s.returning.empty()) j["returning"] = TargetsJson(s.returning);
  return j;
}

Json DeleteJson(const DeleteStmt& s) {
  Json j = Node("Delete", s.table.location);
  if (s.with) j["with"] = WithJson(*s.with);
  j["table"] = NameJson(s.table);
  if (s.only) j["only"] = true;
  if (!s.alias.name.empty()) j["alias"] = AliasJson(s.alias);
  if (!s.using_items.empty()) j["using"] = FromListJson(s.using_items);
  if (s.where) j["where"] = ExprToJson(*s.where);
  if (!s.returning.empty()) j["returning"] = TargetsJson(s.returning);
  return j;
}

}  // namespace internal
}  // namespace dbopt::sql
