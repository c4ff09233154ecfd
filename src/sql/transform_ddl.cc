// libpg_query CREATE TABLE / INDEX / STATISTICS / SCHEMA and DROP → dbopt's DDL statements.
#include <cctype>

#include "dbopt/sql/to_sql.h"
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// pg_constraint's confupdtype/confdeltype and confmatchtype letters.
std::string ForeignKeyAction(JsonValue code) {
  switch (code.Raw().empty() ? '\0' : code.Raw()[0]) {
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

std::string MatchType(JsonValue code) {
  switch (code.Raw().empty() ? '\0' : code.Raw()[0]) {
    case 'f':
      return "FULL";
    case 'p':
      return "PARTIAL";
    default:
      return "SIMPLE";
  }
}

}  // namespace

IndexKey Transformer::TransformIndexElem(JsonValue elem) {
  IndexKey key;
  key.column = elem["name"].Str();
  key.expr = TransformExpr(elem["expr"]);
  key.collation = StringList(elem["collation"]);
  key.opclass = StringList(elem["opclass"]);
  const JsonValue ordering = elem["ordering"];
  if (ordering.StrIs("SORTBY_ASC")) key.direction = SortDirection::kAsc;
  if (ordering.StrIs("SORTBY_DESC")) key.direction = SortDirection::kDesc;
  const JsonValue nulls = elem["nulls_ordering"];
  if (nulls.StrIs("SORTBY_NULLS_FIRST")) key.nulls = NullsOrder::kFirst;
  if (nulls.StrIs("SORTBY_NULLS_LAST")) key.nulls = NullsOrder::kLast;
  return key;
}

TableConstraint Transformer::TransformConstraint(JsonValue c) {
  TableConstraint out;
  out.name = c["conname"].Str();
  out.location = LocOf(c);
  out.deferrable = c["deferrable"].Bool();
  out.initially_deferred = c["initdeferred"].Bool();
  out.not_valid = c["skip_validation"].Bool();
  out.no_inherit = c["is_no_inherit"].Bool();
  out.nulls_not_distinct = c["nulls_not_distinct"].Bool();
  out.using_index = c["indexname"].Str();
  out.include = StringList(c["including"]);
  const std::string_view type = c["contype"].Raw();
  if (type == "CONSTR_PRIMARY") {
    out.kind = ConstraintKind::kPrimaryKey;
    out.columns = StringList(c["keys"]);
  } else if (type == "CONSTR_UNIQUE") {
    out.kind = ConstraintKind::kUnique;
    out.columns = StringList(c["keys"]);
  } else if (type == "CONSTR_CHECK") {
    out.kind = ConstraintKind::kCheck;
    out.check = TransformExpr(c["raw_expr"]);
  } else if (type == "CONSTR_FOREIGN") {
    out.kind = ConstraintKind::kForeignKey;
    out.columns = StringList(c["fk_attrs"]);
    out.ref_table = TransformRangeVar(c["pktable"]);
    out.ref_columns = StringList(c["pk_attrs"]);
    out.on_delete = ForeignKeyAction(c["fk_del_action"]);
    out.on_update = ForeignKeyAction(c["fk_upd_action"]);
    out.match = MatchType(c["fk_matchtype"]);
  } else if (type == "CONSTR_EXCLUSION") {
    out.kind = ConstraintKind::kExclusion;
  } else {
    Fail(out.location, "not supported: constraint " + std::string(type));
  }
  return out;
}

// One constraint of a column definition: NULL, NOT NULL, DEFAULT, identity and generation set
// fields of the column, the others are kept as its constraints.
void Transformer::TransformColumnConstraint(JsonValue c, ColumnDef* out) {
  const std::string_view type = c["contype"].Raw();
  if (type == "CONSTR_NULL") {
    out->explicit_null = true;
  } else if (type == "CONSTR_NOTNULL") {
    out->not_null = true;
  } else if (type == "CONSTR_DEFAULT") {
    out->default_expr = TransformExpr(c["raw_expr"]);
  } else if (type == "CONSTR_IDENTITY") {
    out->identity =
        c["generated_when"].StrIs("a") ? IdentityKind::kAlways : IdentityKind::kByDefault;
  } else if (type == "CONSTR_GENERATED") {
    out->generated = TransformExpr(c["raw_expr"]);
  } else if (type == "CONSTR_ATTR_DEFERRABLE") {
    // DEFERRABLE / INITIALLY DEFERRED written after a column constraint apply to it.
    if (!out->constraints.empty()) out->constraints.back().deferrable = true;
  } else if (type == "CONSTR_ATTR_DEFERRED") {
    if (!out->constraints.empty()) out->constraints.back().initially_deferred = true;
  } else if (type != "CONSTR_ATTR_NOT_DEFERRABLE" && type != "CONSTR_ATTR_IMMEDIATE") {
    out->constraints.push_back(TransformConstraint(c));
  }
}

ColumnDef Transformer::TransformColumnDef(JsonValue column) {
  ColumnDef out;
  out.name = column["colname"].Str();
  out.location = LocOf(column);
  out.type = TransformTypeName(column["typeName"]);
  out.not_null = column["is_not_null"].Bool();
  if (const JsonValue def = column["raw_default"]) out.default_expr = TransformExpr(def);
  if (const JsonValue coll = column["collClause"]) out.collation = StringList(coll["collname"]);
  for (const JsonValue node : column["constraints"]) {
    if (node.Is("Constraint")) TransformColumnConstraint(node.Body(), &out);
  }
  return out;
}

void Transformer::TransformPartitionSpec(JsonValue spec, CreateTableStmt* out) {
  std::string strategy = spec["strategy"].Str();
  for (char& c : strategy) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out->partition_strategy = strategy;
  for (const JsonValue node : spec["partParams"]) {
    if (!node.Is("PartitionElem")) continue;
    const JsonValue elem = node.Body();
    if (const JsonValue name = elem["name"]; !name.Raw().empty()) {
      out->partition_keys.push_back(name.Str());
    } else {
      const ExprPtr expr = TransformExpr(elem["expr"]);
      if (expr) out->partition_keys.push_back(ToSql(*expr));
    }
  }
}

std::unique_ptr<CreateTableStmt> Transformer::TransformCreateTable(JsonValue create) {
  auto out = std::make_unique<CreateTableStmt>();
  const JsonValue relation = create["relation"];
  out->table = TransformRangeVar(relation);
  out->if_not_exists = create["if_not_exists"].Bool();
  const JsonValue persistence = relation["relpersistence"];
  if (persistence.StrIs("t")) out->persistence = "TEMPORARY";
  if (persistence.StrIs("u")) out->persistence = "UNLOGGED";
  for (const JsonValue elt : create["tableElts"]) {
    const std::string_view type = elt.NodeType();
    if (type == "ColumnDef") {
      out->columns.push_back(TransformColumnDef(elt.Body()));
    } else if (type == "Constraint") {
      out->constraints.push_back(TransformConstraint(elt.Body()));
    } else if (type == "TableLikeClause") {
      out->like.push_back(TransformRangeVar(elt.Body()["relation"]));
    } else {
      Fail(kNoLocation, "not supported: CREATE TABLE element " + NodeName(elt));
    }
  }
  for (const JsonValue c : create["constraints"]) {
    if (c.Is("Constraint")) out->constraints.push_back(TransformConstraint(c.Body()));
  }
  std::vector<QualifiedName> parents;
  for (const JsonValue parent : create["inhRelations"]) {
    if (parent.Is("RangeVar")) parents.push_back(TransformRangeVar(parent.Body()));
  }
  // CREATE TABLE c PARTITION OF p: the parent is the one inherited relation, with a bound.
  if (create["partbound"] && !parents.empty()) {
    out->partition_of = parents[0];
  } else {
    out->inherits = std::move(parents);
  }
  if (const JsonValue spec = create["partspec"]) TransformPartitionSpec(spec, out.get());
  return out;
}

std::unique_ptr<CreateIndexStmt> Transformer::TransformCreateIndex(JsonValue index) {
  auto out = std::make_unique<CreateIndexStmt>();
  out->name = index["idxname"].Str();
  out->table = TransformRangeVar(index["relation"]);
  out->location = out->table.location;
  if (const JsonValue method = index["accessMethod"]; !method.Raw().empty())
    out->method = method.Str();
  out->unique = index["unique"].Bool();
  out->concurrently = index["concurrent"].Bool();
  out->if_not_exists = index["if_not_exists"].Bool();
  out->nulls_not_distinct = index["nulls_not_distinct"].Bool();
  for (const JsonValue elem : index["indexParams"]) {
    if (elem.Is("IndexElem")) out->keys.push_back(TransformIndexElem(elem.Body()));
  }
  for (const JsonValue elem : index["indexIncludingParams"]) {
    if (elem.Is("IndexElem")) out->include.push_back(elem.Body()["name"].Str());
  }
  out->where = TransformExpr(index["whereClause"]);
  return out;
}

std::unique_ptr<CreateStatisticsStmt> Transformer::TransformCreateStatistics(JsonValue s) {
  auto out = std::make_unique<CreateStatisticsStmt>();
  const std::vector<std::string> names = StringList(s["defnames"]);
  if (!names.empty()) out->name.name = names.back();
  if (names.size() >= 2) out->name.schema = names[names.size() - 2];
  out->if_not_exists = s["if_not_exists"].Bool();
  out->kinds = StringList(s["stat_types"]);
  for (const JsonValue node : s["exprs"]) {
    if (!node.Is("StatsElem")) continue;
    const JsonValue elem = node.Body();
    if (const JsonValue name = elem["name"]; !name.Raw().empty()) {
      out->columns.push_back(name.Str());
    } else {
      out->expressions.push_back(TransformExpr(elem["expr"]));
    }
  }
  const JsonValue relations = s["relations"];
  if (relations.size() != 1 || !relations.At(0).Is("RangeVar")) {
    Fail(kNoLocation, "not supported: CREATE STATISTICS on other than one table");
    return out;
  }
  out->table = TransformRangeVar(relations.At(0).Body());
  out->name.location = out->table.location;
  return out;
}

std::unique_ptr<CreateSchemaStmt> Transformer::TransformCreateSchema(JsonValue s) {
  auto out = std::make_unique<CreateSchemaStmt>();
  out->name = s["schemaname"].Str();
  out->if_not_exists = s["if_not_exists"].Bool();
  if (const JsonValue role = s["authrole"]) out->authorization = role["rolename"].Str();
  if (out->name.empty()) out->name = out->authorization;  // CREATE SCHEMA AUTHORIZATION joe
  for (const JsonValue elt : s["schemaElts"]) {
    Statement element;
    TransformStatement(elt, kNoLocation, &element);
    out->elements.push_back(std::move(element));
  }
  return out;
}

std::unique_ptr<DropStmt> Transformer::TransformDrop(JsonValue drop) {
  auto out = std::make_unique<DropStmt>();
  out->object_kind = drop["removeType"].StrIs("OBJECT_INDEX") ? "INDEX" : "TABLE";
  out->if_exists = drop["missing_ok"].Bool();
  out->cascade = drop["behavior"].StrIs("DROP_CASCADE");
  out->concurrently = drop["concurrent"].Bool();
  for (const JsonValue object : drop["objects"]) {
    if (!object.Is("List")) continue;
    const std::vector<std::string> names = StringList(object.Body()["items"]);
    QualifiedName name;
    if (!names.empty()) name.name = names.back();
    if (names.size() >= 2) name.schema = names[names.size() - 2];
    out->names.push_back(std::move(name));
  }
  return out;
}

}  // namespace dbopt::sql::internal
