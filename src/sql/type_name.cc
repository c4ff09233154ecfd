// FormatType: type names as PostgreSQL's format_type() prints them.
#include "dbopt/sql/type_name.h"

#include <cctype>
#include <cstring>

#include "dbopt/sql/to_sql.h"

namespace dbopt::sql {
namespace {

struct Builtin {
  const char* catalog_name;  // pg_catalog name the grammar produces
  const char* display;       // format_type's name
  // Where the modifiers go: "character varying(25)", but "timestamp(3) without time zone".
  const char* suffix;
};

constexpr Builtin kBuiltins[] = {
    {"int2", "smallint", ""},
    {"int4", "integer", ""},
    {"int8", "bigint", ""},
    {"float4", "real", ""},
    {"float8", "double precision", ""},
    {"bool", "boolean", ""},
    {"numeric", "numeric", ""},
    {"varchar", "character varying", ""},
    {"bpchar", "character", ""},
    {"bit", "bit", ""},
    {"varbit", "bit varying", ""},
    {"timestamp", "timestamp", " without time zone"},
    {"timestamptz", "timestamp", " with time zone"},
    {"time", "time", " without time zone"},
    {"timetz", "time", " with time zone"},
    {"interval", "interval", ""},
};

}  // namespace

std::string FormatType(const TypeName& type) {
  std::string out;
  const Builtin* builtin = nullptr;
  // The grammar qualifies SQL-standard names (`integer` → pg_catalog.int4); internal names written
  // by the user (`timestamptz`, `int8`) stay unqualified but mean the same type.
  const bool qualified = type.names.size() == 2 && type.names[0] == "pg_catalog";
  if (qualified || type.names.size() == 1) {
    for (const Builtin& b : kBuiltins) {
      if (type.names.back() == b.catalog_name) builtin = &b;
    }
  }
  std::string modifiers;
  const bool interval = builtin && std::strcmp(builtin->catalog_name, "interval") == 0;
  if (interval) {
    // INTERVAL DAY TO SECOND(3): fields are words, a precision follows in parentheses.
    for (const std::string& m : type.modifiers) {
      if (!m.empty() && std::isdigit(static_cast<unsigned char>(m[0]))) {
        modifiers += "(" + m + ")";
      } else {
        std::string lower = m;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        modifiers = " " + lower + modifiers;
      }
    }
  } else if (!type.modifiers.empty()) {
    modifiers = "(";
    for (size_t i = 0; i < type.modifiers.size(); ++i) {
      if (i > 0) modifiers += ",";
      modifiers += type.modifiers[i];
    }
    modifiers += ")";
  }
  if (builtin) {
    out = std::string(builtin->display) + modifiers + builtin->suffix;
  } else if (type.names.size() == 2 && type.names[0] == "pg_catalog" && type.names[1] == "char") {
    out = "\"char\"" + modifiers;  // the one-byte internal type
  } else {
    for (size_t i = 0; i < type.names.size(); ++i) {
      if (i > 0) out += ".";
      out += QuoteIdentifier(type.names[i]);
    }
    out += modifiers;
  }
  if (type.percent_type) out += "%TYPE";
  for (int i = 0; i < type.array_dimensions; ++i) out += "[]";
  if (type.setof) out = "SETOF " + out;
  return out;
}

}  // namespace dbopt::sql
