#include "log_prefix.h"

#include <fmt/format.h>

#include "dbopt/trace/timestamp.h"

namespace dbopt::trace {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }

// Advances *pos over characters accepted by `ok`; false when none.
template <typename Pred>
bool Span(std::string_view s, size_t* pos, Pred ok) {
  const size_t start = *pos;
  while (*pos < s.size() && ok(s[*pos])) ++*pos;
  return *pos > start;
}

}  // namespace

bool MatchSeverity(std::string_view line, size_t pos, PrefixFields* fields) {
  const size_t start = pos;
  while (pos < line.size() && line[pos] >= 'A' && line[pos] <= 'Z') ++pos;
  if (pos == start || pos + 1 >= line.size() || line[pos] != ':' || line[pos + 1] != ' ') {
    return false;
  }
  fields->severity = line.substr(start, pos - start);
  pos += 2;
  if (pos < line.size() && line[pos] == ' ') ++pos;
  fields->message = line.substr(pos);
  return true;
}

Result<LogPrefix> LogPrefix::Compile(std::string_view prefix) {
  LogPrefix out;
  out.text_ = std::string(prefix);
  bool has_time = false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = prefix[i];
    if (c != '%' || (i + 1 < prefix.size() && prefix[i + 1] == '%')) {
      if (out.pieces_.empty() || out.pieces_.back().escape != 0) out.pieces_.push_back(Piece{});
      out.pieces_.back().literal += c;
      if (c == '%') ++i;
      continue;
    }
    if (++i >= prefix.size()) {
      return Error::Usage(fmt::format("log_line_prefix \"{}\" ends with a lone '%'", prefix));
    }
    const char escape = prefix[i];
    if (escape == 'q') {
      out.q_index_ = out.pieces_.size();
      continue;
    }
    has_time = has_time || escape == 'm' || escape == 't' || escape == 'n';
    out.has_session_ = out.has_session_ || escape == 'c' || escape == 'p';
    out.pieces_.push_back(Piece{escape, {}});
  }
  if (!has_time) {
    return Error::Usage(fmt::format(
        "log_line_prefix \"{}\" has no time escape (%m, %t or %n): the log has no timestamps",
        prefix));
  }
  return out;
}

const std::vector<std::string>& LogPrefix::Defaults() {
  static const std::vector<std::string> kDefaults = {
      "%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h ",
      "%t [%p]: user=%u,db=%d,app=%a,client=%h ",
      "%m [%p]: user=%u,db=%d,app=%a,client=%h ",
      "%m|%u|%d|%c|",
      "%m [%p] ",
      "%m [%p] %q%u@%d ",
      "%t [%p]: ",
      "%t [%p] ",
      "%m [%p]: ",
      "%m %c ",
  };
  return kDefaults;
}

bool LogPrefix::Match(std::string_view line, PrefixFields* fields) const {
  *fields = PrefixFields{};
  size_t pos = 0;
  if (MatchPieces(line, &pos, pieces_.size(), fields) && MatchSeverity(line, pos, fields)) {
    return true;
  }
  if (q_index_ == std::string::npos) return false;
  // A process without a session stops writing the prefix at %q.
  PrefixFields partial;
  pos = 0;
  if (!MatchPieces(line, &pos, q_index_, &partial)) return false;
  if (!MatchSeverity(line, pos, &partial)) return false;
  *fields = partial;
  return true;
}

bool LogPrefix::MatchPieces(std::string_view line, size_t* pos, size_t end, PrefixFields* f) const {
  for (size_t i = 0; i < end; ++i) {
    const Piece& piece = pieces_[i];
    if (piece.escape == 0) {
      if (line.compare(*pos, piece.literal.size(), piece.literal) != 0) return false;
      *pos += piece.literal.size();
      continue;
    }
    const bool literal_follows = i + 1 < pieces_.size() && pieces_[i + 1].escape == 0;
    const std::string_view next = literal_follows ? std::string_view(pieces_[i + 1].literal) : "";
    if (!MatchEscape(piece.escape, line, pos, next, f)) return false;
  }
  return true;
}

