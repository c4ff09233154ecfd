#include "dbopt/trace/detect.h"

#include <vector>

#include <fmt/format.h>

#include "csv_record.h"
#include "dbopt/trace/timestamp.h"
#include "log_prefix.h"

namespace dbopt::trace {

namespace {

// TUNING: detection reads at most this many non-blank lines.
constexpr size_t kSampleLines = 50;
// TUNING: an unknown first line is quoted up to this many bytes in the message.
constexpr size_t kQuotedLine = 60;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool IsMysqlSlow(std::string_view line) {
  return StartsWith(line, "# Time:") || StartsWith(line, "# User@Host:") ||
         StartsWith(line, "# Query_time:") ||
         (line.find(", Version: ") != std::string_view::npos &&
          line.find("started with:") != std::string_view::npos);
}

bool IsPgbench(std::string_view line) {
  size_t fields = 0;
  for (size_t p = 0; p < line.size();) {
    const size_t end = std::min(line.find(' ', p), line.size());
    const std::string_view field = line.substr(p, end - p);
    const bool number =
        !field.empty() && field.find_first_not_of("0123456789") == std::string_view::npos;
    if (!number && !(fields == 2 && (field == "skipped" || field == "failed"))) return false;
    ++fields;
    p = end + 1;
  }
  return fields >= 6 && fields <= 8;
}

bool IsCsvlog(std::string_view line) {
  const std::vector<std::string> fields = SplitCsvLine(line, 27);
  if (fields.size() < 23 || fields.size() > 26) return false;
  if (ParseTimestamp(fields[0]).error != nullptr || fields[11].empty()) return false;
  return fields[11].find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
}

bool IsPgStderr(std::string_view line) {
  static const std::vector<LogPrefix> kPrefixes = [] {
    std::vector<LogPrefix> prefixes;
    for (const std::string& text : LogPrefix::Defaults()) {
      prefixes.push_back(LogPrefix::Compile(text).value());
    }
    return prefixes;
  }();
  PrefixFields fields;
  for (const LogPrefix& prefix : kPrefixes) {
    if (prefix.Match(line, &fields)) return true;
  }
  return false;
}

bool IsCsvHeader(std::string_view line) {
  const std::vector<std::string> names = SplitCsvLine(line, 1000);
  if (names.size() < 2) return false;
  for (const std::string& name : names) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
    if (name.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ .-") !=
        std::string::npos) {
      return false;
    }
  }
  return true;
}

// The non-blank lines of `head`; a last line cut by the end of `head` is left out.
std::vector<std::pair<int, std::string_view>> SampleLines(std::string_view head) {
  std::vector<std::pair<int, std::string_view>> lines;
  int number = 0;
  for (size_t pos = 0; pos < head.size() && lines.size() < kSampleLines;) {
    const size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos && !lines.empty()) break;
    std::string_view line = head.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    if (!IsBlankText(line)) lines.emplace_back(number, line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

// Formats whose lines are distinctive enough to prove a mix (CSV headers are not).
bool IsDistinctive(TraceFormat format) {
  return format != TraceFormat::kAuto && format != TraceFormat::kCsv;
}

}  // namespace

bool IsBlankText(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

TraceFormat ClassifyLine(std::string_view line) {
  if (StartsWith(line, "{")) return TraceFormat::kJsonl;
  if (IsMysqlSlow(line)) return TraceFormat::kMysqlSlow;
  if (IsPgbench(line)) return TraceFormat::kPgbench;
  if (IsCsvlog(line)) return TraceFormat::kPgCsvlog;
  if (IsPgStderr(line)) return TraceFormat::kPgStderr;
  if (IsCsvHeader(line)) return TraceFormat::kCsv;
  return TraceFormat::kAuto;
}

Result<TraceFormat> DetectFormat(std::string_view name, std::string_view head,
                                 std::string_view log_line_prefix) {
  const std::vector<std::pair<int, std::string_view>> lines = SampleLines(head);
  if (lines.empty()) return Error::BadInput(fmt::format("trace {} has no events", name));
  const std::string_view first = lines[0].second;
  TraceFormat format = ClassifyLine(first);
  if (format == TraceFormat::kAuto && !log_line_prefix.empty()) {
    Result<LogPrefix> prefix = LogPrefix::Compile(log_line_prefix);
    PrefixFields fields;
    if (prefix && prefix->Match(first, &fields)) format = TraceFormat::kPgStderr;
  }
  if (format == TraceFormat::kAuto) {
    std::string quoted(first.substr(0, kQuotedLine));
    if (first.size() > kQuotedLine) quoted += "\u2026";
    return Error::BadInput(
        fmt::format("cannot detect the trace format of {}: the first line looks like \"{}\"; use "
                    "--trace-format one of {}",
                    name, quoted, kTraceFormatNames));
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    const TraceFormat other = ClassifyLine(lines[i].second);
    if (other != format && IsDistinctive(other)) {
      return Error::BadInput(fmt::format(
          "trace {} mixes formats: line {} looks like {} but line {} looks like {}; use "
          "--trace-format to read it as one of them",
          name, lines[0].first, TraceFormatName(format), lines[i].first, TraceFormatName(other)));
    }
  }
  return format;
}

}  // namespace dbopt::trace
