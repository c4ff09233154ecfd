// DB305 timestamp-without-time-zone: timestamp without time zone
#include "rule_base.h"

namespace dbopt::lint {

std::unique_ptr<Rule> MakeTimestampWithoutTimeZone() {
  return std::make_unique<DeclaredTypeRule>(
      RuleInfo{
          "DB305", "timestamp-without-time-zone", RuleLevel::kSyntax, Level::kWarning,
          "timestamp without time zone",
          "timestamp (without time zone) stores a wall-clock reading with no zone: the same value "
          "means different instants for clients in different zones, and arithmetic across DST "
          "changes is wrong. timestamptz stores an instant and converts on output."},
      [](const std::string& base, const sql::TypeName& type) {
        return base == "timestamp" && type.names.size() == 2 && type.names[0] == "pg_catalog";
      },
      "timestamp without time zone stores no instant; prefer timestamptz",
      "use timestamptz (timestamp with time zone)");
}

}  // namespace dbopt::lint
