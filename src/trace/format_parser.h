// Private to the trace module: what the format parsers share (the lines, the options, the
// statistics and the reporting of malformed lines) and the parser interface with one factory
// per format.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "dbopt/base/result.h"
#include "dbopt/trace/event.h"
#include "dbopt/trace/line_source.h"
#include "dbopt/trace/reader.h"

namespace dbopt::trace {

class ParseContext {
 public:
  ParseContext(LineSource* lines, const ReaderOptions& options, ReadStats* stats)
      : lines_(lines), options_(options), stats_(stats) {}

  LineSource& lines() { return *lines_; }
  const ReaderOptions& options() const { return options_; }
  ReadStats& stats() { return *stats_; }
  const std::string& name() const { return lines_->name(); }

  // Records a malformed record starting at `line`; `byte_column` is a 0-based byte offset into
  // `source_line`, or npos for no column. In strict mode the record is an Error.
  Status Malformed(int64_t line, size_t byte_column, std::string_view source_line,
                   std::string message);
  // False (after recording a malformed record) for a negative duration or one above
  // options().max_duration_us.
  Result<bool> CheckDuration(int64_t duration_us, int64_t line, std::string_view source_line);

 private:
  LineSource* lines_;
  const ReaderOptions& options_;
  ReadStats* stats_;
};

// One format: turns lines into events (start, duration, strings, line). Sessions, transactions,
// and ordering are done after it, by the Reader.
class FormatParser {
 public:
  virtual ~FormatParser() = default;
  // The next event: true, or false at the end of the lines. Errors: strict mode.
  virtual Result<bool> Next(Event* event) = 0;
};

std::unique_ptr<FormatParser> MakeJsonlParser(ParseContext* context);
// Reads the header line. Errors: no header, a bad --csv-map.
Result<std::unique_ptr<FormatParser>> MakeCsvParser(ParseContext* context);
// Errors: a bad --log-line-prefix, or no common prefix matches the log.
Result<std::unique_ptr<FormatParser>> MakePgStderrParser(ParseContext* context);
std::unique_ptr<FormatParser> MakePgCsvlogParser(ParseContext* context);
std::unique_ptr<FormatParser> MakeMysqlSlowParser(ParseContext* context);
std::unique_ptr<FormatParser> MakePgbenchParser(ParseContext* context);

// True for a line of only spaces and tabs.
bool IsBlank(std::string_view line);

}  // namespace dbopt::trace
