// Runs every fixture under tests/lint/fixtures/<RULE>/: pos_N.sql files must produce exactly the
// findings of RULE listed in their `-- expect: RULE line:col` comments, neg_N.sql files none of
// RULE. Each rule has at least 3 of each; catalog-aware (DB4xx) and plan-aware (DB5xx) rules
// lint with tests/lint/fixtures/catalog.json (which has statistics), the others without a
// catalog.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "dbopt/catalog/load.h"
#include "dbopt/lint/linter.h"
#include "dbopt/lint/registry.h"
#include "dbopt/lint/suppress.h"

namespace dbopt::lint {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(DBOPT_SOURCE_DIR) + "/tests/lint/fixtures";

std::set<std::string> Expected(const SourceText& source, const std::string& rule) {
  std::set<std::string> out;
  const std::string prefix = " expect: " + rule + " ";
  for (const LineComment& c : ScanLineComments(source.text())) {
    if (c.text.compare(0, prefix.size(), prefix) == 0) out.insert(c.text.substr(prefix.size()));
  }
  return out;
}

std::set<std::string> Actual(const std::vector<Finding>& findings, const std::string& rule) {
  std::set<std::string> out;
  for (const Finding& f : findings)
    if (f.rule_id == rule) out.insert(std::to_string(f.line) + ":" + std::to_string(f.column));
  return out;
}

TEST_CASE("lint fixtures: every rule, at least 3 positive and 3 negative, ids and positions") {
  Result<catalog::Catalog> catalog = catalog::LoadCatalog(kFixtures + "/catalog.json");
  REQUIRE(catalog.ok());
  const Linter with_catalog(&*catalog);
  const Linter without_catalog(nullptr);
  const Config config;
  int rules_seen = 0;
  for (const RuleInfo& info : AllRuleInfos()) {
    const std::string rule = info.id;
    const fs::path dir = fs::path(kFixtures) / rule;
    INFO("rule " << rule);
    REQUIRE(fs::is_directory(dir));
    ++rules_seen;
    int pos = 0;
    int neg = 0;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      Result<SourceText> source = SourceText::ReadFile(file.string());
      REQUIRE(source.ok());
      const Linter& linter = info.level == RuleLevel::kSyntax ? without_catalog : with_catalog;
      const std::vector<Finding> findings = linter.LintFile(*source, config);
      const std::set<std::string> expected = Expected(*source, rule);
      const bool positive = file.filename().string().rfind("pos_", 0) == 0;
      INFO("fixture " << file.filename().string());
      if (positive) {
        ++pos;
        CHECK_FALSE(expected.empty());
      } else {
        ++neg;
        CHECK(expected.empty());
      }
      CHECK(Actual(findings, rule) == expected);
    }
    CHECK(pos >= 3);
    CHECK(neg >= 3);
  }
  CHECK(rules_seen == static_cast<int>(AllRuleInfos().size()));
}

}  // namespace
}  // namespace dbopt::lint
