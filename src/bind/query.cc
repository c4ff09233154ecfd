// Query helpers (query.h).
#include "dbopt/bind/query.h"

namespace dbopt::bind {

const TargetEntry* Query::FindSortGroupTarget(int tle_ref) const {
  if (tle_ref == 0) return nullptr;
  for (const TargetEntry& t : targets) {
    if (t.sortgroupref == tle_ref) return &t;
  }
  return nullptr;
}

}  // namespace dbopt::bind
