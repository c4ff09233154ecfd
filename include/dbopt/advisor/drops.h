// Existing indexes the workload can do without:
//   - duplicates: the same method, keys, INCLUDE columns and predicate as another index (the one
//     backing a constraint, else the first by name, is kept);
//   - prefix-redundant: keys a prefix of another btree index's keys with the same predicate;
//   - unused: no statement's plan uses it once the recommended indexes exist.
// Each is checked by a what-if without it (on top of the drops already accepted): it is proposed
// only when the workload cost without it is at most 0.1 % above the cost with it. Indexes that
// back a primary key, unique or exclusion constraint, and unique indexes, are never proposed.
#pragma once

#include <string>
#include <vector>

#include "dbopt/advisor/candidates.h"
#include "dbopt/advisor/what_if_engine.h"

namespace dbopt::advisor {

struct DropProposal {
  catalog::Index index;
  std::string reason;        // "duplicate of X", "prefix of X", "unused by the workload"
  double cost_change = 0;    // workload cost with it dropped minus with it (≤ 0: a saving)
};

struct DropResult {
  std::vector<DropProposal> drops;
  std::vector<Rejection> kept;  // flagged, but a what-if showed the workload needs it
};

// `config` holds the recommended indexes; the accepted drops are added to its hidden list.
DropResult FindDrops(WhatIfEngine& engine, Configuration& config);

}  // namespace dbopt::advisor
