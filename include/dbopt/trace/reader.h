// Reading a trace: a pull API that yields normalized events in start-time order, in constant
// memory (docs/trace-formats.md).
//
//   Result<std::unique_ptr<Reader>> reader = Reader::Open("pg.log", options);
//   Event event;
//   while (true) {
//     Result<bool> more = (*reader)->Next(&event);
//     if (!more) return more.error();  // strict mode, truncated gzip, empty trace, …
//     if (!*more) break;
//     ... event ...                      // views valid until the next Next()
//   }
//   (*reader)->stats()                   // malformed lines, out-of-order events, …
//
// The pipeline: LineSource (file/stdin/gzip) → format parser (one per format) → checks
// (durations) → transaction tracking (BEGIN … COMMIT per session) → reorder window.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dbopt/base/diagnostic.h"
#include "dbopt/base/result.h"
#include "dbopt/trace/event.h"
#include "dbopt/trace/line_source.h"

namespace dbopt::trace {

inline constexpr int64_t kMicrosPerSecond = 1000000;

struct ReaderOptions {
  TraceFormat format = TraceFormat::kAuto;  // kAuto: DetectFormat()
  // CSV column mapping, "ts=start_time,duration_ms=elapsed,sql=query" (header names, or 1-based
  // column numbers). Empty: header names equal the JSONL keys.
  std::string csv_map;
  // PostgreSQL log_line_prefix of a stderr log, e.g. "%m [%p] ". Empty: try the common ones.
  std::string log_line_prefix;
  // Strict: the first malformed line or out-of-window event is an error. Otherwise they are
  // counted, the first `max_reported` kept as diagnostics, and the reading goes on.
  bool strict = false;
  int max_reported = 5;
  // A duration above this is malformed (an absurd value, not a statement).
  int64_t max_duration_us = int64_t{24} * 3600 * kMicrosPerSecond;
  // Events are sorted by start within this much trace time; 0: the trace must be sorted.
  int64_t reorder_window_us = 60 * kMicrosPerSecond;
};

struct ReadStats {
  uint64_t events = 0;                      // events returned by Next()
  uint64_t malformed_lines = 0;             // records that could not be read (skipped)
  std::vector<Diagnostic> malformed;        // the first max_reported of them
  uint64_t out_of_order = 0;                // events older than the reorder window (skipped)
  std::vector<int64_t> out_of_order_lines;  // the lines of the first max_reported of them
  uint64_t ignored_lines = 0;     // valid lines that are not statements (other log messages)
  uint64_t missing_duration = 0;  // PostgreSQL statements whose duration line never came (0 µs)
  uint64_t pgbench_skipped = 0;   // pgbench transactions logged as "skipped" (not simulated)
  uint64_t pgbench_failed = 0;    // … and as "failed"
};

class Reader {
 public:
  // Opens a file ("-": standard input; gzip or plain) and detects its format unless
  // options.format says it. Errors: the file cannot be read, the format cannot be detected,
  // the trace is empty, a bad --csv-map or --log-line-prefix.
  static Result<std::unique_ptr<Reader>> Open(const std::string& path,
                                              const ReaderOptions& options);
  // Reads from a line source already opened (tests, or text in memory).
  static Result<std::unique_ptr<Reader>> FromLines(std::unique_ptr<LineSource> lines,
                                                   const ReaderOptions& options);
  ~Reader();

  // The next event in start-time order: true, or false at the end. Errors: strict mode,
  // a read error or truncated gzip, "trace X has no events".
  Result<bool> Next(Event* event);

  TraceFormat format() const { return format_; }
  const ReadStats& stats() const;
  const std::string& name() const;

 private:
  class Impl;
  Reader(TraceFormat format, std::unique_ptr<Impl> impl);

  TraceFormat format_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dbopt::trace
