// Reading workload statements and their weights; see workload.h.
#include "dbopt/advisor/workload.h"

#include <charconv>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "dbopt/sql/parser.h"

namespace dbopt::advisor {
namespace {

bool IsAnalysable(const sql::Statement& s) {
  return s.kind == sql::StatementKind::kSelect || s.kind == sql::StatementKind::kInsert ||
         s.kind == sql::StatementKind::kUpdate || s.kind == sql::StatementKind::kDelete;
}

// The value of `calls=` in a `-- dbopt: key=value ...` comment; nullopt when the comment is not
// one or has no calls key; an error message when the value is not a non-negative number.
struct CallsKey {
  bool present = false;
  double value = 1;
  std::string error;
};

CallsKey ReadCallsKey(std::string_view comment) {
  CallsKey out;
  constexpr std::string_view kPrefix = "-- dbopt:";
  if (comment.substr(0, kPrefix.size()) != kPrefix) return out;
  std::string_view rest = comment.substr(kPrefix.size());
  while (!rest.empty()) {
    const size_t start = rest.find_first_not_of(" \t");
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    const size_t end = std::min(rest.find_first_of(" \t"), rest.size());
    const std::string_view item = rest.substr(0, end);
    rest.remove_prefix(end);
    if (item.substr(0, 6) != "calls=") continue;
    const std::string_view text = item.substr(6);
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    out.present = true;
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value) ||
        value < 0) {
      out.error = fmt::format("calls must be a non-negative number, got \"{}\"", text);
    } else {
      out.value = value;
    }
  }
  return out;
}

}  // namespace

void AppendSqlWorkload(std::shared_ptr<const SourceText> source, Workload& workload) {
  sql::ParsedFile file = sql::ParseFile(*source);
  for (Diagnostic& d : file.errors) workload.errors.push_back(std::move(d));
  for (sql::Statement& statement : file.statements) {
    const LineColumn lc = source->Locate(statement.begin);
    const std::string origin = fmt::format("{}:{}", source->name(), lc.line);
    if (!IsAnalysable(statement)) {
      workload.not_analysed.push_back(fmt::format("{}: {}", origin, statement.name));
      continue;
    }
    double weight = 1;
    for (const std::string& comment : statement.leading_comments) {
      CallsKey calls = ReadCallsKey(comment);
      if (!calls.present) continue;
      if (!calls.error.empty()) {
        // The comment sits before the statement; point at the statement, which is what it weighs.
        workload.errors.push_back(source->DiagnosticAt(statement.begin, calls.error));
        continue;
      }
      weight = calls.value;
    }
    workload.statements.push_back({source, std::move(statement), weight, origin});
  }
}

void AppendStatement(const std::string& origin, const std::string& sql, double weight,
                     Workload& workload) {
  auto source = std::make_shared<const SourceText>(origin, sql);
  Workload one;
  AppendSqlWorkload(source, one);
  for (Diagnostic& d : one.errors) workload.errors.push_back(std::move(d));
  for (std::string& s : one.not_analysed) workload.not_analysed.push_back(std::move(s));
  for (WorkloadStatement& s : one.statements) {
    s.weight = weight;
    s.origin = origin;
    workload.statements.push_back(std::move(s));
  }
}

}  // namespace dbopt::advisor
