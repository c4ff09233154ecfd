// GROUP BY, window clauses and the grouping check (PostgreSQL's parse_clause.c
// transformGroupClause, transformWindowDefinitions; parse_agg.c parseCheckAggregates).
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"

namespace dbopt::bind::internal {
namespace {

std::string BoundText(const sql::FrameBound& b) {
  switch (b.kind) {
    case sql::FrameBoundKind::kUnboundedPreceding:
      return "UNBOUNDED PRECEDING";
    case sql::FrameBoundKind::kPreceding:
      return "? PRECEDING";
    case sql::FrameBoundKind::kCurrentRow:
      return "CURRENT ROW";
    case sql::FrameBoundKind::kFollowing:
      return "? FOLLOWING";
    case sql::FrameBoundKind::kUnboundedFollowing:
      return "UNBOUNDED FOLLOWING";
  }
  return "";
}

// The frame clause as SQL text, for printing; empty for the default frame.
std::string FrameText(const sql::WindowFrame& f) {
  if (f.mode == sql::FrameMode::kDefault) return "";
  std::string out = f.mode == sql::FrameMode::kRows    ? "ROWS "
                    : f.mode == sql::FrameMode::kRange ? "RANGE "
                                                       : "GROUPS ";
  if (f.between) return out + "BETWEEN " + BoundText(f.start) + " AND " + BoundText(f.end);
  return out + BoundText(f.start);
}

}  // namespace

Status Binder::BindGroupBy(const sql::SelectStmt& select, Level& level) {
  Query& q = *level.query;
  if (select.group_by_distinct) return NotSupported(select.location, "GROUP BY DISTINCT");
  level.context = ExprContext::kGroupBy;
  for (const sql::ExprPtr& item : select.group_by) {
    if (item->kind == sql::ExprKind::kGroupingSet) {
      q.has_grouping_sets = true;
      return NotSupported(item->location, "GROUPING SETS, ROLLUP and CUBE");
    }
    BIND_TRY(int ref, FindOrAddTarget(*item, level, true));
    bool duplicate = false;
    for (const SortGroupClause& g : q.group_by) duplicate |= g.tle_ref == ref;
    if (duplicate) continue;
    SortGroupClause g;
    g.tle_ref = ref;
    for (const SortGroupClause& o : q.order_by) {
      if (o.tle_ref == ref) g = o;  // GROUP BY follows ORDER BY's direction for the same key
    }
    const TargetEntry* t = q.FindSortGroupTarget(ref);
    if (ContainsAggregate(*t->expr)) {
      return ErrorAt(item->location, "aggregate functions are not allowed in GROUP BY");
    }
    g.sortable = g.hashable = t->expr->type.id != TypeId::kJson;
    q.group_by.push_back(g);
  }
  level.context = ExprContext::kNone;
  return Ok{};
}

Status Binder::BindWindows(const sql::SelectStmt& select, Level& level) {
  (void)select;
  Query& q = *level.query;
  for (size_t i = 0; i < level.pending_windows.size(); ++i) {
    const sql::WindowDef* def = level.pending_windows[i];
    WindowClause w;
    w.name = def->name;
    w.win_ref = static_cast<int>(i) + 1;
    const sql::WindowDef* base = nullptr;
    if (!def->refname.empty()) {
      for (const sql::WindowDef& named : level.select->windows) {
        if (named.name == def->refname) base = &named;
      }
      if (base == nullptr) {
        return ErrorAt(def->location, "window \"" + def->refname + "\" does not exist");
      }
    }
    const sql::WindowDef& part_src = base ? *base : *def;
    level.context = ExprContext::kWindowPartition;
    for (const sql::ExprPtr& p : part_src.partition_by) {
      BIND_TRY(int ref, FindOrAddTarget(*p, level, false));
      SortGroupClause s;
      s.tle_ref = ref;
      w.partition.push_back(s);
    }
    level.context = ExprContext::kWindowOrder;
    const std::vector<sql::SortItem>& order =
        (base && def->order_by.empty()) ? base->order_by : def->order_by;
    for (const sql::SortItem& item : order) {
      BIND_TRY(int ref, FindOrAddTarget(*item.expr, level, false));
      SortGroupClause s;
      s.tle_ref = ref;
      s.descending = item.direction == sql::SortDirection::kDesc;
      s.nulls_first = item.nulls == sql::NullsOrder::kDefault
                          ? s.descending
                          : item.nulls == sql::NullsOrder::kFirst;
      w.order.push_back(s);
    }
    w.frame_text =
        FrameText(def->frame.mode != sql::FrameMode::kDefault || !base ? def->frame : base->frame);
    q.windows.push_back(std::move(w));
  }
  level.context = ExprContext::kNone;
  return Ok{};
}

// parseCheckAggregates / check_ungrouped_columns: in a grouped query every column of this level
// outside an aggregate must be a grouping expression, be inside one, or belong to a table whose
// primary key is grouped (functional dependency).
Status Binder::CheckGrouping(Level& level) {
  Query& q = *level.query;
  // parseCheckAggregates runs for aggregates, GROUP BY, or HAVING (which groups on its own).
  if (!q.has_aggs && q.group_by.empty() && !q.having) return Ok{};
  std::vector<const BoundExpr*> groups;
  for (const SortGroupClause& g : q.group_by) {
    if (const TargetEntry* t = q.FindSortGroupTarget(g.tle_ref)) groups.push_back(t->expr.get());
  }
  std::set<int> pk_grouped;
  for (size_t r = 0; r < q.rtable.size(); ++r) {
    const RangeTblEntry& rte = q.rtable[r];
    if (rte.kind != RteKind::kRelation || !rte.table->primary_key) continue;
    bool all = !rte.table->primary_key->columns.empty();
    for (const std::string& col : rte.table->primary_key->columns) {
      bool found = false;
      for (const BoundExpr* g : groups) {
        found |= g->kind == BoundKind::kVar && g->levelsup == 0 &&
                 g->varno == static_cast<int>(r) + 1 && g->column_name == col;
      }
      all &= found;
    }
    if (all) pk_grouped.insert(static_cast<int>(r) + 1);
  }
  const BoundExpr* bad = nullptr;
  std::vector<const BoundExpr*> stack;
  auto check = [&](const BoundExpr& root) {
    stack.assign(1, &root);
    while (!stack.empty() && bad == nullptr) {
      const BoundExpr* e = stack.back();
      stack.pop_back();
      bool grouped = false;
      for (const BoundExpr* g : groups) grouped |= Equal(*g, *e);
      if (grouped || e->kind == BoundKind::kAggref) continue;
      if (e->kind == BoundKind::kVar && e->levelsup == 0 && pk_grouped.count(e->varno) == 0) {
        bad = e;
        return;
      }
      for (const BoundExprPtr& a : e->args) stack.push_back(a.get());
    }
  };
  for (const TargetEntry& t : q.targets) {
    if (bad == nullptr) check(*t.expr);
  }
  if (bad == nullptr && q.having) check(*q.having);
  if (bad != nullptr) {
    const std::string& alias = q.rtable[bad->varno - 1].alias;
    return ErrorAt(bad->location, "column \"" + alias + "." + bad->column_name +
                                      "\" must appear in the GROUP BY clause or be used in an "
                                      "aggregate function");
  }
  return Ok{};
}

}  // namespace dbopt::bind::internal
