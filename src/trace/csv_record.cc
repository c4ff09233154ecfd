#include "csv_record.h"

#include <fmt/format.h>

namespace dbopt::trace {

namespace {

// TUNING: a quoted field that runs over this many lines is taken for a missing closing quote.
constexpr int64_t kMaxRecordLines = 100000;

}  // namespace

CsvRecordReader::Outcome CsvRecordReader::Next() {
  std::string_view text;
  do {
    if (!lines_.NextLine(&text)) return Outcome::kEnd;
  } while (text.empty());
  line_ = lines_.line_number();
  first_line_.assign(text);
  data_.clear();
  spans_.clear();
  in_quotes_ = false;
  field_start_ = 0;
  error_.clear();
  while (true) {
    size_t pos = 0;
    if (Split(text, &pos)) {
      if (!error_.empty()) return Outcome::kMalformed;
      return Outcome::kRecord;
    }
    if (!lines_.NextLine(&text) || lines_.line_number() - line_ > kMaxRecordLines) {
      error_ = fmt::format("the quoted field is not closed (the record starts in line {})", line_);
      error_offset_ = std::string_view::npos;
      return Outcome::kMalformed;
    }
    data_ += '\n';  // the newline inside the quoted field
  }
}

bool CsvRecordReader::Split(std::string_view text, size_t* pos) {
  size_t p = *pos;
  while (true) {
    if (in_quotes_) {
      const size_t quote = text.find('"', p);
      if (quote == std::string_view::npos) {
        data_.append(text.substr(p));
        return false;
      }
      data_.append(text.substr(p, quote - p));
      if (quote + 1 < text.size() && text[quote + 1] == '"') {
        data_ += '"';
        p = quote + 2;
        continue;
      }
      in_quotes_ = false;
      p = quote + 1;
      if (p < text.size() && text[p] != ',') {
        error_ = "unexpected character after a closing quote";
        error_offset_ = line_ == lines_.line_number() ? p : std::string_view::npos;
      }
    } else if (p < text.size() && text[p] == '"' && data_.size() == field_start_) {
      in_quotes_ = true;
      ++p;
      continue;
    } else {
      const size_t comma = text.find(',', p);
      const size_t stop = comma == std::string_view::npos ? text.size() : comma;
      data_.append(text.substr(p, stop - p));
      p = stop;
    }
    // At a comma or the end of the line: the field is complete.
    if (p < text.size() && text[p] != ',') {
      const size_t comma = text.find(',', p);
      p = comma == std::string_view::npos ? text.size() : comma;
    }
    spans_.emplace_back(static_cast<uint32_t>(field_start_),
                        static_cast<uint32_t>(data_.size() - field_start_));
    field_start_ = data_.size();
    if (p >= text.size()) return true;
    ++p;                     // the comma
    if (p == text.size()) {  // a trailing comma: one more empty field
      spans_.emplace_back(static_cast<uint32_t>(field_start_), 0);
      return true;
    }
  }
}

std::vector<std::string> SplitCsvLine(std::string_view line, size_t max) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size() && fields.size() <= max; ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (fields.size() > max) fields.resize(max);
  return fields;
}

}  // namespace dbopt::trace
