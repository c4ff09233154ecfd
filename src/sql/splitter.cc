// Statement splitting with libpg_query's scanner-based splitter, plus recovery when the file
// cannot be tokenized (an unterminated string or comment): the statements before the bad one
// are still returned.
#include "dbopt/sql/splitter.h"

#include <pg_query.h>

#include <algorithm>
#include <cctype>

#include "lexer.h"
#include "utf8.h"

namespace dbopt::sql {
namespace {

struct ScannerSplit {
  std::vector<std::pair<size_t, size_t>> chunks;  // [begin, end) after the previous ';'
  bool failed = false;
  std::string message;
  int cursorpos = 0;  // 1-based character position of the error; 0: none
};

ScannerSplit RunSplitter(const std::string& text) {
  ScannerSplit out;
  PgQuerySplitResult r = pg_query_split_with_scanner(text.c_str());
  if (r.error) {
    out.failed = true;
    out.message = r.error->message;
    out.cursorpos = r.error->cursorpos;
  } else {
    for (int i = 0; i < r.n_stmts; ++i) {
      const size_t begin = static_cast<size_t>(r.stmts[i]->stmt_location);
      out.chunks.emplace_back(begin, begin + static_cast<size_t>(r.stmts[i]->stmt_len));
    }
  }
  pg_query_free_split_result(r);
  return out;
}

}  // namespace

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
  // libpg_query reads C strings: a NUL byte ends the text it sees.
  const size_t nul = text.find('\0');
  if (nul != std::string::npos) result.error = source.DiagnosticAt(nul, "unexpected NUL byte");
  ScannerSplit split = RunSplitter(text);
  if (split.failed) {
    // The scanner stopped at the bad token: split the text before it, keep the statements that
    // end with a ';' before it, and report the error where the scanner did.
    const size_t bad = internal::ByteOffsetOfCharacter(text, 0, text.size(), split.cursorpos - 1);
    result.error = source.DiagnosticAt(bad, split.message);
    ScannerSplit prefix = RunSplitter(text.substr(0, bad));
    split.chunks.clear();
    for (const auto& chunk : prefix.chunks) {
      const size_t after = internal::SkipTrivia(text, chunk.second, bad, nullptr);
      if (after < bad && text[after] == ';') split.chunks.push_back(chunk);
    }
  }
  for (const auto& [begin, end] : split.chunks) {
    StatementSpan span = TrimStatement(text, begin, end);
    if (span.begin < span.end) result.spans.push_back(std::move(span));
  }
  return result;
}

}  // namespace dbopt::sql
