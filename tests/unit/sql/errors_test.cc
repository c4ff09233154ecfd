// Syntax errors with exact locations, continuation after errors, unsupported constructs,
// deep nesting and very large statements.
#include <doctest/doctest.h>

#include <string>

#include "dbopt/sql/parser.h"
#include "dbopt/sql/to_sql.h"

namespace dbopt::sql {
namespace {

TEST_CASE("a syntax error mid-file: file:line:col, the line, a caret; parsing goes on") {
  const SourceText source("queries.sql",
                          "SELECT 1;\n"
                          "SELECT * FORM orders;\n"
                          "UPDATE t SET a = 1;\n");
  const ParsedFile file = ParseFile(source);
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].Render() ==
        "queries.sql:2:10: error: syntax error at or near \"FORM\"\n"
        " 2 | SELECT * FORM orders;\n"
        "   |          ^\n");
  REQUIRE(file.statements.size() == 2);
  CHECK(file.statements[0].kind == StatementKind::kSelect);
  CHECK(file.statements[1].kind == StatementKind::kUpdate);
}

TEST_CASE("error columns count characters, not bytes, after non-ASCII text") {
  const SourceText source("u.sql", "SELECT 'é', \"naïve\" FROM t;\nSELECT 'ü' FORM t;");
  const ParsedFile file = ParseFile(source);
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].line == 2);
  CHECK(file.errors[0].column == 17);  // the "t" after FORM (FORM is read as an alias)
  CHECK(file.errors[0].message == "syntax error at or near \"t\"");
  REQUIRE(file.statements.size() == 1);
  CHECK(file.statements[0].select->targets[1].expr->names == std::vector<std::string>{"naïve"});
}

TEST_CASE("errors at end of input and several errors in one file") {
  const SourceText source("e.sql", "SELECT (1;\nSELECT 2;\nINSERT INTO;\n");
  const ParsedFile file = ParseFile(source);
  REQUIRE(file.errors.size() == 2);
  CHECK(file.errors[0].message == "syntax error at end of input");
  CHECK(file.errors[0].line == 1);
  CHECK(file.errors[0].column == 10);
  CHECK(file.errors[1].message == "syntax error at end of input");
  CHECK(file.errors[1].line == 3);
  CHECK(file.statements.size() == 1);
}

TEST_CASE("ParseStatement: one statement or an error value") {
  CHECK(ParseStatement("SELECT 1").ok());
  Result<Statement> two = ParseStatement("SELECT 1; SELECT 2", "two.sql");
  REQUIRE_FALSE(two.ok());
  CHECK(two.error().message() == "two.sql: expected one statement, found 2");
  Result<Statement> bad = ParseStatement("SELEC 1", "bad.sql");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().diagnostic.file == "bad.sql");
  CHECK(bad.error().message() == "syntax error at or near \"SELEC\"");
}

std::string Chain(int depth) {
  std::string sql = "SELECT ";
  for (int i = 0; i < depth; ++i) sql += "1+";
  return sql + "1";
}

TEST_CASE("an expression nested 1,000 deep parses, prints and is destroyed without trouble") {
  std::string sql = "SELECT ";
  for (int i = 0; i < 1000; ++i) sql += "f(";
  sql += "1";
  for (int i = 0; i < 1000; ++i) sql += ")";
  Result<Statement> nested = ParseStatement(sql);
  REQUIRE(nested.ok());
  CHECK(ToSql(*nested->select->targets[0].expr).size() == 1000 * 3 + 1);
  Result<Statement> chain = ParseStatement(Chain(1000));
  REQUIRE(chain.ok());
  const Expr* e = chain->select->targets[0].expr.get();
  int depth = 0;
  while (e->kind == ExprKind::kOperator) {
    e = e->children[0].get();
    ++depth;
  }
  CHECK(depth == 1000);
}

TEST_CASE("nesting beyond the limit is a clear error, never a crash") {
  const std::string expected = "not supported: nesting deeper than 1500 levels";
  // Deeper than dbopt's limit but within libpg_query's: the transform refuses it.
  Result<Statement> r = ParseStatement(Chain(3000));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message() == expected);
  // Deep enough to overflow libpg_query's stack: refused before it gets there.
  Result<Statement> huge = ParseStatement(Chain(200000));
  REQUIRE_FALSE(huge.ok());
  CHECK(huge.error().message() == expected);
  // Parentheses alone build no nodes: 5,000 parse; 20,000 exceed the estimate's limit.
  Result<Statement> p5 =
      ParseStatement("SELECT " + std::string(5000, '(') + "1" + std::string(5000, ')'));
  REQUIRE(p5.ok());
  CHECK(p5->select->targets[0].expr->text == "1");
  Result<Statement> p =
      ParseStatement("SELECT " + std::string(20000, '(') + "1" + std::string(20000, ')'));
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().message() == expected);
  // Subqueries nested 1,000 deep exceed the limit (two levels each: query and expression).
  std::string sub = "SELECT ";
  for (int i = 0; i < 1000; ++i) sub += "(SELECT ";
  sub += "1" + std::string(1000, ')');
  Result<Statement> s = ParseStatement(sub);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message() == expected);
}

TEST_CASE("a 10 MB statement parses") {
  std::string sql = "INSERT INTO t (a, b, c) VALUES ";
  int rows = 0;
  while (sql.size() < 10 * 1024 * 1024) {
    if (rows > 0) sql += ", ";
    sql += "(" + std::to_string(rows) + ", 'row " + std::to_string(rows) +
           "', now() - interval '1 day')";
    ++rows;
  }
  const ParsedFile file = ParseFile(SourceText("big.sql", sql));
  REQUIRE(file.ok());
  REQUIRE(file.statements.size() == 1);
  REQUIRE(file.statements[0].insert->source->values.size() == static_cast<size_t>(rows));
  CHECK(file.statements[0].insert->source->values.back()[0]->text == std::to_string(rows - 1));
  CHECK(file.statements[0].end == sql.size());
}

TEST_CASE("unsupported constructs are errors naming the construct, located in the file") {
  const SourceText source("x.sql", "SELECT 1;\nSELECT xmlelement(name foo);\nSELECT 3;");
  const ParsedFile file = ParseFile(source);
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].message == "not supported: expression XmlExpr");
  CHECK(file.errors[0].line == 2);
  CHECK(file.statements.size() == 2);
}

}  // namespace
}  // namespace dbopt::sql
