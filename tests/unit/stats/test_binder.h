// A small binder for the stats tests: turns `SELECT ... FROM t1 [a], t2 [b] WHERE ... GROUP BY
// ...` into bound expressions the way PostgreSQL's parser would for the constructs the tests use
// (columns, literals coerced to the column's type, casts, comparison and pattern operators,
// AND/OR/NOT, IN / NOT IN lists as = ANY / <> ALL of an array constant, BETWEEN, IS [NOT] NULL,
// IS [NOT] TRUE/FALSE). It stands in for bind::Bind, which the stats module must not depend on
// for its tests; anything else throws std::runtime_error.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "dbopt/base/source_text.h"
#include "dbopt/bind/binder.h"
#include "dbopt/bind/bound_expr.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/sql/parser.h"
#include "dbopt/sql/type_name.h"

namespace dbopt::stats::testing {

struct TestQuery {
  std::shared_ptr<bind::Query> bound;         // set when bind::Bind produced the clauses
  std::vector<const catalog::Table*> tables;  // rtindex i + 1
  std::vector<std::string> aliases;
  std::vector<bind::BoundExprPtr> where;  // the WHERE clause as implicitly ANDed conjuncts
  std::vector<bind::BoundExprPtr> group_by;
};

inline void FlattenAnd(bind::BoundExprPtr e, std::vector<bind::BoundExprPtr>* out);

// The same shape through the real binder (bind::Bind): base tables of the FROM list, the WHERE
// conjuncts and the GROUP BY expressions, copied out of the Query.
inline TestQuery BindWithBinder(const catalog::Catalog& catalog, const std::string& sql) {
  SourceText source("<case>", sql);
  Result<sql::Statement> st = sql::ParseStatement(sql);
  if (!st.ok()) throw std::runtime_error("cannot parse " + sql);
  Result<std::shared_ptr<bind::Query>> q = bind::Bind(catalog, *st, source);
  if (!q.ok()) throw std::runtime_error("bind: " + q.error().message());
  TestQuery out;
  out.bound = *q;
  for (const bind::RangeTblEntry& rte : out.bound->rtable) {
    if (rte.kind != bind::RteKind::kRelation || !rte.table) {
      throw std::runtime_error("bind: only base tables are supported here");
    }
    out.tables.push_back(rte.table);
    out.aliases.push_back(rte.alias);
  }
  if (out.bound->jointree.quals) FlattenAnd(bind::Clone(*out.bound->jointree.quals), &out.where);
  for (const bind::SortGroupClause& g : out.bound->group_by) {
    const bind::TargetEntry* te = out.bound->FindSortGroupTarget(g.tle_ref);
    if (!te) throw std::runtime_error("bind: GROUP BY target");
    out.group_by.push_back(bind::Clone(*te->expr));
  }
  return out;
}

class TestBinder {
 public:
  TestBinder(const catalog::Catalog& catalog, TestQuery* query) : catalog_(catalog), q_(*query) {}

