// Value arithmetic for constant folding, in PostgreSQL's text formats: numeric (exact decimal,
// numeric.c add_var/sub_var/mul_var scales), dates and timestamps (date.c, timestamp.c) and
// intervals (interval_in/interval_out with IntervalStyle = postgres).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dbopt::bind::internal {

// 128-bit integers (a GCC/Clang extension) hold exact decimals of up to 36 digits.
__extension__ typedef __int128 Int128;

// An exact decimal: value = digits / 10^scale. Folding gives up (nullopt) on overflow.
struct Decimal {
  Int128 digits = 0;
  int scale = 0;
};
std::optional<Decimal> ParseDecimal(const std::string& text);
std::string FormatDecimal(const Decimal& d);
// PG15 numeric: add/sub rscale = max(dscale1, dscale2); mul rscale = dscale1 + dscale2.
std::optional<Decimal> DecimalArith(char op, const Decimal& a, const Decimal& b);
int CompareDecimal(const Decimal& a, const Decimal& b);

// Days since 2000-01-01 (PostgreSQL's date representation); microseconds for timestamps.
std::optional<int64_t> ParseDate(const std::string& text);
std::string FormatDate(int64_t days);
std::optional<int64_t> ParseTimestamp(const std::string& text);
std::string FormatTimestamp(int64_t usec);

struct Interval {
  int64_t months = 0;
  int64_t days = 0;
  int64_t usec = 0;
};
std::optional<Interval> ParseInterval(const std::string& text);
std::string FormatInterval(const Interval& iv);
// timestamp_pl_interval: months first (clamping the day to the month's end), then days, then time.
int64_t AddInterval(int64_t timestamp_usec, const Interval& iv, int sign);

}  // namespace dbopt::bind::internal
