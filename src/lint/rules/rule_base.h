// What the rule files share: a base class holding the rule's info, the factory functions that
// registry.cc lists, and small helpers (grading by table size, the types a DDL statement uses).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "dbopt/lint/rule.h"

namespace dbopt::lint {

class RuleBase : public Rule {
 public:
  explicit RuleBase(RuleInfo info) : info_(info) {}
  const RuleInfo& info() const override { return info_; }

 private:
  RuleInfo info_;
};

// TUNING: the table size (pg_class.reltuples) below which locking DDL and missing FK indexes are
// graded as minor: a few thousand rows are scanned or rewritten in milliseconds.
constexpr double kLargeTableRows = 10000;

// Grades a finding about `table` by its size: no catalog or a table the catalog does not know
// (e.g. created by the migration) → kDefault; known with statistics → kDefault when it has at
// least `threshold` rows, else kMinor; known without statistics → kLowPrecision.
Grade GradeByTableSize(const RuleContext& context, const std::string& table, double threshold);
// " (orders: 2,000,000 rows, 195 MB)" when the catalog has statistics for `table`, else empty:
// the migration rules name the size of the table they lock (DB505 documents the split).
std::string TableSizeNote(const RuleContext& context, const std::string& table);

// Every type a DDL statement declares: CREATE TABLE columns, ADD COLUMN, ALTER COLUMN TYPE.
void ForEachDeclaredType(const sql::Statement& statement,
                         const std::function<void(const sql::TypeName&)>& fn);
// The type's own name, lower case, without schema: "varchar", "int4", "serial".
std::string BaseTypeName(const sql::TypeName& type);

// A rule that reports every declared type matching `match` (types rules DB301-DB305).
class DeclaredTypeRule : public RuleBase {
 public:
  using Match = std::function<bool(const std::string& base, const sql::TypeName& type)>;
  DeclaredTypeRule(RuleInfo info, Match match, std::string message, std::string hint)
      : RuleBase(info),
        match_(std::move(match)),
        message_(std::move(message)),
        hint_(std::move(hint)) {}
  void Check(const RuleContext& context, Reporter& reporter) const override;

 private:
  Match match_;
  std::string message_;
  std::string hint_;
};

// NOT (x IN (SELECT ...)): the tree PostgreSQL's grammar makes of x NOT IN (subquery).
bool IsNotInSubquery(const sql::Expr& e);

// One factory per rule file, in id order.
std::unique_ptr<Rule> MakeUpdateDeleteWithoutWhere();
std::unique_ptr<Rule> MakeSelectStar();
std::unique_ptr<Rule> MakeNotInSubquery();
std::unique_ptr<Rule> MakeComparisonWithNull();
std::unique_ptr<Rule> MakeImplicitCrossJoin();
std::unique_ptr<Rule> MakeLimitWithoutOrderBy();
std::unique_ptr<Rule> MakeOrderByRandom();
std::unique_ptr<Rule> MakeLeadingWildcardLike();
std::unique_ptr<Rule> MakeLargeOffset();
std::unique_ptr<Rule> MakeNonSargablePredicate();
std::unique_ptr<Rule> MakeUnionWithoutAll();
std::unique_ptr<Rule> MakeIndexWithoutConcurrently();
std::unique_ptr<Rule> MakeConstraintWithoutNotValid();
std::unique_ptr<Rule> MakeColumnTypeChange();
std::unique_ptr<Rule> MakeVolatileColumnDefault();
std::unique_ptr<Rule> MakeMissingLockTimeout();
std::unique_ptr<Rule> MakeVarcharLength();
std::unique_ptr<Rule> MakeCharType();
std::unique_ptr<Rule> MakeMoneyType();
std::unique_ptr<Rule> MakeSerialType();
std::unique_ptr<Rule> MakeTimestampWithoutTimeZone();
std::unique_ptr<Rule> MakeUnknownTable();
std::unique_ptr<Rule> MakeUnknownColumn();
std::unique_ptr<Rule> MakeOuterColumnReference();
std::unique_ptr<Rule> MakeForeignKeyWithoutIndex();
std::unique_ptr<Rule> MakeDuplicateIndex();
std::unique_ptr<Rule> MakeRedundantPrefixIndex();
std::unique_ptr<Rule> MakeNotInNullableColumn();
std::unique_ptr<Rule> MakeLiteralOutsideDomain();
std::unique_ptr<Rule> MakeIsNullOnNotNullColumn();
std::unique_ptr<Rule> MakeImplicitCastDefeatsIndex();
std::unique_ptr<Rule> MakeSeqScanOnLargeTable();
std::unique_ptr<Rule> MakeSpillPastWorkMem();
std::unique_ptr<Rule> MakeDmlTouchesManyRows();
std::unique_ptr<Rule> MakeNestedLoopOverLargeInputs();
std::unique_ptr<Rule> MakeDdlLockRiskBySize();

}  // namespace dbopt::lint
