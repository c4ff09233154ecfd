// Value arithmetic for constant folding (see fold_values.h).
#include "fold_values.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace dbopt::bind::internal {
namespace {

constexpr int kMaxDigits = 36;  // stays well inside Int128
constexpr int64_t kUsecPerDay = 86400LL * 1000000;
constexpr int64_t kUsecPerHour = 3600LL * 1000000;
constexpr int64_t kUsecPerMinute = 60LL * 1000000;
constexpr int64_t kUsecPerSecond = 1000000;

Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

int DigitCount(Int128 v) {
  if (v < 0) v = -v;
  int n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

// Howard Hinnant's days_from_civil, shifted so that 2000-01-01 is day 0 (POSTGRES_EPOCH_JDATE).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468 - 10957;
}

void CivilFromDays(int64_t z, int64_t* y, int* m, int* d) {
  z += 719468 + 10957;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

int DaysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string Plural(int64_t n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");  // interval_out: "-1 days"
}

}  // namespace

std::optional<Decimal> ParseDecimal(const std::string& text) {
  Decimal d;
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  bool any = false, dot = false;
  int digits = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    any = true;
    if (++digits > kMaxDigits) return std::nullopt;
    d.digits = d.digits * 10 + (c - '0');
    if (dot) ++d.scale;
  }
  if (!any) return std::nullopt;
  if (negative) d.digits = -d.digits;
  return d;
}

std::string FormatDecimal(const Decimal& d) {
  Int128 v = d.digits < 0 ? -d.digits : d.digits;
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v > 0);
  if (d.scale > 0) {
    while (static_cast<int>(s.size()) <= d.scale) s.insert(s.begin(), '0');
    s.insert(s.end() - d.scale, '.');
  }
  return (d.digits < 0 ? "-" : "") + s;
}

std::optional<Decimal> DecimalArith(char op, const Decimal& a, const Decimal& b) {
  Decimal r;
  if (op == '+' || op == '-') {
    r.scale = a.scale > b.scale ? a.scale : b.scale;
    const Int128 x = a.digits * Pow10(r.scale - a.scale);
    const Int128 y = b.digits * Pow10(r.scale - b.scale);
    r.digits = op == '+' ? x + y : x - y;
  } else if (op == '*') {
    if (DigitCount(a.digits) + DigitCount(b.digits) > kMaxDigits) return std::nullopt;
    r.scale = a.scale + b.scale;
    r.digits = a.digits * b.digits;
  } else {
    return std::nullopt;  // division's scale rules (select_div_scale) are not reproduced
  }
  if (DigitCount(r.digits) > kMaxDigits) return std::nullopt;
  return r;
}

int CompareDecimal(const Decimal& a, const Decimal& b) {
  const int scale = a.scale > b.scale ? a.scale : b.scale;
  const Int128 x = a.digits * Pow10(scale - a.scale);
  const Int128 y = b.digits * Pow10(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

std::optional<int64_t> ParseDate(const std::string& text) {
  int y = 0, m = 0, d = 0, n = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%d%n", &y, &m, &d, &n) != 3) return std::nullopt;
  if (static_cast<size_t>(n) != text.size() || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m) ||
      y < 1) {
    return std::nullopt;
  }
  return DaysFromCivil(y, m, d);
}

std::string FormatDate(int64_t days) {
  int64_t y = 0;
  int m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(y), m, d);
  return buf;
}

std::optional<int64_t> ParseTimestamp(const std::string& text) {
  const size_t space = text.find_first_of(" T");
  auto date = ParseDate(text.substr(0, space));
  if (!date) return std::nullopt;
  int64_t usec = *date * kUsecPerDay;
  if (space == std::string::npos) return usec;
  int h = 0, mi = 0, n = 0;
  double sec = 0;
  const std::string time = text.substr(space + 1);
  if (std::sscanf(time.c_str(), "%d:%d:%lf%n", &h, &mi, &sec, &n) == 3 &&
      static_cast<size_t>(n) == time.size()) {
  } else if (std::sscanf(time.c_str(), "%d:%d%n", &h, &mi, &n) == 2 &&
             static_cast<size_t>(n) == time.size()) {
    sec = 0;
  } else {
    return std::nullopt;
  }
  if (h > 23 || mi > 59 || sec >= 60 || h < 0 || mi < 0 || sec < 0) return std::nullopt;
  return usec + h * kUsecPerHour + mi * kUsecPerMinute +
         static_cast<int64_t>(sec * kUsecPerSecond + 0.5);
}

std::string FormatTimestamp(int64_t usec) {
  int64_t days = usec / kUsecPerDay;
  int64_t rest = usec % kUsecPerDay;
  if (rest < 0) {
    rest += kUsecPerDay;
    --days;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, " %02lld:%02lld:%02lld",
                static_cast<long long>(rest / kUsecPerHour),
                static_cast<long long>(rest / kUsecPerMinute % 60),
                static_cast<long long>(rest / kUsecPerSecond % 60));
  std::string out = FormatDate(days) + buf;
  if (const int64_t frac = rest % kUsecPerSecond) {
    std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
    std::string f = buf;
    while (f.back() == '0') f.pop_back();
    out += f;
  }
  return out;
}

