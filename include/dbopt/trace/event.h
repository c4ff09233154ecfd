// The normalized trace event every reader produces (docs/trace-formats.md), and the names of
// the trace formats.
//
// An Event's string fields are views into the reader's buffers: they stay valid until the next
// call of Reader::Next(). Copy what must outlive that.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace dbopt::trace {

enum class TraceFormat { kAuto, kJsonl, kCsv, kPgStderr, kPgCsvlog, kMysqlSlow, kPgbench };

// "jsonl", "csv", "pg-stderr", "pg-csvlog", "mysql-slow", "pgbench" ("auto" for kAuto).
const char* TraceFormatName(TraceFormat format);
// The inverse of TraceFormatName; nullopt for an unknown name.
std::optional<TraceFormat> ParseTraceFormat(std::string_view name);
// The names a user may pass to --trace-format, for messages.
inline constexpr const char* kTraceFormatNames =
    "jsonl, csv, pg-stderr, pg-csvlog, mysql-slow, pgbench";

struct Event {
  int64_t start_us = 0;     // when the statement started, microseconds since 1970-01-01 UTC
  int64_t duration_us = 0;  // how long it ran, >= 0
  int64_t end_us() const { return start_us + duration_us; }

  std::string_view session;  // the trace's session id (pid, %c, thread id, client id); may be empty
  uint64_t session_key = 0;  // 64-bit hash of `session`; 0 when there is no session

  // Transactions. `txn` is the trace's own transaction id when it has one. Otherwise the
  // reader follows BEGIN/START TRANSACTION … COMMIT/ROLLBACK/END/ABORT per session.
  std::string_view txn;
  uint64_t txn_key =
      0;                // same value for every statement of one explicit transaction; 0: autocommit
  bool txn_end = true;  // the statement ends its transaction (COMMIT/ROLLBACK, or autocommit)
  bool in_txn() const { return txn_key != 0; }

  std::string_view user;
  std::string_view db;
  std::string_view sql;        // empty when the trace has no SQL (pgbench)
  std::string_view shard_key;  // empty: none
  int64_t rows = -1;           // rows returned/affected; -1: unknown

  int64_t line = 0;  // 1-based line of the trace where the event's record starts
};

// FNV-1a 64-bit hash of `text`, never 0 for a non-empty text; 0 for an empty one. Used for
// session_key (constant memory: sessions are hashed, not interned).
uint64_t HashKey(std::string_view text);
// Combines two keys into one, never 0.
uint64_t CombineKeys(uint64_t a, uint64_t b);

}  // namespace dbopt::trace
