// Password redaction for libpq connection strings. The grammar follows libpq's
// conninfo_parse and conninfo_uri_parse_options (src/interfaces/libpq/fe-connect.c).
#include "dbopt/catalog/pg_conninfo.h"

#include <cctype>
#include <string>
#include <vector>

namespace dbopt::catalog {

namespace {

constexpr const char* kUriPrefixes[] = {"postgresql://", "postgres://"};

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoding; a malformed escape is kept as is (it cannot spell "password" anyway).
std::string PercentDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string RedactUri(const std::string& uri, size_t prefix_length) {
  // User info: everything before the first '@' that comes before any '/'.
  std::string out = uri.substr(0, prefix_length);
  size_t pos = prefix_length;
  size_t scan = pos;
  while (scan < uri.size() && uri[scan] != '@' && uri[scan] != '/') ++scan;
  if (scan < uri.size() && uri[scan] == '@') {
    const std::string user_info = uri.substr(pos, scan - pos);
    out += user_info.substr(0, user_info.find(':'));
    out += '@';
    pos = scan + 1;
  }
  const size_t query = uri.find('?', pos);
  out += uri.substr(pos, query == std::string::npos ? std::string::npos : query - pos);
  if (query == std::string::npos) return out;
  std::string kept;
  size_t start = query + 1;
  while (start <= uri.size()) {
    size_t end = uri.find('&', start);
    if (end == std::string::npos) end = uri.size();
    const std::string param = uri.substr(start, end - start);
    const std::string key = PercentDecode(param.substr(0, param.find('=')));
    if (key != "password" && !param.empty()) {
      if (!kept.empty()) kept += '&';
      kept += param;
    }
    start = end + 1;
  }
  if (!kept.empty()) out += "?" + kept;
  return out;
}

// One "key = value" pair of the key=value form, with its position in the string.
struct Pair {
  size_t begin = 0;  // first byte of the whitespace before the key
  size_t end = 0;    // one past the value
  std::string key;
  std::string value;  // unquoted, unescaped
};

// Parses pairs until the end or the first syntax error; `*error_at` is where parsing stopped
// on error (npos when the whole string parsed).
std::vector<Pair> ParsePairs(const std::string& text, size_t* error_at) {
  std::vector<Pair> pairs;
  *error_at = std::string::npos;
  size_t pos = 0;
  while (true) {
    Pair pair;
    pair.begin = pos;
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    if (pos >= text.size()) return pairs;
    const size_t key_start = pos;
    while (pos < text.size() && text[pos] != '=' && !IsSpace(text[pos])) ++pos;
    pair.key = text.substr(key_start, pos - key_start);
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    if (pos >= text.size() || text[pos] != '=') {
      *error_at = pair.begin;
      return pairs;
    }
    ++pos;  // '='
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    if (pos < text.size() && text[pos] == '\'') {
      ++pos;
      bool closed = false;
      while (pos < text.size()) {
        const char c = text[pos++];
        if (c == '\\' && pos < text.size()) {
          pair.value += text[pos++];
        } else if (c == '\'') {
          closed = true;
          break;
        } else {
          pair.value += c;
        }
      }
      if (!closed) {
        *error_at = pair.begin;
        return pairs;
      }
    } else {
      while (pos < text.size() && !IsSpace(text[pos])) {
        if (text[pos] == '\\' && pos + 1 < text.size()) ++pos;
        pair.value += text[pos++];
      }
    }
    pair.end = pos;
    pairs.push_back(std::move(pair));
  }
}

std::string Quote(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

bool LooksLikeConnectionString(const std::string& value) {
  return IsConninfoUri(value) || value.find('=') != std::string::npos;
}

std::string RedactKeyValue(const std::string& text) {
  size_t error_at = 0;
  const std::vector<Pair> pairs = ParsePairs(text, &error_at);
  std::string out;
  for (const Pair& pair : pairs) {
    if (pair.key == "password") continue;
    if (pair.key == "dbname" && LooksLikeConnectionString(pair.value)) {
      const std::string redacted = RedactConninfo(pair.value);
      if (redacted != pair.value) {
        const size_t key_start = text.find_first_not_of(" \t\n\r\f\v", pair.begin);
        out += text.substr(pair.begin, key_start - pair.begin) + "dbname=" + Quote(redacted);
        continue;
      }
    }
    out += text.substr(pair.begin, pair.end - pair.begin);
  }
  if (error_at == std::string::npos && !pairs.empty()) out += text.substr(pairs.back().end);
  const size_t first = out.find_first_not_of(" \t\n\r\f\v");
  if (first == std::string::npos) return "";
  out.erase(0, first);
  if (error_at != std::string::npos) {
    while (!out.empty() && IsSpace(out.back())) out.pop_back();
  }
  return out;
}

}  // namespace

bool IsConninfoUri(const std::string& conninfo) {
  for (const char* prefix : kUriPrefixes) {
    if (conninfo.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

std::string RedactConninfo(const std::string& conninfo) {
  for (const char* prefix : kUriPrefixes) {
    if (conninfo.rfind(prefix, 0) == 0) {
      return RedactUri(conninfo, std::char_traits<char>::length(prefix));
    }
  }
  // Without '=' the string is a bare database name (libpq treats it so): nothing to hide.
  if (conninfo.find('=') == std::string::npos) return conninfo;
  return RedactKeyValue(conninfo);
}

}  // namespace dbopt::catalog
