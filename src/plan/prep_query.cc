// Expression preprocessing of a flattened query level; see prep_query.h.
#include "prep_query.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "dbopt/bind/fold.h"
#include "query_copy.h"

namespace dbopt::plan {

using bind::BoundExpr;
using bind::BoundExprPtr;
using bind::BoundKind;
using bind::Query;

void FoldLevelConstants(Query& query) {
  ForEachExprSlot(query, [](BoundExprPtr& slot) {
    if (slot) slot = bind::FoldConstants(std::move(slot));
  });
}

void RemoveUselessGroupByColumns(Query& query) {
  if (query.group_by.size() < 2 || query.has_grouping_sets) return;
  // The grouped Vars per range-table entry: attno → position in group_by.
  std::map<int, std::map<int, size_t>> grouped;
  for (size_t i = 0; i < query.group_by.size(); ++i) {
    const bind::TargetEntry* te = query.FindSortGroupTarget(query.group_by[i].tle_ref);
    if (te == nullptr) continue;
    const BoundExpr& e = *te->expr;
    if (e.kind == BoundKind::kVar && e.levelsup == 0 && e.attno > 0) {
      grouped[e.varno][e.attno] = i;
    }
  }
  std::vector<bool> drop(query.group_by.size(), false);
  for (const auto& [varno, attnos] : grouped) {
    const bind::RangeTblEntry& rte = query.rtable[varno - 1];
    if (rte.kind != bind::RteKind::kRelation || rte.table == nullptr || !rte.table->primary_key) {
      continue;
    }
    const catalog::Table& table = *rte.table;
    std::set<int> pk;
    for (const std::string& column : table.primary_key->columns) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].name == column) pk.insert(static_cast<int>(c) + 1);
      }
    }
    bool all = !pk.empty();
    for (int attno : pk) all = all && attnos.count(attno) > 0;
    if (!all) continue;
    for (const auto& [attno, position] : attnos) {
      if (pk.count(attno) == 0) drop[position] = true;
    }
  }
  std::vector<bind::SortGroupClause> kept;
  for (size_t i = 0; i < query.group_by.size(); ++i) {
    if (!drop[i]) kept.push_back(query.group_by[i]);
  }
  query.group_by = std::move(kept);
}

}  // namespace dbopt::plan
