// Splitting files into statements: quotes, comments, dollar quotes, ranges, leading comments.
#include <doctest/doctest.h>

#include "dbopt/sql/parser.h"
#include "dbopt/sql/splitter.h"

namespace dbopt::sql {
namespace {

std::vector<std::string> Texts(const SourceText& source, const SplitResult& split) {
  std::vector<std::string> out;
  for (const StatementSpan& span : split.spans)
    out.push_back(source.text().substr(span.begin, span.end - span.begin));
  return out;
}

TEST_CASE(
    "semicolons inside strings, E'' strings, quoted identifiers, comments and dollar quotes do not "
    "split") {
  const SourceText source(
      "f.sql",
      "SELECT 'a;b';\n"
      "SELECT E'it\\'s;';\n"
      "SELECT \"odd;name\" FROM t /* a /* nested; */ still comment; */;\n"
      "SELECT 1 -- trailing; comment\n;\n"
      "SELECT $$x;y$$, $tag$ $$; $tag$;\n"
      "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n"
      ";;\n"
      "SELECT 'last'");
  const SplitResult split = SplitStatements(source);
  CHECK_FALSE(split.error);
  CHECK(Texts(source, split) ==
        std::vector<std::string>{
            "SELECT 'a;b'", "SELECT E'it\\'s;'",
            "SELECT \"odd;name\" FROM t /* a /* nested; */ still comment; */",
            "SELECT 1 -- trailing; comment", "SELECT $$x;y$$, $tag$ $$; $tag$",
            "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
            "SELECT 'last'"});
}

TEST_CASE("each statement keeps its byte range and the comments before it") {
  const SourceText source("w.sql",
                          "-- dbopt: calls=1200\n"
                          "/* report */ SELECT 1;\n"
                          "\n"
                          "-- dbopt-ignore\n"
                          "  -- second line\n"
                          "SELECT 2;  \n"
                          "SELECT 3");
  const ParsedFile file = ParseFile(source);
  REQUIRE(file.ok());
  REQUIRE(file.statements.size() == 3);
  CHECK(file.statements[0].begin == 34);
  CHECK(file.statements[0].end == 42);
  CHECK(file.statements[0].location == 34);
  CHECK(file.statements[0].leading_comments ==
        std::vector<std::string>{"-- dbopt: calls=1200", "/* report */"});
  CHECK(file.statements[1].leading_comments ==
        std::vector<std::string>{"-- dbopt-ignore", "-- second line"});
  CHECK(source.text().substr(file.statements[1].begin,
                             file.statements[1].end - file.statements[1].begin) == "SELECT 2");
  CHECK(file.statements[2].leading_comments.empty());
  CHECK(source.Locate(file.statements[2].begin).line == 7);
}

TEST_CASE("the slow path (a syntax error elsewhere) gives the same ranges and comments") {
  const SourceText source("w.sql",
                          "-- first\nSELECT 1;\n"
                          "SELEC 2;\n"
                          "/* third */ SELECT 3;");
  const ParsedFile file = ParseFile(source);
  REQUIRE(file.errors.size() == 1);
  REQUIRE(file.statements.size() == 2);
  CHECK(file.statements[0].begin == 9);
  CHECK(file.statements[0].leading_comments == std::vector<std::string>{"-- first"});
  CHECK(file.statements[1].leading_comments == std::vector<std::string>{"/* third */"});
  CHECK(file.statements[1].location == file.statements[1].begin);
  CHECK(source.text().substr(file.statements[1].begin, 8) == "SELECT 3");
}

TEST_CASE("an unterminated string runs to the end; the parser reports it in PostgreSQL's words") {
  const SourceText source("u.sql", "SELECT 1;\nSELECT 2;\nSELECT 'abc; SELECT 4;\n");
  const SplitResult split = SplitStatements(source);
  CHECK_FALSE(split.error);
  CHECK(Texts(source, split) ==
        std::vector<std::string>{"SELECT 1", "SELECT 2", "SELECT 'abc; SELECT 4;"});
  const ParsedFile file = ParseFile(source);
  CHECK(file.statements.size() == 2);
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].Render() ==
        "u.sql:3:8: error: unterminated quoted string at or near \"'abc; SELECT 4;\"\n"
        " 3 | SELECT 'abc; SELECT 4;\n"
        "   |        ^\n");
}

TEST_CASE("statements without keywords and unclosed parentheses are reported, not dropped") {
  const SourceText source("p.sql", "SELEC 1;\nSELECT (1;\nSELECT 2;\nfoo bar");
  const SplitResult split = SplitStatements(source);
  CHECK(Texts(source, split) ==
        std::vector<std::string>{"SELEC 1", "SELECT (1", "SELECT 2", "foo bar"});
  const ParsedFile file = ParseFile(source);
  CHECK(file.statements.size() == 1);
  CHECK(file.errors.size() == 3);
}

TEST_CASE("parentheses and BEGIN ATOMIC bodies keep their semicolons, like psql") {
  const SourceText source(
      "r.sql",
      "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES "
      "(2));\n"
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true "
      "THEN 2 END; END;\n"
      "BEGIN; SELECT 3; END;");
  const SplitResult split = SplitStatements(source);
  REQUIRE(split.spans.size() == 5);
  const ParsedFile file = ParseFile(source);
  CHECK(file.ok());
  CHECK(file.statements.size() == 5);
}

TEST_CASE("a NUL byte ends the text libpg_query can see, with an error") {
  const ParsedFile file = ParseFile(SourceText("n.sql", std::string("SELECT 1;\0SELECT 2;", 20)));
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].message == "unexpected NUL byte: the rest of the file is ignored");
  CHECK(file.statements.size() == 1);
}

TEST_CASE("an unterminated comment after complete statements") {
  const SourceText source("c.sql", "SELECT 1;\nSELECT 2 /* never closed");
  const ParsedFile file = ParseFile(source);
  CHECK(file.statements.size() == 1);
  REQUIRE(file.errors.size() == 1);
  CHECK(file.errors[0].message == "unterminated /* comment at or near \"/* never closed\"");
  CHECK(file.errors[0].line == 2);
  CHECK(file.errors[0].column == 10);
}

TEST_CASE("empty input, blanks and comments only: no statements, no errors") {
  for (const char* text : {"", "   \n\t", "-- only a comment\n", "/* x */ ; ;"}) {
    CAPTURE(text);
    const ParsedFile file = ParseFile(SourceText("e.sql", text));
    CHECK(file.ok());
    CHECK(file.statements.empty());
  }
}

}  // namespace
}  // namespace dbopt::sql
