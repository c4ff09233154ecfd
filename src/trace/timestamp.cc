#include "dbopt/trace/timestamp.h"

#include <cstdio>

namespace dbopt::trace {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kSecondsPerDay = 86400;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Reads exactly `n` digits at text[*pos]; false when there are fewer.
bool ReadDigits(std::string_view text, size_t* pos, int n, int64_t* out) {
  int64_t v = 0;
  for (int i = 0; i < n; ++i) {
    if (*pos >= text.size() || !IsDigit(text[*pos])) return false;
    v = v * 10 + (text[(*pos)++] - '0');
  }
  *out = v;
  return true;
}

TimestampParse Fail(const char* message) {
  TimestampParse p;
  p.error = message;
  return p;
}

// A zone after the time: Z, ±HH, ±HH:MM, ±HHMM, or " UTC"/" GMT" (optionally space-separated).
// Sets *offset_seconds (to add to local time to get UTC) and advances *pos.
const char* ParseZone(std::string_view text, size_t* pos, int64_t* offset_seconds) {
  size_t p = *pos;
  *offset_seconds = 0;
  if (p < text.size() && text[p] == 'Z') {
    *pos = p + 1;
    return nullptr;
  }
  const bool spaced = p < text.size() && text[p] == ' ';
  if (spaced) ++p;
  if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
    const int64_t sign = text[p] == '-' ? -1 : 1;
    ++p;
    int64_t hh = 0, mm = 0;
    if (!ReadDigits(text, &p, 2, &hh)) return spaced ? nullptr : "bad time zone offset";
    if (p < text.size() && text[p] == ':') ++p;
    if (p < text.size() && IsDigit(text[p]) && !ReadDigits(text, &p, 2, &mm)) {
      return "bad time zone offset";
    }
    if (hh > 15 || mm > 59) return "time zone offset out of range";
    *offset_seconds = -sign * (hh * 3600 + mm * 60);
    *pos = p;
    return nullptr;
  }
  size_t end = p;
  while (end < text.size() && IsAlpha(text[end])) ++end;
  if (end == p || (end < text.size() && IsDigit(text[end]))) return nullptr;  // no zone here
  const std::string_view zone = text.substr(p, end - p);
  if (zone == "UTC" || zone == "GMT" || zone == "Z") {
    *pos = end;
    return nullptr;
  }
  return "time zone abbreviations other than UTC and GMT are not supported; use a numeric offset";
}

}  // namespace

bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned DaysInMonth(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// The calendar is counted in 400-year eras starting on March 1st, so that the leap day is the
// last day of a "year" and the month lengths March..February follow the 153-day pattern.
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  const int64_t y = month <= 2 ? year - 1 : year;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;                           // [0, 399]
  const int64_t month_from_march = month > 2 ? month - 3 : month + 9;  // [0, 11]
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

std::string FormatTimestamp(int64_t micros) {
  int64_t seconds = micros / kMicrosPerSecond;
  int64_t fraction = micros % kMicrosPerSecond;
  if (fraction < 0) {
    fraction += kMicrosPerSecond;
    --seconds;
  }
  int64_t days = seconds / kSecondsPerDay;
  int64_t second_of_day = seconds % kSecondsPerDay;
  if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  // The inverse of DaysFromCivil, in the same March-based 400-year eras.
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  const int64_t day = day_of_year - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  char text[64];
  int n = std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld",
                        static_cast<long long>(year), static_cast<long long>(month),
                        static_cast<long long>(day), static_cast<long long>(second_of_day / 3600),
                        static_cast<long long>(second_of_day / 60 % 60),
                        static_cast<long long>(second_of_day % 60));
  if (fraction != 0) {
    n += std::snprintf(text + n, sizeof text - n, ".%06lld", static_cast<long long>(fraction));
  }
  return std::string(text, static_cast<size_t>(n)) + "Z";
}

