#include "txn_tracker.h"

namespace dbopt::trace {

namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Skips blanks, "-- …" and "/* … */" comments.
size_t SkipBlanks(std::string_view s, size_t p) {
  while (p < s.size()) {
    if (IsSpace(s[p])) {
      ++p;
    } else if (s.compare(p, 2, "--") == 0) {
      const size_t nl = s.find('\n', p);
      p = nl == std::string_view::npos ? s.size() : nl + 1;
    } else if (s.compare(p, 2, "/*") == 0) {
      const size_t end = s.find("*/", p + 2);
      p = end == std::string_view::npos ? s.size() : end + 2;
    } else {
      break;
    }
  }
  return p;
}

// Matches the lowercase keyword `word` at s[*p] as a whole word; advances past it and blanks.
bool Keyword(std::string_view s, size_t* p, std::string_view word) {
  if (s.size() - *p < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(s[*p + i]) != word[i]) return false;
  }
  const size_t end = *p + word.size();
  if (end < s.size() && IsWordChar(s[end])) return false;
  *p = SkipBlanks(s, end);
  return true;
}

}  // namespace

TxnStatement ClassifyTxnStatement(std::string_view sql) {
  size_t p = SkipBlanks(sql, 0);
  if (p >= sql.size()) return TxnStatement::kOther;
  switch (Lower(sql[p])) {  // most statements are rejected by their first letter
    case 'b':
      return Keyword(sql, &p, "begin") ? TxnStatement::kBegin : TxnStatement::kOther;
    case 's':
      return Keyword(sql, &p, "start") && Keyword(sql, &p, "transaction") ? TxnStatement::kBegin
                                                                          : TxnStatement::kOther;
    case 'c':
      if (!Keyword(sql, &p, "commit")) return TxnStatement::kOther;
      return Keyword(sql, &p, "prepared") ? TxnStatement::kOther : TxnStatement::kEnd;
    case 'r':
      if (!Keyword(sql, &p, "rollback")) return TxnStatement::kOther;
      Keyword(sql, &p, "work") || Keyword(sql, &p, "transaction");
      return Keyword(sql, &p, "to") || Keyword(sql, &p, "prepared") ? TxnStatement::kOther
                                                                    : TxnStatement::kEnd;
    case 'e':
      return Keyword(sql, &p, "end") ? TxnStatement::kEnd : TxnStatement::kOther;
    case 'a':
      return Keyword(sql, &p, "abort") ? TxnStatement::kEnd : TxnStatement::kOther;
    default:
      return TxnStatement::kOther;
  }
}

void TxnTracker::Apply(Event* event) {
  const TxnStatement kind = ClassifyTxnStatement(event->sql);
  if (!event->txn.empty()) {
    event->txn_key = CombineKeys(event->session_key, HashKey(event->txn));
    event->txn_end = kind == TxnStatement::kEnd;
    return;
  }
  event->txn_key = 0;
  event->txn_end = true;
  if (event->session_key == 0) return;
  auto open = open_.find(event->session_key);
  switch (kind) {
    case TxnStatement::kBegin:
      if (open == open_.end()) {  // a BEGIN inside a transaction is a no-op (PostgreSQL warns)
        open = open_
                   .emplace(event->session_key,
                            CombineKeys(event->session_key, static_cast<uint64_t>(event->line)))
                   .first;
      }
      event->txn_key = open->second;
      event->txn_end = false;
      break;
    case TxnStatement::kEnd:
      if (open != open_.end()) {
        event->txn_key = open->second;
        open_.erase(open);
      }
      break;
    case TxnStatement::kOther:
      if (open != open_.end()) {
        event->txn_key = open->second;
        event->txn_end = false;
      }
      break;
  }
}

}  // namespace dbopt::trace
