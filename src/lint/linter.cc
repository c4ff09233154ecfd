#include "dbopt/lint/linter.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

#include "catalog_facts.h"
#include "dbopt/lint/registry.h"
#include "dbopt/lint/suppress.h"
#include "dbopt/sql/fingerprint.h"
#include "dbopt/sql/parser.h"
#include "file_facts.h"
#include "plan_facts.h"
#include "resolve.h"

namespace dbopt::lint {
namespace {

// FNV-1a of the text with runs of whitespace folded: a stable key for statements that do not
// parse (and so have no libpg_query fingerprint).
std::string TextHash(const std::string& text) {
  uint64_t h = 1469598103934665603ULL;
  bool space = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      space = true;
      continue;
    }
    if (space) h = (h ^ ' ') * 1099511628211ULL;
    space = false;
    h = (h ^ c) * 1099511628211ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

// Collects one statement's findings with their final level.
class Collector : public Reporter {
 public:
  Collector(const SourceText& source, const sql::Statement& statement, const RuleInfo& info,
            Level level, std::vector<Finding>& out)
      : source_(source), statement_(statement), info_(info), level_(level), out_(out) {}

  void Report(int location, std::string message, Grade grade, std::string hint) override {
    Finding f;
    f.rule_id = info_.id;
    f.rule_name = info_.name;
    f.level = level_;
    if (grade == Grade::kMajor && level_ != Level::kError)
      f.level = static_cast<Level>(static_cast<int>(level_) - 1);
    if (grade == Grade::kMinor || grade == Grade::kLowPrecision) f.level = Level::kInfo;
    if (grade == Grade::kMedium) f.precision = Precision::kMedium;
    if (grade == Grade::kLowPrecision) f.precision = Precision::kLow;
    f.file = source_.name();
    f.offset = location >= 0 ? static_cast<size_t>(location) : statement_.begin;
    f.message = std::move(message);
    f.hint = std::move(hint);
    out_.push_back(std::move(f));
  }

 private:
  const SourceText& source_;
  const sql::Statement& statement_;
  const RuleInfo& info_;
  Level level_;
  std::vector<Finding>& out_;
};

// True when some plan-aware rule is on in `config`: only then is a statement planned.
bool AnyPlanRuleOn(const Config& config) {
  for (const Rule* rule : AllRules()) {
    if (rule->info().level != RuleLevel::kPlan) continue;
    const RuleConfig* rc = config.ForRule(rule->info().id);
    if (!rc || !rc->off) return true;
  }
  return false;
}

void Locate(const SourceText& source, Finding& f) {
  const LineColumn lc = source.Locate(f.offset);
  f.line = lc.line;
  f.column = lc.column;
  f.source_line = std::string(source.Line(lc.line));
}

}  // namespace

Linter::Linter(const catalog::Catalog* catalog)
    : catalog_(catalog ? std::make_unique<CatalogFacts>(*catalog) : nullptr) {}
Linter::~Linter() = default;

std::vector<Finding> Linter::LintFile(const SourceText& source, const Config& config) const {
  std::vector<Finding> findings;
  const sql::ParsedFile parsed = sql::ParseFile(source);
  const FileFacts facts(source, parsed.statements);
  std::vector<size_t> begins;  // of every statement, the ones that failed to parse included
  const RuleSettings no_settings;
  const bool plan_rules = catalog_ && AnyPlanRuleOn(config);

  for (const sql::Statement& statement : parsed.statements) {
    begins.push_back(statement.begin);
    const size_t first_finding = findings.size();
    std::optional<Resolution> resolution;
    if (catalog_) resolution.emplace(statement, *catalog_, facts);
    // Bound and planned once for all plan-aware rules; null when the planner does not take it.
    const std::unique_ptr<PlanFacts> plan =
        plan_rules ? PlanFacts::Make(catalog_->catalog(), statement, source) : nullptr;
    for (const Rule* rule : AllRules()) {
      const RuleInfo& info = rule->info();
      if (info.level != RuleLevel::kSyntax && !catalog_) continue;
      const RuleConfig* rc = config.ForRule(info.id);
      if (rc && rc->off) continue;
      const Level level = rc && rc->level ? *rc->level : info.default_level;
      RuleContext context{source,
                          statement,
                          facts,
                          catalog_.get(),
                          resolution ? &*resolution : nullptr,
                          plan.get(),
                          rc ? rc->settings : no_settings};
      Collector collector(source, statement, info, level, findings);
      rule->Check(context, collector);
    }
    // The fingerprint parses the statement again: compute it only when something was found.
    if (findings.size() > first_finding) {
      const std::string text =
          source.text().substr(statement.begin, statement.end - statement.begin);
      Result<std::string> fp = sql::Fingerprint(text);
      for (size_t i = first_finding; i < findings.size(); ++i)
        findings[i].fingerprint = fp.ok() ? *fp : TextHash(text);
    }
  }
  const RuleConfig* syntax_rc = config.ForRule(kSyntaxErrorId);
  for (const Diagnostic& d : parsed.errors) {
    if (syntax_rc && syntax_rc->off) break;
    Finding f;
    f.rule_id = kSyntaxErrorId;
    f.rule_name = kSyntaxErrorName;
    f.level = syntax_rc && syntax_rc->level ? *syntax_rc->level : Level::kError;
    f.file = source.name();
    f.line = d.line;
    f.column = d.column;
    f.message = d.message;
    f.source_line = d.source_line;
    f.fingerprint = TextHash(d.source_line);
    findings.push_back(std::move(f));
  }

  // Levels are final; now locate, suppress and sort.
  std::sort(begins.begin(), begins.end());
  const Suppressions suppressions(source);
  std::vector<Finding> kept;
  for (Finding& f : findings) {
    if (f.rule_id != kSyntaxErrorId) Locate(source, f);
    size_t statement_begin = f.offset;
    if (f.rule_id == kSyntaxErrorId) {
      statement_begin = source.text().size();  // the error's offset is not known: use its line
      for (size_t line = 1, off = 0; off < source.text().size(); ++line) {
        if (static_cast<int>(line) == f.line) {
          statement_begin = off;
          break;
        }
        const size_t nl = source.text().find('\n', off);
        if (nl == std::string::npos) break;
        off = nl + 1;
      }
      f.offset = statement_begin;
    } else {
      auto it = std::upper_bound(begins.begin(), begins.end(), f.offset);
      if (it != begins.begin()) statement_begin = *(it - 1);
    }
    if (!suppressions.Suppresses(f, statement_begin, begins)) kept.push_back(std::move(f));
  }
  for (Finding problem : suppressions.problems()) {
    problem.file = source.name();
    Locate(source, problem);
    problem.fingerprint = TextHash(problem.source_line);
    kept.push_back(std::move(problem));
  }
  std::sort(kept.begin(), kept.end(), FindingLess);
  return kept;
}

}  // namespace dbopt::lint
