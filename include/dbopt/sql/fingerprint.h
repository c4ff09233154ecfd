// Normalization and fingerprints of statements (libpg_query's pg_query_normalize and
// pg_query_fingerprint, version 3 of its fingerprint algorithm).
//
// Same shape, different literals → same fingerprint. What counts as "same shape" is
// libpg_query's rule, verified by tests/unit/sql/fingerprint_test.cc:
//   - constants and $n parameters are ignored: `a = 1`, `a = 'x'`, `a = $1` fingerprint alike;
//   - IN lists and VALUES rows of constants fingerprint alike whatever their length:
//     `a IN (1, 2, 3)`, `a IN (1, 2)` and `a IN ($1)` all agree;
//   - case of keywords and identifiers folded by the parser, whitespace and comments are ignored;
//   - table, column and function names, operators and the query structure count.
#pragma once

#include <string>
#include <string_view>

#include "dbopt/base/result.h"

namespace dbopt::sql {

// 16 lowercase hex digits, e.g. "28550ea0fc43bed7". The text must be one statement that parses.
Result<std::string> Fingerprint(std::string_view sql);

// The statement with every constant replaced by $1, $2, ... (numbered after the parameters
// already present), otherwise as written: `SELECT * FROM t WHERE a = $1`.
Result<std::string> Normalize(std::string_view sql);

}  // namespace dbopt::sql
