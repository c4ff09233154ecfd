// A reader for the subset of TOML that .dbopt.toml uses: [tables] (dotted, bare or quoted
// names), `key = value` with a string ("basic" with escapes, or 'literal'), an integer, a float,
// a boolean or an array of strings (may span lines, trailing comma allowed), and # comments.
// Anything else is an error with file:line:col, the line and a caret.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"

namespace dbopt::lint {

struct TomlValue {
  enum class Kind { kString, kInteger, kFloat, kBool, kArray };
  Kind kind = Kind::kString;
  std::string string;
  int64_t integer = 0;
  double number = 0;  // kFloat, and kInteger converted
  bool boolean = false;
  std::vector<std::string> array;
  size_t offset = 0;  // where the value starts
};

struct TomlEntry {
  std::string key;
  size_t offset = 0;  // where the key starts
  TomlValue value;
};

struct TomlTable {
  std::vector<std::string> name;  // {} for the root table; {"rules", "large-offset"}
  size_t offset = 0;
  std::vector<TomlEntry> entries;
};

struct TomlDocument {
  std::vector<TomlTable> tables;  // tables[0] is the root table
};

const char* TomlKindName(TomlValue::Kind kind);  // "string", "integer", ...
Result<TomlDocument> ParseToml(const SourceText& source);

}  // namespace dbopt::lint
