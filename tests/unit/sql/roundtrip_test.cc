// ToSql round trip over the benchmark corpus (1,000+ real-world-shaped statements): the text
// ToSql prints parses back to a tree that prints the same, and has the same fingerprint as the
// original statement (libpg_query's fingerprint covers the whole structure).
#include <doctest/doctest.h>

#include "../../../src/sql/to_sql_internal.h"
#include "dbopt/sql/fingerprint.h"
#include "dbopt/sql/parser.h"
#include "dbopt/sql/to_sql.h"

namespace dbopt::sql {
namespace {

TEST_CASE("ToSql round-trips every query and DML statement of the corpus") {
  Result<SourceText> corpus =
      SourceText::ReadFile(std::string(DBOPT_SOURCE_DIR) + "/bench/corpus/corpus.sql");
  REQUIRE(corpus.ok());
  const ParsedFile file = ParseFile(*corpus);
  REQUIRE(file.ok());
  REQUIRE(file.statements.size() > 1000);
  int checked = 0;
  for (const Statement& s : file.statements) {
    const std::string sql = internal::StatementSql(s);
    if (sql.empty()) continue;  // DDL has no ToSql
    const std::string original = corpus->text().substr(s.begin, s.end - s.begin);
    CAPTURE(original);
    CAPTURE(sql);
    Result<Statement> again = ParseStatement(sql);
    REQUIRE(again.ok());
    CHECK(internal::StatementSql(*again) == sql);
    CHECK(*Fingerprint(sql) == *Fingerprint(original));
    ++checked;
  }
  CHECK(checked > 800);
}

}  // namespace
}  // namespace dbopt::sql
