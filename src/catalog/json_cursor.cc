#include "json_cursor.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace dbopt::catalog {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    *out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *out += static_cast<char>(0xC0 | (code_point >> 6));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    *out += static_cast<char>(0xE0 | (code_point >> 12));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (code_point >> 18));
    *out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// The length of the well-formed UTF-8 sequence at p (RFC 3629: no overlongs, no surrogates,
// at most U+10FFFF), or 0.
size_t Utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < length) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < length; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return length;
}

// The first byte at or after p that ends a plain run of string bytes: a quote, a backslash, a
// control character or a non-ASCII byte (or `end`). Eight bytes at a time while they last
// (SWAR, little-endian words): with b = 0x01 repeated and h = 0x80 repeated, (x - b) & ~x & h
// flags the zero bytes of x, so quotes and backslashes are the zero bytes of w ^ 0x22.. and
// w ^ 0x5C..; (w - 0x20..) & ~w & h flags the bytes below 0x20 and w & h those >= 0x80. A borrow
// can flag bytes after a true hit but never before one, so the lowest flag is exact.
inline const char* SkipPlainString(const char* p, const char* end) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    const uint64_t quote = w ^ (kOnes * '"');
    const uint64_t backslash = w ^ (kOnes * '\\');
    const uint64_t special = (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
                              ((w - kOnes * 0x20) & ~w) | w) &
                             kHigh;
    if (special != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      return p + __builtin_ctzll(special) / 8;
#else
      break;
#endif
    }
    p += 8;
  }
  while (p < end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
    ++p;
  }
  return p;
}

}  // namespace

JsonCursor::JsonCursor(const SourceText& text)
    : text_(text),
      begin_(text.text().data()),
      p_(text.text().data()),
      end_(text.text().data() + text.text().size()) {
  // A UTF-8 byte order mark is allowed before the document.
  if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;
}

void JsonCursor::SkipSpaces() {
  while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
}

size_t JsonCursor::Offset() {
  SkipSpaces();
  return static_cast<size_t>(p_ - begin_);
}

JsonCursor::Type JsonCursor::Peek() {
  SkipSpaces();
  if (p_ == end_) return Type::kEnd;
  switch (*p_) {
    case '{':
      return Type::kObject;
    case '[':
      return Type::kArray;
    case '"':
      return Type::kString;
    case 't':
    case 'f':
      return Type::kBool;
    case 'n':
      return Type::kNull;
    default:
      return *p_ == '-' || IsDigit(*p_) ? Type::kNumber : Type::kInvalid;
  }
}

const char* JsonCursor::Describe(Type type) const {
  switch (type) {
    case Type::kObject:
      return "an object";
    case Type::kArray:
      return "an array";
    case Type::kString:
      return "a string";
    case Type::kNumber:
      return "a number";
    case Type::kBool:
      return "a boolean";
    case Type::kNull:
      return "null";
    case Type::kEnd:
      return "the end of the file";
    case Type::kInvalid:
      break;
  }
  return "an invalid value";
}

std::string JsonCursor::PathOf(size_t frame_count) const {
  std::string path;
  for (size_t i = 0; i < frame_count && i < frames_.size(); ++i) {
    const Frame& frame = frames_[i];
    if (frame.first) break;  // the container itself is being read
    if (frame.is_array) {
      path += fmt::format("[{}]", frame.index);
    } else {
      if (!path.empty()) path += '.';
      path += frame.key;
    }
  }
  return path;
}

bool JsonCursor::Fail(size_t offset, const std::string& message, std::string hint) {
  if (error_) return false;
  const std::string path = Path();
  const std::string full = path.empty() ? message : path + ": " + message;
  error_ = Error::At(text_.DiagnosticAt(offset, full, Severity::kError, std::move(hint)));
  return false;
}

bool JsonCursor::FailKey(const std::string& message, std::string hint) {
  if (error_) return false;
  const std::string path = PathOf(frames_.size() - 1);
  const std::string full = path.empty() ? message : path + ": " + message;
  error_ = Error::At(
      text_.DiagnosticAt(frames_.back().key_offset, full, Severity::kError, std::move(hint)));
  return false;
}

