#include "dbopt/bind/bound_expr.h"

#include <doctest/doctest.h>

#include <memory>
#include <utility>
#include <vector>

#include "dbopt/bind/query.h"

namespace dbopt::bind {
namespace {

BoundExprPtr IntVar(int varno, int attno, int levelsup = 0) {
  BoundExprPtr v = MakeVar(varno, attno, MakeType(TypeId::kInt4), "c");
  v->levelsup = levelsup;
  return v;
}

BoundExprPtr IntConst(const char* value) { return MakeConst(MakeType(TypeId::kInt4), value); }

BoundExprPtr Eq(BoundExprPtr a, BoundExprPtr b) {
  return MakeOp("=", OpClass::kEq, MakeType(TypeId::kBool), std::move(a), std::move(b));
}

BoundExprPtr Func(const char* name, Volatility v, std::vector<BoundExprPtr> args) {
  auto f = std::make_unique<BoundExpr>(BoundKind::kFunc);
  f->name = name;
  f->volatility = v;
  f->type = MakeType(TypeId::kFloat8);
  f->args = std::move(args);
  return f;
}

}  // namespace

TEST_CASE("Clone copies deeply and Equal ignores locations") {
  std::vector<BoundExprPtr> conj;
  conj.push_back(Eq(IntVar(1, 2), IntConst("5")));
  conj.push_back(Eq(IntVar(2, 1), IntVar(1, 1)));
  BoundExprPtr a = MakeBool(BoundKind::kAnd, std::move(conj));
  a->args[0]->location = 17;
  BoundExprPtr b = Clone(*a);
  CHECK(b->args[0]->location == 17);
  b->args[0]->location = 3;
  CHECK(Equal(*a, *b));
  b->args[0]->args[1]->value = "6";
  CHECK_FALSE(Equal(*a, *b));
  CHECK(a->args[0]->args[1]->value == "5");
  CHECK_FALSE(Equal(*IntVar(1, 2), *IntVar(1, 3)));
  CHECK_FALSE(Equal(*IntVar(1, 2), *IntVar(1, 2, 1)));
  CHECK_FALSE(Equal(*IntConst("5"), *MakeConst(MakeType(TypeId::kInt8), "5")));
}

TEST_CASE("Clone and Equal cover aggregate FILTER and ORDER BY") {
  auto agg = std::make_unique<BoundExpr>(BoundKind::kAggref);
  agg->name = "sum";
  agg->args.push_back(IntVar(1, 1));
  agg->agg_filter = Eq(IntVar(1, 2), IntConst("1"));
  agg->agg_order.push_back(IntVar(1, 3));
  BoundExprPtr copy = Clone(*agg);
  CHECK(Equal(*agg, *copy));
  copy->agg_filter->args[1]->value = "2";
  CHECK_FALSE(Equal(*agg, *copy));
  CHECK(ContainsAggregate(*agg));
  CHECK_FALSE(ContainsAggregate(*agg->args[0]));
}

TEST_CASE("VarNos collects this level's range-table indexes, including from sub-queries") {
  std::vector<BoundExprPtr> conj;
  conj.push_back(Eq(IntVar(3, 1), IntVar(1, 1)));
  conj.push_back(Eq(IntVar(3, 2), IntVar(2, 1, 1)));  // an outer reference: not this level
  BoundExprPtr e = MakeBool(BoundKind::kAnd, std::move(conj));
  CHECK(VarNos(*e) == std::vector<int>{1, 3});

  // EXISTS (SELECT 1 FROM b WHERE b.x = a.y): the sub-query's levelsup-1 Var is ours.
  auto sub = std::make_shared<Query>();
  sub->jointree.kind = JoinNode::Kind::kFromList;
  sub->jointree.quals = Eq(IntVar(1, 1), IntVar(4, 2, 1));
  auto link = std::make_unique<BoundExpr>(BoundKind::kSubLink);
  link->sublink_type = SubLinkType::kExists;
  link->subquery = sub;
  CHECK(VarNos(*link) == std::vector<int>{4});
  CHECK(ContainsSubLink(*link));
  CHECK_FALSE(ContainsSubLink(*e));
}

TEST_CASE("ContainsVolatile finds volatile functions, also in sub-queries") {
  std::vector<BoundExprPtr> none;
  BoundExprPtr random = Func("random", Volatility::kVolatile, std::move(none));
  CHECK(ContainsVolatile(*Eq(IntVar(1, 1), std::move(random))));
  std::vector<BoundExprPtr> args;
  args.push_back(IntVar(1, 1));
  CHECK_FALSE(ContainsVolatile(*Func("abs", Volatility::kImmutable, std::move(args))));
  std::vector<BoundExprPtr> none2;
  CHECK_FALSE(ContainsVolatile(*Func("now", Volatility::kStable, std::move(none2))));

  auto sub = std::make_shared<Query>();
  TargetEntry t;
  std::vector<BoundExprPtr> none3;
  t.expr = Func("random", Volatility::kVolatile, std::move(none3));
  sub->targets.push_back(std::move(t));
  auto link = std::make_unique<BoundExpr>(BoundKind::kSubLink);
  link->sublink_type = SubLinkType::kExpr;
  link->subquery = sub;
  CHECK(ContainsVolatile(*link));
}

TEST_CASE("window functions are found at this level") {
  auto w = std::make_unique<BoundExpr>(BoundKind::kWindowFunc);
  w->name = "row_number";
  CHECK(ContainsWindowFunc(*Eq(std::move(w), IntConst("1"))));
  CHECK_FALSE(ContainsWindowFunc(*IntConst("1")));
}

TEST_CASE("commutators, negators and operator classes follow pg_operator") {
  CHECK(CommutatorOf("<") == ">");
  CHECK(CommutatorOf(">=") == "<=");
  CHECK(CommutatorOf("=") == "=");
  CHECK(CommutatorOf("~~").empty());
  CHECK(CommutatorOf("-").empty());
  CHECK(NegatorOf("=") == "<>");
  CHECK(NegatorOf("<") == ">=");
  CHECK(NegatorOf("<=") == ">");
  CHECK(NegatorOf("~~") == "!~~");
  CHECK(NegatorOf("~*") == "!~*");
  CHECK(NegatorOf("+").empty());
  CHECK(ClassifyOperator("=") == OpClass::kEq);
  CHECK(ClassifyOperator("<=") == OpClass::kLe);
  CHECK(ClassifyOperator("~~*") == OpClass::kILike);
  CHECK(ClassifyOperator("!~") == OpClass::kNotRegex);
  CHECK(ClassifyOperator("||") == OpClass::kArith);
  CHECK(ClassifyOperator("@@") == OpClass::kOther);
}

TEST_CASE("a long chain of nested expressions is destroyed without recursion") {
  BoundExprPtr e = IntVar(1, 1);
  for (int i = 0; i < 200000; ++i) {
    e = MakeOp("+", OpClass::kArith, MakeType(TypeId::kInt4), std::move(e), IntConst("1"));
  }
  e.reset();
  CHECK(e == nullptr);
}

}  // namespace dbopt::bind
