// The PostgreSQL data types the binder and planner know by identity. Identity matters for three
// things: widths (PostgreSQL's get_typavgwidth), comparison semantics in selectivity
// (convert_to_scalar: numbers, strings, dates) and printing constants and casts the way EXPLAIN
// does ('1995-01-01'::date, 'F'::bpchar). Types dbopt does not know keep their format_type() text
// in `name` with id kOther; they still bind, and estimates fall back to PostgreSQL's defaults.
#pragma once

#include <string>

namespace dbopt::bind {

enum class TypeId {
  kUnknown,  // an untyped string literal before coercion ('abc' with no context)
  kBool,
  kInt2,
  kInt4,
  kInt8,
  kFloat4,
  kFloat8,
  kNumeric,
  kText,
  kVarchar,  // character varying
  kBpchar,   // character(n)
  kName,
  kChar,  // "char" (one byte)
  kBytea,
  kDate,
  kTime,
  kTimeTz,
  kTimestamp,
  kTimestampTz,
  kInterval,
  kUuid,
  kJson,
  kJsonb,
  kOid,
  kInet,
  kRecord,
  kVoid,
  kOther,  // anything else: `name` holds format_type() text
};

// A type with its modifier (varchar(25): typmod 29 in PostgreSQL; we keep the declared length
// and precision instead) and array-ness. Equality compares all fields.
struct Type {
  TypeId id = TypeId::kUnknown;
  int length = -1;     // varchar(n)/bpchar(n): n; numeric(p,s): p; -1 when not declared
  int scale = -1;      // numeric(p,s): s
  bool array = false;  // element type is id; t[]
  std::string name;    // kOther only: format_type() text without the [] suffix

  bool operator==(const Type& other) const;
  bool operator!=(const Type& other) const { return !(*this == other); }
};

// PostgreSQL's type categories (pg_type.typcategory) as the binder's operator resolution and
// the selectivity code use them.
enum class TypeCategory {
  kBoolean,
  kNumeric,
  kString,
  kDateTime,
  kTimespan,
  kUserDefined,
  kArray,
  kUnknown,
  kOther
};

Type MakeType(TypeId id);

// Parses format_type() text as the catalog stores it: "integer", "character varying(25)",
// "numeric(15,2)", "timestamp without time zone", "text[]". Unknown names give kOther.
Type ParseTypeText(const std::string& text);

// format_type() text: "integer", "character varying(25)", "numeric(15,2)", "text[]".
std::string FormatType(const Type& type);

// The name EXPLAIN prints after `::` for a constant of this type: "date", "bpchar", "numeric",
// "text", "timestamp without time zone", "character varying", "integer[]".
std::string CastName(const Type& type);

TypeCategory CategoryOf(const Type& type);

// pg_type.typlen: 1, 2, 4, 8 or 16 for fixed-size types, -1 for varlena (text, numeric, arrays).
int TypeLength(const Type& type);

// PostgreSQL's get_typavgwidth(typid, typmod): the width the planner assumes when there are no
// statistics (fixed length; for varchar(n)/bpchar(n) from the typmod; otherwise 32).
int TypeAverageWidth(const Type& type);

}  // namespace dbopt::bind
