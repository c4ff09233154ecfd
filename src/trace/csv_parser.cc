// CSV traces with a header (docs/trace-formats.md "CSV"): each event field comes from a column
// chosen by --csv-map KEY=COLUMN,… (a header name or a 1-based number); without a mapping, the
// header names equal the JSONL keys. Values are read as in JSONL: ts as an ISO-8601 timestamp
// or epoch seconds, duration_ms as a decimal number, rows as an integer; empty cells are absent.
#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "csv_record.h"
#include "dbopt/base/did_you_mean.h"
#include "dbopt/trace/timestamp.h"
#include "format_parser.h"

namespace dbopt::trace {

namespace {

enum Key { kTs, kDurationMs, kSql, kSession, kTxn, kUser, kDb, kShardKey, kRows, kKeyCount };
constexpr std::array<const char*, kKeyCount> kKeyNames = {
    "ts", "duration_ms", "sql", "session", "txn", "user", "db", "shard_key", "rows"};
constexpr size_t kNoColumn = static_cast<size_t>(-1);

using Columns = std::array<size_t, kKeyCount>;

// The column of `spec` (a header name or a 1-based number) in `header`.
Result<size_t> FindColumn(const std::vector<std::string>& header, std::string_view spec,
                          const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == spec) return i;
  }
  int64_t number = 0;
  if (ParseScaledExact(spec, 0, &number) && spec.find('.') == std::string_view::npos) {
    if (number >= 1 && static_cast<size_t>(number) <= header.size()) {
      return static_cast<size_t>(number - 1);
    }
    return Error::Usage(
        fmt::format("--csv-map: column {} is out of range: the CSV header of {} "
                    "has {} columns",
                    number, name, header.size()));
  }
  Error error =
      Error::Usage(fmt::format("--csv-map: the CSV header of {} has no column \"{}\"", name, spec));
  if (auto guess = DidYouMean(spec, header))
    error.diagnostic.hint = fmt::format("did you mean \"{}\"?", *guess);
  return error;
}

// The columns of the event fields from the header and the --csv-map text.
Result<Columns> MapColumns(const std::vector<std::string>& header, std::string_view map,
                           const std::string& name) {
  Columns columns;
  columns.fill(kNoColumn);
  const std::vector<std::string> keys(kKeyNames.begin(), kKeyNames.end());
  for (size_t k = 0; k < kKeyCount && map.empty(); ++k) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == kKeyNames[k]) columns[k] = i;
    }
  }
  while (!map.empty()) {
    const size_t comma = map.find(',');
    const std::string_view item = map.substr(0, comma);
    map = comma == std::string_view::npos ? std::string_view() : map.substr(comma + 1);
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return Error::Usage(fmt::format("--csv-map: expected KEY=COLUMN, not \"{}\"", item));
    }
    const std::string key(item.substr(0, eq));
    size_t k = 0;
    while (k < kKeyCount && key != kKeyNames[k]) ++k;
    if (k == kKeyCount) {
      Error error = Error::Usage(fmt::format("--csv-map: unknown key \"{}\"", key));
      error.diagnostic.hint = DidYouMean(key, keys)
                                  ? fmt::format("did you mean \"{}\"?", *DidYouMean(key, keys))
                                  : fmt::format("the keys are: {}", fmt::join(keys, ", "));
      return error;
    }
    Result<size_t> column = FindColumn(header, item.substr(eq + 1), name);
    if (!column) return std::move(column).error();
    columns[k] = *column;
  }
  for (Key required : {kTs, kDurationMs}) {
    if (columns[required] == kNoColumn) {
      return Error::BadInput(
          fmt::format("the CSV header of {} has no \"{}\" column; map one with --csv-map {}=COLUMN",
                      name, kKeyNames[required], kKeyNames[required]));
    }
  }
  return columns;
}

class CsvParser : public FormatParser {
 public:
  CsvParser(ParseContext* context, Columns columns)
      : context_(*context), records_(&context->lines()), columns_(columns) {}

  Result<bool> Next(Event* event) override {
    while (true) {
      const CsvRecordReader::Outcome outcome = records_.Next();
      if (outcome == CsvRecordReader::Outcome::kEnd) return false;
      std::string error;
      size_t offset = std::string_view::npos;
      if (outcome == CsvRecordReader::Outcome::kMalformed) {
        error = records_.error();
        offset = records_.error_offset();
      } else if (Read(event, &error)) {
        Result<bool> ok =
            context_.CheckDuration(event->duration_us, event->line, records_.first_line());
        if (!ok || *ok) return ok;
        continue;
      }
      Status s = context_.Malformed(records_.line(), offset, records_.first_line(), error);
      if (!s) return std::move(s).error();
    }
  }

 private:
  std::string_view Cell(Key key) const {
    const size_t c = columns_[key];
    return c < records_.size() ? records_.field(c) : std::string_view();
  }

  bool Read(Event* event, std::string* error) {
    *event = Event{};
    const TimestampParse ts = ParseTimestamp(Cell(kTs));
    if (ts.error != nullptr) {
      *error = fmt::format("bad \"ts\" \"{}\": {}", Cell(kTs), ts.error);
      return false;
    }
    event->start_us = ts.micros;
    if (!ParseScaledExact(Cell(kDurationMs), 3, &event->duration_us)) {
      *error = fmt::format("\"duration_ms\" \"{}\" is not a number", Cell(kDurationMs));
      return false;
    }
    if (!Cell(kRows).empty() && (!ParseScaledExact(Cell(kRows), 0, &event->rows) ||
                                 Cell(kRows).find('.') != std::string_view::npos)) {
      *error = fmt::format("\"rows\" \"{}\" is not an integer", Cell(kRows));
      return false;
    }
    event->sql = Cell(kSql);
    event->session = Cell(kSession);
    event->txn = Cell(kTxn);
    event->user = Cell(kUser);
    event->db = Cell(kDb);
    event->shard_key = Cell(kShardKey);
    event->line = records_.line();
    return true;
  }

  ParseContext& context_;
  CsvRecordReader records_;
  Columns columns_;
};

}  // namespace

Result<std::unique_ptr<FormatParser>> MakeCsvParser(ParseContext* context) {
  CsvRecordReader records(&context->lines());
  if (records.Next() != CsvRecordReader::Outcome::kRecord) {
    return Error::BadInput(fmt::format("the CSV trace {} has no header line", context->name()));
  }
  std::vector<std::string> header;
  for (size_t i = 0; i < records.size(); ++i) header.emplace_back(records.field(i));
  Result<Columns> columns = MapColumns(header, context->options().csv_map, context->name());
  if (!columns) return std::move(columns).error();
  return std::unique_ptr<FormatParser>(new CsvParser(context, *columns));
}

}  // namespace dbopt::trace
