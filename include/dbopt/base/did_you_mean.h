// "Did you mean" suggestions from edit distance, as ninja's SpellcheckString and DuckDB's
// similar_catalog_entry do.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt {

// Levenshtein distance, case-insensitive (ASCII), capped: returns max_distance + 1 when larger.
int EditDistance(std::string_view a, std::string_view b, int max_distance);

// The candidate closest to `word`, if any is close enough: distance at most max(1, len/3)
// (at most 3). Ties go to the candidate that comes first in `candidates`.
std::optional<std::string> DidYouMean(std::string_view word,
                                      const std::vector<std::string>& candidates);

// A bad-input error for a name that is not one of `names`:
//   unknown <what> "<name>" (expected one of: a, b, c)   + hint: did you mean "b"?
Error UnknownNameError(std::string_view what, std::string_view name,
                       const std::vector<std::string>& names);

}  // namespace dbopt