TimestampParse ParseTimestampPrefix(std::string_view text) {
  size_t p = 0;
  int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, &p, 4, &year) || p >= text.size() || text[p++] != '-' ||
      !ReadDigits(text, &p, 2, &month) || p >= text.size() || text[p++] != '-' ||
      !ReadDigits(text, &p, 2, &day)) {
    return Fail("expected a date YYYY-MM-DD");
  }
  if (month < 1 || month > 12) return Fail("month out of range");
  if (day < 1 || day > DaysInMonth(year, static_cast<unsigned>(month))) {
    return Fail("day out of range for the month");
  }
  if (p >= text.size() || (text[p] != 'T' && text[p] != ' ')) return Fail("expected a time");
  ++p;
  if (!ReadDigits(text, &p, 2, &hour) || p >= text.size() || text[p++] != ':' ||
      !ReadDigits(text, &p, 2, &minute)) {
    return Fail("expected a time HH:MM:SS");
  }
  if (p < text.size() && text[p] == ':') {
    ++p;
    if (!ReadDigits(text, &p, 2, &second)) return Fail("expected seconds");
  }
  if (hour > 23 || minute > 59 || second > 60) return Fail("time out of range");
  int64_t fraction_us = 0;
  if (p < text.size() && (text[p] == '.' || text[p] == ',')) {
    ++p;
    int digits = 0;
    for (; p < text.size() && IsDigit(text[p]); ++p, ++digits) {
      if (digits < 6) fraction_us = fraction_us * 10 + (text[p] - '0');
    }
    if (digits == 0) return Fail("expected digits after the decimal point");
    for (int i = digits; i < 6; ++i) fraction_us *= 10;
  }
  int64_t offset_seconds = 0;
  if (const char* error = ParseZone(text, &p, &offset_seconds)) return Fail(error);
  const int64_t days =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const int64_t seconds =
      days * kSecondsPerDay + hour * 3600 + minute * 60 + second + offset_seconds;
  TimestampParse out;
  out.micros = seconds * kMicrosPerSecond + fraction_us;
  out.length = p;
  return out;
}

TimestampParse ParseTimestamp(std::string_view text) {
  if (text.size() >= 5 && text[4] == '-') {
    TimestampParse p = ParseTimestampPrefix(text);
    if (p.error == nullptr && p.length != text.size())
      return Fail("unexpected text after the timestamp");
    return p;
  }
  int64_t micros = 0;
  if (!ParseScaledExact(text, 6, &micros)) {
    return Fail("expected an ISO-8601 timestamp or epoch seconds");
  }
  if (micros < 0) return Fail("negative epoch seconds");
  TimestampParse out;
  out.micros = micros;
  out.length = text.size();
  return out;
}

size_t ParseScaled(std::string_view text, int scale, int64_t* out) {
  size_t p = 0;
  bool negative = false;
  if (p < text.size() && (text[p] == '-' || text[p] == '+')) negative = text[p++] == '-';
  uint64_t mantissa = 0;
  int exponent = scale;  // the value is mantissa * 10^exponent
  int significant = 0;
  bool any_digit = false;
  bool round_up = false;  // the first dropped digit was >= 5
  bool dropped = false;
  auto add_digit = [&](char c, bool fractional) {
    any_digit = true;
    if (significant < 18) {
      if (mantissa != 0 || c != '0') ++significant;
      mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
      if (fractional) --exponent;
    } else {
      if (!dropped) round_up = c >= '5';
      dropped = true;
      if (!fractional) ++exponent;
    }
  };
  for (; p < text.size() && IsDigit(text[p]); ++p) add_digit(text[p], false);
  if (p < text.size() && text[p] == '.') {
    ++p;
    for (; p < text.size() && IsDigit(text[p]); ++p) add_digit(text[p], true);
  }
  if (!any_digit) return 0;
  if (p < text.size() && (text[p] == 'e' || text[p] == 'E')) {
    size_t q = p + 1;
    bool exp_negative = false;
    if (q < text.size() && (text[q] == '-' || text[q] == '+')) exp_negative = text[q++] == '-';
    int e = 0;
    const size_t digits_start = q;
    for (; q < text.size() && IsDigit(text[q]) && e < 1000; ++q) e = e * 10 + (text[q] - '0');
    if (q > digits_start) {
      exponent += exp_negative ? -e : e;
      p = q;
    }
  }
  if (round_up) ++mantissa;
  for (; exponent > 0; --exponent) {
    if (mantissa > static_cast<uint64_t>(INT64_MAX) / 10) return 0;
    mantissa *= 10;
  }
  for (; exponent < 0; ++exponent) {
    const uint64_t rem = mantissa % 10;
    mantissa /= 10;
    if (exponent == -1 && rem >= 5) ++mantissa;
    if (mantissa == 0) break;
  }
  if (mantissa > static_cast<uint64_t>(INT64_MAX)) return 0;
  *out = negative ? -static_cast<int64_t>(mantissa) : static_cast<int64_t>(mantissa);
  return p;
}

bool ParseScaledExact(std::string_view text, int scale, int64_t* out) {
  return !text.empty() && ParseScaled(text, scale, out) == text.size();
}

}  // namespace dbopt::trace
