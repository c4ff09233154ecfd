// Every lint rule, registered in one place (src/lint/registry.cc), in id order.
#pragma once

#include <string_view>
#include <vector>

#include "dbopt/lint/rule.h"

namespace dbopt::lint {

// The id and name of the pseudo-rule for statements that do not parse.
constexpr const char* kSyntaxErrorId = "DB000";
constexpr const char* kSyntaxErrorName = "syntax-error";

const std::vector<const Rule*>& AllRules();
// Info of every rule including DB000, in id order (for docs, SARIF and --list-rules).
const std::vector<RuleInfo>& AllRuleInfos();
// By id ("DB101", case-insensitive) or name ("select-star"); nullptr when unknown.
const RuleInfo* FindRuleInfo(std::string_view id_or_name);

}  // namespace dbopt::lint
