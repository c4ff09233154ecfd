#include <doctest/doctest.h>

#include <string>

#include "dbopt/sql/literal_scan.h"

namespace dbopt::sql {
namespace {

std::string Shape(std::string_view sql) {
  LiteralScan scan;
  ScanLiterals(sql, &scan);
  std::string out = scan.shape;
  for (char& c : out) c = c == kLiteralMark ? '?' : c;
  return out;
}

std::string Value(std::string_view sql, size_t index) {
  LiteralScan scan;
  ScanLiterals(sql, &scan);
  if (index >= scan.literals.size()) return "<none>";
  std::string value;
  return LiteralValue(sql, scan.literals[index], &value) ? value : "<undecodable>";
}

}  // namespace

TEST_SUITE("sql literal scan") {
  TEST_CASE("numbers and strings become marks; identifiers with digits stay") {
    CHECK(Shape("SELECT * FROM t1 WHERE id = 42 AND s = 'a''b'") ==
          "SELECT * FROM t1 WHERE id = ? AND s = ?");
    CHECK(Shape("select a from t where x in (1, 2.5, .5e3, 1e-3)") ==
          "select a from t where x in (?, ?, ?, ?)");
    CHECK(Value("SELECT 'a''b'", 0) == "a'b");
    CHECK(Value("SELECT 2.5", 0) == "2.5");
  }
  TEST_CASE("blanks fold, comments drop, parameters and quoted identifiers stay") {
    CHECK(Shape("  SELECT\n\t*  FROM t -- 99\n WHERE /* 1 /* 2 */ */ a = $1  ") ==
          "SELECT * FROM t WHERE a = $1");
    CHECK(Shape("SELECT \"col 7\" FROM \"t\"\"9\"") == "SELECT \"col 7\" FROM \"t\"\"9\"");
    CHECK(Shape("SELECT 1 - -2") == "SELECT ? - -?");  // signs are operators
  }
  TEST_CASE("prefixed and dollar-quoted strings") {
    CHECK(Shape("SELECT E'it\\'s', B'0101', X'1F', N'n', U&'d\\0061t', $$a'b$$, $q$x$$y$q$") ==
          "SELECT ?, ?, ?, ?, ?, ?, ?");
    CHECK(Value("SELECT E'it\\'s\\n'", 0) == "it's\n");
    CHECK(Value("SELECT E'\\x41'", 0) == "<undecodable>");
    CHECK(Value("SELECT $q$x$$y$q$", 0) == "x$$y");
    CHECK(Value("SELECT B'0101'", 0) == "0101");
    CHECK(Value("SELECT U&'d\\0061t'", 0) == "<undecodable>");
  }
  TEST_CASE("a typed literal's string is a literal; a $ in an identifier is not a quote") {
    CHECK(Shape("SELECT date '2024-01-02', a$b FROM t") == "SELECT date ?, a$b FROM t");
  }
  TEST_CASE("literal offsets cover the whole token") {
    LiteralScan scan;
    const std::string sql = "UPDATE t SET s = E'x' WHERE id = 7";
    ScanLiterals(sql, &scan);
    REQUIRE(scan.literals.size() == 2);
    CHECK(sql.substr(scan.literals[0].begin, scan.literals[0].end - scan.literals[0].begin) ==
          "E'x'");
    CHECK(scan.literals[0].kind == LiteralKind::kEscapeString);
    CHECK(sql.substr(scan.literals[1].begin) == "7");
  }
  TEST_CASE("unterminated strings and comments end at the end of the text") {
    CHECK(Shape("SELECT 'abc") == "SELECT ?");
    CHECK(Shape("SELECT 1 /* open") == "SELECT ?");
    CHECK(Value("SELECT 'abc", 0) == "<undecodable>");
  }
}

}  // namespace dbopt::sql
