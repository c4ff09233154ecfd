// DB205 missing-lock-timeout: the first lock-taking DDL of a file comes before any
// SET lock_timeout.
#include "../file_facts.h"
#include "rule_base.h"

namespace dbopt::lint {
namespace {

class MissingLockTimeout : public RuleBase {
 public:
  MissingLockTimeout()
      : RuleBase({"DB205", "missing-lock-timeout", RuleLevel::kSyntax, Level::kWarning,
                  "DDL on an existing table without a lock_timeout",
                  "ALTER TABLE, CREATE INDEX (without CONCURRENTLY) and DROP wait for their lock "
                  "behind any running query on the table, and every later query queues behind "
                  "them: a migration waiting on one slow report can stop all traffic. SET "
                  "lock_timeout (e.g. '5s') first, and retry on timeout. Reported once per file, "
                  "at the first such statement."}) {}

  void Check(const RuleContext& context, Reporter& reporter) const override {
    const sql::Statement& s = context.statement;
    if (s.begin != context.file.first_locking_ddl() || context.file.LockTimeoutBefore(s.begin))
      return;
    reporter.Report(s.location,
                    s.name +
                        " takes a strong lock with no lock_timeout set: if it waits, every "
                        "query on the table waits behind it",
                    Grade::kDefault, "SET lock_timeout = '5s'; before the first DDL statement");
  }
};

}  // namespace

std::unique_ptr<Rule> MakeMissingLockTimeout() { return std::make_unique<MissingLockTimeout>(); }

}  // namespace dbopt::lint
