#include "dbopt/catalog/pg_array.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

namespace dbopt::catalog {
namespace {

using Elements = std::vector<PgArrayElement>;

Elements Parse(const std::string& literal, char delimiter = ',') {
  Result<Elements> parsed = ParsePgArray(literal, delimiter);
  REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().message()));
  return *parsed;
}

std::string ParseError(const std::string& literal, char delimiter = ',') {
  Result<Elements> parsed = ParsePgArray(literal, delimiter);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().kind == ErrorKind::kBadInput);
  return parsed.error().message();
}

TEST_CASE("pg array: plain elements, empty arrays and whitespace") {
  CHECK(Parse("{1,2,3}") == Elements{"1", "2", "3"});
  CHECK(Parse("{}").empty());
  CHECK(Parse("  { }  ").empty());
  CHECK(Parse("{ a , b c ,d}") == Elements{"a", "b c", "d"});
  CHECK(Parse("{-1.5e-07,Infinity}") == Elements{"-1.5e-07", "Infinity"});
}

TEST_CASE("pg array: quoted elements keep delimiters, braces and spaces") {
  CHECK(Parse(R"({"a,b","{c}"," d "})") == Elements{"a,b", "{c}", " d "});
  CHECK(Parse(R"({""})") == Elements{""});
  CHECK(Parse(R"({"x" , "y"})") == Elements{"x", "y"});
}

TEST_CASE("pg array: backslash escapes in quoted and unquoted elements") {
  // pg_stats prints the text value x"y\z,0 as "x\"y\\z,0".
  CHECK(Parse(R"({"x\"y\\z,0","x\"y\\z,1"})") == Elements{R"(x"y\z,0)", R"(x"y\z,1)"});
  CHECK(Parse(R"({a\,b,c\}d,\ e\ })") == Elements{"a,b", "c}d", " e "});
}

TEST_CASE("pg array: NULL is NULL only unquoted and unescaped, in any case") {
  const Elements parsed = Parse(R"({NULL,null,"NULL",\NULL,NULLx, NuLl })");
  REQUIRE(parsed.size() == 6);
  CHECK_FALSE(parsed[0].has_value());
  CHECK_FALSE(parsed[1].has_value());
  CHECK(parsed[2] == PgArrayElement("NULL"));
  CHECK(parsed[3] == PgArrayElement("NULL"));
  CHECK(parsed[4] == PgArrayElement("NULLx"));
  CHECK_FALSE(parsed[5].has_value());
}

TEST_CASE("pg array: nested arrays become one element per sub-array") {
  CHECK(Parse("{{1,2},{3,4}}") == Elements{"{1,2}", "{3,4}"});
  CHECK(Parse(R"({{"a}",b},{"c\"",NULL}})") == Elements{R"({"a}",b})", R"({"c\"",NULL})"});
  CHECK(Parse("{{{1},{2}},{{3},{4}}}") == Elements{"{{1},{2}}", "{{3},{4}}"});
  // An int[] column's most_common_vals, as PostgreSQL 15 prints it.
  CHECK(Parse(R"({"{0,1}","{0,2}"})") == Elements{"{0,1}", "{0,2}"});
}

TEST_CASE("pg array: UTF-8 passes through unchanged") {
  CHECK(Parse("{héllo,\"日本語, テキスト\",😀}") == Elements{"héllo", "日本語, テキスト", "😀"});
}

TEST_CASE("pg array: box uses ';' as its delimiter") {
  const std::string boxes = "{(2,3),(1,1);(5,5),(4,2)}";
  CHECK(Parse(boxes, ';') == Elements{"(2,3),(1,1)", "(5,5),(4,2)"});
  // With ',' the same text splits inside the boxes: the delimiter must come from typdelim.
  CHECK(Parse(boxes).size() == 7);
  CHECK(Parse("{a;b,c}", ';') == Elements{"a", "b,c"});
}

