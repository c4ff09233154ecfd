#include "dbopt/catalog/pg_btree_height.h"

#include <algorithm>
#include <cmath>

namespace dbopt::catalog {

int EstimateBtreeHeight(int64_t pages, double tuples) {
  const double leaves = static_cast<double>(pages) - 1;
  if (leaves <= 1) return 0;
  const double fanout =
      tuples < 0 ? kDefaultBtreeFanout : std::clamp(tuples / leaves, 2.0, kMaxBtreeFanout);
  // Round before ceil so that an exact power (L = F^k) does not gain a level from float error.
  const double levels = std::log(leaves) / std::log(fanout);
  return static_cast<int>(std::ceil(std::round(levels * 1e9) / 1e9));
}

}  // namespace dbopt::catalog
