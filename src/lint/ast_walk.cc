#include "ast_walk.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace dbopt::lint {
namespace {

using sql::Expr;
using sql::ExprKind;

class Walker {
 public:
  explicit Walker(AstVisitor& visitor) : v_(visitor) {}

  void Stmt(const sql::Statement& s) {
    v_.Statement(s);
    switch (s.kind) {
      case sql::StatementKind::kSelect:
        Select(*s.select);
        break;
      case sql::StatementKind::kInsert:
        Insert(*s.insert);
        break;
      case sql::StatementKind::kUpdate:
        Update(*s.update);
        break;
      case sql::StatementKind::kDelete:
        Delete(*s.del);
        break;
      case sql::StatementKind::kCreateTable:
        CreateTable(*s.create_table);
        break;
      case sql::StatementKind::kCreateIndex:
        CreateIndex(*s.create_index);
        break;
      case sql::StatementKind::kAlterTable:
        AlterTable(*s.alter_table);
        break;
      case sql::StatementKind::kCreateSchema:
        for (const sql::Statement& e : s.create_schema->elements) Stmt(e);
        break;
      default:
        break;
    }
  }

  void Select(const sql::SelectStmt& s) {
    v_.Select(s);
    With(s.with.get());
    if (s.left) Select(*s.left);
    if (s.right) Select(*s.right);
    for (const auto& e : s.distinct_on) Root(e.get(), Clause::kTarget);
    for (const auto& t : s.targets) Root(t.expr.get(), Clause::kTarget);
    for (const auto& f : s.from) From(f);
    Root(s.where.get(), Clause::kWhere);
    for (const auto& e : s.group_by) Root(e.get(), Clause::kGroupBy);
    Root(s.having.get(), Clause::kHaving);
    for (const auto& w : s.windows) Window(w);
    for (const auto& row : s.values)
      for (const auto& e : row) Root(e.get(), Clause::kValues);
    for (const auto& o : s.order_by) Root(o.expr.get(), Clause::kOrderBy);
    Root(s.limit.get(), Clause::kLimit);
    Root(s.offset.get(), Clause::kLimit);
  }

  void Expression(const Expr& e, Clause clause, bool root) {
    v_.Expression(e, clause, root);
    for (const auto& c : e.children)
      if (c) Expression(*c, clause, false);
    if (e.func) {
      for (const auto& o : e.func->order_by) Root(o.expr.get(), clause);
      Root(e.func->filter.get(), clause);
      if (e.func->over) Window(*e.func->over);
    }
    for (const auto& step : e.indirection) {
      Root(step.lower.get(), clause);
      Root(step.upper.get(), clause);
    }
    if (e.subquery) Select(*e.subquery);
  }

 private:
  void Root(const Expr* e, Clause clause) {
    if (e) Expression(*e, clause, true);
  }

  void With(const sql::WithClause* with) {
    if (!with) return;
    for (const auto& cte : with->ctes)
      if (cte.query) Stmt(*cte.query);
  }

  void Window(const sql::WindowDef& w) {
    for (const auto& e : w.partition_by) Root(e.get(), Clause::kOther);
    for (const auto& o : w.order_by) Root(o.expr.get(), Clause::kOther);
    Root(w.frame.start.offset.get(), Clause::kOther);
    Root(w.frame.end.offset.get(), Clause::kOther);
  }

  void From(const sql::FromItem& f) {
    v_.From(f);
    switch (f.kind) {
      case sql::FromKind::kTable:
        break;
      case sql::FromKind::kSubquery:
        Select(*f.subquery);
        break;
      case sql::FromKind::kFunction:
        for (const auto& e : f.functions) Root(e.get(), Clause::kFromFunction);
        break;
      case sql::FromKind::kJoin:
        From(*f.left);
        From(*f.right);
        Root(f.on.get(), Clause::kJoinOn);
        break;
    }
  }

  void Insert(const sql::InsertStmt& s) {
    With(s.with.get());
    if (s.source) Select(*s.source);
    if (s.on_conflict) {
      Root(s.on_conflict->target_where.get(), Clause::kOther);
      for (const auto& set : s.on_conflict->set) Root(set.value.get(), Clause::kSet);
      Root(s.on_conflict->where.get(), Clause::kWhere);
    }
    for (const auto& t : s.returning) Root(t.expr.get(), Clause::kReturning);
  }

  void Update(const sql::UpdateStmt& s) {
    With(s.with.get());
    for (const auto& set : s.set) Root(set.value.get(), Clause::kSet);
    for (const auto& f : s.from) From(f);
    Root(s.where.get(), Clause::kWhere);
    for (const auto& t : s.returning) Root(t.expr.get(), Clause::kReturning);
  }

  void Delete(const sql::DeleteStmt& s) {
    With(s.with.get());
    for (const auto& f : s.using_items) From(f);
    Root(s.where.get(), Clause::kWhere);
    for (const auto& t : s.returning) Root(t.expr.get(), Clause::kReturning);
  }

  void Column(const sql::ColumnDef& c) {
    Root(c.default_expr.get(), Clause::kDdl);
    Root(c.generated.get(), Clause::kDdl);
    for (const auto& k : c.constraints) Root(k.check.get(), Clause::kDdl);
  }

  void CreateTable(const sql::CreateTableStmt& s) {
    for (const auto& c : s.columns) Column(c);
    for (const auto& k : s.constraints) Root(k.check.get(), Clause::kDdl);
  }

  void CreateIndex(const sql::CreateIndexStmt& s) {
    for (const auto& k : s.keys) Root(k.expr.get(), Clause::kDdl);
    Root(s.where.get(), Clause::kDdl);
  }

  void AlterTable(const sql::AlterTableStmt& s) {
    for (const auto& cmd : s.commands) {
      if (cmd.column_def) Column(*cmd.column_def);
      if (cmd.constraint) Root(cmd.constraint->check.get(), Clause::kDdl);
      Root(cmd.expr.get(), Clause::kDdl);
    }
  }

  AstVisitor& v_;
};

}  // namespace

void Walk(const sql::Statement& statement, AstVisitor& visitor) { Walker(visitor).Stmt(statement); }
void WalkSelect(const sql::SelectStmt& select, AstVisitor& visitor) {
  Walker(visitor).Select(select);
}
void WalkExpr(const sql::Expr& expr, Clause clause, AstVisitor& visitor) {
  Walker(visitor).Expression(expr, clause, true);
}

const sql::Expr& StripCasts(const sql::Expr& expr) {
  const Expr* e = &expr;
  while ((e->kind == ExprKind::kCast || e->kind == ExprKind::kCollate) && !e->children.empty() &&
         e->children[0]) {
    e = e->children[0].get();
  }
  return *e;
}

bool MentionsColumn(const sql::Expr& expr) {
  if (expr.kind == ExprKind::kColumnRef) return true;
  for (const auto& c : expr.children)
    if (c && MentionsColumn(*c)) return true;
  return false;
}

std::string FunctionName(const sql::Expr& call) {
  if (call.kind != ExprKind::kFuncCall || call.names.empty()) return {};
  std::string name = call.names.back();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

bool IsComparison(const sql::Expr& expr) {
  if (expr.kind != ExprKind::kOperator || expr.children.size() != 2) return false;
  const std::string& op = expr.text;
  return op == "=" || op == "<>" || op == "!=" || op == "<" || op == "<=" || op == ">" ||
         op == ">=";
}

}  // namespace dbopt::lint
