// dbopt parse [--format text|json] (SQL | -f FILE): prints dbopt's AST of every statement.
// Exit 0 when every statement parsed, 2 when any did not (errors on stderr, file:line:col and a
// caret; the other statements are still printed).
#include <iostream>
#include <string>

#include "command.h"
#include "dbopt/sql/ast_printer.h"
#include "dbopt/sql/fingerprint.h"
#include "dbopt/sql/parser.h"

namespace dbopt::cli {
namespace {

struct ParseOptions {
  std::string sql;
  std::string file;
  std::string format = "text";
};

sql::Json LocationJson(const SourceText& source, size_t offset) {
  const LineColumn lc = source.Locate(offset);
  sql::Json j;
  j["offset"] = offset;
  j["line"] = lc.line;
  j["column"] = lc.column;
  return j;
}

// Fingerprint and normalized text of one statement; the error text when libpg_query refuses.
std::pair<std::string, std::string> Shape(const std::string& text) {
  Result<std::string> fingerprint = sql::Fingerprint(text);
  Result<std::string> normalized = sql::Normalize(text);
  return {fingerprint.ok() ? *fingerprint : "error: " + fingerprint.error().message(),
          normalized.ok() ? *normalized : "error: " + normalized.error().message()};
}

std::string Label(const sql::Statement& s) {
  return s.kind == sql::StatementKind::kOther ? "not analysed: " + s.name : s.name;
}

void PrintText(const SourceText& source, const sql::ParsedFile& file) {
  for (size_t i = 0; i < file.statements.size(); ++i) {
    const sql::Statement& s = file.statements[i];
    const LineColumn lc = source.Locate(s.begin);
    const auto [fingerprint, normalized] = Shape(source.text().substr(s.begin, s.end - s.begin));
    if (i > 0) std::cout << "\n";
    std::cout << "statement " << i + 1 << " at " << source.name() << ":" << lc.line << ":"
              << lc.column << ": " << Label(s) << "\n";
    for (const std::string& comment : s.leading_comments)
      std::cout << "  comment: " << comment << "\n";
    std::cout << "  fingerprint: " << fingerprint << "\n";
    std::cout << "  normalized: " << normalized << "\n";
    if (s.kind != sql::StatementKind::kOther)
      std::cout << sql::TreeToText(sql::StatementToJson(s), source, 1);
  }
}

void PrintJson(const SourceText& source, const sql::ParsedFile& file) {
  sql::Json out;
  out["format"] = "dbopt-ast";
  out["version"] = 1;
  out["file"] = source.name();
  sql::Json statements = sql::Json::array();
  for (size_t i = 0; i < file.statements.size(); ++i) {
    const sql::Statement& s = file.statements[i];
    const auto [fingerprint, normalized] = Shape(source.text().substr(s.begin, s.end - s.begin));
    sql::Json j;
    j["index"] = i + 1;
    j["kind"] = sql::StatementKindName(s.kind);
    j["name"] = s.name;
    j["analysed"] = s.kind != sql::StatementKind::kOther;
    j["location"] = LocationJson(source, s.begin);
    j["end"] = s.end;
    j["leading_comments"] = s.leading_comments;
    j["fingerprint"] = fingerprint;
    j["normalized"] = normalized;
    j["tree"] = sql::StatementToJson(s);
    statements.push_back(std::move(j));
  }
  out["statements"] = std::move(statements);
  sql::Json errors = sql::Json::array();
  for (const Diagnostic& d : file.errors) {
    sql::Json e;
    e["file"] = d.file;
    e["line"] = d.line;
    e["column"] = d.column;
    e["message"] = d.message;
    errors.push_back(std::move(e));
  }
  out["errors"] = std::move(errors);
  std::cout << out.dump(2) << "\n";
}

int Run(const ParseOptions& options) {
  if (options.sql.empty() == options.file.empty()) {
    return ReportError(
        Error::Usage("parse: give either SQL text or -f FILE (\"-\" reads standard input)"));
  }
  Result<SourceText> source = options.file.empty()
                                  ? Result<SourceText>(SourceText("<command line>", options.sql))
                                  : SourceText::ReadFile(options.file);
  if (!source.ok()) return ReportError(source.error());
  const sql::ParsedFile file = sql::ParseFile(*source);
  if (options.format == "json") {
    PrintJson(*source, file);
  } else {
    PrintText(*source, file);
  }
  for (const Diagnostic& d : file.errors) std::cerr << d.Render();
  return file.ok() ? 0 : 2;
}

}  // namespace

Command AddParse(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  Command command;
  command.app =
      app.add_subcommand("parse", "Parse SQL with PostgreSQL 15's parser and print dbopt's AST");
  command.app->add_option("sql", options->sql, "SQL text (one or more statements)");
  command.app->add_option("-f,--file", options->file, "read SQL from FILE (\"-\": standard input)");
  command.app->add_option("--format", options->format, "output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  command.app->footer("Exit codes: 0 every statement parsed; 2 a syntax error or bad usage.");
  command.run = [options] { return Run(*options); };
  return command;
}

}  // namespace dbopt::cli
