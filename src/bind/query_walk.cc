// Walking bound expressions across query levels (see query_walk.h).
#include "dbopt/bind/query_walk.h"

namespace dbopt::bind {
namespace {

void ForEachJoinQual(const JoinNode& node, const std::function<void(const BoundExpr&)>& visit) {
  if (node.quals) visit(*node.quals);
  for (const auto& child : node.children) ForEachJoinQual(*child, visit);
}

void WalkAtDepth(const BoundExpr& expr, int depth, const DepthVisitor& visit) {
  Walk(expr, [depth, &visit](const BoundExpr& node) {
    visit(node, depth);
    if (node.kind == BoundKind::kSubLink && node.subquery) {
      WalkQuery(*node.subquery, depth + 1, visit);
    }
  });
}

}  // namespace

void WalkWithSubqueries(const BoundExpr& expr, const DepthVisitor& visit) {
  WalkAtDepth(expr, 0, visit);
}

void ForEachQueryExpr(const Query& query, const std::function<void(const BoundExpr&)>& visit) {
  for (const RangeTblEntry& rte : query.rtable) {
    for (const BoundExprPtr& f : rte.functions) visit(*f);
    for (const auto& row : rte.values) {
      for (const BoundExprPtr& v : row) visit(*v);
    }
    for (const BoundExprPtr& v : rte.join_alias_vars) {
      if (v) visit(*v);
    }
  }
  ForEachJoinQual(query.jointree, visit);
  for (const TargetEntry& t : query.targets) visit(*t.expr);
  for (const TargetEntry& t : query.returning) visit(*t.expr);
  if (query.on_conflict) {
    for (const TargetEntry& t : query.on_conflict->set) visit(*t.expr);
    if (query.on_conflict->where) visit(*query.on_conflict->where);
  }
  if (query.having) visit(*query.having);
  if (query.limit_offset) visit(*query.limit_offset);
  if (query.limit_count) visit(*query.limit_count);
}

void WalkQuery(const Query& query, int depth, const DepthVisitor& visit) {
  ForEachQueryExpr(query, [depth, &visit](const BoundExpr& e) { WalkAtDepth(e, depth, visit); });
  for (const RangeTblEntry& rte : query.rtable) {
    if (rte.subquery) WalkQuery(*rte.subquery, depth + 1, visit);
  }
  for (const CommonTable& cte : query.ctes) {
    if (cte.query) WalkQuery(*cte.query, depth + 1, visit);
  }
}

}  // namespace dbopt::bind
