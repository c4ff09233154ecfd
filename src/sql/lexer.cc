#include "lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace dbopt::sql::internal {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentChar(char c) {
  return IsIdentStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}
bool IsOperatorChar(char c) { return std::strchr("+-*/<>=~!@#%^&|`?", c) != nullptr && c != '\0'; }

// End of a /* */ comment starting at pos (comments nest in PostgreSQL); `end` when unterminated.
size_t SkipBlockComment(std::string_view text, size_t pos, size_t end) {
  int depth = 0;
  while (pos < end) {
    if (pos + 1 < end && text[pos] == '/' && text[pos + 1] == '*') {
      ++depth;
      pos += 2;
    } else if (pos + 1 < end && text[pos] == '*' && text[pos + 1] == '/') {
      pos += 2;
      if (--depth == 0) return pos;
    } else {
      ++pos;
    }
  }
  return end;
}

size_t SkipLineComment(std::string_view text, size_t pos, size_t end) {
  while (pos < end && text[pos] != '\n') ++pos;
  return pos;
}

// A quoted run starting at pos (the opening quote): '' or "" doubles the quote; with
// `backslash` (E'' strings) a backslash escapes the next character.
size_t SkipQuoted(std::string_view text, size_t pos, char quote, bool backslash) {
  ++pos;
  while (pos < text.size()) {
    const char c = text[pos];
    if (backslash && c == '\\') {
      pos += 2;
    } else if (c == quote) {
      if (pos + 1 < text.size() && text[pos + 1] == quote) {
        pos += 2;
      } else {
        return pos + 1;
      }
    } else {
      ++pos;
    }
  }
  return text.size();
}

// A dollar-quoted string `$tag$ ... $tag$` when one starts at pos; pos itself otherwise.
size_t SkipDollarQuoted(std::string_view text, size_t pos) {
  size_t tag_end = pos + 1;
  if (tag_end < text.size() && std::isdigit(static_cast<unsigned char>(text[tag_end]))) return pos;
  while (tag_end < text.size() && text[tag_end] != '$' && IsIdentChar(text[tag_end])) ++tag_end;
  if (tag_end >= text.size() || text[tag_end] != '$') return pos;
  const std::string_view tag = text.substr(pos, tag_end - pos + 1);
  const size_t close = text.find(tag, tag_end + 1);
  return close == std::string_view::npos ? text.size() : close + tag.size();
}

bool KeywordIs(std::string_view word, const char* keyword) {
  const size_t n = std::strlen(keyword);
  if (word.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    if (std::toupper(static_cast<unsigned char>(word[i])) != keyword[i]) return false;
  }
  return true;
}

constexpr std::array<const char*, 14> kChainKeywords = {
    "NOT",     "IS", "LIKE",  "ILIKE",     "SIMILAR", "BETWEEN", "IN",
    "COLLATE", "AT", "UNION", "INTERSECT", "EXCEPT",  "ISNULL",  "NOTNULL"};
constexpr std::array<const char*, 19> kResetKeywords = {
    "AND", "OR",     "WHEN",      "THEN",   "ELSE", "END",   "SELECT", "FROM", "WHERE", "ON",
    "SET", "VALUES", "RETURNING", "HAVING", "BY",   "LIMIT", "OFFSET", "AS",   "USING"};

}  // namespace

size_t SkipTrivia(std::string_view text, size_t pos, size_t end,
                  std::vector<std::string>* comments) {
  end = std::min(end, text.size());
  while (pos < end) {
    if (IsSpace(text[pos])) {
      ++pos;
      continue;
    }
    size_t comment_end = pos;
    if (pos + 1 < end && text[pos] == '-' && text[pos + 1] == '-') {
      comment_end = SkipLineComment(text, pos, end);
    } else if (pos + 1 < end && text[pos] == '/' && text[pos + 1] == '*') {
      comment_end = SkipBlockComment(text, pos, end);
    } else {
      break;
    }
    if (comments) {
      std::string_view comment = text.substr(pos, comment_end - pos);
      while (!comment.empty() && (comment.back() == '\r' || comment.back() == ' '))
        comment.remove_suffix(1);
      comments->emplace_back(comment);
    }
    pos = comment_end;
  }
  return pos;
}

