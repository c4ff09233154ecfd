// A pg_stat_statements export as a workload: CSV with a header row, as psql writes it
//   \copy (SELECT query, calls, total_exec_time FROM pg_stat_statements) TO 'pgss.csv' CSV HEADER
// or JSON, an array of objects with the same keys (SELECT json_agg(s) FROM pg_stat_statements s).
// `query` and `calls` are required; `total_exec_time` (ms) is kept when present. Other columns
// are ignored.
#pragma once

#include <string>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::trace {

struct PgssRow {
  std::string query;
  double calls = 0;
  double total_ms = -1;  // -1: not in the export
  int line = 0;          // CSV: the record's first line; JSON: the element's 1-based position
};

// Reads a CSV (kind "csv") or JSON (kind "json") export. Errors name the file and line (CSV) or
// element (JSON).
Result<std::vector<PgssRow>> ReadPgStatStatements(const std::string& path, const std::string& kind);

}  // namespace dbopt::trace
