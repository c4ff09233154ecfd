// Collecting how a statement uses each table's columns; see column_usage.h.
#include "dbopt/advisor/column_usage.h"

#include <algorithm>
#include <map>

#include "dbopt/bind/query_walk.h"
#include "dbopt/catalog/identifier.h"

namespace dbopt::advisor {
namespace {

using bind::BoundExpr;
using bind::BoundKind;
using bind::OpClass;

void AddUnique(std::vector<std::string>& list, const std::string& column) {
  if (std::find(list.begin(), list.end(), column) == list.end()) list.push_back(column);
}

bool HasLevel0Vars(const BoundExpr& expr) {
  bool found = false;
  bind::Walk(expr, [&](const BoundExpr& node) {
    if (node.kind == BoundKind::kVar && node.levelsup == 0) found = true;
  });
  return found;
}

bool IsComparison(OpClass op) {
  return op == OpClass::kEq || op == OpClass::kLt || op == OpClass::kLe || op == OpClass::kGt ||
         op == OpClass::kGe;
}

// A SQL literal for a constant as a partial-index predicate or an expression argument writes it.
std::string Literal(const BoundExpr& c) {
  if (bind::CategoryOf(c.type) == bind::TypeCategory::kNumeric) return c.value;
  std::string out = "'";
  for (char ch : c.value) out += ch == '\'' ? std::string("''") : std::string(1, ch);
  return out + "'";
}

class Collector {
 public:
  explicit Collector(std::vector<TableUsage>& out) : out_(out) {}

  void Level(const bind::Query& query) {
    std::map<int, size_t> slots;  // rtindex → index into out_
    for (size_t i = 0; i < query.rtable.size(); ++i) {
      const bind::RangeTblEntry& rte = query.rtable[i];
      if (rte.kind != bind::RteKind::kRelation || rte.table == nullptr) continue;
      slots[static_cast<int>(i) + 1] = out_.size();
      TableUsage usage;
      usage.table = rte.table;
      out_.push_back(std::move(usage));
    }
    levels_.push_back({&query, std::move(slots)});
    MarkTarget(query);
    CollectQuals(query.jointree);
    ForEachLevelExpr(query);
    CollectSortAndGroup(query);
    for (const bind::RangeTblEntry& rte : query.rtable) {
      if (rte.subquery) Level(*rte.subquery);
    }
    for (const bind::CommonTable& cte : query.ctes) {
      if (cte.query) Level(*cte.query);
    }
    levels_.pop_back();
  }

 private:
  struct LevelInfo {
    const bind::Query* query;
    std::map<int, size_t> slots;
  };
  struct ColumnRef {
    TableUsage* usage = nullptr;
    std::string column;
    int rtindex = 0;
  };

  // The table column a (relabel-stripped) expression is, seen from the current level. The
  // pointer is valid until the next Level() call adds entries to out_.
  ColumnRef ColumnOf(const BoundExpr& expr) {
    const BoundExpr* e = bind::StripRelabel(expr);
    if (e->kind != BoundKind::kVar || e->attno <= 0) return {};
    const int depth = static_cast<int>(levels_.size()) - 1 - e->levelsup;
    if (depth < 0) return {};
    const LevelInfo& level = levels_[static_cast<size_t>(depth)];
    auto it = level.slots.find(e->varno);
    if (it == level.slots.end()) return {};
    TableUsage& usage = out_[it->second];
    const auto attno = static_cast<size_t>(e->attno);
    if (attno > usage.table->columns.size()) return {};
    return {&usage, usage.table->columns[attno - 1].name, e->varno};
  }

  void MarkTarget(const bind::Query& query) {
    if (query.result_relation <= 0) return;
    auto it = levels_.back().slots.find(query.result_relation);
    if (it == levels_.back().slots.end()) return;
    TableUsage& usage = out_[it->second];
    usage.is_target = true;
    usage.command = query.command;
    if (query.command != bind::CommandType::kUpdate) return;
    for (const bind::TargetEntry& target : query.targets) {
      if (target.resjunk || target.resno <= 0) continue;
      const auto resno = static_cast<size_t>(target.resno);
      if (resno <= usage.table->columns.size()) {
        AddUnique(usage.updated, usage.table->columns[resno - 1].name);
      }
    }
  }