std::optional<Interval> ParseInterval(const std::string& text) {
  Interval iv;
  std::vector<std::string> words;
  std::string cur;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!cur.empty()) words.push_back(cur);
  if (words.empty()) return std::nullopt;
  bool ago = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "@") continue;
    if (w == "ago") {
      ago = true;
      continue;
    }
    int h = 0, mi = 0, n = 0;
    double s = 0;
    if (w.find(':') != std::string::npos) {
      const bool neg = w[0] == '-';
      const std::string t = neg || w[0] == '+' ? w.substr(1) : w;
      if (std::sscanf(t.c_str(), "%d:%d:%lf%n", &h, &mi, &s, &n) != 3 ||
          static_cast<size_t>(n) != t.size()) {
        s = 0;
        if (std::sscanf(t.c_str(), "%d:%d%n", &h, &mi, &n) != 2 ||
            static_cast<size_t>(n) != t.size()) {
          return std::nullopt;
        }
      }
      const int64_t u =
          h * kUsecPerHour + mi * kUsecPerMinute + static_cast<int64_t>(s * kUsecPerSecond + 0.5);
      iv.usec += neg ? -u : u;
      continue;
    }
    char* end = nullptr;
    const long long num = std::strtoll(w.c_str(), &end, 10);
    if (end == w.c_str()) return std::nullopt;
    std::string unit = end;
    if (unit.empty()) {
      if (i + 1 >= words.size()) {
        iv.usec += num * kUsecPerSecond;  // a bare number is seconds
        continue;
      }
      unit = words[++i];
    }
    if (unit.size() > 1 && unit.back() == 's' && unit != "ms") unit.pop_back();
    if (unit == "year" || unit == "y" || unit == "yr") {
      iv.months += 12 * num;
    } else if (unit == "month" || unit == "mon") {
      iv.months += num;
    } else if (unit == "week" || unit == "w") {
      iv.days += 7 * num;
    } else if (unit == "day" || unit == "d") {
      iv.days += num;
    } else if (unit == "hour" || unit == "h" || unit == "hr") {
      iv.usec += num * kUsecPerHour;
    } else if (unit == "minute" || unit == "min" || unit == "m") {
      iv.usec += num * kUsecPerMinute;
    } else if (unit == "second" || unit == "sec") {
      iv.usec += num * kUsecPerSecond;
    } else if (unit == "millisecond" || unit == "ms" || unit == "msec") {
      iv.usec += num * 1000;
    } else {
      return std::nullopt;
    }
  }
  if (ago) {
    iv.months = -iv.months;
    iv.days = -iv.days;
    iv.usec = -iv.usec;
  }
  return iv;
}

std::string FormatInterval(const Interval& iv) {
  std::string out;
  auto add = [&out](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  const int64_t years = iv.months / 12;
  const int64_t mons = iv.months % 12;
  if (years != 0) add(Plural(years, "year"));
  if (mons != 0) add(Plural(mons, "mon"));
  if (iv.days != 0) add(Plural(iv.days, "day"));
  if (iv.usec != 0 || out.empty()) {
    const bool neg = iv.usec < 0;
    const int64_t u = neg ? -iv.usec : iv.usec;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%02lld:%02lld:%02lld", neg ? "-" : "",
                  static_cast<long long>(u / kUsecPerHour),
                  static_cast<long long>(u / kUsecPerMinute % 60),
                  static_cast<long long>(u / kUsecPerSecond % 60));
    std::string t = buf;
    if (const int64_t frac = u % kUsecPerSecond) {
      std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(frac));
      std::string f = buf;
      while (f.back() == '0') f.pop_back();
      t += f;
    }
    add(t);
  }
  return out;
}

int64_t AddInterval(int64_t timestamp_usec, const Interval& iv, int sign) {
  int64_t days = timestamp_usec / kUsecPerDay;
  int64_t rest = timestamp_usec % kUsecPerDay;
  if (rest < 0) {
    rest += kUsecPerDay;
    --days;
  }
  if (iv.months != 0) {
    int64_t y = 0;
    int m = 0, d = 0;
    CivilFromDays(days, &y, &m, &d);
    int64_t total = y * 12 + (m - 1) + sign * iv.months;
    y = total >= 0 ? total / 12 : (total - 11) / 12;
    m = static_cast<int>(total - y * 12) + 1;
    if (d > DaysInMonth(y, m)) d = DaysInMonth(y, m);
    days = DaysFromCivil(y, m, d);
  }
  days += sign * iv.days;
  return days * kUsecPerDay + rest + sign * iv.usec;
}

}  // namespace dbopt::bind::internal
