// DB301 varchar-length: varchar(n) where text would do
#include "rule_base.h"

namespace dbopt::lint {

std::unique_ptr<Rule> MakeVarcharLength() {
  return std::make_unique<DeclaredTypeRule>(
      RuleInfo{"DB301", "varchar-length", RuleLevel::kSyntax, Level::kInfo,
               "varchar(n) where text would do",
               "In PostgreSQL varchar(n) and text are stored alike; the length limit only adds a "
               "check, and raising it later is an ALTER TABLE. Use text (with a CHECK constraint "
               "on length() when a limit is a business rule)."},
      [](const std::string& base, const sql::TypeName& type) {
        return base == "varchar" && !type.modifiers.empty();
      },
      "varchar(n) limits length without saving space; prefer text",
      "use text, with CHECK (length(col) <= n) if the limit matters");
}

}  // namespace dbopt::lint
