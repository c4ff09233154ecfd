#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "dbopt/catalog/load.h"
#include "full_catalog.h"

namespace dbopt::catalog {

namespace {

Result<Catalog> Load(const std::string& text) {
  return LoadJsonCatalog(SourceText("c.json", text));
}

// The rendered error of loading `text`; "" when it loaded.
std::string LoadError(const std::string& text) {
  Result<Catalog> c = Load(text);
  return c ? "" : c.error().Render();
}

std::string Minimal(const std::string& tables) {
  return R"({"format": "dbopt-catalog", "version": 1, "tables": [)" + tables + "]}";
}

}  // namespace

TEST_CASE("a catalog with every member set survives a JSON round trip exactly") {
  const Catalog original = testing::FullCatalog();
  const std::string json = WriteJsonCatalog(original);
  Result<Catalog> loaded = Load(json);
  REQUIRE_MESSAGE(loaded.ok(), (loaded ? "" : loaded.error().Render()));
  CHECK(loaded->source == original.source);
  CHECK(loaded->settings == original.settings);
  CHECK(loaded->tables == original.tables);
  CHECK(loaded->indexes == original.indexes);
  CHECK(loaded->extended_stats == original.extended_stats);
  CHECK(loaded->warnings == original.warnings);
  CHECK(*loaded == original);
  CHECK(WriteJsonCatalog(*loaded) == json);  // byte-identical the second time
}

TEST_CASE("equality notices a change in any member") {
  const Catalog original = testing::FullCatalog();
  Catalog changed = original;
  changed.tables[0].column_stats["id"].most_common_freqs[3] = 0;
  CHECK(changed != original);
  changed = original;
  changed.indexes[0].keys[1].nulls_first = false;
  CHECK(changed != original);
  changed = original;
  changed.tables[0].columns[0].identity = false;
  CHECK(changed != original);
  changed = original;
  changed.extended_stats[0].dependencies.clear();
  CHECK(changed != original);
}

TEST_CASE("the writer is deterministic, indented, omits defaults and ends with a newline") {
  Catalog c;
  c.source.kind = "ddl";
  c.source.location = "schema.sql";
  Table t;
  t.name = "t";
  t.columns = {Column{"a", "integer", true}};
  c.tables.push_back(t);
  CHECK(WriteJsonCatalog(c) ==
        R"({
  "format": "dbopt-catalog",
  "version": 1,
  "source": {
    "kind": "ddl",
    "location": "schema.sql",
    "server_version_num": 0,
    "server_version": ""
  },
  "settings": {},
  "tables": [
    {
      "schema": "public",
      "name": "t",
      "kind": "table",
      "columns": [
        {
          "name": "a",
          "type": "integer",
          "not_null": true
        }
      ]
    }
  ],
  "indexes": [],
  "extended_stats": [],
  "warnings": []
}
)");
}

TEST_CASE("settings are written in their base unit and read in SET's syntax too") {
  Catalog c;
  REQUIRE(c.settings.Set("work_mem", "64MB"));
  REQUIRE(c.settings.Set("enable_nestloop", "off"));
  REQUIRE(c.settings.Set("random_page_cost", "1.1"));
  REQUIRE(c.settings.Set("plan_cache_mode", "force_custom_plan"));
  const std::string json = WriteJsonCatalog(c);
  CHECK(json.find(R"("settings": {
    "enable_nestloop": false,
    "plan_cache_mode": "force_custom_plan",
    "random_page_cost": 1.1,
    "work_mem": 65536
  })") != std::string::npos);
  Result<Catalog> loaded =
      Load(R"({"format": "dbopt-catalog", "version": 1, "settings": {"work_mem": "64MB",
          "enable_nestloop": "off", "random_page_cost": 1.10, "plan_cache_mode": "FORCE_CUSTOM_PLAN"}})");
  REQUIRE(loaded.ok());
  CHECK(loaded->settings == c.settings);
}

TEST_CASE("a minimal hand-written catalog gets the documented defaults") {
  Result<Catalog> c = Load(Minimal(R"({"name": "t", "columns": [{"name": "a", "type": "int"}],
      "primary_key": ["a"], "stats": {"reltuples": 10, "relpages": 2}})") +
                           "\n");
  REQUIRE(c.ok());
  CHECK(c->source.kind == "json");
  CHECK(c->source.location == "c.json");
  const Table& t = c->tables.at(0);
  CHECK(t.schema == "public");
  CHECK(t.kind == "table");
  CHECK_FALSE(t.columns[0].not_null);
  REQUIRE(t.primary_key.has_value());
  CHECK(t.primary_key->name.empty());
  CHECK(t.primary_key->columns == std::vector<std::string>{"a"});
  CHECK(t.stats->curpages == 2);  // defaults to relpages
  CHECK(t.stats->relallvisible == 0);
}

