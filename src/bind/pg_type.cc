// PostgreSQL data types by identity: parsing and printing format_type() text, categories, and
// the widths the planner assumes (lsyscache.c get_typavgwidth, format_type.c type_maximum_size).
#include "dbopt/bind/pg_type.h"

#include <cctype>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

namespace dbopt::bind {
namespace {

// PG15: pg_encoding_max_length(PG_UTF8); dbopt assumes UTF-8 databases.
constexpr int kEncodingMaxLength = 4;
// PG15: VARHDRSZ, the 4-byte varlena header included in bpchar/varchar typmods.
constexpr int kVarHdrSz = 4;
// PG15: numeric.c DEC_DIGITS, NUMERIC_HDRSZ (VARHDRSZ + uint16 + int16), sizeof(NumericDigit).
constexpr int kDecDigits = 4;
constexpr int kNumericHdrSz = 8;
constexpr int kNumericDigitSize = 2;
// PG15: get_typavgwidth's guess when nothing is known.
constexpr int kDefaultWidth = 32;
// PG15: get_typavgwidth's cap for wide varchar limits ("varchar(10000)" is no help).
constexpr int kWideLimit = 1000;

struct TypeSpelling {
  TypeId id;
  const char* name;  // format_type() spelling
};

// format_type() names first (they are what FormatType prints), then the catalog and
// SQL aliases ParseTypeText accepts as well.
constexpr TypeSpelling kSpellings[] = {
    {TypeId::kBool, "boolean"},
    {TypeId::kInt2, "smallint"},
    {TypeId::kInt4, "integer"},
    {TypeId::kInt8, "bigint"},
    {TypeId::kFloat4, "real"},
    {TypeId::kFloat8, "double precision"},
    {TypeId::kNumeric, "numeric"},
    {TypeId::kText, "text"},
    {TypeId::kVarchar, "character varying"},
    {TypeId::kBpchar, "character"},
    {TypeId::kName, "name"},
    {TypeId::kChar, "\"char\""},
    {TypeId::kBytea, "bytea"},
    {TypeId::kDate, "date"},
    {TypeId::kTime, "time without time zone"},
    {TypeId::kTimeTz, "time with time zone"},
    {TypeId::kTimestamp, "timestamp without time zone"},
    {TypeId::kTimestampTz, "timestamp with time zone"},
    {TypeId::kInterval, "interval"},
    {TypeId::kUuid, "uuid"},
    {TypeId::kJson, "json"},
    {TypeId::kJsonb, "jsonb"},
    {TypeId::kOid, "oid"},
    {TypeId::kInet, "inet"},
    {TypeId::kRecord, "record"},
    {TypeId::kVoid, "void"},
    {TypeId::kUnknown, "unknown"},
    // Aliases.
    {TypeId::kBool, "bool"},
    {TypeId::kInt2, "int2"},
    {TypeId::kInt4, "int4"},
    {TypeId::kInt4, "int"},
    {TypeId::kInt8, "int8"},
    {TypeId::kFloat4, "float4"},
    {TypeId::kFloat8, "float8"},
    {TypeId::kNumeric, "decimal"},
    {TypeId::kVarchar, "varchar"},
    {TypeId::kBpchar, "bpchar"},
    {TypeId::kBpchar, "char"},
    {TypeId::kTime, "time"},
    {TypeId::kTimeTz, "timetz"},
    {TypeId::kTimestamp, "timestamp"},
    {TypeId::kTimestampTz, "timestamptz"},
};

std::string Trim(const std::string& s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Removes a "(...)" modifier list from `text` and returns its comma-separated numbers.
std::vector<int> TakeModifiers(std::string& text) {
  std::vector<int> mods;
  const size_t open = text.find('(');
  if (open == std::string::npos) return mods;
  const size_t close = text.find(')', open);
  if (close == std::string::npos) return mods;
  std::string inner = text.substr(open + 1, close - open - 1);
  text = Trim(text.substr(0, open)) + text.substr(close + 1);
  size_t pos = 0;
  while (pos <= inner.size()) {
    size_t comma = inner.find(',', pos);
    if (comma == std::string::npos) comma = inner.size();
    mods.push_back(std::atoi(Trim(inner.substr(pos, comma - pos)).c_str()));
    pos = comma + 1;
  }
  return mods;
}

// Collapses runs of spaces so that "timestamp  without time zone" still matches.
std::string CollapseSpaces(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return Trim(out);
}

// True for the types whose modifier is a precision printed between name and "without".
bool HasTimePrecision(TypeId id) {
  return id == TypeId::kTime || id == TypeId::kTimeTz || id == TypeId::kTimestamp ||
         id == TypeId::kTimestampTz || id == TypeId::kInterval;
}

// The length of a kOther type that PostgreSQL stores with a fixed size (pg_type.typlen).
int OtherTypeLength(const std::string& name) {
  static const struct {
    const char* name;
    int length;
  } kFixed[] = {{"money", 8},    {"point", 16},  {"macaddr", 6}, {"macaddr8", 8},
                {"pg_lsn", 8},   {"tid", 6},     {"xid", 4},     {"cid", 4},
                {"regclass", 4}, {"regproc", 4}, {"regtype", 4}, {"box", 32},
                {"lseg", 32},    {"line", 24},   {"circle", 24}, {"xid8", 8}};
  for (const auto& f : kFixed) {
    if (name == f.name) return f.length;
  }
  return -1;
}

// PG15 numeric_maximum_size: NUMERIC_HDRSZ + digits * sizeof(NumericDigit), where
// digits = (precision + 2 * (DEC_DIGITS - 1)) / DEC_DIGITS.
int NumericMaximumSize(int precision) {
  const int digits = (precision + 2 * (kDecDigits - 1)) / kDecDigits;
  return kNumericHdrSz + digits * kNumericDigitSize;
}

// PG15 type_maximum_size(type, typmod): bpchar/varchar: n * max encoding length + VARHDRSZ;
// numeric(p,s): numeric_maximum_size; bit/varbit: (n + 7) / 8 + 2 * sizeof(int32); else -1.
int TypeMaximumSize(const Type& type) {
  if (type.array || type.length < 0) return -1;
  switch (type.id) {
    case TypeId::kBpchar:
    case TypeId::kVarchar:
      return type.length * kEncodingMaxLength + kVarHdrSz;
    case TypeId::kNumeric:
      return NumericMaximumSize(type.length);
    case TypeId::kOther:
      if (type.name == "bit" || type.name == "bit varying") return (type.length + 7) / 8 + 8;
      return -1;
    default:
      return -1;
  }
}

}  // namespace

bool Type::operator==(const Type& other) const {
  return id == other.id && length == other.length && scale == other.scale && array == other.array &&
         name == other.name;
}

Type MakeType(TypeId id) {
  Type t;
  t.id = id;
  return t;
}

// ParseTypeText without the memo.
static Type ReadTypeText(const std::string& text) {
  std::string s = CollapseSpaces(text);
  Type type;
  while (s.size() >= 2 && s.compare(s.size() - 2, 2, "[]") == 0) {
    type.array = true;
    s = Trim(s.substr(0, s.size() - 2));
  }
  if (s.rfind("pg_catalog.", 0) == 0) s = s.substr(11);
  const std::vector<int> mods = TakeModifiers(s);
  s = Lower(CollapseSpaces(s));
  // "timestamptz(3)" / "timestamp(3) with time zone" both end up here without the "(3)".
  for (const TypeSpelling& spelling : kSpellings) {
    if (s != spelling.name) continue;
    type.id = spelling.id;
    if (!mods.empty()) type.length = mods[0];
    if (mods.size() > 1) type.scale = mods[1];
    if (type.id == TypeId::kNumeric && type.length >= 0 && type.scale < 0) type.scale = 0;
    // SQL's bare CHARACTER means character(1); the catalog always prints the length.
    return type;
  }
  type.id = TypeId::kOther;
  type.name = s;
  if (!mods.empty()) type.length = mods[0];
  if (mods.size() > 1) type.scale = mods[1];
  return type;
}

// The catalog's few column type texts are read again for every relation a query (or an index
// expression) binds: each text is parsed once per thread.
Type ParseTypeText(const std::string& text) {
  // TUNING: far more distinct type texts than any catalog has; past it the memo starts over.
  constexpr size_t kMaxRemembered = 4096;
  thread_local std::unordered_map<std::string, Type> parsed;
  auto it = parsed.find(text);
  if (it != parsed.end()) return it->second;
  if (parsed.size() >= kMaxRemembered) parsed.clear();
  Type type = ReadTypeText(text);
  parsed.emplace(text, type);
  return type;
}

std::string FormatType(const Type& type) {
  std::string base;
  std::string mods;
  if (type.length >= 0) {
    mods = "(" + std::to_string(type.length);
    if (type.scale >= 0 && (type.id == TypeId::kNumeric || type.id == TypeId::kOther)) {
      mods += "," + std::to_string(type.scale);
    }
    mods += ")";
  }
  if (type.id == TypeId::kOther) {
    base = type.name + mods;
  } else if (type.id == TypeId::kBpchar && type.length < 0) {
    base = "bpchar";  // format_type_with_typemod(bpchar, -1): not "character", which means (1)
  } else {
    for (const TypeSpelling& spelling : kSpellings) {
      if (spelling.id != type.id) continue;
      const std::string name = spelling.name;
      const size_t zone = name.find(" with");
      if (HasTimePrecision(type.id) && zone != std::string::npos) {
        base = name.substr(0, zone) + mods + name.substr(zone);
      } else {
        base = name + mods;
      }
      break;
    }
  }
  return type.array ? base + "[]" : base;
}

std::string CastName(const Type& type) {
  // ruleutils.c get_const_expr prints format_type_with_typemod(consttype, consttypmod); the
  // parser's constants carry typmod -1, so no length, and bpchar prints as "bpchar".
  Type plain = type;
  plain.length = -1;
  plain.scale = -1;
  return FormatType(plain);
}

TypeCategory CategoryOf(const Type& type) {
  if (type.array) return TypeCategory::kArray;
  switch (type.id) {
    case TypeId::kBool:
      return TypeCategory::kBoolean;
    case TypeId::kInt2:
    case TypeId::kInt4:
    case TypeId::kInt8:
    case TypeId::kFloat4:
    case TypeId::kFloat8:
    case TypeId::kNumeric:
    case TypeId::kOid:
      return TypeCategory::kNumeric;
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kBpchar:
    case TypeId::kName:
      return TypeCategory::kString;
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimeTz:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return TypeCategory::kDateTime;
    case TypeId::kInterval:
      return TypeCategory::kTimespan;
    case TypeId::kUnknown:
      return TypeCategory::kUnknown;
    case TypeId::kUuid:
    case TypeId::kJson:
    case TypeId::kJsonb:
    case TypeId::kBytea:
    case TypeId::kOther:
      return TypeCategory::kUserDefined;
    case TypeId::kChar:
    case TypeId::kInet:
    case TypeId::kRecord:
    case TypeId::kVoid:
      return TypeCategory::kOther;
  }
  return TypeCategory::kOther;
}

int TypeLength(const Type& type) {
  if (type.array) return -1;
  switch (type.id) {
    case TypeId::kBool:
    case TypeId::kChar:
      return 1;
    case TypeId::kInt2:
      return 2;
    case TypeId::kInt4:
    case TypeId::kFloat4:
    case TypeId::kDate:
    case TypeId::kOid:
    case TypeId::kVoid:
      return 4;
    case TypeId::kInt8:
    case TypeId::kFloat8:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return 8;
    case TypeId::kTimeTz:
      return 12;
    case TypeId::kInterval:
    case TypeId::kUuid:
      return 16;
    case TypeId::kName:
      return 64;  // PG15: NAMEDATALEN
    case TypeId::kUnknown:
      return -2;  // PG15: unknown is a C string
    case TypeId::kOther:
      return OtherTypeLength(type.name);
    default:
      return -1;
  }
}

// PG15 get_typavgwidth(typid, typmod):
//   typlen > 0                      → typlen
//   maxwidth = type_maximum_size > 0 → bpchar: maxwidth; maxwidth <= 32: maxwidth;
//                                      maxwidth < 1000: 32 + (maxwidth - 32) / 2;
//                                      else 32 + (1000 - 32) / 2
//   otherwise                       → 32
int TypeAverageWidth(const Type& type) {
  const int typlen = TypeLength(type);
  if (typlen > 0) return typlen;
  const int maxwidth = TypeMaximumSize(type);
  if (maxwidth > 0) {
    if (type.id == TypeId::kBpchar) return maxwidth;
    if (maxwidth <= kDefaultWidth) return maxwidth;
    if (maxwidth < kWideLimit) return kDefaultWidth + (maxwidth - kDefaultWidth) / 2;
    return kDefaultWidth + (kWideLimit - kDefaultWidth) / 2;
  }
  return kDefaultWidth;
}

}  // namespace dbopt::bind
