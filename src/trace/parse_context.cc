#include <fmt/format.h>

#include "format_parser.h"

namespace dbopt::trace {

namespace {

// TUNING: a diagnostic shows at most this many bytes of the offending line.
constexpr size_t kMaxShownLine = 200;

// The 1-based character column of a byte offset (UTF-8 continuation bytes do not count).
int CharacterColumn(std::string_view line, size_t byte_offset) {
  int column = 1;
  for (size_t i = 0; i < byte_offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// The line cut at kMaxShownLine bytes (at a character boundary), with "…" when cut.
std::string ShownLine(std::string_view line) {
  if (line.size() <= kMaxShownLine) return std::string(line);
  size_t cut = kMaxShownLine;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return std::string(line.substr(0, cut)) + "\u2026";
}

}  // namespace

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

Status ParseContext::Malformed(int64_t line, size_t byte_column, std::string_view source_line,
                               std::string message) {
  ++stats_->malformed_lines;
  const bool keep =
      options_.strict || stats_->malformed.size() < static_cast<size_t>(options_.max_reported);
  if (!keep) return Ok{};
  Diagnostic d;
  d.severity = options_.strict ? Severity::kError : Severity::kWarning;
  d.file = name();
  d.line = static_cast<int>(line);
  if (byte_column != std::string_view::npos && byte_column <= kMaxShownLine) {
    d.column = CharacterColumn(source_line, byte_column);
  }
  d.message = std::move(message);
  d.source_line = ShownLine(source_line);
  if (options_.strict) {
    d.hint = "without --strict, malformed lines are counted and skipped";
    return Error::At(std::move(d));
  }
  stats_->malformed.push_back(std::move(d));
  return Ok{};
}

Result<bool> ParseContext::CheckDuration(int64_t duration_us, int64_t line,
                                         std::string_view source_line) {
  std::string message;
  if (duration_us < 0) {
    message = fmt::format("negative duration {:.3f} ms", duration_us / 1000.0);
  } else if (duration_us > options_.max_duration_us) {
    message = fmt::format("duration {:.3f} ms is longer than the maximum {:.0f} s",
                          duration_us / 1000.0, options_.max_duration_us / 1e6);
  } else {
    return true;
  }
  if (Status s = Malformed(line, std::string_view::npos, source_line, std::move(message)); !s) {
    return std::move(s).error();
  }
  return false;
}

}  // namespace dbopt::trace
