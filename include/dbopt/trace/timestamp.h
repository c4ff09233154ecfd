// Timestamps and decimal numbers as traces write them, converted without locale-dependent libc
// calls: the civil calendar is computed here (proleptic Gregorian, days from 1970-01-01).
//
// Accepted timestamps (docs/trace-formats.md "Timestamps"):
//   2024-01-15T10:30:45Z   2024-01-15 10:30:45.123 UTC   2024-01-15T10:30:45.123456+02:00
//   2024-01-15 10:30:45+0530   2024-01-15 10:30:45 GMT   2024-01-15 10:30:45 (no zone: UTC)
// Fractions of 1 to 9 digits (beyond microseconds truncated). Zone abbreviations other than
// UTC and GMT are rejected: they are ambiguous (CST is three different zones).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dbopt::trace {

// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (negative before 1970).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
bool IsLeapYear(int64_t year);
unsigned DaysInMonth(int64_t year, unsigned month);

// "2024-01-15T10:30:45.123456Z"; the fraction is left out when it is zero.
std::string FormatTimestamp(int64_t micros);

struct TimestampParse {
  int64_t micros = 0;           // since 1970-01-01 00:00:00 UTC
  size_t length = 0;            // characters consumed; 0 on error
  const char* error = nullptr;  // a static message on error
};

// Parses an ISO-8601 / PostgreSQL-log timestamp at the start of `text`; what follows it is left
// alone (a space is consumed only when a zone follows it).
TimestampParse ParseTimestampPrefix(std::string_view text);

// The whole of `text` as a timestamp: an ISO-8601 timestamp or epoch seconds ("1705314645",
// "1705314645.123456").
TimestampParse ParseTimestamp(std::string_view text);

// A decimal number `[+-]digits[.digits][e[+-]digits]` at the start of `text`, multiplied by
// 10^scale and rounded half away from zero: ParseScaled("1.5", 3) = 1500. Returns the length
// consumed (0: not a number, or out of the int64 range).
size_t ParseScaled(std::string_view text, int scale, int64_t* out);
// The whole of `text` must be the number.
bool ParseScaledExact(std::string_view text, int scale, int64_t* out);

}  // namespace dbopt::trace
