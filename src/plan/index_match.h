// Matching clauses to index columns under btree rules (PostgreSQL's indxpath.c
// match_clause_to_indexcol): `key op expr` or `expr op key` with op one of = < <= > >=,
// `key = ANY(array)`, `key IS [NOT] NULL`, where the other side does not use the index's own
// table and is not volatile. The matched clause is returned with the key on the left.
#pragma once

#include <vector>

#include "planner_info.h"

namespace dbopt::plan {

// The index columns' key expressions (Vars for plain columns) and their pathkey ECs are built
// here too.
void BuildIndexInfos(PlannerInfo& root, RelOptInfo& rel);

// Index clauses among `clauses` for `index` (clauses whose other side is outside `rel`, when
// `outer` is not empty, make a parameterized path). Sorted by index column, then clause order.
std::vector<IndexClause> MatchClausesToIndex(PlannerInfo& root, const RelOptInfo& rel,
                                             const IndexInfo& index,
                                             const std::vector<const RestrictInfo*>& clauses);

// The clause is one of a partial index's predicate conjuncts: the index already guarantees it,
// so it is neither an index qual nor a filter (create_indexscan_plan).
bool ImpliedByIndexPredicate(const IndexInfo& index, const RestrictInfo& rinfo);

// extract_nonindex_conditions: the rel's restriction clauses an index path still has to check
// (neither an index condition nor implied by the partial index's predicate).
std::vector<const RestrictInfo*> NonIndexQuals(const Path& path);

// check_index_only: the index returns every column the query needs from rel.
bool IndexCoversRel(const RelOptInfo& rel, const IndexInfo& index);

}  // namespace dbopt::plan
