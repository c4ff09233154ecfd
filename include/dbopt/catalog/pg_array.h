// PostgreSQL array literals, as array_out prints them and array_in reads them:
//
//   {1,2,3}   {"a b","x\"y",NULL,"NULL"}   {"(1,1),(0,0)";"(2,2),(1,1)"}   [0:1]={7,8}
//   {{1,2},{3,4}}
//
// pg_stats hands its anyarray columns (most_common_vals, histogram_bounds, ...) to clients in this
// form once cast to text; the elements are then in the column type's own output syntax, which is
// how the catalog keeps them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::catalog {

// One element: its text with quotes and backslash escapes removed, or nullopt for NULL.
using PgArrayElement = std::optional<std::string>;

// Parses an array literal into the elements of its outermost dimension, following array_in:
// - elements are separated by `delimiter` (pg_type.typdelim of the element type: ';' for box,
//   ',' for every other built-in type);
// - a double-quoted element may hold anything; inside it a backslash escapes the next byte;
// - an unquoted element has its surrounding whitespace removed and may escape bytes with a
//   backslash; the unquoted, unescaped word NULL (any case) is NULL, "NULL" is the string;
// - a nested sub-array ({{1,2},{3,4}}) becomes one element holding the sub-array's literal
//   text ("{1,2}"), so an array-typed column's values read the same whether the server printed
//   them nested or quoted ({"{1,2}"});
// - an optional dimension decoration ("[0:1]=") before the braces is accepted and skipped;
// - bytes are passed through unchanged, so UTF-8 text survives.
// A malformed literal is a kBadInput error naming the byte offset.
Result<std::vector<PgArrayElement>> ParsePgArray(std::string_view literal, char delimiter = ',');

// The elements of an array that must not contain NULL (pg_stats value arrays never do);
// a NULL element is a kBadInput error.
Result<std::vector<std::string>> ParsePgTextArray(std::string_view literal, char delimiter = ',');

// A float4[]/float8[] literal as numbers (most_common_freqs, elem_count_histogram, ...). Accepts
// what float8in accepts for finite values plus NaN and [+-]Infinity; NULL elements are errors.
Result<std::vector<double>> ParsePgFloatArray(std::string_view literal);

// A literal for a text[] query parameter: every element double-quoted, '"' and '\' escaped.
std::string FormatPgTextArray(const std::vector<std::string>& elements);

}  // namespace dbopt::catalog
