// ISO date/time text to PostgreSQL's internal scalar (microseconds since 2000-01-01).
#include "time_text.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace dbopt::stats {
namespace {

// PG15: USECS_PER_DAY, and POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE in days.
constexpr double kUsecsPerDay = 86400000000.0;
constexpr double kUsecsPerSecond = 1000000.0;

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
long long DaysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Cursor {
  const std::string& s;
  size_t i = 0;
  bool AtEnd() const { return i >= s.size(); }
  bool Eat(char c) {
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  // Reads at least one digit; false when there is none.
  bool Digits(long long* out, size_t* count = nullptr) {
    size_t start = i;
    long long v = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 10 + (s[i] - '0');
      ++i;
    }
    if (count) *count = i - start;
    *out = v;
    return i > start;
  }
};

// "YYYY-MM-DD" → days since 2000-01-01.
bool ReadDate(Cursor& c, double* days) {
  long long y, m, d;
  if (!c.Digits(&y) || !c.Eat('-') || !c.Digits(&m) || !c.Eat('-') || !c.Digits(&d)) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *days = static_cast<double>(DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) -
                              DaysFromCivil(2000, 1, 1));
  return true;
}

// "HH:MM[:SS[.ffffff]]" → microseconds since midnight.
bool ReadTime(Cursor& c, double* usecs) {
  long long h, mi, sec = 0;
  if (!c.Digits(&h) || !c.Eat(':') || !c.Digits(&mi)) return false;
  double frac = 0;
  if (c.Eat(':')) {
    if (!c.Digits(&sec)) return false;
    if (c.Eat('.')) {
      size_t n = 0;
      long long f;
      if (!c.Digits(&f, &n)) return false;
      double scale = 1;
      for (size_t k = 0; k < n; ++k) scale *= 10;
      frac = static_cast<double>(f) / scale;
    }
  }
  // Whole microseconds, as PostgreSQL stores them.
  double total = (static_cast<double>(h) * 3600 + mi * 60 + sec) * kUsecsPerSecond;
  *usecs = total + static_cast<double>(std::llround(frac * kUsecsPerSecond));
  return true;
}

// "+HH[:MM[:SS]]" or "-HH..." → seconds east of UTC.
bool ReadZone(Cursor& c, double* east_seconds) {
  int sign = c.Eat('+') ? 1 : (c.Eat('-') ? -1 : 0);
  if (sign == 0) return false;
  long long h, m = 0, s = 0;
  if (!c.Digits(&h)) return false;
  if (c.Eat(':') && !c.Digits(&m)) return false;
  if (c.Eat(':') && !c.Digits(&s)) return false;
  *east_seconds = sign * static_cast<double>(h * 3600 + m * 60 + s);
  return true;
}

}  // namespace

std::optional<double> ParseTimeValue(bind::TypeId type, const std::string& text) {
  using bind::TypeId;
  if (text == "infinity") return std::numeric_limits<double>::infinity();
  if (text == "-infinity") return -std::numeric_limits<double>::infinity();
  Cursor c{text};
  double days = 0, usecs = 0, zone = 0;
  switch (type) {
    case TypeId::kDate:
      if (!ReadDate(c, &days) || !c.AtEnd()) return std::nullopt;
      return days * kUsecsPerDay;
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      // The time of day is optional (midnight), 'T' may separate it; a timestamptz constant
      // without an offset is taken as UTC (PostgreSQL would use the session's TimeZone).
      if (!ReadDate(c, &days)) return std::nullopt;
      if ((c.Eat(' ') || c.Eat('T')) && !ReadTime(c, &usecs)) return std::nullopt;
      if (type == TypeId::kTimestampTz && !c.AtEnd() && !ReadZone(c, &zone)) return std::nullopt;
      if (!c.AtEnd()) return std::nullopt;
      return days * kUsecsPerDay + usecs - zone * kUsecsPerSecond;
    case TypeId::kTime:
      if (!ReadTime(c, &usecs) || !c.AtEnd()) return std::nullopt;
      return usecs;
    case TypeId::kTimeTz:
      // PG15 convert_timevalue_to_scalar: time + zone, where zone is seconds west of UTC.
      if (!ReadTime(c, &usecs) || !ReadZone(c, &zone) || !c.AtEnd()) return std::nullopt;
      return usecs - zone * kUsecsPerSecond;
    default:
      return std::nullopt;
  }
}

}  // namespace dbopt::stats
