// Helpers for the sql module's unit tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "dbopt/sql/parser.h"
#include "dbopt/sql/to_sql.h"

namespace dbopt::sql::testing {

// Parses one statement; fails the test (and returns an empty Other statement) on error.
inline Statement ParseOne(const std::string& sql) {
  Result<Statement> r = ParseStatement(sql);
  if (!r.ok()) {
    FAIL_CHECK("parse failed: " << r.error().Render());
    return Statement();
  }
  return std::move(r).value();
}

// The SELECT of `SELECT <expr>`'s first target.
struct ParsedExpr {
  Statement statement;
  const Expr& expr() const { return *statement.select->targets.at(0).expr; }
};

inline ParsedExpr ParseExpr(const std::string& expr) {
  ParsedExpr out{ParseOne("SELECT " + expr)};
  REQUIRE(out.statement.kind == StatementKind::kSelect);
  REQUIRE(out.statement.select->targets.size() >= 1);
  return out;
}

// ToSql of `SELECT <expr>`'s first target.
inline std::string ExprSql(const std::string& expr) { return ToSql(ParseExpr(expr).expr()); }

}  // namespace dbopt::sql::testing
