// pgbench per-transaction logs, `pgbench -l` (docs/trace-formats.md "pgbench"):
//   client_id transaction_no time script_no time_epoch time_us [schedule_lag] [retries]
// `time` is the transaction's latency in µs, or "skipped" / "failed" (counted in ReadStats,
// not events). time_epoch + time_us is when the transaction completed: start = that − time.
// An event is a whole transaction of client `client_id`; there is no SQL.
#include <array>

#include <fmt/format.h>

#include "dbopt/trace/timestamp.h"
#include "format_parser.h"

namespace dbopt::trace {

namespace {

constexpr size_t kMinFields = 6;
constexpr size_t kMaxFields = 8;

class PgbenchParser : public FormatParser {
 public:
  explicit PgbenchParser(ParseContext* context) : context_(*context) {}

  Result<bool> Next(Event* event) override {
    std::string_view line;
    while (context_.lines().NextLine(&line)) {
      if (IsBlank(line)) continue;
      std::string error;
      size_t offset = std::string_view::npos;
      const int outcome = Parse(line, event, &error, &offset);
      if (outcome > 0) {
        Result<bool> ok = context_.CheckDuration(event->duration_us, event->line, line);
        if (!ok || *ok) return ok;
      } else if (outcome < 0) {
        Status s = context_.Malformed(context_.lines().line_number(), offset, line, error);
        if (!s) return std::move(s).error();
      }
    }
    return false;
  }

 private:
  // 1: an event; 0: a skipped/failed transaction; -1: malformed.
  int Parse(std::string_view line, Event* event, std::string* error, size_t* offset) {
    std::array<std::string_view, kMaxFields + 1> fields;
    std::array<size_t, kMaxFields + 1> starts{};
    size_t n = 0;
    for (size_t p = 0; p < line.size() && n <= kMaxFields;) {
      while (p < line.size() && line[p] == ' ') ++p;
      const size_t end = std::min(line.find(' ', p), line.size());
      if (end > p) {
        starts[n] = p;
        fields[n++] = line.substr(p, end - p);
      }
      p = end;
    }
    if (n < kMinFields || n > kMaxFields) {
      *error = fmt::format("a pgbench log line has 6 to 8 fields, not {}", n);
      return -1;
    }
    int64_t values[kMaxFields] = {};
    for (size_t i = 0; i < n; ++i) {
      if (i == 2 && (fields[2] == "skipped" || fields[2] == "failed")) continue;
      if (!ParseScaledExact(fields[i], 0, &values[i]) || values[i] < 0 ||
          fields[i].find_first_not_of("0123456789") != std::string_view::npos) {
        *error = fmt::format("field {} \"{}\" is not a number", i + 1, fields[i]);
        *offset = starts[i];
        return -1;
      }
    }
    if (fields[2] == "skipped" || fields[2] == "failed") {
      ++(fields[2] == "skipped" ? context_.stats().pgbench_skipped
                                : context_.stats().pgbench_failed);
      return 0;
    }
    *event = Event{};
    const int64_t end_us = values[4] * kMicrosPerSecond + values[5];
    event->duration_us = values[2];
    event->start_us = end_us - values[2];
    event->session = fields[0];
    event->line = context_.lines().line_number();
    return 1;
  }

  ParseContext& context_;
};

}  // namespace

std::unique_ptr<FormatParser> MakePgbenchParser(ParseContext* context) {
  return std::make_unique<PgbenchParser>(context);
}

}  // namespace dbopt::trace