TEST_CASE("index keys may be given as a list of columns") {
  Result<Catalog> c = Load(R"({"format": "dbopt-catalog", "version": 1,
      "indexes": [{"name": "i", "table": "t", "columns": ["a", "b"]}]})");
  REQUIRE(c.ok());
  REQUIRE(c->indexes[0].keys.size() == 2);
  CHECK(c->indexes[0].keys[1].column == "b");
  CHECK(c->indexes[0].tuples == -1);
  CHECK(c->indexes[0].tree_height == -1);
  CHECK(LoadError(R"({"format": "dbopt-catalog", "version": 1,
      "indexes": [{"name": "i", "table": "t", "columns": ["a"], "keys": []}]})") ==
        "c.json:2:65: error: indexes[0]: give either \"keys\" or \"columns\", not both\n"
        " 2 |       \"indexes\": [{\"name\": \"i\", \"table\": \"t\", \"columns\": [\"a\"], "
        "\"keys\": []}]}\n"
        "   |                                                                 ^\n");
}

TEST_CASE("malformed JSON is reported at its line and column with a caret") {
  CHECK(LoadError("{\"format\": \"dbopt-catalog\",\n  \"version\": 1\n  \"tables\": []}") ==
        "c.json:3:3: error: invalid JSON: expected ',' or '}' after an object member\n"
        " 3 |   \"tables\": []}\n"
        "   |   ^\n");
  CHECK(LoadError("{\"format\": \"dbopt-catalog\", \"version\": 1, \"warnings\": [\"a\",]}") ==
        "c.json:1:59: error: invalid JSON: a trailing comma is not allowed\n"
        " 1 | {\"format\": \"dbopt-catalog\", \"version\": 1, \"warnings\": [\"a\",]}\n"
        "   |                                                           ^\n");
  CHECK(LoadError("{\"format\": \"dbopt\ncatalog\"}") ==
        "c.json:1:18: error: invalid JSON: control character in a string: write it as an escape "
        "(\\n, \\t, \\u0001)\n"
        " 1 | {\"format\": \"dbopt\n"
        "   |                  ^\n");
  CHECK(LoadError("{\"format\": 'x'}")
            .find("c.json:1:12: error: invalid JSON: expected a value, found '''") == 0);
  CHECK(LoadError("{\"version\": 01}")
            .find("c.json:1:14: error: invalid JSON: a number may not start with 0") == 0);
  CHECK(LoadError("{\"format\": \"dbopt-catalog\", \"version\": 1} x")
            .find("c.json:1:43: error: invalid JSON: unexpected content after the end of the "
                  "document") == 0);
  CHECK(LoadError("{\"format\": \"\\x\"}").find("invalid JSON: invalid escape '\\x' in a string") !=
        std::string::npos);
  CHECK(LoadError("{\"format\": \"\xC3\x28\"}")
            .find("c.json:1:13: error: invalid JSON: invalid UTF-8") == 0);
  CHECK(LoadError("{\"format\": \"\\ud800\"}").find("a high surrogate must be followed") !=
        std::string::npos);
  CHECK(LoadError("{\"format\": \"dbopt-catalog\"") ==
        "c.json:1:27: error: invalid JSON: expected ',' or '}' after an object member\n"
        " 1 | {\"format\": \"dbopt-catalog\"\n"
        "   |                           ^\n");
  CHECK(LoadError("  \n") == "c.json:2:1: error: empty file: expected a JSON catalog\n");
}

TEST_CASE("format and version are checked with clear messages") {
  CHECK(LoadError(R"({"format": "dbopt-catalog", "version": 2})") ==
        "c.json:1:40: error: version: unsupported catalog version 2: this dbopt reads version 1\n"
        " 1 | {\"format\": \"dbopt-catalog\", \"version\": 2}\n"
        "   |                                        ^\n"
        "hint: the file was written by a newer dbopt\n");
  CHECK(LoadError(R"({"format": "pev2", "version": 1})")
            .find("c.json:1:12: error: format: this is not a dbopt catalog: expected "
                  "\"dbopt-catalog\", found \"pev2\"") == 0);
  CHECK(LoadError(R"({"version": 1, "tables": []})")
            .find("c.json:1:1: error: missing required key \"format\"") == 0);
  CHECK(LoadError(R"({"format": "dbopt-catalog", "version": "1"})")
            .find("version: expected an integer, found a string") != std::string::npos);
}

