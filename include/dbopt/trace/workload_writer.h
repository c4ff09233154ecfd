// `dbopt replay --emit-workload FILE`: the workload summary as a SQL file, the input of
// `dbopt recommend-index` (format: docs/workload-format.md). One normalized statement per
// fingerprint, SELECT/INSERT/UPDATE/DELETE only, by total time descending, each preceded by a
// `-- dbopt: key=value ...` comment with its calls and times.
#pragma once

#include <string>
#include <vector>

#include "dbopt/trace/workload_summary.h"

namespace dbopt::trace {

struct WorkloadHeader {
  std::string source;  // the trace file name(s), for the first comment line
  uint64_t events = 0;
};

// The file's text. `rows` is WorkloadSummary::Rows(cache) (every row); rows that are not DML
// and the "other" row are left out and counted in the header.
std::string FormatWorkloadSql(const std::vector<StatementRow>& rows, const WorkloadHeader& header);

}  // namespace dbopt::trace
