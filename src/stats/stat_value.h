// Values of pg_stats arrays and of query constants, read from their text form so they can be
// compared the way PostgreSQL's btree operators compare them, and mapped onto a scalar scale the
// way selfuncs.c's convert_to_scalar does for histogram interpolation.
//
// Text comparisons assume the C collation (byte order), which is what a server initialised with
// --no-locale or a column declared COLLATE "C" uses; other collations order differently (and
// convert_string_datum would pass strings through strxfrm), so estimates on text columns of such
// databases can differ from PostgreSQL's.
#pragma once

#include <optional>
#include <string>

#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/pg_type.h"

namespace dbopt::stats {

// How values of a type compare. Values of two types compare with each other only within one
// domain (int4 with numeric, date with timestamp, text with varchar).
enum class ValueDomain {
  kNumber,     // bool, integers, floats, numeric, oid: by numeric value
  kString,     // text, varchar, name, "char", uuid: by bytes (C collation)
  kBpchar,     // character(n): by bytes with trailing spaces ignored
  kTime,       // date, timestamp(tz), time: microseconds (dates at midnight)
  kUnordered,  // anything else: dbopt cannot compare these
};

struct StatValue {
  ValueDomain domain = ValueDomain::kUnordered;
  bind::TypeId type = bind::TypeId::kUnknown;
  double number = 0;  // kNumber, kTime
  std::string text;   // the text as printed (all domains)
};

ValueDomain DomainOf(const bind::Type& type);

// Reads `text` as a value of `type`; nullopt when the text is not valid for it (or the type is
// unordered and `text` cannot be compared other than for identity).
std::optional<StatValue> ParseValue(const bind::Type& type, const std::string& text);

// -1, 0, 1; nullopt when the two values are not comparable (different domains, unordered).
std::optional<int> CompareValues(const StatValue& a, const StatValue& b);

// Evaluates `a OP b` for the comparison operator classes (=, <>, <, <=, >, >=) and the pattern
// operators (a is the string, b the pattern). nullopt when dbopt cannot evaluate it.
std::optional<bool> EvalOperator(bind::OpClass op, const StatValue& a, const StatValue& b);

// PG15 selfuncs.c convert_to_scalar: maps value and the two histogram bounds around it onto one
// scalar scale. Numbers and times are their numeric value; strings go through
// convert_string_to_scalar (common prefix stripped, base-R digits). False when the types have
// no scalar mapping (PostgreSQL then uses a bin fraction of 0.5).
bool ConvertToScalar(const StatValue& value, const StatValue& lo, const StatValue& hi,
                     double* scaled_value, double* scaled_lo, double* scaled_hi);

// PostgreSQL's LIKE / ILIKE matching (backslash escapes), used to test MCVs and histogram
// entries against a pattern; case-insensitive matching folds ASCII letters only.
bool LikeMatch(const std::string& text, const std::string& pattern, bool case_insensitive);

// make_greater_string for the C collation and UTF-8: the shortest string greater than every
// string that starts with `prefix`; nullopt when there is none.
std::optional<std::string> MakeGreaterString(std::string prefix);

}  // namespace dbopt::stats
