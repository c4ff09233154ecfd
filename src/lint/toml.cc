#include "dbopt/lint/toml.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace dbopt::lint {
namespace {

bool IsBareKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

class Parser {
 public:
  explicit Parser(const SourceText& source) : src_(source), t_(source.text()) {}

  Result<TomlDocument> Parse() {
    doc_.tables.push_back(TomlTable{});
    while (true) {
      SkipBlankAndComments();
      if (pos_ >= t_.size()) break;
      Status line = t_[pos_] == '[' ? Header() : KeyValue();
      if (!line.ok()) return line.error();
      SkipSpaces();
      if (pos_ < t_.size() && t_[pos_] == '#') SkipComment();
      if (pos_ < t_.size() && t_[pos_] != '\n' && t_[pos_] != '\r')
        return Fail("expected a new line after the value");
    }
    return std::move(doc_);
  }

 private:
  Error Fail(const std::string& message) const {
    return Error::At(src_.DiagnosticAt(pos_, message));
  }
  void SkipSpaces() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t')) ++pos_;
  }
  void SkipComment() {
    while (pos_ < t_.size() && t_[pos_] != '\n') ++pos_;
  }
  void SkipBlankAndComments() {
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '#') {
        SkipComment();
      } else {
        break;
      }
    }
  }

  Result<std::string> Key() {
    if (pos_ < t_.size() && (t_[pos_] == '"' || t_[pos_] == '\'')) return String();
    const size_t start = pos_;
    while (pos_ < t_.size() && IsBareKeyChar(t_[pos_])) ++pos_;
    if (pos_ == start) return Fail("expected a key");
    return t_.substr(start, pos_ - start);
  }

  Status Header() {
    TomlTable table;
    table.offset = pos_;
    ++pos_;
    if (pos_ < t_.size() && t_[pos_] == '[')
      return Fail("not supported: arrays of tables ([[...]])");
    while (true) {
      SkipSpaces();
      Result<std::string> key = Key();
      if (!key.ok()) return key.error();
      table.name.push_back(*key);
      SkipSpaces();
      if (pos_ < t_.size() && t_[pos_] == '.') {
        ++pos_;
        continue;
      }
      if (pos_ < t_.size() && t_[pos_] == ']') break;
      return Fail("expected '.' or ']' in the table name");
    }
    ++pos_;
    for (const TomlTable& t : doc_.tables) {
      if (t.name == table.name && !t.name.empty()) {
        pos_ = table.offset;
        return Fail("table defined twice");
      }
    }
    doc_.tables.push_back(std::move(table));
    return Ok{};
  }

  Status KeyValue() {
    TomlEntry entry;
    entry.offset = pos_;
    Result<std::string> key = Key();
    if (!key.ok()) return key.error();
    entry.key = *key;
    SkipSpaces();
    if (pos_ < t_.size() && t_[pos_] == '.')
      return Fail("not supported: dotted keys; use a [table]");
    if (pos_ >= t_.size() || t_[pos_] != '=') return Fail("expected '=' after the key");
    ++pos_;
    SkipSpaces();
    Result<TomlValue> value = Value();
    if (!value.ok()) return value.error();
    entry.value = std::move(*value);
    TomlTable& table = doc_.tables.back();
    for (const TomlEntry& e : table.entries) {
      if (e.key == entry.key) {
        pos_ = entry.offset;
        return Fail("key \"" + entry.key + "\" defined twice");
      }
    }
    table.entries.push_back(std::move(entry));
    return Ok{};
  }

  Result<std::string> String() {
    const char quote = t_[pos_];
    const size_t start = pos_++;
    std::string out;
    while (pos_ < t_.size() && t_[pos_] != quote) {
      char c = t_[pos_];
      if (c == '\n') break;
      if (quote == '"' && c == '\\' && pos_ + 1 < t_.size()) {
        const char e = t_[++pos_];
        switch (e) {
          case 'n':
            c = '\n';
            break;
          case 't':
            c = '\t';
            break;
          case 'r':
            c = '\r';
            break;
          case '"':
            c = '"';
            break;
          case '\\':
            c = '\\';
            break;
          default:
            return Fail(std::string("unknown escape \\") + e);
        }
      }
      out += c;
      ++pos_;
    }
    if (pos_ >= t_.size() || t_[pos_] != quote) {
      pos_ = start;
      return Fail("unterminated string");
    }
    ++pos_;
    return out;
  }

  Result<TomlValue> Value() {
    TomlValue v;
    v.offset = pos_;
    if (pos_ >= t_.size()) return Fail("expected a value");
    const char c = t_[pos_];
    if (c == '"' || c == '\'') {
      Result<std::string> s = String();
      if (!s.ok()) return s.error();
      v.string = std::move(*s);
      return v;
    }
    if (c == '[') return Array();
    if (t_.compare(pos_, 4, "true") == 0 || t_.compare(pos_, 5, "false") == 0) {
      v.kind = TomlValue::Kind::kBool;
      v.boolean = t_[pos_] == 't';
      pos_ += v.boolean ? 4 : 5;
      return v;
    }
    return Number();
  }

  Result<TomlValue> Number() {
    TomlValue v;
    v.offset = pos_;
    std::string digits;
    bool is_float = false;
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-') {
        digits += c;
      } else if (c == '.' || c == 'e' || c == 'E') {
        digits += c;
        is_float = true;
      } else if (c != '_') {
        break;
      }
      ++pos_;
    }
    char* end = nullptr;
    errno = 0;
    if (is_float) {
      v.kind = TomlValue::Kind::kFloat;
      v.number = std::strtod(digits.c_str(), &end);
    } else {
      v.kind = TomlValue::Kind::kInteger;
      v.integer = std::strtoll(digits.c_str(), &end, 10);
      v.number = static_cast<double>(v.integer);
    }
    if (digits.empty() || errno != 0 || end != digits.c_str() + digits.size()) {
      pos_ = v.offset;
      return Fail("expected a value (string, number, true/false or [array of strings])");
    }
    return v;
  }

  Result<TomlValue> Array() {
    TomlValue v;
    v.kind = TomlValue::Kind::kArray;
    v.offset = pos_++;
    while (true) {
      SkipBlankAndComments();
      if (pos_ >= t_.size()) {
        pos_ = v.offset;
        return Fail("unterminated array");
      }
      if (t_[pos_] == ']') break;
      if (t_[pos_] != '"' && t_[pos_] != '\'')
        return Fail("not supported: array items other than strings");
      Result<std::string> s = String();
      if (!s.ok()) return s.error();
      v.array.push_back(std::move(*s));
      SkipBlankAndComments();
      if (pos_ < t_.size() && t_[pos_] == ',') {
        ++pos_;
      } else if (pos_ < t_.size() && t_[pos_] != ']') {
        return Fail("expected ',' or ']' in the array");
      }
    }
    ++pos_;
    return v;
  }

  const SourceText& src_;
  const std::string& t_;
  size_t pos_ = 0;
  TomlDocument doc_;
};

}  // namespace

const char* TomlKindName(TomlValue::Kind kind) {
  switch (kind) {
    case TomlValue::Kind::kString:
      return "string";
    case TomlValue::Kind::kInteger:
      return "integer";
    case TomlValue::Kind::kFloat:
      return "float";
    case TomlValue::Kind::kBool:
      return "boolean";
    case TomlValue::Kind::kArray:
      return "array";
  }
  return "value";
}

Result<TomlDocument> ParseToml(const SourceText& source) { return Parser(source).Parse(); }

}  // namespace dbopt::lint