  void CollectQuals(const bind::JoinNode& node) {
    if (node.quals) Classify(*node.quals, false);
    for (const auto& child : node.children) CollectQuals(*child);
  }

  // `f(col)` with an immutable f over one column and constants: the expression's SQL text.
  bool ExpressionOf(const BoundExpr& expr, ColumnRef& ref, std::string& text) {
    const BoundExpr* e = bind::StripRelabel(expr);
    if (e->kind != BoundKind::kFunc || e->volatility != bind::Volatility::kImmutable) return false;
    text = e->name + "(";
    for (size_t i = 0; i < e->args.size(); ++i) {
      const BoundExpr* arg = bind::StripRelabel(*e->args[i]);
      if (i > 0) text += ", ";
      if (arg->kind == BoundKind::kConst && !arg->is_null) {
        text += Literal(*arg);
        continue;
      }
      ColumnRef column = ColumnOf(*arg);
      if (column.usage == nullptr || (ref.usage != nullptr && ref.rtindex != column.rtindex)) {
        return false;
      }
      if (ref.usage != nullptr && ref.column != column.column) return false;
      ref = column;
      text += catalog::QuoteIdentifier(column.column);
    }
    text += ")";
    return ref.usage != nullptr;
  }

  void Use(const ColumnRef& ref, OpClass op, bool in_or) {
    if (in_or) {
      AddUnique(ref.usage->or_arms, ref.column);
    } else if (op == OpClass::kEq) {
      AddUnique(ref.usage->equality, ref.column);
    } else {
      AddUnique(ref.usage->range, ref.column);
    }
  }

  void Comparison(const BoundExpr& clause, bool in_or) {
    const BoundExpr& left = *clause.args[0];
    const BoundExpr& right = *clause.args[1];
    const ColumnRef a = ColumnOf(left);
    const ColumnRef b = ColumnOf(right);
    if (a.usage != nullptr && b.usage != nullptr && a.rtindex != b.rtindex &&
        a.usage != b.usage) {
      if (clause.op_class != OpClass::kEq) return;
      AddUnique(in_or ? a.usage->or_arms : a.usage->join, a.column);
      AddUnique(in_or ? b.usage->or_arms : b.usage->join, b.column);
      return;
    }
    for (int side = 0; side < 2; ++side) {
      const BoundExpr& mine = side == 0 ? left : right;
      const BoundExpr& other = side == 0 ? right : left;
      if (HasLevel0Vars(other)) continue;
      const ColumnRef ref = side == 0 ? a : b;
      if (ref.usage != nullptr) {
        Use(ref, clause.op_class, in_or);
        const BoundExpr* value = bind::StripRelabel(other);
        if (!in_or && clause.op_class == OpClass::kEq && value->kind == BoundKind::kConst &&
            !value->is_null) {
          ref.usage->constants.push_back(
              {ref.column, catalog::QuoteIdentifier(ref.column) + " = " + Literal(*value),
               &clause, ref.rtindex, levels_.back().query});
        }
        return;
      }
      ColumnRef inner;
      std::string text;
      if (!in_or && ExpressionOf(mine, inner, text)) {
        auto& list = inner.usage->expressions;
        const bool equality = clause.op_class == OpClass::kEq;
        const bool seen = std::any_of(list.begin(), list.end(), [&](const ExpressionUse& u) {
          return u.expression == text;
        });
        if (!seen) list.push_back({text, inner.column, equality});
        return;
      }
    }
  }

