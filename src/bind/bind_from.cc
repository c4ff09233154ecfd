// The FROM clause and WITH (PostgreSQL's parse_clause.c transformFromClause,
// transformFromClauseItem, transformJoinUsingClause; parse_cte.c; parse_relation.c
// addRangeTableEntry*).
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"
#include "dbopt/base/did_you_mean.h"

namespace dbopt::bind::internal {
namespace {

Status ApplyColumnAliases(const sql::Alias& alias, RangeTblEntry& rte, const Binder& binder,
                          int location) {
  if (alias.columns.size() > rte.column_names.size()) {
    return binder.ErrorAt(
        location, "table \"" + rte.alias + "\" has " + std::to_string(rte.column_names.size()) +
                      " columns available but " + std::to_string(alias.columns.size()) +
                      " columns specified");
  }
  for (size_t i = 0; i < alias.columns.size(); ++i) rte.column_names[i] = alias.columns[i];
  return Ok{};
}

int AddRte(Query& query, RangeTblEntry rte) {
  query.rtable.push_back(std::move(rte));
  return static_cast<int>(query.rtable.size());
}

const Level::CteRef* FindCte(const Level& level, const std::string& name, int* levelsup) {
  *levelsup = 0;
  for (const Level* l = &level; l != nullptr; l = l->parent, ++*levelsup) {
    for (auto it = l->ctes.rbegin(); it != l->ctes.rend(); ++it) {
      if (it->name == name) return &*it;
    }
  }
  return nullptr;
}

}  // namespace

Result<NsItem> Binder::AddRelation(const sql::QualifiedName& name, const sql::Alias& alias,
                                   bool only, Level& level, int location) {
  Query& query = *level.query;
  int cte_levelsup = 0;
  const Level::CteRef* cte =
      name.schema.empty() ? FindCte(level, name.name, &cte_levelsup) : nullptr;
  RangeTblEntry rte;
  if (cte != nullptr) {
    rte.kind = RteKind::kCte;
    rte.cte_index = cte->index;
    rte.cte_levelsup = cte_levelsup;
    rte.self_reference = cte->recursive_pending;
    rte.column_names = cte->columns;
    rte.column_types = cte->types;
    CommonTable& common = cte->owner->query->ctes[cte->index];
    // parse_relation.c: a recursive CTE's reference to itself is not counted.
    if (cte->recursive_pending) {
      common.recursive = true;
    } else {
      ++common.reference_count;
    }
  } else {
    const catalog::Table* table = catalog_.FindTable(name.schema, name.name);
    if (table == nullptr) {
      std::vector<std::string> names;
      for (const catalog::Table& t : catalog_.tables) names.push_back(t.name);
      std::string hint;
      if (auto guess = DidYouMean(name.name, names)) hint = "did you mean \"" + *guess + "\"?";
      const std::string full = name.schema.empty() ? name.name : name.schema + "." + name.name;
      return ErrorAt(location, "relation \"" + full + "\" does not exist", hint);
    }
    if (table->kind == "view") return NotSupported(location, "views (\"" + table->name + "\")");
    if (table->kind == "partitioned") {
      return NotSupported(location, "partitioned tables (\"" + table->name + "\")");
    }
    if (table->kind == "foreign") {
      return NotSupported(location, "foreign tables (\"" + table->name + "\")");
    }
    rte.kind = RteKind::kRelation;
    rte.table = table;
    rte.inherit = !only;
    for (const catalog::Column& c : table->columns) {
      rte.column_names.push_back(c.name);
      rte.column_types.push_back(ParseTypeText(c.type));
    }
  }
  rte.alias = alias.name.empty() ? name.name : alias.name;
  rte.alias_written = !alias.name.empty();
  BIND_CHECK(ApplyColumnAliases(alias, rte, *this, location));
  const int rtindex = AddRte(query, std::move(rte));
  return MakeNsItem(query, rtindex);
}

Status Binder::BindWith(const sql::WithClause& with, Level& level) {
  Query& query = *level.query;
  query.recursive_with = with.recursive;
  for (const sql::CommonTableExpr& cte : with.ctes) {
    for (const Level::CteRef& existing : level.ctes) {
      if (existing.name == cte.name) {
        return ErrorAt(cte.location,
                       "WITH query name \"" + cte.name + "\" specified more than once");
      }
    }
    CommonTable common;
    common.name = cte.name;
    common.materialized =
        cte.materialized == sql::CteMaterialized::kAlways  ? CommonTable::Materialized::kAlways
        : cte.materialized == sql::CteMaterialized::kNever ? CommonTable::Materialized::kNever
                                                           : CommonTable::Materialized::kDefault;
    query.ctes.push_back(std::move(common));
    const int index = static_cast<int>(query.ctes.size()) - 1;
    Level::CteRef ref{cte.name, &level, index, cte.columns, {}, false};
    const sql::Statement& stmt = *cte.query;
    if (with.recursive && stmt.kind == sql::StatementKind::kSelect &&
        stmt.select->set_op == sql::SetOp::kUnion) {
      // A recursive CTE: the non-recursive term fixes the column types (parse_cte.c).
      BIND_TRY(auto first, BindSelect(*stmt.select->left, &level));
      for (const TargetEntry& t : first->targets) {
        if (t.resjunk) continue;
        if (ref.columns.size() < ref.types.size() + 1) ref.columns.push_back(t.name);
        ref.types.push_back(t.expr->type);
      }
      ref.recursive_pending = true;
      level.ctes.push_back(ref);
    }
    BIND_TRY(std::shared_ptr<Query> bound, BindStatement(stmt, &level));
    if (bound->command != CommandType::kSelect) {
      return NotSupported(cte.location, "data-modifying statements in WITH");
    }
    std::vector<std::string> names = cte.columns;
    std::vector<Type> types;
    size_t i = 0;
    for (const TargetEntry& t : bound->targets) {
      if (t.resjunk) continue;
      if (i >= names.size()) names.push_back(t.name);
      types.push_back(t.expr->type);
      ++i;
    }
    if (cte.columns.size() > i) {
      return ErrorAt(cte.location, "WITH query \"" + cte.name + "\" has " + std::to_string(i) +
                                       " columns available but " +
                                       std::to_string(cte.columns.size()) + " columns specified");
    }
    query.ctes[index].query = bound;
    if (ref.recursive_pending) level.ctes.pop_back();
    level.ctes.push_back(Level::CteRef{cte.name, &level, index, names, types, false});
  }
  return Ok{};
}

Status Binder::BindFromList(const std::vector<sql::FromItem>& from, Level& level) {
  level.query->jointree.kind = JoinNode::Kind::kFromList;
  const size_t first = level.ns.size();
  for (const sql::FromItem& item : from) {
    std::vector<NsItem> item_ns;
    BIND_TRY(auto node, BindFromItem(item, level, item_ns));
    for (const NsItem& ns : level.ns) {
      for (const NsItem& other : item_ns) {
        if (ns.rel_visible && other.rel_visible && ns.refname == other.refname) {
          return ErrorAt(item.location,
                         "table name \"" + other.refname + "\" specified more than once");
        }
      }
    }
    for (NsItem& ns : item_ns) {
      ns.lateral_only = true;  // later items may see it only through LATERAL
      level.ns.push_back(std::move(ns));
    }
    level.query->jointree.children.push_back(std::move(node));
  }
  for (size_t i = first; i < level.ns.size(); ++i) level.ns[i].lateral_only = false;
  return Ok{};
}

}  // namespace dbopt::bind::internal
