// Statistics of index expressions: PG15 examine_variable matches an expression of one relation
// against the expression keys of that relation's indexes and, on a match, uses the index
// column's statistics (pg_stats rows named after the index) and its uniqueness.
#include <map>
#include <memory>
#include <utility>

#include "dbopt/base/source_text.h"
#include "dbopt/bind/binder.h"
#include "dbopt/sql/parser.h"
#include "variable.h"

namespace dbopt::stats {
namespace {

// Re-points the Vars of an expression bound against a one-table query (varno 1) at `relid`.
void Renumber(bind::BoundExpr* e, int relid) {
  if (e->kind == bind::BoundKind::kVar && e->levelsup == 0) e->varno = relid;
  for (bind::BoundExprPtr& a : e->args) {
    if (a) Renumber(a.get(), relid);
  }
}

// The index expression bound as PostgreSQL's parser would bind it in the table's scope; null
// (with a warning) when dbopt cannot bind it.
bind::BoundExprPtr BindIndexExpression(const EstimationContext& ctx, const catalog::Table& table,
                                       const std::string& expression) {
  std::string sql = "SELECT " + expression + " FROM " + table.schema + "." + table.name;
  Result<sql::Statement> st = sql::ParseStatement(sql, "<index expression>");
  if (st.ok()) {
    SourceText source("<index expression>", sql);
    Result<std::shared_ptr<bind::Query>> q = bind::Bind(*ctx.catalog, *st, source);
    if (q.ok() && !(*q)->targets.empty() && (*q)->targets[0].expr) {
      return bind::Clone(*(*q)->targets[0].expr);
    }
  }
  Warn(ctx, "index expression " + expression + " could not be bound; its statistics are not used");
  return nullptr;
}

}  // namespace

// Bound index expressions, per context, keyed by (index, key position).
struct IndexExpressionCache {
  std::map<std::pair<const catalog::Index*, size_t>, bind::BoundExprPtr> bound;
};

void ExamineIndexExpressions(const EstimationContext& ctx, const bind::BoundExpr& expr,
                             VarStats* out) {
  if (!ctx.catalog || !out->rel || !out->rel->table) return;
  const catalog::Table& table = *out->rel->table;
  for (const catalog::Index* index : ctx.catalog->IndexesOf(table)) {
    if (index->predicate) continue;  // PG15: only when the predicate is proven (predOK)
    for (size_t pos = 0; pos < index->keys.size(); ++pos) {
      const catalog::IndexKey& key = index->keys[pos];
      if (key.expression.empty()) continue;
      if (!ctx.index_expressions) ctx.index_expressions = std::make_shared<IndexExpressionCache>();
      auto [it, inserted] = ctx.index_expressions->bound.try_emplace({index, pos});
      if (inserted) it->second = BindIndexExpression(ctx, table, key.expression);
      if (!it->second) continue;
      bind::BoundExprPtr candidate = bind::Clone(*it->second);
      Renumber(candidate.get(), out->relid);
      if (!bind::Equal(*candidate, expr)) continue;
      if (index->unique && index->keys.size() == 1) out->is_unique = true;
      // The statistics are keyed by the index column's name; dbopt can pair them with the key
      // when the index has exactly one expression key with statistics.
      int expression_keys = 0;
      for (const catalog::IndexKey& k : index->keys)
        expression_keys += k.expression.empty() ? 0 : 1;
      if (expression_keys == 1 && index->expression_stats.size() == 1) {
        out->stats = &index->expression_stats.begin()->second;
        out->stats_type = candidate->type;
        return;
      }
      if (!index->expression_stats.empty()) {
        Warn(ctx,
             "statistics of index " + index->name + " with several expression keys are not used");
      }
    }
  }
}

}  // namespace dbopt::stats
