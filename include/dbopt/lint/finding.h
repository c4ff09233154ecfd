// What a lint rule reports: a finding with its rule, level, location and message.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dbopt::lint {

// Ordered from most to least severe; `--fail-on LEVEL` fails on findings at LEVEL or above.
enum class Level { kError, kWarning, kInfo };

// How sure a finding is. Rules that grade by statistics report kLow when the catalog has none
// (SARIF properties.precision; GitHub orders alerts by it).
enum class Precision { kHigh, kMedium, kLow };

const char* LevelName(Level level);              // "error", "warning", "info"
const char* PrecisionName(Precision precision);  // "high", "medium", "low"
std::optional<Level> ParseLevel(std::string_view text);
// True when `level` is at least as severe as `threshold`.
inline bool AtLeast(Level level, Level threshold) {
  return static_cast<int>(level) <= static_cast<int>(threshold);
}

struct Finding {
  std::string rule_id;    // "DB101"; "DB000" for a syntax error
  std::string rule_name;  // "update-delete-without-where"
  Level level = Level::kWarning;
  Precision precision = Precision::kHigh;
  std::string file;   // as given on the command line (or found under a directory)
  size_t offset = 0;  // byte offset in the file
  int line = 1;       // 1-based
  int column = 1;     // 1-based, in characters
  std::string message;
  std::string hint;         // e.g. `did you mean "orders"?`; empty: none
  std::string source_line;  // the line the finding points at, without its newline
  // The statement's fingerprint (sql::Fingerprint), used by baselines and SARIF
  // partialFingerprints so that findings survive edits that move lines. For a statement that
  // does not parse: a hash of its whitespace-normalized text.
  std::string fingerprint;
};

// Sort order of a report: file, line, column, rule id, message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace dbopt::lint