bool JsonCursor::SyntaxError(const std::string& message) {
  if (error_) return false;
  error_ =
      Error::At(text_.DiagnosticAt(static_cast<size_t>(p_ - begin_), "invalid JSON: " + message));
  return false;
}

Error JsonCursor::TakeError() {
  if (!error_) return Error::Internal("JSON cursor: no error recorded");
  Error e = std::move(*error_);
  return e;
}

bool JsonCursor::ExpectType(Type wanted, const char* what) {
  if (!ok()) return false;
  const Type found = Peek();
  if (found == wanted) return true;
  if (found == Type::kInvalid || found == Type::kEnd) {
    return SyntaxError(fmt::format("expected a value, found {}", found == Type::kEnd
                                                                     ? "the end of the file"
                                                                     : fmt::format("'{}'", *p_)));
  }
  return Fail(Offset(), fmt::format("expected {}, found {}", what, Describe(found)));
}

bool JsonCursor::BeginObject() {
  if (!ExpectType(Type::kObject, "an object")) return false;
  ++p_;
  frames_.push_back(Frame{});
  return true;
}

bool JsonCursor::ReadKey(std::string* out) {
  SkipSpaces();
  if (p_ == end_ || *p_ != '"') return SyntaxError("expected a member name in double quotes");
  return ScanString(out);
}

bool JsonCursor::NextMember() {
  if (!ok()) return false;
  Frame& frame = frames_.back();
  SkipSpaces();
  if (p_ < end_ && *p_ == '}') {
    ++p_;
    frames_.pop_back();
    return false;
  }
  if (!frame.first) {
    if (p_ == end_ || *p_ != ',') return SyntaxError("expected ',' or '}' after an object member");
    const char* comma = p_++;
    SkipSpaces();
    if (p_ < end_ && *p_ == '}') {
      p_ = comma;
      return SyntaxError("a trailing comma is not allowed");
    }
  }
  frame.key_offset = static_cast<size_t>(p_ - begin_);
  if (!ReadKey(&frame.key)) return false;
  SkipSpaces();
  if (p_ == end_ || *p_ != ':') return SyntaxError("expected ':' after the member name");
  ++p_;
  frame.first = false;
  return true;
}

bool JsonCursor::BeginArray() {
  if (!ExpectType(Type::kArray, "an array")) return false;
  ++p_;
  Frame frame;
  frame.is_array = true;
  frames_.push_back(std::move(frame));
  return true;
}

bool JsonCursor::NextElement() {
  if (!ok()) return false;
  Frame& frame = frames_.back();
  SkipSpaces();
  if (p_ < end_ && *p_ == ']') {
    ++p_;
    frames_.pop_back();
    return false;
  }
  if (!frame.first) {
    if (p_ == end_ || *p_ != ',') return SyntaxError("expected ',' or ']' after an array element");
    const char* comma = p_++;
    SkipSpaces();
    if (p_ < end_ && *p_ == ']') {
      p_ = comma;
      return SyntaxError("a trailing comma is not allowed");
    }
  }
  frame.first = false;
  ++frame.index;
  return true;
}

