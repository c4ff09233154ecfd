// .dbopt.toml: the TOML subset reader, the config keys, their errors (file:line:col + caret +
// did-you-mean) and glob excludes.
#include <doctest/doctest.h>

#include "dbopt/lint/config.h"
#include "dbopt/lint/toml.h"

namespace dbopt::lint {
namespace {

Result<Config> Parse(const std::string& text) {
  return ParseConfig(SourceText("cfg/.dbopt.toml", text));
}

TEST_CASE("toml subset: tables, strings, numbers, booleans, arrays, comments") {
  Result<TomlDocument> doc = ParseToml(SourceText("t.toml",
                                                  "a = \"x\\\"y\"  # comment\n"
                                                  "b = 'lit\\eral'\n"
                                                  "[one.\"two\"]\n"
                                                  "n = 1_000\nf = 2.5e1\nyes = true\n"
                                                  "list = [\n  \"a\", # first\n  'b',\n]\n"));
  REQUIRE(doc.ok());
  REQUIRE(doc->tables.size() == 2);
  CHECK(doc->tables[0].entries[0].value.string == "x\"y");
  CHECK(doc->tables[0].entries[1].value.string == "lit\\eral");
  CHECK(doc->tables[1].name == std::vector<std::string>{"one", "two"});
  CHECK(doc->tables[1].entries[0].value.integer == 1000);
  CHECK(doc->tables[1].entries[1].value.number == 25.0);
  CHECK(doc->tables[1].entries[2].value.boolean);
  CHECK(doc->tables[1].entries[3].value.array == std::vector<std::string>{"a", "b"});
}

TEST_CASE("toml errors carry file:line:col and a caret") {
  Result<TomlDocument> doc = ParseToml(SourceText("t.toml", "a = 1\nb = \"open\n"));
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().Render() ==
        "t.toml:2:5: error: unterminated string\n 2 | b = \"open\n   |     ^\n");
  CHECK(ParseToml(SourceText("t.toml", "a = 1\na = 2\n")).error().message() ==
        "key \"a\" defined twice");
  CHECK(ParseToml(SourceText("t.toml", "a = 1 2\n")).error().message() ==
        "expected a new line after the value");
  CHECK(ParseToml(SourceText("t.toml", "[[x]]\n")).error().message() ==
        "not supported: arrays of tables ([[...]])");
}

TEST_CASE("config: levels, off, thresholds, excludes, catalog, fail_on") {
  Result<Config> config = Parse(
      "catalog = \"shop.json\"\nfail_on = \"warning\"\nexclude = [\"vendor/**\", \"*.gen.sql\"]\n"
      "[rules]\nselect-star = \"off\"\nDB101 = \"warning\"\n"
      "[rules.large-offset]\nlevel = \"error\"\nthreshold = 5000\n");
  REQUIRE(config.ok());
  CHECK(config->ForRule("DB102")->off);
  CHECK(*config->ForRule("DB101")->level == Level::kWarning);
  CHECK(*config->ForRule("DB109")->level == Level::kError);
  CHECK(config->ForRule("DB109")->settings.Number("threshold", 0) == 5000);
  CHECK(*config->fail_on == Level::kWarning);
  CHECK(config->CatalogSource() == "cfg/shop.json");
  CHECK(config->Excludes("cfg/vendor/a/b.sql"));
  CHECK(config->Excludes("cfg/x.gen.sql"));
  CHECK_FALSE(config->Excludes("cfg/sub/x.gen.sql"));
  CHECK_FALSE(config->Excludes("cfg/app/q.sql"));
}

TEST_CASE("config errors name the place and suggest") {
  Result<Config> bad_rule = Parse("[rules]\nselect-stra = \"off\"\n");
  REQUIRE_FALSE(bad_rule.ok());
  CHECK(bad_rule.error().Render() ==
        "cfg/.dbopt.toml:2:1: error: unknown rule \"select-stra\"\n"
        " 2 | select-stra = \"off\"\n   | ^\nhint: did you mean \"select-star\"?\n");
  CHECK(Parse("[rules]\nDB101 = \"fatal\"\n").error().message() ==
        "unknown level \"fatal\" (expected error, warning, info, off)");
  CHECK(Parse("catalogue = \"x\"\n").error().diagnostic.hint == "did you mean \"catalog\"?");
  CHECK(Parse("[rules.large-offset]\nthreshold = \"big\"\n").error().message() ==
        "expected float, got string");
  CHECK(Parse("[checks]\n").error().message() ==
        "unknown table [checks] (expected [rules] or [rules.RULE])");
}

TEST_CASE("glob matching") {
  CHECK(GlobMatch("**/*.sql", "a/b/c.sql"));
  CHECK(GlobMatch("**/*.sql", "c.sql"));
  CHECK(GlobMatch("a/*/c.sql", "a/b/c.sql"));
  CHECK_FALSE(GlobMatch("a/*/c.sql", "a/b/x/c.sql"));
  CHECK(GlobMatch("a/**", "a/b/x/c.sql"));
  CHECK(GlobMatch("q?.sql", "q1.sql"));
  CHECK_FALSE(GlobMatch("*.sql", "dir/q.sql"));
}

}  // namespace
}  // namespace dbopt::lint
