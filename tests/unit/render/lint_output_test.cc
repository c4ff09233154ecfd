// The output formats of dbopt lint: exact text, GitHub escaping and caps, SARIF and GitLab shape.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "dbopt/render/lint_output.h"

namespace dbopt::render {
namespace {

lint::LintReport Report() {
  lint::LintReport report;
  report.files = {"a,b.sql"};
  report.lines = 3;
  lint::Finding f;
  f.rule_id = "DB104";
  f.rule_name = "comparison-with-null";
  f.level = lint::Level::kError;
  f.file = "a,b.sql";
  f.line = 2;
  f.column = 3;
  f.message = "100% wrong: a = NULL\nsecond line";
  f.hint = "use IS NULL";
  f.source_line = "\ta = NULL";
  f.fingerprint = "0123456789abcdef";
  report.findings = {f, f};
  report.findings[1].level = lint::Level::kInfo;
  report.findings[1].precision = lint::Precision::kLow;
  report.findings[1].line = 3;
  report.failing = 1;
  return report;
}

TEST_CASE("text: location, level, rule, the line with a caret under tabs, hint, summary") {
  const std::string text = LintText(Report());
  CHECK(text.rfind("a,b.sql:2:3: error DB104: 100% wrong: a = NULL\nsecond line\n"
                   " 2 | \ta = NULL\n   | \t ^\nhint: use IS NULL\n",
                   0) == 0);
  CHECK(text.find("a,b.sql:3:3: info DB104: 100% wrong: a = NULL\nsecond line [low precision]\n") !=
        std::string::npos);
  CHECK(text.find("2 findings (1 error, 0 warnings, 1 info) in 1 file, 3 lines\n") !=
        std::string::npos);
}

TEST_CASE("github: workflow commands escaped like @actions/core, capped, with a summary") {
  const std::string out = LintGithub(Report(), 1);
  CHECK(out ==
        "::error file=a%2Cb.sql,line=2,col=3,title=DB104 comparison-with-null::100%25 wrong: a = "
        "NULL%0Asecond line%0Ahint: use IS NULL\n"
        "::notice file=a%2Cb.sql,line=3,col=3,title=DB104 comparison-with-null::100%25 wrong: a = "
        "NULL%0Asecond line%0Ahint: use IS NULL\n"
        "::notice title=dbopt lint::2 findings (1 error, 0 warnings, 1 info) in 1 file, 3 lines\n");
  lint::LintReport many = Report();
  many.findings[1].level = lint::Level::kError;
  const std::string capped = LintGithub(many, 1);
  CHECK(capped.find("1 not shown as annotations (at most 1 per level)") != std::string::npos);
  CHECK(capped.find("line=3") == std::string::npos);
}

TEST_CASE("sarif: 2.1.0 with every rule, levels, relative URIs and distinct fingerprints") {
  const nlohmann::json sarif = nlohmann::json::parse(LintSarif(Report(), "https://x.test/lint/"));
  CHECK(sarif["version"] == "2.1.0");
  const auto& run = sarif["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "dbopt");
  bool found = false;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    CHECK_FALSE(rule["help"]["text"].get<std::string>().empty());
    if (rule["id"] == "DB104") {
      found = true;
      CHECK(rule["helpUri"] == "https://x.test/lint/DB104.md");
      CHECK(rule["defaultConfiguration"]["level"] == "error");
    }
  }
  CHECK(found);
  REQUIRE(run["results"].size() == 2);
  CHECK(run["results"][0]["level"] == "error");
  CHECK(run["results"][1]["level"] == "note");
  CHECK(run["results"][1]["properties"]["precision"] == "low");
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "a%2Cb.sql");
  CHECK(run["results"][0]["partialFingerprints"]["dbopt/statement/v1"] !=
        run["results"][1]["partialFingerprints"]["dbopt/statement/v1"]);
}

TEST_CASE("gitlab: code quality issues with severities and unique fingerprints") {
  const nlohmann::json issues = nlohmann::json::parse(LintGitlab(Report()));
  REQUIRE(issues.size() == 2);
  CHECK(issues[0]["severity"] == "critical");
  CHECK(issues[1]["severity"] == "info");
  CHECK(issues[0]["location"]["path"] == "a,b.sql");
  CHECK(issues[0]["location"]["lines"]["begin"] == 2);
  CHECK(issues[0]["fingerprint"] != issues[1]["fingerprint"]);
}

TEST_CASE("json: format, summary and findings") {
  const nlohmann::json j = nlohmann::json::parse(LintJson(Report()));
  CHECK(j["format"] == "dbopt-lint");
  CHECK(j["summary"]["error"] == 1);
  CHECK(j["summary"]["failing"] == 1);
  CHECK(j["findings"][1]["precision"] == "low");
}

}  // namespace
}  // namespace dbopt::render
