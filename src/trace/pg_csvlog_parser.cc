// PostgreSQL csvlog (docs/trace-formats.md "PostgreSQL csvlog"): one RFC 4180 record per
// message, 23 columns up to PostgreSQL 12, 24 in 13 (backend_type), 26 from 14 (leader_pid,
// query_id). The columns read are the same in every layout; the statement and its duration
// are inside `message`, as in the stderr log.
#include <fmt/format.h>

#include "csv_record.h"
#include "dbopt/trace/timestamp.h"
#include "pg_event_builder.h"

namespace dbopt::trace {

namespace {

// Column indexes (csvlog.c, write_csvlog).
constexpr size_t kLogTime = 0;
constexpr size_t kUserName = 1;
constexpr size_t kDatabaseName = 2;
constexpr size_t kProcessId = 3;
constexpr size_t kSessionId = 5;
constexpr size_t kErrorSeverity = 11;
constexpr size_t kMessage = 13;
constexpr size_t kMinColumns = 23;
constexpr size_t kMaxColumns = 26;

class PgCsvlogParser : public FormatParser {
 public:
  explicit PgCsvlogParser(ParseContext* context)
      : context_(*context), records_(&context->lines()), builder_(context) {}

  Result<bool> Next(Event* event) override {
    while (true) {
      const CsvRecordReader::Outcome outcome = records_.Next();
      if (outcome == CsvRecordReader::Outcome::kEnd) return builder_.Flush(event);
      Result<bool> r = outcome == CsvRecordReader::Outcome::kRecord
                           ? Process(event)
                           : Bad(records_.error_offset(), records_.error());
      if (!r || *r) return r;
    }
  }

 private:
  Result<bool> Bad(size_t offset, std::string message) {
    Status s =
        context_.Malformed(records_.line(), offset, records_.first_line(), std::move(message));
    if (!s) return std::move(s).error();
    return false;
  }

  Result<bool> Process(Event* event) {
    if (records_.size() < kMinColumns || records_.size() > kMaxColumns) {
      return Bad(std::string_view::npos,
                 fmt::format("a csvlog record has 23 to 26 columns, not {}", records_.size()));
    }
    if (records_.field(kErrorSeverity) != "LOG") {
      ++context_.stats().ignored_lines;
      return false;
    }
    const TimestampParse ts = ParseTimestamp(records_.field(kLogTime));
    if (ts.error != nullptr) return Bad(0, fmt::format("bad log_time: {}", ts.error));
    PgRecord r;
    r.time_us = ts.micros;
    r.session = records_.field(kSessionId);
    if (r.session.empty()) r.session = records_.field(kProcessId);
    r.user = records_.field(kUserName);
    r.db = records_.field(kDatabaseName);
    r.message = records_.field(kMessage);
    r.line = records_.line();
    r.source_line = records_.first_line();
    return builder_.Add(r, event);
  }

  ParseContext& context_;
  CsvRecordReader records_;
  PgEventBuilder builder_;
};

}  // namespace

std::unique_ptr<FormatParser> MakePgCsvlogParser(ParseContext* context) {
  return std::make_unique<PgCsvlogParser>(context);
}

}  // namespace dbopt::trace
