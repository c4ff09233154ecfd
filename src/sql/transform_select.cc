// libpg_query SelectStmt, WITH, FROM items and target lists → dbopt's SelectStmt.
#include "transform.h"

namespace dbopt::sql::internal {

QualifiedName Transformer::TransformRangeVar(const PgQuery__RangeVar* range_var) {
  QualifiedName out;
  if (range_var == nullptr) return out;
  out.catalog = range_var->catalogname;
  out.schema = range_var->schemaname;
  out.name = range_var->relname;
  out.location = Loc(range_var->location);
  return out;
}

Alias Transformer::TransformAlias(const PgQuery__Alias* alias) {
  Alias out;
  if (alias == nullptr) return out;
  out.name = alias->aliasname;
  out.columns = StringList(alias->n_colnames, alias->colnames);
  return out;
}

std::vector<ResultTarget> Transformer::TransformTargets(size_t n, PgQuery__Node* const* nodes) {
  std::vector<ResultTarget> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (nodes[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET) {
      Fail(kNoLocation, "not supported: target " + NodeName(nodes[i]));
      continue;
    }
    const PgQuery__ResTarget* r = nodes[i]->res_target;
    ResultTarget target;
    target.expr = TransformExpr(r->val);
    target.alias = r->name;
    target.location = Loc(r->location);
    out.push_back(std::move(target));
  }
  return out;
}

std::unique_ptr<WithClause> Transformer::TransformWith(const PgQuery__WithClause* with) {
  if (with == nullptr) return nullptr;
  auto out = std::make_unique<WithClause>();
  out->recursive = with->recursive;
  out->location = Loc(with->location);
  for (size_t i = 0; i < with->n_ctes; ++i) {
    const PgQuery__CommonTableExpr* cte = with->ctes[i]->common_table_expr;
    if (with->ctes[i]->node_case != PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR) continue;
    CommonTableExpr item;
    item.name = cte->ctename;
    item.columns = StringList(cte->n_aliascolnames, cte->aliascolnames);
    item.location = Loc(cte->location);
    if (cte->ctematerialized == PG_QUERY__CTEMATERIALIZE__CTEMaterializeAlways) {
      item.materialized = CteMaterialized::kAlways;
    } else if (cte->ctematerialized == PG_QUERY__CTEMATERIALIZE__CTEMaterializeNever) {
      item.materialized = CteMaterialized::kNever;
    }
    if (cte->search_clause || cte->cycle_clause) {
      Fail(item.location, "not supported: SEARCH/CYCLE clause of WITH RECURSIVE");
    }
    item.query = std::make_unique<Statement>();
    DepthGuard guard(*this, item.location);
    if (!guard.ok()) return out;
    TransformStatement(cte->ctequery, item.location, item.query.get());
    if (!failed() && item.query->kind == StatementKind::kOther) {
      Fail(item.location, "not supported: " + item.query->name + " in WITH");
    }
    out->ctes.push_back(std::move(item));
  }
  return out;
}

std::vector<FromItem> Transformer::TransformFromList(size_t n, PgQuery__Node* const* nodes) {
  std::vector<FromItem> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(TransformFromItem(nodes[i]));
  return out;
}

FromItem Transformer::TransformFromItem(const PgQuery__Node* node) {
  FromItem item;
  DepthGuard guard(*this, kNoLocation);
  if (!guard.ok() || node == nullptr) return item;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_RANGE_VAR: {
      const PgQuery__RangeVar* rv = node->range_var;
      item.kind = FromKind::kTable;
      item.table = TransformRangeVar(rv);
      item.location = item.table.location;
      item.only = !rv->inh;
      item.alias = TransformAlias(rv->alias);
      break;
    }
    case PG_QUERY__NODE__NODE_RANGE_TABLE_SAMPLE: {
      const PgQuery__RangeTableSample* sample = node->range_table_sample;
      if (sample->relation == nullptr ||
          sample->relation->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) {
        Fail(Loc(sample->location), "not supported: TABLESAMPLE of other than a table");
        break;
      }
      item = TransformFromItem(sample->relation);
      const std::vector<std::string> method = StringList(sample->n_method, sample->method);
      item.sample_method = method.empty() ? "" : method.back();
      item.sample_args = TransformExprs(sample->n_args, sample->args);
      item.sample_repeatable = TransformExpr(sample->repeatable);
      break;
    }
    case PG_QUERY__NODE__NODE_RANGE_SUBSELECT: {
      const PgQuery__RangeSubselect* sub = node->range_subselect;
      item.kind = FromKind::kSubquery;
      item.lateral = sub->lateral;
      item.alias = TransformAlias(sub->alias);
      if (sub->subquery && sub->subquery->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
        item.subquery = TransformSelect(sub->subquery->select_stmt, kNoLocation);
        item.location = item.subquery ? item.subquery->location : kNoLocation;
      } else {
        Fail(kNoLocation, "not supported: FROM subquery without SELECT");
      }
      break;
    }
    case PG_QUERY__NODE__NODE_RANGE_FUNCTION: {
      const PgQuery__RangeFunction* fn = node->range_function;
      item.kind = FromKind::kFunction;
      item.lateral = fn->lateral;
      item.with_ordinality = fn->ordinality;
      item.rows_from = fn->is_rowsfrom;
      item.alias = TransformAlias(fn->alias);
      if (fn->n_coldeflist > 0) Fail(kNoLocation, "not supported: column definition list in FROM");
      // Each entry is a two-item list: the call and its column definition list.
      for (size_t i = 0; i < fn->n_functions; ++i) {
        const PgQuery__Node* pair = fn->functions[i];
        if (pair->node_case == PG_QUERY__NODE__NODE_LIST && pair->list->n_items >= 1) {
          item.functions.push_back(TransformExpr(pair->list->items[0]));
        } else {
          item.functions.push_back(TransformExpr(pair));
        }
      }
      if (!item.functions.empty() && item.functions[0]) item.location = item.functions[0]->location;
      break;
    }
    case PG_QUERY__NODE__NODE_JOIN_EXPR: {
      const PgQuery__JoinExpr* j = node->join_expr;
      item.kind = FromKind::kJoin;
      item.natural = j->is_natural;
      item.alias = TransformAlias(j->alias);
      switch (j->jointype) {
        case PG_QUERY__JOIN_TYPE__JOIN_LEFT:
          item.join_kind = JoinKind::kLeft;
          break;
        case PG_QUERY__JOIN_TYPE__JOIN_RIGHT:
          item.join_kind = JoinKind::kRight;
          break;
        case PG_QUERY__JOIN_TYPE__JOIN_FULL:
          item.join_kind = JoinKind::kFull;
          break;
        default:
          // PostgreSQL's parser makes CROSS JOIN an inner join with neither ON nor USING.
          item.join_kind = (j->quals == nullptr && j->n_using_clause == 0 && !j->is_natural)
                               ? JoinKind::kCross
                               : JoinKind::kInner;
          break;
      }
      item.left = std::make_unique<FromItem>(TransformFromItem(j->larg));
      item.right = std::make_unique<FromItem>(TransformFromItem(j->rarg));
      item.using_columns = StringList(j->n_using_clause, j->using_clause);
      item.on = TransformExpr(j->quals);
      item.location = item.left->location;
      break;
    }
    default:
      Fail(kNoLocation, "not supported: FROM item " + NodeName(node));
      break;
  }
  return item;
}

