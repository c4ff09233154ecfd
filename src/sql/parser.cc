// ParseFile: libpg_query's parse tree (its node JSON) → dbopt's AST, statement by statement.
//
// Steps:
//   1. Parse the whole file at once (one libpg_query call, the common case: no syntax error).
//   2. If that fails, split the file with the scanner and parse each statement alone, so that a
//      syntax error is reported at its place and the other statements still parse.
//   3. Transform each RawStmt into a Statement; unsupported constructs become diagnostics.
#include "dbopt/sql/parser.h"

#include <fmt/format.h>
#include <pg_query.h>

#include <pthread.h>

#include <algorithm>
#include <memory>

#include "dbopt/sql/splitter.h"
#include "lexer.h"
#include "pg_json.h"
#include "transform.h"
#include "utf8.h"

namespace dbopt::sql {
namespace {

// libpg_query's recursive output (measured with its protobuf output) overflowed an 8 MB stack at
// about 25,000 levels of nesting (measured with `SELECT 1+1+...`); statements whose estimated depth
// exceeds this limit are refused before reaching it. Each level takes at least two bytes ("1+"), so
// statements shorter than kDepthCheckMinBytes cannot exceed it and skip the estimate.
constexpr int kLibraryDepthLimit = 4 * kMaxNestingDepth;
constexpr size_t kDepthCheckMinBytes = 2 * kLibraryDepthLimit;

bool TooDeep(std::string_view sql) {
  return sql.size() >= kDepthCheckMinBytes &&
         internal::EstimateNestingDepth(sql) > kLibraryDepthLimit;
}

// The transform recurses once per level of the parse tree, up to kMaxNestingDepth levels: more
// than a default 8 MB stack holds in sanitizer and debug builds (about 5 KB a level there). Deep
// trees are therefore transformed on a thread of its own with a large stack (virtual memory:
// only the pages used are touched). kDeepTree counts JSON levels, about 3 per SQL level.
constexpr size_t kDeepTree = 300;
constexpr size_t kLargeStackBytes = size_t{256} << 20;

template <typename F>
void RunWithLargeStack(bool deep, F&& work) {
  struct Job {
    F* work;
    static void* Run(void* job) {
      (*static_cast<Job*>(job)->work)();
      return nullptr;
    }
  } job{&work};
  pthread_attr_t attr;
  pthread_t thread;
  if (deep && pthread_attr_init(&attr) == 0) {
    const bool created = pthread_attr_setstacksize(&attr, kLargeStackBytes) == 0 &&
                         pthread_create(&thread, &attr, &Job::Run, &job) == 0;
    pthread_attr_destroy(&attr);
    if (created) {
      pthread_join(thread, nullptr);
      return;
    }
  }
  work();  // shallow, or no thread could be made: the caller's stack
}

// One libpg_query parse (pg_query_parse: the raw parse tree as JSON), read into a JsonTree.
// pg_query_parse_protobuf would save the JSON reading but costs several times as much in
// libpg_query itself (libpg_query 15-4.0: protobuf-c packing; see bench/parse_bench.cc).
class PgParse {
 public:
  explicit PgParse(const char* sql) : result_(pg_query_parse(sql)) {
    if (result_.error == nullptr && result_.parse_tree != nullptr) {
      std::string json_error;
      if (tree_.Parse(result_.parse_tree, &json_error)) ok_ = true;
    }
  }
  ~PgParse() { pg_query_free_parse_result(result_); }
  PgParse(const PgParse&) = delete;
  PgParse& operator=(const PgParse&) = delete;

  const PgQueryError* error() const { return result_.error; }
  // The {"version": ..., "stmts": [...]} object; none when the JSON could not be read.
  internal::JsonValue tree() const { return ok_ ? tree_.root() : internal::JsonValue(); }
  bool deep() const { return tree_.depth() > kDeepTree; }

