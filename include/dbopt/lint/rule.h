// The rule interface. A rule looks at one statement (with facts about its whole file, the
// catalog when one is given, and its settings from .dbopt.toml) and reports findings.
//
// Rules come at three levels. Syntax rules need only the AST; catalog rules also need a catalog
// and run only when one is given; plan rules also run only with a catalog and receive the
// statement bound and planned by dbopt's planner (RuleContext::plan; null for statements the
// planner does not take: DDL, or constructs it reports as not supported).
#pragma once

#include <map>
#include <string>

#include "dbopt/base/source_text.h"
#include "dbopt/catalog/catalog.h"
#include "dbopt/lint/finding.h"
#include "dbopt/sql/ast_statement.h"

namespace dbopt::lint {

enum class RuleLevel { kSyntax, kCatalog, kPlan };
const char* RuleLevelName(RuleLevel level);  // "syntax", "catalog", "plan"

struct RuleInfo {
  const char* id;    // stable: "DB101"
  const char* name;  // stable kebab-case: "update-delete-without-where"
  RuleLevel level;
  Level default_level;
  const char* summary;  // one line, for SARIF shortDescription and `--list-rules`
  const char* help;     // a few sentences: why, and what to do instead
};

class FileFacts;     // file_facts.h: what the whole file creates and sets
class CatalogFacts;  // catalog_facts.h: the catalog, indexed once per run
class Resolution;    // resolve.h: the statement's names bound to the catalog
class PlanFacts;     // plan_facts.h: the statement's plan, and what-if planning

// Numeric thresholds of one rule from .dbopt.toml (`[rules.large-offset] threshold = 5000`).
struct RuleSettings {
  std::map<std::string, double> numbers;
  double Number(const std::string& key, double fallback) const {
    auto it = numbers.find(key);
    return it == numbers.end() ? fallback : it->second;
  }
};

struct RuleContext {
  const SourceText& source;
  const sql::Statement& statement;
  const FileFacts& file;
  const CatalogFacts* catalog = nullptr;   // set for kCatalog rules
  const Resolution* resolution = nullptr;  // set for kCatalog and kPlan rules
  const PlanFacts* plan = nullptr;         // kPlan rules: the planned statement, when it planned
  const RuleSettings& settings;
};

// How a rule grades one finding against its default level.
enum class Grade {
  kDefault,       // the rule's (configured) level, high precision
  kMajor,         // one level more severe than the rule's level (e.g. a very large table)
  kMedium,        // the rule's level, medium precision
  kMinor,         // info: the risk is real but small (e.g. a small table)
  kLowPrecision,  // info, low precision: the statistics needed to grade it are missing
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // `location` is a byte offset in the file (kNoLocation: the statement's start).
  virtual void Report(int location, std::string message, Grade grade = Grade::kDefault,
                      std::string hint = {}) = 0;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void Check(const RuleContext& context, Reporter& reporter) const = 0;
};

}  // namespace dbopt::lint
