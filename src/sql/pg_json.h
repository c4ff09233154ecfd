// A read-only JSON tree for libpg_query's parse tree (pg_query_parse's PostgreSQL node JSON).
// Internal to src/sql.
//
// One pass over the text fills a flat array of items (no allocation per value, no recursion: an
// explicit stack of open containers, so nesting depth is bounded by memory only). A container's
// children follow it in the array; each item knows where its subtree ends, so stepping to the
// next sibling is one lookup. Strings stay views into the JSON text until asked for; escapes are
// decoded then (\uXXXX with surrogate pairs to UTF-8).
//
// In libpg_query's JSON a node is {"TypeName": {fields}}, fields with default values (0, false,
// NULL, empty list) are left out, lists are arrays and a NULL list element is {}. JsonValue's
// accessors therefore treat a missing value as the default: 0, false, "" or an empty array.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dbopt::sql::internal {

class JsonValue;

enum class JsonKind : uint8_t { kNone, kNull, kFalse, kTrue, kNumber, kString, kArray, kObject };

// A member key's length and three of its bytes: compared before the key itself, so a lookup
// rarely touches the text (constexpr: a literal key's signature is computed at compile time).
constexpr uint32_t KeySignature(std::string_view key) {
  if (key.empty()) return 0;
  auto byte = [](char c) { return static_cast<uint32_t>(static_cast<unsigned char>(c)); };
  return static_cast<uint32_t>(key.size() & 0xFF) | byte(key[0]) << 8 |
         byte(key[key.size() - 1]) << 16 | byte(key[key.size() / 2]) << 24;
}

class JsonTree {
 public:
  JsonTree();   // takes this thread's spare item buffer, if any
  ~JsonTree();  // gives the buffer back: parsing many statements allocates it once
  JsonTree(const JsonTree&) = delete;
  JsonTree& operator=(const JsonTree&) = delete;

  // Parses `json` (which must outlive the tree and be followed by a NUL byte, as C strings and
  // std::string are); false with `error` set when it is malformed.
  bool Parse(std::string_view json, std::string* error);
  JsonValue root() const;
  size_t depth() const { return depth_; }  // the deepest nesting of arrays and objects

 private:
  friend class JsonValue;
  struct Item {
    uint32_t key = 0;  // offset of the member key (after its quote)
    uint32_t key_signature = 0;
    uint32_t text = 0;        // offset of a scalar's text (strings: after the quote)
    uint32_t length = 0;      // text length; for containers the number of children
    uint32_t next = 0;        // index of the item after this one's subtree
    uint16_t key_length = 0;  // keys are compared undecoded (a parse tree's keys have no escapes)
    JsonKind kind = JsonKind::kNone;
    bool escaped = false;  // a string with backslash escapes
  };
  bool ParseScalar(const char*& p, Item* item) const;
  bool ParseString(const char*& p, uint32_t* offset, uint32_t* length, bool* escaped) const;
  // The member key read before its value, copied into the value's Item field by field.
  struct Key {
    uint32_t offset = 0;
    uint32_t signature = 0;
    uint16_t length = 0;
  };
  bool ParseKey(const char*& p, Key* pending) const;

  std::string_view json_;
  std::vector<Item> items_;
  size_t depth_ = 0;
};

// A value of a JsonTree, or "none" (a missing member). Cheap to copy.
class JsonValue {
 public:
  JsonValue() = default;
  JsonValue(const JsonTree* tree, uint32_t index) : tree_(tree), index_(index) {}

  JsonKind kind() const { return tree_ == nullptr ? JsonKind::kNone : item().kind; }
  bool exists() const { return tree_ != nullptr; }
  explicit operator bool() const { return exists(); }

  // Object member by key; none when missing or when this is not an object.
  JsonValue operator[](std::string_view key) const { return Member(key, KeySignature(key)); }

  // Scalars; a missing or other-kind value reads as the default.
  int64_t Int() const;
  bool Bool() const { return kind() == JsonKind::kTrue; }
  std::string Str() const;        // decoded text of a string
  std::string_view Raw() const {  // undecoded text of a string (no escapes: the text itself)
    if (kind() != JsonKind::kString) return {};
    return tree_->json_.substr(item().text, item().length);
  }
  bool StrIs(std::string_view s) const {  // an unescaped string equal to s
    return kind() == JsonKind::kString && !item().escaped && Raw() == s;
  }

  // Containers: number of elements or members, and iteration over them.
  size_t size() const {
    const JsonKind k = kind();
    return k == JsonKind::kArray || k == JsonKind::kObject ? item().length : 0;
  }
  bool empty() const { return size() == 0; }
  class Iterator {
   public:
    Iterator(const JsonTree* tree, uint32_t index) : tree_(tree), index_(index) {}
    JsonValue operator*() const { return JsonValue(tree_, index_); }
    Iterator& operator++() {
      index_ = tree_->items_[index_].next;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    const JsonTree* tree_;
    uint32_t index_;
  };
  Iterator begin() const { return size() == 0 ? end() : Iterator(tree_, index_ + 1); }
  Iterator end() const {
    return tree_ == nullptr ? Iterator(nullptr, 0) : Iterator(tree_, item().next);
  }
  JsonValue At(size_t i) const;   // element i of an array (none if out of range)
  std::string_view Key() const {  // the member key of this value inside its object ("" if none)
    if (tree_ == nullptr) return {};
    return tree_->json_.substr(item().key, item().key_length);
  }

  // libpg_query nodes: {"SelectStmt": {...}} → "SelectStmt" and the inner object.
  // An empty object (a NULL node in a list) has type "" and no body.
  std::string_view NodeType() const { return Body().Key(); }
  JsonValue Body() const {
    if (kind() != JsonKind::kObject || item().length == 0) return JsonValue();
    return JsonValue(tree_, index_ + 1);
  }
  bool Is(std::string_view type) const { return NodeType() == type; }

 private:
  const JsonTree::Item& item() const { return tree_->items_[index_]; }
  JsonValue Member(std::string_view key, uint32_t signature) const {
    if (kind() != JsonKind::kObject) return JsonValue();
    const JsonTree::Item* items = tree_->items_.data();
    const char* json = tree_->json_.data();
    const uint32_t stop = items[index_].next;
    for (uint32_t i = index_ + 1; i < stop; i = items[i].next) {
      const JsonTree::Item& member = items[i];
      if (member.key_signature == signature && member.key_length == key.size() &&
          std::memcmp(json + member.key, key.data(), key.size()) == 0)
        return JsonValue(tree_, i);
    }
    return JsonValue();
  }

  const JsonTree* tree_ = nullptr;
  uint32_t index_ = 0;
};

inline JsonValue JsonTree::root() const {
  return items_.empty() ? JsonValue() : JsonValue(this, 0);
}

// Decodes the body of a JSON string (without quotes) into UTF-8.
std::string UnescapeJson(std::string_view raw);

}  // namespace dbopt::sql::internal
