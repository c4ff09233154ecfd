// PostgreSQL array literal parsing, after array_in (src/backend/utils/adt/arrayfuncs.c).
#include "dbopt/catalog/pg_array.h"

#include <charconv>
#include <string>

namespace dbopt::catalog {

namespace {

// array_isspace: the whitespace array_in skips around elements.
bool IsArraySpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool EqualsNullWord(std::string_view word) {
  if (word.size() != 4) return false;
  static constexpr char kNull[] = "null";
  for (size_t i = 0; i < 4; ++i) {
    const char c = word[i];
    if (c != kNull[i] && c != kNull[i] - ('a' - 'A')) return false;
  }
  return true;
}

class ArrayParser {
 public:
  ArrayParser(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  Result<std::vector<PgArrayElement>> Parse() {
    SkipSpace();
    if (Peek() == '[' && !SkipDimensions()) return Fail("malformed dimension decoration");
    SkipSpace();
    if (Peek() != '{') return Fail("expected \"{\"");
    ++pos_;
    std::vector<PgArrayElement> elements;
    SkipSpace();
    if (Peek() == '}') {
      ++pos_;
      return Finish(std::move(elements));
    }
    bool saw_subarray = false;
    while (true) {
      SkipSpace();
      if (AtEnd()) return Fail("unexpected end of input");
      const char c = Peek();
      if (c == '{') {
        if (!elements.empty() && !saw_subarray) return Fail("sub-array after a plain element");
        saw_subarray = true;
        std::optional<std::string> sub = ReadSubArray();
        if (!sub) return Fail("unterminated sub-array");
        elements.push_back(std::move(sub));
      } else {
        if (saw_subarray) return Fail("plain element after a sub-array");
        if (c == '"') {
          std::optional<std::string> quoted = ReadQuoted();
          if (!quoted) return Fail("unterminated quoted element");
          elements.push_back(std::move(quoted));
        } else {
          Result<PgArrayElement> plain = ReadUnquoted();
          if (!plain) return std::move(plain).error();
          elements.push_back(std::move(*plain));
        }
      }
      SkipSpace();
      if (AtEnd()) return Fail("unexpected end of input");
      if (Peek() == delimiter_) {
        ++pos_;
        continue;
      }
      if (Peek() == '}') {
        ++pos_;
        return Finish(std::move(elements));
      }
      return Fail(std::string("expected \"") + delimiter_ + "\" or \"}\"");
    }
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void SkipSpace() {
    while (!AtEnd() && IsArraySpace(text_[pos_])) ++pos_;
  }

  Error Fail(const std::string& what) const {
    constexpr size_t kShown = 60;
    std::string shown(text_.substr(0, kShown));
    if (text_.size() > kShown) shown += "...";
    return Error::BadInput("malformed array literal \"" + shown + "\": " + what + " at byte " +
                           std::to_string(pos_));
  }

  Result<std::vector<PgArrayElement>> Finish(std::vector<PgArrayElement> elements) {
    SkipSpace();
    if (!AtEnd()) return Fail("junk after closing \"}\"");
    return elements;
  }

  // "[1:3]" or "[0:1][1:2]" followed by "=".
  bool SkipDimensions() {
    while (Peek() == '[') {
      ++pos_;
      bool saw_colon = false;
      while (!AtEnd() && text_[pos_] != ']') {
        const char c = text_[pos_];
        if (c == ':') {
          if (saw_colon) return false;
          saw_colon = true;
        } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9') || IsArraySpace(c))) {
          return false;
        }
        ++pos_;
      }
      if (AtEnd()) return false;
      ++pos_;  // ']'
      SkipSpace();
    }
    if (Peek() != '=') return false;
    ++pos_;
    return true;
  }

  // A nested "{...}" kept verbatim; quotes and backslashes are honoured to find its end.
  std::optional<std::string> ReadSubArray() {
    const size_t start = pos_;
    int depth = 0;
    bool in_quotes = false;
    while (!AtEnd()) {
      const char c = text_[pos_++];
      if (c == '\\') {
        if (AtEnd()) return std::nullopt;
        ++pos_;
      } else if (c == '"') {
        in_quotes = !in_quotes;
      } else if (!in_quotes && c == '{') {
        ++depth;
      } else if (!in_quotes && c == '}') {
        if (--depth == 0) return std::string(text_.substr(start, pos_ - start));
      }
    }
    return std::nullopt;
  }

  std::optional<std::string> ReadQuoted() {
    ++pos_;  // opening quote
    std::string out;
    while (!AtEnd()) {
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (c == '\\') {
        if (AtEnd()) return std::nullopt;
        out += text_[pos_++];
      } else {
        out += c;
      }
    }
    return std::nullopt;
  }

  Result<PgArrayElement> ReadUnquoted() {
    std::string out;
    size_t kept = 0;  // length of `out` up to its last escaped or non-space byte
    bool escaped_any = false;
    while (!AtEnd()) {
      const char c = text_[pos_];
      if (c == delimiter_ || c == '}') break;
      if (c == '"' || c == '{') return Fail(std::string("unexpected \"") + c + "\"");
      ++pos_;
      if (c == '\\') {
        if (AtEnd()) return Fail("backslash at end of input");
        out += text_[pos_++];
        escaped_any = true;
        kept = out.size();
      } else {
        out += c;
        if (!IsArraySpace(c)) kept = out.size();
      }
    }
    out.resize(kept);
    if (out.empty() && !escaped_any) return Fail("empty element");
    if (!escaped_any && EqualsNullWord(out)) return PgArrayElement();
    return PgArrayElement(std::move(out));
  }

  std::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
};

}  // namespace

Result<std::vector<PgArrayElement>> ParsePgArray(std::string_view literal, char delimiter) {
  return ArrayParser(literal, delimiter).Parse();
}

Result<std::vector<std::string>> ParsePgTextArray(std::string_view literal, char delimiter) {
  Result<std::vector<PgArrayElement>> parsed = ParsePgArray(literal, delimiter);
  if (!parsed) return std::move(parsed).error();
  std::vector<std::string> out;
  out.reserve(parsed->size());
  for (PgArrayElement& element : *parsed) {
    if (!element) {
      return Error::BadInput("array literal \"" + std::string(literal) +
                             "\": unexpected NULL element");
    }
    out.push_back(std::move(*element));
  }
  return out;
}

Result<std::vector<double>> ParsePgFloatArray(std::string_view literal) {
  Result<std::vector<std::string>> texts = ParsePgTextArray(literal);
  if (!texts) return std::move(texts).error();
  std::vector<double> out;
  out.reserve(texts->size());
  for (const std::string& text : *texts) {
    std::string_view digits = text;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
      return Error::BadInput("array literal \"" + std::string(literal) + "\": \"" + text +
                             "\" is not a number");
    }
    out.push_back(value);
  }
  return out;
}

std::string FormatPgTextArray(const std::vector<std::string>& elements) {
  std::string out = "{";
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (const char c : elements[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace dbopt::catalog
