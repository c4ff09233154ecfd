#include "size_text.h"

#include <cmath>
#include <cstdio>

#include "../catalog_facts.h"

namespace dbopt::lint {

std::string FormatRows(double rows) {
  const long long n = rows > 0 ? std::llround(rows) : 0;
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// pg_size_pretty's rule: the largest unit in which the value is at least 10 (bytes below
// 10 kB print as bytes), rounded half up to an integer.
std::string FormatBytes(double bytes) {
  static const char* const kUnits[] = {"bytes", "kB", "MB", "GB", "TB"};
  double value = bytes > 0 ? bytes : 0;
  size_t unit = 0;
  while (unit + 1 < sizeof kUnits / sizeof kUnits[0] && value >= 10 * 1024) {
    value /= 1024;
    ++unit;
  }
  char out[64];
  std::snprintf(out, sizeof out, "%.0f %s", std::floor(value + 0.5), kUnits[unit]);
  return out;
}

std::string TableSizeText(const catalog::Table& table) {
  if (!CatalogFacts::HasStats(table)) return {};
  constexpr double kBlockBytes = 8192;  // PG15: BLCKSZ
  return FormatRows(table.stats->reltuples) + " rows, " +
         FormatBytes(static_cast<double>(table.stats->relpages) * kBlockBytes);
}

}  // namespace dbopt::lint
