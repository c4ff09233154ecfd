// ToSql for queries: SELECT (and the DML a WITH clause may hold), deterministic text.
#include "dbopt/sql/to_sql.h"
#include "to_sql_internal.h"

namespace dbopt::sql {
namespace internal {
namespace {

std::string NameSql(const QualifiedName& name) {
  std::string out;
  if (!name.catalog.empty()) out += QuoteIdentifier(name.catalog) + ".";
  if (!name.schema.empty()) out += QuoteIdentifier(name.schema) + ".";
  return out + QuoteIdentifier(name.name);
}

std::string IdentList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i > 0 ? ", " : "") + QuoteIdentifier(names[i]);
  return out;
}

std::string AliasSql(const Alias& alias) {
  if (alias.name.empty()) return "";
  std::string out = " AS " + QuoteIdentifier(alias.name);
  if (!alias.columns.empty()) out += "(" + IdentList(alias.columns) + ")";
  return out;
}

std::string FromItemSql(const FromItem& item) {
  switch (item.kind) {
    case FromKind::kTable: {
      std::string out = (item.only ? "ONLY " : "") + NameSql(item.table) + AliasSql(item.alias);
      if (!item.sample_method.empty()) {
        out += " TABLESAMPLE " + QuoteIdentifier(item.sample_method) + " (" +
               JoinExprs(item.sample_args) + ")";
        if (item.sample_repeatable) out += " REPEATABLE (" + ToSql(*item.sample_repeatable) + ")";
      }
      return out;
    }
    case FromKind::kSubquery:
      return std::string(item.lateral ? "LATERAL " : "") + "(" +
             (item.subquery ? ToSql(*item.subquery) : "") + ")" + AliasSql(item.alias);
    case FromKind::kFunction: {
      std::string out = item.lateral ? "LATERAL " : "";
      out += item.rows_from ? "ROWS FROM (" + JoinExprs(item.functions) + ")"
                            : JoinExprs(item.functions);
      if (item.with_ordinality) out += " WITH ORDINALITY";
      return out + AliasSql(item.alias);
    }
    case FromKind::kJoin: {
      std::string out = "(" + (item.left ? FromItemSql(*item.left) : "") + " ";
      if (item.natural) out += "NATURAL ";
      out +=
          item.join_kind == JoinKind::kInner ? "" : std::string(JoinKindName(item.join_kind)) + " ";
      out += "JOIN " + (item.right ? FromItemSql(*item.right) : "");
      if (!item.using_columns.empty()) out += " USING (" + IdentList(item.using_columns) + ")";
      if (item.on) out += " ON " + ToSql(*item.on);
      return out + ")" + AliasSql(item.alias);
    }
  }
  return "";
}

std::string FromListSql(const std::vector<FromItem>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i > 0 ? ", " : "") + FromItemSql(items[i]);
  return out;
}

std::string WithSql(const WithClause* with) {
  if (with == nullptr) return "";
  std::string out = with->recursive ? "WITH RECURSIVE " : "WITH ";
  for (size_t i = 0; i < with->ctes.size(); ++i) {
    const CommonTableExpr& cte = with->ctes[i];
    if (i > 0) out += ", ";
    out += QuoteIdentifier(cte.name);
    if (!cte.columns.empty()) out += "(" + IdentList(cte.columns) + ")";
    out += " AS ";
    if (cte.materialized == CteMaterialized::kAlways) out += "MATERIALIZED ";
    if (cte.materialized == CteMaterialized::kNever) out += "NOT MATERIALIZED ";
    out += "(" + (cte.query ? StatementSql(*cte.query) : "") + ")";
  }
  return out + " ";
}

std::string SetListSql(const std::vector<SetClause>& set) {
  std::string out;
  for (size_t i = 0; i < set.size(); ++i) {
    if (i > 0) out += ", ";
    const SetClause& clause = set[i];
    out += clause.columns.size() == 1 ? QuoteIdentifier(clause.columns[0])
                                      : "(" + IdentList(clause.columns) + ")";
    out += " = " + (clause.value ? ToSql(*clause.value) : "NULL");
  }
  return out;
}

std::string ReturningSql(const std::vector<ResultTarget>& returning) {
  return returning.empty() ? "" : " RETURNING " + TargetsSql(returning);
}

std::string InsertSql(const InsertStmt& s) {
  std::string out = WithSql(s.with.get()) + "INSERT INTO " + NameSql(s.table);
  if (!s.alias.empty()) out += " AS " + QuoteIdentifier(s.alias);
  if (!s.columns.empty()) out += " (" + IdentList(s.columns) + ")";
  if (!s.overriding.empty()) out += " OVERRIDING " + s.overriding;
  out += s.source ? " " + ToSql(*s.source) : " DEFAULT VALUES";
  if (s.on_conflict) {
    const OnConflict& oc = *s.on_conflict;
    out += " ON CONFLICT";
    if (!oc.constraint.empty()) out += " ON CONSTRAINT " + QuoteIdentifier(oc.constraint);
    if (!oc.target.empty()) {
      out += " (";
      for (size_t i = 0; i < oc.target.size(); ++i) {
        if (i > 0) out += ", ";
        out += oc.target[i].expr ? "(" + ToSql(*oc.target[i].expr) + ")"
                                 : QuoteIdentifier(oc.target[i].column);
      }
      out += ")";
    }
    if (oc.target_where) out += " WHERE " + ToSql(*oc.target_where);
    if (oc.action == OnConflictAction::kNothing) {
      out += " DO NOTHING";
    } else {
      out += " DO UPDATE SET " + SetListSql(oc.set);
      if (oc.where) out += " WHERE " + ToSql(*oc.where);
    }
  }
  return out + ReturningSql(s.returning);
}

}  // namespace

