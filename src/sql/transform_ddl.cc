// libpg_query CREATE TABLE / INDEX / STATISTICS / SCHEMA and DROP → dbopt's DDL statements.
#include <cctype>

#include "dbopt/sql/to_sql.h"
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// pg_constraint's confupdtype/confdeltype and confmatchtype letters.
std::string ForeignKeyAction(const char* code) {
  switch (code[0]) {
    case 'r':
      return "RESTRICT";
    case 'c':
      return "CASCADE";
    case 'n':
      return "SET NULL";
    case 'd':
      return "SET DEFAULT";
    default:
      return "NO ACTION";
  }
}

std::string MatchType(const char* code) {
  switch (code[0]) {
    case 'f':
      return "FULL";
    case 'p':
      return "PARTIAL";
    default:
      return "SIMPLE";
  }
}

}  // namespace

IndexKey Transformer::TransformIndexElem(const PgQuery__IndexElem* elem) {
  IndexKey key;
  key.column = elem->name;
  key.expr = TransformExpr(elem->expr);
  key.collation = StringList(elem->n_collation, elem->collation);
  key.opclass = StringList(elem->n_opclass, elem->opclass);
  if (elem->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_ASC) key.direction = SortDirection::kAsc;
  if (elem->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC) key.direction = SortDirection::kDesc;
  if (elem->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST)
    key.nulls = NullsOrder::kFirst;
  if (elem->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST)
    key.nulls = NullsOrder::kLast;
  return key;
}

TableConstraint Transformer::TransformConstraint(const PgQuery__Constraint* c) {
  TableConstraint out;
  out.name = c->conname;
  out.location = Loc(c->location);
  out.deferrable = c->deferrable;
  out.initially_deferred = c->initdeferred;
  out.not_valid = c->skip_validation;
  out.no_inherit = c->is_no_inherit;
  out.nulls_not_distinct = c->nulls_not_distinct;
  out.using_index = c->indexname;
  out.include = StringList(c->n_including, c->including);
  switch (c->contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      out.kind = ConstraintKind::kPrimaryKey;
      out.columns = StringList(c->n_keys, c->keys);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      out.kind = ConstraintKind::kUnique;
      out.columns = StringList(c->n_keys, c->keys);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      out.kind = ConstraintKind::kCheck;
      out.check = TransformExpr(c->raw_expr);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      out.kind = ConstraintKind::kForeignKey;
      out.columns = StringList(c->n_fk_attrs, c->fk_attrs);
      out.ref_table = TransformRangeVar(c->pktable);
      out.ref_columns = StringList(c->n_pk_attrs, c->pk_attrs);
      out.on_delete = ForeignKeyAction(c->fk_del_action);
      out.on_update = ForeignKeyAction(c->fk_upd_action);
      out.match = MatchType(c->fk_matchtype);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      out.kind = ConstraintKind::kExclusion;
      break;
    default:
      Fail(out.location, "not supported: constraint " +
                             EnumValueName(pg_query__constr_type__descriptor, c->contype));
      break;
  }
  return out;
}