bool JsonCursor::ScanString(std::string* out) {
  ++p_;  // the opening quote
  const char* const start = p_;
  const char* run = p_;  // start of the bytes not yet copied
  out->clear();
  while (true) {
    p_ = SkipPlainString(p_, end_);
    if (p_ == end_) return SyntaxError("unterminated string");
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      if (run == start) {
        out->assign(run, p_);  // the common case: no escapes
      } else {
        out->append(run, p_);
      }
      ++p_;
      return true;
    }
    if (c >= 0x80) {
      const size_t length = Utf8SequenceLength(reinterpret_cast<const unsigned char*>(p_),
                                               reinterpret_cast<const unsigned char*>(end_));
      if (length == 0) return SyntaxError("invalid UTF-8 in a string");
      p_ += length;
      continue;
    }
    if (c < 0x20)
      return SyntaxError(
          "control character in a string: write it as an escape (\\n, \\t, \\u0001)");
    // A backslash escape.
    out->append(run, p_);
    if (end_ - p_ < 2) return SyntaxError("unterminated string");
    const char e = p_[1];
    p_ += 2;
    switch (e) {
      case '"':
        *out += '"';
        break;
      case '\\':
        *out += '\\';
        break;
      case '/':
        *out += '/';
        break;
      case 'b':
        *out += '\b';
        break;
      case 'f':
        *out += '\f';
        break;
      case 'n':
        *out += '\n';
        break;
      case 'r':
        *out += '\r';
        break;
      case 't':
        *out += '\t';
        break;
      case 'u': {
        auto read_hex4 = [&](uint32_t* value) {
          if (end_ - p_ < 4) return false;
          *value = 0;
          for (int i = 0; i < 4; ++i) {
            const int h = HexValue(p_[i]);
            if (h < 0) return false;
            *value = *value * 16 + static_cast<uint32_t>(h);
          }
          p_ += 4;
          return true;
        };
        uint32_t code = 0;
        if (!read_hex4(&code)) return SyntaxError("\\u must be followed by four hex digits");
        if (code >= 0xD800 && code <= 0xDBFF) {
          uint32_t low = 0;
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
            return SyntaxError(
                "a high surrogate must be followed by a low surrogate (\\uDC00-\\uDFFF)");
          }
          p_ += 2;
          if (!read_hex4(&low) || low < 0xDC00 || low > 0xDFFF) {
            return SyntaxError(
                "a high surrogate must be followed by a low surrogate (\\uDC00-\\uDFFF)");
          }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
          return SyntaxError("a low surrogate without a high surrogate");
        }
        AppendUtf8(code, out);
        break;
      }
      default:
        p_ -= 2;
        return SyntaxError(fmt::format("invalid escape '\\{}' in a string", e));
    }
    run = p_;
  }
}

bool JsonCursor::ReadString(std::string* out) {
  std::string_view view;
  if (!ReadStringView(&view)) return false;
  out->assign(view.data(), view.size());
  return true;
}

bool JsonCursor::ReadStringView(std::string_view* out) {
  if (!ExpectType(Type::kString, "a string")) return false;
  // Fast path: plain ASCII up to the closing quote needs no copy.
  const char* start = p_ + 1;
  const char* q = SkipPlainString(start, end_);
  if (q < end_ && *q == '"') {
    *out = std::string_view(start, static_cast<size_t>(q - start));
    p_ = q + 1;
    return true;
  }
  if (!ScanString(&buffer_)) return false;
  *out = buffer_;
  return true;
}

// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool JsonCursor::ScanNumber(std::string_view* lexeme, bool* integral) {
  const char* start = p_;
  *integral = true;
  if (p_ < end_ && *p_ == '-') ++p_;
  if (p_ < end_ && *p_ == '0') {
    ++p_;
    if (p_ < end_ && IsDigit(*p_)) return SyntaxError("a number may not start with 0");
  } else if (p_ < end_ && IsDigit(*p_)) {
    while (p_ < end_ && IsDigit(*p_)) ++p_;
  } else {
    return SyntaxError("expected a digit");
  }
  if (p_ < end_ && *p_ == '.') {
    *integral = false;
    ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return SyntaxError("expected a digit after the decimal point");
    while (p_ < end_ && IsDigit(*p_)) ++p_;
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    *integral = false;
    ++p_;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !IsDigit(*p_)) return SyntaxError("expected a digit in the exponent");
    while (p_ < end_ && IsDigit(*p_)) ++p_;
  }
  *lexeme = std::string_view(start, static_cast<size_t>(p_ - start));
  return true;
}

