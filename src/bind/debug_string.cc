// DebugString for bound expressions and queries (see debug_string.h).
#include "dbopt/bind/debug_string.h"

#include <cctype>
#include <string>

namespace dbopt::bind {
namespace {

std::string Quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// ruleutils.c get_const_expr: int4 and decimal-looking numerics bare, booleans bare, the rest
// quoted with a ::type label.
std::string ConstText(const BoundExpr& c) {
  if (c.is_null) return c.type.id == TypeId::kUnknown ? "NULL" : "NULL::" + CastName(c.type);
  const std::string& v = c.value;
  if (!c.type.array) {
    if (c.type.id == TypeId::kInt4 && !v.empty() && v[0] != '-') return v;
    if (c.type.id == TypeId::kNumeric && !v.empty() &&
        std::isdigit(static_cast<unsigned char>(v[0])) &&
        v.find_first_of("eE.") != std::string::npos) {
      return v;
    }
    if (c.type.id == TypeId::kBool) return v == "t" || v == "true" ? "true" : "false";
    if (c.type.id == TypeId::kUnknown) return Quote(v);
  }
  return Quote(v) + "::" + CastName(c.type);
}

const char* BoolTestText(BoolTestKind k) {
  switch (k) {
    case BoolTestKind::kIsTrue:
      return "IS TRUE";
    case BoolTestKind::kIsNotTrue:
      return "IS NOT TRUE";
    case BoolTestKind::kIsFalse:
      return "IS FALSE";
    case BoolTestKind::kIsNotFalse:
      return "IS NOT FALSE";
    case BoolTestKind::kIsUnknown:
      return "IS UNKNOWN";
    case BoolTestKind::kIsNotUnknown:
      return "IS NOT UNKNOWN";
  }
  return "";
}

class Printer {
 public:
  explicit Printer(const Query* query) : query_(query) {}

  std::string Print(const BoundExpr& e) const {
    switch (e.kind) {
      case BoundKind::kVar:
        return VarText(e);
      case BoundKind::kConst:
        return ConstText(e);
      case BoundKind::kParam:
        return (e.param_kind == ParamKind::kExtern ? "$" : "$exec") + std::to_string(e.param_id);
      case BoundKind::kOp:
        if (e.args.size() == 1) return "(" + e.name + " " + Print(*e.args[0]) + ")";
        return "(" + Print(*e.args[0]) + " " + e.name + " " + Print(*e.args[1]) + ")";
      case BoundKind::kAnd:
      case BoundKind::kOr:
        return Joined(e, e.kind == BoundKind::kAnd ? " AND " : " OR ", "(", ")");
      case BoundKind::kNot:
        return "NOT " + Print(*e.args[0]);
      case BoundKind::kNullTest:
        return "(" + Print(*e.args[0]) + (e.negated ? " IS NOT NULL)" : " IS NULL)");
      case BoundKind::kBoolTest:
        return "(" + Print(*e.args[0]) + " " + BoolTestText(e.bool_test) + ")";
      case BoundKind::kScalarArrayOp:
        return "(" + Print(*e.args[0]) + " " + e.name + (e.use_or ? " ANY (" : " ALL (") +
               Print(*e.args[1]) + "))";
      case BoundKind::kCast:
        return "(" + Print(*e.args[0]) + ")::" + FormatType(e.type);
      case BoundKind::kFunc:
      case BoundKind::kAggref:
      case BoundKind::kWindowFunc:
        return CallText(e);
      case BoundKind::kCase:
        return CaseText(e);
      case BoundKind::kCoalesce:
        return Joined(e, ", ", "COALESCE(", ")");
      case BoundKind::kMinMax:
        return Joined(e, ", ", e.name + "(", ")");
      case BoundKind::kNullIf:
        return Joined(e, ", ", "NULLIF(", ")");
      case BoundKind::kDistinct:
        return "(" + Print(*e.args[0]) + " IS DISTINCT FROM " + Print(*e.args[1]) + ")";
      case BoundKind::kRow:
        return Joined(e, ", ", "ROW(", ")");
      case BoundKind::kArray:
        return Joined(e, ", ", "ARRAY[", "]");
      case BoundKind::kSubLink:
        return SubLinkText(e);
      case BoundKind::kSubPlan:
        return "(SubPlan " + std::to_string(e.subplan_id) + ")";
      case BoundKind::kGroupingFunc:
        return Joined(e, ", ", "GROUPING(", ")");
      case BoundKind::kSqlValue:
        return e.name;
    }
    return "?";
  }

 private:
  std::string VarText(const BoundExpr& e) const {
    std::string out;
    if (query_ != nullptr && e.levelsup == 0 && e.varno >= 1 &&
        e.varno <= static_cast<int>(query_->rtable.size())) {
      out = query_->rtable[e.varno - 1].alias + "." + e.column_name;
    } else {
      out = "$" + std::to_string(e.varno) + "." + e.column_name;
    }
    if (e.levelsup > 0) out += "^" + std::to_string(e.levelsup);
    return out;
  }

  std::string Joined(const BoundExpr& e, const std::string& sep, const std::string& open,
                     const std::string& close) const {
    std::string out = open;
    for (size_t i = 0; i < e.args.size(); ++i) out += (i ? sep : "") + Print(*e.args[i]);
    return out + close;
  }

