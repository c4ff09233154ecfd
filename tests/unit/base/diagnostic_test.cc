#include "dbopt/base/diagnostic.h"

#include <doctest/doctest.h>

#include "dbopt/base/did_you_mean.h"
#include "dbopt/base/source_text.h"

namespace dbopt {

TEST_CASE("a diagnostic renders file:line:col, the line and a caret under the column") {
  SourceText text("queries.sql", "select 1;\nSELECT * FORM orders;\n");
  const Diagnostic d = text.DiagnosticAt(19, "syntax error at or near \"FORM\"");
  CHECK(d.line == 2);
  CHECK(d.column == 10);
  CHECK(d.Render() ==
        "queries.sql:2:10: error: syntax error at or near \"FORM\"\n"
        " 2 | SELECT * FORM orders;\n"
        "   |          ^\n");
}

TEST_CASE("columns count UTF-8 characters and the caret keeps tabs") {
  SourceText text("f.sql", "\tSELECT 'é', x");
  const size_t offset = text.text().find('x');
  const Diagnostic d = text.DiagnosticAt(offset, "here", Severity::kWarning, "did you mean \"y\"?");
  CHECK(d.column == 14);
  CHECK(d.Render() ==
        "f.sql:1:14: warning: here\n"
        " 1 | \tSELECT 'é', x\n"
        "   | \t            ^\n"
        "hint: did you mean \"y\"?\n");
}

TEST_CASE("a diagnostic without a location is just the message") {
  Diagnostic d;
  d.message = "cannot connect";
  CHECK(d.Render() == "error: cannot connect\n");
}

TEST_CASE("offsets past the end clamp to the last position") {
  SourceText text("f.sql", "ab\ncd");
  CHECK(text.Locate(100).line == 2);
  CHECK(text.Locate(100).column == 3);
  CHECK(text.Line(2) == "cd");
  CHECK(text.Line(3).empty());
}

TEST_CASE("did you mean picks the closest name within the distance limit") {
  const std::vector<std::string> tables = {"customer", "orders", "lineitem"};
  CHECK(DidYouMean("ordrs", tables) == std::optional<std::string>("orders"));
  CHECK(DidYouMean("ORDERS", tables) == std::optional<std::string>("orders"));
  CHECK_FALSE(DidYouMean("supplier", tables).has_value());
  CHECK(EditDistance("kitten", "sitting", 5) == 3);
  CHECK(EditDistance("kitten", "sitting", 1) == 2);
}

}  // namespace dbopt
