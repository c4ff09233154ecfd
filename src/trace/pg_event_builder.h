// Private to the trace module: turns PostgreSQL LOG records (from stderr or csvlog) into
// events, per session:
// - "duration: D ms  statement|execute: SQL" is an event that ended at the log time:
//   start = log time − D (plus the durations of the session's parse/bind just before it);
// - "statement: SQL" (log_statement = all) waits for the session's next bare "duration: D ms"
//   (log_duration): start = the statement's log time, duration D. A statement whose duration
//   never comes is an event of 0 µs when its session logs the next statement or at the end
//   (counted in ReadStats::missing_duration);
// - parse/bind durations are added to the execute that follows them in the session.
// State is kept per session with something pending, so memory is bounded by the sessions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dbopt/trace/event.h"
#include "format_parser.h"

namespace dbopt::trace {

struct PgRecord {
  int64_t time_us = 0;  // the log time: when the message was written
  std::string_view session, user, db;
  std::string_view message;  // after "LOG:  "
  int64_t line = 0;
  std::string_view source_line;  // for diagnostics
};

class PgEventBuilder {
 public:
  explicit PgEventBuilder(ParseContext* context) : context_(*context) {}

  // One LOG record: true when it completes an event, written to *event (its views point into
  // the record or into this builder and stay valid until the next call).
  Result<bool> Add(const PgRecord& record, Event* event);
  // At the end of the log: the statements still waiting for a duration, in line order, one per
  // call; false when none is left.
  bool Flush(Event* event);

 private:
  struct Pending {
    bool has_statement = false;
    int64_t start_us = 0;
    int64_t prepare_us = 0;  // parse/bind durations not yet added to an execute
    int64_t line = 0;
    std::string session, user, db, sql;
  };
  // Hands out a pending statement (moved into out_) as an event of `duration_us`.
  void Emit(Pending&& pending, int64_t duration_us, Event* event);

  ParseContext& context_;
  std::unordered_map<std::string, Pending> sessions_;
  Pending out_;
  std::vector<Pending> flushing_;  // at the end, sorted by line, popped from the back
  bool flush_started_ = false;
};

}  // namespace dbopt::trace