  std::string CallText(const BoundExpr& e) const {
    std::string out = e.name + "(";
    if (e.agg_distinct) out += "DISTINCT ";
    if (e.agg_star) out += "*";
    for (size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + Print(*e.args[i]);
    if (!e.agg_order.empty()) {
      out += " ORDER BY ";
      for (size_t i = 0; i < e.agg_order.size(); ++i) {
        out += (i ? ", " : "") + Print(*e.agg_order[i]);
      }
    }
    out += ")";
    if (e.agg_filter) out += " FILTER (WHERE " + Print(*e.agg_filter) + ")";
    if (e.kind == BoundKind::kWindowFunc) out += " OVER w" + std::to_string(e.win_ref);
    return out;
  }

  std::string CaseText(const BoundExpr& e) const {
    std::string out = "CASE";
    size_t i = 0;
    if (e.has_case_arg) out += " " + Print(*e.args[i++]);
    const size_t end = e.args.size() - (e.has_else ? 1 : 0);
    for (; i + 1 < end + 1 && i < end; i += 2) {
      out += " WHEN " + Print(*e.args[i]) + " THEN " + Print(*e.args[i + 1]);
    }
    if (e.has_else) out += " ELSE " + Print(*e.args.back());
    return out + " END";
  }

  std::string SubLinkText(const BoundExpr& e) const {
    const std::string sub = e.subquery ? "(" + DebugString(*e.subquery) + ")" : "(?)";
    switch (e.sublink_type) {
      case SubLinkType::kExists:
        return "EXISTS" + sub;
      case SubLinkType::kAny:
        return "(" + Print(*e.args[0]) + " ANY " + sub + ")";
      case SubLinkType::kAll:
        return "(" + Print(*e.args[0]) + " ALL " + sub + ")";
      case SubLinkType::kArray:
        return "ARRAY" + sub;
      default:
        return sub;
    }
  }

  const Query* query_;
};

std::string JoinTreeText(const JoinNode& node, const Query& q) {
  const char* kJoinNames[] = {"INNER", "LEFT", "FULL", "RIGHT", "SEMI", "ANTI"};
  switch (node.kind) {
    case JoinNode::Kind::kRangeRef:
      return q.rtable[node.rtindex - 1].alias;
    case JoinNode::Kind::kJoin: {
      std::string out = "(" + JoinTreeText(*node.children[0], q) + " " +
                        kJoinNames[static_cast<int>(node.join_type)] + " JOIN " +
                        JoinTreeText(*node.children[1], q);
      if (node.quals) out += " ON " + DebugString(*node.quals, &q);
      return out + ")";
    }
    case JoinNode::Kind::kFromList: {
      std::string out;
      for (size_t i = 0; i < node.children.size(); ++i) {
        out += (i ? ", " : "") + JoinTreeText(*node.children[i], q);
      }
      return out;
    }
  }
  return "";
}

std::string SetOpText(const SetOperation& op, const Query& q) {
  if (op.leaf) return "(" + DebugString(*q.rtable[op.rtindex - 1].subquery) + ")";
  const char* kOps[] = {"UNION", "INTERSECT", "EXCEPT"};
  return "(" + SetOpText(*op.left, q) + " " + kOps[static_cast<int>(op.op)] +
         (op.all ? " ALL " : " ") + SetOpText(*op.right, q) + ")";
}

std::string SortText(const std::vector<SortGroupClause>& items, const Query& q) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    const TargetEntry* t = q.FindSortGroupTarget(items[i].tle_ref);
    out += (i ? ", " : "") + (t ? DebugString(*t->expr, &q) : std::string("?"));
    if (items[i].descending) out += " DESC";
    if (items[i].nulls_first != items[i].descending) {
      out += items[i].nulls_first ? " NULLS FIRST" : " NULLS LAST";
    }
  }
  return out;
}

}  // namespace

std::string DebugString(const BoundExpr& expr, const Query* query) {
  return Printer(query).Print(expr);
}

std::string DebugString(const Query& q) {
  const char* kCommands[] = {"SELECT", "INSERT", "UPDATE", "DELETE"};
  std::string out;
  for (const CommonTable& cte : q.ctes) {
    out += "WITH " + cte.name + (cte.recursive ? " RECURSIVE" : "") +
           " (refs=" + std::to_string(cte.reference_count) + ") AS (" +
           (cte.query ? DebugString(*cte.query) : std::string("?")) + ") ";
  }
  out += kCommands[static_cast<int>(q.command)];
  for (size_t i = 0; i < q.targets.size(); ++i) {
    const TargetEntry& t = q.targets[i];
    out += (i ? ", " : " ") + DebugString(*t.expr, &q) + " AS " + t.name;
    if (t.resjunk) out += " (junk)";
  }
  if (!q.jointree.children.empty()) out += " FROM " + JoinTreeText(q.jointree, q);
  if (q.set_operations) out += " FROM " + SetOpText(*q.set_operations, q);
  if (q.jointree.quals) out += " WHERE " + DebugString(*q.jointree.quals, &q);
  if (!q.group_by.empty()) out += " GROUP BY " + SortText(q.group_by, q);
  if (q.having) out += " HAVING " + DebugString(*q.having, &q);
  if (!q.distinct.empty())
    out += (q.has_distinct_on ? " DISTINCT ON " : " DISTINCT ") + SortText(q.distinct, q);
  if (!q.order_by.empty()) out += " ORDER BY " + SortText(q.order_by, q);
  if (q.limit_count) out += " LIMIT " + DebugString(*q.limit_count, &q);
  if (q.limit_offset) out += " OFFSET " + DebugString(*q.limit_offset, &q);
  if (!q.returning.empty()) {
    out += " RETURNING";
    for (size_t i = 0; i < q.returning.size(); ++i) {
      out += (i ? ", " : " ") + DebugString(*q.returning[i].expr, &q);
    }
  }
  return out;
}

}  // namespace dbopt::bind
