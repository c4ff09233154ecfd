// Typed statistic values: parsing their text, comparing, convert_to_scalar (PG15 selfuncs.c).
#include "stat_value.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <regex>

#include "time_text.h"

namespace dbopt::stats {
namespace {

using bind::TypeId;

std::optional<double> ParseNumber(TypeId type, const std::string& text) {
  if (type == TypeId::kBool) {
    if (text == "t" || text == "true") return 1.0;
    if (text == "f" || text == "false") return 0.0;
    return std::nullopt;
  }
  // Plain integers of up to 15 digits (most statistics values) are exact in a double: read them
  // without strtod, which gives the same value.
  const size_t sign = !text.empty() && text[0] == '-' ? 1 : 0;
  if (text.size() > sign && text.size() - sign <= 15) {
    int64_t magnitude = 0;
    size_t i = sign;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      magnitude = magnitude * 10 + (text[i] - '0');
      ++i;
    }
    if (i == text.size() && (sign == 0 || magnitude != 0)) {
      return static_cast<double>(sign != 0 ? -magnitude : magnitude);
    }
  }
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (text == "Infinity") return std::numeric_limits<double>::infinity();
  if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
  const char* begin = text.c_str();
  char* end = nullptr;
  double v = std::strtod(begin, &end);
  if (end == begin) return std::nullopt;
  while (*end == ' ') ++end;
  if (*end != '\0') return std::nullopt;
  return v;
}

// PostgreSQL sorts numeric NaN above every other value and equal to itself.
int CompareNumbers(double a, double b) {
  bool na = std::isnan(a), nb = std::isnan(b);
  if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
  return a < b ? -1 : (a > b ? 1 : 0);
}

std::string_view TrimTrailingSpaces(const std::string& s) {
  size_t n = s.size();
  while (n > 0 && s[n - 1] == ' ') --n;
  return std::string_view(s.data(), n);
}

int CompareBytes(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool IsStringType(TypeId t) {
  return t == TypeId::kText || t == TypeId::kVarchar || t == TypeId::kBpchar ||
         t == TypeId::kName || t == TypeId::kChar || t == TypeId::kUnknown;
}

// PG15 convert_one_string_to_scalar: up to 12 bytes as base-(rangehi-rangelo+1) digits.
double ConvertOneString(std::string_view s, int rangelo, int rangehi) {
  size_t len = std::min<size_t>(s.size(), 12);
  double base = rangehi - rangelo + 1;
  double num = 0.0;
  double denom = base;
  for (size_t i = 0; i < len; ++i) {
    int ch = static_cast<unsigned char>(s[i]);
    if (ch < rangelo) {
      ch = rangelo - 1;
    } else if (ch > rangehi) {
      ch = rangehi + 1;
    }
    num += static_cast<double>(ch - rangelo) / denom;
    denom *= base;
  }
  return num;
}

// PG15 convert_string_to_scalar. The byte range of the bounds is widened to whole classes
// ('A'-'Z', 'a'-'z', '0'-'9'), or to ' '..127 when it spans fewer than 10 codes; then the common
// prefix of all three strings is dropped. (C collation: no strxfrm; strings end at a NUL.)
void ConvertStrings(std::string_view value, std::string_view lo, std::string_view hi,
                    double* scaled_value, double* scaled_lo, double* scaled_hi) {
  int rangelo = hi.empty() ? 0 : static_cast<unsigned char>(hi[0]);
  int rangehi = rangelo;
  for (std::string_view s : {lo, hi}) {
    for (char c : s) {
      int u = static_cast<unsigned char>(c);
      rangelo = std::min(rangelo, u);
      rangehi = std::max(rangehi, u);
    }
  }
  const std::pair<int, int> classes[] = {{'A', 'Z'}, {'a', 'z'}, {'0', '9'}};
  for (auto [first, last] : classes) {
    if (rangelo <= last && rangehi >= first) {
      rangelo = std::min(rangelo, first);
      rangehi = std::max(rangehi, last);
    }
  }
  if (rangehi - rangelo < 9) {
    rangelo = ' ';
    rangehi = 127;
  }
  size_t common = 0;
  while (common < lo.size() && common < hi.size() && common < value.size() &&
         lo[common] == hi[common] && lo[common] == value[common]) {
    ++common;
  }
  *scaled_value = ConvertOneString(value.substr(common), rangelo, rangehi);
  *scaled_lo = ConvertOneString(lo.substr(common), rangelo, rangehi);
  *scaled_hi = ConvertOneString(hi.substr(common), rangelo, rangehi);
}

std::optional<bool> RegexMatch(const std::string& text, const std::string& pattern, bool icase) {
  try {
    auto flags = std::regex::ECMAScript | std::regex::nosubs;
    if (icase) flags |= std::regex::icase;
    return std::regex_search(text, std::regex(pattern, flags));
  } catch (const std::regex_error&) {
    return std::nullopt;
  }
}

}  // namespace

ValueDomain DomainOf(const bind::Type& type) {
  if (type.array) return ValueDomain::kUnordered;
  switch (type.id) {
    case TypeId::kBool:
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
    case TypeId::kFloat4:
    case TypeId::kFloat8:
    case TypeId::kNumeric:
    case TypeId::kOid:
      return ValueDomain::kNumber;
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kName:
    case TypeId::kChar:
    case TypeId::kUuid:
    case TypeId::kUnknown:
      return ValueDomain::kString;
    case TypeId::kBpchar:
      return ValueDomain::kBpchar;
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimeTz:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return ValueDomain::kTime;
    default:
      return ValueDomain::kUnordered;
  }
}

std::optional<StatValue> ParseValue(const bind::Type& type, const std::string& text) {
  StatValue v;
  v.domain = DomainOf(type);
  v.type = type.id;
  v.text = text;
  if (v.domain == ValueDomain::kNumber) {
    std::optional<double> n = ParseNumber(type.id, text);
    if (!n) return std::nullopt;
    v.number = *n;
  } else if (v.domain == ValueDomain::kTime) {
    std::optional<double> t = ParseTimeValue(type.id, text);
    if (!t) return std::nullopt;
    v.number = *t;
  }
  return v;
}

std::optional<int> CompareValues(const StatValue& a, const StatValue& b) {
  auto stringish = [](ValueDomain d) {
    return d == ValueDomain::kString || d == ValueDomain::kBpchar;
  };
  if (a.domain == ValueDomain::kNumber && b.domain == ValueDomain::kNumber) {
    return CompareNumbers(a.number, b.number);
  }
  if (a.domain == ValueDomain::kTime && b.domain == ValueDomain::kTime) {
    return CompareNumbers(a.number, b.number);
  }
  if (stringish(a.domain) && stringish(b.domain)) {
    if (a.domain == ValueDomain::kBpchar || b.domain == ValueDomain::kBpchar) {
      return CompareBytes(TrimTrailingSpaces(a.text), TrimTrailingSpaces(b.text));
    }
    return CompareBytes(a.text, b.text);
  }
  if (a.domain == ValueDomain::kUnordered && b.domain == ValueDomain::kUnordered &&
      a.type == b.type && a.type != TypeId::kOther) {
    // Same type, no order known: only identity of the printed text is meaningful.
    if (a.text == b.text) return 0;
  }
  return std::nullopt;
}

std::optional<bool> EvalOperator(bind::OpClass op, const StatValue& a, const StatValue& b) {
  using bind::OpClass;
  switch (op) {
    case OpClass::kLike:
    case OpClass::kNotLike:
    case OpClass::kILike:
    case OpClass::kNotILike: {
      bool icase = op == OpClass::kILike || op == OpClass::kNotILike;
      bool m = LikeMatch(a.text, b.text, icase);
      return (op == OpClass::kLike || op == OpClass::kILike) ? m : !m;
    }
    case OpClass::kRegex:
    case OpClass::kNotRegex:
    case OpClass::kIRegex:
    case OpClass::kNotIRegex: {
      bool icase = op == OpClass::kIRegex || op == OpClass::kNotIRegex;
      std::optional<bool> m = RegexMatch(a.text, b.text, icase);
      if (!m) return std::nullopt;
      return (op == OpClass::kRegex || op == OpClass::kIRegex) ? *m : !*m;
    }
    default:
      break;
  }
  std::optional<int> c = CompareValues(a, b);
  if (!c) {
    if (op == OpClass::kNe && a.domain == b.domain && a.type == b.type) return a.text != b.text;
    return std::nullopt;
  }
  switch (op) {
    case OpClass::kEq:
      return *c == 0;
    case OpClass::kNe:
      return *c != 0;
    case OpClass::kLt:
      return *c < 0;
    case OpClass::kLe:
      return *c <= 0;
    case OpClass::kGt:
      return *c > 0;
    case OpClass::kGe:
      return *c >= 0;
    default:
      return std::nullopt;
  }
}

bool ConvertToScalar(const StatValue& value, const StatValue& lo, const StatValue& hi,
                     double* scaled_value, double* scaled_lo, double* scaled_hi) {
  bool numeric_like = value.domain == ValueDomain::kNumber || value.domain == ValueDomain::kTime;
  if (numeric_like) {
    if (lo.domain != value.domain || hi.domain != value.domain) return false;
    *scaled_value = value.number;
    *scaled_lo = lo.number;
    *scaled_hi = hi.number;
    return true;
  }
  // PG15: strings only for char, bpchar, varchar, text and name (not uuid).
  if (IsStringType(value.type) && IsStringType(lo.type) && IsStringType(hi.type)) {
    ConvertStrings(value.text, lo.text, hi.text, scaled_value, scaled_lo, scaled_hi);
    return true;
  }
  return false;
}

// PostgreSQL's like.c semantics: '%' any run, '_' one character (one UTF-8 character), '\'
// escapes the next character.
bool LikeMatch(const std::string& text, const std::string& pattern, bool case_insensitive) {
  auto fold = [case_insensitive](unsigned char c) {
    return case_insensitive ? static_cast<unsigned char>(std::tolower(c)) : c;
  };
  auto char_len = [](const std::string& s, size_t i) -> size_t {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : (c >= 0xC0 ? 2 : 1)));
    return std::min(n, s.size() - i);
  };
  // Iterative matcher with backtracking to the last '%'.
  size_t t = 0, p = 0;
  size_t star_p = std::string::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '%') {
      star_p = ++p;
      star_t = t;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '_') {
      t += char_len(text, t);
      ++p;
      continue;
    }
    if (p < pattern.size()) {
      size_t pp = p;
      if (pattern[pp] == '\\' && pp + 1 < pattern.size()) ++pp;
      if (fold(pattern[pp]) == fold(text[t])) {
        p = pp + 1;
        ++t;
        continue;
      }
    }
    if (star_p == std::string::npos) return false;
    star_t += char_len(text, star_t);
    t = star_t;
    p = star_p;
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

std::optional<std::string> MakeGreaterString(std::string prefix) {
  while (!prefix.empty()) {
    size_t start = prefix.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(prefix[start]) & 0xC0) == 0x80) --start;
    unsigned char last = static_cast<unsigned char>(prefix.back());
    bool single_byte = start == prefix.size() - 1;
    // pg_utf8_increment, simplified: an ASCII character below 0x7F, or the last byte of a
    // multibyte character below 0xBF, is incremented in place; otherwise the character is
    // dropped and the one before it is tried.
    if ((single_byte && last < 0x7F) || (!single_byte && last < 0xBF)) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.resize(start);
  }
  return std::nullopt;
}

}  // namespace dbopt::stats
