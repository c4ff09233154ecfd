// ScanLiterals: a single pass over the bytes of a statement, following the token rules of
// PostgreSQL 15's lexer (src/backend/parser/scan.l) for what matters to literals: comments,
// quoted strings of each kind, dollar quotes, quoted identifiers, parameters, numbers.
#include "dbopt/sql/literal_scan.h"

#include <cstdint>

namespace dbopt::sql {
namespace {

// Character classes as bits of one table (the scan looks at every byte of every event's SQL):
// identifier start (letters, '_', bytes >= 0x80), identifier character (also digits and '$'),
// digit, blank (space, \t, \n, \r, \f, \v).
enum : uint8_t { kIdentStart = 1, kIdentChar = 2, kDigit = 4, kSpace = 8 };

struct CharClasses {
  uint8_t bits[256] = {};
  constexpr CharClasses() {
    for (int c = 0; c < 256; ++c) {
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
      const bool digit = c >= '0' && c <= '9';
      if (letter) bits[c] |= kIdentStart | kIdentChar;
      if (digit) bits[c] |= kDigit | kIdentChar;
      if (c == '$') bits[c] |= kIdentChar;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        bits[c] |= kSpace;
    }
  }
};
constexpr CharClasses kClasses;

bool Is(unsigned char c, uint8_t bits) { return (kClasses.bits[c] & bits) != 0; }
bool IsIdentStart(unsigned char c) { return Is(c, kIdentStart); }
bool IsIdentChar(unsigned char c) { return Is(c, kIdentChar); }
bool IsDigit(unsigned char c) { return Is(c, kDigit); }
bool IsSpace(unsigned char c) { return Is(c, kSpace); }

// End of a quoted run starting at the opening quote `pos` (quote doubled inside = escaped; with
// `backslash`, a backslash escapes the next byte). Returns one past the closing quote.
size_t QuotedEnd(std::string_view s, size_t pos, char quote, bool backslash) {
  size_t i = pos + 1;
  while (i < s.size()) {
    const char c = s[i];
    if (backslash && c == '\\') {
      i += 2;
      continue;
    }
    if (c == quote) {
      if (i + 1 < s.size() && s[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return s.size();
}

// A block comment (nested, as PostgreSQL allows) from `pos` ("/*"); returns one past its end.
size_t BlockCommentEnd(std::string_view s, size_t pos) {
  int depth = 0;
  size_t i = pos;
  while (i + 1 < s.size()) {
    if (s[i] == '/' && s[i + 1] == '*') {
      ++depth;
      i += 2;
    } else if (s[i] == '*' && s[i + 1] == '/') {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return s.size();
}

// A dollar quote's tag at `pos` ('$'): "$tag$" length, or 0 when there is none.
size_t DollarTagLength(std::string_view s, size_t pos) {
  size_t i = pos + 1;
  if (i < s.size() && s[i] != '$') {
    if (!IsIdentStart(static_cast<unsigned char>(s[i]))) return 0;
    while (i < s.size() && s[i] != '$' && IsIdentChar(static_cast<unsigned char>(s[i]))) ++i;
  }
  return i < s.size() && s[i] == '$' ? i + 1 - pos : 0;
}

size_t NumberEnd(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i < s.size() && s[i] == '.' && !(i + 1 < s.size() && s[i + 1] == '.')) {
    ++i;
    while (i < s.size() && IsDigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (j < s.size() && IsDigit(static_cast<unsigned char>(s[j]))) {
      i = j;
      while (i < s.size() && IsDigit(static_cast<unsigned char>(s[i]))) ++i;
    }
  }
  return i;
}

class Scanner {
 public:
  Scanner(std::string_view sql, LiteralScan* out) : s_(sql), out_(out) {}

  void Run() {
    while (i_ < s_.size()) Step();
  }

 private:
  void Literal(size_t begin, size_t end, LiteralKind kind) {
    Blank();
    out_->literals.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), kind});
    out_->shape.push_back(kLiteralMark);
    i_ = end;
  }
  void Copy(size_t end) {
    Blank();
    out_->shape.append(s_.data() + i_, end - i_);
    i_ = end;
  }
  // A pending blank becomes one space, except at the start.
  void Blank() {
    if (space_ && !out_->shape.empty()) out_->shape.push_back(' ');
    space_ = false;
  }

  void Step() {
    const unsigned char c = static_cast<unsigned char>(s_[i_]);
    const unsigned char next = i_ + 1 < s_.size() ? static_cast<unsigned char>(s_[i_ + 1]) : 0;
    if (IsSpace(c)) {
      space_ = true;
      ++i_;
    } else if (c == '-' && next == '-') {
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      space_ = true;
    } else if (c == '/' && next == '*') {
      i_ = BlockCommentEnd(s_, i_);
      space_ = true;
    } else if (c == '\'') {
      Literal(i_, QuotedEnd(s_, i_, '\'', false), LiteralKind::kString);
    } else if (c == '"') {
      Copy(QuotedEnd(s_, i_, '"', false));
    } else if (c == '$') {
      Dollar(next);
    } else if (IsDigit(c) || (c == '.' && IsDigit(next))) {
      Literal(i_, NumberEnd(s_, i_), LiteralKind::kNumber);
    } else if (IsIdentStart(c)) {
      Identifier(c, next);
    } else {
      Copy(i_ + 1);
    }
  }

  void Dollar(unsigned char next) {
    if (IsDigit(next)) {  // a parameter $n
      size_t end = i_ + 1;
      while (end < s_.size() && IsDigit(static_cast<unsigned char>(s_[end]))) ++end;
      Copy(end);
      return;
    }
    const size_t tag = DollarTagLength(s_, i_);
    if (tag == 0) {
      Copy(i_ + 1);
      return;
    }
    const size_t close = s_.find(s_.substr(i_, tag), i_ + tag);
    Literal(i_, close == std::string_view::npos ? s_.size() : close + tag,
            LiteralKind::kDollarString);
  }

  // A keyword or identifier; E'', B'', X'', N'' and U&'' start literals.
  void Identifier(unsigned char c, unsigned char next) {
    const unsigned char lower = c | 0x20;
    if (next == '\'') {
      if (lower == 'e')
        return Literal(i_, QuotedEnd(s_, i_ + 1, '\'', true), LiteralKind::kEscapeString);
      if (lower == 'b' || lower == 'x') {
        return Literal(i_, QuotedEnd(s_, i_ + 1, '\'', false), LiteralKind::kBitString);
      }
      if (lower == 'n')
        return Literal(i_, QuotedEnd(s_, i_ + 1, '\'', false), LiteralKind::kString);
    }
    if (lower == 'u' && next == '&' && i_ + 2 < s_.size() && s_[i_ + 2] == '\'') {
      return Literal(i_, QuotedEnd(s_, i_ + 2, '\'', false), LiteralKind::kEscapeString);
    }
    size_t end = i_ + 1;
    while (end < s_.size() && IsIdentChar(static_cast<unsigned char>(s_[end]))) ++end;
    Copy(end);
  }

  std::string_view s_;
  LiteralScan* out_;
  size_t i_ = 0;
  bool space_ = false;
};

bool DecodeEscape(char c, std::string* value) {
  switch (c) {
    case '\\':
      value->push_back('\\');
      return true;
    case '\'':
      value->push_back('\'');
      return true;
    case 'n':
      value->push_back('\n');
      return true;
    case 't':
      value->push_back('\t');
      return true;
    case 'r':
      value->push_back('\r');
      return true;
    case 'b':
      value->push_back('\b');
      return true;
    case 'f':
      value->push_back('\f');
      return true;
    default:
      return false;  // octal, hex, unicode: not decoded here
  }
}

}  // namespace

void ScanLiterals(std::string_view sql, LiteralScan* out) {
  out->shape.clear();
  out->literals.clear();
  Scanner(sql, out).Run();
}

bool LiteralValue(std::string_view sql, const Literal& literal, std::string* value) {
  value->clear();
  const std::string_view token = sql.substr(literal.begin, literal.end - literal.begin);
  if (literal.kind == LiteralKind::kNumber) {
    value->assign(token);
    return true;
  }
  if (literal.kind == LiteralKind::kDollarString) {
    const size_t tag = DollarTagLength(token, 0);
    if (tag == 0 || token.size() < 2 * tag) return false;
    value->assign(token.substr(tag, token.size() - 2 * tag));
    return true;
  }
  if (token.size() >= 2 && token[0] == 'U' && token[1] == '&') return false;
  const size_t open = token.find('\'');
  if (open == std::string_view::npos || token.size() < open + 2 || token.back() != '\'') {
    return false;  // unterminated
  }
  const bool escapes = literal.kind == LiteralKind::kEscapeString;
  for (size_t i = open + 1; i + 1 < token.size(); ++i) {
    const char c = token[i];
    if (c == '\'') {
      ++i;  // a doubled quote
      value->push_back('\'');
    } else if (escapes && c == '\\') {
      if (!DecodeEscape(token[++i], value)) return false;
    } else {
      value->push_back(c);
    }
  }
  return true;
}

}  // namespace dbopt::sql
