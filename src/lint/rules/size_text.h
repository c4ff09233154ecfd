// How the plan-aware and size-graded rules print sizes: row counts with thousands separators,
// byte sizes in PostgreSQL's pg_size_pretty units, and a table's size from its statistics.
#pragma once

#include <string>

#include "dbopt/catalog/catalog.h"

namespace dbopt::lint {

// 1234567.4 → "1,234,567" (rounded to the nearest integer; negative values print as "0").
std::string FormatRows(double rows);
// Bytes as pg_size_pretty prints them: the largest of bytes, kB, MB, GB, TB (powers of 1024)
// in which the value is at least 10, rounded: 5000 → "5000 bytes", 4194304 → "4096 kB".
std::string FormatBytes(double bytes);
// "2,000,000 rows, 195 MB" from pg_class reltuples and relpages (8 kB blocks); empty when the
// table has no statistics.
std::string TableSizeText(const catalog::Table& table);

}  // namespace dbopt::lint
