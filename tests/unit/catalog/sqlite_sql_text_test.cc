#include "dbopt/catalog/sqlite_sql_text.h"

#include <doctest/doctest.h>

namespace dbopt::catalog::sqlite {

TEST_CASE("the tokenizer knows SQLite's four quotes, doubled quotes and comments") {
  Result<std::vector<Token>> tokens =
      Tokenize("a 'it''s' \"x\"\"y\" [b c] `d``e` -- comment\n /* (\n */ 1.5e-3 (");
  REQUIRE(tokens.ok());
  REQUIRE(tokens->size() == 7);
  CHECK((*tokens)[0].kind == Token::Kind::kWord);
  CHECK((*tokens)[1].kind == Token::Kind::kString);
  CHECK((*tokens)[1].value == "it's");
  CHECK((*tokens)[2].kind == Token::Kind::kQuotedName);
  CHECK((*tokens)[2].value == "x\"y");
  CHECK((*tokens)[3].value == "b c");
  CHECK((*tokens)[4].value == "d`e");
  CHECK((*tokens)[5].kind == Token::Kind::kNumber);
  CHECK((*tokens)[5].value == "1.5e-3");
  CHECK((*tokens)[6].IsSymbol('('));
  CHECK((*tokens)[2].begin == 10);
  CHECK((*tokens)[2].end == 16);
}

TEST_CASE("an unterminated quote is an error with its offset") {
  Result<std::vector<Token>> tokens = Tokenize("CREATE TABLE t(a DEFAULT 'x)");
  REQUIRE_FALSE(tokens.ok());
  CHECK(tokens.error().kind == ErrorKind::kBadInput);
  CHECK(tokens.error().message() == "unterminated quote ' at offset 25");
}

TEST_CASE("CREATE TABLE text gives collations, generated expressions and named constraints") {
  Result<TableText> table = ParseCreateTable(
      "CREATE TABLE \"t(1\" (\n"
      "  id INTEGER CONSTRAINT t_pkey PRIMARY KEY AUTOINCREMENT,\n"
      "  name VARCHAR(30, 2) NOT NULL COLLATE NOCASE CONSTRAINT name_ok CHECK (name <> ')'),\n"
      "  total AS (price * (1 + tax)) STORED,\n"
      "  [x y] TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL REFERENCES other (a) ON DELETE "
      "CASCADE,\n"
      "  d DEFAULT (CHECK_VALUE(1)) CONSTRAINT nn NOT NULL CHECK (d > 0),\n"
      "  CONSTRAINT two UNIQUE (name COLLATE BINARY DESC, \"x y\"),\n"
      "  CHECK (total >= 0), -- a comment, with a comma\n"
      "  FOREIGN KEY (d, id) REFERENCES parent\n"
      ") WITHOUT ROWID, STRICT");
  REQUIRE(table.ok());
  REQUIRE(table->columns.size() == 5);
  CHECK(table->columns[0].name == "id");
  CHECK(table->columns[1].collation == "NOCASE");
  CHECK(table->columns[2].generated == "price * (1 + tax)");
  CHECK(table->columns[2].generated_stored);
  CHECK(table->columns[3].name == "x y");
  CHECK(table->columns[3].generated == "upper(name)");
  CHECK_FALSE(table->columns[3].generated_stored);
  CHECK(table->columns[4].generated.empty());
  CHECK(table->without_rowid);
  CHECK(table->strict);

  using Kind = ConstraintText::Kind;
  REQUIRE(table->constraints.size() == 7);
  CHECK(table->constraints[0].kind == Kind::kPrimaryKey);
  CHECK(table->constraints[0].name == "t_pkey");
  CHECK(table->constraints[1].kind == Kind::kCheck);
  CHECK(table->constraints[1].name == "name_ok");
  CHECK(table->constraints[1].expr == "name <> ')'");
  CHECK(table->constraints[2].kind == Kind::kForeignKey);
  CHECK(table->constraints[2].columns == std::vector<std::string>{"x y"});
  CHECK(table->constraints[2].ref_table == "other");
  CHECK(table->constraints[2].ref_columns == std::vector<std::string>{"a"});
  CHECK(table->constraints[3].kind == Kind::kCheck);
  CHECK(table->constraints[3].name.empty());  // "nn" names the NOT NULL, not the CHECK
  CHECK(table->constraints[3].expr == "d > 0");
  CHECK(table->constraints[4].kind == Kind::kUnique);
  CHECK(table->constraints[4].name == "two");
  CHECK(table->constraints[4].columns == std::vector<std::string>{"name", "x y"});
  CHECK(table->constraints[5].expr == "total >= 0");
  CHECK(table->constraints[6].kind == Kind::kForeignKey);
  CHECK(table->constraints[6].columns == std::vector<std::string>{"d", "id"});
  CHECK(table->constraints[6].ref_table == "parent");
  CHECK(table->constraints[6].ref_columns.empty());
}

TEST_CASE("CREATE TABLE text without a column list is an error") {
  Result<TableText> table = ParseCreateTable("CREATE TABLE t AS SELECT 1");
  REQUIRE_FALSE(table.ok());
  CHECK(table.error().message() == "cannot read the CREATE TABLE text: no column list");
}

TEST_CASE("CREATE INDEX text gives key expressions and the partial-index predicate") {
  Result<IndexText> index = ParseCreateIndex(
      "CREATE UNIQUE INDEX \"on\" ON t (lower(a) COLLATE NOCASE DESC, (b + 1), c ASC) "
      "WHERE a IN ('WHERE', ')') /* done */");
  REQUIRE(index.ok());
  CHECK(index->keys == std::vector<std::string>{"lower(a)", "(b + 1)", "c"});
  REQUIRE(index->predicate.has_value());
  CHECK(*index->predicate == "a IN ('WHERE', ')')");

  Result<IndexText> full = ParseCreateIndex("CREATE INDEX i ON t(a)");
  REQUIRE(full.ok());
  CHECK_FALSE(full->predicate.has_value());

  Result<IndexText> broken = ParseCreateIndex("CREATE INDEX i ON t(a) garbage");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().message() ==
        "cannot read the CREATE INDEX text: unexpected \"garbage\" after the key list");
}

}  // namespace dbopt::catalog::sqlite
