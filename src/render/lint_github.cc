// dbopt lint --format github: GitHub Actions workflow commands, escaped as @actions/core does
// (command.ts escapeData / escapeProperty), capped per level, with a summary notice.
#include <map>

#include "dbopt/render/lint_output.h"

namespace dbopt::render {
namespace {

std::string EscapeData(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeProperty(const std::string& s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

const char* Command(lint::Level level) {
  switch (level) {
    case lint::Level::kError:
      return "error";
    case lint::Level::kWarning:
      return "warning";
    case lint::Level::kInfo:
      return "notice";
  }
  return "notice";
}

}  // namespace

std::string LintGithub(const lint::LintReport& report, int max_per_level) {
  std::string out;
  std::map<lint::Level, int> shown;
  size_t hidden = 0;
  for (const lint::Finding& f : report.findings) {
    if (shown[f.level] >= max_per_level) {
      ++hidden;
      continue;
    }
    ++shown[f.level];
    std::string message = f.message;
    if (!f.hint.empty()) message += "\nhint: " + f.hint;
    out += std::string("::") + Command(f.level) + " file=" + EscapeProperty(f.file) +
           ",line=" + std::to_string(f.line) + ",col=" + std::to_string(f.column) +
           ",title=" + EscapeProperty(f.rule_id + " " + f.rule_name) + "::" + EscapeData(message) +
           "\n";
  }
  std::string summary = LintSummary(report);
  if (hidden > 0)
    summary += "; " + std::to_string(hidden) + " not shown as annotations (at most " +
               std::to_string(max_per_level) + " per level): run dbopt lint --format text for all";
  out += "::notice title=" + EscapeProperty("dbopt lint") + "::" + EscapeData(summary) + "\n";
  return out;
}

}  // namespace dbopt::render
