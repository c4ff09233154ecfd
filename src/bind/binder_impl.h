// The binder's internals: one Binder per statement, one Level per query level (PostgreSQL's
// ParseState), and the namespace items of a level (ParseNamespaceItem) through which column
// names are resolved.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dbopt/base/result.h"
#include "dbopt/base/source_text.h"
#include "dbopt/bind/bound_expr.h"
#include "dbopt/bind/query.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/sql/ast_statement.h"

#define BIND_CONCAT_INNER(a, b) a##b
#define BIND_CONCAT(a, b) BIND_CONCAT_INNER(a, b)
// Evaluates a Result-returning expression; returns its error, or declares `decl` with the value.
#define BIND_TRY(decl, expr)                                       \
  auto BIND_CONCAT(bind_result_, __LINE__) = (expr);               \
  if (!BIND_CONCAT(bind_result_, __LINE__).ok()) {                 \
    return std::move(BIND_CONCAT(bind_result_, __LINE__)).error(); \
  }                                                                \
  decl = std::move(BIND_CONCAT(bind_result_, __LINE__)).value()
#define BIND_CHECK(expr)                                          \
  do {                                                            \
    auto bind_status = (expr);                                    \
    if (!bind_status.ok()) return std::move(bind_status).error(); \
  } while (0)

namespace dbopt::bind::internal {

// One column as a namespace item exposes it: the name and the Var it resolves to
// (PostgreSQL's ParseNamespaceColumn: a join's columns point at the input relations).
struct NsColumn {
  std::string name;
  int varno = 0;
  int attno = 0;
  Type type;
};

struct NsItem {
  int rtindex = 0;
  std::string refname;
  std::vector<NsColumn> columns;
  bool rel_visible = true;   // p_rel_visible: usable as a qualifier
  bool cols_visible = true;  // p_cols_visible: searched for unqualified names
  bool lateral_only = false;
  bool lateral_ok = true;
};

// Where an expression is, for the checks PostgreSQL makes (aggregates not in WHERE, ...).
enum class ExprContext {
  kNone,
  kJoinOn,
  kWhere,
  kSelectTarget,
  kGroupBy,
  kHaving,
  kOrderBy,
  kLimit,
  kValues,
  kFromFunction,
  kUpdateSet,
  kReturning,
  kWindowPartition,
  kWindowOrder,
  kAggregateArg,
  kFilter,
  kDistinctOn,
  kCheck
};

// One query level (PostgreSQL's ParseState).
struct Level {
  Query* query = nullptr;
  Level* parent = nullptr;
  std::vector<NsItem> ns;
  // CTEs visible here: name, index into query->ctes (of `owner`), and the owning level.
  struct CteRef {
    std::string name;
    Level* owner;
    int index;
    std::vector<std::string> columns;
    std::vector<Type> types;
    bool recursive_pending = false;  // the CTE being bound references itself
  };
  std::vector<CteRef> ctes;
  ExprContext context = ExprContext::kNone;
  bool in_aggregate = false;
  bool lateral_active = false;  // binding a LATERAL item: lateral_only items are visible
  const sql::SelectStmt* select = nullptr;  // for WINDOW clause lookups
  // OVER clauses in binding order; win_ref i+1 is pending_windows[i] (identical ones shared).
  std::vector<const sql::WindowDef*> pending_windows;
  std::vector<std::string> pending_window_keys;
};

class Binder {
 public:
  Binder(const catalog::Catalog& catalog, const SourceText& source)
      : catalog_(catalog), source_(source) {}

  Result<std::shared_ptr<Query>> BindStatement(const sql::Statement& statement, Level* parent);
  Result<std::shared_ptr<Query>> BindSelect(const sql::SelectStmt& select, Level* parent,
                                            const std::vector<Type>* expected_types = nullptr);

  // binder.cc: errors
  Error ErrorAt(int location, std::string message, std::string hint = {}) const;
  Error NotSupported(int location, const std::string& construct) const;