namespace {

// Clinger's fast path: a decimal with at most 15 significant digits and a power of ten up to
// 22 is m * 10^e or m / 10^-e of two exactly representable doubles, so one correctly rounded
// operation gives the correctly rounded result. Returns false when the lexeme needs the
// general algorithm.
bool FastDecimalToDouble(std::string_view lexeme, double* out) {
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  size_t i = 0;
  const bool negative = lexeme[0] == '-';
  if (negative) ++i;
  uint64_t mantissa = 0;
  int digits = 0;
  int exponent = 0;
  for (; i < lexeme.size() && IsDigit(lexeme[i]); ++i) {
    if (digits > 0 || lexeme[i] != '0') ++digits;
    mantissa = mantissa * 10 + static_cast<uint64_t>(lexeme[i] - '0');
    if (digits > 15) return false;
  }
  if (i < lexeme.size() && lexeme[i] == '.') {
    for (++i; i < lexeme.size() && IsDigit(lexeme[i]); ++i) {
      if (digits > 0 || lexeme[i] != '0') ++digits;
      mantissa = mantissa * 10 + static_cast<uint64_t>(lexeme[i] - '0');
      --exponent;
      if (digits > 15) return false;
    }
  }
  if (i < lexeme.size()) {  // an exponent: e[+-]digits
    ++i;
    bool negative_exponent = false;
    if (lexeme[i] == '+' || lexeme[i] == '-') negative_exponent = lexeme[i++] == '-';
    int e = 0;
    for (; i < lexeme.size(); ++i) {
      e = e * 10 + (lexeme[i] - '0');
      if (e > 1000) return false;
    }
    exponent += negative_exponent ? -e : e;
  }
  if (exponent < -22 || exponent > 22) return false;
  double value = static_cast<double>(mantissa);
  value = exponent < 0 ? value / kPowers[-exponent] : value * kPowers[exponent];
  *out = negative ? -value : value;
  return true;
}

}  // namespace

bool JsonCursor::ReadDouble(double* out) {
  if (!ExpectType(Type::kNumber, "a number")) return false;
  return ReadDoubleHere(out);
}

namespace {

// One pass over the common number, -?(0|[1-9][0-9]*)(.[0-9]+)? with at most 15 significant
// digits, scanning and converting together (Clinger's fast path as in FastDecimalToDouble: the
// exact mantissa divided by an exact power of ten up to 1e22, one correctly rounded operation).
// Anything else (exponents, long mantissas, malformed text) returns nullptr, and the caller
// takes the general path from the start of the number.
const char* FastPlainDecimal(const char* p, const char* end, double* out) {
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const bool negative = p < end && *p == '-';
  if (negative) ++p;
  if (p == end || !IsDigit(*p)) return nullptr;
  if (*p == '0' && p + 1 < end && IsDigit(p[1])) return nullptr;  // leading zero: an error
  uint64_t mantissa = 0;
  int digits = 0;  // significant digits: leading zeros do not count
  for (; p < end && IsDigit(*p); ++p) {
    mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
    digits += mantissa != 0;
  }
  int fraction = 0;
  if (p < end && *p == '.') {
    ++p;
    if (p == end || !IsDigit(*p)) return nullptr;
    for (; p < end && IsDigit(*p); ++p) {
      mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
      digits += mantissa != 0;
      ++fraction;
      if (fraction > 22) return nullptr;
    }
  }
  if (digits > 15) return nullptr;
  if (p < end && (*p == 'e' || *p == 'E')) return nullptr;
  const double value = static_cast<double>(mantissa) / kPowers[fraction];
  *out = negative ? -value : value;
  return p;
}

}  // namespace

bool JsonCursor::ReadDoubleHere(double* out) {
  if (const char* after = FastPlainDecimal(p_, end_, out)) {
    p_ = after;
    return true;
  }
  const size_t offset = static_cast<size_t>(p_ - begin_);
  std::string_view lexeme;
  bool integral = false;
  if (!ScanNumber(&lexeme, &integral)) return false;
  if (FastDecimalToDouble(lexeme, out)) return true;
  const auto [end, ec] = std::from_chars(lexeme.data(), lexeme.data() + lexeme.size(), *out);
  if (ec != std::errc() || end != lexeme.data() + lexeme.size() || !std::isfinite(*out)) {
    return Fail(offset, fmt::format("number {} is out of range", lexeme));
  }
  return true;
}

