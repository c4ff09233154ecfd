// dbopt JSONL: one JSON object per line (docs/trace-formats.md "JSONL"). A small hand-written
// scanner reads the known keys straight into the event: no document tree, no allocation per
// line (strings without escapes are views into the line; escaped ones are decoded into buffers
// reused from line to line), and unknown keys are skipped.
#include <cstdint>
#include <cstring>
#include <string>

#include "dbopt/trace/timestamp.h"
#include "format_parser.h"

namespace dbopt::trace {

namespace {

// The first '"' or '\\' at or after `pos` (npos-like: s.size() when none). Eight bytes at a
// time (SWAR): a byte of x is zero iff (x - 0x01..) & ~x & 0x80.. flags it, and the lowest
// flagged byte is always a true match.
size_t FindQuoteOrBackslash(std::string_view s, size_t pos) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; pos + 8 <= s.size(); pos += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + pos, 8);
    const uint64_t quote = word ^ (kOnes * '"');
    const uint64_t backslash = word ^ (kOnes * '\\');
    const uint64_t hits =
        ((quote - kOnes) & ~quote & kHighs) | ((backslash - kOnes) & ~backslash & kHighs);
    if (hits != 0) return pos + static_cast<size_t>(__builtin_ctzll(hits) / 8);
  }
#endif
  while (pos < s.size() && s[pos] != '"' && s[pos] != '\\') ++pos;
  return pos;
}

bool IsNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
}

enum Field { kSql, kSession, kTxn, kUser, kDb, kShardKey, kTs, kKey, kFieldCount };

class JsonlParser : public FormatParser {
 public:
  explicit JsonlParser(ParseContext* context) : context_(*context) {}

  Result<bool> Next(Event* event) override {
    std::string_view line;
    while (context_.lines().NextLine(&line)) {
      if (IsBlank(line)) continue;
      const int64_t line_number = context_.lines().line_number();
      if (!ParseLine(line, event)) {
        if (Status s = context_.Malformed(line_number, error_offset_, line, error_); !s) {
          return std::move(s).error();
        }
        continue;
      }
      event->line = line_number;
      Result<bool> ok = context_.CheckDuration(event->duration_us, line_number, line);
      if (!ok || *ok) return ok;
    }
    return false;
  }

 private:
  bool Fail(size_t offset, std::string message) {
    error_offset_ = offset;
    error_ = std::move(message);
    return false;
  }

  void SkipSpace() {
    while (pos_ < line_.size() && (line_[pos_] == ' ' || line_[pos_] == '\t')) ++pos_;
  }

  bool Expect(char c, const char* what) {
    SkipSpace();
    if (pos_ >= line_.size() || line_[pos_] != c) return Fail(pos_, what);
    ++pos_;
    return true;
  }

  bool ParseLine(std::string_view line, Event* event);
  bool ParseMember(Event* event, bool* has_ts, bool* has_duration);
  bool ReadString(Field field, std::string_view* out);
  bool DecodeEscapes(size_t start, Field field, std::string_view* out);
  // A string, a number (its text) or null (empty) for the text fields.
  bool ReadText(Field field, bool allow_number, std::string_view* out);
  bool ReadNumberText(std::string_view* out);
  bool SkipValue();

  ParseContext& context_;
  std::string_view line_;
  size_t pos_ = 0;
  std::string scratch_[kFieldCount];
  size_t error_offset_ = 0;
  std::string error_;
};