bool LogPrefix::MatchEscape(char escape, std::string_view line, size_t* pos, std::string_view next,
                            PrefixFields* f) {
  const size_t start = *pos;
  switch (escape) {
    case 'm':
    case 't':
    case 's': {
      const TimestampParse ts = ParseTimestampPrefix(line.substr(start));
      if (ts.error == nullptr) {
        *pos += ts.length;
        if (escape != 's') {
          f->time_us = ts.micros;
          f->has_time = true;
        }
        return true;
      }
      // A date that does not parse (e.g. a zone abbreviation): still a prefix line, but one
      // whose time is unusable.
      if (line.size() < start + 10 || line[start + 4] != '-' || line[start + 7] != '-')
        return false;
      if (escape != 's') f->time_error = ts.error;
      break;  // skip to the next literal, like text
    }
    case 'n': {
      int64_t micros = 0;
      const size_t n = ParseScaled(line.substr(start), 6, &micros);
      if (n == 0) return false;
      *pos += n;
      f->time_us = micros;
      f->has_time = true;
      return true;
    }
    case 'p':
    case 'l':
    case 'x':
      if (!Span(line, pos, IsDigit)) return false;
      if (escape == 'p') f->pid = line.substr(start, *pos - start);
      return true;
    case 'c':
      if (!Span(line, pos, [](char c) { return IsHex(c) || c == '.'; })) return false;
      f->session = line.substr(start, *pos - start);
      return true;
    default:
      break;
  }
  // Text: up to the next literal (or a blank when the escape ends the prefix).
  const size_t stop = next.empty() ? line.find_first_of(" \t", start) : line.find(next, start);
  if (stop == std::string_view::npos) return false;
  *pos = stop;
  const std::string_view text = line.substr(start, stop - start);
  switch (escape) {
    case 'u':
      f->user = text;
      break;
    case 'd':
      f->db = text;
      break;
    case 'a':
      f->app = text;
      break;
    case 'h':
      f->host = text;
      break;
    case 'v':
      f->vxid = text;
      break;
    default:
      break;
  }
  return true;
}

}  // namespace dbopt::trace

namespace dbopt::trace {

namespace {

// TUNING: prefix choice and detection look at the first 50 lines.
constexpr int kSampleLines = 50;

int CountMatches(const LogPrefix& prefix, std::string_view head) {
  int matches = 0;
  int lines = 0;
  PrefixFields fields;
  size_t pos = 0;
  while (pos < head.size() && lines < kSampleLines) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) nl = head.size();
    if (prefix.Match(head.substr(pos, nl - pos), &fields)) ++matches;
    ++lines;
    pos = nl + 1;
  }
  return matches;
}

}  // namespace

Result<LogPrefix> ChooseLogPrefix(std::string_view name, std::string_view head,
                                  std::string_view user_prefix) {
  if (!user_prefix.empty()) {
    Result<LogPrefix> prefix = LogPrefix::Compile(user_prefix);
    if (!prefix) return prefix;
    if (CountMatches(*prefix, head) == 0) {
      return Error::BadInput(fmt::format(
          "the log_line_prefix \"{}\" matches none of the first lines of {}", user_prefix, name));
    }
    return prefix;
  }
  int best_matches = 0;
  const std::string* best = nullptr;
  for (const std::string& text : LogPrefix::Defaults()) {
    const int matches = CountMatches(LogPrefix::Compile(text).value(), head);
    if (matches > best_matches) {
      best_matches = matches;
      best = &text;
    }
  }
  if (best == nullptr) {
    return Error::BadInput(
        fmt::format("no common log_line_prefix matches the first lines of {}; pass yours with "
                    "--log-line-prefix",
                    name));
  }
  return LogPrefix::Compile(*best);
}

}  // namespace dbopt::trace
