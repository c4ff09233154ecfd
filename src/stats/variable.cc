// examine_variable, get_variable_numdistinct, statistics slots, constant folding (PG15
// selfuncs.c, clauses.c estimate_expression_value).
#include "variable.h"

#include <cmath>
#include <map>
#include <memory>
#include <utility>

namespace dbopt::stats {
namespace {

using bind::BoundExpr;
using bind::BoundKind;
using bind::TypeId;

// PG15: clamp_row_est's ceiling (costsize.c MAXIMUM_ROWCOUNT).
constexpr double kMaxRowCount = 1e100;

bool IsTextLike(TypeId t) {
  return t == TypeId::kText || t == TypeId::kVarchar || t == TypeId::kUnknown;
}

// PG15 pg_cast rows with castmethod 'b' (binary coercible): the parser makes these RelabelType
// nodes, which examine_variable looks through. Other casts are function calls (no statistics).
bool IsBinaryCoercion(const bind::Type& from, const bind::Type& to) {
  if (from.array || to.array) return from.id == to.id;
  if (from.id == to.id) return true;  // a typmod change: varchar(10) -> varchar
  if (IsTextLike(from.id) && IsTextLike(to.id)) return true;
  if (from.id == TypeId::kBpchar && to.id == TypeId::kVarchar) return true;
  if ((from.id == TypeId::kInt4 && to.id == TypeId::kOid) ||
      (from.id == TypeId::kOid && to.id == TypeId::kInt4)) {
    return true;
  }
  return false;
}

const BoundExpr& StripBinaryCoercion(const BoundExpr& node) {
  const BoundExpr* e = &node;
  while (e->kind == BoundKind::kCast && e->args.size() == 1 &&
         IsBinaryCoercion(e->args[0]->type, e->type)) {
    e = e->args[0].get();
  }
  return *e;
}

bool HasUniqueIndex(const RelEstimate& rel, const std::string& column) {
  for (const catalog::Index* index : rel.unique_indexes) {
    if (index->unique && !index->predicate && index->keys.size() == 1 &&
        index->keys[0].column == column) {
      return true;
    }
  }
  return false;
}

// The statistics of a simple Var: the base table's column, or for a subquery entry the
// column its target list passes through (examine_simple_variable), when that is a plain Var.
void ExamineSimpleVar(const BoundExpr& var, VarStats* out) {
  const RelEstimate& rel = *out->rel;
  if (rel.table) {
    if (var.attno < 1 || var.attno > static_cast<int>(rel.table->columns.size())) return;
    const catalog::Column& column = rel.table->columns[var.attno - 1];
    auto it = rel.table->column_stats.find(column.name);
    if (it != rel.table->column_stats.end()) {
      out->stats = &it->second;
      out->stats_type = bind::ParseTypeText(column.type);
    }
    out->is_unique = HasUniqueIndex(rel, column.name);
    return;
  }
  if (!rel.subquery || var.attno < 1) return;
  const bind::Query& sub = *rel.subquery;
  // PG15: no look-through for set operations; DISTINCT/GROUP BY make the column unique only.
  if (sub.set_operations) return;
  for (const bind::TargetEntry& te : sub.targets) {
    if (te.resno != var.attno || te.resjunk || !te.expr) continue;
    const BoundExpr& inner = StripBinaryCoercion(*te.expr);
    if (inner.kind != BoundKind::kVar || inner.levelsup != 0) return;
    if (!sub.group_by.empty() || !sub.distinct.empty()) {
      out->is_unique = sub.group_by.size() == 1 || sub.distinct.size() == 1;
      return;
    }
    if (inner.varno < 1 || inner.varno > static_cast<int>(sub.rtable.size())) return;
    const bind::RangeTblEntry& rte = sub.rtable[inner.varno - 1];
    if (rte.kind != bind::RteKind::kRelation || !rte.table) return;
    const catalog::Table& table = *rte.table;
    if (inner.attno < 1 || inner.attno > static_cast<int>(table.columns.size())) return;
    const catalog::Column& column = table.columns[inner.attno - 1];
    auto it = table.column_stats.find(column.name);
    if (it != table.column_stats.end()) {
      out->stats = &it->second;
      out->stats_type = bind::ParseTypeText(column.type);
    }
    return;
  }
}

}  // namespace

double ClampRowEst(double rows) {
  if (rows > kMaxRowCount || std::isnan(rows)) return kMaxRowCount;
  if (rows <= 1.0) return 1.0;
  return std::rint(rows);
}

void Warn(const EstimationContext& ctx, std::string message) {
  for (const std::string& w : ctx.warnings) {
    if (w == message) return;
  }
  ctx.warnings.push_back(std::move(message));
}

VarStats ExamineVariable(const EstimationContext& ctx, const BoundExpr& node, int var_relid) {
  VarStats out;
  out.type = node.type;
  const BoundExpr& base = StripBinaryCoercion(node);
  out.node = &base;
  auto rel_at = [&ctx](int rtindex) -> const RelEstimate* {
    if (rtindex < 1 || rtindex >= static_cast<int>(ctx.rels.size())) return nullptr;
    return &ctx.rels[rtindex];
  };
  if (base.kind == BoundKind::kVar && base.levelsup == 0 &&
      (var_relid == 0 || var_relid == base.varno)) {
    out.rel = rel_at(base.varno);
    if (!out.rel) return out;
    out.relid = base.varno;
    ExamineSimpleVar(base, &out);
    return out;
  }
  // An expression: it belongs to a relation when it references exactly one (or var_relid).
  std::vector<int> varnos = bind::VarNos(base);
  int onerel = 0;
  if (var_relid == 0) {
    if (varnos.size() == 1) onerel = varnos[0];
  } else {
    for (int v : varnos) {
      if (v == var_relid) onerel = var_relid;
    }
  }
  if (onerel != 0 && rel_at(onerel)) {
    out.relid = onerel;
    out.rel = rel_at(onerel);
    ExamineIndexExpressions(ctx, base, &out);
  }
  return out;
}

// PG15 get_variable_numdistinct: stadistinct > 0 is a count, < 0 a fraction of rel->tuples; a
// unique column has -(1 - nullfrac); without statistics booleans have 2 values and anything else
// min(tuples, 200) — 200 (DEFAULT_NUM_DISTINCT) flagged as a default.
double VariableNumDistinct(const VarStats& var, bool* is_default) {
  *is_default = false;
  double stadistinct = 0;
  double stanullfrac = 0;
  if (var.stats) {
    stadistinct = Float4(var.stats->n_distinct);
    stanullfrac = Float4(var.stats->null_frac);
  } else if (var.type.id == TypeId::kBool && !var.type.array) {
    stadistinct = 2.0;
  }
  if (var.is_unique) stadistinct = -1.0 * (1.0 - stanullfrac);
  if (stadistinct > 0.0) return ClampRowEst(stadistinct);
  if (!var.rel || var.rel->tuples <= 0.0) {
    *is_default = true;
    return kDefaultNumDistinct;
  }
  double ntuples = var.rel->tuples;
  if (stadistinct < 0.0) return ClampRowEst(-stadistinct * ntuples);
  if (ntuples < kDefaultNumDistinct) return ClampRowEst(ntuples);
  *is_default = true;
  return kDefaultNumDistinct;
}

double McvList::Sum() const {
  double sum = 0;
  for (double f : freqs) sum += f;
  return sum;
}

static std::optional<McvList> ReadMcvs(const EstimationContext& ctx, const VarStats& var) {
  if (var.stats->most_common_freqs.empty()) return std::nullopt;
  McvList out;
  for (double f : var.stats->most_common_freqs) out.freqs.push_back(Float4(f));
  out.values_ok = var.stats->most_common_vals.size() == out.freqs.size();
  for (const std::string& text : var.stats->most_common_vals) {
    std::optional<StatValue> v = ParseValue(var.stats_type, text);
    if (!v) {
      out.values_ok = false;
      break;
    }
    out.values.push_back(std::move(*v));
  }
  if (!out.values_ok) {
    out.values.clear();
    Warn(ctx, "most_common_vals of a " + bind::FormatType(var.stats_type) +
                  " column could not be read; its MCV list is ignored in comparisons");
  }
  return out;
}

static std::optional<std::vector<StatValue>> ReadHistogram(const EstimationContext& ctx,
                                                           const VarStats& var) {
  if (var.stats->histogram_bounds.empty()) return std::nullopt;
  std::vector<StatValue> out;
  for (const std::string& text : var.stats->histogram_bounds) {
    std::optional<StatValue> v = ParseValue(var.stats_type, text);
    if (!v) {
      Warn(ctx, "histogram_bounds of a " + bind::FormatType(var.stats_type) +
                    " column could not be read; the histogram is ignored");
      return std::nullopt;
    }
    out.push_back(std::move(*v));
  }
  return out;
}

// The parsed MCV lists and histograms of the columns estimated so far.
struct ParsedStatsCache {
  struct Entry {
    std::optional<McvList> mcvs;
    std::optional<std::vector<StatValue>> histogram;
  };
  std::map<const catalog::ColumnStats*, Entry> entries;
};

static ParsedStatsCache::Entry& CacheEntry(const EstimationContext& ctx, const VarStats& var) {
  if (!ctx.parsed_stats) ctx.parsed_stats = std::make_shared<ParsedStatsCache>();
  auto [it, inserted] = ctx.parsed_stats->entries.try_emplace(var.stats);
  if (inserted) {
    it->second.mcvs = ReadMcvs(ctx, var);
    it->second.histogram = ReadHistogram(ctx, var);
  }
  return it->second;
}

const McvList* LoadMcvs(const EstimationContext& ctx, const VarStats& var) {
  if (!var.stats) return nullptr;
  const std::optional<McvList>& m = CacheEntry(ctx, var).mcvs;
  return m ? &*m : nullptr;
}

const std::vector<StatValue>* LoadHistogram(const EstimationContext& ctx, const VarStats& var) {
  if (!var.stats) return nullptr;
  const std::optional<std::vector<StatValue>>& h = CacheEntry(ctx, var).histogram;
  return h ? &*h : nullptr;
}

std::optional<ConstValue> FoldConstant(const BoundExpr& expr) {
  switch (expr.kind) {
    case BoundKind::kConst:
      return ConstValue{expr.type, expr.value, expr.is_null};
    case BoundKind::kCast: {
      if (expr.args.size() != 1) return std::nullopt;
      std::optional<ConstValue> inner = FoldConstant(*expr.args[0]);
      if (!inner) return std::nullopt;
      // The text form carries over for casts between string, number and date/time types whose
      // input function accepts the other's output ('2024-01-01'::date, 5::bigint).
      inner->type = expr.type;
      return inner;
    }
    case BoundKind::kOp: {
      if (expr.name != "-" || expr.args.size() != 1) return std::nullopt;
      std::optional<ConstValue> inner = FoldConstant(*expr.args[0]);
      if (!inner || inner->is_null || DomainOf(inner->type) != ValueDomain::kNumber) {
        return inner && inner->is_null ? inner : std::nullopt;
      }
      if (!inner->text.empty() && inner->text[0] == '-') {
        inner->text.erase(0, 1);
      } else {
        inner->text.insert(0, "-");
      }
      inner->type = expr.type;
      return inner;
    }
    default:
      return std::nullopt;
  }
}

std::optional<RestrictionVar> GetRestrictionVariable(const EstimationContext& ctx,
                                                     const BoundExpr& left, const BoundExpr& right,
                                                     int var_relid) {
  VarStats l = ExamineVariable(ctx, left, var_relid);
  VarStats r = ExamineVariable(ctx, right, var_relid);
  if (l.rel && !r.rel) return RestrictionVar{l, &right, true};
  if (!l.rel && r.rel) return RestrictionVar{r, &left, false};
  return std::nullopt;
}

std::optional<StatValue> ConstAsValue(const EstimationContext& ctx, const ConstValue& c,
                                      const VarStats& var) {
  std::optional<StatValue> v = ParseValue(c.type, c.text);
  bool stringish = DomainOf(c.type) == ValueDomain::kString;
  if (var.stats && stringish && DomainOf(var.stats_type) != ValueDomain::kString) {
    v = ParseValue(var.stats_type, c.text);
  }
  if (!v) Warn(ctx, "constant '" + c.text + "' could not be read as " + bind::FormatType(c.type));
  return v;
}

}  // namespace dbopt::stats
