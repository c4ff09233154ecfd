#include "dbopt/base/source_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace dbopt {

SourceText::SourceText(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  // memchr, not a byte loop: catalogs of tens of megabytes are read through here.
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
    ++p;
    line_starts_.push_back(static_cast<size_t>(p - begin));
  }
}

Result<SourceText> SourceText::ReadFile(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return SourceText("<stdin>", buffer.str());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Io(path + ": cannot open: " + std::strerror(errno));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error::Io(path + ": read error: " + std::strerror(errno));
  return SourceText(path, std::move(text));
}

LineColumn SourceText::Locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  LineColumn lc;
  lc.line = static_cast<int>(line_index) + 1;
  int column = 1;
  for (size_t i = line_starts_[line_index]; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  lc.column = column;
  return lc;
}

std::string_view SourceText::Line(int line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
  const size_t begin = line_starts_[line - 1];
  size_t end =
      static_cast<size_t>(line) < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

Diagnostic SourceText::DiagnosticAt(size_t offset, std::string message, Severity severity,
                                    std::string hint) const {
  const LineColumn lc = Locate(offset);
  Diagnostic d;
  d.severity = severity;
  d.file = name_;
  d.line = lc.line;
  d.column = lc.column;
  d.message = std::move(message);
  d.source_line = std::string(Line(lc.line));
  d.hint = std::move(hint);
  return d;
}

}  // namespace dbopt
