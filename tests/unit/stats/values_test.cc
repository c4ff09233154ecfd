// Statistic values: parsing by type, C-collation comparison, convert_to_scalar's string mapping,
// LIKE matching and make_greater_string (PG15 selfuncs.c, like.c, like_support.c).
#include <doctest/doctest.h>

#include "../../../src/stats/stat_value.h"
#include "../../../src/stats/time_text.h"

namespace dbopt::stats {
namespace {

StatValue V(const char* type, const std::string& text) {
  std::optional<StatValue> v = ParseValue(bind::ParseTypeText(type), text);
  REQUIRE(v.has_value());
  return *v;
}

TEST_CASE("stats values: numbers, strings and times compare by their type") {
  CHECK(CompareValues(V("integer", "9"), V("integer", "10")) == -1);  // not text order
  CHECK(CompareValues(V("integer", "10"), V("numeric", "10.0")) == 0);
  CHECK(CompareValues(V("numeric", "NaN"), V("numeric", "1e300")) == 1);
  CHECK(CompareValues(V("text", "B"), V("text", "a")) == -1);  // C collation: bytes
  CHECK(CompareValues(V("character(5)", "ab   "), V("character(5)", "ab")) == 0);
  CHECK(CompareValues(V("date", "2024-03-01"),
                      V("timestamp without time zone", "2024-02-29 23:59:59")) == 1);
  CHECK(!CompareValues(V("integer", "1"), V("text", "1")).has_value());
  CHECK(!ParseValue(bind::ParseTypeText("integer"), "abc").has_value());
  CHECK(!ParseValue(bind::ParseTypeText("date"), "yesterday").has_value());
}

TEST_CASE("stats values: ISO dates and times are microseconds since 2000-01-01") {
  CHECK(ParseTimeValue(bind::TypeId::kDate, "2000-01-02") == 86400e6);
  CHECK(ParseTimeValue(bind::TypeId::kDate, "1999-12-31") == -86400e6);
  CHECK(ParseTimeValue(bind::TypeId::kTimestamp, "2000-01-01 00:00:01.5") == 1.5e6);
  // timestamptz: the offset is removed (+01 is one hour ahead of UTC).
  CHECK(ParseTimeValue(bind::TypeId::kTimestampTz, "2000-01-01 01:00:00+01") == 0);
  CHECK(ParseTimeValue(bind::TypeId::kTime, "01:00:00") == 3600e6);
  // Constants written without a time of day or offset: midnight, UTC.
  CHECK(ParseTimeValue(bind::TypeId::kTimestamp, "2000-01-02") == 86400e6);
  CHECK(ParseTimeValue(bind::TypeId::kTimestampTz, "2000-01-01T01:00:00") == 3600e6);
  CHECK(!ParseTimeValue(bind::TypeId::kTimestamp, "2000-01-01 x").has_value());
  CHECK(*ParseTimeValue(bind::TypeId::kDate, "infinity") > 1e300);
}

TEST_CASE("stats values: convert_string_to_scalar drops the common prefix, base from the bounds") {
  double v, lo, hi;
  // Bytes a..c widen to a..z (base 26); the common prefix "a" is dropped.
  REQUIRE(ConvertToScalar(V("text", "ab"), V("text", "aaa"), V("text", "abc"), &v, &lo, &hi));
  CHECK(v == doctest::Approx(1.0 / 26));
  CHECK(lo == 0);
  CHECK(hi == doctest::Approx(1.0 / 26 + 2.0 / 676));
  // Numbers map to themselves; uuids have no scalar mapping.
  REQUIRE(ConvertToScalar(V("integer", "5"), V("integer", "0"), V("integer", "10"), &v, &lo, &hi));
  CHECK(v == 5);
  CHECK(!ConvertToScalar(V("uuid", "00000000-0000-0000-0000-000000000001"),
                         V("uuid", "00000000-0000-0000-0000-000000000000"),
                         V("uuid", "00000000-0000-0000-0000-000000000002"), &v, &lo, &hi));
}

TEST_CASE("stats values: LIKE matching and make_greater_string") {
  CHECK(LikeMatch("abc", "a%", false));
  CHECK(LikeMatch("abc", "%c", false));
  CHECK(LikeMatch("abc", "a_c", false));
  CHECK(!LikeMatch("abc", "a_", false));
  CHECK(LikeMatch("a%c", "a\\%c", false));
  CHECK(!LikeMatch("abc", "a\\%c", false));
  CHECK(LikeMatch("ABC", "a%", true));
  CHECK(!LikeMatch("ABC", "a%", false));
  CHECK(LikeMatch("caf\xC3\xA9", "caf_", false));  // '_' is one UTF-8 character
  CHECK(MakeGreaterString("abc") == std::optional<std::string>("abd"));
  CHECK(MakeGreaterString("ab\x7F") == std::optional<std::string>("ac"));
  CHECK(!MakeGreaterString("\x7F").has_value());
}

TEST_CASE("stats values: operators evaluated on values") {
  CHECK(EvalOperator(bind::OpClass::kLt, V("integer", "1"), V("integer", "2")) == true);
  CHECK(EvalOperator(bind::OpClass::kNe, V("text", "a"), V("text", "a")) == false);
  CHECK(EvalOperator(bind::OpClass::kLike, V("text", "xyz1"), V("text", "xyz%")) == true);
  CHECK(EvalOperator(bind::OpClass::kNotILike, V("text", "XYZ"), V("text", "xyz")) == false);
  CHECK(EvalOperator(bind::OpClass::kRegex, V("text", "xyz15"), V("text", "^xyz1")) == true);
  CHECK(!EvalOperator(bind::OpClass::kRegex, V("text", "x"), V("text", "(")).has_value());
}

}  // namespace
}  // namespace dbopt::stats
