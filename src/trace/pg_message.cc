#include "pg_message.h"

#include "dbopt/trace/timestamp.h"

namespace dbopt::trace {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// "statement: SQL", "execute NAME: SQL", "execute fetch from S/C: SQL", "parse NAME: SQL",
// "bind S/C: SQL". Sets *sql; returns 0 for none, 1 for statement/execute, 2 for parse/bind.
int MatchStatement(std::string_view s, std::string_view* sql) {
  if (StartsWith(s, "statement: ")) {
    *sql = s.substr(11);
    return 1;
  }
  int kind = 0;
  if (StartsWith(s, "execute ")) {
    kind = 1;
  } else if (StartsWith(s, "parse ") || StartsWith(s, "bind ")) {
    kind = 2;
  } else {
    return 0;
  }
  const size_t colon = s.find(": ");
  if (colon == std::string_view::npos) return 0;
  *sql = s.substr(colon + 2);
  return kind;
}

}  // namespace

PgMessage ParsePgMessage(std::string_view message) {
  PgMessage out;
  if (!StartsWith(message, "duration: ")) {
    if (MatchStatement(message, &out.sql) == 1) out.kind = PgMessageKind::kStatementOnly;
    return out;
  }
  std::string_view rest = message.substr(10);
  const size_t n = ParseScaled(rest, 3, &out.duration_us);
  if (n == 0 || !StartsWith(rest.substr(n), " ms")) {
    out.kind = PgMessageKind::kBadDuration;
    return out;
  }
  rest = rest.substr(n + 3);
  size_t blanks = 0;
  while (blanks < rest.size() && rest[blanks] == ' ') ++blanks;
  rest = rest.substr(blanks);
  if (rest.empty()) {
    out.kind = PgMessageKind::kDurationOnly;
    return out;
  }
  switch (MatchStatement(rest, &out.sql)) {
    case 1:
      out.kind = PgMessageKind::kTimed;
      break;
    case 2:
      out.kind = PgMessageKind::kTimedPrepare;
      break;
    default:
      out.kind = PgMessageKind::kOther;  // "plan:" (auto_explain) and others
      break;
  }
  return out;
}

}  // namespace dbopt::trace
