// Inline suppressions (next statement, file, noqa line), the comment scanner and baselines.
#include <doctest/doctest.h>

#include "dbopt/lint/baseline.h"
#include "dbopt/lint/linter.h"
#include "dbopt/lint/suppress.h"

namespace dbopt::lint {
namespace {

std::vector<std::string> Ids(const std::string& sql) {
  const Linter linter(nullptr);
  std::vector<std::string> out;
  for (const Finding& f : linter.LintFile(SourceText("s.sql", sql), Config{}))
    out.push_back(f.rule_id + "@" + std::to_string(f.line));
  return out;
}

TEST_CASE("line comments are found outside strings, identifiers, block comments and $$ bodies") {
  const std::vector<LineComment> comments = ScanLineComments(
      "SELECT '--a', \"--b\", E'\\'--c', $$ --d $$, $x$ -- e $x$ /* -- f /* */ */ -- g\n-- h");
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].text == " g");
  CHECK(comments[1].text == " h");
}

TEST_CASE("dbopt-ignore applies to the next statement only") {
  CHECK(Ids("-- dbopt-ignore DB102, limit-without-order-by: reviewed\n"
            "SELECT * FROM t LIMIT 1;\nSELECT * FROM t;\n") == std::vector<std::string>{"DB102@3"});
  CHECK(Ids("-- dbopt-ignore DB101: only this one\nSELECT * FROM t;\nDELETE FROM t;\n") ==
        std::vector<std::string>{"DB102@2", "DB101@3"});
}

TEST_CASE("dbopt-ignore-file, noqa with and without rules, unknown rules are findings") {
  CHECK(
      Ids("SELECT 1;\n-- dbopt-ignore-file select-star: legacy file\nSELECT * FROM t;\n").empty());
  CHECK(Ids("SELECT * FROM t; -- noqa: DB102\nSELECT * FROM t; -- noqa\nSELECT * FROM t;\n") ==
        std::vector<std::string>{"DB102@3"});
  CHECK(Ids("SELECT * FROM t; -- noqa: DB101\n") == std::vector<std::string>{"DB102@1"});
  CHECK(Ids("SELECT 1; -- noqa: DB999\n") == std::vector<std::string>{"DB001@1"});
}

TEST_CASE("baselines match by rule, file and statement fingerprint, not by line") {
  const Linter linter(nullptr);
  const std::vector<Finding> before =
      linter.LintFile(SourceText("q.sql", "SELECT * FROM t;\nSELECT * FROM u;\n"), Config{});
  const Baseline baseline = Baseline::FromFindings(before);
  // Lines moved, literals changed, a new statement added: only the new one remains.
  const std::vector<Finding> after = linter.LintFile(
      SourceText("q.sql", "\n\nSELECT * FROM v;\nSELECT *\n  FROM u;\nSELECT * FROM t;\n"),
      Config{});
  const std::vector<Finding> left = baseline.Filter(after);
  REQUIRE(left.size() == 1);
  CHECK(left[0].line == 3);
  // Another file with the same statement is not covered.
  const std::vector<Finding> other =
      linter.LintFile(SourceText("other.sql", "SELECT * FROM t;\n"), Config{});
  CHECK(baseline.Filter(other).size() == 1);
  CHECK(baseline.ToJson().find("\"format\": \"dbopt-lint-baseline\"") != std::string::npos);
}

}  // namespace
}  // namespace dbopt::lint
