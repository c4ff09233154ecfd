// Private to the trace module: RFC 4180 records over a LineSource. Fields are separated by
// commas; a field in double quotes may hold commas, newlines (the record then spans lines) and
// doubled quotes. Field values are unquoted into one buffer reused from record to record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/trace/line_source.h"

namespace dbopt::trace {

class CsvRecordReader {
 public:
  enum class Outcome { kRecord, kMalformed, kEnd };

  explicit CsvRecordReader(LineSource* lines) : lines_(*lines) {}

  // The next record (blank lines are skipped). kMalformed: error() and error_offset() say why
  // (the offset is into first_line(), npos for none); the reading can go on.
  Outcome Next();

  size_t size() const { return spans_.size(); }
  std::string_view field(size_t i) const {
    return std::string_view(data_).substr(spans_[i].first, spans_[i].second);
  }
  int64_t line() const { return line_; }  // the record's first line
  std::string_view first_line() const { return first_line_; }
  const std::string& error() const { return error_; }
  size_t error_offset() const { return error_offset_; }

 private:
  // Splits one physical line into fields; returns false when a quoted field continues on the
  // next line.
  bool Split(std::string_view text, size_t* pos);

  LineSource& lines_;
  std::string data_;
  std::vector<std::pair<uint32_t, uint32_t>> spans_;  // offset, length into data_
  bool in_quotes_ = false;
  size_t field_start_ = 0;
  int64_t line_ = 0;
  std::string first_line_;
  std::string error_;
  size_t error_offset_ = 0;
};

// Splits one line of CSV (no multi-line fields) for format detection; at most `max` fields.
std::vector<std::string> SplitCsvLine(std::string_view line, size_t max);

}  // namespace dbopt::trace