bool JsonlParser::ParseLine(std::string_view line, Event* event) {
  line_ = line;
  pos_ = 0;
  *event = Event{};
  bool has_ts = false, has_duration = false;
  if (!Expect('{', "expected a JSON object")) return false;
  SkipSpace();
  if (pos_ < line_.size() && line_[pos_] == '}') {
    ++pos_;
  } else {
    while (true) {
      if (!ParseMember(event, &has_ts, &has_duration)) return false;
      SkipSpace();
      if (pos_ < line_.size() && line_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (!Expect('}', "expected ',' or '}'")) return false;
      break;
    }
  }
  SkipSpace();
  if (pos_ != line_.size()) return Fail(pos_, "unexpected text after the JSON object");
  if (!has_ts) return Fail(0, "missing \"ts\"");
  if (!has_duration) return Fail(0, "missing \"duration_ms\"");
  return true;
}

bool JsonlParser::ParseMember(Event* event, bool* has_ts, bool* has_duration) {
  SkipSpace();
  std::string_view key;
  if (pos_ >= line_.size() || line_[pos_] != '"') return Fail(pos_, "expected a key string");
  if (!ReadString(kKey, &key) || !Expect(':', "expected ':' after the key")) return false;
  SkipSpace();
  const size_t value_pos = pos_;
  if (key == "sql") return ReadText(kSql, false, &event->sql);
  if (key == "session") return ReadText(kSession, true, &event->session);
  if (key == "txn") return ReadText(kTxn, true, &event->txn);
  if (key == "user") return ReadText(kUser, false, &event->user);
  if (key == "db") return ReadText(kDb, false, &event->db);
  if (key == "shard_key") return ReadText(kShardKey, true, &event->shard_key);
  if (key == "ts") {
    std::string_view text;
    const bool quoted = pos_ < line_.size() && line_[pos_] == '"';
    if (!(quoted ? ReadString(kTs, &text) : ReadNumberText(&text))) return false;
    const TimestampParse ts = quoted ? ParseTimestampPrefix(text) : ParseTimestamp(text);
    if (ts.error != nullptr) return Fail(value_pos, std::string("\"ts\": ") + ts.error);
    if (ts.length != text.size()) return Fail(value_pos, "\"ts\": unexpected text after the time");
    event->start_us = ts.micros;
    return *has_ts = true;
  }
  if (key == "duration_ms" || key == "rows") {
    std::string_view text;
    if (!ReadNumberText(&text)) return false;
    const bool rows = key == "rows";
    int64_t value = 0;
    if (!ParseScaledExact(text, rows ? 0 : 3, &value) ||
        (rows && text.find_first_of(".eE") != std::string_view::npos)) {
      return Fail(value_pos,
                  rows ? "\"rows\" is not an integer" : "\"duration_ms\" is not a number");
    }
    (rows ? event->rows : event->duration_us) = value;
    if (!rows) *has_duration = true;
    return true;
  }
  return SkipValue();
}

bool JsonlParser::ReadString(Field field, std::string_view* out) {
  const size_t start = ++pos_;  // after the opening quote
  const size_t end = FindQuoteOrBackslash(line_, start);
  if (end >= line_.size()) return Fail(start - 1, "unterminated string");
  if (line_[end] == '\\') return DecodeEscapes(start, field, out);
  *out = line_.substr(start, end - start);
  pos_ = end + 1;
  return true;
}

bool JsonlParser::ReadText(Field field, bool allow_number, std::string_view* out) {
  if (pos_ < line_.size() && line_[pos_] == '"') return ReadString(field, out);
  if (line_.compare(pos_, 4, "null") == 0) {
    pos_ += 4;
    *out = {};
    return true;
  }
  const size_t value_pos = pos_;
  if (allow_number && ReadNumberText(out)) return true;
  return Fail(value_pos, allow_number ? "expected a string or a number" : "expected a string");
}

bool JsonlParser::ReadNumberText(std::string_view* out) {
  const size_t start = pos_;
  while (pos_ < line_.size() && IsNumberChar(line_[pos_])) ++pos_;
  if (pos_ == start) return Fail(start, "expected a number");
  *out = line_.substr(start, pos_ - start);
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The slow path of ReadString: a string with backslash escapes, decoded into scratch_[field].
bool JsonlParser::DecodeEscapes(size_t start, Field field, std::string_view* out) {
  std::string& text = scratch_[field];
  text.clear();
  size_t p = start;
  while (p < line_.size() && line_[p] != '"') {
    if (line_[p] != '\\') {
      text += line_[p++];
      continue;
    }
    const size_t escape_pos = p++;
    if (p >= line_.size()) break;
    const char c = line_[p++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        text += c;
        break;
      case 'b':
        text += '\b';
        break;
      case 'f':
        text += '\f';
        break;
      case 'n':
        text += '\n';
        break;
      case 'r':
        text += '\r';
        break;
      case 't':
        text += '\t';
        break;
      case 'u': {
        uint32_t cp = 0;
        for (int i = 0; i < 4; ++i, ++p) {
          const int h = p < line_.size() ? HexValue(line_[p]) : -1;
          if (h < 0) return Fail(escape_pos, "bad \\u escape");
          cp = cp * 16 + static_cast<uint32_t>(h);
        }
        // A high surrogate followed by \uDC00..\uDFFF is one code point above U+FFFF.
        if (cp >= 0xD800 && cp < 0xDC00 && line_.compare(p, 2, "\\u") == 0) {
          uint32_t low = 0;
          bool valid = true;
          for (int i = 0; i < 4 && valid; ++i) {
            const int h = p + 2 + i < line_.size() ? HexValue(line_[p + 2 + i]) : -1;
            valid = h >= 0;
            low = low * 16 + static_cast<uint32_t>(h);
          }
          if (valid && low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            p += 6;
          }
        }
        AppendUtf8(cp, &text);
        break;
      }
      default:
        return Fail(escape_pos, "bad escape in a string");
    }
  }
  if (p >= line_.size()) return Fail(start - 1, "unterminated string");
  pos_ = p + 1;
  *out = text;
  return true;
}

// Skips a value of a key the trace format does not use: nested objects and arrays included.
bool JsonlParser::SkipValue() {
  const size_t start = pos_;
  int depth = 0;
  while (pos_ < line_.size()) {
    const char c = line_[pos_];
    if (c == '"') {
      std::string_view ignored;
      if (!ReadString(kKey, &ignored)) return false;
      if (depth == 0) return true;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) break;
      if (--depth == 0) {
        ++pos_;
        return true;
      }
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t')) {
      break;
    }
    ++pos_;
  }
  if (depth != 0) return Fail(start, "unterminated value");
  if (pos_ == start) return Fail(start, "expected a value");
  return true;
}

}  // namespace

std::unique_ptr<FormatParser> MakeJsonlParser(ParseContext* context) {
  return std::make_unique<JsonlParser>(context);
}

}  // namespace dbopt::trace
