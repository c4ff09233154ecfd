// How one statement uses the columns of each table it reads: the raw material of index
// candidates. Collected from the bound query at every level (subqueries in FROM, SubLinks, CTEs),
// one TableUsage per range-table entry of a base table, in range-table order.
//
// A WHERE/ON conjunct `col OP x` where x holds no column of the same query level (a constant, a
// $n parameter, an outer reference of a correlated subquery) is an equality (=, IN (...),
// = ANY(...), IS NULL, a bare boolean column) or a range (<, <=, >, >=, BETWEEN) use; `a.col =
// b.col` between two relations is a join use of both. `f(col) OP x` with an immutable f is an
// expression use. The arms of an OR are "or" uses (each can serve a BitmapOr).
#pragma once

#include <string>
#include <vector>

#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"

namespace dbopt::advisor {

struct SortColumn {
  std::string column;
  bool descending = false;
};

// `f(col) OP x`: the expression as an index key would spell it (`lower(email)`).
struct ExpressionUse {
  std::string expression;  // SQL text over the bare column name
  std::string column;      // the column inside
  bool equality = false;   // = / IN; otherwise a range
};

// `col = constant` (not a parameter): what a partial index's WHERE could say.
struct ConstantPredicate {
  std::string column;
  std::string predicate;             // SQL text: status = 'pending'
  const bind::BoundExpr* clause{};   // the bound conjunct, for its selectivity
  int rtindex = 0;                   // the range-table entry it restricts, in `query`
  const bind::Query* query{};        // the query level holding it
};

struct TableUsage {
  const catalog::Table* table = nullptr;
  // Each list holds a column once, in the order of first appearance.
  std::vector<std::string> equality;
  std::vector<std::string> range;
  std::vector<std::string> join;
  std::vector<std::string> or_arms;
  std::vector<SortColumn> order;  // ORDER BY when every key is a column of this entry
  std::vector<std::string> group;  // GROUP BY / DISTINCT columns of this entry
  std::vector<std::string> referenced;  // every column the statement reads, anywhere
  std::vector<ExpressionUse> expressions;
  std::vector<ConstantPredicate> constants;
  // UPDATE/INSERT/DELETE target: the columns SET assigns (UPDATE), and which command.
  bool is_target = false;
  bind::CommandType command = bind::CommandType::kSelect;
  std::vector<std::string> updated;
};

// The usages of every base-table entry of the statement, its subqueries included.
std::vector<TableUsage> CollectColumnUsage(const bind::Query& query);

}  // namespace dbopt::advisor
