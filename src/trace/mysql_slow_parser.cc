// MySQL slow query log (docs/trace-formats.md "MySQL slow log"). An entry is a block of "# "
// header lines, optional "use db;" and "SET timestamp=N;" lines, then the statement, possibly
// over several lines, up to the next entry's "# Time:" / "# User@Host:" / "# Query_time:".
//   # Time: 2024-01-19T16:29:48.141142Z
//   # User@Host: app[app] @  [10.2.103.21]  Id:   797
//   # Query_time: 0.000038  Lock_time: 0.000000 Rows_sent: 1  Rows_examined: 1
//   SET timestamp=1705681788;
//   SELECT …;
// The entry is written after the statement: end = "# Time:" (else SET timestamp), start =
// end − Query_time; "Start:" (log_slow_extra) is taken as the start when present.
#include <fmt/format.h>

#include "dbopt/trace/timestamp.h"
#include "format_parser.h"

namespace dbopt::trace {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// The text after "Name:" in a header line, up to the next blank; empty when absent.
std::string_view HeaderValue(std::string_view line, std::string_view name) {
  size_t at = line.find(name);
  while (at != std::string_view::npos && at > 0 && line[at - 1] != ' ')
    at = line.find(name, at + 1);
  if (at == std::string_view::npos) return {};
  size_t p = at + name.size();
  while (p < line.size() && line[p] == ' ') ++p;
  const size_t end = line.find(' ', p);
  return line.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p);
}

// "# Time:" values: ISO-8601 (MySQL 5.7+) or "yymmdd h:mm:ss" (5.6 and older, local time,
// read as UTC).
TimestampParse ParseSlowLogTime(std::string_view value) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (value.size() >= 13 && value[6] == ' ' && value.find_first_not_of("0123456789") == 6) {
    std::string_view clock = value.substr(7);
    while (!clock.empty() && clock.front() == ' ') clock.remove_prefix(1);
    const std::string iso = fmt::format("20{}-{}-{} {}{}", value.substr(0, 2), value.substr(2, 2),
                                        value.substr(4, 2), clock.size() == 7 ? "0" : "", clock);
    return ParseTimestamp(iso);
  }
  return ParseTimestamp(value);
}

struct Entry {
  int64_t line = 0;
  std::string first_line;
  bool has_time = false, has_start = false, has_query_time = false, admin = false;
  int64_t time_us = 0, start_us = 0, query_us = 0, rows = -1;
  std::string user, thread, sql;
  const char* error = nullptr;
  void Reset() { *this = Entry{}; }
};

class MysqlSlowParser : public FormatParser {
 public:
  explicit MysqlSlowParser(ParseContext* context) : context_(*context) {}

  Result<bool> Next(Event* event) override {
    std::string_view line;
    while (context_.lines().NextLine(&line)) {
      const bool entry_start = StartsWith(line, "# Time:") || StartsWith(line, "# User@Host:") ||
                               (StartsWith(line, "# Query_time:") && cur_.has_query_time);
      if (entry_start && (cur_.has_query_time || !cur_.sql.empty())) {
        std::swap(cur_, done_);
        cur_.Reset();
        Header(line);
        Result<bool> r = Finish(done_, event);
        if (!r || *r) return r;
      } else if (StartsWith(line, "# ") && cur_.sql.empty()) {
        Header(line);
      } else if (cur_.line == 0 && !cur_.has_query_time) {
        ++context_.stats().ignored_lines;  // the server's banner, blank lines
      } else {
        Body(line);
      }
    }
    if (cur_.line == 0) return false;
    std::swap(cur_, done_);
    cur_.Reset();
    return Finish(done_, event);
  }

 private:
  void Header(std::string_view line) {
    if (cur_.line == 0) {
      cur_.line = context_.lines().line_number();
      cur_.first_line.assign(line);
    }
    if (StartsWith(line, "# Time:")) {
      const TimestampParse ts = ParseSlowLogTime(line.substr(7));
      if (ts.error != nullptr) cur_.error = ts.error;
      cur_.time_us = ts.micros;
      cur_.has_time = ts.error == nullptr;
    } else if (StartsWith(line, "# User@Host:")) {
      const std::string_view user = HeaderValue(line, "User@Host:");
      cur_.user.assign(user.substr(0, user.find('[')));
      cur_.thread.assign(HeaderValue(line, "Id:"));
    } else if (StartsWith(line, "# Query_time:")) {
      cur_.has_query_time = ParseScaledExact(HeaderValue(line, "Query_time:"), 6, &cur_.query_us);
      if (!cur_.has_query_time) cur_.error = "cannot read Query_time";
      ParseScaledExact(HeaderValue(line, "Rows_sent:"), 0, &cur_.rows);
      const std::string_view start = HeaderValue(line, "Start:");
      const TimestampParse ts = ParseTimestamp(start);
      cur_.has_start = !start.empty() && ts.error == nullptr;
      cur_.start_us = ts.micros;
    } else if (StartsWith(line, "# administrator command:")) {
      cur_.admin = true;
    }
  }

  void Body(std::string_view line) {
    if (cur_.sql.empty()) {
      int64_t seconds = 0;
      if (StartsWith(line, "SET timestamp=") && line.back() == ';' &&
          ParseScaledExact(line.substr(14, line.size() - 15), 6, &seconds)) {
        if (!cur_.has_time) cur_.time_us = seconds;
        cur_.has_time = true;
        return;
      }
      if (StartsWith(line, "use ") && line.back() == ';') {
        db_.assign(line.substr(4, line.size() - 5));
        return;
      }
      if (IsBlank(line)) return;
    } else {
      cur_.sql += '\n';
    }
    cur_.sql += line;
  }

  Result<bool> Finish(const Entry& entry, Event* event) {
    const char* error = entry.error;
    if (error == nullptr && !entry.has_query_time)
      error = "the entry has no \"# Query_time:\" line";
    if (error == nullptr && !entry.has_time && !entry.has_start) {
      error = "the entry has no time (\"# Time:\" or \"SET timestamp=\")";
    }
    if (error != nullptr) {
      Status s = context_.Malformed(entry.line, std::string_view::npos, entry.first_line, error);
      if (!s) return std::move(s).error();
      return false;
    }
    if (entry.admin || entry.sql.empty()) {
      ++context_.stats().ignored_lines;
      return false;
    }
    Result<bool> ok = context_.CheckDuration(entry.query_us, entry.line, entry.first_line);
    if (!ok || !*ok) return ok;
    *event = Event{};
    event->duration_us = entry.query_us;
    event->start_us = entry.has_start ? entry.start_us : entry.time_us - entry.query_us;
    event->session = entry.thread;
    event->user = entry.user;
    event->db = db_;
    event->sql = entry.sql;
    event->rows = entry.rows;
    event->line = entry.line;
    return true;
  }

  ParseContext& context_;
  Entry cur_;       // the entry being read
  Entry done_;      // the entry just completed; the event's views point into it
  std::string db_;  // "use db;" lasts until the next one (the log writer's current database)
};

}  // namespace

std::unique_ptr<FormatParser> MakeMysqlSlowParser(ParseContext* context) {
  return std::make_unique<MysqlSlowParser>(context);
}

}  // namespace dbopt::trace
