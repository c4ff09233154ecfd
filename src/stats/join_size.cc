// Relation sizes: PG15 costsize.c set_baserel_size_estimates, calc_joinrel_size_estimate and
// get_foreign_key_join_selectivity.
#include <algorithm>

#include "selectivity.h"

namespace dbopt::stats {
namespace {

using bind::BoundExpr;
using bind::BoundKind;
using bind::JoinType;

// A foreign key between two range-table entries of the query (ForeignKeyOptInfo).
struct FkPair {
  int con_relid = 0;  // the referencing table's entry
  int ref_relid = 0;  // the referenced table's entry
  std::vector<int> con_attnos;
  std::vector<int> ref_attnos;
};

int AttnoOf(const catalog::Table& table, const std::string& column) {
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (table.columns[i].name == column) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Resolves fk's columns in the two tables; false when a column is missing.
bool ResolveFk(const catalog::ForeignKey& fk, const catalog::Table& con, const catalog::Table& ref,
               FkPair* out) {
  std::vector<std::string> ref_columns = fk.ref_columns;
  if (ref_columns.empty() && ref.primary_key) ref_columns = ref.primary_key->columns;
  if (ref_columns.size() != fk.columns.size() || fk.columns.empty()) return false;
  for (size_t i = 0; i < fk.columns.size(); ++i) {
    int c = AttnoOf(con, fk.columns[i]);
    int r = AttnoOf(ref, ref_columns[i]);
    if (c == 0 || r == 0) return false;
    out->con_attnos.push_back(c);
    out->ref_attnos.push_back(r);
  }
  return true;
}

// Every foreign key of the query: each pair of distinct entries whose tables are linked by one.
std::vector<FkPair> QueryForeignKeys(const EstimationContext& ctx) {
  std::vector<FkPair> out;
  for (size_t c = 1; c < ctx.rels.size(); ++c) {
    const catalog::Table* con = ctx.rels[c].table;
    if (!con) continue;
    for (const catalog::ForeignKey& fk : con->foreign_keys) {
      const std::string& ref_schema = fk.ref_schema.empty() ? con->schema : fk.ref_schema;
      for (size_t r = 1; r < ctx.rels.size(); ++r) {
        const catalog::Table* ref = ctx.rels[r].table;
        if (r == c || !ref || ref->name != fk.ref_table || ref->schema != ref_schema) continue;
        FkPair pair;
        pair.con_relid = static_cast<int>(c);
        pair.ref_relid = static_cast<int>(r);
        if (ResolveFk(fk, *con, *ref, &pair)) out.push_back(std::move(pair));
      }
    }
  }
  return out;
}

const BoundExpr* PlainVar(const BoundExpr& e) {
  const BoundExpr* x = &e;
  while (x->kind == BoundKind::kCast && x->args.size() == 1) x = x->args[0].get();
  return x->kind == BoundKind::kVar && x->levelsup == 0 ? x : nullptr;
}

// Whether clause is `con.key_i = ref.refkey_i` (either way round) for key i of fk.
bool ClauseMatchesKey(const BoundExpr& clause, const FkPair& fk, size_t i) {
  if (clause.kind != BoundKind::kOp || clause.op_class != bind::OpClass::kEq ||
      clause.args.size() != 2) {
    return false;
  }
  const BoundExpr* a = PlainVar(*clause.args[0]);
  const BoundExpr* b = PlainVar(*clause.args[1]);
  if (!a || !b) return false;
  auto is = [](const BoundExpr* v, int relid, int attno) {
    return v->varno == relid && v->attno == attno;
  };
  return (is(a, fk.con_relid, fk.con_attnos[i]) && is(b, fk.ref_relid, fk.ref_attnos[i])) ||
         (is(b, fk.con_relid, fk.con_attnos[i]) && is(a, fk.ref_relid, fk.ref_attnos[i]));
}

// PG15 get_foreign_key_join_selectivity: for each foreign key joining the two sides whose every
// key column is equated by a clause, those clauses are removed and replaced by
//   1 / max(ref.tuples, 1)               (inner and outer joins)
//   ref.rows / max(ref.tuples, 1)        (semi/anti, only with the referenced table alone inside)
double ForeignKeyJoinSelectivity(const EstimationContext& ctx, const bind::Relids& outer,
                                 const bind::Relids& inner, const SpecialJoin& join,
                                 std::vector<const BoundExpr*>* clauses) {
  double fkselec = 1.0;
  bool semi_anti = join.join_type == JoinType::kSemi || join.join_type == JoinType::kAnti;
  for (const FkPair& fk : QueryForeignKeys(ctx)) {
    bool ref_is_outer;
    if (outer.Contains(fk.con_relid) && inner.Contains(fk.ref_relid)) {
      ref_is_outer = false;
    } else if (outer.Contains(fk.ref_relid) && inner.Contains(fk.con_relid)) {
      ref_is_outer = true;
    } else {
      continue;
    }
    if (semi_anti && (ref_is_outer || inner.Count() != 1)) continue;
    std::vector<const BoundExpr*> kept, removed;
    std::vector<bool> key_matched(fk.con_attnos.size(), false);
    for (const BoundExpr* clause : *clauses) {
      bool remove = false;
      for (size_t i = 0; i < fk.con_attnos.size(); ++i) {
        if (ClauseMatchesKey(*clause, fk, i)) key_matched[i] = remove = true;
      }
      (remove ? removed : kept).push_back(clause);
    }
    bool all_keys = std::all_of(key_matched.begin(), key_matched.end(), [](bool b) { return b; });
    if (removed.empty() || !all_keys) continue;
    *clauses = kept;
    const RelEstimate& ref = ctx.rels[fk.ref_relid];
    double ref_tuples = std::max(ref.tuples, 1.0);
    fkselec *= semi_anti ? ref.rows / ref_tuples : 1.0 / ref_tuples;
  }
  return ClampProbability(fkselec);
}

}  // namespace

RelEstimate MakeTableRel(const catalog::Catalog& catalog, const catalog::Table& table,
                         double tuples) {
  RelEstimate rel;
  rel.table = &table;
  rel.tuples = tuples;
  rel.rows = tuples;
  for (const catalog::Index* index : catalog.IndexesOf(table)) {
    if (index->unique && !index->predicate && index->keys.size() == 1 &&
        !index->keys[0].column.empty()) {
      rel.unique_indexes.push_back(index);
    }
  }
  return rel;
}

double BaseRelRows(const EstimationContext& ctx, int rtindex,
                   const std::vector<const BoundExpr*>& quals) {
  double tuples =
      rtindex >= 1 && rtindex < static_cast<int>(ctx.rels.size()) ? ctx.rels[rtindex].tuples : 0.0;
  return ClampRowEst(tuples * ClauseListSelectivity(ctx, quals, 0, nullptr));
}

// PG15 calc_joinrel_size_estimate, with fk = the foreign-key selectivity, j = the remaining
// join clauses' selectivity, p = the pushed-down clauses' selectivity (outer joins):
//   inner  o * i * fk * j           left  max(o * i * fk * j, o) * p
//   full   max(o * i * fk * j, o, i) * p
//   semi   o * fk * j               anti  o * (1 - fk * j) * p
// then clamp_row_est.
double JoinRelSize(const EstimationContext& ctx, double outer_rows, double inner_rows,
                   const bind::Relids& outer, const bind::Relids& inner, const SpecialJoin& join,
                   const std::vector<const BoundExpr*>& clauses,
                   const std::vector<const BoundExpr*>& pushed_down) {
  std::vector<const BoundExpr*> restrict = clauses;
  double fkselec = ForeignKeyJoinSelectivity(ctx, outer, inner, join, & restrict);
  JoinType type = join.join_type;
  bool outer_join = type == JoinType::kLeft || type == JoinType::kRight ||
                    type == JoinType::kFull || type == JoinType::kAnti;
  double jselec = ClauseListSelectivity(ctx, restrict, 0, &join);
  double pselec = outer_join ? ClauseListSelectivity(ctx, pushed_down, 0, &join) : 0.0;
  double nrows = 0;
  switch (type) {
    case JoinType::kInner:
      nrows = outer_rows * inner_rows * fkselec * jselec;
      break;
    case JoinType::kLeft:
    case JoinType::kRight:  // the planner swaps the inputs of a right join into a left join
      nrows = std::max(outer_rows * inner_rows * fkselec * jselec, outer_rows) * pselec;
      break;
    case JoinType::kFull:
      nrows = outer_rows * inner_rows * fkselec * jselec;
      nrows = std::max(std::max(nrows, outer_rows), inner_rows) * pselec;
      break;
    case JoinType::kSemi:
      nrows = outer_rows * fkselec * jselec;
      break;
    case JoinType::kAnti:
      nrows = outer_rows * (1.0 - fkselec * jselec) * pselec;
      break;
  }
  return ClampRowEst(nrows);
}

}  // namespace dbopt::stats