  bind::BoundExprPtr Bind(const sql::Expr& e) {
    using sql::ExprKind;
    switch (e.kind) {
      case ExprKind::kColumnRef:
        return Column(e);
      case ExprKind::kConst:
        return Literal(e);
      case ExprKind::kCast: {
        bind::BoundExprPtr inner = Bind(*e.children[0]);
        bind::Type type = TypeOf(*e.type);
        if (inner->kind == bind::BoundKind::kConst) {
          inner->type = type;
          return inner;
        }
        auto cast = std::make_unique<bind::BoundExpr>(bind::BoundKind::kCast);
        cast->type = type;
        cast->args.push_back(std::move(inner));
        return cast;
      }
      case ExprKind::kOperator:
        return Operator(e);
      case ExprKind::kAnd:
      case ExprKind::kOr:
      case ExprKind::kNot: {
        std::vector<bind::BoundExprPtr> args;
        for (const sql::ExprPtr& c : e.children) args.push_back(Bind(*c));
        bind::BoundKind k = e.kind == ExprKind::kAnd  ? bind::BoundKind::kAnd
                            : e.kind == ExprKind::kOr ? bind::BoundKind::kOr
                                                      : bind::BoundKind::kNot;
        return bind::MakeBool(k, std::move(args));
      }
      case ExprKind::kIn:
        return InList(e);
      case ExprKind::kBetween: {
        bind::BoundExprPtr lo = Compare(e.negated ? "<" : ">=", *e.children[0], *e.children[1]);
        bind::BoundExprPtr hi = Compare(e.negated ? ">" : "<=", *e.children[0], *e.children[2]);
        std::vector<bind::BoundExprPtr> args;
        args.push_back(std::move(lo));
        args.push_back(std::move(hi));
        return bind::MakeBool(e.negated ? bind::BoundKind::kOr : bind::BoundKind::kAnd,
                              std::move(args));
      }
      case ExprKind::kLike:
      case ExprKind::kILike: {
        bool ilike = e.kind == ExprKind::kILike;
        std::string op = e.negated ? (ilike ? "!~~*" : "!~~") : (ilike ? "~~*" : "~~");
        bind::BoundExprPtr out = Compare(op, *e.children[0], *e.children[1]);
        out->args[1]->type = bind::MakeType(bind::TypeId::kText);
        return out;
      }
      case ExprKind::kNullTest: {
        auto out = std::make_unique<bind::BoundExpr>(bind::BoundKind::kNullTest);
        out->type = bind::MakeType(bind::TypeId::kBool);
        out->negated = e.negated;
        out->args.push_back(Bind(*e.children[0]));
        return out;
      }
      case ExprKind::kBoolTest: {
        auto out = std::make_unique<bind::BoundExpr>(bind::BoundKind::kBoolTest);
        out->type = bind::MakeType(bind::TypeId::kBool);
        out->bool_test = static_cast<bind::BoolTestKind>(static_cast<int>(e.bool_test));
        out->args.push_back(Bind(*e.children[0]));
        return out;
      }
      default:
        throw std::runtime_error("test binder: unsupported expression");
    }
  }

 private:
  static bind::Type TypeOf(const sql::TypeName& t) {
    return bind::ParseTypeText(sql::FormatType(t));
  }

  bind::BoundExprPtr Column(const sql::Expr& e) {
    const std::string& col = e.names.back();
    for (size_t i = 0; i < q_.tables.size(); ++i) {
      if (e.names.size() == 2 && e.names[0] != q_.aliases[i]) continue;
      const catalog::Table& t = *q_.tables[i];
      for (size_t a = 0; a < t.columns.size(); ++a) {
        if (t.columns[a].name == col) {
          return bind::MakeVar(static_cast<int>(i) + 1, static_cast<int>(a) + 1,
                               bind::ParseTypeText(t.columns[a].type), col);
        }
      }
    }
    throw std::runtime_error("test binder: unknown column " + col);
  }

  static bind::BoundExprPtr Literal(const sql::Expr& e) {
    using sql::ConstKind;
    switch (e.const_kind) {
      case ConstKind::kInteger:
        return bind::MakeConst(
            bind::MakeType(e.text.size() > 9 ? bind::TypeId::kInt8 : bind::TypeId::kInt4), e.text);
      case ConstKind::kNumeric:
        return bind::MakeConst(bind::MakeType(bind::TypeId::kNumeric), e.text);
      case ConstKind::kBool:
        return bind::MakeConst(bind::MakeType(bind::TypeId::kBool),
                               e.text == "true" || e.text == "t" ? "t" : "f");
      case ConstKind::kNull:
        return bind::MakeConst(bind::MakeType(bind::TypeId::kUnknown), "", true);
      default:
        return bind::MakeConst(bind::MakeType(bind::TypeId::kUnknown), e.text);
    }
  }

  static bool IsInteger(bind::TypeId t) {
    return t == bind::TypeId::kInt2 || t == bind::TypeId::kInt4 || t == bind::TypeId::kInt8;
  }

  // The parser's operand coercion: an unknown literal takes the other side's type; an integer
  // literal next to a numeric column does too; a column of an integer type compared with a
  // numeric literal is cast to numeric (a function call: no statistics).
  static void Coerce(bind::BoundExprPtr& a, bind::BoundExprPtr& b) {
    for (int pass = 0; pass < 2; ++pass) {
      bind::BoundExprPtr& c = pass == 0 ? b : a;
      bind::BoundExprPtr& other = pass == 0 ? a : b;
      if (c->kind != bind::BoundKind::kConst) continue;
      bind::TypeId ct = c->type.id;
      bind::TypeId ot = other->type.id;
      if (ct == bind::TypeId::kUnknown) {
        c->type = other->type;
      } else if (IsInteger(ct) && !IsInteger(ot)) {
        c->type = other->type;
      } else if (ct == bind::TypeId::kNumeric && IsInteger(ot)) {
        auto cast = std::make_unique<bind::BoundExpr>(bind::BoundKind::kCast);
        cast->type = c->type;
        cast->args.push_back(std::move(other));
        other = std::move(cast);
      }
    }
  }

