// ParseFile: libpg_query's protobuf parse tree → dbopt's AST, statement by statement.
//
// Steps:
//   1. Parse the whole file at once (one libpg_query call, the common case: no syntax error).
//   2. If that fails, split the file with the scanner and parse each statement alone, so that a
//      syntax error is reported at its place and the other statements still parse.
//   3. Transform each RawStmt into a Statement; unsupported constructs become diagnostics.
#include "dbopt/sql/parser.h"

#include <fmt/format.h>
#include <pg_query.h>
#include <pg_query.pb-c.h>

#include <algorithm>
#include <memory>

#include "dbopt/sql/splitter.h"
#include "lexer.h"
#include "transform.h"
#include "utf8.h"

namespace dbopt::sql {
namespace {

// libpg_query's recursive protobuf output overflowed an 8 MB stack at about 25,000 levels of
// nesting (measured with `SELECT 1+1+...`); statements whose estimated depth exceeds this limit
// are refused before reaching it. Each level takes at least two bytes ("1+"), so statements
// shorter than kDepthCheckMinBytes cannot exceed it and skip the estimate.
constexpr int kLibraryDepthLimit = 4 * kMaxNestingDepth;
constexpr size_t kDepthCheckMinBytes = 2 * kLibraryDepthLimit;

bool TooDeep(std::string_view sql) {
  return sql.size() >= kDepthCheckMinBytes &&
         internal::EstimateNestingDepth(sql) > kLibraryDepthLimit;
}

// A bump allocator for protobuf-c: unpacking allocates one object per node, and the whole tree
// is dropped at once, so individual frees are pointless.
class Arena {
 public:
  Arena() {
    allocator_.alloc = &Arena::Alloc;
    allocator_.free = &Arena::Free;
    allocator_.allocator_data = this;
  }
  ProtobufCAllocator* allocator() { return &allocator_; }

 private:
  static constexpr size_t kBlockSize = 64 * 1024;
  static void* Alloc(void* data, size_t size) {
    auto* arena = static_cast<Arena*>(data);
    size = (size + 15) & ~size_t{15};
    if (size > kBlockSize / 4) {  // large arrays get a block of their own
      arena->blocks_.push_back(std::make_unique<unsigned char[]>(size));
      return arena->blocks_.back().get();
    }
    if (arena->used_ + size > kBlockSize || arena->current_ == nullptr) {
      arena->blocks_.push_back(std::make_unique<unsigned char[]>(kBlockSize));
      arena->current_ = arena->blocks_.back().get();
      arena->used_ = 0;
    }
    void* p = arena->current_ + arena->used_;
    arena->used_ += size;
    return p;
  }
  static void Free(void*, void*) {}

  ProtobufCAllocator allocator_{};
  std::vector<std::unique_ptr<unsigned char[]>> blocks_;
  unsigned char* current_ = nullptr;
  size_t used_ = 0;
};

// One libpg_query parse, unpacked into an arena.
class PgParse {
 public:
  explicit PgParse(const char* sql) : result_(pg_query_parse_protobuf(sql)) {
    if (result_.error == nullptr) {
      tree_ =
          pg_query__parse_result__unpack(arena_.allocator(), result_.parse_tree.len,
                                         reinterpret_cast<const uint8_t*>(result_.parse_tree.data));
    }
  }
  ~PgParse() { pg_query_free_protobuf_parse_result(result_); }
  PgParse(const PgParse&) = delete;
  PgParse& operator=(const PgParse&) = delete;

  const PgQueryError* error() const { return result_.error; }
  const PgQuery__ParseResult* tree() const { return tree_; }

 private:
  PgQueryProtobufParseResult result_;
  Arena arena_;
  PgQuery__ParseResult* tree_ = nullptr;
};

// Transforms the statements of one parse of text[base, limit) into `out`.
void AddStatements(const SourceText& source, const PgQuery__ParseResult& tree, size_t base,
                   size_t limit, ParsedFile* out) {
  const std::string& text = source.text();
  for (size_t i = 0; i < tree.n_stmts; ++i) {
    const PgQuery__RawStmt* raw = tree.stmts[i];
    const size_t chunk_begin = base + static_cast<size_t>(raw->stmt_location);
    // stmt_len 0 means "to the end of the parsed text".
    const size_t chunk_end =
        raw->stmt_len == 0 ? limit : chunk_begin + static_cast<size_t>(raw->stmt_len);
    StatementSpan span = TrimStatement(text, chunk_begin, chunk_end);
    internal::Transformer transformer(static_cast<int>(base));
    Statement statement;
    transformer.TransformStatement(raw->stmt, static_cast<int>(span.begin), &statement);
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
    if (parse.tree() == nullptr) {
      out->errors.push_back(
          source.DiagnosticAt(span.begin, "internal error: unreadable parse tree"));
      continue;
    }
    const size_t before = out->statements.size();
    AddStatements(source, *parse.tree(), span.begin, span.end, out);
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
    if (parse.error() == nullptr && parse.tree() != nullptr) {
      AddStatements(source, *parse.tree(), 0, text.size(), &out);
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
