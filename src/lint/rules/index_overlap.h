// The existing indexes a new CREATE INDEX is compared with (DB405, DB406): the catalog's
// indexes on the table and the indexes created earlier in the same file.
#pragma once

#include <vector>

#include "../file_facts.h"
#include "dbopt/lint/rule.h"

namespace dbopt::lint {

std::vector<IndexShape> ExistingIndexes(const RuleContext& context, const IndexShape& created);
// "name (a, b DESC)"
std::string Describe(const IndexShape& index);

}  // namespace dbopt::lint