ColumnDef Transformer::TransformColumnDef(const PgQuery__ColumnDef* column) {
  ColumnDef out;
  out.name = column->colname;
  out.location = Loc(column->location);
  out.type = TransformTypeName(column->type_name);
  out.not_null = column->is_not_null;
  if (column->raw_default) out.default_expr = TransformExpr(column->raw_default);
  if (column->coll_clause)
    out.collation = StringList(column->coll_clause->n_collname, column->coll_clause->collname);
  for (size_t i = 0; i < column->n_constraints; ++i) {
    if (column->constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint* c = column->constraints[i]->constraint;
    switch (c->contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
        out.explicit_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        out.not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        out.default_expr = TransformExpr(c->raw_expr);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        out.identity =
            c->generated_when[0] == 'a' ? IdentityKind::kAlways : IdentityKind::kByDefault;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        out.generated = TransformExpr(c->raw_expr);
        break;
      // DEFERRABLE / INITIALLY DEFERRED written after a column constraint apply to it.
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
        if (!out.constraints.empty()) out.constraints.back().deferrable = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
        if (!out.constraints.empty()) out.constraints.back().initially_deferred = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
      case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
        break;
      default:
        out.constraints.push_back(TransformConstraint(c));
        break;
    }
  }
  return out;
}

std::unique_ptr<CreateTableStmt> Transformer::TransformCreateTable(
    const PgQuery__CreateStmt* create) {
  auto out = std::make_unique<CreateTableStmt>();
  out->table = TransformRangeVar(create->relation);
  out->if_not_exists = create->if_not_exists;
  if (create->relation) {
    const char persistence = create->relation->relpersistence[0];
    if (persistence == 't') out->persistence = "TEMPORARY";
    if (persistence == 'u') out->persistence = "UNLOGGED";
  }
  for (size_t i = 0; i < create->n_table_elts; ++i) {
    const PgQuery__Node* elt = create->table_elts[i];
    switch (elt->node_case) {
      case PG_QUERY__NODE__NODE_COLUMN_DEF:
        out->columns.push_back(TransformColumnDef(elt->column_def));
        break;
      case PG_QUERY__NODE__NODE_CONSTRAINT:
        out->constraints.push_back(TransformConstraint(elt->constraint));
        break;
      case PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE:
        out->like.push_back(TransformRangeVar(elt->table_like_clause->relation));
        break;
      default:
        Fail(kNoLocation, "not supported: CREATE TABLE element " + NodeName(elt));
        break;
    }
  }
  for (size_t i = 0; i < create->n_constraints; ++i) {
    if (create->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      out->constraints.push_back(TransformConstraint(create->constraints[i]->constraint));
    }
  }
  std::vector<QualifiedName> parents;
  for (size_t i = 0; i < create->n_inh_relations; ++i) {
    if (create->inh_relations[i]->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      parents.push_back(TransformRangeVar(create->inh_relations[i]->range_var));
    }
  }
  // CREATE TABLE c PARTITION OF p: the parent is the one inherited relation, with a bound.
  if (create->partbound && !parents.empty()) {
    out->partition_of = parents[0];
  } else {
    out->inherits = std::move(parents);
  }
  if (const PgQuery__PartitionSpec* spec = create->partspec) {
    std::string strategy = spec->strategy;
    for (char& c : strategy) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out->partition_strategy = strategy;
    for (size_t i = 0; i < spec->n_part_params; ++i) {
      const PgQuery__PartitionElem* elem = spec->part_params[i]->partition_elem;
      if (spec->part_params[i]->node_case != PG_QUERY__NODE__NODE_PARTITION_ELEM) continue;
      if (elem->name[0] != '\0') {
        out->partition_keys.push_back(elem->name);
      } else {
        const ExprPtr expr = TransformExpr(elem->expr);
        if (expr) out->partition_keys.push_back(ToSql(*expr));
      }
    }
  }
  return out;
}

std::unique_ptr<CreateIndexStmt> Transformer::TransformCreateIndex(
    const PgQuery__IndexStmt* index) {
  auto out = std::make_unique<CreateIndexStmt>();
  out->name = index->idxname;
  out->table = TransformRangeVar(index->relation);
  out->location = out->table.location;
  if (index->access_method[0] != '\0') out->method = index->access_method;
  out->unique = index->unique;
  out->concurrently = index->concurrent;
  out->if_not_exists = index->if_not_exists;
  out->nulls_not_distinct = index->nulls_not_distinct;
  for (size_t i = 0; i < index->n_index_params; ++i) {
    if (index->index_params[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
      out->keys.push_back(TransformIndexElem(index->index_params[i]->index_elem));
    }
  }
  for (size_t i = 0; i < index->n_index_including_params; ++i) {
    if (index->index_including_params[i]->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
      out->include.push_back(index->index_including_params[i]->index_elem->name);
    }
  }
  out->where = TransformExpr(index->where_clause);
  return out;
}

std::unique_ptr<CreateStatisticsStmt> Transformer::TransformCreateStatistics(
    const PgQuery__CreateStatsStmt* s) {
  auto out = std::make_unique<CreateStatisticsStmt>();
  const std::vector<std::string> names = StringList(s->n_defnames, s->defnames);
  if (!names.empty()) out->name.name = names.back();
  if (names.size() >= 2) out->name.schema = names[names.size() - 2];
  out->if_not_exists = s->if_not_exists;
  out->kinds = StringList(s->n_stat_types, s->stat_types);
  for (size_t i = 0; i < s->n_exprs; ++i) {
    const PgQuery__StatsElem* elem = s->exprs[i]->stats_elem;
    if (s->exprs[i]->node_case != PG_QUERY__NODE__NODE_STATS_ELEM) continue;
    if (elem->name[0] != '\0') {
      out->columns.push_back(elem->name);
    } else {
      out->expressions.push_back(TransformExpr(elem->expr));
    }
  }
  if (s->n_relations != 1 || s->relations[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) {
    Fail(kNoLocation, "not supported: CREATE STATISTICS on other than one table");
    return out;
  }
  out->table = TransformRangeVar(s->relations[0]->range_var);
  out->name.location = out->table.location;
  return out;
}

std::unique_ptr<CreateSchemaStmt> Transformer::TransformCreateSchema(
    const PgQuery__CreateSchemaStmt* s) {
  auto out = std::make_unique<CreateSchemaStmt>();
  out->name = s->schemaname;
  out->if_not_exists = s->if_not_exists;
  if (s->authrole) out->authorization = s->authrole->rolename;
  if (out->name.empty()) out->name = out->authorization;  // CREATE SCHEMA AUTHORIZATION joe
  for (size_t i = 0; i < s->n_schema_elts; ++i) {
    Statement element;
    TransformStatement(s->schema_elts[i], kNoLocation, &element);
    out->elements.push_back(std::move(element));
  }
  return out;
}

std::unique_ptr<DropStmt> Transformer::TransformDrop(const PgQuery__DropStmt* drop) {
  auto out = std::make_unique<DropStmt>();
  out->object_kind = drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX ? "INDEX" : "TABLE";
  out->if_exists = drop->missing_ok;
  out->cascade = drop->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  out->concurrently = drop->concurrent;
  for (size_t i = 0; i < drop->n_objects; ++i) {
    const PgQuery__Node* object = drop->objects[i];
    if (object->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    const std::vector<std::string> names = StringList(object->list->n_items, object->list->items);
    QualifiedName name;
    if (!names.empty()) name.name = names.back();
    if (names.size() >= 2) name.schema = names[names.size() - 2];
    out->names.push_back(std::move(name));
  }
  return out;
}

}  // namespace dbopt::sql::internal
