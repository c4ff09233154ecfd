// The number of distinct groups of GROUP BY / DISTINCT expressions: PG15 selfuncs.c
// estimate_num_groups, add_unique_group_var, estimate_multivariate_ndistinct.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "selectivity.h"

namespace dbopt::stats {
namespace {

using bind::BoundExpr;
using bind::BoundKind;

struct GroupVarInfo {
  const BoundExpr* var = nullptr;
  int relid = 0;
  const RelEstimate* rel = nullptr;
  double ndistinct = 0;
  bool isdefault = false;
};

// PG15 add_unique_group_var: drops duplicates (equal()) and, of two expressions of different
// relations known equal, keeps the one with fewer distinct values.
void AddUniqueGroupVar(const EstimationContext& ctx, std::vector<GroupVarInfo>* varinfos,
                       const BoundExpr& var, const VarStats& vardata) {
  GroupVarInfo info;
  info.var = &var;
  info.relid = vardata.relid;
  info.rel = vardata.rel;
  info.ndistinct = VariableNumDistinct(vardata, &info.isdefault);
  for (size_t i = 0; i < varinfos->size();) {
    GroupVarInfo& other = (*varinfos)[i];
    if (bind::Equal(var, *other.var)) return;
    if (vardata.relid != other.relid && ctx.known_equal && ctx.known_equal(var, *other.var)) {
      if (other.ndistinct <= info.ndistinct) return;
      varinfos->erase(varinfos->begin() + static_cast<long>(i));
      continue;
    }
    ++i;
  }
  varinfos->push_back(info);
}

// A pg_ndistinct value as pg_stats_ext prints it: {"1, 2": 4, "1, 3": 5} (attnums -> count).
struct NdistinctItem {
  std::set<int> attnums;
  double ndistinct = 0;
};
std::vector<NdistinctItem> ParseNdistinct(const std::string& text) {
  std::vector<NdistinctItem> items;
  size_t pos = 0;
  while ((pos = text.find('"', pos)) != std::string::npos) {
    size_t end = text.find('"', pos + 1);
    if (end == std::string::npos) break;
    NdistinctItem item;
    const char* p = text.c_str() + pos + 1;
    const char* stop = text.c_str() + end;
    while (p < stop) {
      char* next = nullptr;
      long v = std::strtol(p, &next, 10);
      if (next == p) {
        ++p;
        continue;
      }
      item.attnums.insert(static_cast<int>(v));
      p = next;
    }
    size_t colon = text.find(':', end);
    if (colon == std::string::npos) break;
    item.ndistinct = std::strtod(text.c_str() + colon + 1, nullptr);
    items.push_back(std::move(item));
    pos = text.find_first_of(",}", colon);
    if (pos == std::string::npos) break;
  }
  return items;
}

// PG15 estimate_multivariate_ndistinct for plain columns: the ndistinct statistics object
// sharing the most (at least two) of the relation's grouping columns supplies one count for
// exactly those columns; they are removed from *varinfos.
bool MultivariateNdistinct(const EstimationContext& ctx, const RelEstimate& rel,
                           std::vector<GroupVarInfo>* varinfos, double* ndistinct) {
  if (!ctx.catalog || !rel.table) return false;
  const catalog::ExtendedStats* best = nullptr;
  std::set<int> best_keys;
  size_t best_shared = 0;
  for (const catalog::ExtendedStats& es : ctx.catalog->extended_stats) {
    if (es.table != rel.table->name || es.schema != rel.table->schema || es.n_distinct.empty() ||
        std::find(es.kinds.begin(), es.kinds.end(), "ndistinct") == es.kinds.end()) {
      continue;
    }
    std::set<int> keys;
    for (const std::string& c : es.columns) {
      for (size_t i = 0; i < rel.table->columns.size(); ++i) {
        if (rel.table->columns[i].name == c) keys.insert(static_cast<int>(i) + 1);
      }
    }
    size_t shared = 0;
    for (const GroupVarInfo& v : *varinfos) {
      if (v.var->kind == BoundKind::kVar && v.var->attno > 0 && keys.count(v.var->attno)) ++shared;
    }
    if (shared < 2 || shared <= best_shared) continue;
    best = &es;
    best_keys = keys;
    best_shared = shared;
  }
  if (!best) return false;
  std::set<int> matched;
  for (const GroupVarInfo& v : *varinfos) {
    if (v.var->kind == BoundKind::kVar && best_keys.count(v.var->attno)) {
      matched.insert(v.var->attno);
    }
  }
  for (const NdistinctItem& item : ParseNdistinct(best->n_distinct)) {
    if (item.attnums != matched) continue;
    std::vector<GroupVarInfo> rest;
    for (const GroupVarInfo& v : *varinfos) {
      if (!(v.var->kind == BoundKind::kVar && matched.count(v.var->attno))) rest.push_back(v);
    }
    *varinfos = std::move(rest);
    *ndistinct = item.ndistinct;
    return true;
  }
  Warn(ctx, "extended statistics " + best->name + " have no ndistinct item for the grouping");
  return false;
}

// The level-0 Vars in expr, in order (pull_var_clause, recursing into aggregates).
std::vector<const BoundExpr*> PullVars(const BoundExpr& expr) {
  std::vector<const BoundExpr*> vars;
  bind::Walk(expr, [&vars](const BoundExpr& node) {
    if (node.kind == BoundKind::kVar && node.levelsup == 0) vars.push_back(&node);
  });
  return vars;
}

// Per relation: the product of its columns' distinct counts (or a multivariate count), clamped
// to tuples — to 10% of tuples when several values were multiplied, but not below the largest
// single count — then scaled for the relation's restriction:
//   d = d * (1 - ((tuples - rows) / tuples) ^ (tuples / d)), then clamp_row_est.
double RelDistinct(const EstimationContext& ctx, const RelEstimate& rel,
                   std::vector<GroupVarInfo> relvarinfos) {
  double reldistinct = 1;
  double relmaxndistinct = reldistinct;
  int relvarcount = 0;
  while (!relvarinfos.empty()) {
    double mvndistinct;
    if (MultivariateNdistinct(ctx, rel, &relvarinfos, &mvndistinct)) {
      reldistinct *= mvndistinct;
      relmaxndistinct = std::max(relmaxndistinct, mvndistinct);
      ++relvarcount;
      continue;
    }
    for (const GroupVarInfo& v : relvarinfos) {
      reldistinct *= v.ndistinct;
      relmaxndistinct = std::max(relmaxndistinct, v.ndistinct);
      ++relvarcount;
    }
    relvarinfos.clear();
  }
  double clamp = rel.tuples;
  if (relvarcount > 1) {
    clamp *= 0.1;
    if (clamp < relmaxndistinct) clamp = std::min(relmaxndistinct, rel.tuples);
  }
  if (reldistinct > clamp) reldistinct = clamp;
  if (reldistinct > 0 && rel.rows < rel.tuples) {
    reldistinct *= 1 - std::pow((rel.tuples - rel.rows) / rel.tuples, rel.tuples / reldistinct);
  }
  return ClampRowEst(reldistinct);
}

double FinishGroups(double numdistinct, double input_rows) {
  numdistinct = std::ceil(numdistinct);
  if (numdistinct > input_rows) numdistinct = input_rows;
  return std::max(numdistinct, 1.0);
}

}  // namespace

double NumDistinct(const EstimationContext& ctx, const BoundExpr& expr, bool* is_default) {
  return VariableNumDistinct(ExamineVariable(ctx, expr, 0), is_default);
}

// PG15 estimate_num_groups (no grouping sets, no set-returning functions): booleans count 2;
// expressions with statistics (columns) count by their own distinct values; other expressions
// by the Vars in them (a volatile expression without Vars -> input_rows; a constant -> 1).
// Relations multiply (RelDistinct); the product is ceil'ed and clamped to [1, input_rows].
double EstimateNumGroups(const EstimationContext& ctx,
                         const std::vector<const BoundExpr*>& group_exprs, double input_rows) {
  input_rows = ClampRowEst(input_rows);
  if (group_exprs.empty()) return 1.0;
  double numdistinct = 1.0;
  std::vector<GroupVarInfo> varinfos;
  for (const BoundExpr* expr : group_exprs) {
    if (expr->type.id == bind::TypeId::kBool && !expr->type.array) {
      numdistinct *= 2.0;
      continue;
    }
    VarStats vardata = ExamineVariable(ctx, *expr, 0);
    if (vardata.stats || vardata.is_unique) {
      AddUniqueGroupVar(ctx, &varinfos, *expr, vardata);
      continue;
    }
    std::vector<const BoundExpr*> vars = PullVars(*expr);
    if (vars.empty()) {
      if (bind::ContainsVolatile(*expr)) return input_rows;
      continue;
    }
    for (const BoundExpr* var : vars) {
      AddUniqueGroupVar(ctx, &varinfos, *var, ExamineVariable(ctx, *var, 0));
    }
  }
  while (!varinfos.empty()) {
    const RelEstimate* rel = varinfos[0].rel;
    int relid = varinfos[0].relid;
    std::vector<GroupVarInfo> relvarinfos, rest;
    for (const GroupVarInfo& v : varinfos) (v.relid == relid ? relvarinfos : rest).push_back(v);
    if (rel && rel->tuples > 0) numdistinct *= RelDistinct(ctx, *rel, std::move(relvarinfos));
    varinfos = std::move(rest);
  }
  return FinishGroups(numdistinct, input_rows);
}

}  // namespace dbopt::stats