std::vector<std::pair<size_t, size_t>> SplitSql(std::string_view text, size_t begin, size_t end,
                                                bool nesting, bool* unclosed) {
  std::vector<std::pair<size_t, size_t>> out;
  end = std::min(end, text.size());
  const std::string_view scan = text.substr(0, end);  // quoted runs stop at `end` too
  size_t start = begin;
  size_t pos = begin;
  int parens = 0;
  int blocks = 0;       // psql's begin_depth
  int identifiers = 0;  // words seen in this statement
  while (pos < end) {
    const char c = scan[pos];
    if (c == '-' && pos + 1 < end && scan[pos + 1] == '-') {
      pos = SkipLineComment(scan, pos, end);
    } else if (c == '/' && pos + 1 < end && scan[pos + 1] == '*') {
      pos = SkipBlockComment(scan, pos, end);
    } else if (c == '\'' || c == '"') {
      pos = SkipQuoted(scan, pos, c, false);
    } else if (c == '$') {
      const size_t after = SkipDollarQuoted(scan, pos);
      pos = after == pos ? pos + 1 : after;
    } else if (c == '(') {
      ++parens;
      ++pos;
    } else if (c == ')') {
      parens = std::max(0, parens - 1);
      ++pos;
    } else if (c == ';') {
      if (!nesting || (parens == 0 && blocks == 0)) {
        out.emplace_back(start, pos);
        start = pos + 1;
        identifiers = 0;
        parens = 0;
        blocks = 0;
      }
      ++pos;
    } else if (IsIdentStart(c)) {
      const size_t word_start = pos;
      while (pos < end && IsIdentChar(scan[pos])) ++pos;
      if (pos < end && scan[pos] == '\'' && pos - word_start == 1) {
        pos = SkipQuoted(scan, pos, '\'', std::toupper(static_cast<unsigned char>(c)) == 'E');
        continue;
      }
      const std::string_view word = scan.substr(word_start, pos - word_start);
      ++identifiers;
      if ((KeywordIs(word, "BEGIN") || KeywordIs(word, "CASE")) && identifiers > 1) {
        ++blocks;
      } else if (KeywordIs(word, "END") && blocks > 0) {
        --blocks;
      }
    } else {
      ++pos;
    }
  }
  if (start < end) out.emplace_back(start, end);
  if (unclosed) *unclosed = parens > 0 || blocks > 0;
  return out;
}

int EstimateNestingDepth(std::string_view sql) {
  struct Level {
    int base;   // depth of the enclosing levels
    int chain;  // operators seen since the last list separator at this level
  };
  std::vector<Level> levels = {{0, 0}};
  int deepest = 0;
  auto note = [&] { deepest = std::max(deepest, levels.back().base + levels.back().chain); };
  size_t pos = 0;
  while (pos < sql.size()) {
    const char c = sql[pos];
    if (IsSpace(c)) {
      ++pos;
    } else if (c == '-' && pos + 1 < sql.size() && sql[pos + 1] == '-') {
      pos = SkipLineComment(sql, pos, sql.size());
    } else if (c == '/' && pos + 1 < sql.size() && sql[pos + 1] == '*') {
      pos = SkipBlockComment(sql, pos, sql.size());
    } else if (c == '\'' || c == '"') {
      pos = SkipQuoted(sql, pos, c, false);
    } else if (c == '$') {
      const size_t after = SkipDollarQuoted(sql, pos);
      pos = after == pos ? pos + 1 : after;  // $1 parameters: the digits follow as a number
    } else if (c == '(' || c == '[') {
      const Level& outer = levels.back();
      levels.push_back({outer.base + outer.chain + 1, 0});
      note();
      ++pos;
    } else if (c == ')' || c == ']') {
      if (levels.size() > 1) levels.pop_back();
      ++pos;
    } else if (c == ',' || c == ';') {
      levels.back().chain = 0;
      ++pos;
    } else if (c == ':' && pos + 1 < sql.size() && sql[pos + 1] == ':') {
      ++levels.back().chain;
      note();
      pos += 2;
    } else if (IsOperatorChar(c)) {
      while (pos < sql.size() && IsOperatorChar(sql[pos])) ++pos;
      ++levels.back().chain;
      note();
    } else if (IsIdentStart(c)) {
      const size_t start = pos;
      while (pos < sql.size() && IsIdentChar(sql[pos])) ++pos;
      // E'..', B'..', X'..', N'..', U&'..' prefixes: the string follows directly.
      if (pos < sql.size() && sql[pos] == '\'' && pos - start == 1) {
        pos = SkipQuoted(sql, pos, '\'', std::toupper(static_cast<unsigned char>(c)) == 'E');
        continue;
      }
      const std::string_view word = sql.substr(start, pos - start);
      if (std::any_of(kResetKeywords.begin(), kResetKeywords.end(),
                      [&](const char* k) { return KeywordIs(word, k); })) {
        levels.back().chain = 0;
      } else if (std::any_of(kChainKeywords.begin(), kChainKeywords.end(),
                             [&](const char* k) { return KeywordIs(word, k); })) {
        ++levels.back().chain;
        note();
      }
    } else {
      ++pos;  // digits, '.', ':' and anything else: operands
    }
  }
  return deepest;
}

}  // namespace dbopt::sql::internal