const char* JsonCursor::NextPlainElement(const Frame& frame) const {
  const char* q = p_;
  if (!frame.first) {
    if (q == end_ || *q != ',') return nullptr;
    ++q;
    while (q < end_ && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')) ++q;
  }
  return q < end_ ? q : nullptr;
}

// Plain elements are collected as views first and built once, in place, in a vector reserved to
// their number (no string is built twice, no vector grows by doubling).
bool JsonCursor::ReadStringArray(std::vector<std::string>* out) {
  if (!BeginArray()) return false;
  views_.clear();
  auto flush = [&] {
    out->reserve(out->size() + views_.size());
    for (const std::string_view v : views_) out->emplace_back(v);
    views_.clear();
  };
  while (true) {
    SkipSpaces();
    Frame& frame = frames_.back();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      frames_.pop_back();
      flush();
      return true;
    }
    const char* q = NextPlainElement(frame);
    if (q == nullptr || *q != '"') break;
    const char* start = q + 1;
    const char* e = SkipPlainString(start, end_);
    if (e == end_ || *e != '"') break;  // escapes, UTF-8 or an error: the generic path
    views_.emplace_back(start, static_cast<size_t>(e - start));
    frame.first = false;
    ++frame.index;
    p_ = e + 1;
  }
  flush();
  std::string_view value;
  while (NextElement()) {
    if (!ReadStringView(&value)) return false;
    out->emplace_back(value);
  }
  return ok();
}

bool JsonCursor::ReadDoubleArray(std::vector<double>* out) {
  if (!BeginArray()) return false;
  while (true) {
    SkipSpaces();
    Frame& frame = frames_.back();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      frames_.pop_back();
      return true;
    }
    const char* q = NextPlainElement(frame);
    if (q == nullptr || !(*q == '-' || IsDigit(*q))) break;
    p_ = q;
    frame.first = false;
    ++frame.index;
    out->emplace_back();
    if (!ReadDoubleHere(&out->back())) return false;
  }
  while (NextElement()) {
    out->emplace_back();
    if (!ReadDouble(&out->back())) return false;
  }
  return ok();
}

bool JsonCursor::ReadNumberText(std::string_view* out) {
  if (!ExpectType(Type::kNumber, "a number")) return false;
  bool integral = false;
  return ScanNumber(out, &integral);
}

bool JsonCursor::ReadInt64(int64_t* out) {
  if (!ExpectType(Type::kNumber, "an integer")) return false;
  const size_t offset = Offset();
  std::string_view lexeme;
  bool integral = false;
  if (!ScanNumber(&lexeme, &integral)) return false;
  if (!integral) return Fail(offset, fmt::format("expected an integer, found {}", lexeme));
  const auto [end, ec] = std::from_chars(lexeme.data(), lexeme.data() + lexeme.size(), *out);
  if (ec != std::errc() || end != lexeme.data() + lexeme.size()) {
    return Fail(offset, fmt::format("integer {} is out of range", lexeme));
  }
  return true;
}

bool JsonCursor::ReadInt(int* out) {
  const size_t offset = Offset();
  int64_t value = 0;
  if (!ReadInt64(&value)) return false;
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    return Fail(offset, fmt::format("integer {} is out of range", value));
  }
  *out = static_cast<int>(value);
  return true;
}

bool JsonCursor::ReadBool(bool* out) {
  if (!ExpectType(Type::kBool, "true or false")) return false;
  if (end_ - p_ >= 4 && std::memcmp(p_, "true", 4) == 0) {
    *out = true;
    p_ += 4;
    return true;
  }
  if (end_ - p_ >= 5 && std::memcmp(p_, "false", 5) == 0) {
    *out = false;
    p_ += 5;
    return true;
  }
  return SyntaxError("expected a value");
}

bool JsonCursor::TryNull() {
  if (!ok() || Peek() != Type::kNull) return false;
  if (end_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
    p_ += 4;
    return true;
  }
  return SyntaxError("expected a value");
}

bool JsonCursor::ExpectEnd() {
  if (!ok()) return false;
  SkipSpaces();
  if (p_ != end_) return SyntaxError("unexpected content after the end of the document");
  return true;
}

}  // namespace dbopt::catalog
