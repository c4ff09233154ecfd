// One FROM item: a table or CTE, a subquery, a set-returning function, or a join (PostgreSQL's
// parse_clause.c transformFromClauseItem, transformRangeSubselect, transformRangeFunction).
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "binder_impl.h"

namespace dbopt::bind::internal {
namespace {

int AddRte(Query& query, RangeTblEntry rte) {
  query.rtable.push_back(std::move(rte));
  return static_cast<int>(query.rtable.size());
}

std::unique_ptr<JoinNode> RangeRef(int rtindex) {
  auto node = std::make_unique<JoinNode>();
  node->kind = JoinNode::Kind::kRangeRef;
  node->rtindex = rtindex;
  return node;
}

JoinType ToJoinType(sql::JoinKind kind) {
  switch (kind) {
    case sql::JoinKind::kLeft:
      return JoinType::kLeft;
    case sql::JoinKind::kRight:
      return JoinType::kRight;
    case sql::JoinKind::kFull:
      return JoinType::kFull;
    default:
      return JoinType::kInner;
  }
}

// The columns an item list exposes for unqualified names, in order (its cols-visible items).
std::vector<NsColumn> VisibleColumns(const std::vector<NsItem>& items) {
  std::vector<NsColumn> out;
  for (const NsItem& item : items) {
    if (!item.cols_visible) continue;
    out.insert(out.end(), item.columns.begin(), item.columns.end());
  }
  return out;
}

int FindUnique(const std::vector<NsColumn>& cols, const std::string& name, int* count) {
  int found = -1;
  *count = 0;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (cols[i].name == name) {
      found = static_cast<int>(i);
      ++*count;
    }
  }
  return found;
}

}  // namespace