TEST_CASE("wrong types and missing keys name the JSON path") {
  const std::string bad_type =
      Minimal(R"({"name": "t", "columns": [{"name": "a", "type": "int"}, {"name": 5}]})");
  const size_t five = bad_type.find('5');
  CHECK(LoadError(bad_type) ==
        "c.json:1:" + std::to_string(five + 1) +
            ": error: tables[0].columns[1].name: expected a string, found a number\n"
            " 1 | " +
            bad_type +
            "\n"
            "   | " +
            std::string(five, ' ') + "^\n");
  const std::string no_type = Minimal(R"({"name": "t", "columns": [{"name": "a"}]})");
  CHECK(LoadError(no_type).find("c.json:1:" + std::to_string(no_type.find("{\"name\": \"a\"") + 1) +
                                ": error: tables[0].columns[0]: missing required key \"type\"") ==
        0);
  CHECK(LoadError(Minimal(R"({"name": "", "columns": []})"))
            .find("tables[0].name: must not be empty") != std::string::npos);
  CHECK(LoadError(Minimal(R"({"name": "t", "kind": "sequence"})"))
            .find("tables[0].kind: \"sequence\" is not one of table, partitioned, view, matview, "
                  "foreign") != std::string::npos);
  CHECK(LoadError(Minimal(R"({"name": "t", "stats": {"reltuples": 1, "relpages": 1.5}})"))
            .find("tables[0].stats.relpages: expected an integer, found 1.5") != std::string::npos);
  CHECK(LoadError(Minimal(R"({"name": "t", "stats": {"reltuples": 1e999, "relpages": 1}})"))
            .find("tables[0].stats.reltuples: number 1e999 is out of range") != std::string::npos);
  CHECK(
      LoadError(R"({"format": "dbopt-catalog", "version": 1, "indexes": [{"name": "i", "table": "t",
      "keys": [{"column": "a", "expression": "a + 1"}]}]})")
          .find("indexes[0].keys[0]: an index key has exactly one of \"column\" and "
                "\"expression\"") != std::string::npos);
  CHECK(
      LoadError(
          R"({"format": "dbopt-catalog", "version": 1, "source": {"server_version_num": 99999999999}})")
          .find("source.server_version_num: integer 99999999999 is out of range") !=
      std::string::npos);
}

TEST_CASE("unknown and duplicate keys are errors, with a suggestion for typos") {
  const std::string typo = Minimal(R"({"name": "t", "column_stats": {"a": {"nul_frac": 0.5}}})");
  const size_t key = typo.find("\"nul_frac");
  CHECK(LoadError(typo) == "c.json:1:" + std::to_string(key + 1) +
                               ": error: tables[0].column_stats.a: unknown key \"nul_frac\"\n"
                               " 1 | " +
                               typo +
                               "\n"
                               "   | " +
                               std::string(key, ' ') +
                               "^\n"
                               "hint: did you mean \"null_frac\"?\n");
  CHECK(LoadError(Minimal(R"({"name": "t", "colour": 1})"))
            .find("hint: expected one of: schema, name, kind, columns, primary_key") !=
        std::string::npos);
  CHECK(LoadError(Minimal(R"({"name": "t", "name": "u"})"))
            .find("tables[0]: duplicate key \"name\"") != std::string::npos);
  CHECK(LoadError(Minimal(R"({"name": "t", "column_stats": {"a": {}, "a": {}}})"))
            .find("tables[0].column_stats: duplicate key \"a\"") != std::string::npos);
  CHECK(LoadError(R"({"format": "dbopt-catalog", "version": 1, "settings": {"work_mme": 1}})") ==
        "c.json:1:56: error: settings: unknown planner setting \"work_mme\"\n"
        " 1 | {\"format\": \"dbopt-catalog\", \"version\": 1, \"settings\": {\"work_mme\": 1}}\n"
        "   |                                                        ^\n"
        "hint: did you mean \"work_mem\"?\n");
  CHECK(LoadError(
            R"({"format": "dbopt-catalog", "version": 1, "settings": {"work_mem": "1 parsec"}})")
            .find("settings.work_mem: invalid value for parameter \"work_mem\": \"1 parsec\"") !=
        std::string::npos);
}

}  // namespace dbopt::catalog