TEST_CASE("pg array: dimension decorations are skipped") {
  CHECK(Parse("[0:1]={7,8}") == Elements{"7", "8"});
  CHECK(Parse("[1:2][1:1]={{1},{2}}") == Elements{"{1}", "{2}"});
}

TEST_CASE("pg array: malformed literals are errors with a position") {
  CHECK(ParseError("1,2") == R"(malformed array literal "1,2": expected "{" at byte 0)");
  CHECK(ParseError("{1,2") ==
        R"(malformed array literal "{1,2": unexpected end of input at byte 4)");
  CHECK(ParseError("{1,}") == R"(malformed array literal "{1,}": empty element at byte 3)");
  CHECK(ParseError("{,1}") == R"(malformed array literal "{,1}": empty element at byte 1)");
  CHECK(ParseError(R"({"abc})") ==
        R"(malformed array literal "{"abc}": unterminated quoted element at byte 6)");
  CHECK(ParseError(R"({"a"b})") ==
        R"(malformed array literal "{"a"b}": expected "," or "}" at byte 4)");
  CHECK(ParseError(R"({a"b"})") == R"(malformed array literal "{a"b"}": unexpected """ at byte 2)");
  CHECK(ParseError("{1} x") ==
        R"(malformed array literal "{1} x": junk after closing "}" at byte 4)");
  CHECK(ParseError("{{1},2}") ==
        R"(malformed array literal "{{1},2}": plain element after a sub-array at byte 5)");
  CHECK(ParseError("{1,{2}}") ==
        R"(malformed array literal "{1,{2}}": sub-array after a plain element at byte 3)");
  CHECK(ParseError("[1:2{1,2}") ==
        R"(malformed array literal "[1:2{1,2}": malformed dimension decoration at byte 4)");
  CHECK(ParseError("{a\\") ==
        R"(malformed array literal "{a\": backslash at end of input at byte 3)");
}

TEST_CASE("pg array: text arrays reject NULL, float arrays parse numbers") {
  Result<std::vector<std::string>> names = ParsePgTextArray(R"({id,"Order Id"})");
  REQUIRE(names.ok());
  CHECK(*names == std::vector<std::string>{"id", "Order Id"});
  Result<std::vector<std::string>> with_null = ParsePgTextArray("{a,NULL}");
  REQUIRE_FALSE(with_null.ok());
  CHECK(with_null.error().message() == R"(array literal "{a,NULL}": unexpected NULL element)");

  Result<std::vector<double>> freqs = ParsePgFloatArray("{0.25,1e-05,0.0123,-3,+2}");
  REQUIRE(freqs.ok());
  CHECK(*freqs == std::vector<double>{0.25, 1e-05, 0.0123, -3, 2});
  Result<std::vector<double>> special = ParsePgFloatArray("{NaN,Infinity,-Infinity}");
  REQUIRE(special.ok());
  CHECK(std::isnan((*special)[0]));
  CHECK((*special)[1] == std::numeric_limits<double>::infinity());
  CHECK((*special)[2] == -std::numeric_limits<double>::infinity());
  Result<std::vector<double>> bad = ParsePgFloatArray("{0.5,abc}");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message() == R"(array literal "{0.5,abc}": "abc" is not a number)");
  CHECK_FALSE(ParsePgFloatArray("{1,NULL}").ok());
}

TEST_CASE("pg array: formatted text arrays parse back to the same elements") {
  const std::vector<std::string> names = {"plain", "with space", "q\"uote",  "back\\slash",
                                          "",      "NULL",       "{braces}", "a,b"};
  const std::string literal = FormatPgTextArray(names);
  CHECK(literal == R"({"plain","with space","q\"uote","back\\slash","","NULL","{braces}","a,b"})");
  Result<std::vector<std::string>> parsed = ParsePgTextArray(literal);
  REQUIRE(parsed.ok());
  CHECK(*parsed == names);
  CHECK(FormatPgTextArray({}) == "{}");
}

}  // namespace
}  // namespace dbopt::catalog