  bind::BoundExprPtr Compare(const std::string& op, const sql::Expr& l, const sql::Expr& r) {
    bind::BoundExprPtr a = Bind(l);
    bind::BoundExprPtr b = Bind(r);
    Coerce(a, b);
    bind::OpClass op_class = bind::ClassifyOperator(op);
    bind::Type result =
        op_class == bind::OpClass::kArith ? a->type : bind::MakeType(bind::TypeId::kBool);
    return bind::MakeOp(op, op_class, result, std::move(a), std::move(b));
  }

  bind::BoundExprPtr Operator(const sql::Expr& e) {
    std::string op = e.text == "!=" ? "<>" : e.text;
    if (e.children.size() == 1 && op == "-") {
      bind::BoundExprPtr c = Bind(*e.children[0]);
      if (c->kind != bind::BoundKind::kConst) throw std::runtime_error("test binder: unary -");
      c->value = "-" + c->value;
      return c;
    }
    if (e.children.size() != 2) throw std::runtime_error("test binder: operator " + op);
    return Compare(op, *e.children[0], *e.children[1]);
  }

  // x IN (c1, c2) -> x = ANY ('{c1,c2}'); NOT IN -> x <> ALL (...).
  bind::BoundExprPtr InList(const sql::Expr& e) {
    bind::BoundExprPtr x = Bind(*e.children[0]);
    std::string array = "{";
    for (size_t i = 1; i < e.children.size(); ++i) {
      bind::BoundExprPtr c = Bind(*e.children[i]);
      if (c->kind != bind::BoundKind::kConst) throw std::runtime_error("test binder: IN list");
      if (i > 1) array += ",";
      array += c->is_null ? "NULL" : "\"" + c->value + "\"";
    }
    array += "}";
    bind::Type type = x->type;
    type.array = true;
    auto saop = std::make_unique<bind::BoundExpr>(bind::BoundKind::kScalarArrayOp);
    saop->type = bind::MakeType(bind::TypeId::kBool);
    saop->name = e.negated ? "<>" : "=";
    saop->op_class = e.negated ? bind::OpClass::kNe : bind::OpClass::kEq;
    saop->use_or = !e.negated;
    saop->args.push_back(std::move(x));
    saop->args.push_back(bind::MakeConst(type, array));
    return saop;
  }

  const catalog::Catalog& catalog_;
  TestQuery& q_;
};

inline void FlattenAnd(bind::BoundExprPtr e, std::vector<bind::BoundExprPtr>* out) {
  if (e->kind == bind::BoundKind::kAnd) {
    for (bind::BoundExprPtr& a : e->args) FlattenAnd(std::move(a), out);
    return;
  }
  out->push_back(std::move(e));
}

// Binds a SELECT of the supported shape against catalog.
inline TestQuery BindSelect(const catalog::Catalog& catalog, const std::string& sql) {
  Result<sql::Statement> st = sql::ParseStatement(sql);
  if (!st.ok() || !st->select) throw std::runtime_error("test binder: cannot parse " + sql);
  const sql::SelectStmt& s = *st->select;
  TestQuery q;
  for (const sql::FromItem& f : s.from) {
    if (f.kind != sql::FromKind::kTable) throw std::runtime_error("test binder: FROM item");
    const catalog::Table* t = catalog.FindTable(f.table.name);
    if (!t) throw std::runtime_error("test binder: unknown table " + f.table.name);
    q.tables.push_back(t);
    q.aliases.push_back(f.alias.name.empty() ? f.table.name : f.alias.name);
  }
  TestBinder binder(catalog, &q);
  if (s.where) FlattenAnd(binder.Bind(*s.where), &q.where);
  for (const sql::ExprPtr& g : s.group_by) q.group_by.push_back(binder.Bind(*g));
  return q;
}

}  // namespace dbopt::stats::testing