  // bind_from.cc
  Status BindWith(const sql::WithClause& with, Level& level);
  Status BindFromList(const std::vector<sql::FromItem>& from, Level& level);
  Result<std::unique_ptr<JoinNode>> BindFromItem(const sql::FromItem& item, Level& level,
                                                 std::vector<NsItem>& out_ns);
  Result<NsItem> AddRelation(const sql::QualifiedName& name, const sql::Alias& alias, bool only,
                             Level& level, int location);

  // scope.cc
  Result<BoundExprPtr> ResolveColumn(const sql::Expr& ref, Level& level);
  Result<std::vector<TargetEntry>> ExpandStar(const sql::Expr& ref, Level& level);
  static NsItem MakeNsItem(const Query& query, int rtindex);

  // bind_expr.cc
  Result<BoundExprPtr> BindExpr(const sql::Expr& expr, Level& level);
  Result<BoundExprPtr> BindBoolExpr(const sql::Expr& expr, Level& level, const char* clause);
  Result<BoundExprPtr> BindCase(const sql::Expr& expr, Level& level);
  Result<BoundExprPtr> BindIn(const sql::Expr& expr, Level& level);
  Result<BoundExprPtr> BindSubLink(const sql::Expr& expr, Level& level);
  Result<BoundExprPtr> BindFuncCall(const sql::Expr& expr, Level& level);
  Result<BoundExprPtr> BindWindowFunc(const sql::Expr& expr, BoundExprPtr func, Level& level);

  // operators.cc
  Result<BoundExprPtr> MakeOperator(const std::string& op, BoundExprPtr left, BoundExprPtr right,
                                    int location);
  Result<BoundExprPtr> Coerce(BoundExprPtr expr, const Type& target, bool explicit_cast,
                              int location);
  Result<Type> CommonType(std::vector<BoundExprPtr>& exprs, const char* context, int location);
  Result<BoundExprPtr> CoerceToBool(BoundExprPtr expr, const char* clause);

  // bind_select.cc
  Status BindTargets(const std::vector<sql::ResultTarget>& targets, Level& level);
  Status BindGroupBy(const sql::SelectStmt& select, Level& level);
  Result<std::vector<SortGroupClause>> BindOrderBy(const std::vector<sql::SortItem>& items,
                                                   Level& level, bool resjunk_ok);
  Status BindWindows(const sql::SelectStmt& select, Level& level);
  Status CheckGrouping(Level& level);
  Result<int> FindOrAddTarget(const sql::Expr& expr, Level& level, bool by_output_name);

  // bind_setop.cc, bind_dml.cc
  Result<std::shared_ptr<Query>> BindSetOperation(const sql::SelectStmt& select, Level* parent);
  Result<std::shared_ptr<Query>> BindValues(const sql::SelectStmt& select, Level* parent);
  Result<std::shared_ptr<Query>> BindInsert(const sql::InsertStmt& insert, Level* parent);
  Result<std::shared_ptr<Query>> BindUpdate(const sql::UpdateStmt& update, Level* parent);
  Result<std::shared_ptr<Query>> BindDelete(const sql::DeleteStmt& del, Level* parent);
  Status BindReturning(const std::vector<sql::ResultTarget>& returning, Level& level);

  const catalog::Catalog& catalog() const { return catalog_; }

 private:
  const catalog::Catalog& catalog_;
  const SourceText& source_;
};

// functions.cc: built-in function signatures (name, result type rule, volatility, kind).
struct FuncSignature {
  Type result;
  Volatility volatility = Volatility::kImmutable;
  bool is_aggregate = false;
  bool is_window = false;
  std::vector<Type> arg_types;  // what the arguments are coerced to (empty: leave as they are)
};
// Resolves a built-in function by name and argument types; nullopt-like: ok=false when unknown.
bool LookupFunction(const std::string& name, const std::vector<Type>& args, bool star,
                    FuncSignature* out);

// The output column name PostgreSQL derives (FigureColname).
std::string FigureColname(const sql::Expr& expr);

// An element of an array constant in array_out's syntax, quoted when it must be (bind_expr.cc).
std::string ArrayLiteralElement(const BoundExpr& c);

// Type helpers (operators.cc).
bool IsInteger(TypeId id);
bool IsStringType(const Type& t);
std::string TypeListText(const std::vector<Type>& types);  // "integer, text"

}  // namespace dbopt::bind::internal
