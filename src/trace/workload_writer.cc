// FormatWorkloadSql: docs/workload-format.md.
#include "dbopt/trace/workload_writer.h"

#include <fmt/format.h>

namespace dbopt::trace {
namespace {

// The statement without a trailing ';' and blanks; a ';' is appended on a line of its own when
// the last line holds a "--" comment that would swallow it.
std::string Terminated(std::string text) {
  while (!text.empty() && (text.back() == ';' || text.back() == ' ' || text.back() == '\n' ||
                           text.back() == '\t' || text.back() == '\r')) {
    text.pop_back();
  }
  const size_t last_line = text.rfind('\n');
  const size_t dash = text.find("--", last_line == std::string::npos ? 0 : last_line);
  return text + (dash == std::string::npos ? ";\n" : "\n;\n");
}

}  // namespace

std::string FormatWorkloadSql(const std::vector<StatementRow>& rows, const WorkloadHeader& header) {
  size_t kept = 0;
  for (const StatementRow& row : rows) kept += row.dml ? 1 : 0;
  std::string out = fmt::format(
      "-- dbopt workload v1 (docs/workload-format.md): {} statements from {} events of {}", kept,
      header.events, header.source);
  if (kept < rows.size()) out += fmt::format("; {} non-DML left out", rows.size() - kept);
  out += "\n";
  for (const StatementRow& row : rows) {
    if (!row.dml) continue;
    out += fmt::format(
        "\n-- dbopt: fingerprint={} calls={} total_ms={:.3f} mean_ms={:.3f} p95_ms={:.3f}",
        row.fingerprint, row.calls, row.total_ms, row.mean_ms, row.p95_ms);
    if (row.rows >= 0) out += fmt::format(" rows={}", row.rows);
    out += "\n" + Terminated(row.normalized);
  }
  return out;
}

}  // namespace dbopt::trace
