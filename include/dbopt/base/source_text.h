// A named text (a file, stdin or a command-line argument) that maps byte offsets to
// line:column for diagnostics.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/diagnostic.h"
#include "dbopt/base/result.h"

namespace dbopt {

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, counted in UTF-8 characters; a tab counts as one
};

class SourceText {
 public:
  SourceText(std::string name, std::string text);

  // Reads a file whole; "-" reads standard input.
  static Result<SourceText> ReadFile(const std::string& path);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  LineColumn Locate(size_t offset) const;
  std::string_view Line(int line) const;  // without the newline

  // A diagnostic pointing at `offset` (clamped to the text), with the line and caret filled in.
  Diagnostic DiagnosticAt(size_t offset, std::string message, Severity severity = Severity::kError,
                          std::string hint = {}) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<size_t> line_starts_;  // byte offset of each line's first character
};

}  // namespace dbopt
