// Private to the trace module: a matcher built from a PostgreSQL log_line_prefix. Escapes
// understood: %m %t %s (timestamps), %n (epoch.ms), %p %l %x (numbers), %c (session id),
// %u %d %a %h %r %v %i %e %b %Q (text up to the next literal character), %q (the rest of the
// prefix is written only for session processes), %% (a percent sign). Other escapes match text
// like %u. After the prefix comes the severity: "LOG:  ", "ERROR:  ", …
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dbopt/base/result.h"

namespace dbopt::trace {

struct PrefixFields {
  int64_t time_us = 0;
  bool has_time = false;
  std::string_view pid, session, user, db, app, host, vxid;
  std::string_view severity;         // "LOG", "ERROR", "DETAIL", …
  std::string_view message;          // after "SEVERITY:  "
  const char* time_error = nullptr;  // the timestamp did not parse (zone abbreviation, …)
};

class LogPrefix {
 public:
  // Errors: no time escape (%m, %t or %n), a '%' at the end.
  static Result<LogPrefix> Compile(std::string_view prefix);
  // The prefixes tried when the user gives none: pgBadger's
  // '%t [%p]: user=%u,db=%d,app=%a,client=%h ', pgreplay's '%m|%u|%d|%c|', PostgreSQL's
  // default '%m [%p] ', Debian's '%m [%p] %q%u@%d ', and a few others. Order breaks ties.
  static const std::vector<std::string>& Defaults();

  // Matches a whole log line start: the prefix then "SEVERITY:  ". False when it does not match.
  bool Match(std::string_view line, PrefixFields* fields) const;
  const std::string& text() const { return text_; }
  bool has_session() const { return has_session_; }

 private:
  struct Piece {
    char escape = 0;      // 0: a literal
    std::string literal;  // for a literal
  };
  // Matches pieces_[0, end) at line[*pos]; false on a mismatch.
  bool MatchPieces(std::string_view line, size_t* pos, size_t end, PrefixFields* f) const;
  // One escape; `next` is the literal that follows it (empty: none).
  static bool MatchEscape(char escape, std::string_view line, size_t* pos, std::string_view next,
                          PrefixFields* f);

  std::string text_;
  std::vector<Piece> pieces_;
  size_t q_index_ = std::string::npos;  // index of the piece after %q
  bool has_session_ = false;
};

// "SEVERITY:  message" at line[pos]: an upper-case word, a colon and two spaces (one is
// accepted too).
bool MatchSeverity(std::string_view line, size_t pos, PrefixFields* fields);

}  // namespace dbopt::trace

namespace dbopt::trace {

// The prefix of a stderr log: `user_prefix` when given, else the default that matches the most
// of the first lines in `head` (ties: the earlier default). Errors: it matches none of them.
Result<LogPrefix> ChooseLogPrefix(std::string_view name, std::string_view head,
                                  std::string_view user_prefix);

}  // namespace dbopt::trace
