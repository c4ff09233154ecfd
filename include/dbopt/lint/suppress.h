// Inline suppressions, read from the `--` comments of a file (never from strings, quoted
// identifiers, block comments or dollar-quoted bodies):
//
//   -- dbopt-ignore DB102, limit-without-order-by: reason      the next statement
//   -- dbopt-ignore-file DB205: reason                         the whole file
//   SELECT * FROM t;  -- noqa: DB102                           findings on this line
//   SELECT * FROM t;  -- noqa                                  every finding on this line
//
// Rules are named by id or name; `all` stands for every rule. Documented in docs/lint-config.md.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dbopt/base/source_text.h"
#include "dbopt/lint/finding.h"

namespace dbopt::lint {

struct LineComment {
  size_t offset = 0;  // of the "--"
  std::string text;   // after the "--", without the newline
};

// Every `--` comment of the text, in order.
std::vector<LineComment> ScanLineComments(const std::string& text);

class Suppressions {
 public:
  // Unknown rule names in suppression comments are reported as DB001 findings by the linter
  // (`problems`), so that a typo never silently keeps a finding alive.
  explicit Suppressions(const SourceText& source);

  // `statement_begin`: where the finding's statement starts; `statement_begins`: where every
  // statement of the file starts (sorted), so that an ignore comment applies only to the next one.
  bool Suppresses(const Finding& finding, size_t statement_begin,
                  const std::vector<size_t>& statement_begins) const;
  const std::vector<Finding>& problems() const { return problems_; }

 private:
  struct Directive {
    size_t offset = 0;
    int line = 0;
    std::vector<std::string> rules;  // ids; empty: all
  };
  static bool Covers(const Directive& d, const std::string& rule_id);

  std::vector<Directive> next_statement_;
  std::vector<Directive> file_;
  std::vector<Directive> line_;
  std::vector<Finding> problems_;
};

}  // namespace dbopt::lint
