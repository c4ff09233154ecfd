#include "dbopt/base/diagnostic.h"

#include <fmt/format.h>

namespace dbopt {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

namespace {

// The caret line repeats the source line's tabs so that the caret lines up in a terminal.
std::string CaretPadding(const std::string& line, int column) {
  std::string pad;
  int character = 1;
  for (size_t i = 0; i < line.size() && character < column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte: same character
    pad += c == '\t' ? '\t' : ' ';
    ++character;
  }
  while (character < column) {  // a column just past the end of the line
    pad += ' ';
    ++character;
  }
  return pad;
}

}  // namespace

std::string Diagnostic::Render() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += fmt::format(":{}", line);
    if (line > 0 && column > 0) out += fmt::format(":{}", column);
    out += ": ";
  }
  out += fmt::format("{}: {}\n", SeverityName(severity), message);
  if (line > 0 && !source_line.empty()) {
    const std::string number = std::to_string(line);
    out += fmt::format(" {} | {}\n", number, source_line);
    if (column > 0) {
      out += fmt::format(" {} | {}^\n", std::string(number.size(), ' '),
                         CaretPadding(source_line, column));
    }
  }
  if (!hint.empty()) out += fmt::format("hint: {}\n", hint);
  return out;
}

}  // namespace dbopt
