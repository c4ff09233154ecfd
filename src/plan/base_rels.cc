// Base relations: one RelOptInfo per table in the query, with its size (estimate_rel_size),
// the columns needed above its scan (attr_needed, which decides widths) and its indexes
// (get_relation_info). Mirrors PostgreSQL's plancat.c and initsplan.c build_base_rel_tlists.
#include "base_rels.h"

#include <algorithm>
#include <cmath>

#include "dbopt/bind/pg_type.h"

namespace dbopt::plan {
namespace {

// PG15: BLCKSZ 8192 less the page header (24) is what density assumes; 24 = MAXALIGN of the
// 23-byte heap tuple header, 4 = the line pointer (table_block_relation_estimate_size).
constexpr double kPageUsable = 8192 - 24;
constexpr double kTupleOverhead = 24 + 4;

// Columns' widths: pg_stats.avg_width when known and positive, else get_typavgwidth.
int ColumnWidth(const catalog::Table& table, const catalog::Column& column) {
  auto it = table.column_stats.find(column.name);
  if (it != table.column_stats.end() && it->second.avg_width > 0) return it->second.avg_width;
  return bind::TypeAverageWidth(bind::ParseTypeText(column.type));
}

// estimate_rel_size for a heap:
//   pages = curpages (10 if the table was never vacuumed and is smaller);
//   density = reltuples / relpages, or floor((8192 - 24) / (datawidth + 28)) without stats;
//   tuples = rint(density * pages); allvisfrac = relallvisible / pages, clamped to [0, 1].
void EstimateRelSize(RelOptInfo& rel, const catalog::Table& table) {
  double curpages = 0, relpages = 0, reltuples = -1, relallvisible = 0;
  if (table.stats) {
    curpages = static_cast<double>(table.stats->curpages);
    relpages = static_cast<double>(table.stats->relpages);
    reltuples = table.stats->reltuples;
    relallvisible = static_cast<double>(table.stats->relallvisible);
    if (curpages == 0 && relpages > 0) curpages = relpages;  // a source without physical size
  }
  if (curpages < 10 && reltuples < 0) curpages = 10;
  rel.pages = curpages;
  if (curpages == 0) {
    rel.tuples = 0;
    rel.allvisfrac = 0;
    return;
  }
  double density;
  if (reltuples >= 0 && relpages > 0) {
    density = reltuples / relpages;
  } else {
    double data_width = 0;
    for (const catalog::Column& column : table.columns) data_width += ColumnWidth(table, column);
    density = std::floor(kPageUsable / (data_width + kTupleOverhead));
  }
  rel.tuples = std::rint(density * curpages);
  if (relallvisible == 0) {
    rel.allvisfrac = 0;
  } else if (relallvisible >= curpages) {
    rel.allvisfrac = 1;
  } else {
    rel.allvisfrac = relallvisible / curpages;
  }
}

}  // namespace

void MarkNeeded(PlannerInfo& root, const BoundExpr& expr, const Relids& where) {
  bind::Walk(expr, [&](const BoundExpr& node) {
    if (node.kind != bind::BoundKind::kVar || node.levelsup != 0) return;
    if (node.varno <= 0 || node.varno >= static_cast<int>(root.simple_rels.size())) return;
    RelOptInfo* rel = root.simple_rels[node.varno];
    if (rel == nullptr) return;
    if (node.attno <= 0) {  // whole row: every column
      for (size_t a = 1; a < rel->attr_needed.size(); ++a) {
        rel->attr_needed[a] = rel->attr_needed[a].Union(where);
      }
      return;
    }
    if (node.attno < static_cast<int>(rel->attr_needed.size())) {
      rel->attr_needed[node.attno] = rel->attr_needed[node.attno].Union(where);
    }
  });
}

Relids TopLevelRelids() { return Relids::Of(0); }

void BuildBaseRels(PlannerInfo& root) {
  const bind::Query& query = *root.query;
  root.simple_rels.assign(query.rtable.size() + 1, nullptr);
  root.estimation.rels.assign(query.rtable.size() + 1, stats::RelEstimate{});
  for (size_t i = 0; i < query.rtable.size(); ++i) {
    const bind::RangeTblEntry& rte = query.rtable[i];
    if (rte.kind != bind::RteKind::kRelation || !rte.in_from_clause) continue;
    const int rtindex = static_cast<int>(i) + 1;
    RelOptInfo* rel = root.NewRel();
    rel->kind = RelKind::kBase;
    rel->rtindex = rtindex;
    rel->relids = Relids::Of(rtindex);
    rel->table = rte.table;
    EstimateRelSize(*rel, *rte.table);
    const size_t ncols = rte.table->columns.size();
    rel->attr_widths.assign(ncols + 1, 0);
    rel->attr_needed.assign(ncols + 1, Relids());
    for (size_t c = 0; c < ncols; ++c) {
      rel->attr_widths[c + 1] = ColumnWidth(*rte.table, rte.table->columns[c]);
    }
    root.simple_rels[rtindex] = rel;
    root.all_baserels.Add(rtindex);
    root.estimation.rels[rtindex] = stats::MakeTableRel(*root.catalog, *rte.table, rel->tuples);
  }
}

int RelWidthAbove(const PlannerInfo& root, const RelOptInfo& rel, const Relids& joined) {
  int width = 0;
  for (int rtindex : rel.relids.Members()) {
    const RelOptInfo* base = root.simple_rels[rtindex];
    if (base == nullptr) continue;
    for (size_t a = 1; a < base->attr_needed.size(); ++a) {
      // Needed by the final output (bit 0) or by a rel outside this one.
      if (!base->attr_needed[a].Minus(joined).IsEmpty()) width += base->attr_widths[a];
    }
  }
  return width;
}

}  // namespace dbopt::plan