namespace dbopt::catalog {

TEST_CASE("every double reads back exactly: fast path and general algorithm agree") {
  uint64_t seed = 7;
  auto next = [&seed] {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  Catalog c;
  Table t;
  t.name = "t";
  ColumnStats s;
  for (int i = 0; i < 20000; ++i) {
    double d = 0;
    const uint64_t bits = next();
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d)) s.most_common_freqs.push_back(d);
    // Short decimals as statistics hold them: up to 15 digits, exponents around zero.
    s.most_common_elem_freqs.push_back(static_cast<double>(next() % 1000000007) /
                                       std::pow(10.0, static_cast<double>(next() % 25)));
  }
  s.elem_count_histogram = {0.1,
                            0.2,
                            0.3,
                            1e22,
                            1e23,
                            9007199254740993.0,
                            123456789012345.6,
                            5e-324,
                            2.2250738585072014e-308,
                            -0.0};
  t.column_stats["a"] = s;
  c.tables.push_back(t);
  Result<Catalog> loaded = LoadJsonCatalog(SourceText("d.json", WriteJsonCatalog(c)));
  REQUIRE_MESSAGE(loaded.ok(), (loaded ? "" : loaded.error().Render()));
  const ColumnStats& r = loaded->tables[0].column_stats.at("a");
  CHECK(r.most_common_freqs == s.most_common_freqs);
  CHECK(r.most_common_elem_freqs == s.most_common_elem_freqs);
  CHECK(r.elem_count_histogram == s.elem_count_histogram);
  CHECK(std::signbit(r.elem_count_histogram.back()));
}

}  // namespace dbopt::catalog

namespace dbopt::catalog {

TEST_CASE("statistics arrays: plain, escaped and wrong elements") {
  const std::string head =
      R"({"format": "dbopt-catalog", "version": 1, "tables": [{"name": "t", "column_stats": {"a": )";
  Result<Catalog> c = LoadJsonCatalog(SourceText(
      "c.json",
      head +
          R"({"most_common_vals": [ "x" , "y\"z","é", "w"], "most_common_freqs": [0.5 ,1e-1, -0, 3]}}}]})"));
  REQUIRE(c.ok());
  const ColumnStats& s = c->tables[0].column_stats.at("a");
  CHECK(s.most_common_vals == std::vector<std::string>{"x", "y\"z", "é", "w"});
  CHECK(s.most_common_freqs == std::vector<double>{0.5, 0.1, 0, 3});
  auto error = [&](const std::string& stats) {
    Result<Catalog> r = LoadJsonCatalog(SourceText("c.json", head + stats + "}}]}"));
    return r ? std::string() : r.error().diagnostic.message;
  };
  CHECK(error(R"({"most_common_vals": ["x", 1]})") ==
        "tables[0].column_stats.a.most_common_vals[1]: expected a string, found a number");
  CHECK(error(R"({"most_common_vals": ["x" "y"]})") ==
        "invalid JSON: expected ',' or ']' after an array element");
  CHECK(error(R"({"most_common_freqs": [0.1, "x"]})") ==
        "tables[0].column_stats.a.most_common_freqs[1]: expected a number, found a string");
  CHECK(error(R"({"most_common_freqs": [0.1,]})") ==
        "invalid JSON: a trailing comma is not allowed");
  CHECK(error(R"({"histogram_bounds": [, "x"]})") == "invalid JSON: expected a value, found ','");
  CHECK(error(R"({"histogram_bounds": "x"})") ==
        "tables[0].column_stats.a.histogram_bounds: expected an array, found a string");
}

}  // namespace dbopt::catalog

namespace dbopt::catalog {

// The string scanner looks at eight bytes at a time: an escape, a non-ASCII character or a
// control character at any position of a word (and in the bytes after the last full word) must
// be found there.
TEST_CASE("strings read back exactly wherever an escape or non-ASCII byte falls") {
  Catalog c;
  Table t;
  t.name = "t";
  ColumnStats s;
  for (size_t length = 0; length <= 20; ++length) {
    for (size_t at = 0; at < length; ++at) {
      for (const char* special : {"\"", "\\", "\n", "\x01", "é", "€", "/"}) {
        std::string v(length, 'a' + static_cast<char>(at % 26));
        v.replace(at, 1, special);
        s.most_common_vals.push_back(v);
      }
    }
    s.histogram_bounds.push_back(std::string(length, 'z'));
  }
  t.column_stats["a\"b\xC3\xA9 long column name"] = s;
  c.tables.push_back(t);
  Result<Catalog> loaded = LoadJsonCatalog(SourceText("s.json", WriteJsonCatalog(c)));
  REQUIRE_MESSAGE(loaded.ok(), (loaded ? "" : loaded.error().Render()));
  CHECK(loaded->tables == c.tables);
  CHECK(LoadError(Minimal(R"({"name": "abcdefgh)"
                          "\x01"
                          R"("}))"))
            .find("control character in a string") != std::string::npos);
  CHECK(LoadError(Minimal(R"({"name": "abcdefghijklmn)"
                          "\xFF"
                          R"("}))"))
            .find("invalid UTF-8 in a string") != std::string::npos);
}

}  // namespace dbopt::catalog