Result<std::unique_ptr<JoinNode>> Binder::BindFromItem(const sql::FromItem& item, Level& level,
                                                       std::vector<NsItem>& out_ns) {
  Query& query = *level.query;
  switch (item.kind) {
    case sql::FromKind::kTable: {
      if (!item.sample_method.empty()) return NotSupported(item.location, "TABLESAMPLE");
      BIND_TRY(NsItem ns, AddRelation(item.table, item.alias, item.only, level, item.location));
      const int rtindex = ns.rtindex;
      out_ns.push_back(std::move(ns));
      return RangeRef(rtindex);
    }
    case sql::FromKind::kSubquery: {
      if (item.alias.name.empty()) {
        return ErrorAt(item.location, "subquery in FROM must have an alias",
                       "for example, FROM (SELECT ...) [AS] foo");
      }
      const bool saved = level.lateral_active;
      level.lateral_active = item.lateral;
      auto bound = BindSelect(*item.subquery, &level);
      level.lateral_active = saved;
      if (!bound.ok()) return std::move(bound).error();
      RangeTblEntry rte;
      rte.kind = RteKind::kSubquery;
      rte.subquery = bound.value();
      rte.lateral = item.lateral;
      rte.alias = item.alias.name;
      rte.alias_written = true;
      for (const TargetEntry& t : rte.subquery->targets) {
        if (t.resjunk) continue;
        rte.column_names.push_back(t.name);
        rte.column_types.push_back(t.expr->type);
      }
      if (item.alias.columns.size() > rte.column_names.size()) {
        return ErrorAt(item.location,
                       "table \"" + rte.alias + "\" has " +
                           std::to_string(rte.column_names.size()) + " columns available but " +
                           std::to_string(item.alias.columns.size()) + " columns specified");
      }
      for (size_t i = 0; i < item.alias.columns.size(); ++i) {
        rte.column_names[i] = item.alias.columns[i];
      }
      const int rtindex = AddRte(query, std::move(rte));
      out_ns.push_back(MakeNsItem(query, rtindex));
      return RangeRef(rtindex);
    }
    case sql::FromKind::kFunction: {
      if (item.rows_from || item.functions.size() != 1) {
        return NotSupported(item.location, "ROWS FROM (...)");
      }
      const sql::Expr& call = *item.functions[0];
      const std::string fname = call.kind == sql::ExprKind::kFuncCall ? call.names.back() : "";
      if (fname != "generate_series" && fname != "unnest") {
        return NotSupported(item.location, "function \"" +
                                               (fname.empty() ? std::string("?") : fname) +
                                               "\" in FROM (only generate_series and unnest)");
      }
      // Functions in FROM may refer to earlier FROM items without LATERAL.
      const bool saved = level.lateral_active;
      level.lateral_active = true;
      auto bound = BindExpr(call, level);
      level.lateral_active = saved;
      if (!bound.ok()) return std::move(bound).error();
      RangeTblEntry rte;
      rte.kind = RteKind::kFunction;
      rte.lateral = item.lateral;
      rte.alias = item.alias.name.empty() ? fname : item.alias.name;
      rte.alias_written = !item.alias.name.empty();
      rte.column_names.push_back(item.alias.columns.empty() ? rte.alias : item.alias.columns[0]);
      rte.column_types.push_back(bound.value()->type);
      rte.functions.push_back(std::move(bound).value());
      rte.with_ordinality = item.with_ordinality;
      if (item.with_ordinality) {
        rte.column_names.push_back(item.alias.columns.size() > 1 ? item.alias.columns[1]
                                                                 : "ordinality");
        rte.column_types.push_back(MakeType(TypeId::kInt8));
      }
      const int rtindex = AddRte(query, std::move(rte));
      out_ns.push_back(MakeNsItem(query, rtindex));
      return RangeRef(rtindex);
    }
    case sql::FromKind::kJoin:
      break;
  }
  // A join: left, then right (seeing left only through LATERAL), then the join condition over
  // both, then the join's own range-table entry.
  std::vector<NsItem> l_ns;
  BIND_TRY(auto left, BindFromItem(*item.left, level, l_ns));
  const size_t mark = level.ns.size();
  for (NsItem ns : l_ns) {
    ns.lateral_only = true;
    level.ns.push_back(std::move(ns));
  }
  std::vector<NsItem> r_ns;
  auto right_result = BindFromItem(*item.right, level, r_ns);
  level.ns.resize(mark);
  if (!right_result.ok()) return std::move(right_result).error();
  std::unique_ptr<JoinNode> right = std::move(right_result).value();

  auto node = std::make_unique<JoinNode>();
  node->kind = JoinNode::Kind::kJoin;
  node->join_type = ToJoinType(item.join_kind);
  node->natural = item.natural;
  const std::vector<NsColumn> lcols = VisibleColumns(l_ns);
  const std::vector<NsColumn> rcols = VisibleColumns(r_ns);
  std::vector<std::string> using_cols = item.using_columns;
  if (item.natural) {
    for (const NsColumn& l : lcols) {
      for (const NsColumn& r : rcols) {
        if (l.name == r.name) using_cols.push_back(l.name);
      }
    }
  }
  node->using_columns = using_cols;

  RangeTblEntry rte;
  rte.kind = RteKind::kJoin;
  rte.join_type = node->join_type;
  rte.alias = item.alias.name.empty() ? "unnamed_join" : item.alias.name;
  rte.alias_written = !item.alias.name.empty();
  std::vector<NsColumn> join_cols;
  std::set<int> lmerged, rmerged;
  std::vector<BoundExprPtr> using_quals;
  const int join_rtindex = static_cast<int>(query.rtable.size()) + 1;
  for (const std::string& name : using_cols) {
    int lcount = 0, rcount = 0;
    const int li = FindUnique(lcols, name, &lcount);
    const int ri = FindUnique(rcols, name, &rcount);
    if (lcount == 0 || rcount == 0) {
      return ErrorAt(item.location, "column \"" + name +
                                        "\" specified in USING clause does not exist in " +
                                        (lcount == 0 ? "left" : "right") + " table");
    }
    if (lcount > 1 || rcount > 1) {
      return ErrorAt(item.location, "common column name \"" + name +
                                        "\" appears more than once in " +
                                        (lcount > 1 ? "left" : "right") + " table");
    }
    lmerged.insert(li);
    rmerged.insert(ri);
    const NsColumn& l = lcols[li];
    const NsColumn& r = rcols[ri];
    BoundExprPtr lvar = MakeVar(l.varno, l.attno, l.type, l.name);
    BoundExprPtr rvar = MakeVar(r.varno, r.attno, r.type, r.name);
    BIND_TRY(BoundExprPtr eq, MakeOperator("=", Clone(*lvar), Clone(*rvar), item.location));
    using_quals.push_back(std::move(eq));
    std::vector<BoundExprPtr> pair;
    pair.push_back(std::move(lvar));
    pair.push_back(std::move(rvar));
    BIND_TRY(Type common, CommonType(pair, "JOIN/USING", item.location));
    NsColumn merged{name, 0, static_cast<int>(join_cols.size()) + 1, common};
    BoundExprPtr alias_var;
    if (node->join_type == JoinType::kFull) {
      merged.varno = join_rtindex;
      alias_var = std::make_unique<BoundExpr>(BoundKind::kCoalesce);
      alias_var->type = common;
      alias_var->args = std::move(pair);
    } else {
      const bool take_right = node->join_type == JoinType::kRight;
      const NsColumn& src = take_right ? r : l;
      merged.varno = src.varno;
      merged.attno = src.attno;
      alias_var = std::move(pair[take_right ? 1 : 0]);
    }
    join_cols.push_back(merged);
    rte.join_alias_vars.push_back(std::move(alias_var));
  }
  for (size_t i = 0; i < lcols.size(); ++i) {
    if (lmerged.count(static_cast<int>(i)) == 0) join_cols.push_back(lcols[i]);
  }
  for (size_t i = 0; i < rcols.size(); ++i) {
    if (rmerged.count(static_cast<int>(i)) == 0) join_cols.push_back(rcols[i]);
  }
  for (size_t i = rte.join_alias_vars.size(); i < join_cols.size(); ++i) {
    const NsColumn& c = join_cols[i];
    rte.join_alias_vars.push_back(MakeVar(c.varno, c.attno, c.type, c.name));
  }
  for (size_t i = 0; i < item.alias.columns.size() && i < join_cols.size(); ++i) {
    join_cols[i].name = item.alias.columns[i];
  }
  for (const NsColumn& c : join_cols) {
    rte.column_names.push_back(c.name);
    rte.column_types.push_back(c.type);
  }
  if (!using_quals.empty()) {
    node->quals = using_quals.size() == 1 ? std::move(using_quals[0])
                                          : MakeBool(BoundKind::kAnd, std::move(using_quals));
  }
  if (item.on) {
    for (const NsItem& ns : l_ns) level.ns.push_back(ns);
    for (const NsItem& ns : r_ns) level.ns.push_back(ns);
    const ExprContext saved = level.context;
    level.context = ExprContext::kJoinOn;
    auto on = BindBoolExpr(*item.on, level, "JOIN/ON");
    level.context = saved;
    level.ns.resize(mark);
    if (!on.ok()) return std::move(on).error();
    node->quals = std::move(on).value();
  }
  const int rtindex = AddRte(query, std::move(rte));
  node->rtindex = rtindex;
  node->children.push_back(std::move(left));
  node->children.push_back(std::move(right));

  NsItem join_ns;
  join_ns.rtindex = rtindex;
  join_ns.refname = query.rtable[rtindex - 1].alias;
  join_ns.columns = join_cols;
  join_ns.rel_visible = !item.alias.name.empty();
  if (item.alias.name.empty()) {
    for (NsItem& ns : l_ns) ns.cols_visible = false;
    for (NsItem& ns : r_ns) ns.cols_visible = false;
    for (NsItem& ns : l_ns) out_ns.push_back(std::move(ns));
    for (NsItem& ns : r_ns) out_ns.push_back(std::move(ns));
  }
  out_ns.push_back(std::move(join_ns));
  return node;
}

}  // namespace dbopt::bind::internal
