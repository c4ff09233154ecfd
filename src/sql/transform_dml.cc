// libpg_query InsertStmt / UpdateStmt / DeleteStmt → dbopt's DML statements.
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// UPDATE SET / ON CONFLICT DO UPDATE SET: PostgreSQL gives one ResTarget per column; the
// columns of `(a, b) = (...)` each carry a MultiAssignRef to the same source, numbered 1..n.
std::vector<SetClause> TransformSet(Transformer& t, size_t n, PgQuery__Node* const* nodes) {
  std::vector<SetClause> out;
  for (size_t i = 0; i < n; ++i) {
    if (nodes[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
    const PgQuery__ResTarget* r = nodes[i]->res_target;
    if (r->n_indirection > 0) {
      t.Fail(t.Loc(r->location),
             "not supported: SET of a subscript or field (" + std::string(r->name) + "[...])");
      return out;
    }
    const PgQuery__Node* val = r->val;
    if (val && val->node_case == PG_QUERY__NODE__NODE_MULTI_ASSIGN_REF) {
      const PgQuery__MultiAssignRef* m = val->multi_assign_ref;
      if (m->colno == 1 || out.empty()) {
        SetClause clause;
        clause.location = t.Loc(r->location);
        clause.value = t.TransformExpr(m->source);
        out.push_back(std::move(clause));
      }
      out.back().columns.push_back(r->name);
      continue;
    }
    SetClause clause;
    clause.columns.push_back(r->name);
    clause.value = t.TransformExpr(val);
    clause.location = t.Loc(r->location);
    out.push_back(std::move(clause));
  }
  return out;
}

}  // namespace

std::unique_ptr<InsertStmt> Transformer::TransformInsert(const PgQuery__InsertStmt* insert) {
  auto out = std::make_unique<InsertStmt>();
  out->with = TransformWith(insert->with_clause);
  out->table = TransformRangeVar(insert->relation);
  if (insert->relation && insert->relation->alias) out->alias = insert->relation->alias->aliasname;
  for (size_t i = 0; i < insert->n_cols; ++i) {
    const PgQuery__ResTarget* col = insert->cols[i]->res_target;
    if (insert->cols[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) continue;
    if (col->n_indirection > 0) {
      Fail(Loc(col->location),
           "not supported: INSERT into a subscript or field of " + std::string(col->name));
    }
    out->columns.push_back(col->name);
  }
  if (insert->select_stmt) {
    if (insert->select_stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
      Fail(kNoLocation, "not supported: INSERT source " + NodeName(insert->select_stmt));
      return out;
    }
    out->source = TransformSelect(insert->select_stmt->select_stmt, kNoLocation);
  }
  if (insert->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_SYSTEM_VALUE)
    out->overriding = "SYSTEM VALUE";
  if (insert->override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE)
    out->overriding = "USER VALUE";
  if (const PgQuery__OnConflictClause* oc = insert->on_conflict_clause) {
    OnConflict conflict;
    conflict.location = Loc(oc->location);
    conflict.action = oc->action == PG_QUERY__ON_CONFLICT_ACTION__ONCONFLICT_UPDATE
                          ? OnConflictAction::kUpdate
                          : OnConflictAction::kNothing;
    if (const PgQuery__InferClause* infer = oc->infer) {
      for (size_t i = 0; i < infer->n_index_elems; ++i) {
        if (infer->index_elems[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
          conflict.target.push_back(TransformIndexElem(infer->index_elems[i]->index_elem));
        }
      }
      conflict.target_where = TransformExpr(infer->where_clause);
      conflict.constraint = infer->conname;
    }
    conflict.set = TransformSet(*this, oc->n_target_list, oc->target_list);
    conflict.where = TransformExpr(oc->where_clause);
    out->on_conflict = std::move(conflict);
  }
  out->returning = TransformTargets(insert->n_returning_list, insert->returning_list);
  return out;
}

std::unique_ptr<UpdateStmt> Transformer::TransformUpdate(const PgQuery__UpdateStmt* update) {
  auto out = std::make_unique<UpdateStmt>();
  out->with = TransformWith(update->with_clause);
  out->table = TransformRangeVar(update->relation);
  if (update->relation) {
    out->alias = TransformAlias(update->relation->alias);
    out->only = !update->relation->inh;
  }
  out->set = TransformSet(*this, update->n_target_list, update->target_list);
  out->from = TransformFromList(update->n_from_clause, update->from_clause);
  out->where = TransformExpr(update->where_clause);
  out->returning = TransformTargets(update->n_returning_list, update->returning_list);
  return out;
}

std::unique_ptr<DeleteStmt> Transformer::TransformDelete(const PgQuery__DeleteStmt* del) {
  auto out = std::make_unique<DeleteStmt>();
  out->with = TransformWith(del->with_clause);
  out->table = TransformRangeVar(del->relation);
  if (del->relation) {
    out->alias = TransformAlias(del->relation->alias);
    out->only = !del->relation->inh;
  }
  out->using_items = TransformFromList(del->n_using_clause, del->using_clause);
  out->where = TransformExpr(del->where_clause);
  out->returning = TransformTargets(del->n_returning_list, del->returning_list);
  return out;
}

}  // namespace dbopt::sql::internal
