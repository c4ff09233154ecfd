// Date and time values as PostgreSQL prints them with DateStyle ISO ("2024-01-31",
// "2024-01-31 12:34:56.5", "2024-01-31 12:34:56+00", "12:34:56"), read into the scalar
// PostgreSQL's convert_timevalue_to_scalar uses: microseconds since 2000-01-01 00:00 (UTC for
// timestamptz), dates at midnight, times since midnight, timetz shifted to UTC.
#pragma once

#include <optional>
#include <string>

#include "dbopt/bind/pg_type.h"

namespace dbopt::stats {

// nullopt when the text is not in ISO form. 'infinity' / '-infinity' map to +/-infinity.
std::optional<double> ParseTimeValue(bind::TypeId type, const std::string& text);

}  // namespace dbopt::stats
