// Private to the trace module: transaction boundaries for traces without transaction ids.
// BEGIN / START TRANSACTION opens a transaction in its session; COMMIT / ROLLBACK / END / ABORT
// closes it; the statements between get the transaction's key (Event::txn_key). State is kept
// only for open transactions, so memory is bounded by the number of concurrent sessions.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "dbopt/trace/event.h"

namespace dbopt::trace {

enum class TxnStatement { kOther, kBegin, kEnd };

// Judged by the first keywords, after blanks and SQL comments, case-insensitively.
// "ROLLBACK TO [SAVEPOINT]", "COMMIT PREPARED" and "ROLLBACK PREPARED" are kOther.
TxnStatement ClassifyTxnStatement(std::string_view sql);

class TxnTracker {
 public:
  // Sets txn_key and txn_end of an event whose session_key is set:
  // - with a trace transaction id (event->txn): key = hash(session, txn), and the transaction
  //   ends at a COMMIT/ROLLBACK statement (or, for the consumer, when the id changes);
  // - otherwise by the BEGIN … COMMIT statements of its session; no session: autocommit.
  void Apply(Event* event);

 private:
  std::unordered_map<uint64_t, uint64_t> open_;  // session_key → txn_key
};

}  // namespace dbopt::trace
