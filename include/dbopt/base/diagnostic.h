// A message for the user with an optional source location, rendered the way compilers do:
//
//   queries.sql:3:17: error: syntax error at or near "FORM"
//       3 | SELECT * FORM orders
//         |          ^
//   hint: did you mean "FROM"?
#pragma once

#include <string>

namespace dbopt {

enum class Severity { kError, kWarning, kNote };

const char* SeverityName(Severity severity);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;         // empty: no location
  int line = 0;             // 1-based; 0: no line
  int column = 0;           // 1-based, in characters; 0: no column
  std::string message;
  std::string source_line;  // the offending line without its newline; empty: not shown
  std::string hint;         // e.g. `did you mean "orders"?`; empty: none

  // "file:line:col: severity: message", then the line and a caret, then the hint.
  std::string Render() const;
};

}  // namespace dbopt