std::unique_ptr<SelectStmt> Transformer::TransformSelect(const PgQuery__SelectStmt* s,
                                                         int location) {
  DepthGuard guard(*this, location);
  if (!guard.ok() || s == nullptr) return nullptr;
  auto out = std::make_unique<SelectStmt>();
  out->location = location;
  out->with = TransformWith(s->with_clause);
  if (s->into_clause) Fail(location, "not supported: SELECT INTO inside a query");
  if (s->op != PG_QUERY__SET_OPERATION__SETOP_NONE &&
      s->op != PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED) {
    out->set_op = s->op == PG_QUERY__SET_OPERATION__SETOP_UNION       ? SetOp::kUnion
                  : s->op == PG_QUERY__SET_OPERATION__SETOP_INTERSECT ? SetOp::kIntersect
                                                                      : SetOp::kExcept;
    out->set_all = s->all;
    out->left = TransformSelect(s->larg, location);
    out->right = TransformSelect(s->rarg, kNoLocation);
  }
  // Plain DISTINCT is a one-item list holding an empty node; DISTINCT ON lists expressions.
  if (s->n_distinct_clause > 0) {
    out->distinct = true;
    const PgQuery__Node* first = s->distinct_clause[0];
    const bool plain = s->n_distinct_clause == 1 &&
                       (first == nullptr || first->node_case == PG_QUERY__NODE__NODE__NOT_SET);
    if (!plain) out->distinct_on = TransformExprs(s->n_distinct_clause, s->distinct_clause);
  }
  out->targets = TransformTargets(s->n_target_list, s->target_list);
  out->from = TransformFromList(s->n_from_clause, s->from_clause);
  out->where = TransformExpr(s->where_clause);
  out->group_by = TransformExprs(s->n_group_clause, s->group_clause);
  out->group_by_distinct = s->group_distinct;
  out->having = TransformExpr(s->having_clause);
  for (size_t i = 0; i < s->n_window_clause; ++i) {
    if (s->window_clause[i]->node_case == PG_QUERY__NODE__NODE_WINDOW_DEF) {
      out->windows.push_back(TransformWindowDef(s->window_clause[i]->window_def));
    }
  }
  for (size_t i = 0; i < s->n_values_lists; ++i) {
    const PgQuery__Node* row = s->values_lists[i];
    if (row->node_case == PG_QUERY__NODE__NODE_LIST) {
      out->values.push_back(TransformExprs(row->list->n_items, row->list->items));
    }
  }
  out->order_by = TransformSortItems(s->n_sort_clause, s->sort_clause);
  // LIMIT ALL and LIMIT NULL are a NULL constant: no limit.
  const bool null_limit = s->limit_count &&
                          s->limit_count->node_case == PG_QUERY__NODE__NODE_A_CONST &&
                          s->limit_count->a_const->isnull;
  if (!null_limit) out->limit = TransformExpr(s->limit_count);
  out->offset = TransformExpr(s->limit_offset);
  out->limit_with_ties = s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES;
  for (size_t i = 0; i < s->n_locking_clause; ++i) {
    const PgQuery__LockingClause* lc = s->locking_clause[i]->locking_clause;
    if (s->locking_clause[i]->node_case != PG_QUERY__NODE__NODE_LOCKING_CLAUSE) continue;
    LockingClause lock;
    switch (lc->strength) {
      case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORNOKEYUPDATE:
        lock.strength = LockStrength::kNoKeyUpdate;
        break;
      case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORSHARE:
        lock.strength = LockStrength::kShare;
        break;
      case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORKEYSHARE:
        lock.strength = LockStrength::kKeyShare;
        break;
      default:
        lock.strength = LockStrength::kUpdate;
        break;
    }
    if (lc->wait_policy == PG_QUERY__LOCK_WAIT_POLICY__LockWaitSkip)
      lock.wait = LockWait::kSkipLocked;
    if (lc->wait_policy == PG_QUERY__LOCK_WAIT_POLICY__LockWaitError) lock.wait = LockWait::kNowait;
    for (size_t k = 0; k < lc->n_locked_rels; ++k) {
      if (lc->locked_rels[k]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
        lock.tables.push_back(TransformRangeVar(lc->locked_rels[k]->range_var));
      }
    }
    out->locking.push_back(std::move(lock));
  }
  if (out->location == kNoLocation && !out->targets.empty())
    out->location = out->targets[0].location;
  return out;
}

}  // namespace dbopt::sql::internal
