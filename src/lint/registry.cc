// The one place where rules are registered, in id order. Ids are stable: DB0xx syntax errors,
// DB1xx query rules, DB2xx migration rules, DB3xx column types, DB4xx catalog-aware rules,
// DB5xx plan-aware rules.
#include "dbopt/lint/registry.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>

#include "rules/rule_base.h"

namespace dbopt::lint {
namespace {

std::vector<std::unique_ptr<Rule>> MakeRules() {
  std::vector<std::unique_ptr<Rule>> rules;
  // Syntax: queries.
  rules.push_back(MakeUpdateDeleteWithoutWhere());
  rules.push_back(MakeSelectStar());
  rules.push_back(MakeNotInSubquery());
  rules.push_back(MakeComparisonWithNull());
  rules.push_back(MakeImplicitCrossJoin());
  rules.push_back(MakeLimitWithoutOrderBy());
  rules.push_back(MakeOrderByRandom());
  rules.push_back(MakeLeadingWildcardLike());
  rules.push_back(MakeLargeOffset());
  rules.push_back(MakeNonSargablePredicate());
  rules.push_back(MakeUnionWithoutAll());
  // Syntax: migrations.
  rules.push_back(MakeIndexWithoutConcurrently());
  rules.push_back(MakeConstraintWithoutNotValid());
  rules.push_back(MakeColumnTypeChange());
  rules.push_back(MakeVolatileColumnDefault());
  rules.push_back(MakeMissingLockTimeout());
  // Syntax: column types.
  rules.push_back(MakeVarcharLength());
  rules.push_back(MakeCharType());
  rules.push_back(MakeMoneyType());
  rules.push_back(MakeSerialType());
  rules.push_back(MakeTimestampWithoutTimeZone());
  // Catalog-aware.
  rules.push_back(MakeUnknownTable());
  rules.push_back(MakeUnknownColumn());
  rules.push_back(MakeOuterColumnReference());
  rules.push_back(MakeForeignKeyWithoutIndex());
  rules.push_back(MakeDuplicateIndex());
  rules.push_back(MakeRedundantPrefixIndex());
  rules.push_back(MakeNotInNullableColumn());
  rules.push_back(MakeLiteralOutsideDomain());
  rules.push_back(MakeIsNullOnNotNullColumn());
  rules.push_back(MakeImplicitCastDefeatsIndex());
  // Plan-aware.
  rules.push_back(MakeSeqScanOnLargeTable());
  rules.push_back(MakeSpillPastWorkMem());
  rules.push_back(MakeDmlTouchesManyRows());
  rules.push_back(MakeNestedLoopOverLargeInputs());
  rules.push_back(MakeDdlLockRiskBySize());
  return rules;
}

const std::vector<std::unique_ptr<Rule>>& Owned() {
  static const std::vector<std::unique_ptr<Rule>> kRules = MakeRules();
  return kRules;
}

}  // namespace

const std::vector<const Rule*>& AllRules() {
  static const std::vector<const Rule*> kRules = [] {
    std::vector<const Rule*> out;
    for (const auto& r : Owned()) out.push_back(r.get());
    return out;
  }();
  return kRules;
}

const std::vector<RuleInfo>& AllRuleInfos() {
  static const std::vector<RuleInfo> kInfos = [] {
    std::vector<RuleInfo> out = {
        {kSyntaxErrorId, kSyntaxErrorName, RuleLevel::kSyntax, Level::kError,
         "the statement does not parse",
         "PostgreSQL 15's parser rejects the statement. The finding carries the parser's message "
         "and location; linting goes on with the next statement."},
        {"DB001", "unknown-rule-in-suppression", RuleLevel::kSyntax, Level::kWarning,
         "a suppression comment names a rule that does not exist",
         "A -- dbopt-ignore or -- noqa comment names an unknown rule id or name: it suppresses "
         "nothing, which is usually a typo. Use the ids and names of docs/lint/README.md."}};
    for (const Rule* r : AllRules()) out.push_back(r->info());
    return out;
  }();
  return kInfos;
}

const RuleInfo* FindRuleInfo(std::string_view id_or_name) {
  auto equal = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const RuleInfo& info : AllRuleInfos()) {
    if (equal(info.id, id_or_name) || info.name == id_or_name) return &info;
  }
  return nullptr;
}

const char* RuleLevelName(RuleLevel level) {
  switch (level) {
    case RuleLevel::kSyntax:
      return "syntax";
    case RuleLevel::kCatalog:
      return "catalog";
    case RuleLevel::kPlan:
      return "plan";
  }
  return "syntax";
}

}  // namespace dbopt::lint
