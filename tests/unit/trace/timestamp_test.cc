#include "dbopt/trace/timestamp.h"

#include <doctest/doctest.h>

#include <string>

namespace dbopt::trace {
namespace {

int64_t Micros(const std::string& text) {
  const TimestampParse p = ParseTimestamp(text);
  REQUIRE_MESSAGE(p.error == nullptr, text << ": " << (p.error ? p.error : ""));
  return p.micros;
}

std::string ErrorOf(const std::string& text) {
  const TimestampParse p = ParseTimestamp(text);
  return p.error == nullptr ? "" : p.error;
}

}  // namespace

TEST_SUITE("trace timestamp") {
  TEST_CASE("days from civil: epoch, leap years, centuries") {
    CHECK(DaysFromCivil(1970, 1, 1) == 0);
    CHECK(DaysFromCivil(1969, 12, 31) == -1);
    CHECK(DaysFromCivil(2000, 3, 1) == 11017);
    CHECK(DaysFromCivil(2024, 1, 15) == 19737);
    CHECK(DaysFromCivil(2024, 3, 1) - DaysFromCivil(2024, 2, 28) == 2);  // 2024 is leap
    CHECK(DaysFromCivil(2023, 3, 1) - DaysFromCivil(2023, 2, 28) == 1);
    CHECK(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28) == 1);  // not leap
    CHECK(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28) == 2);  // leap (400)
    CHECK(IsLeapYear(2024));
    CHECK_FALSE(IsLeapYear(2100));
    CHECK(DaysInMonth(2024, 2) == 29);
    CHECK(DaysInMonth(2023, 2) == 28);
  }

  TEST_CASE("ISO-8601 forms and zones") {
    const int64_t base = 1705314645LL * 1000000;  // 2024-01-15T10:30:45Z
    CHECK(Micros("2024-01-15T10:30:45Z") == base);
    CHECK(Micros("2024-01-15 10:30:45") == base);
    CHECK(Micros("2024-01-15 10:30:45 UTC") == base);
    CHECK(Micros("2024-01-15 10:30:45 GMT") == base);
    CHECK(Micros("2024-01-15T12:30:45+02:00") == base);
    CHECK(Micros("2024-01-15T12:30:45+0200") == base);
    CHECK(Micros("2024-01-15 12:30:45 +02") == base);
    CHECK(Micros("2024-01-15T05:00:45-05:30") == base);
    CHECK(Micros("2024-01-15T10:30Z") == base - 45000000);
    CHECK(Micros("2024-02-29T00:00:00Z") == (DaysFromCivil(2024, 2, 29) * 86400) * 1000000);
  }

  TEST_CASE("fractional seconds of 1 to 9 digits") {
    const int64_t base = 1705314645LL * 1000000;
    CHECK(Micros("2024-01-15T10:30:45.1Z") == base + 100000);
    CHECK(Micros("2024-01-15 10:30:45.123 UTC") == base + 123000);
    CHECK(Micros("2024-01-15T10:30:45.123456Z") == base + 123456);
    CHECK(Micros("2024-01-15T10:30:45.123456789Z") == base + 123456);  // truncated
    CHECK(Micros("2024-01-15T10:30:45,5Z") == base + 500000);
  }

  TEST_CASE("epoch seconds") {
    CHECK(Micros("1705314645") == 1705314645LL * 1000000);
    CHECK(Micros("1705314645.123456") == 1705314645123456LL);
    CHECK(Micros("1705314645.5") == 1705314645500000LL);
  }

  TEST_CASE("bad timestamps") {
    CHECK(ErrorOf("2023-02-29T00:00:00Z") == "day out of range for the month");
    CHECK(ErrorOf("2024-13-01T00:00:00Z") == "month out of range");
    CHECK(ErrorOf("2024-01-15T24:00:00Z") == "time out of range");
    CHECK(ErrorOf("2024-01-15 10:30:45 CET") ==
          "time zone abbreviations other than UTC and GMT are not supported; use a numeric "
          "offset");
    CHECK(ErrorOf("2024-01-15T10:30:45.Z") == "expected digits after the decimal point");
    CHECK(ErrorOf("yesterday") == "expected an ISO-8601 timestamp or epoch seconds");
    CHECK(ErrorOf("2024-01-15T10:30:45Z junk") == "unexpected text after the timestamp");
  }

  TEST_CASE("format is the inverse of parse") {
    CHECK(FormatTimestamp(0) == "1970-01-01T00:00:00Z");
    CHECK(FormatTimestamp(1705314645123456LL) == "2024-01-15T10:30:45.123456Z");
    CHECK(FormatTimestamp(-1) == "1969-12-31T23:59:59.999999Z");
    CHECK(FormatTimestamp(Micros("2000-02-29T23:59:59Z")) == "2000-02-29T23:59:59Z");
  }

  TEST_CASE("scaled decimals are exact") {
    int64_t v = 0;
    CHECK(ParseScaledExact("1.5", 3, &v));
    CHECK(v == 1500);
    CHECK(ParseScaledExact("0.0005", 3, &v));
    CHECK(v == 1);  // half away from zero
    CHECK(ParseScaledExact("0.00049", 3, &v));
    CHECK(v == 0);
    CHECK(ParseScaledExact("-2.25", 3, &v));
    CHECK(v == -2250);
    CHECK(ParseScaledExact("1e3", 3, &v));
    CHECK(v == 1000000);
    CHECK(ParseScaledExact("2.5E-1", 3, &v));
    CHECK(v == 250);
    CHECK_FALSE(ParseScaledExact("1.5ms", 3, &v));
    CHECK_FALSE(ParseScaledExact("", 3, &v));
    CHECK_FALSE(ParseScaledExact("99999999999999999999", 3, &v));
  }
}

}  // namespace dbopt::trace
