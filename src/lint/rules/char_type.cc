// DB302 char-type: char(n) pads with spaces
#include "rule_base.h"

namespace dbopt::lint {

std::unique_ptr<Rule> MakeCharType() {
  return std::make_unique<DeclaredTypeRule>(
      RuleInfo{"DB302", "char-type", RuleLevel::kSyntax, Level::kWarning,
               "char(n) pads with spaces",
               "char(n) pads values with spaces to n characters, ignores trailing spaces in "
               "comparisons and is no faster than text. Use text or varchar."},
      [](const std::string& base, const sql::TypeName&) { return base == "bpchar"; },
      "char(n) pads values with spaces and compares them oddly; prefer text",
      "use text (or varchar)");
}

}  // namespace dbopt::lint
