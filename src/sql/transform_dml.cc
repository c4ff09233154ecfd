// libpg_query InsertStmt / UpdateStmt / DeleteStmt → dbopt's DML statements.
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// UPDATE SET / ON CONFLICT DO UPDATE SET: PostgreSQL gives one ResTarget per column; the
// columns of `(a, b) = (...)` each carry a MultiAssignRef to the same source, numbered 1..n.
std::vector<SetClause> TransformSet(Transformer& t, JsonValue list) {
  std::vector<SetClause> out;
  for (const JsonValue node : list) {
    if (!node.Is("ResTarget")) continue;
    const JsonValue r = node.Body();
    if (!r["indirection"].empty()) {
      t.Fail(t.LocOf(r),
             "not supported: SET of a subscript or field (" + r["name"].Str() + "[...])");
      return out;
    }
    const JsonValue val = r["val"];
    if (val.Is("MultiAssignRef")) {
      const JsonValue m = val.Body();
      if (m["colno"].Int() == 1 || out.empty()) {
        SetClause clause;
        clause.location = t.LocOf(r);
        clause.value = t.TransformExpr(m["source"]);
        out.push_back(std::move(clause));
      }
      out.back().columns.push_back(r["name"].Str());
      continue;
    }
    SetClause clause;
    clause.columns.push_back(r["name"].Str());
    clause.value = t.TransformExpr(val);
    clause.location = t.LocOf(r);
    out.push_back(std::move(clause));
  }
  return out;
}

}  // namespace

OnConflict Transformer::TransformOnConflict(JsonValue oc) {
  OnConflict conflict;
  conflict.location = LocOf(oc);
  conflict.action = oc["action"].StrIs("ONCONFLICT_UPDATE") ? OnConflictAction::kUpdate
                                                            : OnConflictAction::kNothing;
  if (const JsonValue infer = oc["infer"]) {
    for (const JsonValue elem : infer["indexElems"]) {
      if (elem.Is("IndexElem")) conflict.target.push_back(TransformIndexElem(elem.Body()));
    }
    conflict.target_where = TransformExpr(infer["whereClause"]);
    conflict.constraint = infer["conname"].Str();
  }
  conflict.set = TransformSet(*this, oc["targetList"]);
  conflict.where = TransformExpr(oc["whereClause"]);
  return conflict;
}

std::unique_ptr<InsertStmt> Transformer::TransformInsert(JsonValue insert) {
  auto out = std::make_unique<InsertStmt>();
  out->with = TransformWith(insert["withClause"]);
  const JsonValue relation = insert["relation"];
  out->table = TransformRangeVar(relation);
  if (const JsonValue alias = relation["alias"]) out->alias = alias["aliasname"].Str();
  for (const JsonValue node : insert["cols"]) {
    if (!node.Is("ResTarget")) continue;
    const JsonValue col = node.Body();
    if (!col["indirection"].empty()) {
      Fail(LocOf(col), "not supported: INSERT into a subscript or field of " + col["name"].Str());
    }
    out->columns.push_back(col["name"].Str());
  }
  if (const JsonValue source = insert["selectStmt"]) {
    if (!source.Is("SelectStmt")) {
      Fail(kNoLocation, "not supported: INSERT source " + NodeName(source));
      return out;
    }
    out->source = TransformSelect(source.Body(), kNoLocation);
  }
  const JsonValue override = insert["override"];
  if (override.StrIs("OVERRIDING_SYSTEM_VALUE")) out->overriding = "SYSTEM VALUE";
  if (override.StrIs("OVERRIDING_USER_VALUE")) out->overriding = "USER VALUE";
  if (const JsonValue oc = insert["onConflictClause"]) out->on_conflict = TransformOnConflict(oc);
  out->returning = TransformTargets(insert["returningList"]);
  return out;
}

std::unique_ptr<UpdateStmt> Transformer::TransformUpdate(JsonValue update) {
  auto out = std::make_unique<UpdateStmt>();
  out->with = TransformWith(update["withClause"]);
  const JsonValue relation = update["relation"];
  out->table = TransformRangeVar(relation);
  if (relation) {
    out->alias = TransformAlias(relation["alias"]);
    out->only = !relation["inh"].Bool();
  }
  out->set = TransformSet(*this, update["targetList"]);
  out->from = TransformFromList(update["fromClause"]);
  out->where = TransformExpr(update["whereClause"]);
  out->returning = TransformTargets(update["returningList"]);
  return out;
}

std::unique_ptr<DeleteStmt> Transformer::TransformDelete(JsonValue del) {
  auto out = std::make_unique<DeleteStmt>();
  out->with = TransformWith(del["withClause"]);
  const JsonValue relation = del["relation"];
  out->table = TransformRangeVar(relation);
  if (relation) {
    out->alias = TransformAlias(relation["alias"]);
    out->only = !relation["inh"].Bool();
  }
  out->using_items = TransformFromList(del["usingClause"]);
  out->where = TransformExpr(del["whereClause"]);
  out->returning = TransformTargets(del["returningList"]);
  return out;
}

}  // namespace dbopt::sql::internal
