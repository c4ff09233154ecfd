// The JSON tree of pg_json.h: an iterative single-pass parser and the accessors.
#include "pg_json.h"

#include <cstring>
#include <limits>

namespace dbopt::sql::internal {
namespace {

const char* SkipSpace(const char* p, const char* end) {
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
  return p;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at raw[i..i+4), or -1.
long Hex4(std::string_view raw, size_t i) {
  if (i + 4 > raw.size()) return -1;
  long value = 0;
  for (size_t k = i; k < i + 4; ++k) {
    const int d = HexDigit(raw[k]);
    if (d < 0) return -1;
    value = value * 16 + d;
  }
  return value;
}

void AppendUtf8(unsigned long cp, std::string* out) {
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

// The code point of the \u escape at raw[i] ('\\' at i, 'u' at i + 1), combining a surrogate
// pair; `i` moves past what was read. Unpaired surrogates become U+FFFD.
unsigned long UnicodeEscape(std::string_view raw, size_t* i) {
  constexpr unsigned long kReplacement = 0xFFFD;
  const long high = Hex4(raw, *i + 2);
  if (high < 0) {
    *i += 2;
    return kReplacement;
  }
  *i += 6;
  if (high < 0xD800 || high > 0xDFFF) return static_cast<unsigned long>(high);
  if (high > 0xDBFF) return kReplacement;  // a low surrogate first
  if (*i + 1 < raw.size() && raw[*i] == '\\' && raw[*i + 1] == 'u') {
    const long low = Hex4(raw, *i + 2);
    if (low >= 0xDC00 && low <= 0xDFFF) {
      *i += 6;
      return 0x10000 + ((static_cast<unsigned long>(high) - 0xD800) << 10) +
             (static_cast<unsigned long>(low) - 0xDC00);
    }
  }
  return kReplacement;
}

}  // namespace

std::string UnescapeJson(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    const char c = raw[i];
    if (c != '\\' || i + 1 >= raw.size()) {
      out += c;
      ++i;
      continue;
    }
    const char e = raw[i + 1];
    if (e == 'u') {
      AppendUtf8(UnicodeEscape(raw, &i), &out);
      continue;
    }
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      default:  // \" \\ \/
        out += e;
        break;
    }
    i += 2;
  }
  return out;
}

// --- Parsing ---

namespace {

// The first quote or backslash at or after p, eight bytes at a time while a whole word lies
// before `end` (SWAR): with b = 0x01 repeated and h = 0x80 repeated, (x - b) & ~x & h flags the
// zero bytes of x, here of w ^ 0x22.. (quotes) and w ^ 0x5C.. (backslashes). A borrow can flag
// bytes after a true hit but never before one, so the lowest flag of a little-endian word is
// exact. Returns where the byte-by-byte scan must go on: the hit, or the last partial word.
inline const char* FindQuoteOrBackslash(const char* p, const char* end) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    const uint64_t quote = w ^ (kOnes * '"');
    const uint64_t backslash = w ^ (kOnes * '\\');
    const uint64_t hits = (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh;
    if (hits != 0) return p + __builtin_ctzll(hits) / 8;
    p += 8;
  }
#else
  (void)end;
#endif
  return p;
}

// Per thread, the item buffer of the last tree destroyed (first touch of fresh memory costs
// more than the parse itself for short statements).
template <typename Item>
std::vector<Item>& SpareItems() {
  thread_local std::vector<Item> spare;
  return spare;
}
}  // namespace

JsonTree::JsonTree() { items_.swap(SpareItems<Item>()); }

JsonTree::~JsonTree() {
  constexpr size_t kMaxKeptItems = size_t{1} << 20;  // don't hold on to huge buffers
  if (items_.capacity() <= kMaxKeptItems) {
    items_.clear();
    SpareItems<Item>().swap(items_);
  }
}

// ParseString, ParseScalar and ParseKey run once per value or key: they are forced inline into
// Parse, so that the pending key stays in registers (perf on bench/parse_bench: a whole Item
// copied from one filled through a pointer stalled store-to-load forwarding at every value).
#define DBOPT_JSON_INLINE __attribute__((always_inline)) inline

// At p: the opening quote. The text ends with a NUL byte (Parse's contract): the scan stops
// there without a bounds check per byte. Strings in a parse tree are short (keys, names).
DBOPT_JSON_INLINE bool JsonTree::ParseString(const char*& p, uint32_t* offset, uint32_t* length,
                                             bool* escaped) const {
  const char* start = ++p;
  const char* end = json_.data() + json_.size();
  bool backslash = false;
  for (;;) {
    p = FindQuoteOrBackslash(p, end);
    while (*p != '"' && *p != '\\' && *p != '\0') ++p;
    if (*p == '"') break;
    if (*p == '\\') {
      backslash = true;
      if (p[1] == '\0') return false;
      p += 2;  // the escaped character may be a quote
      continue;
    }
    if (p == json_.data() + json_.size()) return false;
    ++p;  // a NUL byte inside the text
  }
  *escaped = backslash;
  *offset = static_cast<uint32_t>(start - json_.data());
  *length = static_cast<uint32_t>(p - start);
  ++p;  // the closing quote
  return true;
}

