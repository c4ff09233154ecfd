// A hand-built catalog for the stats unit tests, and helpers that bind a query against it and
// estimate selectivities and row counts the way the planner will call the stats module.
//
//   t (10000 tuples): id integer PRIMARY KEY; a integer (100 distinct, MCVs 1: 0.1, 2: 0.05,
//     histogram 0,10,..,100); b text (10% NULL, n_distinct -0.5, histogram aaa abc bcd cde xyz);
//     c boolean (20% NULL, MCV false: 0.5); d date (n_distinct -0.01, histogram 2024-01-01, -11,
//     -21, -31); e integer without statistics.
//   u (1000 tuples): t_id integer REFERENCES t (500 distinct, MCVs 1: 0.01, 2: 0.008);
//     a integer (10% NULL, 50 distinct, MCVs 1: 0.2, 3: 0.1).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "dbopt/stats/estimator.h"
#include "test_binder.h"

namespace dbopt::stats::testing {

// pg_statistic keeps float4s.
inline double F4(double v) { return static_cast<double>(static_cast<float>(v)); }

inline catalog::ColumnStats Stats(double null_frac, double n_distinct, std::vector<std::string> mcv,
                                  std::vector<double> freqs, std::vector<std::string> hist) {
  catalog::ColumnStats s;
  s.null_frac = null_frac;
  s.n_distinct = n_distinct;
  s.most_common_vals = std::move(mcv);
  s.most_common_freqs = std::move(freqs);
  s.histogram_bounds = std::move(hist);
  return s;
}

inline catalog::Catalog TestCatalog() {
  catalog::Catalog c;
  catalog::Table t;
  t.name = "t";
  t.columns = {{"id", "integer", true}, {"a", "integer"}, {"b", "text"},
               {"c", "boolean"},        {"d", "date"},    {"e", "integer"}};
  t.primary_key = catalog::Constraint{"t_pkey", {"id"}};
  t.stats = catalog::TableStats{10000, 100, 100, 0};
  t.column_stats["id"] = Stats(0, -1, {}, {}, {"1", "5000", "10000"});
  t.column_stats["a"] = Stats(0, 100, {"1", "2"}, {0.1, 0.05},
                              {"0", "10", "20", "30", "40", "50", "60", "70", "80", "90", "100"});
  t.column_stats["b"] = Stats(0.1, -0.5, {}, {}, {"aaa", "abc", "bcd", "cde", "xyz"});
  t.column_stats["c"] = Stats(0.2, 2, {"f"}, {0.5}, {});
  t.column_stats["d"] =
      Stats(0, -0.01, {}, {}, {"2024-01-01", "2024-01-11", "2024-01-21", "2024-01-31"});
  catalog::Table u;
  u.name = "u";
  u.columns = {{"t_id", "integer"}, {"a", "integer"}};
  u.foreign_keys = {catalog::ForeignKey{"u_t_id_fkey", {"t_id"}, "", "t", {"id"}}};
  u.stats = catalog::TableStats{1000, 10, 10, 0};
  u.column_stats["t_id"] = Stats(0, 500, {"1", "2"}, {0.01, 0.008}, {});
  u.column_stats["a"] = Stats(0.1, 50, {"1", "3"}, {0.2, 0.1}, {});
  c.tables = {t, u};
  catalog::Index pkey;
  pkey.name = "t_pkey";
  pkey.table = "t";
  pkey.keys = {catalog::IndexKey{"id"}};
  pkey.unique = pkey.primary = true;
  c.indexes = {pkey};
  return c;
}

// PG15 estimate_rel_size for an analysed table: rint(reltuples / relpages * current pages).
inline double Tuples(const catalog::Table& table) {
  const catalog::TableStats& s = *table.stats;
  double reltuples = F4(s.reltuples);
  if (s.relpages > 0 && s.curpages > 0) {
    return std::rint(reltuples / static_cast<double>(s.relpages) * static_cast<double>(s.curpages));
  }
  return reltuples;
}

// A query bound against a catalog with its estimation context: every table's tuples from
// reltuples, rows after its own restriction clauses.
struct Estimation {
  catalog::Catalog catalog;
  TestQuery query;
  EstimationContext ctx;
  std::vector<std::vector<const bind::BoundExpr*>> base_quals;  // by rtindex
  std::vector<const bind::BoundExpr*> join_quals;

  // with_binder: bind with bind::Bind instead of the tests' own binder.
  Estimation(catalog::Catalog cat, const std::string& sql, bool with_binder = false)
      : catalog(std::move(cat)) {
    query = with_binder ? BindWithBinder(catalog, sql) : BindSelect(catalog, sql);
    ctx.catalog = &catalog;
    ctx.rels.resize(query.tables.size() + 1);
    base_quals.resize(query.tables.size() + 1);
    for (size_t i = 0; i < query.tables.size(); ++i) {
      const catalog::Table& table = *query.tables[i];
      ctx.rels[i + 1] = MakeTableRel(catalog, table, Tuples(table));
    }
    for (const bind::BoundExprPtr& q : query.where) {
      std::vector<int> varnos = bind::VarNos(*q);
      if (varnos.size() <= 1) {  // a Var-free clause gates the first relation
        base_quals[varnos.empty() ? 1 : varnos[0]].push_back(q.get());
      } else {
        join_quals.push_back(q.get());
      }
    }
    for (size_t r = 1; r < ctx.rels.size(); ++r) {
      ctx.rels[r].rows = BaseRelRows(ctx, static_cast<int>(r), base_quals[r]);
    }
  }

  // The selectivity of the whole WHERE clause of a one-table query.
  double Selectivity() const { return ClauseListSelectivity(ctx, base_quals[1], 0, nullptr); }
  double Rows(int rtindex) const { return ctx.rels[rtindex].rows; }

  // Two tables joined (1 outer, 2 inner) with the given join type.
  double JoinRows(bind::JoinType type) const {
    SpecialJoin sj;
    sj.join_type = type;
    sj.min_lefthand = sj.syn_lefthand = bind::Relids::Of(1);
    sj.min_righthand = sj.syn_righthand = bind::Relids::Of(2);
    return JoinRelSize(ctx, Rows(1), Rows(2), bind::Relids::Of(1), bind::Relids::Of(2), sj,
                       join_quals);
  }

  double Groups() const {
    std::vector<const bind::BoundExpr*> exprs;
    for (const bind::BoundExprPtr& g : query.group_by) exprs.push_back(g.get());
    double input = ctx.rels.size() == 3 ? JoinRows(bind::JoinType::kInner) : Rows(1);
    return EstimateNumGroups(ctx, exprs, input);
  }
};

inline double Sel(const std::string& where) {
  return Estimation(TestCatalog(), "SELECT * FROM t WHERE " + where).Selectivity();
}

}  // namespace dbopt::stats::testing
