// dbopt lint --format text.
#include <array>
#include <string>

#include "dbopt/base/diagnostic.h"
#include "dbopt/render/lint_output.h"

namespace dbopt::render {

std::string LintSummary(const lint::LintReport& report) {
  std::array<size_t, 3> counts{};
  for (const lint::Finding& f : report.findings) ++counts[static_cast<size_t>(f.level)];
  const size_t n = report.findings.size();
  return std::to_string(n) + (n == 1 ? " finding" : " findings") + " (" +
         std::to_string(counts[0]) + (counts[0] == 1 ? " error, " : " errors, ") +
         std::to_string(counts[1]) + (counts[1] == 1 ? " warning, " : " warnings, ") +
         std::to_string(counts[2]) + " info) in " + std::to_string(report.files.size()) +
         (report.files.size() == 1 ? " file, " : " files, ") + std::to_string(report.lines) +
         " lines";
}

std::string LintText(const lint::LintReport& report) {
  std::string out;
  for (const lint::Finding& f : report.findings) {
    out += f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
           lint::LevelName(f.level) + " " + f.rule_id + ": " + f.message;
    if (f.precision != lint::Precision::kHigh)
      out += std::string(" [") + lint::PrecisionName(f.precision) + " precision]";
    out += "\n";
    // The source line, caret and hint as every dbopt diagnostic shows them: render one without
    // a location header and keep everything after its first line.
    Diagnostic d;
    d.line = f.line;
    d.column = f.column;
    d.source_line = f.source_line;
    d.hint = f.hint;
    const std::string body = d.Render();
    out += body.substr(body.find('\n') + 1);
  }
  out += LintSummary(report) + "\n";
  return out;
}

}  // namespace dbopt::render
