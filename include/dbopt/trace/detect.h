// Trace format detection from the first lines (docs/trace-formats.md "Detection").
#pragma once

#include <string_view>

#include "dbopt/base/result.h"
#include "dbopt/trace/event.h"

namespace dbopt::trace {

// What one line looks like on its own: the format whose record it could start, judged by its
// shape (kAuto: none). In order: '{' → jsonl; "# Time:", "# User@Host:", "# Query_time:" or
// the mysqld banner → mysql-slow; 6 to 8 numbers (the third may be skipped/failed) → pgbench;
// 23 to 26 CSV fields starting with a timestamp and with a severity in the 12th → pg-csvlog;
// one of the common log_line_prefixes and a severity → pg-stderr; a header of two or more
// column names → csv.
TraceFormat ClassifyLine(std::string_view line);

// The format of a trace from its first bytes (`head`): the format of the first non-blank line
// (a stderr line may also match `log_line_prefix`). Errors: the first line looks like no
// format; a later line of the first 50 looks like another line-oriented format (mixed input).
Result<TraceFormat> DetectFormat(std::string_view name, std::string_view head,
                                 std::string_view log_line_prefix = {});

// True when `text` holds only blanks and newlines.
bool IsBlankText(std::string_view text);

}  // namespace dbopt::trace