  void Classify(const BoundExpr& clause, bool in_or) {
    switch (clause.kind) {
      case BoundKind::kAnd:
        for (const auto& arg : clause.args) Classify(*arg, in_or);
        return;
      case BoundKind::kOr:
        for (const auto& arg : clause.args) Classify(*arg, true);
        return;
      case BoundKind::kOp:
        if (clause.args.size() == 2 && IsComparison(clause.op_class)) Comparison(clause, in_or);
        return;
      case BoundKind::kScalarArrayOp:
        if (clause.args.size() == 2 && clause.use_or && clause.op_class == OpClass::kEq &&
            !HasLevel0Vars(*clause.args[1])) {
          if (ColumnRef ref = ColumnOf(*clause.args[0]); ref.usage != nullptr) {
            Use(ref, OpClass::kEq, in_or);
          }
        }
        return;
      case BoundKind::kNullTest:
        if (!clause.negated && !clause.args.empty()) {
          if (ColumnRef ref = ColumnOf(*clause.args[0]); ref.usage != nullptr) {
            Use(ref, OpClass::kEq, in_or);
          }
        }
        return;
      case BoundKind::kVar:
        if (ColumnRef ref = ColumnOf(clause); ref.usage != nullptr) Use(ref, OpClass::kEq, in_or);
        return;
      case BoundKind::kNot:
        if (!clause.args.empty() && clause.args[0]->kind == BoundKind::kVar) {
          if (ColumnRef ref = ColumnOf(*clause.args[0]); ref.usage != nullptr) {
            Use(ref, OpClass::kEq, in_or);
          }
        }
        return;
      default:
        return;
    }
  }

  // Every column read at this level (outer references included), and the SubLinks below it.
  void ForEachLevelExpr(const bind::Query& query) {
    std::vector<const bind::Query*> sublinks;
    bind::ForEachQueryExpr(query, [&](const BoundExpr& expr) {
      bind::Walk(expr, [&](const BoundExpr& node) {
        if (node.kind == BoundKind::kVar) {
          if (ColumnRef ref = ColumnOf(node); ref.usage != nullptr) {
            AddUnique(ref.usage->referenced, ref.column);
          }
        } else if (node.kind == BoundKind::kSubLink && node.subquery) {
          sublinks.push_back(node.subquery.get());
        }
      });
    });
    for (const bind::Query* sub : sublinks) Level(*sub);
  }

  void CollectSortAndGroup(const bind::Query& query) {
    std::vector<SortColumn> order;
    TableUsage* owner = nullptr;
    int owner_rtindex = 0;
    bool usable = !query.order_by.empty();
    for (const bind::SortGroupClause& sort : query.order_by) {
      const bind::TargetEntry* target = query.FindSortGroupTarget(sort.tle_ref);
      ColumnRef ref = target && target->expr ? ColumnOf(*target->expr) : ColumnRef{};
      if (ref.usage == nullptr || (owner != nullptr && ref.rtindex != owner_rtindex) ||
          bind::StripRelabel(*target->expr)->levelsup != 0) {
        usable = false;
        break;
      }
      owner = ref.usage;
      owner_rtindex = ref.rtindex;
      order.push_back({ref.column, sort.descending});
    }
    if (usable && owner != nullptr && owner->order.empty()) owner->order = std::move(order);
    for (const auto* list : {&query.group_by, &query.distinct}) {
      for (const bind::SortGroupClause& group : *list) {
        const bind::TargetEntry* target = query.FindSortGroupTarget(group.tle_ref);
        if (target == nullptr || !target->expr) continue;
        if (ColumnRef ref = ColumnOf(*target->expr); ref.usage != nullptr) {
          AddUnique(ref.usage->group, ref.column);
        }
      }
    }
  }

  std::vector<TableUsage>& out_;
  std::vector<LevelInfo> levels_;
};

}  // namespace

std::vector<TableUsage> CollectColumnUsage(const bind::Query& query) {
  std::vector<TableUsage> out;
  Collector(out).Level(query);
  return out;
}

}  // namespace dbopt::advisor
