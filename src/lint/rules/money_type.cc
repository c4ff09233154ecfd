// DB303 money-type: the money type
#include "rule_base.h"

namespace dbopt::lint {

std::unique_ptr<Rule> MakeMoneyType() {
  return std::make_unique<DeclaredTypeRule>(
      RuleInfo{"DB303", "money-type", RuleLevel::kSyntax, Level::kWarning, "the money type",
               "money depends on the lc_monetary setting, has a fixed fractional precision and "
               "rounds in surprising ways. Store amounts as numeric (with the currency in its own "
               "column) or as integer cents."},
      [](const std::string& base, const sql::TypeName&) { return base == "money"; },
      "money depends on lc_monetary and rounds; prefer numeric",
      "use numeric(p,s) or integer cents");
}

}  // namespace dbopt::lint