DBOPT_JSON_INLINE bool JsonTree::ParseScalar(const char*& p, Item* item) const {
  auto literal = [&](const char* word, size_t n, JsonKind kind) {
    if (std::strncmp(p, word, n) != 0) return false;  // stops at the final NUL
    item->kind = kind;
    p += n;
    return true;
  };
  switch (*p) {
    case '"':
      item->kind = JsonKind::kString;
      return ParseString(p, &item->text, &item->length, &item->escaped);
    case 't':
      return literal("true", 4, JsonKind::kTrue);
    case 'f':
      return literal("false", 5, JsonKind::kFalse);
    case 'n':
      return literal("null", 4, JsonKind::kNull);
    default:
      break;
  }
  // A number: -?digits, optionally a fraction and an exponent.
  const char* start = p;
  if (*p == '-') ++p;
  if (*p < '0' || *p > '9') return false;
  while ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-')
    ++p;
  item->kind = JsonKind::kNumber;
  item->text = static_cast<uint32_t>(start - json_.data());
  item->length = static_cast<uint32_t>(p - start);
  return true;
}

// "key": — the member key of the next value, kept in *pending until that value is added.
DBOPT_JSON_INLINE bool JsonTree::ParseKey(const char*& p, Key* pending) const {
  const char* end = json_.data() + json_.size();
  p = SkipSpace(p, end);
  if (*p != '"') return false;
  uint32_t offset = 0;
  uint32_t length = 0;
  bool escaped = false;
  if (!ParseString(p, &offset, &length, &escaped)) return false;
  if (length > std::numeric_limits<uint16_t>::max()) return false;
  uint32_t signature = 0;
  if (length != 0) {
    const auto byte = [](char c) { return static_cast<uint32_t>(static_cast<unsigned char>(c)); };
    const char* key = json_.data() + offset;
    signature = (length & 0xFF) | byte(key[0]) << 8 | byte(key[length - 1]) << 16 |
                byte(key[length / 2]) << 24;
  }
  pending->offset = offset;
  pending->signature = signature;
  pending->length = static_cast<uint16_t>(length);
  if (*p != ':') {
    p = SkipSpace(p, end);
    if (*p != ':') return false;
  }
  ++p;
  return true;
}

// One pass, no recursion: `open` holds the containers not closed yet. Each value is appended
// with the key read before it; a container's `next` is set when it closes.
bool JsonTree::Parse(std::string_view json, std::string* error) {
  if (json.data()[json.size()] != '\0') {
    *error = "the text must end with a NUL byte";
    return false;
  }
  json_ = json;
  items_.clear();
  depth_ = 0;
  if (json.size() >= std::numeric_limits<uint32_t>::max()) {
    *error = "parse tree too large";
    return false;
  }
  items_.reserve(json.size() / 8 + 4);  // libpg_query's JSON: about one value per 9 bytes
  const char* p = json.data();
  const char* end = p + json.size();
  std::vector<uint32_t> open;
  open.reserve(64);
  Key pending;  // the key of the next value
  auto fail = [&](const char* what) {
    *error = std::string(what) + " at offset " + std::to_string(p - json.data());
    return false;
  };
  for (;;) {
    // A value.
    if (*p <= ' ') p = SkipSpace(p, end);
    if (p == end) return fail("unexpected end");
    const auto index = static_cast<uint32_t>(items_.size());
    if (!open.empty()) ++items_[open.back()].length;
    Item& item = items_.emplace_back();
    item.key = pending.offset;
    item.key_signature = pending.signature;
    item.key_length = pending.length;
    if (*p == '{' || *p == '[') {
      item.kind = *p == '{' ? JsonKind::kObject : JsonKind::kArray;
      open.push_back(index);
      if (open.size() > depth_) depth_ = open.size();
      ++p;
      if (*p <= ' ') p = SkipSpace(p, end);
      if (*p != '}' && *p != ']') {  // not empty: on to the first element
        if (item.kind == JsonKind::kObject) {
          if (!ParseKey(p, &pending)) return fail("bad key");
        } else {
          pending = Key();
        }
        continue;
      }
    } else {
      if (!ParseScalar(p, &item)) return fail("bad value");
      item.next = index + 1;
    }
    // After a value: close containers, then a comma and the next element, or the end.
    for (;;) {
      if (*p <= ' ') p = SkipSpace(p, end);
      if (open.empty()) return p == end ? true : fail("trailing text");
      Item& top = items_[open.back()];
      if (*p == ',') {
        ++p;
        if (top.kind == JsonKind::kObject) {
          if (!ParseKey(p, &pending)) return fail("bad key");
        } else {
          pending = Key();
        }
        break;
      }
      if (*p != (top.kind == JsonKind::kObject ? '}' : ']'))
        return fail("expected ',' or a bracket");
      ++p;
      top.next = static_cast<uint32_t>(items_.size());
      open.pop_back();
    }
  }
}

// --- Accessors ---

int64_t JsonValue::Int() const {
  if (kind() != JsonKind::kNumber) return 0;
  const JsonTree::Item& number = item();
  const char* p = tree_->json_.data() + number.text;
  const char* end = p + number.length;
  const bool negative = p < end && *p == '-';
  if (negative) ++p;
  int64_t value = 0;
  for (; p < end && *p >= '0' && *p <= '9'; ++p) value = value * 10 + (*p - '0');
  return negative ? -value : value;
}

std::string JsonValue::Str() const {
  if (kind() != JsonKind::kString) return {};
  if (!item().escaped) return std::string(Raw());
  return UnescapeJson(Raw());
}

JsonValue JsonValue::At(size_t i) const {
  if (i >= size()) return JsonValue();
  Iterator it = begin();
  for (size_t k = 0; k < i; ++k) ++it;
  return *it;
}

}  // namespace dbopt::sql::internal
