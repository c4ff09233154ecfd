// Integer values that libpg_query's JSON leaves out, read back from the SQL text.
//
// libpg_query 15-4.0 writes an Integer node's value only when it is positive: 0 and negative
// numbers both come out as {} ("ival": {} for `0` and for `-7`). The value is then recovered
// from the source: an A_Const's location is that of its first character (the '-' of a negated
// literal), and the number written there is the magnitude; a SET STATISTICS target has no
// location, so it is the number after the matching STATISTICS keyword of the statement.
#include <cctype>

#include "lexer.h"
#include "transform.h"

namespace dbopt::sql::internal {
namespace {

// The digits of the integer literal at or after `pos`, past signs, parentheses, blanks and
// comments ("-7", "- 7", "-(7)", "-/* c */7"), without leading zeros; "0" for a zero.
std::string NonPositiveIntegerAt(std::string_view text, size_t pos) {
  for (;;) {
    pos = SkipTrivia(text, pos, text.size(), nullptr);
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '(')) {
      ++pos;
      continue;
    }
    break;
  }
  while (pos < text.size() && text[pos] == '0') ++pos;
  size_t end = pos;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  if (end == pos) return "0";
  return "-" + std::string(text.substr(pos, end - pos));
}

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool WordAt(std::string_view text, size_t pos, std::string_view word) {
  if (pos + word.size() > text.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[pos + i])) != word[i]) return false;
  }
  return pos + word.size() == text.size() || !IsWordChar(text[pos + word.size()]);
}

}  // namespace

std::string Transformer::IntegerText(JsonValue a_const) const {
  const JsonValue value = a_const["ival"]["ival"];
  if (value) return std::to_string(value.Int());
  const int location = LocOf(a_const);
  if (location == kNoLocation || static_cast<size_t>(location) >= text_.size()) return "0";
  return NonPositiveIntegerAt(text_, static_cast<size_t>(location));
}

// The number after the `ordinal`-th (0-based) "STATISTICS <number>" of the statement that
// starts at `statement`: outside strings, quoted names and comments.
std::string Transformer::StatisticsTargetText(int statement, int ordinal) const {
  size_t pos = statement == kNoLocation ? 0 : static_cast<size_t>(statement);
  int seen = 0;
  while (pos < text_.size() && text_[pos] != ';') {
    pos = SkipTrivia(text_, pos, text_.size(), nullptr);
    if (pos >= text_.size()) break;
    const char c = text_[pos];
    if (c == '\'' || c == '"') {  // a string or quoted name ('' and "" inside are two quotes)
      const size_t close = text_.find(c, pos + 1);
      pos = close == std::string_view::npos ? text_.size() : close + 1;
      continue;
    }
    if (!IsWordChar(c)) {
      ++pos;
      continue;
    }
    size_t end = pos;
    while (end < text_.size() && IsWordChar(text_[end])) ++end;
    if ((pos == 0 || !IsWordChar(text_[pos - 1])) && WordAt(text_, pos, "statistics")) {
      const size_t next = SkipTrivia(text_, end, text_.size(), nullptr);
      if (next < text_.size() &&
          (text_[next] == '-' || std::isdigit(static_cast<unsigned char>(text_[next])))) {
        if (seen++ == ordinal) return NonPositiveIntegerAt(text_, next);
      }
    }
    pos = end;
  }
  return "0";
}

}  // namespace dbopt::sql::internal
