// PostgreSQL stderr logs (docs/trace-formats.md "PostgreSQL stderr"). A record starts with a
// line that matches the log_line_prefix and a severity; the lines after it that do not are its
// continuation (PostgreSQL writes a multi-line message with a tab after each newline). So a
// record is complete only when the next one starts: the parser keeps one record of lookahead.
#include <fmt/format.h>

#include "log_prefix.h"
#include "pg_event_builder.h"

namespace dbopt::trace {

namespace {

// TUNING: the prefix is chosen from the first 64 KiB, like the format.
constexpr size_t kPrefixSampleBytes = 64 * 1024;

struct Record {
  bool active = false;
  int64_t time_us = 0;
  const char* time_error = nullptr;
  int64_t line = 0;
  std::string session, user, db, severity, message, first_line;
};

class PgStderrParser : public FormatParser {
 public:
  PgStderrParser(ParseContext* context, LogPrefix prefix)
      : context_(*context), prefix_(std::move(prefix)), builder_(context) {}

  Result<bool> Next(Event* event) override {
    std::string_view line;
    PrefixFields fields;
    while (context_.lines().NextLine(&line)) {
      if (prefix_.Match(line, &fields)) {
        const bool had = current_.active;
        if (had) std::swap(current_, done_);
        Start(fields, line);
        if (!had) continue;
        Result<bool> r = Process(done_, event);
        if (!r || *r) return r;
      } else if (current_.active) {
        current_.message += '\n';
        current_.message += line.substr(!line.empty() && line[0] == '\t' ? 1 : 0);
      } else if (!IsBlank(line)) {
        Status s = context_.Malformed(
            context_.lines().line_number(), std::string_view::npos, line,
            fmt::format("the line does not start with the log_line_prefix \"{}\"", prefix_.text()));
        if (!s) return std::move(s).error();
      }
    }
    if (current_.active) {
      std::swap(current_, done_);
      current_.active = false;
      Result<bool> r = Process(done_, event);
      if (!r || *r) return r;
    }
    return builder_.Flush(event);
  }

 private:
  void Start(const PrefixFields& fields, std::string_view line) {
    current_.active = true;
    current_.time_us = fields.time_us;
    current_.time_error = fields.has_time ? nullptr : fields.time_error;
    current_.line = context_.lines().line_number();
    current_.session.assign(fields.session.empty() ? fields.pid : fields.session);
    current_.user.assign(fields.user);
    current_.db.assign(fields.db);
    current_.severity.assign(fields.severity);
    current_.message.assign(fields.message);
    current_.first_line.assign(line);
  }

  Result<bool> Process(const Record& record, Event* event) {
    if (record.severity != "LOG") {
      ++context_.stats().ignored_lines;
      return false;
    }
    if (record.time_error != nullptr) {
      Status s = context_.Malformed(record.line, 0, record.first_line,
                                    fmt::format("bad timestamp: {}", record.time_error));
      if (!s) return std::move(s).error();
      return false;
    }
    PgRecord r;
    r.time_us = record.time_us;
    r.session = record.session;
    r.user = record.user;
    r.db = record.db;
    r.message = record.message;
    r.line = record.line;
    r.source_line = record.first_line;
    return builder_.Add(r, event);
  }

  ParseContext& context_;
  LogPrefix prefix_;
  PgEventBuilder builder_;
  Record current_;  // the record being read
  Record done_;     // the record just completed; the event's views point into it
};

}  // namespace

Result<std::unique_ptr<FormatParser>> MakePgStderrParser(ParseContext* context) {
  const std::string_view head = context->lines().Peek(kPrefixSampleBytes);
  Result<LogPrefix> prefix =
      ChooseLogPrefix(context->name(), head, context->options().log_line_prefix);
  if (!prefix) return std::move(prefix).error();
  return std::unique_ptr<FormatParser>(new PgStderrParser(context, std::move(*prefix)));
}

}  // namespace dbopt::trace
