// Join-tree readers; see join_tree.h.
#include "join_tree.h"

namespace dbopt::plan {

void Conjuncts(const bind::BoundExpr* expr, std::vector<const bind::BoundExpr*>& out) {
  if (expr == nullptr) return;
  if (expr->kind == bind::BoundKind::kAnd) {
    for (const auto& arg : expr->args) Conjuncts(arg.get(), out);
    return;
  }
  out.push_back(expr);
}

std::vector<int> RangeRefs(const bind::JoinNode& node) {
  std::vector<int> out;
  std::vector<const bind::JoinNode*> stack{&node};
  while (!stack.empty()) {
    const bind::JoinNode* n = stack.back();
    stack.pop_back();
    if (n->kind == bind::JoinNode::Kind::kRangeRef) {
      out.push_back(n->rtindex);
      continue;
    }
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(it->get());
  }
  return out;
}

bind::Relids LeafRelids(const bind::JoinNode& node) {
  bind::Relids relids;
  for (int rtindex : RangeRefs(node)) relids.Add(rtindex);
  return relids;
}

}  // namespace dbopt::plan
