#include "dbopt/lint/finding.h"

#include <tuple>

namespace dbopt::lint {

const char* LevelName(Level level) {
  switch (level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kInfo:
      return "info";
  }
  return "info";
}

const char* PrecisionName(Precision precision) {
  switch (precision) {
    case Precision::kHigh:
      return "high";
    case Precision::kMedium:
      return "medium";
    case Precision::kLow:
      return "low";
  }
  return "high";
}

std::optional<Level> ParseLevel(std::string_view text) {
  if (text == "error") return Level::kError;
  if (text == "warning") return Level::kWarning;
  if (text == "info") return Level::kInfo;
  return std::nullopt;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.line, a.column, a.rule_id, a.message) <
         std::tie(b.file, b.line, b.column, b.rule_id, b.message);
}

}  // namespace dbopt::lint