std::string TargetsSql(const std::vector<ResultTarget>& targets) {
  std::string out;
  for (size_t i = 0; i < targets.size(); ++i) {
    if (i > 0) out += ", ";
    out += targets[i].expr ? ToSql(*targets[i].expr) : "NULL";
    if (!targets[i].alias.empty()) out += " AS " + QuoteIdentifier(targets[i].alias);
  }
  return out;
}

std::string StatementSql(const Statement& statement) {
  switch (statement.kind) {
    case StatementKind::kSelect:
      return statement.select ? ToSql(*statement.select) : "";
    case StatementKind::kInsert:
      return statement.insert ? InsertSql(*statement.insert) : "";
    case StatementKind::kUpdate: {
      const UpdateStmt& s = *statement.update;
      std::string out = WithSql(s.with.get()) + "UPDATE " + (s.only ? "ONLY " : "") +
                        NameSql(s.table) + AliasSql(s.alias) + " SET " + SetListSql(s.set);
      if (!s.from.empty()) out += " FROM " + FromListSql(s.from);
      if (s.where) out += " WHERE " + ToSql(*s.where);
      return out + ReturningSql(s.returning);
    }
    case StatementKind::kDelete: {
      const DeleteStmt& s = *statement.del;
      std::string out = WithSql(s.with.get()) + "DELETE FROM " + (s.only ? "ONLY " : "") +
                        NameSql(s.table) + AliasSql(s.alias);
      if (!s.using_items.empty()) out += " USING " + FromListSql(s.using_items);
      if (s.where) out += " WHERE " + ToSql(*s.where);
      return out + ReturningSql(s.returning);
    }
    default:
      return "";  // WITH holds only queries and DML (checked by the transform)
  }
}

}  // namespace internal

std::string ToSql(const SelectStmt& s) {
  using namespace internal;  // NOLINT(google-build-using-namespace): this file's own helpers
  std::string out = WithSql(s.with.get());
  if (s.set_op != SetOp::kNone) {
    out += "(" + (s.left ? ToSql(*s.left) : "") + ") " + SetOpName(s.set_op) +
           (s.set_all ? " ALL" : "") + " (" + (s.right ? ToSql(*s.right) : "") + ")";
  } else if (!s.values.empty()) {
    out += "VALUES ";
    for (size_t i = 0; i < s.values.size(); ++i)
      out += (i > 0 ? ", (" : "(") + JoinExprs(s.values[i]) + ")";
  } else {
    out += "SELECT ";
    if (s.distinct)
      out +=
          s.distinct_on.empty() ? "DISTINCT " : "DISTINCT ON (" + JoinExprs(s.distinct_on) + ") ";
    out += TargetsSql(s.targets);
    if (!s.from.empty()) out += " FROM " + FromListSql(s.from);
    if (s.where) out += " WHERE " + ToSql(*s.where);
    if (!s.group_by.empty())
      out += std::string(" GROUP BY ") + (s.group_by_distinct ? "DISTINCT " : "") +
             JoinExprs(s.group_by);
    if (s.having) out += " HAVING " + ToSql(*s.having);
    for (size_t i = 0; i < s.windows.size(); ++i) {
      out += (i == 0 ? " WINDOW " : ", ") + QuoteIdentifier(s.windows[i].name) + " AS " +
             WindowSpecSql(s.windows[i]);
    }
  }
  if (!s.order_by.empty()) out += " ORDER BY " + SortItemsSql(s.order_by);
  if (s.limit_with_ties) {
    if (s.offset) out += " OFFSET " + ToSql(*s.offset) + " ROWS";
    out += " FETCH FIRST " + (s.limit ? ToSql(*s.limit) : "1") + " ROWS WITH TIES";
  } else {
    if (s.limit) out += " LIMIT " + ToSql(*s.limit);
    if (s.offset) out += " OFFSET " + ToSql(*s.offset);
  }
  for (const LockingClause& lock : s.locking) {
    out += std::string(" FOR ") + LockStrengthName(lock.strength);
    for (size_t i = 0; i < lock.tables.size(); ++i)
      out += (i == 0 ? " OF " : ", ") + NameSql(lock.tables[i]);
    if (lock.wait != LockWait::kBlock) out += std::string(" ") + LockWaitName(lock.wait);
  }
  return out;
}

}  // namespace dbopt::sql
