#include "resolve.h"

#include <map>
#include <memory>

#include "dbopt/base/did_you_mean.h"

namespace dbopt::lint {

using sql::Expr;
using sql::ExprKind;

namespace {

// One FROM entry as seen by column references.
struct RangeVar {
  std::string name;  // alias, or the relation's name
  const catalog::Table* table = nullptr;
  bool from_catalog = false;
  std::vector<const catalog::Column*> added;  // ADD COLUMN earlier in the file
  std::vector<std::string> derived;           // columns of a subquery or CTE
  bool opaque = false;                        // columns unknown
  bool nullable = false;

  const catalog::Column* TableColumn(const std::string& column) const {
    if (!table) return nullptr;
    if (const catalog::Column* c = table->FindColumn(column)) return c;
    for (const catalog::Column* c : added)
      if (c->name == column) return c;
    return nullptr;
  }
  bool Has(const std::string& column) const {
    if (TableColumn(column)) return true;
    for (const std::string& d : derived)
      if (d == column) return true;
    return false;
  }
  void Names(std::vector<std::string>& out) const {
    if (table)
      for (const catalog::Column& c : table->columns) out.push_back(c.name);
    for (const catalog::Column* c : added) out.push_back(c->name);
    out.insert(out.end(), derived.begin(), derived.end());
  }
};

struct Cte {
  std::vector<std::string> columns;
  bool opaque = false;
};

struct Scope {
  const Scope* parent = nullptr;
  std::vector<RangeVar> vars;
  std::map<std::string, Cte> ctes;
  std::vector<std::string> output_names;  // aliases usable in ORDER BY / GROUP BY
};

bool IsSystemName(const sql::QualifiedName& n) {
  return n.schema == "pg_catalog" || n.schema == "information_schema" ||
         n.name.compare(0, 3, "pg_") == 0;
}

// Output column names of a query, as PostgreSQL names them; opaque when it has a `*`.
Cte OutputOf(const sql::SelectStmt& s) {
  const sql::SelectStmt* block = &s;
  while (block->set_op != sql::SetOp::kNone && block->left) block = block->left.get();
  Cte out;
  if (!block->values.empty()) {
    for (size_t i = 0; i < block->values[0].size(); ++i)
      out.columns.push_back("column" + std::to_string(i + 1));
    return out;
  }
  for (const sql::ResultTarget& t : block->targets) {
    if (!t.alias.empty()) {
      out.columns.push_back(t.alias);
      continue;
    }
    const Expr& e = *t.expr;
    if (e.kind == ExprKind::kStar || (e.kind == ExprKind::kColumnRef && e.names.back() == "*")) {
      out.opaque = true;
    } else if (e.kind == ExprKind::kColumnRef) {
      out.columns.push_back(e.names.back());
    } else if (e.kind == ExprKind::kFuncCall && !e.names.empty()) {
      out.columns.push_back(e.names.back());
    } else {
      out.columns.push_back("?column?");
    }
  }
  return out;
}

}  // namespace

class Resolver {
 public:
  Resolver(Resolution& out, const CatalogFacts& catalog, const FileFacts& file, size_t offset)
      : out_(out), catalog_(catalog), file_(file), offset_(offset) {}

  void Statement(const sql::Statement& s, const Scope* parent);

 private:
  void Select(const sql::SelectStmt& s, const Scope* parent);
  void With(const sql::WithClause* with, Scope& scope);
  void AddFrom(const sql::FromItem& f, Scope& scope, const Scope* outer);
  RangeVar Relation(const sql::QualifiedName& n, const std::string& alias, const Scope& scope);
  void Resolve(const Expr* e, const Scope& scope, bool output_names_visible = false);
  void Column(const Expr& ref, const Scope& scope, bool output_names_visible);
  void CheckColumn(const RangeVar& var, const std::string& column, int location);
  void Insert(const sql::InsertStmt& s, const Scope* parent);
  void Update(const sql::UpdateStmt& s, const Scope* parent);
  void Delete(const sql::DeleteStmt& s, const Scope* parent);
  void Ddl(const sql::Statement& s);