 private:
  PgQueryParseResult result_;
  internal::JsonTree tree_;
  bool ok_ = false;
};

// Transforms the statements of one parse of text[base, limit) into `out`. RawStmt fields:
// stmt_location and stmt_len (0, hence left out, means "to the end of the parsed text").
void AddStatements(const SourceText& source, internal::JsonValue tree, size_t base, size_t limit,
                   ParsedFile* out) {
  const std::string& text = source.text();
  for (const internal::JsonValue raw : tree["stmts"]) {
    const size_t chunk_begin = base + static_cast<size_t>(raw["stmt_location"].Int());
    const int64_t length = raw["stmt_len"].Int();
    const size_t chunk_end = length == 0 ? limit : chunk_begin + static_cast<size_t>(length);
    StatementSpan span = TrimStatement(text, chunk_begin, chunk_end);
    internal::Transformer transformer(text, static_cast<int>(base));
    Statement statement;
    transformer.TransformStatement(raw["stmt"], static_cast<int>(span.begin), &statement);
    if (transformer.failed()) {
      const int at = transformer.error_location();
      out->errors.push_back(source.DiagnosticAt(
          at == kNoLocation ? span.begin : static_cast<size_t>(at), transformer.error()));
      continue;
    }
    statement.begin = span.begin;
    statement.end = span.end;
    statement.leading_comments = std::move(span.leading_comments);
    out->statements.push_back(std::move(statement));
  }
}

// Step 2: statement by statement.
void ParseEachStatement(const SourceText& source, ParsedFile* out) {
  const std::string& text = source.text();
  SplitResult split = SplitStatements(source);
  std::vector<Diagnostic> errors;
  for (const StatementSpan& span : split.spans) {
    const std::string sql = text.substr(span.begin, span.end - span.begin);
    if (TooDeep(sql)) {
      out->errors.push_back(source.DiagnosticAt(
          span.begin,
          fmt::format("not supported: nesting deeper than {} levels", kMaxNestingDepth)));
      continue;
    }
    PgParse parse(sql.c_str());
    if (const PgQueryError* e = parse.error()) {
      // cursorpos counts characters from 1 within the parsed text; 0 means no position.
      const size_t at =
          internal::ByteOffsetOfCharacter(text, span.begin, span.end, e->cursorpos - 1);
      out->errors.push_back(source.DiagnosticAt(e->cursorpos > 0 ? at : span.begin, e->message));
      continue;
    }
    if (!parse.tree()) {
      out->errors.push_back(
          source.DiagnosticAt(span.begin, "internal error: unreadable parse tree"));
      continue;
    }
    const size_t before = out->statements.size();
    RunWithLargeStack(parse.deep(),
                      [&] { AddStatements(source, parse.tree(), span.begin, span.end, out); });
    // The parser saw only this statement: its leading comments come from the splitter.
    if (out->statements.size() == before + 1)
      out->statements.back().leading_comments = span.leading_comments;
  }
  if (split.error) out->errors.push_back(*split.error);
  // Errors in file order, whichever step found them.
  std::stable_sort(out->errors.begin(), out->errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.line != b.line ? a.line < b.line : a.column < b.column;
                   });
}

}  // namespace

ParsedFile ParseFile(const SourceText& source) {
  ParsedFile out;
  const std::string& text = source.text();
  // Step 1: the whole file in one call, unless a statement might be too deep for libpg_query.
  const bool has_nul = text.find('\0') != std::string::npos;
  if (!has_nul && !TooDeep(text)) {
    PgParse parse(text.c_str());
    if (parse.error() == nullptr && parse.tree()) {
      RunWithLargeStack(parse.deep(),
                        [&] { AddStatements(source, parse.tree(), 0, text.size(), &out); });
      return out;
    }
  }
  ParseEachStatement(source, &out);
  return out;
}

Result<Statement> ParseStatement(std::string_view sql, std::string_view name) {
  SourceText source{std::string(name), std::string(sql)};
  ParsedFile file = ParseFile(source);
  if (!file.errors.empty()) {
    Error error = Error::At(file.errors[0]);
    error.notes.assign(file.errors.begin() + 1, file.errors.end());
    return error;
  }
  if (file.statements.size() != 1) {
    return Error::BadInput(
        fmt::format("{}: expected one statement, found {}", name, file.statements.size()));
  }
  return std::move(file.statements[0]);
}

}  // namespace dbopt::sql
