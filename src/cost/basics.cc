// clamp_row_est and costsize.c's LOG2 macro.
#include "dbopt/cost/basics.h"

#include <cmath>

#include "dbopt/cost/params.h"

namespace dbopt::cost {

// PG15: costsize.c LOG2's divisor.
constexpr double kLn2Pg = 0.693147180559945;

double ClampRowEst(double rows) {
  if (rows > kMaximumRowCount || std::isnan(rows)) return kMaximumRowCount;
  if (rows <= 1.0) return 1.0;
  return std::rint(rows);
}

double PgLog2(double x) { return std::log(x) / kLn2Pg; }

}  // namespace dbopt::cost
