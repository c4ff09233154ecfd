// Private to the trace module: the PostgreSQL log messages that carry statements and durations
// (src/backend/tcop/postgres.c), shared by the stderr and csvlog readers.
//
//   duration: 0.456 ms  statement: SELECT 1            log_min_duration_statement
//   duration: 0.051 ms  execute <unnamed>: SELECT …    extended protocol (also parse, bind)
//   statement: SELECT 1                                log_statement = all, at the start …
//   duration: 0.456 ms                                 … log_duration, at the end
#pragma once

#include <cstdint>
#include <string_view>

namespace dbopt::trace {

enum class PgMessageKind {
  kOther,          // not about a statement (connections, checkpoints, auto_explain plans, …)
  kTimed,          // duration + statement / execute: a complete event
  kTimedPrepare,   // duration + parse / bind: time spent before the execute
  kDurationOnly,   // a bare duration: ends the session's pending statement
  kStatementOnly,  // statement / execute without duration: starts a pending statement
  kBadDuration,    // "duration: " followed by something that is not "N ms"
};

struct PgMessage {
  PgMessageKind kind = PgMessageKind::kOther;
  int64_t duration_us = 0;
  std::string_view sql;
};

PgMessage ParsePgMessage(std::string_view message);

}  // namespace dbopt::trace
