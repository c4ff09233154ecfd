// Statement splitting, psql-style (see internal::SplitSql). libpg_query's scanner-based
// splitter is not used: it silently drops statements that contain no keyword ("SELEC 1;") and
// everything after an unclosed parenthesis, and dbopt must report those, not skip them.
#include "dbopt/sql/splitter.h"

#include <algorithm>
#include <cctype>

#include "lexer.h"

namespace dbopt::sql {

StatementSpan TrimStatement(const std::string& text, size_t chunk_begin, size_t chunk_end) {
  StatementSpan span;
  chunk_end = std::min(chunk_end, text.size());
  span.begin = internal::SkipTrivia(text, chunk_begin, chunk_end, &span.leading_comments);
  size_t end = chunk_end;
  while (end > span.begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  span.end = end;
  return span;
}

SplitResult SplitStatements(const SourceText& source) {
  SplitResult result;
  const std::string& text = source.text();
  // libpg_query reads C strings: the text ends at a NUL byte.
  const size_t nul = text.find('\0');
  const size_t end = nul == std::string::npos ? text.size() : nul;
  if (nul != std::string::npos)
    result.error = source.DiagnosticAt(nul, "unexpected NUL byte: the rest of the file is ignored");
  bool unclosed = false;
  std::vector<std::pair<size_t, size_t>> chunks = internal::SplitSql(text, 0, end, true, &unclosed);
  if (unclosed && !chunks.empty()) {
    // A parenthesis or block never closed and swallowed the rest of the file: split that rest at
    // every ';' instead, so that the broken statement gets its error and the others still parse.
    const auto last = chunks.back();
    chunks.pop_back();
    for (const auto& piece : internal::SplitSql(text, last.first, last.second, false))
      chunks.push_back(piece);
  }
  for (const auto& [chunk_begin, chunk_end] : chunks) {
    StatementSpan span = TrimStatement(text, chunk_begin, chunk_end);
    if (span.begin < span.end) result.spans.push_back(std::move(span));
  }
  return result;
}

}  // namespace dbopt::sql