  Resolution& out_;
  const CatalogFacts& catalog_;
  const FileFacts& file_;
  size_t offset_;
};

void Resolver::Statement(const sql::Statement& s, const Scope* parent) {
  switch (s.kind) {
    case sql::StatementKind::kSelect:
      Select(*s.select, parent);
      break;
    case sql::StatementKind::kInsert:
      Insert(*s.insert, parent);
      break;
    case sql::StatementKind::kUpdate:
      Update(*s.update, parent);
      break;
    case sql::StatementKind::kDelete:
      Delete(*s.del, parent);
      break;
    default:
      Ddl(s);
      break;
  }
}

void Resolver::With(const sql::WithClause* with, Scope& scope) {
  if (!with) return;
  for (const sql::CommonTableExpr& cte : with->ctes) {
    Cte def;
    def.opaque = true;  // while its own query is resolved (recursive CTEs)
    scope.ctes[cte.name] = def;
    if (cte.query) Statement(*cte.query, &scope);
    if (cte.query && cte.query->select) def = OutputOf(*cte.query->select);
    if (!cte.columns.empty()) def = Cte{cte.columns, false};
    scope.ctes[cte.name] = def;
  }
}

void Resolver::Select(const sql::SelectStmt& s, const Scope* parent) {
  Scope scope;
  scope.parent = parent;
  With(s.with.get(), scope);
  if (s.set_op != sql::SetOp::kNone) {
    if (s.left) Select(*s.left, &scope);
    if (s.right) Select(*s.right, &scope);
    return;  // ORDER BY of a set operation names output columns
  }
  for (const sql::FromItem& f : s.from) AddFrom(f, scope, parent);
  for (const sql::ResultTarget& t : s.targets)
    if (!t.alias.empty()) scope.output_names.push_back(t.alias);
  for (const auto& e : s.distinct_on) Resolve(e.get(), scope);
  for (const sql::ResultTarget& t : s.targets) Resolve(t.expr.get(), scope);
  Resolve(s.where.get(), scope);
  for (const auto& e : s.group_by) Resolve(e.get(), scope, true);
  Resolve(s.having.get(), scope);
  for (const auto& row : s.values)
    for (const auto& e : row) Resolve(e.get(), scope);
  for (const sql::SortItem& o : s.order_by) Resolve(o.expr.get(), scope, true);
  Resolve(s.limit.get(), scope);
  Resolve(s.offset.get(), scope);
}

RangeVar Resolver::Relation(const sql::QualifiedName& n, const std::string& alias,
                            const Scope& scope) {
  RangeVar var;
  var.name = alias.empty() ? n.name : alias;
  if (n.schema.empty()) {
    for (const Scope* s = &scope; s; s = s->parent) {
      auto it = s->ctes.find(n.name);
      if (it == s->ctes.end()) continue;
      var.derived = it->second.columns;
      var.opaque = it->second.opaque;
      return var;
    }
  }
  var.table = file_.CreatedTable(n.name, offset_);
  if (!var.table) {
    var.table = catalog_.FindTable(n.schema, n.name);
    var.from_catalog = var.table != nullptr;
  }
  if (var.table) {
    var.added = file_.AddedColumns(n.name, offset_);
    return var;
  }
  var.opaque = true;
  if (!IsSystemName(n)) {
    NameProblem p{n.location, "unknown table \"" + n.name + "\"", ""};
    if (auto guess = DidYouMean(n.name, catalog_.table_names()))
      p.hint = "did you mean \"" + *guess + "\"?";
    out_.unknown_tables_.push_back(std::move(p));
  }
  return var;
}

void Resolver::AddFrom(const sql::FromItem& f, Scope& scope, const Scope* outer) {
  switch (f.kind) {
    case sql::FromKind::kTable:
      scope.vars.push_back(Relation(f.table, f.alias.name, scope));
      break;
    case sql::FromKind::kSubquery: {
      Select(*f.subquery, f.lateral ? &scope : outer);
      RangeVar var;
      var.name = f.alias.name;
      Cte cols = OutputOf(*f.subquery);
      var.derived = f.alias.columns.empty() ? cols.columns : f.alias.columns;
      var.opaque = f.alias.columns.empty() && cols.opaque;
      scope.vars.push_back(std::move(var));
      break;
    }
    case sql::FromKind::kFunction: {
      for (const auto& e : f.functions) Resolve(e.get(), scope);
      RangeVar var;
      var.name = f.alias.name.empty() && !f.functions.empty() && !f.functions[0]->names.empty()
                     ? f.functions[0]->names.back()
                     : f.alias.name;
      var.opaque = true;
      scope.vars.push_back(std::move(var));
      break;
    }
    case sql::FromKind::kJoin: {
      const size_t first = scope.vars.size();
      AddFrom(*f.left, scope, outer);
      const size_t middle = scope.vars.size();
      AddFrom(*f.right, scope, outer);
      const bool left_nullable =
          f.join_kind == sql::JoinKind::kRight || f.join_kind == sql::JoinKind::kFull;
      const bool right_nullable =
          f.join_kind == sql::JoinKind::kLeft || f.join_kind == sql::JoinKind::kFull;
      for (size_t i = first; i < scope.vars.size(); ++i) {
        if ((i < middle && left_nullable) || (i >= middle && right_nullable))
          scope.vars[i].nullable = true;
      }
      Resolve(f.on.get(), scope);
      if (!f.alias.name.empty()) {  // (a JOIN b) AS j: only j is visible; columns unknown here
        scope.vars.resize(first);
        RangeVar var;
        var.name = f.alias.name;
        var.opaque = true;
        scope.vars.push_back(std::move(var));
      }
      break;
    }
  }
}

void Resolver::Resolve(const Expr* e, const Scope& scope, bool output_names_visible) {
  if (!e) return;
  if (e->kind == ExprKind::kColumnRef) {
    Column(*e, scope, output_names_visible);
    return;
  }
  for (const auto& c : e->children) Resolve(c.get(), scope, output_names_visible);
  if (e->func) {
    for (const sql::SortItem& o : e->func->order_by) Resolve(o.expr.get(), scope);
    Resolve(e->func->filter.get(), scope);
    if (e->func->over) {
      for (const auto& p : e->func->over->partition_by) Resolve(p.get(), scope);
      for (const auto& o : e->func->over->order_by) Resolve(o.expr.get(), scope);
    }
  }
  if (e->subquery) Select(*e->subquery, &scope);
}

void Resolver::CheckColumn(const RangeVar& var, const std::string& column, int location) {
  if (var.opaque || var.Has(column)) return;
  std::vector<std::string> names;
  var.Names(names);
  NameProblem p{location, "column \"" + column + "\" does not exist in \"" + var.name + "\"", ""};
  if (auto guess = DidYouMean(column, names)) p.hint = "did you mean \"" + *guess + "\"?";
  out_.unknown_columns_.push_back(std::move(p));
}

void Resolver::Column(const Expr& ref, const Scope& scope, bool output_names_visible) {
  const std::vector<std::string>& names = ref.names;
  if (names.empty() || names.back() == "*") return;
  const std::string& column = names.back();
  if (names.size() >= 2) {  // qualifier.column: find the range variable by name
    const std::string& qualifier = names[names.size() - 2];
    for (const Scope* s = &scope; s; s = s->parent) {
      for (const RangeVar& var : s->vars) {
        if (var.name != qualifier) continue;
        CheckColumn(var, column, ref.location);
        if (const catalog::Column* c = var.TableColumn(column))
          out_.refs_[&ref] = {var.table, c, var.from_catalog, var.nullable, s != &scope};
        return;
      }
    }
    return;  // not a range variable (record field, OLD/NEW, excluded): not ours to judge
  }
  if (output_names_visible) {
    for (const std::string& n : scope.output_names)
      if (n == column) return;
  }
  bool any_var = false;
  for (const Scope* s = &scope; s; s = s->parent) {
    for (const RangeVar& var : s->vars) {
      any_var = true;
      if (var.opaque) return;  // it may be one of var's unknown columns
      if (!var.Has(column)) continue;
      const catalog::Column* c = var.TableColumn(column);
      if (c) out_.refs_[&ref] = {var.table, c, var.from_catalog, var.nullable, s != &scope};
      if (s != &scope && !scope.vars.empty()) {
        out_.outer_references_.push_back(
            {ref.location,
             "\"" + column + "\" is not a column of " +
                 (scope.vars.size() == 1 ? "\"" + scope.vars[0].name + "\""
                                         : "the subquery's tables") +
                 ": it binds to the outer query's \"" + var.name + "\"",
             "qualify it (" + var.name + "." + column + ") if the outer column is meant"});
      }
      return;
    }
  }
  if (!any_var) return;
  std::vector<std::string> candidates;
  for (const Scope* s = &scope; s; s = s->parent)
    for (const RangeVar& var : s->vars) var.Names(candidates);
  NameProblem p{ref.location, "column \"" + column + "\" does not exist in any table in scope", ""};
  if (auto guess = DidYouMean(column, candidates)) p.hint = "did you mean \"" + *guess + "\"?";
  out_.unknown_columns_.push_back(std::move(p));
}

void Resolver::Insert(const sql::InsertStmt& s, const Scope* parent) {
  Scope scope;
  scope.parent = parent;
  With(s.with.get(), scope);
  RangeVar target = Relation(s.table, s.alias, scope);
  for (const std::string& c : s.columns) CheckColumn(target, c, s.table.location);
  if (s.source) Select(*s.source, &scope);
  scope.vars.push_back(target);
  if (s.on_conflict) {
    RangeVar excluded = target;
    excluded.name = "excluded";
    scope.vars.push_back(excluded);
    for (const sql::SetClause& set : s.on_conflict->set) {
      for (const std::string& c : set.columns) CheckColumn(target, c, set.location);
      Resolve(set.value.get(), scope);
    }
    Resolve(s.on_conflict->where.get(), scope);
  }
  for (const sql::ResultTarget& t : s.returning) Resolve(t.expr.get(), scope);
}

void Resolver::Update(const sql::UpdateStmt& s, const Scope* parent) {
  Scope scope;
  scope.parent = parent;
  With(s.with.get(), scope);
  scope.vars.push_back(Relation(s.table, s.alias.name, scope));
  for (const sql::FromItem& f : s.from) AddFrom(f, scope, parent);
  for (const sql::SetClause& set : s.set) {
    for (const std::string& c : set.columns) CheckColumn(scope.vars[0], c, set.location);
    Resolve(set.value.get(), scope);
  }
  Resolve(s.where.get(), scope);
  for (const sql::ResultTarget& t : s.returning) Resolve(t.expr.get(), scope);
}

void Resolver::Delete(const sql::DeleteStmt& s, const Scope* parent) {
  Scope scope;
  scope.parent = parent;
  With(s.with.get(), scope);
  scope.vars.push_back(Relation(s.table, s.alias.name, scope));
  for (const sql::FromItem& f : s.using_items) AddFrom(f, scope, parent);
  Resolve(s.where.get(), scope);
  for (const sql::ResultTarget& t : s.returning) Resolve(t.expr.get(), scope);
}

void Resolver::Ddl(const sql::Statement& s) {
  Scope scope;
  if (s.kind == sql::StatementKind::kCreateIndex) {
    const sql::CreateIndexStmt& ci = *s.create_index;
    scope.vars.push_back(Relation(ci.table, "", scope));
    for (const sql::IndexKey& k : ci.keys) {
      if (!k.column.empty()) CheckColumn(scope.vars[0], k.column, ci.table.location);
      Resolve(k.expr.get(), scope);
    }
    Resolve(ci.where.get(), scope);
  } else if (s.kind == sql::StatementKind::kAlterTable && s.alter_table->object_kind == "TABLE" &&
             !s.alter_table->if_exists) {
    const sql::AlterTableStmt& at = *s.alter_table;
    RangeVar var = Relation(at.table, "", scope);
    for (const sql::AlterTableCmd& cmd : at.commands) {
      const bool names_column = !cmd.column.empty() && cmd.kind != sql::AlterKind::kAddColumn;
      if (names_column && !cmd.if_exists) CheckColumn(var, cmd.column, at.table.location);
      if (cmd.constraint && cmd.constraint->kind == sql::ConstraintKind::kForeignKey)
        Relation(cmd.constraint->ref_table, "", scope);
    }
  } else if (s.kind == sql::StatementKind::kCreateTable) {
    auto check_fk = [&](const sql::TableConstraint& c) {
      if (c.kind == sql::ConstraintKind::kForeignKey &&
          c.ref_table.name != s.create_table->table.name)
        Relation(c.ref_table, "", scope);
    };
    for (const sql::ColumnDef& col : s.create_table->columns)
      for (const sql::TableConstraint& c : col.constraints) check_fk(c);
    for (const sql::TableConstraint& c : s.create_table->constraints) check_fk(c);
  } else if (s.kind == sql::StatementKind::kDrop && !s.drop->if_exists &&
             s.drop->object_kind == "TABLE") {
    for (const sql::QualifiedName& n : s.drop->names) Relation(n, "", scope);
  }
}

Resolution::Resolution(const sql::Statement& statement, const CatalogFacts& catalog,
                       const FileFacts& file) {
  Resolver(*this, catalog, file, statement.begin).Statement(statement, nullptr);
}

const ResolvedColumn* Resolution::Find(const sql::Expr& column_ref) const {
  auto it = refs_.find(&column_ref);
  return it == refs_.end() ? nullptr : &it->second;
}

}  // namespace dbopt::lint
